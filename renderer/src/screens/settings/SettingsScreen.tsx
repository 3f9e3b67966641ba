import { useAppStore } from '../../stores/app-store';

export function SettingsScreen() {
  const description = useAppStore((state) => state.description);
  if (!description) return <section className="screen"><h1>Settings</h1><p className="muted">Loading…</p></section>;
  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <dl className="facts">
        <div><dt>Region</dt><dd>{description.region.name} ({description.region.code})</dd></div>
        <div><dt>Currency · locale · time zone</dt><dd>{description.region.currency} · {description.region.locale} · {description.region.timeZone}</dd></div>
        <div><dt>Data</dt><dd>{description.mode === 'demo' ? 'Demo network (generated)' : description.mode === 'odoo' ? 'Synced from Odoo' : 'Nothing loaded yet'}</dd></div>
        <div><dt>Data directory</dt><dd><code>{description.dataDirectory}</code></dd></div>
        <div><dt>Version</dt><dd>{description.appVersion}</dd></div>
      </dl>
      <div className="empty-state" role="note">
        <p><strong>Odoo connection: not built yet.</strong> Entering the Odoo address, database, login and API key, testing the connection and syncing arrive with the Odoo work. Until then the planner shows the demo network.</p>
      </div>
    </section>
  );
}
