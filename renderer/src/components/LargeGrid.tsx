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
}

/**
 * AG Grid driven directly rather than through ag-grid-react: for grids of hundreds of thousands of
 * rows the core grid writes cells straight to the DOM, where the React wrapper renders each cell as
 * a component and turned every scroll into 100–400 ms main-thread tasks (bench:startup).
 */
export function LargeGrid<T>({ options, modules, live, className, testId }: LargeGridProps<T>) {
  const host = useRef<HTMLDivElement>(null);
  const api = useRef<GridApi<T> | null>(null);
  const first = useRef({ options, modules, live });

  useEffect(() => {
    if (!host.current) return;
    api.current = createGrid<T>(host.current, { ...first.current.options, ...first.current.live }, { modules: first.current.modules });
    return () => {
      api.current?.destroy();
      api.current = null;
    };
  }, []);

  useEffect(() => {
    if (!api.current) return;
    if (live.columnDefs && live.columnDefs !== first.current.live.columnDefs) api.current.setGridOption('columnDefs', live.columnDefs);
    if (live.datasource && live.datasource !== first.current.live.datasource) api.current.setGridOption('datasource', live.datasource);
    first.current.live = live;
  }, [live]);

  return <div ref={host} className={className ? `large-grid ${className}` : 'large-grid'} data-testid={testId} />;
}
