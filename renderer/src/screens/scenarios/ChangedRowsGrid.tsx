import type { ColDef, GridOptions, IDatasource, ValueFormatterParams } from 'ag-grid-community';
import { useMemo, useRef } from 'react';
import { ChangedRowSort, type ChangedRowView } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import { LargeGrid } from '../../components/LargeGrid';
import { PAGED_GRID_MODULES } from '../../components/grid-modules';
import { formatDate, formatQuantity } from '../../format';

const BLOCK = 100;

function columns(locale: string): ColDef<ChangedRowView>[] {
  const qty = (params: ValueFormatterParams<ChangedRowView>): string => (typeof params.value === 'number' ? formatQuantity(params.value, locale) : '');
  const signed = (params: ValueFormatterParams<ChangedRowView>): string =>
    typeof params.value === 'number' ? `${params.value > 0 ? '+' : ''}${formatQuantity(params.value, locale)}` : '';
  const date = (value: string | null | undefined): string => (value ? formatDate(value, locale) : '—');
  return [
    { colId: 'nodeCode', field: 'nodeCode', headerName: 'Node', width: 90, pinned: 'left' },
    { colId: 'skuCode', field: 'skuCode', headerName: 'SKU', width: 120, pinned: 'left' },
    { colId: 'skuName', field: 'skuName', headerName: 'Description', width: 190 },
    { colId: 'baseShort', headerName: 'Short (base)', width: 115, type: 'rightAligned', valueGetter: (params) => params.data?.base.unitsShort, valueFormatter: qty },
    { colId: 'scenarioShort', headerName: 'Short (scenario)', width: 130, type: 'rightAligned', valueGetter: (params) => params.data?.scenario.unitsShort, valueFormatter: qty },
    {
      colId: 'unitsShortDelta',
      field: 'unitsShortDelta',
      headerName: 'Δ short',
      width: 100,
      type: 'rightAligned',
      sortable: true,
      valueFormatter: signed,
      cellClassRules: { 'cell-good': (params) => (params.value ?? 0) < 0, 'cell-bad': (params) => (params.value ?? 0) > 0 },
    },
    { colId: 'firstShortage', headerName: 'First shortage (base → scenario)', width: 220, valueGetter: (params) => (params.data ? `${date(params.data.base.firstShortageDate)} → ${date(params.data.scenario.firstShortageDate)}` : '') },
    { colId: 'stockoutDaysDelta', field: 'stockoutDaysDelta', headerName: 'Δ stockout days', width: 135, type: 'rightAligned', sortable: true, valueFormatter: signed },
    { colId: 'endBalanceDelta', field: 'endBalanceDelta', headerName: 'Δ end balance', width: 125, type: 'rightAligned', sortable: true, valueFormatter: signed },
    { colId: 'lowest', headerName: 'Lowest (base → scenario)', width: 180, type: 'rightAligned', valueGetter: (params) => (params.data ? `${formatQuantity(params.data.base.lowestBalance, locale)} → ${formatQuantity(params.data.scenario.lowestBalance, locale)}` : '') },
  ];
}

/** Every node × SKU whose flows the scenario changed, paged from the worker; a click charts the row. */
export function ChangedRowsGrid({ scenarioId, revision, locale, onPick }: { scenarioId: string; revision: string; locale: string; onPick(row: ChangedRowView): void }) {
  const pick = useRef(onPick);
  pick.current = onPick;
  const options = useMemo<GridOptions<ChangedRowView>>(
    () => ({
      rowModelType: 'infinite',
      cacheBlockSize: BLOCK,
      infiniteInitialRowCount: 1,
      maxConcurrentDatasourceRequests: 1,
      getRowId: (params) => `${params.data.nodeId}|${params.data.skuId}`,
      rowHeight: 30,
      headerHeight: 34,
      animateRows: false,
      defaultColDef: { resizable: true, sortable: false, suppressHeaderMenuButton: true },
      onRowClicked: (event) => event.data && pick.current(event.data),
    }),
    [],
  );
  const live = useMemo(() => {
    const datasource: IDatasource = {
      getRows(params) {
        const sortEntry = params.sortModel[0];
        const sort = ChangedRowSort.safeParse(sortEntry?.colId);
        planner()
          .invoke('scenario.compare', {
            scenarioId,
            sort: sort.success ? sort.data : 'row',
            direction: sortEntry?.sort ?? 'asc',
            offset: params.startRow,
            limit: Math.max(1, params.endRow - params.startRow),
          })
          .then((page) => params.successCallback(page.rows, page.total))
          .catch(() => params.failCallback());
      },
    };
    return { datasource, columnDefs: columns(locale) };
    // revision: a new edit, undo or redo means new rows.
  }, [scenarioId, revision, locale]);
  return (
    <div className="planning-grid changed-rows">
      <LargeGrid<ChangedRowView> className="planning-grid-fill" testId="changed-rows" options={options} modules={PAGED_GRID_MODULES} live={live} />
    </div>
  );
}
