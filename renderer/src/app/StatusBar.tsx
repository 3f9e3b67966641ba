import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../stores/app-store';
import { planner } from '../bridge';
import { ConnectionIndicator } from '../screens/outbox/ConnectionIndicator';

export function StatusBar() {
  const { description, progress } = useAppStore(useShallow((state) => ({ description: state.description, progress: state.progress })));
  return (
    <footer className="status-bar">
      <span>{description ? `${description.region.code.toUpperCase()} · ${description.region.currency} · ${description.region.timeZone}` : 'Connecting…'}</span>
      {progress && (
        <span className="status-progress" role="progressbar" aria-valuenow={progress.done} aria-valuemax={progress.total} aria-label={progress.label}>
          {progress.label} ({progress.done}/{progress.total})
        </span>
      )}
      <span className="status-spacer" />
      <ConnectionIndicator />
      <span>{description?.mode === 'odoo' ? 'Odoo cache' : description?.mode === 'demo' ? 'Demo data' : 'No data yet'}</span>
      <span>{planner().transport === 'electron' ? 'Desktop' : 'Headless host'}</span>
      {description && <span>v{description.appVersion}</span>}
    </footer>
  );
}
