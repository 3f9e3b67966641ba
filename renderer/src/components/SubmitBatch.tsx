import { useState } from 'react';
import type { BatchOrigin } from '../../../shared/approvals';
import type { Proposal } from '../../../shared/domain';
import type { SubmittedBatch } from '../../../shared/ipc';
import { planner } from '../bridge';
import './submit-batch.css';

interface SubmitBatchCommon {
  /** Called once the services recorded the batch, e.g. to clear the selection. */
  onSubmitted?: (batch: SubmittedBatch) => void;
  /** Shorter label for tight toolbars. */
  compact?: boolean;
}

/**
 * What to submit: the proposals themselves, or how many lines there are and a way to send them that
 * names them without carrying them (a screen paging a large run keeps only ids and views in memory,
 * and a view may have its costs withheld: the services take the proposals whole from the run or
 * the scenario they hold).
 */
export type SubmitBatchProps = SubmitBatchCommon &
  ({ proposals: readonly Proposal[]; origin: BatchOrigin } | { count: number; send: (note: string | null) => Promise<SubmittedBatch>; label?: string });

/**
 * "Submit batch": sends the selected proposals for approval. The services check each line against
 * the network, route it by the region's approval matrix, send auto-approved lines to the outbox and
 * leave the rest in the Approvals inbox; this only asks and says what happened. Host it on any
 * screen that has proposals (Scenarios, Replenishment).
 */
export function SubmitBatch(props: SubmitBatchProps) {
  const { onSubmitted, compact = false } = props;
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const count = 'proposals' in props ? props.proposals.length : props.count;

  const submit = async (): Promise<void> => {
    setBusy(true);
    setOutcome(null);
    try {
      const trimmed = note.trim() === '' ? null : note.trim();
      const batch = 'proposals' in props ? await planner().invoke('approvals.submitBatch', { origin: props.origin, proposals: [...props.proposals], note: trimmed }) : await props.send(trimmed);
      setOutcome({ ok: true, message: `Batch submitted: ${batch.summary}` });
      setNote('');
      onSubmitted?.(batch);
    } catch (error) {
      setOutcome({ ok: false, message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="submit-batch" data-testid="submit-batch">
      {!compact && (
        <input
          type="text"
          className="submit-batch-note"
          placeholder="Note for the approvers (optional)"
          maxLength={500}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-label="Note for the approvers"
          data-testid="submit-batch-note"
        />
      )}
      <button type="button" className="primary" disabled={busy || count === 0} onClick={() => void submit()} data-testid="submit-batch-button">
        {busy ? 'Submitting…' : count === 0 ? ('label' in props && props.label ? props.label : 'Select proposals to submit') : `Submit batch (${count} line${count === 1 ? '' : 's'})`}
      </button>
      {outcome && (
        <span className={outcome.ok ? 'submit-batch-done' : 'submit-batch-error'} role={outcome.ok ? 'status' : 'alert'} data-testid="submit-batch-outcome">
          {outcome.message}
        </span>
      )}
    </div>
  );
}
