import { useState } from 'react';
import type { SettingsView } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import type { SettingsState } from './use-settings';

/**
 * The Odoo API key is write-only: it is typed here once, sent to the services, and never shown or
 * sent back again; the screen only learns whether one is stored.
 */
export function ApiKeySection({ view, apply }: { view: SettingsView; apply: SettingsState['apply'] }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (): Promise<void> => {
    setBusy(true);
    const failed = await apply(() => planner().invoke('secrets.saveOdooApiKey', { apiKey: key }));
    setBusy(false);
    setError(failed);
    // Whatever happened, the key does not stay in the page longer than needed.
    setKey('');
  };

  const clear = async (): Promise<void> => setError(await apply(() => planner().invoke('secrets.clearOdooApiKey', {})));

  return (
    <section className="settings-section" aria-labelledby="api-key-title">
      <h2 id="api-key-title">Odoo API key</h2>
      <p data-testid="api-key-status">
        {view.apiKey.stored ? 'A key is stored.' : 'No key is stored.'} <span className="settings-note">{view.apiKey.protection}</span>
      </p>
      <form
        className="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        aria-label="Store the Odoo API key"
      >
        <label htmlFor="api-key">{view.apiKey.stored ? 'Replace the key' : 'API key'}</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          onChange={(event) => setKey(event.target.value)}
          placeholder="Paste the key created in Odoo (Preferences › Account Security)"
          data-testid="api-key-input"
        />
        <span />
        <div className="settings-actions">
          <button type="submit" className="primary" disabled={busy || key.trim() === '' || !view.odoo} data-testid="save-api-key">
            Store the key
          </button>
          {view.apiKey.stored && (
            <button type="button" className="danger" onClick={() => void clear()} data-testid="clear-api-key">
              Remove the key
            </button>
          )}
        </div>
      </form>
      {error && (
        <p className="settings-error" role="alert">
          {error}
        </p>
      )}
      <p className="settings-note">The key is never shown again, never written to the settings file or the logs, and only ever sent to the Odoo server it was entered for.</p>
    </section>
  );
}
