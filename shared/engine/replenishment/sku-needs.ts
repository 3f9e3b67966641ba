import type { NetworkModel } from '../model/network-model';
import { PURCHASE, TRANSFER } from './proposal-columns';

/**
 * The needs of the SKU being worked and, for each, its candidate sources best first. Reused from
 * one SKU to the next: the run works through 20,000 SKUs and this keeps it from allocating for any.
 * Need k's candidates sit at k * width + j, j = 0 … candidateCount[k] − 1, in rank order.
 */
export class SkuNeeds {
  count = 0;
  /** Per node: it is itself below its minimum this SKU, so it has nothing to spare. */
  readonly needy: Uint8Array;

  readonly node: Int32Array;
  /** The need's entry in the run's need columns. */
  readonly need: Int32Array;
  readonly day: Int32Array;
  readonly remaining: Float64Array;
  /** Sources the need has asked (granted or not); it asks each at most once. */
  readonly sourcesUsed: Int32Array;
  readonly proposals: Int32Array;
  readonly transferred: Float64Array;

  readonly width: number;
  readonly candidateCount: Int32Array;
  readonly kind: Uint8Array;
  /** Source node of a transfer, supplier option of a purchase. */
  readonly source: Int32Array;
  readonly transitDays: Int32Array;
  readonly unitCost: Float64Array;
  /** Ship day of a transfer, order day of a purchase. */
  readonly startDay: Int32Array;
  readonly arrivalDay: Int32Array;
  readonly capacity: Float64Array;
  readonly used: Uint8Array;

  constructor(model: NetworkModel) {
    const { nodeCount } = model;
    let lanes = 0;
    for (const into of model.lanes.into) lanes = Math.max(lanes, into.length);
    let options = 0;
    for (const bySku of model.supplierOptions.bySku) options = Math.max(options, bySku.length);
    this.width = Math.max(1, lanes + options);
    const slots = nodeCount * this.width;
    this.needy = new Uint8Array(nodeCount);
    this.node = new Int32Array(nodeCount);
    this.need = new Int32Array(nodeCount);
    this.day = new Int32Array(nodeCount);
    this.remaining = new Float64Array(nodeCount);
    this.sourcesUsed = new Int32Array(nodeCount);
    this.proposals = new Int32Array(nodeCount);
    this.transferred = new Float64Array(nodeCount);
    this.candidateCount = new Int32Array(nodeCount);
    this.kind = new Uint8Array(slots);
    this.source = new Int32Array(slots);
    this.transitDays = new Int32Array(slots);
    this.unitCost = new Float64Array(slots);
    this.startDay = new Int32Array(slots);
    this.arrivalDay = new Int32Array(slots);
    this.capacity = new Float64Array(slots);
    this.used = new Uint8Array(slots);
  }

  addNeed(node: number, need: number, day: number, qty: number): void {
    const k = this.count++;
    this.node[k] = node;
    this.need[k] = need;
    this.day[k] = day;
    this.remaining[k] = qty;
    this.sourcesUsed[k] = 0;
    this.proposals[k] = 0;
    this.transferred[k] = 0;
    this.candidateCount[k] = 0;
  }

  addTransfer(k: number, sourceNode: number, transitDays: number, unitCost: number, shipDay: number, capacity: number): void {
    const at = this.place(k, TRANSFER, sourceNode, unitCost, shipDay + transitDays);
    this.transitDays[at] = transitDays;
    this.startDay[at] = shipDay;
    this.capacity[at] = capacity;
  }

  addPurchase(k: number, option: number, unitCost: number, orderDay: number, arrivalDay: number): void {
    const at = this.place(k, PURCHASE, option, unitCost, arrivalDay);
    this.transitDays[at] = 0;
    this.startDay[at] = orderDay;
    this.capacity[at] = Number.POSITIVE_INFINITY;
  }

  /**
   * Inserts a candidate at its rank (a need has a dozen at most, so insertion is the cheapest sort).
   * On time beats late whatever it costs; among on-time sources the cheapest per unit wins, among late
   * ones the earliest. Ties go to transfers (stock the company already owns), then to the lower node or
   * option index, so the order of the input never decides.
   */
  private place(k: number, kind: number, source: number, unitCost: number, arrivalDay: number): number {
    const first = k * this.width;
    const late = arrivalDay > (this.day[k] as number);
    let at = first + (this.candidateCount[k] as number)++;
    while (at > first && this.ranksBefore(late, kind, source, unitCost, arrivalDay, at - 1)) {
      this.copy(at - 1, at);
      at--;
    }
    this.kind[at] = kind;
    this.source[at] = source;
    this.unitCost[at] = unitCost;
    this.arrivalDay[at] = arrivalDay;
    this.used[at] = 0;
    return at;
  }

  /** Whether a new candidate (late or not, with these terms) ranks before the one at `slot`. */
  private ranksBefore(late: boolean, kind: number, source: number, unitCost: number, arrivalDay: number, slot: number): boolean {
    const k = Math.floor(slot / this.width);
    const otherArrival = this.arrivalDay[slot] as number;
    const otherLate = otherArrival > (this.day[k] as number);
    if (late !== otherLate) return !late;
    const otherCost = this.unitCost[slot] as number;
    if (!late) {
      if (unitCost !== otherCost) return unitCost < otherCost;
      if (arrivalDay !== otherArrival) return arrivalDay < otherArrival;
    } else {
      if (arrivalDay !== otherArrival) return arrivalDay < otherArrival;
      if (unitCost !== otherCost) return unitCost < otherCost;
    }
    const otherKind = this.kind[slot] as number;
    if (kind !== otherKind) return kind === TRANSFER;
    return source < (this.source[slot] as number);
  }

  private copy(from: number, to: number): void {
    this.kind[to] = this.kind[from] as number;
    this.source[to] = this.source[from] as number;
    this.transitDays[to] = this.transitDays[from] as number;
    this.unitCost[to] = this.unitCost[from] as number;
    this.startDay[to] = this.startDay[from] as number;
    this.arrivalDay[to] = this.arrivalDay[from] as number;
    this.capacity[to] = this.capacity[from] as number;
    this.used[to] = this.used[from] as number;
  }
}
