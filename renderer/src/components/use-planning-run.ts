import { useCallback, useEffect, useRef, useState } from 'react';
import { PlannerRequestError } from '../../../shared/ipc';
import { planner } from '../bridge';

/** Runs shorter than this finish before anyone could want to cancel them; longer ones show progress and a Cancel button. */
export const SHOW_PROGRESS_AFTER_MS = 300;

export interface RunState {
  runId: string;
  label: string;
  done: number;
  total: number;
  /** Set once the run has taken longer than SHOW_PROGRESS_AFTER_MS. */
  visible: boolean;
  cancelling: boolean;
}

export type RunOutcome<T> = { ok: true; value: T } | { ok: false; cancelled: boolean; message: string };

function newRunId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `run-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * One planning run at a time for a screen: names the run so its progress events can be followed and
 * it can be cancelled by id; a cancelled or failed run hands back no value, only why.
 */
export function usePlanningRun() {
  const [state, setState] = useState<RunState | null>(null);
  const current = useRef<string | null>(null);

  useEffect(() => () => void (current.current = null), []);

  const run = useCallback(async <T,>(label: string, start: (runId: string) => Promise<T>): Promise<RunOutcome<T>> => {
    const runId = newRunId();
    current.current = runId;
    setState({ runId, label, done: 0, total: 0, visible: false, cancelling: false });
    const stop = planner().subscribe('planning.progress', (event) => {
      if (event.jobId !== runId) return;
      setState((state) => (state?.runId === runId ? { ...state, label: event.label, done: event.done, total: event.total } : state));
    });
    const timer = setTimeout(() => setState((state) => (state?.runId === runId ? { ...state, visible: true } : state)), SHOW_PROGRESS_AFTER_MS);
    try {
      return { ok: true, value: await start(runId) };
    } catch (error) {
      const cancelled = error instanceof PlannerRequestError && error.code === 'cancelled';
      return { ok: false, cancelled, message: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
      stop();
      if (current.current === runId) {
        current.current = null;
        setState(null);
      }
    }
  }, []);

  const cancel = useCallback(() => {
    const runId = current.current;
    if (!runId) return;
    setState((state) => (state ? { ...state, cancelling: true } : state));
    void planner().invoke('planning.cancel', { jobId: runId }).catch(() => undefined);
  }, []);

  return { state, run, cancel, running: state !== null };
}
