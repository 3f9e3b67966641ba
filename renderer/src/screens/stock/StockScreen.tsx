import type { GridOptions, IDatasource, IGetRowsParams } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import { StockSortColumn, type StockFilter, type StockQuery, type StockRow } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import { NodeFilter, SkuFilter, useSkuText } from '../../components/filter-fields';
import { LargeGrid } from '../../components/LargeGrid';
import { PAGED_GRID_MODULES } from '../../components/grid-modules';
import { formatQuantity } from '../../format';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../stores/app-store';
import { stockColumns } from './stock-columns';

// Small blocks keep each block's arrival cheap: an arrival builds its rows on screen in one task.
// With 200-row blocks one arrival filled the whole screen at once, 80-120 ms on the bench machine;
// a 10-row block builds at most 10 rows, and the rows still waiting for other blocks are kept as
// they are (scripts/ag-grid-rewrites.ts; AG Grid alone rebuilt them all on every arrival). The
// services slice a cached order, so more requests cost little.
const BLOCK = 10;

const GRID_OPTIONS: GridOptions<StockRow> = {
  rowModelType: 'infinite',
  cacheBlockSize: BLOCK,
  maxBlocksInCache: 1000,
  maxConcurrentDatasourceRequests: 4,
  infiniteInitialRowCount: 200,
  blockLoadDebounceMillis: 30,
  getRowId: (params) => `${params.data.nodeId}|${params.data.skuId}`,
  rowHeight: 30,
  headerHeight: 34,
  multiSortKey: 'ctrl',
  suppressRowHoverHighlight: true,
  animateRows: false,
  // Rows drawn beyond the visible ones are built (and rebuilt on every jump) but not seen.
  rowBuffer: 1,
  // Fast drags over 200,000 rows render where the scrollbar stops, not every row on the way.
  debounceVerticalScrollbar: true,
  defaultColDef: { resizable: true, suppressHeaderMenuButton: true },
};

function sortFrom(params: IGetRowsParams, seesCosts: boolean): StockQuery['sort'] {
  return params.sortModel.flatMap((entry) => {
    const column = StockSortColumn.safeParse(entry.colId);
    // A sort left on a cost column from a user who saw costs is dropped, not sent to be refused.
    if (!seesCosts && column.data === 'valueAtRisk') return [];
    return column.success ? [{ column: column.data, direction: entry.sort }] : [];
  });
}

export function StockScreen() {
  const { description, stockFocus, networkVersion } = useAppStore(
    useShallow((state) => ({ description: state.description, stockFocus: state.stockFocus, networkVersion: state.networkVersion })),
  );
  const locale = description?.region.locale ?? 'en-GB';
  const currency = description?.region.currency ?? 'EUR';
  const nodes = description?.network.nodes ?? [];
  const areas = description?.network.areas ?? [];
  const [filter, setFilter] = useState<StockFilter>({});
  const [skuText, setSkuText] = useSkuText(setFilter);
  // The screen stays mounted between visits: a new focus (a node card clicked) replaces the filter,
  // the SKU box included, so what the box shows is what the grid is filtered by.
  useEffect(() => {
    if (!stockFocus) return;
    setFilter({
      ...(stockFocus.nodeId ? { nodeId: stockFocus.nodeId } : {}),
      ...(stockFocus.area ? { area: stockFocus.area } : {}),
      ...(stockFocus.onlyShort ? { onlyShort: true } : {}),
      ...(stockFocus.skuText ? { skuText: stockFocus.skuText } : {}),
    });
    setSkuText(stockFocus.skuText ?? '');
  }, [stockFocus, setSkuText]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seesCosts = description?.user?.seesCosts ?? false;
  const columns = useMemo(() => stockColumns(locale, currency, seesCosts), [locale, currency, seesCosts]);


  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params) {
        const query: StockQuery = {
          filter: Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as StockFilter,
          sort: sortFrom(params, seesCosts),
          offset: params.startRow,
          limit: Math.max(1, params.endRow - params.startRow),
        };
        planner()
          .invoke('stock.query', query)
          .then((page) => {
            setTotal(page.total);
            setError(null);
            params.successCallback(page.rows, page.total);
          })
          .catch((reason: unknown) => {
            setError(reason instanceof Error ? reason.message : String(reason));
            params.failCallback();
          });
      },
    }),
    // A new snapshot is not a new datasource: the grid fetches the rows again in place (dataVersion).
    [filter, seesCosts],
  );

  const live = useMemo(() => ({ datasource, columnDefs: columns }), [datasource, columns]);

  const update = (patch: Partial<StockFilter>): void => setFilter((current) => ({ ...current, ...patch }));

  return (
    <section className="screen screen-fill" aria-labelledby="stock-title">
      <div className="screen-header">
        <h1 id="stock-title">Stock</h1>
        <p className="muted" data-testid="stock-total">
          {total === null ? 'Loading rows…' : `${formatQuantity(total, locale)} node × SKU rows`}
        </p>
      </div>
      <div className="toolbar" role="search">
        <label>
          Area
          <select value={filter.area ?? ''} onChange={(event) => update({ area: event.target.value || undefined })} data-testid="filter-area">
            <option value="">All areas</option>
            {areas.map((area) => (
              <option key={area} value={area}>{area}</option>
            ))}
          </select>
        </label>
        <NodeFilter nodes={nodes} value={filter.nodeId} onChange={(nodeId) => update({ nodeId })} testId="filter-node" />
        <SkuFilter value={skuText} onChange={setSkuText} testId="filter-sku" />
        <label className="checkbox">
          <input type="checkbox" checked={filter.onlyShort ?? false} onChange={(event) => update({ onlyShort: event.target.checked || undefined })} data-testid="filter-short" />
          Only rows that run short
        </label>
      </div>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      {/* Built once the region and the user are known: columns made before would be made again. */}
      {description ? <LargeGrid<StockRow> className="grid-host" testId="stock-grid" options={GRID_OPTIONS} modules={PAGED_GRID_MODULES} live={live} dataVersion={networkVersion} /> : <div className="grid-host" />}
    </section>
  );
}
