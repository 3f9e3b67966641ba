import { createGrid, type GridApi, type GridOptions, type Module } from 'ag-grid-community';
import { useEffect, useRef } from 'react';
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
    if (!host.current) return;
    api.current = createGrid<T>(
      host.current,
      {
        ...first.current.options,
        ...first.current.live,
        // The paged model fetches a new order where the planner was scrolled to (or as far down as
        // its first 200 rows reach); the top is where the new order begins.
        onSortChanged: (event) => event.api.ensureIndexVisible(0, 'top'),
      },
      { modules: first.current.modules },
    );
    return () => {
      api.current?.destroy();
      api.current = null;
    };
  }, []);

  useEffect(() => {
    if (!api.current) return;
    if (live.columnDefs && live.columnDefs !== first.current.live.columnDefs) api.current.setGridOption('columnDefs', live.columnDefs);
    const grid = api.current;
    if (live.datasource && live.datasource !== first.current.live.datasource) {
      grid.setGridOption('datasource', live.datasource);
      // Without this the new rows would start wherever the old ones had been scrolled to.
      grid.ensureIndexVisible(0, 'top');
    } else if (dataVersion !== first.current.dataVersion) {
      // Blocks are dropped, not reset: the row count and the scroll position stay.
      grid.purgeInfiniteCache();
    }
    first.current.live = live;
    first.current.dataVersion = dataVersion;
  }, [live, dataVersion]);

  return <div ref={host} className={className ? `large-grid ${className}` : 'large-grid'} data-testid={testId} />;
}
