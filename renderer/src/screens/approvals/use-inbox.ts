import { useCallback, useEffect, useState } from 'react';
import type { InboxQuery, InboxView } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import { useAppStore } from '../../stores/app-store';

export interface InboxState {
  view: InboxView | null;
  error: string | null;
  loading: boolean;
  reload(): void;
}

/** The inbox for the current filters, reloaded when batches or decisions change anywhere, or the user changes. */
export function useInbox(query: InboxQuery): InboxState {
  const userLogin = useAppStore((state) => state.description?.user?.login ?? null);
  const [view, setView] = useState<InboxView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(query);

  useEffect(() => planner().subscribe('approvals.changed', () => setVersion((current) => current + 1)), []);

  useEffect(() => {
    let current = true;
    setLoading(true);
    planner()
      .invoke('approvals.inbox', JSON.parse(key) as InboxQuery)
      .then((answer) => {
        if (!current) return;
        setView(answer);
        setError(null);
      })
      .catch((reason: unknown) => current && setError(reason instanceof Error ? reason.message : String(reason)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [key, version, userLogin]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  return { view, error, loading, reload };
}
