import { useCallback, useEffect, useState } from 'react';
import type { SettingsView } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import { useAppStore } from '../../stores/app-store';

export interface SettingsState {
  view: SettingsView | null;
  loadError: string | null;
  /** Runs a request that answers with the new SettingsView; resolves to the error message, or null when it worked. */
  apply(request: () => Promise<SettingsView>): Promise<string | null>;
}

/** The Settings screen's data: what the services say, refreshed after every change. */
export function useSettings(): SettingsState {
  const refreshDescription = useAppStore((state) => state.refreshDescription);
  const [view, setView] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    planner()
      .invoke('settings.describe', {})
      .then((value) => current && (setView(value), setLoadError(null)))
      .catch((reason: unknown) => current && setLoadError(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      current = false;
    };
  }, []);

  const apply = useCallback(
    async (request: () => Promise<SettingsView>): Promise<string | null> => {
      try {
        setView(await request());
        // Other screens (the banner, cost columns) depend on what changed here.
        void refreshDescription();
        return null;
      } catch (reason) {
        return reason instanceof Error ? reason.message : String(reason);
      }
    },
    [refreshDescription],
  );

  return { view, loadError, apply };
}
