import { useAppStore } from '../../stores/app-store';
import { ApiKeySection } from './ApiKeySection';
import { OdooConnectionSection } from './OdooConnectionSection';
import { UserSection } from './UserSection';
import { useSettings } from './use-settings';
import './settings.css';

export function SettingsScreen() {
  const description = useAppStore((state) => state.description);
  const { view, loadError, apply } = useSettings();
  if (loadError) {
    return (
      <section className="screen">
        <h1>Settings</h1>
        <div className="empty-state" role="alert">
          {loadError}
        </div>
      </section>
    );
  }
  if (!description || !view) {
    return (
      <section className="screen">
        <h1>Settings</h1>
        <p className="muted">Loading…</p>
      </section>
    );
  }
  return (
    <section className="screen settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <section className="settings-section" aria-labelledby="region-title">
        <h2 id="region-title">Region</h2>
        <dl className="facts">
          <div>
            <dt>Region</dt>
            <dd data-testid="settings-region">
              {view.region.name} ({view.region.code})
            </dd>
          </div>
          <div>
            <dt>Currency · locale · time zone</dt>
            <dd>
              {description.region.currency} · {description.region.locale} · {description.region.timeZone}
            </dd>
          </div>
          <div>
            <dt>Updates</dt>
            <dd>Channel {view.region.updateChannel}</dd>
          </div>
          <div>
            <dt>Data</dt>
            <dd>{description.mode === 'demo' ? 'Demo network (generated)' : description.mode === 'odoo' ? 'Synced from Odoo' : 'Nothing loaded yet'}</dd>
          </div>
          <div>
            <dt>Data directory</dt>
            <dd>
              <code>{description.dataDirectory}</code>
            </dd>
          </div>
          <div>
            <dt>Version</dt>
            <dd>{description.appVersion}</dd>
          </div>
        </dl>
        <p className="settings-note">The region, its nodes and its approval rules are built into this installation by IT.</p>
      </section>
      <UserSection view={view} apply={apply} />
      <OdooConnectionSection view={view} apply={apply} />
      <ApiKeySection view={view} apply={apply} />
      <section className="settings-section" aria-labelledby="changes-title">
        <h2 id="changes-title">Recent changes (audit log)</h2>
        {view.recentChanges.length === 0 ? (
          <p className="settings-note">No changes to the connection, the key or the user yet.</p>
        ) : (
          <ul className="settings-changes" data-testid="recent-changes">
            {view.recentChanges.map((change) => (
              <li key={change.seq}>
                {new Date(change.at).toLocaleString(description.region.locale, { timeZone: description.region.timeZone })} · {change.actor} · {change.summary}
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
