import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { AllocationLineView } from '../../../../shared/ipc';
import { formatCost, formatDate, formatQuantity } from '../../format';

/** Orders with where the allocation ships them from, what that earns and costs, and how late. */
export function allocationColumns(locale: string, currency: string): ColDef<AllocationLineView>[] {
  const qty = (params: ValueFormatterParams<AllocationLineView>): string => (typeof params.value === 'number' ? formatQuantity(params.value, locale) : '');
  const money = (pick: (line: AllocationLineView) => number | null) => (params: ValueFormatterParams<AllocationLineView>) => (params.data ? formatCost(pick(params.data), locale, currency) : '');
  return [
    { colId: 'demandLineId', field: 'demandLineId', headerName: 'Order line', width: 120, pinned: 'left' },
    { colId: 'customer', field: 'customer', headerName: 'Customer', width: 160 },
    { colId: 'priority', field: 'priority', headerName: 'Prio', width: 70, valueFormatter: (params) => (params.value ? `P${params.value}` : '') },
    { colId: 'skuCode', field: 'skuCode', headerName: 'SKU', width: 115 },
    { colId: 'dueDate', field: 'dueDate', headerName: 'Due', width: 90, valueFormatter: (params) => (params.value ? formatDate(params.value, locale) : '') },
    { colId: 'currentNodeCode', field: 'currentNodeCode', headerName: 'On the order', width: 120 },
    {
      colId: 'assigned',
      headerName: 'Assigned',
      width: 200,
      valueGetter: (params) =>
        params.data ? (params.data.assigned.length === 0 ? 'none' : params.data.assigned.map((part) => (params.data && params.data.assigned.length > 1 ? `${part.nodeCode} (${formatQuantity(part.qty, locale)})` : part.nodeCode)).join(', ')) : '',
      cellClassRules: { 'cell-changed': (params) => params.data?.moved === true },
    },
    {
      colId: 'moved',
      field: 'moved',
      headerName: 'vs order',
      width: 160,
      valueFormatter: (params) => (params.value ? 'Differs from order' : params.data && params.data.assigned.length === 0 ? '' : 'Same'),
      cellClassRules: { 'cell-changed': (params) => params.value === true },
    },
    { colId: 'qty', field: 'qty', headerName: 'Qty', width: 80, type: 'rightAligned', valueFormatter: qty },
    { colId: 'servedQty', field: 'servedQty', headerName: 'Served', width: 85, type: 'rightAligned', valueFormatter: qty },
    { colId: 'unservedQty', field: 'unservedQty', headerName: 'Unserved', width: 95, type: 'rightAligned', valueFormatter: qty, cellClassRules: { 'cell-bad': (params) => (params.value ?? 0) > 0 } },
    { colId: 'margin', headerName: 'Margin', width: 100, type: 'rightAligned', valueGetter: (params) => params.data?.margin, valueFormatter: money((line) => line.margin) },
    { colId: 'transportCost', headerName: 'Transport', width: 100, type: 'rightAligned', valueGetter: (params) => params.data?.transportCost, valueFormatter: money((line) => line.transportCost) },
    {
      colId: 'lateDays',
      field: 'lateDays',
      headerName: 'Late',
      width: 80,
      type: 'rightAligned',
      valueFormatter: (params) => (params.value ? `${params.value} d` : params.data && params.data.servedQty > 0 ? 'on time' : ''),
      cellClassRules: { 'cell-bad': (params) => (params.value ?? 0) > 0 },
    },
    { colId: 'latePenalty', headerName: 'Late penalty', width: 110, type: 'rightAligned', valueGetter: (params) => params.data?.latePenalty, valueFormatter: money((line) => line.latePenalty) },
    { colId: 'value', headerName: 'Value', width: 100, type: 'rightAligned', valueGetter: (params) => params.data?.value, valueFormatter: money((line) => line.value) },
  ];
}
