import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { ProposalView, SubmittedOrder } from '../../../../shared/ipc';
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
      width: 150,
      valueGetter: (params) => submittedText(params.data?.submitted ?? null),
      tooltipValueGetter: (params) => submittedTooltip(params.data?.submitted ?? null),
      cellClassRules: { 'cell-warning': (params) => Boolean(params.data?.submitted) },
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

/** "Waiting · line 2": the order is already in a batch the network does not show yet. */
function submittedText(submitted: SubmittedOrder | null): string {
  return submitted ? `${STATE_WORDS[submitted.state]} · line ${submitted.line}` : '';
}

function submittedTooltip(submitted: SubmittedOrder | null): string {
  return submitted ? `Already in batch ${submitted.batchId}, line ${submitted.line} (${submitted.state}): submitting it again leaves it out.` : '';
}
