import { useMemo, useState } from 'react';
import type { InboxStateFilter } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import { useAppStore } from '../../stores/app-store';
import { ExchangePanel } from './ExchangePanel';
import { InboxPager } from './InboxPager';
import { LineDetail } from './LineDetail';
import { LineTable } from './LineTable';
import { useInbox } from './use-inbox';
import './approvals.css';
import { useApprovalsVersion } from '../../components/use-approvals-version';

const TABS: { state: InboxStateFilter; label: string; count: (counts: NonNullable<ReturnType<typeof useInbox>['view']>['counts']) => number }[] = [
  { state: 'for-me', label: 'For me', count: (counts) => counts.forMe },
  { state: 'waiting', label: 'Waiting', count: (counts) => counts.waiting },
  { state: 'overdue', label: 'Overdue', count: (counts) => counts.overdue },
  { state: 'settled', label: 'Decided', count: (counts) => counts.approved + counts.autoApproved + counts.rejected + counts.expired },
  { state: 'all', label: 'All', count: (counts) => counts.waiting + counts.approved + counts.autoApproved + counts.rejected + counts.expired },
];

/** Lines fetched at a time; history beyond it is reached page by page. */
const PAGE_SIZE = 500;

const numberOrUndefined = (text: string): number | undefined => (text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text));

/** The Approvals inbox: what waits for whom, why each line was proposed and routed, and the decisions. */
export function ApprovalsScreen() {
  const description = useAppStore((state) => state.description);
  const format = { locale: description?.region.locale ?? 'en-GB', currency: description?.region.currency ?? 'EUR' };
  const [state, setState] = useState<InboxStateFilter>('for-me');
  const [ruleId, setRuleId] = useState('');
  const [nodeId, setNodeId] = useState('');
  const [minValue, setMinValue] = useState('');
  const [maxValue, setMaxValue] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [bulkComment, setBulkComment] = useState('');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const version = useApprovalsVersion();
  const seesCosts = description?.user?.seesCosts ?? false;

  const filters = useMemo(
    () => ({
      state,
      ...(ruleId ? { ruleId } : {}),
      ...(nodeId ? { nodeId } : {}),
      ...(seesCosts && numberOrUndefined(minValue) !== undefined ? { minValue: numberOrUndefined(minValue) } : {}),
      ...(seesCosts && numberOrUndefined(maxValue) !== undefined ? { maxValue: numberOrUndefined(maxValue) } : {}),
    }),
    [state, ruleId, nodeId, minValue, maxValue, seesCosts],
  );
  // Another tab or filter starts again at its first page (without fetching the old page first).
  const filtersKey = JSON.stringify(filters);
  const [page, setPage] = useState({ filtersKey, offset: 0 });
  const offset = page.filtersKey === filtersKey ? page.offset : 0;
  const query = useMemo(() => ({ ...filters, offset, limit: PAGE_SIZE }), [filters, offset]);
  const { view, error, loading, reload } = useInbox(query);

  const lines = view?.lines ?? [];
  const selected = lines.find((line) => line.lineId === selectedId) ?? lines[0] ?? null;
  const eligible = lines.filter((line) => line.canDecide);
  const chosen = eligible.filter((line) => checked.has(line.lineId));
  // A line that can be decided but never sent (proposed on the demo) can be rejected, not approved.
  const approvable = eligible.filter((line) => line.cannotApproveBecause === null);
  const chosenApprovable = chosen.filter((line) => line.cannotApproveBecause === null);

  const decideMany = async (decision: 'approved' | 'rejected', lineIds: string[]): Promise<void> => {
    setNotice(null);
    try {
      const result = await planner().invoke('approvals.decide', { lineIds, decision, comment: bulkComment.trim() === '' ? null : bulkComment.trim() });
      const refused = result.refused.length > 0 ? ` ${result.refused.length} refused: ${result.refused.map((refusal) => refusal.reason).join(' ')}` : '';
      setNotice({ ok: true, text: `${result.recorded.length} line${result.recorded.length === 1 ? '' : 's'} ${decision}.${refused}` });
      setChecked(new Set());
      setBulkComment('');
      reload();
    } catch (reason) {
      setNotice({ ok: false, text: reason instanceof Error ? reason.message : String(reason) });
    }
  };

  return (
    <section className="screen approvals" aria-labelledby="approvals-title">
      <div className="screen-header">
        <h1 id="approvals-title">Approvals</h1>
        <span className="muted" data-testid="approvals-user">
          {view?.user ? `Deciding as ${view.user.login} (${view.user.roles.join(', ') || 'no role'})` : 'Nobody is identified: choose a user in Settings, or connect with your Odoo login.'}
        </span>
      </div>

      <div className="approvals-tabs" role="tablist" aria-label="Which lines">
        {TABS.map((tab) => (
          <button key={tab.state} type="button" role="tab" aria-selected={tab.state === state} className={tab.state === state ? 'tab active' : 'tab'} onClick={() => setState(tab.state)} data-testid={`tab-${tab.state}`}>
            {tab.label} <span className="tab-count">{view ? tab.count(view.counts) : '…'}</span>
          </button>
        ))}
      </div>

      <div className="toolbar">
        <label>
          Rule
          <select value={ruleId} onChange={(event) => setRuleId(event.target.value)} data-testid="filter-rule">
            <option value="">Every rule</option>
            {(view?.rules ?? []).map((rule) => (
              <option key={rule.id} value={rule.id}>
                {rule.id} — {rule.description}
              </option>
            ))}
          </select>
        </label>
        <label>
          Node
          <select value={nodeId} onChange={(event) => setNodeId(event.target.value)} data-testid="filter-node">
            <option value="">Every node</option>
            {(description?.network.nodes ?? []).map((node) => (
              <option key={node.id} value={node.id}>
                {node.code} {node.name}
              </option>
            ))}
          </select>
        </label>
        {seesCosts && (
          <>
            <label>
              Value from
              <input type="number" min={0} value={minValue} onChange={(event) => setMinValue(event.target.value)} data-testid="filter-min-value" />
            </label>
            <label>
              to
              <input type="number" min={0} value={maxValue} onChange={(event) => setMaxValue(event.target.value)} data-testid="filter-max-value" />
            </label>
          </>
        )}
      </div>

      <div className="toolbar decide-bar">
        <label>
          Comment for the lines decided together
          <input type="text" value={bulkComment} maxLength={2000} onChange={(event) => setBulkComment(event.target.value)} data-testid="bulk-comment" />
        </label>
        <button type="button" className="primary" disabled={approvable.length === 0} onClick={() => void decideMany('approved', approvable.map((line) => line.lineId))} data-testid="approve-all-eligible">
          Approve all {approvable.length} eligible
        </button>
        <button type="button" disabled={chosenApprovable.length === 0} onClick={() => void decideMany('approved', chosenApprovable.map((line) => line.lineId))} data-testid="approve-selected">
          Approve {chosenApprovable.length} selected
        </button>
        <button type="button" className="danger" disabled={chosen.length === 0} onClick={() => void decideMany('rejected', chosen.map((line) => line.lineId))} data-testid="reject-selected">
          Reject {chosen.length} selected
        </button>
      </div>

      {notice && (
        <p className={notice.ok ? 'done' : 'error'} role={notice.ok ? 'status' : 'alert'} data-testid="approvals-notice">
          {notice.text}
        </p>
      )}
      {error && (
        <div className="empty-state" role="alert">
          {error}
        </div>
      )}

      <div className="approvals-body">
        <div className="approvals-lines" aria-busy={loading}>
          <LineTable
            lines={lines}
            format={format}
            selectedId={selected?.lineId ?? null}
            checked={checked}
            onSelect={setSelectedId}
            onCheck={(lineId, on) =>
              setChecked((current) => {
                const next = new Set(current);
                if (on) next.add(lineId);
                else next.delete(lineId);
                return next;
              })
            }
          />
          {view && (
            <InboxPager
              offset={offset}
              shown={lines.length}
              total={view.total}
              pageSize={PAGE_SIZE}
              locale={format.locale}
              newestFirst={state === 'settled' || state === 'all'}
              onPage={(next) => setPage({ filtersKey, offset: next })}
            />
          )}
        </div>
        {selected && (
          <LineDetail
            key={selected.lineId}
            line={selected}
            format={format}
            onDecided={(text) => {
              setNotice({ ok: true, text });
              reload();
            }}
          />
        )}
      </div>

      <ExchangePanel version={version} />
    </section>
  );
}
