import { Worker } from 'node:worker_threads';
import { describeProblems } from '../../../shared/domain';
import type { Log } from '../../app/log';
import { PLANNING_JOBS, WorkerMessage, type JobInput, type JobKind, type JobResult } from './jobs';
import type { RefusalCode } from './planning-refusal';

/** How to start the worker: the built file in the app, or TypeScript source through a loader in tests. */
export type WorkerEntry = { file: URL } | { source: string };

export interface JobProgress {
  jobId: string;
  kind: JobKind;
  label: string;
  done: number;
  total: number;
}

export class PlanningJobError extends Error {
  constructor(
    message: string,
    readonly cancelled: boolean,
    /** Set when the worker refused the job for a reason the user can act on. */
    readonly code: RefusalCode | null = null,
  ) {
    super(message);
    this.name = 'PlanningJobError';
  }
}

interface RunningJob {
  kind: JobKind;
  slot: number;
  /** The last progress reported, so a job that ends early can close its progress. */
  progress: { label: string; done: number; total: number } | null;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

const CANCEL_SLOTS = 256;
/** Cancels that arrived before their job: a screen's Cancel can beat the job to the worker (the network may still be loading). */
const EARLY_CANCELS_KEPT = 64;

/**
 * Runs engine work on a worker thread so the main event loop never computes. A worker that dies
 * is restarted; the jobs it held are failed with the reason, and the network it had loaded is
 * loaded again before anything else runs.
 */
export class PlanningHost {
  private worker: Worker | null = null;
  private readonly cancelFlags = new Int32Array(new SharedArrayBuffer(CANCEL_SLOTS * 4));
  private readonly running = new Map<string, RunningJob>();
  private readonly cancelledEarly = new Set<string>();
  private nextJob = 1;
  private closed = false;
  private lastLoad: JobInput<'load-network'> | null = null;
  private restarts = 0;

  constructor(
    private readonly entry: WorkerEntry,
    private readonly log: Log,
    private readonly onProgress: (progress: JobProgress) => void = () => {},
    private readonly onNotice: (notice: { level: 'warning' | 'error'; message: string }) => void = () => {},
  ) {}

  get restartCount(): number {
    return this.restarts;
  }

  /**
   * Runs a job on the worker. `jobId` lets the caller (a screen) name the job up front, so it can
   * follow its progress events and cancel it by that id before the result arrives.
   */
  run<K extends JobKind>(kind: K, input: JobInput<K>, options: { signal?: AbortSignal; jobId?: string } = {}): Promise<JobResult<K>> {
    if (this.closed) return Promise.reject(new PlanningJobError('the planner is shutting down', false));
    if (options.jobId !== undefined && (this.running.has(options.jobId) || options.jobId.startsWith('job-'))) {
      return Promise.reject(new PlanningJobError(`a planning job named ${options.jobId} is already running`, false, 'conflict'));
    }
    if (options.jobId !== undefined && this.cancelledEarly.delete(options.jobId)) {
      return Promise.reject(new PlanningJobError('cancelled', true));
    }
    if (kind === 'load-network') this.lastLoad = input as JobInput<'load-network'>;
    const worker = this.ensureWorker();
    const jobId = options.jobId ?? `job-${this.nextJob++}`;
    const slot = this.freeSlot();
    Atomics.store(this.cancelFlags, slot, 0);
    return new Promise<JobResult<K>>((resolve, reject) => {
      const abort = (): void => {
        Atomics.store(this.cancelFlags, slot, 1);
      };
      if (options.signal?.aborted) abort();
      options.signal?.addEventListener('abort', abort, { once: true });
      this.running.set(jobId, {
        kind,
        slot,
        progress: null,
        resolve: (raw) => {
          options.signal?.removeEventListener('abort', abort);
          const parsed = PLANNING_JOBS[kind].result.safeParse(raw);
          if (parsed.success) resolve(parsed.data as JobResult<K>);
          else reject(new PlanningJobError(`the planning worker returned a malformed ${kind} result: ${describeProblems(parsed.error)}`, false));
        },
        reject: (error) => {
          options.signal?.removeEventListener('abort', abort);
          reject(error);
        },
      });
      worker.postMessage({ type: 'run', jobId, kind, input, cancelSlot: slot });
    });
  }

  /**
   * Asks a running job to stop; it ends as cancelled and nothing it computed is kept. False when no
   * such job runs yet: a job of that name started later ends cancelled before it runs.
   */
  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    if (!job) {
      if (jobId.startsWith('job-')) return false;
      this.cancelledEarly.add(jobId);
      if (this.cancelledEarly.size > EARLY_CANCELS_KEPT) this.cancelledEarly.delete(this.cancelledEarly.values().next().value ?? jobId);
      return false;
    }
    Atomics.store(this.cancelFlags, job.slot, 1);
    return true;
  }

  cancelAll(): void {
    for (const job of this.running.values()) Atomics.store(this.cancelFlags, job.slot, 1);
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    for (const [jobId, job] of this.running) {
      job.reject(new PlanningJobError('the planner is shutting down', false));
      this.running.delete(jobId);
    }
    if (worker) await worker.terminate();
  }

  /** Test hook and last resort: ends the worker as a crash would. */
  async crashWorkerForTest(): Promise<void> {
    await this.worker?.terminate();
  }

  /** A job that stopped before its count reached the end (cancelled, failed) still ends its progress, so no screen waits on it. */
  private closeProgress(jobId: string, job: RunningJob): void {
    const last = job.progress;
    if (last && last.done < last.total) this.onProgress({ jobId, kind: job.kind, label: last.label, done: last.total, total: last.total });
  }

  private freeSlot(): number {
    const used = new Set([...this.running.values()].map((job) => job.slot));
    for (let slot = 0; slot < CANCEL_SLOTS; slot++) if (!used.has(slot)) return slot;
    throw new PlanningJobError('too many planning jobs at once', false);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const options = { workerData: { cancelFlags: this.cancelFlags.buffer }, resourceLimits: { maxOldGenerationSizeMb: 8192 } };
    const worker = 'file' in this.entry ? new Worker(this.entry.file, options) : new Worker(this.entry.source, { ...options, eval: true });
    worker.on('message', (raw: unknown) => this.onMessage(raw));
    worker.on('error', (error) => this.log.error({ err: error }, 'planning worker error'));
    worker.on('exit', (code) => this.onExit(worker, code));
    this.worker = worker;
    if (this.lastLoad && this.restarts > 0) {
      // A fresh worker knows nothing: reload the network before the jobs that follow.
      void this.run('load-network', this.lastLoad).catch((error: unknown) => this.log.error({ err: error }, 'reloading the network after a worker restart failed'));
    }
    return worker;
  }

  private onMessage(raw: unknown): void {
    const parsed = WorkerMessage.safeParse(raw);
    if (!parsed.success) {
      this.log.error({ problems: describeProblems(parsed.error) }, 'malformed message from the planning worker');
      return;
    }
    const message = parsed.data;
    if (message.type === 'notice') {
      this.log[message.level === 'error' ? 'error' : 'warn']({ notice: message.message }, 'planning worker notice');
      this.onNotice({ level: message.level, message: message.message });
      return;
    }
    const job = this.running.get(message.jobId);
    if (!job) return;
    if (message.type === 'progress') {
      job.progress = { label: message.label, done: message.done, total: message.total };
      this.onProgress({ jobId: message.jobId, kind: job.kind, label: message.label, done: message.done, total: message.total });
      return;
    }
    this.running.delete(message.jobId);
    this.closeProgress(message.jobId, job);
    if (message.type === 'done') job.resolve(message.result);
    else job.reject(new PlanningJobError(message.cancelled ? 'cancelled' : message.reason, message.cancelled, message.code ?? null));
  }

  private onExit(worker: Worker, code: number): void {
    if (this.worker !== worker) return;
    this.worker = null;
    if (this.closed) return;
    this.restarts++;
    this.log.error({ code }, 'the planning worker stopped; restarting it');
    const failed = [...this.running.entries()];
    this.running.clear();
    for (const [jobId, job] of failed) {
      this.closeProgress(jobId, job);
      job.reject(new PlanningJobError(`the planning worker stopped unexpectedly (exit code ${code}) while running ${job.kind}; it has been restarted, run it again`, false));
    }
    if (this.lastLoad) this.ensureWorker();
  }
}
