import { parentPort, workerData } from 'node:worker_threads';
import { EXCLUSIVE_JOBS, HostMessage, PLANNING_JOBS, type JobKind, type WorkerMessage } from './jobs';
import { PlanningRefusal } from './planning-refusal';
import { workerJobs } from './worker-jobs';
import { JobCancelledError, WorkerState, type JobContext } from './worker-state';

/** Entry of the planning worker thread: runs one job at a time, posts progress and results. */
const port = parentPort;
if (!port) throw new Error('the planning worker must run in a worker thread');
const cancelFlags = new Int32Array((workerData as { cancelFlags: SharedArrayBuffer }).cancelFlags);
const jobs = workerJobs(new WorkerState((level, message) => post({ type: 'notice', level, message })));
const post = (message: WorkerMessage): void => port.postMessage(message);

function isJobKind(kind: string): kind is JobKind {
  return Object.prototype.hasOwnProperty.call(PLANNING_JOBS, kind);
}

async function run(message: HostMessage): Promise<void> {
  const { jobId, kind, cancelSlot } = message;
  const isCancelled = (): boolean => Atomics.load(cancelFlags, cancelSlot) === 1;
  try {
    if (!isJobKind(kind)) throw new Error(`unknown planning job "${kind}"`);
    const input = PLANNING_JOBS[kind].input.parse(message.input);
    const context: JobContext = {
      progress: (label, done, total) => post({ type: 'progress', jobId, label, done, total }),
      isCancelled,
    };
    const handler = jobs[kind] as (input: unknown, context: JobContext) => unknown;
    const result = await handler(input, context);
    if (isCancelled()) throw new JobCancelledError();
    post({ type: 'done', jobId, result });
  } catch (error) {
    const cancelled = error instanceof JobCancelledError || isCancelled();
    const code = !cancelled && error instanceof PlanningRefusal ? error.code : undefined;
    post({ type: 'failed', jobId, cancelled, reason: cancelled ? 'cancelled' : error instanceof Error ? error.message : String(error), ...(code ? { code } : {}) });
  }
}

let exclusive = Promise.resolve();
port.on('message', (raw: unknown) => {
  const message = HostMessage.parse(raw);
  if (isJobKind(message.kind) && EXCLUSIVE_JOBS.has(message.kind)) exclusive = exclusive.then(() => run(message));
  else void run(message);
});
