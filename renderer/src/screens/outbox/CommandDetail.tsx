import { useEffect, useState } from 'react';
import type { OutboxCommandDetail } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import { formatQuantity } from '../../format';
import { STATUS_LABEL } from './outbox-store';

function when(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(new Date(iso));
}

/** One command: what it is, what Odoo has of it, why it waits or failed, its history, and what a person can do. */
export function CommandDetail({ id, locale, version, onClose }: { id: string; locale: string; version: number; onClose(): void }) {
  const [detail, setDetail] = useState<OutboxCommandDetail | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    planner()
      .invoke('outbox.command', { id })
      .then((value) => {
        if (!current) return;
        setDetail(value);
        setQuantities((before) => (Object.keys(before).length > 0 ? before : Object.fromEntries(value.lines.map((line) => [line.lineId, String(line.qty)]))));
      })
      .catch((error: unknown) => current && setMessage(error instanceof Error ? error.message : String(error)));
    return () => {
      current = false;
    };
  }, [id, version]);

  if (!detail) return <aside className="outbox-detail">{message ? <p role="alert">{message}</p> : <p className="muted">Loading…</p>}</aside>;

  const act = (work: () => Promise<unknown>, done: string): void => {
    setBusy(true);
    setMessage(null);
    work()
      .then(() => setMessage(done))
      .catch((error: unknown) => setMessage(error instanceof Error ? error.message : String(error)))
      .finally(() => setBusy(false));
  };
  const saveQuantity = (lineId: string): void => {
    const qty = Number(quantities[lineId]);
    act(() => planner().invoke('outbox.edit', { id, lineId, qty }), `Quantity changed to ${formatQuantity(qty, locale)}; it is pushed again.`);
  };

  return (
    <aside className="outbox-detail" aria-label="Command" data-testid="outbox-detail">
      <div className="outbox-detail-head">
        <h2>{detail.summary}</h2>
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </div>
      <dl className="facts">
        <div><dt>State</dt><dd data-testid="detail-status">{STATUS_LABEL[detail.status]}</dd></div>
        <div><dt>Idempotency key (in Odoo's Source Document)</dt><dd><code>{detail.idempotencyKey}</code></dd></div>
        <div><dt>Batch · lines</dt><dd>{detail.batchId ?? '—'} · {detail.lines.map((line) => line.lineId).join(', ')}</dd></div>
        <div><dt>Approved by</dt><dd>{detail.createdBy}, {when(detail.createdAt, locale)}</dd></div>
        <div><dt>Attempts</dt><dd>{detail.attempts}{detail.nextAttemptAt ? ` · next try ${when(detail.nextAttemptAt, locale)}` : ''}</dd></div>
        <div>
          <dt>In Odoo</dt>
          <dd data-testid="detail-records">{detail.odooRecords.length === 0 ? 'nothing yet' : detail.odooRecords.map((record) => `${record.name || `${record.model} ${record.id}`} (${record.state})`).join(', ')}</dd>
        </div>
      </dl>
      {detail.replan && (
        <p className="outbox-replan" role="note" data-testid="detail-replan">
          {detail.replan.nodeId} has <strong>{formatQuantity(detail.replan.available, locale)}</strong> of {detail.replan.skuId} free in Odoo; the line needs <strong>{formatQuantity(detail.replan.needed, locale)}</strong> (checked {when(detail.replan.checkedAt, locale)}). Nothing was confirmed in Odoo.
        </p>
      )}
      {detail.lastError && detail.status !== 'done' && (
        <pre className="outbox-error" data-testid="detail-error">
          {detail.lastError}
        </pre>
      )}
      {detail.waitingFor.some((dependency) => dependency.state !== 'done') && (
        <p className="muted">Waits for: {detail.waitingFor.map((dependency) => `line ${dependency.lineId} (${dependency.state ?? 'not in the outbox yet'})`).join(', ')}</p>
      )}
      <div className="outbox-actions">
        {detail.canRetry && (
          <button type="button" disabled={busy} onClick={() => act(() => planner().invoke('outbox.retry', { id }), 'Queued to try again now.')}>
            Retry now
          </button>
        )}
        {detail.canCancel && (
          <button type="button" className="danger" disabled={busy} onClick={() => act(() => planner().invoke('outbox.cancel', { id }), 'Cancelled (anything already in Odoo is cancelled there first).')}>
            Cancel command
          </button>
        )}
      </div>
      {detail.canEdit && (
        <div className="outbox-edit">
          {detail.lines.map((line) => (
            <label key={line.lineId}>
              Quantity of {line.skuId} (line {line.lineId})
              <input type="number" min="0" step="any" value={quantities[line.lineId] ?? ''} onChange={(event) => setQuantities({ ...quantities, [line.lineId]: event.target.value })} />
              <button type="button" disabled={busy || !(Number(quantities[line.lineId]) > 0) || Number(quantities[line.lineId]) === line.qty} onClick={() => saveQuantity(line.lineId)}>
                Save and push
              </button>
            </label>
          ))}
        </div>
      )}
      {message && <p role="status" className="outbox-message">{message}</p>}
      <h3>History</h3>
      <ol className="outbox-history" data-testid="detail-history">
        {detail.history.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <time dateTime={entry.at}>{when(entry.at, locale)}</time> <strong>{entry.event.replace(/-/g, ' ')}</strong>
            {entry.attempt !== null ? ` (attempt ${entry.attempt})` : ''}: {entry.message}
          </li>
        ))}
      </ol>
    </aside>
  );
}
