import { CONNECTION_LABEL, useOutboxStore } from './outbox-store';

/** Where pushes stand with Odoo, for the status bar: reachable, circuit open, paused, not set up. */
export function ConnectionIndicator() {
  const status = useOutboxStore((state) => state.status);
  if (!status) return null;
  const { connection, counts } = status;
  const waiting = counts.queued + counts.retrying + counts.blocked + counts.pushing + counts.cancelling;
  const attention = counts['dead-letter'] + counts['needs-replanning'];
  return (
    <span className={`connection connection-${connection.state}`} data-testid="odoo-connection" title={connection.message}>
      <span className="connection-dot" aria-hidden="true" />
      {CONNECTION_LABEL[connection.state]}
      {waiting > 0 ? ` · ${waiting} to push` : ''}
      {attention > 0 ? ` · ${attention} need${attention === 1 ? 's' : ''} attention` : ''}
    </span>
  );
}
