import { useEffect, useState } from 'react';
import type { OutboxCommandStatus, OutboxCommandView } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import { useAppStore } from '../../stores/app-store';
import { CommandDetail } from './CommandDetail';
import { STATUS_LABEL, useOutboxStore } from './outbox-store';

const ORDER: OutboxCommandStatus[] = ['needs-replanning', 'dead-letter', 'retrying', 'blocked', 'queued', 'pushing', 'cancelling', 'done', 'cancelled'];
const PAGE = 100;

/** Approved work on its way to Odoo: counts by state, every command with its history, and the controls. */
export function OutboxScreen() {
  const locale = useAppStore((state) => state.description?.region.locale ?? 'en-GB');
  const status = useOutboxStore((state) => state.status);
  const version = useOutboxStore((state) => state.version);
  const setStatus = useOutboxStore((state) => state.setStatus);
  const [filter, setFilter] = useState<OutboxCommandStatus | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [page, setPage] = useState<{ total: number; commands: OutboxCommandView[] } | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    planner()
      .invoke('outbox.list', { statuses: filter ? [filter] : undefined, offset: 0, limit })
      .then((value) => current && (setPage(value), setError(null)))
      .catch((reason: unknown) => current && setError(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      current = false;
    };
  }, [filter, limit, version]);

  const togglePause = (): void => {
    planner()
      .invoke(status?.paused ? 'outbox.resume' : 'outbox.pause', {})
      .then(setStatus)
      .catch((reason: unknown) => setError(reason instanceof Error ? reason.message : String(reason)));
  };

  return (
    <section className="screen" aria-labelledby="outbox-title">
      <div className="screen-header">
        <h1 id="outbox-title">Outbox</h1>
        {status && (
          <p className="muted" data-testid="outbox-connection">
            {status.connection.message}
          </p>
        )}
        <button type="button" className="outbox-pause" onClick={togglePause} disabled={!status} data-testid="outbox-pause">
          {status?.paused ? 'Resume pushing' : 'Pause pushing'}
        </button>
      </div>
      {status && (
        <div className="outbox-counts" role="group" aria-label="Commands by state">
          <button type="button" className={filter === null ? 'outbox-count active' : 'outbox-count'} onClick={() => setFilter(null)}>
            <span className="kpi-value">{status.total}</span>
            <span className="kpi-label">All</span>
          </button>
          {ORDER.map((state) => (
            <button
              key={state}
              type="button"
              className={`outbox-count outbox-count-${state}${filter === state ? ' active' : ''}`}
              onClick={() => setFilter(filter === state ? null : state)}
              data-testid={`count-${state}`}
              aria-pressed={filter === state}
            >
              <span className="kpi-value">{status.counts[state]}</span>
              <span className="kpi-label">{STATUS_LABEL[state]}</span>
            </button>
          ))}
        </div>
      )}
      {error && (
        <div className="empty-state" role="alert">
          {error}
        </div>
      )}
      <div className="outbox-body">
        <div className="outbox-list">
          {page && page.commands.length === 0 && <p className="muted">{filter ? `No command is ${STATUS_LABEL[filter].toLowerCase()}.` : 'Nothing has been approved for Odoo yet. Approved transfers and purchases appear here until they are in Odoo.'}</p>}
          {page && page.commands.length > 0 && (
            <table className="outbox-table">
              <thead>
                <tr><th>State</th><th>What</th><th>Batch</th><th>Tries</th><th>In Odoo</th><th>Last word</th></tr>
              </thead>
              <tbody>
                {page.commands.map((command) => (
                  <tr key={command.id} className={`${selected === command.id ? 'selected ' : ''}status-${command.status}`} data-testid="outbox-row" data-status={command.status} onClick={() => setSelected(command.id)}>
                    <td><button type="button" className="link" onClick={() => setSelected(command.id)}>{STATUS_LABEL[command.status]}</button></td>
                    <td>{command.summary}</td>
                    <td>{command.batchId ?? '—'}</td>
                    <td>{command.attempts}</td>
                    <td>{command.odooRecords.map((record) => record.name || `#${record.id}`).join(', ')}</td>
                    <td className="outbox-last-word">
                      {command.replan ? `${command.replan.nodeId} has ${command.replan.available} free, needs ${command.replan.needed}` : command.status === 'done' ? '' : (command.lastError ?? '')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {page && page.total > page.commands.length && limit < 500 && (
            <button type="button" className="link" onClick={() => setLimit(Math.min(500, limit + PAGE))}>
              Show more ({page.total - page.commands.length} not shown)
            </button>
          )}
        </div>
        {selected && <CommandDetail id={selected} locale={locale} version={version} onClose={() => setSelected(null)} />}
      </div>
    </section>
  );
}
