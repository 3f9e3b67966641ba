import type { GridApi, GridOptions, IDatasource } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PlanTarget, ProposalView, ReplenishmentFilter, ReplenishmentRun, ScenarioSummary } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import { NodeFilter, SkuFilter, useSkuText } from '../../components/filter-fields';
import { LargeGrid } from '../../components/LargeGrid';
import { SELECTABLE_PAGED_GRID_MODULES } from '../../components/grid-modules';
import { RunProgress } from '../../components/RunProgress';
import { SubmitBatch } from '../../components/SubmitBatch';
import { TargetPicker } from '../../components/TargetPicker';
import { usePlanningRun } from '../../components/use-planning-run';
import { formatCost, formatQuantity } from '../../format';
import { useAppStore } from '../../stores/app-store';
import { proposalColumns } from './proposal-columns';
import { ReasonPanel } from './ReasonPanel';
import { useApprovalsVersion } from '../../components/use-approvals-version';

const BLOCK = 200;
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function ReplenishmentScreen() {
  const { description, networkVersion } = useAppStore(useShallow((state) => ({ description: state.description, networkVersion: state.networkVersion })));
  const locale = description?.region.locale ?? 'en-GB';
  const currency = description?.region.currency ?? 'EUR';
  const nodes = description?.network.nodes ?? [];
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [target, setTarget] = useState<PlanTarget>({ kind: 'baseline' });
  const [result, setResult] = useState<ReplenishmentRun | null>(null);
  const [filter, setFilter] = useState<ReplenishmentFilter>({});
  const [skuText, setSkuText] = useSkuText(setFilter);
  const [shown, setShown] = useState<{ total: number; stale: number } | null>(null);
  const [selected, setSelected] = useState<ProposalView[]>([]);
  // Ticked rows whose order is already in a batch: the services leave them out, so the button does not count them.
  const alreadySubmitted = selected.filter((proposal) => proposal.submitted !== null).length;
  const [focus, setFocus] = useState<ProposalView | null>(null);
  const [addTo, setAddTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const runner = usePlanningRun();
  const grid = useRef<GridApi<ProposalView> | null>(null);

  const refreshScenarios = useCallback(() => {
    planner()
      .invoke('scenario.list', {})
      .then((list) => {
        const usable = list.scenarios.filter((scenario) => !scenario.madeOnOlderSnapshot);
        setScenarios(list.scenarios);
        setAddTo((current) => (current && usable.some((scenario) => scenario.id === current) ? current : (usable.at(-1)?.id ?? '')));
      })
      .catch((reason: unknown) => setError(message(reason)));
  }, []);

  // A batch submitted or decided anywhere changes which rows are already submitted: fetch the rows
  // on screen again, where the planner is.
  const approvalsVersion = useApprovalsVersion();

  useEffect(() => {
    refreshScenarios();
    // A new network makes every held result meaningless: the worker has dropped them too.
    setResult(null);
  }, [refreshScenarios, networkVersion]);


  const run = async (): Promise<void> => {
    setError(null);
    setNotice(null);
    // The screen shows one run: the one asked for, complete, or none.
    setResult(null);
    setShown(null);
    const outcome = await runner.run('Proposing replenishment', (runId) => planner().invoke('replenishment.run', { target, runId }));
    if (outcome.ok) {
      setResult(outcome.value);
      setSelected([]);
      setFocus(null);
    } else setError(outcome.cancelled ? 'Cancelled: nothing from this run is shown.' : outcome.message);
  };

  const options = useMemo<GridOptions<ProposalView>>(
    () => ({
      rowModelType: 'infinite',
      cacheBlockSize: BLOCK,
      maxBlocksInCache: 50,
      infiniteInitialRowCount: 1,
      maxConcurrentDatasourceRequests: 2,
      getRowId: (params) => params.data.id,
      rowHeight: 30,
      headerHeight: 34,
      animateRows: false,
      tooltipShowDelay: 400,
      rowSelection: { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false },
      selectionColumnDef: { pinned: 'left' },
      defaultColDef: { resizable: true, sortable: false, suppressHeaderMenuButton: true },
      onGridReady: (event) => void (grid.current = event.api),
      onSelectionChanged: (event) => setSelected(event.api.getSelectedRows()),
      onRowClicked: (event) => event.data && setFocus(event.data),
    }),
    [],
  );

  const live = useMemo(() => {
    const resultId = result?.resultId;
    const datasource: IDatasource = {
      getRows(params) {
        if (!resultId) {
          params.successCallback([], 0);
          return;
        }
        planner()
          .invoke('replenishment.page', { resultId, filter, offset: params.startRow, limit: Math.max(1, params.endRow - params.startRow) })
          .then((page) => {
            setShown({ total: page.total, stale: page.staleProposals });
            params.successCallback(page.rows, page.total);
          })
          .catch((reason: unknown) => {
            setError(message(reason));
            params.failCallback();
          });
      },
    };
    return { datasource, columnDefs: proposalColumns(locale, currency) };
  }, [result, filter, locale, currency]);

  // Another run or filter shows other rows: what was ticked before is not silently carried over.
  useEffect(() => {
    grid.current?.deselectAll();
    setSelected([]);
  }, [result, filter]);

  const addSelected = async (): Promise<void> => {
    if (!result || selected.length === 0 || !addTo) return;
    setError(null);
    setNotice(null);
    const ran = await runner.run('Adding to the scenario', (runId) =>
      planner().invoke('replenishment.addToScenario', { resultId: result.resultId, proposalIds: selected.map((proposal) => proposal.id), scenarioId: addTo, runId }),
    );
    if (!ran.ok) {
      setError(ran.cancelled ? 'Cancelled: nothing was added.' : ran.message);
      return;
    }
    const outcome = ran.value;
    if (outcome.applied) {
      setNotice(`Added ${selected.length} ${selected.length === 1 ? 'proposal' : 'proposals'} to "${outcome.scenario.name}" (${outcome.scenario.position} edits now).`);
      grid.current?.deselectAll();
      refreshScenarios();
    } else setError(`Nothing was added: ${outcome.message}`);
  };

  const usable = scenarios.filter((scenario) => !scenario.madeOnOlderSnapshot);
  const totals = result?.totals;

  return (
    <section className="screen" aria-labelledby="replenishment-title">
      <div className="screen-header">
        <h1 id="replenishment-title">Replenishment</h1>
        <p className="muted">For every node × SKU that falls below its minimum: the best transfer or purchase, and why.</p>
      </div>
      <div className="toolbar">
        <TargetPicker target={target} scenarios={scenarios} onChange={setTarget} testId="replenishment-target" />
        <button type="button" className="button primary" onClick={() => void run()} disabled={runner.running} data-testid="replenishment-run">
          {runner.running ? 'Running…' : result ? 'Run again' : 'Propose replenishment'}
        </button>
        <RunProgress state={runner.state} onCancel={runner.cancel} />
      </div>
      {error && (
        <div className="banner banner-error" role="alert" data-testid="replenishment-error">
          {error}
        </div>
      )}
      {notice && (
        <div className="banner banner-info" role="status" data-testid="replenishment-notice">
          {notice}
        </div>
      )}
      {result && totals && (
        <>
          <div className="kpis" data-testid="replenishment-totals">
            <div className="kpi">
              <span className="kpi-value" data-testid="replenishment-proposals">{formatQuantity(totals.proposals, locale)}</span>
              <span className="kpi-label">proposals for {formatQuantity(totals.needs, locale)} needs ({result.target.name})</span>
            </div>
            <div className="kpi">
              <span className="kpi-value">{formatQuantity(totals.transferUnits, locale)}</span>
              <span className="kpi-label">units by transfer · {formatCost(totals.transferCost, locale, currency)}</span>
            </div>
            <div className="kpi">
              <span className="kpi-value">{formatQuantity(totals.purchaseUnits, locale)}</span>
              <span className="kpi-label">units to buy · {formatCost(totals.purchaseCost, locale, currency)}</span>
            </div>
            <div className={totals.lateProposals > 0 ? 'kpi kpi-warning' : 'kpi'}>
              <span className="kpi-value">{formatQuantity(totals.lateProposals, locale)}</span>
              <span className="kpi-label">arrive late (nothing sooner)</span>
            </div>
            <div className={totals.unmet > 0 ? 'kpi kpi-warning' : 'kpi'}>
              <span className="kpi-value">{formatQuantity(totals.unmet, locale)}</span>
              <span className="kpi-label">needs no lane or supplier can meet</span>
            </div>
          </div>
          {shown && shown.stale > 0 && (
            <div className="banner banner-warning" role="alert" data-testid="replenishment-stale">
              {formatQuantity(shown.stale, locale)} of these proposals are built on data older than the region allows: each says which node and which data. Sync before acting on them.
            </div>
          )}
          <div className="toolbar" role="search">
            <NodeFilter nodes={nodes} value={filter.nodeId} onChange={(nodeId) => setFilter((current) => ({ ...current, nodeId }))} testId="replenishment-node" />
            <SkuFilter value={skuText} onChange={setSkuText} testId="replenishment-sku" />
            <label>
              Kind
              <select value={filter.kind ?? ''} onChange={(event) => setFilter((current) => ({ ...current, kind: (event.target.value || undefined) as ReplenishmentFilter['kind'] }))} data-testid="replenishment-kind">
                <option value="">Transfers and purchases</option>
                <option value="transfer">Transfers</option>
                <option value="purchase">Purchases</option>
              </select>
            </label>
            <span className="muted" data-testid="replenishment-shown">
              {shown ? `${formatQuantity(shown.total, locale)} shown` : ''}
            </span>
          </div>
          <div className="selection-bar" data-testid="selection-bar">
            <span>{selected.length === 0 ? 'Tick proposals to add them to a scenario or submit them for approval.' : `${selected.length} selected`}</span>
            <label>
              Scenario
              <select value={addTo} onChange={(event) => setAddTo(event.target.value)} data-testid="replenishment-scenario">
                {usable.length === 0 && <option value="">Create a scenario first (Scenarios)</option>}
                {usable.map((scenario) => (
                  <option key={scenario.id} value={scenario.id}>
                    {scenario.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button primary" disabled={selected.length === 0 || !addTo || runner.running} onClick={() => void addSelected()} data-testid="replenishment-add">
              Add {selected.length > 0 ? selected.length : ''} to scenario
            </button>
            <span className="batch-actions">
              <SubmitBatch
                count={selected.length - alreadySubmitted}
                label={alreadySubmitted > 0 ? `All ${alreadySubmitted} ticked already submitted` : 'Tick proposals to submit them for approval'}
                send={(note) => planner().invoke('approvals.submitFromReplenishment', { resultId: result.resultId, proposalIds: selected.map((proposal) => proposal.id), note })}
                onSubmitted={() => grid.current?.deselectAll()}
              />
              {alreadySubmitted > 0 && selected.length > alreadySubmitted && (
                <span className="muted small" data-testid="replenishment-already-submitted">
                  {alreadySubmitted} ticked already submitted (left out)
                </span>
              )}
            </span>
          </div>
          <div className="replenishment-body">
            <div className="planning-grid proposals">
              <LargeGrid<ProposalView> className="planning-grid-fill" testId="proposals-grid" options={options} modules={SELECTABLE_PAGED_GRID_MODULES} live={live} dataVersion={approvalsVersion} />
            </div>
            {focus && <ReasonPanel proposal={focus} locale={locale} currency={currency} />}
          </div>
        </>
      )}
      {!result && !runner.running && <div className="empty-state">Choose the baseline or a scenario and run: proposals for the whole network appear here.</div>}
    </section>
  );
}
