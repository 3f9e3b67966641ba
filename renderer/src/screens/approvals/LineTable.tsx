import type { ApprovalLineView } from '../../../../shared/ipc';
import { formatCost, formatDate, formatQuantity } from '../../format';

export interface RegionFormat {
  locale: string;
  currency: string;
}

const STATE_LABELS: Record<ApprovalLineView['state'], string> = {
  'auto-approved': 'Auto-approved',
  waiting: 'Waiting',
  approved: 'Approved',
  rejected: 'Rejected',
  expired: 'Expired',
};

export function stateText(line: ApprovalLineView): string {
  if (line.state !== 'waiting') return STATE_LABELS[line.state];
  const waitingFor = line.waitingForText ? ` for ${line.waitingForText}` : '';
  return line.overdue ? `Overdue${waitingFor}` : `Waiting${waitingFor}`;
}

export function routeText(line: ApprovalLineView): string {
  return line.kind === 'transfer' ? `${line.fromNodeId ?? '?'} → ${line.nodeId}` : `${line.supplier ?? 'supplier'} → ${line.nodeId}`;
}

/** The inbox's lines: one row each, selectable when the person at the desk may decide it. */
export function LineTable({
  lines,
  format,
  selectedId,
  checked,
  onSelect,
  onCheck,
}: {
  lines: ApprovalLineView[];
  format: RegionFormat;
  selectedId: string | null;
  checked: ReadonlySet<string>;
  onSelect(lineId: string): void;
  onCheck(lineId: string, on: boolean): void;
}) {
  if (lines.length === 0) {
    return (
      <div className="empty-state" role="note" data-testid="approvals-empty">
        No lines match these filters.
      </div>
    );
  }
  return (
    <table className="approval-lines" aria-label="Lines to approve">
      <thead>
        <tr>
          <th scope="col" aria-label="Select" />
          <th scope="col">Line</th>
          <th scope="col">Route</th>
          <th scope="col" className="number">
            Qty
          </th>
          <th scope="col" className="number">
            Value
          </th>
          <th scope="col">Routed by</th>
          <th scope="col">Service impact</th>
          <th scope="col">Status</th>
          <th scope="col">Proposed by</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr
            key={line.lineId}
            className={`${line.lineId === selectedId ? 'selected' : ''} ${line.overdue ? 'overdue' : ''} state-${line.state}`}
            onClick={() => onSelect(line.lineId)}
            data-testid="approval-line"
            data-line-id={line.lineId}
            data-state={line.state}
          >
            <td onClick={(event) => event.stopPropagation()}>
              <input
                type="checkbox"
                aria-label={`Select line ${line.position + 1} of ${line.skuId}`}
                disabled={!line.canDecide}
                checked={checked.has(line.lineId)}
                onChange={(event) => onCheck(line.lineId, event.target.checked)}
              />
            </td>
            <td>
              <span className={`kind kind-${line.kind}`}>{line.kind === 'transfer' ? 'Transfer' : 'Purchase'}</span> {line.skuId}
            </td>
            <td>{routeText(line)}</td>
            <td className="number">{formatQuantity(line.qty, format.locale)}</td>
            <td className="number" data-figure="value">
              {formatCost(line.value, format.locale, format.currency)}
            </td>
            <td className="explanation" data-testid="line-explanation">
              {line.explanation}
            </td>
            <td className="impact">
              {line.serviceImpact}
              {line.otherNetwork && <div className="warning small">Proposed on another network</div>}
              {line.alsoOrderedCount > 0 && <div className="warning small">{line.alsoOrderedCount === 1 ? 'Also ordered in another batch' : `Also ordered ${formatQuantity(line.alsoOrderedCount, format.locale)} times in other batches`}</div>}
            </td>
            <td data-testid="line-state">
              {stateText(line)}
              {line.state === 'waiting' && line.expiresAt && <span className="muted small"> · expires {formatDate(line.expiresAt.slice(0, 10), format.locale)}</span>}
              {line.queued && <span className="queued"> · in the outbox</span>}
            </td>
            <td>{line.submittedByName}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
