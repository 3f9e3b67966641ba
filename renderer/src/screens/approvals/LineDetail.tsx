import { useState } from 'react';
import type { ApprovalLineView } from '../../../../shared/ipc';
import { batchLabel } from '../../../../shared/approvals/batch';
import { planner } from '../../bridge';
import { formatCost, formatDate, formatQuantity } from '../../format';
import { routeText, stateText, type RegionFormat } from './LineTable';

/** One line in full: why it exists, why it was routed where it was, who decided what, and the decision buttons. */
export function LineDetail({ line, format, onDecided }: { line: ApprovalLineView; format: RegionFormat; onDecided(message: string): void }) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const decide = async (decision: 'approved' | 'rejected'): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const result = await planner().invoke('approvals.decide', { lineIds: [line.lineId], decision, comment: comment.trim() === '' ? null : comment.trim() });
      setComment('');
      onDecided(`Line ${line.position + 1} (${line.skuId}): ${decision}${result.recorded[0] ? ` — now ${result.recorded[0].state}` : ''}.`);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside className="line-detail" aria-label="Line details" data-testid="line-detail">
      <h2>
        {line.kind === 'transfer' ? 'Transfer' : 'Purchase'} {formatQuantity(line.qty, format.locale)} × {line.skuId}
      </h2>
      <p className="muted">
        {routeText(line)} · leaves {formatDate(line.leavesOn, format.locale)} · arrives {formatDate(line.arrivalDate, format.locale)} · needed by {formatDate(line.neededBy, format.locale)}
      </p>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd data-testid="detail-state">{stateText(line)}</dd>
        </div>
        <div>
          <dt>Routed by</dt>
          <dd>
            <strong>{line.ruleId ?? 'fallback'}</strong>: {line.explanation}
            {line.terms && <div className="muted small">{line.terms}</div>}
          </dd>
        </div>
        <div>
          <dt>Value</dt>
          <dd>{formatCost(line.value, format.locale, format.currency)}</dd>
        </div>
        <div>
          <dt>Service impact</dt>
          <dd>{line.serviceImpact}</dd>
        </div>
        {line.alsoOrderedCount > 0 && (
          <div>
            <dt>Also ordered</dt>
            <dd className="warning" data-testid="also-ordered">
              {line.alsoOrderedCount === 1 ? 'Another batch already orders' : `${line.alsoOrderedCount} other orders already stock`} {line.skuId} for {line.nodeId}, not yet in Odoo{line.alsoOrderedCount > line.alsoOrdered.length ? ` (the first ${line.alsoOrdered.length})` : ''}:
              <ul>
                {line.alsoOrdered.map((order) => (
                  <li key={`${order.batchId}-${order.line}`}>
                    {order.kind === 'transfer' ? 'transfer' : 'purchase'} {formatQuantity(order.qty, format.locale)} from {order.from}, leaves {formatDate(order.leavesOn, format.locale)}, arrives {formatDate(order.arrivalDate, format.locale)} (batch {batchLabel(order.batchId)}, line {order.line}, {order.state})
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div>
          <dt>Why it was proposed</dt>
          <dd className="reason">{line.reason}</dd>
        </div>
        <div>
          <dt>Proposed</dt>
          <dd>
            by {line.submittedByName} ({line.submittedBy}), {new Date(line.submittedAt).toLocaleString(format.locale)}
            {line.origin.kind === 'scenario' ? ` from scenario ${line.origin.scenarioId}` : ' from replenishment'}
          </dd>
        </div>
        {line.overdue && (
          <div>
            <dt>Escalated</dt>
            <dd className="warning">Overdue since {line.escalatesAt ? new Date(line.escalatesAt).toLocaleString(format.locale) : '—'}; {line.escalatedTo} may now decide it.</dd>
          </div>
        )}
      </dl>
      <h3>Decisions</h3>
      {line.decisions.length === 0 ? (
        <p className="muted">{line.state === 'auto-approved' ? `Approved by the matrix (rule ${line.ruleId ?? 'fallback'}) when it was submitted; nobody had to decide.` : 'None yet.'}</p>
      ) : (
        <ul className="decisions" data-testid="line-decisions">
          {line.decisions.map((decision) => (
            <li key={`${decision.decidedBy}-${decision.decidedAt}`}>
              <strong>{decision.decision === 'approved' ? 'Approved' : 'Rejected'}</strong> by {decision.decidedBy} as {decision.role}, {new Date(decision.decidedAt).toLocaleString(format.locale)}
              {decision.imported && <span className="muted"> (signed on another desktop)</span>}
              {decision.comment && <div className="comment">“{decision.comment}”</div>}
            </li>
          ))}
        </ul>
      )}
      {line.state === 'waiting' && (
        <div className="decide">
          {line.otherNetwork && (
            <p className="warning small" role="note" data-testid="other-network">
              {line.otherNetwork}
            </p>
          )}
          <textarea placeholder="Comment (optional)" maxLength={2000} value={comment} onChange={(event) => setComment(event.target.value)} aria-label="Comment on your decision" data-testid="decision-comment" disabled={!line.canDecide} />
          <div className="decide-buttons">
            <button type="button" className="approve" disabled={line.cannotApproveBecause !== null || busy} onClick={() => void decide('approved')} data-testid="approve-line">
              Approve
            </button>
            <button type="button" className="reject" disabled={!line.canDecide || busy} onClick={() => void decide('rejected')} data-testid="reject-line">
              Reject
            </button>
          </div>
          {line.cannotDecideBecause && (
            <p className="muted small" data-testid="cannot-decide">
              {line.cannotDecideBecause}
            </p>
          )}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </aside>
  );
}
