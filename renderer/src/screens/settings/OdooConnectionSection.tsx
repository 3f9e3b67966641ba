import { useState } from 'react';
import type { SettingsView } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import type { SettingsState } from './use-settings';

interface Draft {
  url: string;
  database: string;
  login: string;
  reason: string;
}

/**
 * The Odoo server this planner talks to. It is the region's, built into the installer; pointing the
 * planner elsewhere takes a deliberate change with a confirmation, and the change is audited.
 */
export function OdooConnectionSection({ view, apply }: { view: SettingsView; apply: SettingsState['apply'] }) {
  const connection = view.odoo;
  const embedded = view.region.embeddedOdoo;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<{ ok: boolean; text: string } | null>(null);
  const [checking, setChecking] = useState(false);

  const failure = (reason: unknown): string => (reason instanceof Error ? reason.message : String(reason));

  const testConnection = async (): Promise<void> => {
    setChecking(true);
    try {
      const result = await planner().invoke('odoo.testConnection', {});
      setCheck({ ok: true, text: `Connected: Odoo ${result.serverVersion}, database ${result.database}, as ${result.userName} (${result.login}).` });
    } catch (reason) {
      setCheck({ ok: false, text: failure(reason) });
    } finally {
      setChecking(false);
    }
  };

  const syncNow = async (): Promise<void> => {
    try {
      const { started } = await planner().invoke('sync.start', {});
      setCheck({ ok: true, text: started ? 'Sync started: its progress shows on the Network screen.' : 'A sync is already running: its progress shows on the Network screen.' });
    } catch (reason) {
      setCheck({ ok: false, text: failure(reason) });
    }
  };

  const startChange = (): void => {
    setDraft({ url: connection?.url ?? embedded?.url ?? '', database: connection?.database ?? embedded?.database ?? '', login: connection?.login ?? '', reason: '' });
    setConfirming(false);
    setError(null);
  };

  const submit = async (): Promise<void> => {
    if (!draft) return;
    const failed = await apply(() =>
      planner().invoke('settings.changeOdooConnection', {
        url: draft.url,
        database: draft.database,
        login: draft.login.trim() === '' ? null : draft.login,
        reason: draft.reason.trim() === '' ? null : draft.reason,
        confirmed: true,
      }),
    );
    setError(failed);
    if (!failed) {
      setDraft(null);
      setConfirming(false);
    }
  };

  const reset = async (): Promise<void> => {
    const failed = await apply(() => planner().invoke('settings.resetOdooConnection', { confirmed: true }));
    setError(failed);
    if (!failed) setConfirmingReset(false);
  };

  const serverChanges = draft !== null && (draft.url.replace(/\/+$/, '') !== connection?.url || draft.database !== connection?.database);

  return (
    <section className="settings-section" aria-labelledby="odoo-title" data-testid="odoo-connection">
      <h2 id="odoo-title">Odoo connection</h2>
      <dl className="facts">
        <div>
          <dt>Region's Odoo (built in)</dt>
          <dd data-testid="embedded-odoo">{embedded ? `${embedded.url} · database ${embedded.database} · ${embedded.company}` : 'None: this region has no Odoo server'}</dd>
        </div>
        <div>
          <dt>In use</dt>
          <dd data-testid="odoo-in-use">
            {connection ? `${connection.url} · database ${connection.database}` : 'None'}
            {connection && (
              <span className={connection.source === 'override' ? 'settings-badge warning' : 'settings-badge'}>
                {connection.source === 'override' ? 'Changed in Settings, not the region’s' : 'The region’s'}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Odoo login</dt>
          <dd data-testid="odoo-login">{connection?.login ?? 'Not set yet'}</dd>
        </div>
      </dl>

      {draft === null && (
        <div className="settings-actions">
          <button type="button" onClick={startChange} data-testid="change-odoo">
            Change Odoo server or login…
          </button>
          {connection?.source === 'override' && !confirmingReset && (
            <button type="button" onClick={() => setConfirmingReset(true)} data-testid="reset-odoo">
              Back to the region’s server…
            </button>
          )}
        </div>
      )}

      {confirmingReset && (
        <div className="settings-confirm" role="alertdialog" aria-label="Confirm going back to the region's Odoo server">
          <p>
            Go back to the region’s Odoo server {embedded ? `${embedded.url} (database ${embedded.database})` : ''}? The stored API key is removed, since it was entered for another server.
            This change is recorded in the audit log.
          </p>
          <div className="settings-actions">
            <button type="button" className="primary" onClick={() => void reset()}>
              Yes, go back
            </button>
            <button type="button" onClick={() => setConfirmingReset(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {draft !== null && !confirming && (
        <form
          className="settings-form"
          onSubmit={(event) => {
            event.preventDefault();
            setConfirming(true);
          }}
          aria-label="Change the Odoo connection"
        >
          <label htmlFor="odoo-url">Server address</label>
          <input id="odoo-url" type="url" required value={draft.url} onChange={(event) => setDraft({ ...draft, url: event.target.value })} data-testid="odoo-url" />
          <label htmlFor="odoo-database">Database</label>
          <input id="odoo-database" required value={draft.database} onChange={(event) => setDraft({ ...draft, database: event.target.value })} data-testid="odoo-database" />
          <label htmlFor="odoo-login-input">Login</label>
          <input id="odoo-login-input" autoComplete="username" value={draft.login} onChange={(event) => setDraft({ ...draft, login: event.target.value })} data-testid="odoo-login-input" />
          <label htmlFor="odoo-reason">Why (for the audit log)</label>
          <input id="odoo-reason" value={draft.reason} onChange={(event) => setDraft({ ...draft, reason: event.target.value })} data-testid="odoo-reason" />
          <span />
          <div className="settings-actions">
            <button type="submit" className="primary" data-testid="review-odoo-change">
              Review the change…
            </button>
            <button type="button" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}

      {draft !== null && confirming && (
        <div className="settings-confirm" role="alertdialog" aria-label="Confirm the Odoo change" data-testid="confirm-odoo-change">
          <p>
            <strong>
              This planner will talk to {draft.url} (database {draft.database}){draft.login.trim() ? ` as ${draft.login.trim()}` : ''}
            </strong>
            {embedded && draft.url.replace(/\/+$/, '') !== embedded.url ? `, not the region’s own server ${embedded.url}.` : '.'}
          </p>
          {serverChanges && view.apiKey.stored && <p>The stored API key is removed: a key is only ever sent to the server it was entered for.</p>}
          <p className="settings-note">This change is recorded in the audit log with your name and the time, and every screen shows a notice while the planner uses a server other than the region’s.</p>
          <div className="settings-actions">
            <button type="button" className="primary" onClick={() => void submit()} data-testid="confirm-odoo">
              Yes, change it
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Back
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="settings-error" role="alert">
          {error}
        </p>
      )}
      <p className="settings-note">Every change to the Odoo server, database or login is audited.</p>

      <div className="settings-actions">
        <button type="button" onClick={() => void testConnection()} disabled={checking} data-testid="test-connection">
          Test connection
        </button>
        <button type="button" onClick={() => void syncNow()} data-testid="settings-sync-now">
          Sync now
        </button>
      </div>
      {check && (
        <p className={check.ok ? 'settings-note' : 'settings-error'} role="status" data-testid="connection-check">
          {check.text}
        </p>
      )}
    </section>
  );
}
