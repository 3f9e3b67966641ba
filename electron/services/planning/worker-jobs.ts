import { type PLANNING_JOBS, type JobKind, type JobResult } from './jobs';
import { planningJobs } from './planning-jobs';
import { freshnessByNode, staleNodeIds } from './views/freshness';
import { summariseNetwork } from './views/network-summary';
import type { JobContext, WorkerState } from './worker-state';
import type { z } from 'zod';

type ParsedInput<K extends JobKind> = z.output<(typeof PLANNING_JOBS)[K]['input']>;
export type WorkerJobs = { [K in JobKind]: (input: ParsedInput<K>, context: JobContext) => JobResult<K> | Promise<JobResult<K>> };

/** The worker side of each job: pure computation on the state the worker holds. */
export function workerJobs(state: WorkerState): WorkerJobs {
  return {
    'load-network': (input, context) => state.load(input.dbPath, input.demo, context),
    'assemble-odoo': (input, context) => state.assembleFromOdoo(input.dbPath, input.profile, input.takenAt, input.dayZero, input.changes, input.compareWithPrevious, context),
    'network-summary': (input) => {
      const { snapshot, projection } = state.current;
      return summariseNetwork(snapshot, projection, freshnessByNode(snapshot, input.thresholds, new Date(input.now)));
    },
    'stock-page': (input) => {
      const { snapshot, stockView } = state.current;
      const stale = staleNodeIds(freshnessByNode(snapshot, input.thresholds, new Date(input.now)));
      return stockView.query(input.query, stale);
    },
    'stock-rows': (input) => {
      const { snapshot, stockView } = state.current;
      const stale = staleNodeIds(freshnessByNode(snapshot, input.thresholds, new Date(input.now)));
      return { rows: input.keys.flatMap((key) => stockView.rowFor(key.nodeId, key.skuId, stale) ?? []) };
    },
    ...planningJobs(state),
  };
}
