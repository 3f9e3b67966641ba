import { useCallback, useEffect, useState } from 'react';
import { describeNetworkChange, summariseChanges, type NetworkChangeEvent, type ShortageChange, type SyncChangeCounts } from '../../../../shared/domain';
import type { SyncChangesView } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import { formatDate, formatQuantity } from '../../format';
import { useAppStore } from '../../stores/app-store';

type ListName = 'shortages' | 'supply' | 'demand' | 'stock';

const LISTS: { name: ListName; label: string; count: (counts: SyncChangeCounts) => number; kind?: NetworkChangeEvent['kind'] }[] = [
  { name: 'shortages', label: 'Shortages', count: (counts) => Object.values(counts.shortages).reduce((sum, n) => sum + n, 0) },
  { name: 'supply', label: 'Supply', count: (counts) => Object.values(counts.supply).reduce((sum, n) => sum + n, 0), kind: 'supply-changed' },
  { name: 'demand', label: 'Orders', count: (counts) => Object.values(counts.demand).reduce((sum, n) => sum + n, 0), kind: 'demand-changed' },
  { name: 'stock', label: 'Stock', count: (counts) => counts.stock, kind: 'stock-changed' },
];

/** Rows drawn at once; the record keeps the costliest changes, the counts are whole. */
const SHOWN = 200;

const SHORTAGE_WORDS: Record<ShortageChange['change'], string> = { 'now short': 'Now short', earlier: 'Short sooner', later: 'Short later', 'no longer short': 'No longer short' };

function when(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/**
 * What the last syncs changed in Odoo, and what that did to shortages: the planner's first question
 * after a sync ("what moved overnight?"), answered before they go looking in Odoo.
 */
export function SyncChangesPanel({ locale, odoo }: { locale: string; odoo: boolean }) {
  const [view, setView] = useState<SyncChangesView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [takenAt, setTakenAt] = useState<string | undefined>(undefined);
  const [list, setList] = useState<ListName>('shortages');
  const show = useAppStore((state) => state.show);

  const load = useCallback((at: string | undefined) => {
    planner()
      .invoke('sync.changes', at === undefined ? {} : { takenAt: at })
      .then((value) => {
        setView(value);
        setError(null);
      })
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  }, []);

  useEffect(() => load(takenAt), [load, takenAt]);
  // A finished sync is shown at once, whichever one was being looked at.
  useEffect(
    () =>
      planner().subscribe('sync.finished', (finished) => {
        if (finished.outcome !== 'done') return;
        setTakenAt(undefined);
        load(undefined);
      }),
    [load],
  );

  if (error) return <section className="sync-changes" aria-label="What changed"><h2>What changed</h2><p role="alert">{error}</p></section>;
  if (!view || (view.syncs.length === 0 && !odoo)) return null;
  const selected = view.selected;
  if (!selected) {
    return (
      <section className="sync-changes" aria-label="What changed">
        <h2>What changed</h2>
        <p className="muted">From the next sync on, what changed in Odoo since the sync before it (ETAs, orders, stock, and the shortages they make or end) is listed here.</p>
      </section>
    );
  }
  const wording = { date: (date: string) => formatDate(date, locale), quantity: (qty: number) => formatQuantity(qty, locale) };
  const current = LISTS.find((entry) => entry.name === list) ?? (LISTS[0] as (typeof LISTS)[number]);
  const events = current.kind ? selected.events.filter((event) => event.kind === current.kind) : [];
  const listed = current.name === 'shortages' ? selected.shortages.length : events.length;
  const total = current.count(selected.counts);

  return (
    <section className="sync-changes" aria-label="What changed" data-testid="sync-changes">
      <div className="sync-changes-header">
        <h2>What changed</h2>
        <label>
          <span className="muted">Sync</span>{' '}
          <select value={selected.takenAt} onChange={(event) => setTakenAt(event.target.value)} aria-label="Which sync">
            {view.syncs.map((sync) => (
              <option key={sync.takenAt} value={sync.takenAt}>
                {when(sync.takenAt, locale)} (since {when(sync.previousTakenAt, locale)})
              </option>
            ))}
          </select>
        </label>
        <span data-testid="sync-changes-summary">{capitalised(summariseChanges(selected.counts))}</span>
      </div>
      <div className="change-tabs" role="tablist" aria-label="Which changes">
        {LISTS.map((entry) => (
          <button key={entry.name} type="button" role="tab" aria-selected={entry.name === list} className={entry.name === list ? 'tab active' : 'tab'} onClick={() => setList(entry.name)} data-testid={`changes-${entry.name}`}>
            {entry.label} <span className="tab-count">{formatQuantity(entry.count(selected.counts), locale)}</span>
          </button>
        ))}
      </div>
      {total === 0 ? (
        <p className="muted">No {current.label.toLowerCase()} changed with this sync.</p>
      ) : (
        <table className="changes-table" data-testid="changes-table">
          <thead>
            {current.name === 'shortages' ? (
              <tr><th>Node</th><th>SKU</th><th>Change</th><th>First shortage</th><th>Units short</th></tr>
            ) : (
              <tr><th>Node</th><th>SKU</th><th>What changed</th></tr>
            )}
          </thead>
          <tbody>
            {current.name === 'shortages'
              ? selected.shortages.slice(0, SHOWN).map((row) => (
                  <tr key={`${row.nodeId}|${row.skuId}`} className={row.change === 'now short' || row.change === 'earlier' ? 'worse' : 'better'}>
                    <PlaceCells nodeId={row.nodeId} skuId={row.skuId} onShow={() => show('stock', { nodeId: row.nodeId, skuText: row.skuId })} />
                    <td>{SHORTAGE_WORDS[row.change]}</td>
                    <td>{row.before ? formatDate(row.before, locale) : 'never'} → {row.after ? formatDate(row.after, locale) : 'never'}</td>
                    <td>{formatQuantity(row.unitsShortBefore, locale)} → {formatQuantity(row.unitsShortAfter, locale)}</td>
                  </tr>
                ))
              : events.slice(0, SHOWN).map((event) => (
                  <tr key={'lineId' in event ? event.lineId : `${event.nodeId}|${event.skuId}`}>
                    <PlaceCells nodeId={event.nodeId} skuId={event.skuId} onShow={() => show('stock', { nodeId: event.nodeId, skuText: event.skuId })} />
                    <td>{describeNetworkChange(event, wording)}</td>
                  </tr>
                ))}
          </tbody>
        </table>
      )}
      {total > Math.min(listed, SHOWN) && (
        <p className="muted footnote">
          Showing {formatQuantity(Math.min(listed, SHOWN), locale)} of {formatQuantity(total, locale)}
          {current.name === 'shortages' ? ', soonest first' : ', the largest at cost first'}.
        </p>
      )}
    </section>
  );
}

/** Node and SKU, the SKU a link to its row in Stock (where its projection and flows are). */
function PlaceCells({ nodeId, skuId, onShow }: { nodeId: string; skuId: string; onShow(): void }) {
  return (
    <>
      <td>{nodeId}</td>
      <td>
        <button type="button" className="link" onClick={onShow} aria-label={`Show ${nodeId} × ${skuId} in Stock`}>
          {skuId}
        </button>
      </td>
    </>
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
