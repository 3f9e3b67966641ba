import { describeNetworkChange, type CanonicalEvent } from '../../../shared/domain';

function short(id: string | null): string {
  return id === null ? '—' : id.length > 10 ? `…${id.slice(-8)}` : id;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('url' in record) return `${String(record.url)} (database ${String(record.database)}${typeof record.login === 'string' ? `, login ${record.login}` : ''})`;
    if ('fingerprint' in record) return `${String(record.login)}'s key ${String(record.fingerprint)} on device ${short(String(record.deviceId))}`;
    return JSON.stringify(value);
  }
  return String(value);
}

/**
 * One line in words for each audit entry, for the Audit screen. Events carry no costs and no
 * secrets (see shared/domain/events.ts), so the summary is the same for every user.
 */
export function describeEvent(event: CanonicalEvent): string {
  switch (event.kind) {
    case 'proposal-created':
      return `Proposed ${event.summary}${event.scenarioId ? ` in scenario ${event.scenarioId}` : ''}`;
    case 'batch-submitted':
      return `Submitted batch ${short(event.batchId)} with ${event.lineIds.length} line${event.lineIds.length === 1 ? '' : 's'}`;
    case 'decision-made': {
      const who = event.actor === 'system' ? 'Auto-approved' : `${event.decision === 'approved' ? 'Approved' : 'Rejected'} as ${event.role}`;
      const signed = event.signature ? `, signed on device ${short(event.device)}` : '';
      return `${who}: line ${short(event.lineId)} of batch ${short(event.batchId)}${event.comment ? ` — “${event.comment}”` : ''}${signed}`;
    }
    case 'command-queued':
      return `Queued ${event.commandKind} for Odoo (key ${event.idempotencyKey})${event.lineId ? ` for line ${short(event.lineId)}` : ''}`;
    case 'command-pushed':
      return `Pushed to Odoo: ${event.odooRecords.map((record) => record.name ?? `${record.model} ${record.id}`).join(', ') || 'no record'}`;
    case 'command-failed':
      return `Push attempt ${event.attempt} failed${event.transient ? ' (will retry)' : ''}: ${event.message}`;
    case 'command-dead-lettered':
      return `Dead-lettered: ${event.message}`;
    case 'replanned':
      return `Sent back for replanning: ${event.reason}`;
    case 'setting-changed':
      return `${event.setting} changed from ${describeValue(event.from)} to ${describeValue(event.to)}${event.reason ? `: ${event.reason}` : ''}`;
    case 'secret-changed':
      return `${event.secret} ${event.change}${event.reason ? `: ${event.reason}` : ''}`;
    case 'stock-changed':
    case 'supply-changed':
    case 'demand-changed':
      return `${event.nodeId} × ${event.skuId}: ${describeNetworkChange(event)}`;
    case 'exchange-file': {
      const what = event.fileKind === 'batch' ? 'batch file' : event.fileKind === 'decisions' ? 'decisions file' : 'file';
      const from = event.signer ? ` signed by ${event.signer}` : '';
      if (event.direction === 'refused') return `Refused a ${what}${from}: ${event.reason ?? 'no reason given'}`;
      return `${event.direction === 'exported' ? 'Exported' : 'Imported'} a ${what}${from} (${event.count} ${event.fileKind === 'batch' ? 'line' : 'decision'}${event.count === 1 ? '' : 's'}, batch ${short(event.batchId)})`;
    }
  }
}
