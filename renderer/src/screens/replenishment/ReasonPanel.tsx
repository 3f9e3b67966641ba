import type { ProposalView } from '../../../../shared/ipc';
import { formatCost, formatDate, formatQuantity } from '../../format';

const FIGURE_LABEL: Record<string, string> = {
  minimum: 'Minimum',
  maximum: 'Maximum',
  lowestBalance: 'Lowest projected balance',
  needQty: 'Needed to reach the maximum',
  alreadyTransferred: 'Already coming by transfer',
  sourceSpare: 'Source can spare',
  sourceMinimum: 'Source keeps its minimum',
  sharedAmongNodes: 'Nodes sharing the source',
  transitDays: 'Lane transit (days)',
  costPerUnit: 'Freight a unit',
  supplierMinimum: 'Supplier minimum',
  supplierMultiple: 'Supplier multiple',
  leadDays: 'Lead time (days)',
  unitPrice: 'Price a unit',
};

/** One proposal's reason in words and the numbers behind it, so a planner can check the sums. */
export function ReasonPanel({ proposal, locale, currency }: { proposal: ProposalView; locale: string; currency: string }) {
  return (
    <aside className="panel reason-panel" aria-label="Why this proposal" data-testid="reason-panel">
      <h2>
        {proposal.kind === 'transfer' ? `Transfer ${formatQuantity(proposal.qty, locale)} ${proposal.fromNodeCode} → ${proposal.nodeCode}` : `Buy ${formatQuantity(proposal.qty, locale)} from ${proposal.supplier} for ${proposal.nodeCode}`}{' '}
        · {proposal.skuCode}
      </h2>
      {proposal.staleWarning && (
        <p className="banner banner-warning" role="alert" data-testid="reason-stale">
          {proposal.staleWarning}
        </p>
      )}
      <p data-testid="reason-text">{proposal.reason.text}</p>
      <dl className="facts">
        <div>
          <dt>Arrives</dt>
          <dd>
            {formatDate(proposal.arrivalDate, locale)} (needed by {formatDate(proposal.neededBy, locale)}
            {proposal.daysLate > 0 ? `, ${proposal.daysLate} ${proposal.daysLate === 1 ? 'day' : 'days'} late` : ', in time'})
          </dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{formatCost(proposal.cost, locale, currency)}</dd>
        </div>
        {Object.entries(proposal.reason.figures).map(([key, value]) => (
          <div key={key}>
            <dt>{FIGURE_LABEL[key] ?? key}</dt>
            <dd>{typeof value === 'number' ? formatQuantity(value, locale) : (value ?? '—')}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
