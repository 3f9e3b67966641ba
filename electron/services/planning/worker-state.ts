import { generateDemoNetwork } from '../../../shared/demo';
import type { NetworkSnapshot } from '../../../shared/domain';
import { projectStock, type StockProjection } from '../../../shared/engine';
import { NetworkCache, openDatabase } from '../store';
import type { DemoNetworkRequest, LoadedNetwork } from './jobs';
import { StockView } from './views/stock-view';

export interface JobContext {
  progress(label: string, done: number, total: number): void;
  isCancelled(): boolean;
}

export class JobCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelledError';
  }
}

/** A demo is disposable: regenerate it when asked for another size or seed, or when its day has passed. */
function isOutdatedDemo(snapshot: NetworkSnapshot, demo: DemoNetworkRequest): boolean {
  const made = snapshot.meta.demo;
  if (snapshot.meta.source !== 'demo' || !made) return false;
  return made.seed !== demo.seed || made.nodes !== demo.nodes || made.skus !== demo.skus || snapshot.meta.dayZero !== demo.dayZero;
}

export interface LoadedState {
  snapshot: NetworkSnapshot;
  projection: StockProjection;
  stockView: StockView;
}

/** What the worker holds between jobs: the network and its projection. Lost on a crash; the host reloads it. */
export class WorkerState {
  private loaded: LoadedState | null = null;

  get current(): LoadedState {
    if (!this.loaded) throw new Error('the network is not loaded yet');
    return this.loaded;
  }

  load(dbPath: string, demo: DemoNetworkRequest | null, context: JobContext): LoadedNetwork {
    const { db } = openDatabase(dbPath);
    try {
      const cache = new NetworkCache(db);
      context.progress('Reading the local cache', 0, 3);
      let snapshot = cache.readSnapshot();
      if (snapshot && demo && isOutdatedDemo(snapshot, demo)) snapshot = null;
      if (!snapshot && demo) {
        context.progress('Generating the demo network', 1, 3);
        snapshot = generateDemoNetwork(demo).snapshot;
        if (context.isCancelled()) throw new JobCancelledError();
        cache.replaceSnapshot(snapshot);
      }
      if (!snapshot) {
        this.loaded = null;
        return { empty: true, source: null, takenAt: null, dayZero: null, nodes: [], areas: [], demo: null, rows: 0 };
      }
      if (context.isCancelled()) throw new JobCancelledError();
      context.progress('Projecting stock', 2, 3);
      const projection = projectStock(snapshot);
      this.loaded = { snapshot, projection, stockView: new StockView(snapshot, projection) };
      context.progress('Ready', 3, 3);
      return {
        empty: false,
        source: snapshot.meta.source,
        takenAt: snapshot.meta.takenAt,
        dayZero: snapshot.meta.dayZero,
        nodes: snapshot.nodes.map((node) => ({ id: node.id, code: node.code, name: node.name, area: node.area })),
        areas: [...new Set(snapshot.nodes.map((node) => node.area))],
        demo: snapshot.meta.demo,
        rows: snapshot.nodes.length * snapshot.skus.length,
      };
    } finally {
      db.close();
    }
  }
}
