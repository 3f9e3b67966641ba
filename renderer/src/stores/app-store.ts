import { create } from 'zustand';
import type { AppDescription, EventOf } from '../../../shared/ipc';
import { planner } from '../bridge';

export type ScreenName = 'network' | 'stock' | 'scenarios' | 'replenishment' | 'allocation' | 'approvals' | 'outbox' | 'audit' | 'settings';

export interface StockFocus {
  nodeId?: string;
  area?: string;
  onlyShort?: boolean;
  /** Put in the SKU box: a code, to show one node × SKU (e.g. from "What changed"). */
  skuText?: string;
}

interface AppState {
  screen: ScreenName;
  description: AppDescription | null;
  loadError: string | null;
  progress: EventOf<'planning.progress'> | null;
  stockFocus: StockFocus | null;
  /** Bumped whenever the services say the network changed from one they had shown, so screens reload. */
  networkVersion: number;
  show(screen: ScreenName, focus?: StockFocus): void;
  refreshDescription(): Promise<void>;
  listen(): () => void;
}

export const useAppStore = create<AppState>((set, get) => ({
  screen: 'network',
  description: null,
  loadError: null,
  progress: null,
  stockFocus: null,
  networkVersion: 0,
  show(screen, focus) {
    set({ screen, stockFocus: focus ?? (screen === 'stock' ? get().stockFocus : null) });
  },
  async refreshDescription() {
    try {
      const description = await planner().invoke('app.describe', {});
      set({ description, loadError: null });
    } catch (error) {
      set({ loadError: error instanceof Error ? error.message : String(error) });
    }
  },
  listen() {
    const api = planner();
    const stops = [
      api.subscribe('planning.progress', (progress) => set({ progress: progress.done >= progress.total ? null : progress })),
      api.subscribe('network.changed', (change) => {
        // Screens opened during the first load already got its rows (their requests waited for it):
        // asking again would only rebuild the Stock grid, on the way to a cold start's first rows.
        if (!change.firstLoad) set((state) => ({ networkVersion: state.networkVersion + 1 }));
        void get().refreshDescription();
      }),
      api.subscribe('app.notice', () => void get().refreshDescription()),
      // Batches, decisions, and who is at the desk (an Odoo login verified after a sync) change here.
      api.subscribe('approvals.changed', () => void get().refreshDescription()),
    ];
    return () => stops.forEach((stop) => stop());
  },
}));
