import { CellStyleModule, InfiniteRowModelModule, RowSelectionModule, TooltipModule, type Module } from 'ag-grid-community';

// Each grid registers only what it uses, rather than AllCommunityModule once for all: the bundle
// leaves out editors, filters, export and the rest (a faster first start), and a grid without
// TooltipModule does not build a tooltip feature for every cell it draws (a cheaper scroll).
// Sorting, column resizing, pinning and the client-side row model come with AG Grid's core. A
// grid that uses an option of a module it did not register says so in the console (AG Grid error #200).

/** Rows paged from the services (infinite row model), with cell classes: Stock, Allocation, a scenario's changed rows. */
export const PAGED_GRID_MODULES: Module[] = [InfiniteRowModelModule, CellStyleModule];

/** Paged rows the planner ticks, with cell tooltips: the Replenishment proposals. */
export const SELECTABLE_PAGED_GRID_MODULES: Module[] = [...PAGED_GRID_MODULES, RowSelectionModule, TooltipModule];
