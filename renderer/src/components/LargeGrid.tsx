import { createGrid, type GridApi, type GridOptions, type Module } from 'ag-grid-community';
import { useEffect, useRef } from 'react';
import { AG_GRID_CLASSES } from './ag-grid-dom';
import './large-grid.css';

interface LargeGridProps<T> {
  /** Read once when the grid is created; later changes go through `live`. */
  options: GridOptions<T>;
  /** The AG Grid modules this grid uses (grid-modules.ts); read once, like `options`. */
  modules: Module[];
  /** Options that change while the grid lives (datasource, columns); applied with setGridOption. */
  live: Partial<Pick<GridOptions<T>, 'datasource' | 'columnDefs'>>;
  className?: string;
  testId?: string;
  /**
   * Bumped when the same rows have newer figures (a new snapshot): the rows are fetched again where
   * the planner is. A new datasource is another question (filter, run) and starts at the top.
   */
  dataVersion?: number;
}

/**
 * AG Grid driven directly rather than through ag-grid-react: for grids of hundreds of thousands of
 * rows the core grid writes cells straight to the DOM, where the React wrapper renders each cell as
 * a component and turned every scroll into 100–400 ms main-thread tasks (bench:startup).
 */
export function LargeGrid<T>({ options, modules, live, className, testId, dataVersion }: LargeGridProps<T>) {
  const host = useRef<HTMLDivElement>(null);
  const api = useRef<GridApi<T> | null>(null);
  const first = useRef({ options, modules, live, dataVersion });

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const grid = createGrid<T>(element, { ...first.current.options, ...first.current.live }, { modules: first.current.modules });
    api.current = grid;
    // A new sort restarts the paged model at its first 200 rows where the planner was scrolled to,
    // and the browser clamps the scroll position to them: the planner saw rows 178-200 of the new
    // order. Going to the top after the sort raced AG Grid's debounced scrollbar sync, which put the
    // clamped position back; going there before the header handles the click leaves nothing to clamp.
    const toTopBeforeSort = (event: Event): void => {
      if (!(event.target instanceof Element) || !event.target.closest(`.${AG_GRID_CLASSES.sortableHeader}`)) return;
      if (event instanceof KeyboardEvent && event.key !== 'Enter') return;
      scrollToTop(element);
    };
    element.addEventListener('click', toTopBeforeSort, true);
    element.addEventListener('keydown', toTopBeforeSort, true);
    return () => {
      element.removeEventListener('click', toTopBeforeSort, true);
      element.removeEventListener('keydown', toTopBeforeSort, true);
      grid.destroy();
      api.current = null;
    };
  }, []);

  useEffect(() => {
    const grid = api.current;
    if (!grid) return;
    if (live.columnDefs && live.columnDefs !== first.current.live.columnDefs) grid.setGridOption('columnDefs', live.columnDefs);
    if (live.datasource && live.datasource !== first.current.live.datasource) {
      // New rows start at the top, not wherever the old ones had been scrolled to (and clamped).
      if (host.current) scrollToTop(host.current);
      grid.setGridOption('datasource', live.datasource);
    } else if (dataVersion !== first.current.dataVersion) {
      // Blocks are dropped, not reset: the row count and the scroll position stay.
      grid.purgeInfiniteCache();
    }
    first.current.live = live;
    first.current.dataVersion = dataVersion;
  }, [live, dataVersion]);

  return <div ref={host} className={className ? `large-grid ${className}` : 'large-grid'} data-testid={testId} />;
}

/**
 * Both of AG Grid's vertical scrollers, its viewport and its own scrollbar, to the top; AG Grid
 * follows on their scroll events and builds the rows there in frames. Not `ensureIndexVisible`: it
 * builds the old rows at the top in one go (a 70-80 ms task per sort in bench:startup), only for
 * the new order to replace them.
 */
function scrollToTop(element: HTMLElement): void {
  for (const scroller of element.querySelectorAll<HTMLElement>(`.${AG_GRID_CLASSES.rowsViewport}, .${AG_GRID_CLASSES.verticalScrollbar}`)) scroller.scrollTop = 0;
}
