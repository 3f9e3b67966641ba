/** Flows below this are rounding noise, not stock. */
export const FLOW_EPSILON = 1e-9;

/**
 * A small max-flow network (Dinic's algorithm) with real-valued capacities. Edge e's reverse is
 * e ^ 1. Used per SKU by the sharing rule, where graphs have tens of vertices.
 */
export class FlowNetwork {
  private readonly head: Int32Array;
  private next: number[] = [];
  private to: number[] = [];
  private capacity: number[] = [];
  private residual: number[] = [];
  private readonly level: Int32Array;
  private readonly cursor: Int32Array;
  private readonly queue: Int32Array;

  constructor(readonly vertexCount: number) {
    this.head = new Int32Array(vertexCount).fill(-1);
    this.level = new Int32Array(vertexCount);
    this.cursor = new Int32Array(vertexCount);
    this.queue = new Int32Array(vertexCount);
  }

  addEdge(from: number, to: number, capacity: number): number {
    const edge = this.to.length;
    this.to.push(to, from);
    this.capacity.push(capacity, 0);
    this.residual.push(capacity, 0);
    this.next.push(this.head[from] as number, this.head[to] as number);
    this.head[from] = edge;
    this.head[to] = edge + 1;
    return edge;
  }

  /** Changes an edge's capacity keeping its current flow (which must still fit). */
  setCapacity(edge: number, capacity: number): void {
    const flow = this.flowOn(edge);
    this.capacity[edge] = capacity;
    this.residual[edge] = capacity - flow;
  }

  flowOn(edge: number): number {
    return (this.capacity[edge] as number) - (this.residual[edge] as number);
  }

  resetFlow(): void {
    for (let edge = 0; edge < this.to.length; edge++) this.residual[edge] = this.capacity[edge] as number;
  }

  /** Pushes as much more flow as fits from source to sink and returns how much was added. */
  maxFlow(source: number, sink: number): number {
    let total = 0;
    while (this.buildLevels(source, sink)) {
      this.cursor.set(this.head);
      let pushed: number;
      while ((pushed = this.push(source, sink, Number.POSITIVE_INFINITY)) > FLOW_EPSILON) total += pushed;
    }
    return total;
  }

  /** Vertices still reachable from the source through edges with room: the source side of a minimum cut. */
  reachable(source: number): Uint8Array {
    const seen = new Uint8Array(this.vertexCount);
    let read = 0;
    let write = 0;
    this.queue[write++] = source;
    seen[source] = 1;
    while (read < write) {
      const vertex = this.queue[read++] as number;
      for (let edge = this.head[vertex] as number; edge >= 0; edge = this.next[edge] as number) {
        const target = this.to[edge] as number;
        if (!seen[target] && (this.residual[edge] as number) > FLOW_EPSILON) {
          seen[target] = 1;
          this.queue[write++] = target;
        }
      }
    }
    return seen;
  }

  private buildLevels(source: number, sink: number): boolean {
    this.level.fill(-1);
    let read = 0;
    let write = 0;
    this.queue[write++] = source;
    this.level[source] = 0;
    while (read < write) {
      const vertex = this.queue[read++] as number;
      for (let edge = this.head[vertex] as number; edge >= 0; edge = this.next[edge] as number) {
        const target = this.to[edge] as number;
        if ((this.level[target] as number) < 0 && (this.residual[edge] as number) > FLOW_EPSILON) {
          this.level[target] = (this.level[vertex] as number) + 1;
          this.queue[write++] = target;
        }
      }
    }
    return (this.level[sink] as number) >= 0;
  }

  private push(vertex: number, sink: number, limit: number): number {
    if (vertex === sink) return limit;
    for (let edge = this.cursor[vertex] as number; edge >= 0; edge = this.next[edge] as number, this.cursor[vertex] = edge) {
      const target = this.to[edge] as number;
      const room = this.residual[edge] as number;
      if (room <= FLOW_EPSILON || (this.level[target] as number) !== (this.level[vertex] as number) + 1) continue;
      const pushed = this.push(target, sink, Math.min(limit, room));
      if (pushed > FLOW_EPSILON) {
        this.residual[edge] = room - pushed;
        this.residual[edge ^ 1] = (this.residual[edge ^ 1] as number) + pushed;
        return pushed;
      }
    }
    this.cursor[vertex] = -1;
    return 0;
  }
}
