import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import { formatQuantity } from '../../format';

function when(iso: string | null, locale: string): string {
  return iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '—';
}

/** Where the data comes from, the last sync, a way to run one, and whether the cache agrees with Odoo. */
export function SyncStrip({ locale }: { locale: string }) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [showDifferences, setShowDifferences] = useState(false);

  const refresh = useCallback(() => {
    planner()
      .invoke('sync.status', {})
      .then(setStatus)
      .catch((error: unknown) => setMessage(error instanceof Error ? error.message : String(error)));
  }, []);

  useEffect(() => {
    refresh();
    const api = planner();
    const stops = [
      api.subscribe('sync.progress', (progress) => setStatus((current) => (current ? { ...current, running: true, progress } : current))),
      api.subscribe('sync.finished', (finished) => {
        setMessage(finished.message);
        refresh();
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, [refresh]);

  if (!status) return null;
  const start = (): void => {
    setMessage(null);
    planner()
      .invoke('sync.start', {})
      .then(refresh)
      .catch((error: unknown) => setMessage(error instanceof Error ? error.message : String(error)));
  };
  const cancel = (): void => void planner().invoke('sync.cancel', {}).then(refresh);
  const reconciliation = status.reconciliation;

  return (
    <div className="sync-strip" data-testid="sync-strip">
      {!status.configured ? (
        <span className="muted">Not connected to Odoo: showing the demo network. Connect in Settings to plan on real data.</span>
      ) : (
        <>
          <span>
            Last sync: {when(status.lastRun?.finishedAt ?? null, locale)}
            {status.lastRun?.outcome && status.lastRun.outcome !== 'done' ? ` (${status.lastRun.outcome})` : ''}
          </span>
          {status.running ? (
            <>
              <span className="status-progress" role="progressbar" aria-label={status.progress?.label ?? 'Syncing'} aria-valuenow={status.progress?.done ?? 0} aria-valuemax={status.progress?.total ?? 0}>
                Syncing {status.progress ? `${status.progress.label}: ${formatQuantity(status.progress.done, locale)} / ${formatQuantity(status.progress.total, locale)}` : '…'}
              </span>
              <button type="button" onClick={cancel}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" onClick={start} data-testid="sync-now">
              Sync now
            </button>
          )}
          {reconciliation && (
            <span className={reconciliation.differenceCount === 0 ? 'reconciled' : 'not-reconciled'} data-testid="reconciliation">
              {reconciliation.differenceCount === 0
                ? `Every node reconciles with Odoo (${reconciliation.nodes} nodes × ${formatQuantity(reconciliation.products, locale)} products)`
                : `${formatQuantity(reconciliation.differenceCount, locale)} figures differ from Odoo`}
              {reconciliation.differenceCount > 0 && (
                <button type="button" className="link" onClick={() => setShowDifferences(!showDifferences)}>
                  {showDifferences ? 'Hide' : 'Show'}
                </button>
              )}
            </span>
          )}
        </>
      )}
      {message && <span className="sync-message" role="status">{message}</span>}
      {status.problems.map((problem) => (
        <span key={problem} className="sync-problem" role="alert">
          {problem}
        </span>
      ))}
      {showDifferences && reconciliation && (
        <table className="differences">
          <thead>
            <tr><th>Node</th><th>SKU</th><th>Figure</th><th>Cache</th><th>Odoo</th></tr>
          </thead>
          <tbody>
            {reconciliation.differences.map((difference) => (
              <tr key={`${difference.nodeId}|${difference.skuId}|${difference.figure}`}>
                <td>{difference.nodeId}</td><td>{difference.skuId}</td><td>{difference.figure}</td><td>{formatQuantity(difference.cache, locale)}</td><td>{formatQuantity(difference.odoo, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
