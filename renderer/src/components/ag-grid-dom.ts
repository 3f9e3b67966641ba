/**
 * AG Grid's own class names that LargeGrid finds elements by, where AG Grid has no API for what it
 * needs. The renderer build fails when AG Grid's code no longer sets one of them
 * (scripts/ag-grid-rewrites.ts), so an upgrade that renames one is caught before it ships.
 */
export const AG_GRID_CLASSES = {
  /** The element that scrolls the rows vertically. */
  rowsViewport: 'ag-grid-viewport',
  /** AG Grid's own vertical scrollbar, which it keeps in step with the rows' viewport. */
  verticalScrollbar: 'ag-body-vertical-scroll-viewport',
  /** A header cell the planner can sort by (click or Enter). */
  sortableHeader: 'ag-header-cell-sortable',
} as const;
