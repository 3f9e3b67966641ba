import { useCallback, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ScenarioEdit } from '../../../../shared/domain';
import type { EditOutcome, PlanningCatalog, ScenarioCompareView, ScenarioDetail, ScenarioList as ScenarioListView } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import { RunProgress } from '../../components/RunProgress';
import { usePlanningRun } from '../../components/use-planning-run';
import { formatDate, formatQuantity } from '../../format';
import { useAppStore } from '../../stores/app-store';
import { ChangedRowsGrid } from './ChangedRowsGrid';
import { ChartPanel, type RowChoice } from './ChartPanel';
import { EditList } from './EditList';
import { EditForm } from './forms/EditForm';
import { KpiPanel } from './KpiPanel';
import { ScenarioList } from './ScenarioList';
import { ScenarioToolbar } from './ScenarioToolbar';
import './scenarios.css';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The row an edit is about, to chart it right after the edit is made. */
function rowOf(edit: ScenarioEdit): RowChoice | null {
  if (edit.kind === 'add-transfer') return { nodeId: edit.toNodeId, skuId: edit.skuId };
  if (edit.kind === 'add-demand') return { nodeId: edit.nodeId, skuId: edit.skuId };
  return null;
}

export function ScenariosScreen() {
  const { description, networkVersion } = useAppStore(useShallow((state) => ({ description: state.description, networkVersion: state.networkVersion })));
  const locale = description?.region.locale ?? 'en-GB';
  const currency = description?.region.currency ?? 'EUR';
  const [list, setList] = useState<ScenarioListView | null>(null);
  const [catalog, setCatalog] = useState<PlanningCatalog | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [detail, setDetail] = useState<ScenarioDetail | null>(null);
  const [compare, setCompare] = useState<ScenarioCompareView | null>(null);
  const [chartRow, setChartRow] = useState<RowChoice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const compareRun = usePlanningRun();
  const runCompare = compareRun.run;
  const editRun = usePlanningRun();

  const nodeCodes = useMemo(() => new Map((catalog?.nodes ?? description?.network.nodes ?? []).map((node) => [node.id, node.code])), [catalog, description]);
  const words = useMemo(
    () => ({ nodeCode: (id: string) => nodeCodes.get(id) ?? id, quantity: (value: number) => formatQuantity(value, locale), date: (iso: string) => formatDate(iso, locale) }),
    [nodeCodes, locale],
  );

  const refreshList = useCallback(async () => {
    try {
      const found = await planner().invoke('scenario.list', {});
      setList(found);
      setSelectedId((current) => current ?? found.scenarios.at(-1)?.id ?? null);
    } catch (reason) {
      setError(message(reason));
    }
  }, []);

  useEffect(() => {
    void refreshList();
    planner()
      .invoke('planning.catalog', {})
      .then(setCatalog)
      .catch((reason: unknown) => setError(message(reason)));
  }, [refreshList, networkVersion]);

  useEffect(() => {
    setDetail(null);
    setChartRow(null);
    if (!selectedId) return;
    let current = true;
    planner()
      .invoke('scenario.describe', { scenarioId: selectedId })
      .then((found) => current && setDetail(found))
      .catch((reason: unknown) => current && setError(message(reason)));
    return () => {
      current = false;
    };
  }, [selectedId, networkVersion]);

  const revision = detail ? `${detail.id}:${detail.position}:${detail.editCount}:${detail.updatedAt}:${detail.base.takenAt}` : '';

  useEffect(() => {
    setCompare(null);
    if (!detail || detail.blockedReason) return;
    let current = true;
    void runCompare('Comparing with the baseline', (runId) => planner().invoke('scenario.compare', { scenarioId: detail.id, offset: 0, limit: 1, runId })).then((outcome) => {
      if (!current) return;
      if (outcome.ok) setCompare(outcome.value);
      else setError(outcome.cancelled ? 'The comparison was cancelled; nothing from it is shown.' : outcome.message);
    });
    return () => {
      current = false;
    };
    // The revision names everything about the scenario that changes its comparison.
  }, [revision, runCompare]);

  const adopt = (scenario: ScenarioDetail): void => {
    setDetail(scenario);
    void refreshList();
  };

  const apply = async (edits: ScenarioEdit[]): Promise<EditOutcome | null> => {
    if (!detail) return null;
    setError(null);
    const ran = await editRun.run('Applying the edit', (runId) => planner().invoke('scenario.applyEdits', { scenarioId: detail.id, edits, runId }));
    if (!ran.ok) {
      setError(ran.cancelled ? 'Cancelled: the edit was not added.' : ran.message);
      return null;
    }
    adopt(ran.value.scenario);
    const first = edits[0];
    if (ran.value.applied && first) setChartRow((current) => rowOf(first) ?? current);
    return ran.value;
  };

  /** Undo, redo and re-base: the scenario comes back changed, or the refusal says why it did not. */
  const act = async (label: string, work: (runId: string) => Promise<ScenarioDetail | EditOutcome>): Promise<void> => {
    setError(null);
    setNotice(null);
    const ran = await editRun.run(label, work);
    if (!ran.ok) {
      setError(ran.cancelled ? 'Cancelled: the scenario is as it was.' : ran.message);
      return;
    }
    const result = ran.value;
    if ('applied' in result) {
      adopt(result.scenario);
      if (!result.applied) setError(result.message);
    } else adopt(result);
  };

  const create = async (name: string): Promise<void> => {
    setError(null);
    try {
      const created = await planner().invoke('scenario.create', { name });
      setSelectedId(created.id);
      adopt(created);
    } catch (reason) {
      setError(message(reason));
    }
  };

  const remove = async (): Promise<void> => {
    if (!detail) return;
    try {
      await planner().invoke('scenario.delete', { scenarioId: detail.id });
      setSelectedId(null);
      setNotice(`Deleted "${detail.name}".`);
      await refreshList();
    } catch (reason) {
      setError(message(reason));
    }
  };

  return (
    <section className="screen" aria-labelledby="scenarios-title">
      <div className="screen-header">
        <h1 id="scenarios-title">Scenarios</h1>
        <p className="muted">
          What-if plans on the snapshot {list?.network ? `taken ${new Date(list.network.takenAt).toLocaleString(locale)} (day 0 ${formatDate(list.network.dayZero, locale)})` : 'being loaded'}. The network itself never changes here.
        </p>
      </div>
      {error && (
        <div className="banner banner-error" role="alert" data-testid="scenario-error">
          {error}
        </div>
      )}
      {notice && (
        <div className="banner banner-info" role="status">
          {notice}
        </div>
      )}
      <div className="scenarios-layout">
        <ScenarioList scenarios={list?.scenarios ?? []} selectedId={selectedId} onSelect={setSelectedId} onCreate={create} />
        <div className="scenario-detail">
          {!detail ? (
            <div className="empty-state">{selectedId ? 'Loading the scenario…' : 'Create a scenario to start: it begins as a copy of the current snapshot.'}</div>
          ) : (
            <>
              <ScenarioToolbar
                scenario={detail}
                locale={locale}
                onUndo={() => void act('Undoing', () => planner().invoke('scenario.undo', { scenarioId: detail.id }))}
                onRedo={() => void act('Redoing the edit', (runId) => planner().invoke('scenario.redo', { scenarioId: detail.id, runId }))}
                onRebase={() => void act('Re-basing on the current snapshot', (runId) => planner().invoke('scenario.rebase', { scenarioId: detail.id, runId }))}
                onDelete={() => void remove()}
              />
              <RunProgress state={editRun.state} onCancel={editRun.cancel} />
              <RunProgress state={compareRun.state} onCancel={compareRun.cancel} />
              <div className="scenario-columns">
                <section className="panel" aria-labelledby="edits-title">
                  <h2 id="edits-title">Edits</h2>
                  <EditList scenario={detail} words={words} />
                  {catalog && <EditForm key={detail.id} scenario={detail} catalog={catalog} locale={locale} onApply={apply} />}
                </section>
                <section className="panel" aria-labelledby="kpis-title">
                  <h2 id="kpis-title">Compared with the baseline</h2>
                  {detail.blockedReason ? <p className="muted">No comparison until the scenario is re-based.</p> : <KpiPanel compare={compare} locale={locale} currency={currency} />}
                  {compare?.notes.map((note) => (
                    <p key={`${note.editId}-${note.message}`} className="muted footnote">
                      {note.editId}: {note.message}
                    </p>
                  ))}
                </section>
              </div>
              {!detail.blockedReason && (
                <section className="panel panel-grid" aria-labelledby="changed-title">
                  <h2 id="changed-title">
                    Changed rows <span className="muted" data-testid="changed-total">{compare ? `${formatQuantity(compare.total, locale)} node × SKU` : ''}</span>
                  </h2>
                  <ChangedRowsGrid scenarioId={detail.id} revision={revision} locale={locale} onPick={(row) => setChartRow({ nodeId: row.nodeId, skuId: row.skuId })} />
                </section>
              )}
              {catalog && !detail.blockedReason && <ChartPanel scenarioId={detail.id} revision={revision} catalog={catalog} row={chartRow} onRow={setChartRow} locale={locale} />}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
