import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { ProposalView, SubmittedOrder } from '../../../../shared/ipc';
import { batchLabel } from '../../../../shared/approvals/batch';
import { formatCost, formatDate, formatQuantity } from '../../format';

/** The proposals grid: what, where from, when, what it costs, whether its data is stale, and why. */
export function proposalColumns(locale: string, currency: string): ColDef<ProposalView>[] {
  const qty = (params: ValueFormatterParams<ProposalView>): string => (typeof params.value === 'number' ? formatQuantity(params.value, locale) : '');
  const date = (params: ValueFormatterParams<ProposalView>): string => (typeof params.value === 'string' ? formatDate(params.value, locale) : '');
  return [
    { colId: 'kind', field: 'kind', headerName: 'Kind', width: 95, pinned: 'left', valueFormatter: (params) => (params.value === 'transfer' ? 'Transfer' : params.value === 'purchase' ? 'Purchase' : '') },
    { colId: 'nodeCode', field: 'nodeCode', headerName: 'For node', width: 95, pinned: 'left' },
    { colId: 'skuCode', field: 'skuCode', headerName: 'SKU', width: 115, pinned: 'left' },
    {
      colId: 'submitted',
      headerName: 'Submitted',
      width: 225,
      valueGetter: (params) => (params.data ? submittedText(params.data, locale) : ''),
      tooltipValueGetter: (params) => (params.data ? submittedTooltip(params.data, locale) : ''),
      cellClassRules: { 'cell-warning': (params) => Boolean(params.data?.submitted ?? params.data?.alsoOrdered) },
    },
    { colId: 'skuName', field: 'skuName', headerName: 'Description', width: 170 },
    { colId: 'source', headerName: 'From', width: 150, valueGetter: (params) => params.data?.fromNodeCode ?? params.data?.supplier ?? '' },
    { colId: 'qty', field: 'qty', headerName: 'Qty', width: 85, type: 'rightAligned', valueFormatter: qty },
    { colId: 'startDate', field: 'startDate', headerName: 'Ships / ordered', width: 125, valueFormatter: date },
    { colId: 'arrivalDate', field: 'arrivalDate', headerName: 'Arrives', width: 95, valueFormatter: date },
    { colId: 'neededBy', field: 'neededBy', headerName: 'Needed by', width: 105, valueFormatter: date },
    {
      colId: 'daysLate',
      field: 'daysLate',
      headerName: 'Late',
      width: 80,
      type: 'rightAligned',
      valueFormatter: (params) => (params.value ? `${params.value} d` : 'on time'),
      cellClassRules: { 'cell-bad': (params) => (params.value ?? 0) > 0 },
    },
    { colId: 'cost', field: 'cost', headerName: 'Cost', width: 100, type: 'rightAligned', valueFormatter: (params) => (params.data ? formatCost(params.data.cost, locale, currency) : '') },
    {
      colId: 'staleWarning',
      field: 'staleWarning',
      headerName: 'Data',
      width: 260,
      tooltipField: 'staleWarning',
      valueFormatter: (params) => (params.value ? `⚠ ${String(params.value).replace(/^Built on stale data: /, 'Stale: ').replace(/ Sync before acting on it\.$/, '')}` : 'Fresh'),
      cellClassRules: { 'cell-warning': (params) => Boolean(params.value) },
    },
    { colId: 'reason', headerName: 'Reason', width: 520, tooltipValueGetter: (params) => params.data?.reason.text ?? '', valueGetter: (params) => params.data?.reason.text ?? '' },
  ];
}

const STATE_WORDS: Record<SubmittedOrder['state'], string> = { waiting: 'Waiting', approved: 'Approved', 'auto-approved': 'Auto-approved' };

/**
 * "Waiting · line 2": the order is already in a batch the network does not show yet. "Also 542
 * on 26 Nov": another open order stocks the same node × SKU (another source, quantity or day).
 */
function submittedText(row: ProposalView, locale: string): string {
  if (row.submitted) return `${STATE_WORDS[row.submitted.state]} · line ${row.submitted.line}`;
  if (!row.alsoOrdered) return '';
  const { count, latest } = row.alsoOrdered;
  const more = count > 1 ? ` (+${formatQuantity(count - 1, locale)})` : '';
  return `Also ${formatQuantity(latest.qty, locale)} on ${formatDate(latest.leavesOn, locale)}${more}`;
}

function submittedTooltip(row: ProposalView, locale: string): string {
  if (row.submitted) return `Already in batch ${batchLabel(row.submitted.batchId)}, line ${row.submitted.line} (${row.submitted.state}): submitting it again leaves it out.`;
  if (!row.alsoOrdered) return '';
  const { count, latest } = row.alsoOrdered;
  const what = `${latest.kind} of ${formatQuantity(latest.qty, locale)} from ${latest.from}, ${latest.kind === 'transfer' ? 'shipping' : 'ordered'} ${formatDate(latest.leavesOn, locale)}`;
  const others = count > 1 ? ` and ${formatQuantity(count - 1, locale)} more open order${count === 2 ? '' : 's'}` : '';
  return `Batch ${batchLabel(latest.batchId)}, line ${latest.line} (${latest.state}): a ${what}${others} for this node and SKU, not yet in the network. This proposal is a different order and is not left out: check the need is not covered twice.`;
}
