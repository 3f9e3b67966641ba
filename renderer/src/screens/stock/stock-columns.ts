import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { StockRow, StockSortColumn } from '../../../../shared/ipc';
import { formatCost, formatDate, formatQuantity } from '../../format';

type Field = keyof StockRow;

const HIDDEN_COSTS = 'Hidden: your role does not see costs';

/**
 * AG Grid's own header layout with the browser's tooltip on it: the Stock grid leaves TooltipModule
 * out (grid-modules.ts), because it would build a tooltip for every cell drawn while scrolling.
 */
const headerWithTitle = (title: string): string => `
  <div class="ag-cell-label-container" role="presentation" title="${title}">
    <span data-ref="eMenu" class="ag-header-icon ag-header-cell-menu-button" aria-hidden="true"></span>
    <span data-ref="eFilterButton" class="ag-header-icon ag-header-cell-filter-button" aria-hidden="true"></span>
    <div data-ref="eLabel" class="ag-header-cell-label" role="presentation">
      <span data-ref="eText" class="ag-header-cell-text"></span>
      <span data-ref="eFilter" class="ag-header-icon ag-header-label-icon ag-filter-icon" aria-hidden="true"></span>
      <ag-sort-indicator data-ref="eSortIndicator"></ag-sort-indicator>
    </div>
  </div>`;

const WORST_FIRST: ColDef<StockRow>['sortingOrder'] = ['desc', 'asc', null];

/** The Stock grid's columns; `colId` is the services' sort column, so sorting happens where the rows are. */
export function stockColumns(locale: string, currency: string, seesCosts: boolean): ColDef<StockRow>[] {
  const quantity = (field: Field & StockSortColumn, headerName: string, width = 110, sortingOrder?: ColDef<StockRow>['sortingOrder']): ColDef<StockRow> => ({
    colId: field,
    field,
    headerName,
    width,
    type: 'rightAligned',
    sortable: true,
    ...(sortingOrder ? { sortingOrder } : {}),
    valueFormatter: (params: ValueFormatterParams<StockRow>) => (typeof params.value === 'number' ? formatQuantity(params.value, locale) : ''),
  });
  return [
    { colId: 'nodeCode', field: 'nodeCode', headerName: 'Node', width: 90, pinned: 'left', sortable: true },
    { colId: 'skuCode', field: 'skuCode', headerName: 'SKU', width: 110, pinned: 'left', sortable: true },
    { colId: 'skuName', field: 'skuName', headerName: 'Description', width: 200, sortable: true },
    { colId: 'abcClass', field: 'abcClass', headerName: 'ABC', width: 64, sortable: false },
    quantity('onHand', 'On hand'),
    quantity('reserved', 'Reserved'),
    quantity('available', 'Available'),
    quantity('inbound', 'Inbound'),
    quantity('demand7', 'Demand 7 d', 115),
    quantity('demand30', 'Demand 30 d', 120),
    quantity('demand90', 'Demand 90 d', 120),
    quantity('lowestBalance', 'Lowest balance', 130),
    {
      colId: 'firstShortageDay',
      field: 'firstShortageDay',
      headerName: 'First shortage',
      width: 130,
      sortable: true,
      valueFormatter: (params: ValueFormatterParams<StockRow>) =>
        params.data?.firstShortageDate ? `${formatDate(params.data.firstShortageDate, locale)} (day ${params.data.firstShortageDay})` : '—',
      cellClassRules: { 'cell-bad': (params) => params.data?.firstShortageDay !== null && params.data?.firstShortageDay !== undefined && params.data.firstShortageDay < 7 },
    },
    // Where more is worse, the first click shows the worst first.
    quantity('unitsShort', 'Units short', 110, WORST_FIRST),
    quantity('daysOfCover', 'Days of cover', 120),
    {
      colId: 'valueAtRisk',
      field: 'valueAtRisk',
      headerName: 'Value at risk',
      headerComponentParams: seesCosts ? undefined : { template: headerWithTitle(HIDDEN_COSTS) },
      width: 130,
      type: 'rightAligned',
      // The services refuse to sort by a cost for a user who may not see costs: the order would tell.
      sortable: seesCosts,
      sortingOrder: WORST_FIRST,
      valueFormatter: (params: ValueFormatterParams<StockRow>) => (params.data ? formatCost(params.data.valueAtRisk, locale, currency) : ''),
      cellClass: seesCosts ? undefined : 'muted',
    },
    {
      colId: 'stale',
      field: 'stale',
      headerName: 'Data',
      width: 80,
      sortable: false,
      valueFormatter: (params: ValueFormatterParams<StockRow>) => (params.value === true ? 'Stale' : 'Fresh'),
      cellClassRules: { 'cell-warning': (params) => params.value === true },
    },
  ];
}
