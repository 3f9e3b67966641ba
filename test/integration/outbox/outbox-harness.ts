import type { RegionProfile } from '../../../shared/domain';
import type { OutboxStatus } from '../../../shared/ipc';
import { silentLog } from '../../../electron/app/log';
import type { OdooConnection } from '../../../electron/services/odoo';
import { type OutboxEvent, OutboxService, type OutboxServiceDeps } from '../../../electron/services/outbox';
import type { OutboxRig } from './outbox-fixture';

/** Quick retries so tests do not wait on production backoffs (1 s doubling to 5 min). */
export const FAST_PUSHER: NonNullable<OutboxServiceDeps['pusher']> = {
  backoff: { baseMs: 20, capMs: 250 },
  circuit: { failuresToOpen: 3, probe: { baseMs: 50, capMs: 400 } },
  idleMs: 100,
  timeoutMs: 10_000,
  // The stand-in finishes each request before it reads the next, so a create whose answer was lost
  // is already visible to the next search: no grace needed (a real Odoo gets 120 s).
  unknownOutcomeGraceMs: 0,
};

export interface TestOutbox {
  service: OutboxService;
  events: OutboxEvent[];
  statuses: OutboxStatus[];
  notices: string[];
  connection: { current: OdooConnection | null };
}

export function testOutbox(rig: OutboxRig, profile: RegionProfile = rig.profile(), options: { login?: string; pusher?: OutboxServiceDeps['pusher']; start?: boolean } = {}): TestOutbox {
  const events: OutboxEvent[] = [];
  const statuses: OutboxStatus[] = [];
  const notices: string[] = [];
  const connection = { current: rig.connection(options.login) as OdooConnection | null };
  const service = new OutboxService({
    db: rig.db,
    profile,
    connection: async () => connection.current,
    log: silentLog(),
    recordEvent: (event) => events.push(event),
    currentUser: () => 'supervisor@test',
    onStatus: (status) => statuses.push(status),
    onBatchInOdoo: (notice) => notices.push(notice.message),
    pusher: { ...FAST_PUSHER, ...options.pusher },
    statusEveryMs: 20,
  });
  if (options.start !== false) service.start();
  return { service, events, statuses, notices, connection };
}

/** Waits until nothing is queued, retrying, blocked, being pushed or being cancelled. */
export async function settled(outbox: TestOutbox, timeoutMs = 60_000): Promise<OutboxStatus> {
  const started = Date.now();
  for (;;) {
    const status = outbox.service.status();
    const c = status.counts;
    if (c.queued + c.retrying + c.pushing + c.cancelling + c.blocked === 0) return status;
    if (Date.now() - started > timeoutMs) throw new Error(`the outbox did not settle in time: ${JSON.stringify(status.counts)} (${status.connection.state}: ${status.connection.message})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function until<T>(probe: () => T | undefined | null | false, what: string, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
