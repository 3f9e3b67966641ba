import { create } from 'zustand';
import type { OutboxBatchNotice, OutboxStatus } from '../../../../shared/ipc';
import { planner } from '../../bridge';

interface OutboxState {
  status: OutboxStatus | null;
  /** Batches that just became fully in Odoo, newest last, until dismissed. */
  notices: OutboxBatchNotice[];
  /** Bumped on every change the services announce, so open lists reload. */
  version: number;
  error: string | null;
  refresh(): Promise<void>;
  listen(): () => void;
  dismiss(batchId: string): void;
  setStatus(status: OutboxStatus): void;
}

/** The outbox as every screen sees it: counts, connection, and "batch is in Odoo" notices. */
export const useOutboxStore = create<OutboxState>((set, get) => ({
  status: null,
  notices: [],
  version: 0,
  error: null,
  async refresh() {
    try {
      const status = await planner().invoke('outbox.status', {});
      set((state) => ({ status, error: null, version: state.version + 1 }));
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
  listen() {
    const api = planner();
    const stops = [
      api.subscribe('outbox.changed', (status) => set((state) => ({ status, version: state.version + 1 }))),
      api.subscribe('outbox.batchInOdoo', (notice) => set((state) => ({ notices: [...state.notices.filter((entry) => entry.batchId !== notice.batchId), notice].slice(-5) }))),
    ];
    void get().refresh();
    return () => stops.forEach((stop) => stop());
  },
  dismiss(batchId) {
    set((state) => ({ notices: state.notices.filter((notice) => notice.batchId !== batchId) }));
  },
  setStatus(status) {
    set((state) => ({ status, version: state.version + 1 }));
  },
}));

export const STATUS_LABEL = {
  queued: 'Queued',
  retrying: 'Waiting to retry',
  blocked: 'Waiting for another line',
  pushing: 'Being pushed',
  done: 'In Odoo',
  'needs-replanning': 'Needs replanning',
  'dead-letter': 'Refused by Odoo',
  cancelling: 'Being cancelled',
  cancelled: 'Cancelled',
} as const;

export const CONNECTION_LABEL = {
  'not-configured': 'No Odoo connection',
  connecting: 'Connecting to Odoo…',
  reachable: 'Odoo reachable',
  'circuit-open': 'Odoo unreachable (circuit open)',
  paused: 'Outbox paused',
  stopped: 'Outbox stopped',
} as const;
