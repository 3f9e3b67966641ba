import './planning.css';
import type { RunState } from './use-planning-run';

/** Progress of a planning run that takes a while, with the way to stop it. */
export function RunProgress({ state, onCancel }: { state: RunState | null; onCancel(): void }) {
  if (!state?.visible) return null;
  const percent = state.total > 0 ? Math.min(100, Math.round((state.done / state.total) * 100)) : null;
  return (
    <div className="run-progress" role="status" data-testid="run-progress">
      <span>{state.label}…</span>
      <progress max={100} value={percent ?? undefined} aria-label={state.label} />
      {percent !== null && <span className="muted">{percent}%</span>}
      <button type="button" className="button" onClick={onCancel} disabled={state.cancelling} data-testid="run-cancel">
        {state.cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}
