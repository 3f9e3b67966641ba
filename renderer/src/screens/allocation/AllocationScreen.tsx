import type { GridOptions, IDatasource } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AllocationFilter, AllocationLineView, AllocationRun, PlanTarget, ScenarioSummary } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import { NodeFilter, SkuFilter, useSkuText } from '../../components/filter-fields';
import { LargeGrid } from '../../components/LargeGrid';
import { PAGED_GRID_MODULES } from '../../components/grid-modules';
import { RunProgress } from '../../components/RunProgress';
import { TargetPicker } from '../../components/TargetPicker';
import { usePlanningRun } from '../../components/use-planning-run';
import { formatCost, formatQuantity } from '../../format';
import { useAppStore } from '../../stores/app-store';
import { allocationColumns } from './allocation-columns';

const BLOCK = 200;
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const GRID_OPTIONS: GridOptions<AllocationLineView> = {
  rowModelType: 'infinite',
  cacheBlockSize: BLOCK,
  maxBlocksInCache: 50,
  infiniteInitialRowCount: 1,
  maxConcurrentDatasourceRequests: 2,
  getRowId: (params) => params.data.demandLineId,
  rowHeight: 30,
  headerHeight: 34,
  animateRows: false,
  defaultColDef: { resizable: true, sortable: false, suppressHeaderMenuButton: true },
};

export function AllocationScreen() {
  const { description, networkVersion } = useAppStore(useShallow((state) => ({ description: state.description, networkVersion: state.networkVersion })));
  const locale = description?.region.locale ?? 'en-GB';
  const currency = description?.region.currency ?? 'EUR';
  const nodes = description?.network.nodes ?? [];
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [target, setTarget] = useState<PlanTarget>({ kind: 'baseline' });
  const [penaltyPercent, setPenaltyPercent] = useState('2');
  const [maxLateDays, setMaxLateDays] = useState('14');
  const [result, setResult] = useState<AllocationRun | null>(null);
  const [filter, setFilter] = useState<AllocationFilter>({});
  const [skuText, setSkuText] = useSkuText(setFilter);
  const [shown, setShown] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runner = usePlanningRun();

  useEffect(() => {
    setResult(null);
    planner()
      .invoke('scenario.list', {})
      .then((list) => setScenarios(list.scenarios))
      .catch((reason: unknown) => setError(message(reason)));
  }, [networkVersion]);


  const penalty = Number(penaltyPercent.replace(',', '.'));
  const lateDays = Number(maxLateDays);
  const settingsProblem =
    !Number.isFinite(penalty) || penalty < 0 || penalty > 100
      ? 'The late penalty must be a percentage from 0 to 100.'
      : !Number.isInteger(lateDays) || lateDays < 0 || lateDays > 366
        ? 'Latest arrival must be a whole number of days from 0 to 366.'
        : null;

  const run = async (): Promise<void> => {
    if (settingsProblem) return;
    setError(null);
    // The screen shows one run: the one asked for, complete, or none.
    setResult(null);
    setShown(null);
    const outcome = await runner.run('Allocating demand', (runId) =>
      planner().invoke('allocation.run', { target, settings: { latePenaltyRate: penalty / 100, maxLateDays: lateDays }, runId }),
    );
    if (outcome.ok) setResult(outcome.value);
    else setError(outcome.cancelled ? 'Cancelled: nothing from this run is shown.' : outcome.message);
  };

  const live = useMemo(() => {
    const resultId = result?.resultId;
    const datasource: IDatasource = {
      getRows(params) {
        if (!resultId) {
          params.successCallback([], 0);
          return;
        }
        planner()
          .invoke('allocation.page', { resultId, filter, offset: params.startRow, limit: Math.max(1, params.endRow - params.startRow) })
          .then((page) => {
            setShown(page.total);
            params.successCallback(page.rows, page.total);
          })
          .catch((reason: unknown) => {
            setError(message(reason));
            params.failCallback();
          });
      },
    };
    return { datasource, columnDefs: allocationColumns(locale, currency) };
  }, [result, filter, locale, currency]);

  const totals = result?.totals;
  const servedShare = totals && totals.unitsDemanded > 0 ? totals.unitsServed / totals.unitsDemanded : 1;

  return (
    <section className="screen" aria-labelledby="allocation-title">
      <div className="screen-header">
        <h1 id="allocation-title">Allocation</h1>
        <p className="muted">Open orders assigned to the node that earns most after transport and lateness; scarce stock shared by customer priority, then in proportion to need.</p>
      </div>
      <div className="toolbar">
        <TargetPicker target={target} scenarios={scenarios} onChange={setTarget} testId="allocation-target" />
        <label>
          Late penalty (% of price a day)
          <input type="number" min={0} max={100} step="any" value={penaltyPercent} onChange={(event) => setPenaltyPercent(event.target.value)} data-testid="allocation-penalty" />
        </label>
        <label>
          Latest arrival (days after due)
          <input type="number" min={0} max={366} step={1} value={maxLateDays} onChange={(event) => setMaxLateDays(event.target.value)} data-testid="allocation-max-late" />
        </label>
        <button type="button" className="button primary" onClick={() => void run()} disabled={runner.running || settingsProblem !== null} data-testid="allocation-run">
          {runner.running ? 'Running…' : result ? 'Run again' : 'Allocate'}
        </button>
        <RunProgress state={runner.state} onCancel={runner.cancel} />
      </div>
      {settingsProblem && (
        <p className="field-error" role="alert">
          {settingsProblem}
        </p>
      )}
      {error && (
        <div className="banner banner-error" role="alert" data-testid="allocation-error">
          {error}
        </div>
      )}
      {result && totals && (
        <>
          <div className="kpis" data-testid="allocation-totals">
            <div className="kpi">
              <span className="kpi-value" data-testid="allocation-lines">{formatQuantity(totals.lines, locale)}</span>
              <span className="kpi-label">order lines ({result.target.name})</span>
            </div>
            <div className={totals.unitsUnserved > 0 ? 'kpi kpi-warning' : 'kpi'}>
              <span className="kpi-value" data-testid="allocation-served">{formatQuantity(Math.round(servedShare * 1000) / 10, locale)} %</span>
              <span className="kpi-label">
                of {formatQuantity(totals.unitsDemanded, locale)} units served; {formatQuantity(totals.unitsUnserved, locale)} not
              </span>
            </div>
            <div className="kpi">
              <span className="kpi-value" data-testid="allocation-moved">{formatQuantity(totals.linesMoved, locale)}</span>
              <span className="kpi-label">lines ship from another node than on the order</span>
            </div>
            <div className="kpi">
              <span className="kpi-value" data-testid="allocation-objective">{formatCost(totals.objective, locale, currency)}</span>
              <span className="kpi-label">
                margin {formatCost(totals.margin, locale, currency)} − transport {formatCost(totals.transportCost, locale, currency)} − late penalty {formatCost(totals.latePenalty, locale, currency)}
              </span>
            </div>
            <div className="kpi">
              <span className="kpi-value">{formatQuantity(totals.rationedSkus, locale)}</span>
              <span className="kpi-label">SKUs short: shared by rule</span>
            </div>
          </div>
          <div className="toolbar" role="search">
            <NodeFilter nodes={nodes} value={filter.nodeId} onChange={(nodeId) => setFilter((current) => ({ ...current, nodeId }))} testId="allocation-node" />
            <SkuFilter value={skuText} onChange={setSkuText} testId="allocation-sku" />
            <label className="checkbox">
              <input type="checkbox" checked={filter.onlyMoved ?? false} onChange={(event) => setFilter((current) => ({ ...current, onlyMoved: event.target.checked || undefined }))} data-testid="allocation-only-moved" />
              Only lines that differ from the order
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={filter.onlyUnserved ?? false} onChange={(event) => setFilter((current) => ({ ...current, onlyUnserved: event.target.checked || undefined }))} />
              Only lines not fully served
            </label>
            <span className="muted" data-testid="allocation-shown">
              {shown === null ? '' : `${formatQuantity(shown, locale)} shown`}
            </span>
          </div>
          <div className="planning-grid allocation-grid">
            <LargeGrid<AllocationLineView> className="planning-grid-fill" testId="allocation-grid" options={GRID_OPTIONS} modules={PAGED_GRID_MODULES} live={live} />
          </div>
        </>
      )}
      {!result && !runner.running && <div className="empty-state">Choose the baseline or a scenario and allocate: every open order line appears here with the node that should serve it.</div>}
    </section>
  );
}
