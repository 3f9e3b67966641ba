import { useEffect, useState } from 'react';
import type { ScenarioDetail, ScenarioSubmission } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import { batchLabel } from '../../../../shared/approvals/batch';
import { SubmitBatch } from '../../components/SubmitBatch';
import { useApprovalsVersion } from '../../components/use-approvals-version';

/** Transfers and purchases the scenario adds with the edits in effect: the lines a submission proposes. */
function proposedLines(scenario: ScenarioDetail): number {
  const added = new Set<string>();
  for (const { edit, active } of scenario.edits) {
    if (!active) continue;
    if (edit.kind === 'add-transfer' || edit.kind === 'add-purchase') added.add(edit.id);
    else if (edit.kind === 'remove-transfer') added.delete(edit.transferId);
    else if (edit.kind === 'cancel-supply') added.delete(edit.supplyLineId);
  }
  return added.size;
}

/**
 * What Submit batch would send now, asked again when the scenario's edits change or a batch is
 * submitted or decided anywhere; null until the services answer (or when they cannot plan it).
 */
function useScenarioSubmission(scenario: ScenarioDetail): ScenarioSubmission | null {
  const [submission, setSubmission] = useState<ScenarioSubmission | null>(null);
  const version = useApprovalsVersion();
  const blocked = scenario.blockedReason !== null;
  useEffect(() => {
    let current = true;
    if (blocked) {
      setSubmission(null);
      return;
    }
    planner()
      .invoke('approvals.scenarioSubmission', { scenarioId: scenario.id })
      .then((answer) => current && setSubmission(answer))
      .catch(() => current && setSubmission(null));
    return () => {
      current = false;
    };
  }, [scenario.id, scenario.position, scenario.editCount, blocked, version]);
  return submission;
}

/** Name, base snapshot, undo/redo, re-base, delete, and Submit batch for the scenario's transfers and purchases. */
export function ScenarioToolbar({
  scenario,
  locale,
  onUndo,
  onRedo,
  onRebase,
  onDelete,
}: {
  scenario: ScenarioDetail;
  locale: string;
  onUndo(): void;
  onRedo(): void;
  onRebase(): void;
  onDelete(): void;
}) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  const undone = scenario.editCount - scenario.position;
  const submission = useScenarioSubmission(scenario);
  const proposed = submission?.proposals ?? proposedLines(scenario);
  const already = submission?.alreadySubmitted ?? 0;
  const submitLabel = scenario.blockedReason !== null ? 'Re-base before submitting' : proposed === 0 ? 'No transfer or purchase to submit' : `All ${proposed} already submitted`;
  return (
    <div className="scenario-toolbar">
      <div>
        <h2 className="scenario-title" data-testid="scenario-title">
          {scenario.name}
        </h2>
        <p className="muted">
          Made on the snapshot taken {new Date(scenario.base.takenAt).toLocaleString(locale)} · {scenario.position} {scenario.position === 1 ? 'edit' : 'edits'} in effect
          {undone > 0 ? `, ${undone} undone` : ''}
        </p>
      </div>
      {scenario.blockedReason && (
        <div className="banner banner-warning" role="alert" data-testid="scenario-older-snapshot">
          {scenario.blockedReason}{' '}
          <button type="button" className="button" onClick={onRebase} data-testid="scenario-rebase">
            Re-base on the current snapshot
          </button>
        </div>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={onUndo} disabled={scenario.position === 0} data-testid="scenario-undo" title="Take back the last edit in effect">
          Undo
        </button>
        <button type="button" className="button" onClick={onRedo} disabled={undone === 0 || scenario.blockedReason !== null} data-testid="scenario-redo" title="Apply the next undone edit again">
          Redo
        </button>
        {confirmDelete ? (
          <>
            <button type="button" className="button danger" onClick={onDelete} data-testid="scenario-delete-confirm">
              Delete “{scenario.name}” and its edits
            </button>
            <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => setConfirmDelete(true)} data-testid="scenario-delete">
            Delete…
          </button>
        )}
        <span className="batch-actions" title="Sends this scenario's transfers and purchases for approval (those not already waiting or approved)">
          <SubmitBatch compact count={scenario.blockedReason === null ? proposed - already : 0} label={submitLabel} send={(note) => planner().invoke('approvals.submitScenario', { scenarioId: scenario.id, note })} />
          {already > 0 && proposed > already && (
            <span className="muted small" data-testid="scenario-already-submitted" title={`Waiting or approved in batch ${(submission?.batches ?? []).map(batchLabel).join(', ')}`}>
              {already} already submitted
            </span>
          )}
        </span>
      </div>
    </div>
  );
}
