import { useState } from 'react';
import type { SettingsView } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import type { SettingsState } from './use-settings';

/** Who is at the desk: roles come from the region profile; in the demo, a demo user chosen here. */
export function UserSection({ view, apply }: { view: SettingsView; apply: SettingsState['apply'] }) {
  const [error, setError] = useState<string | null>(null);
  const user = view.user;

  const choose = async (login: string): Promise<void> => setError(await apply(() => planner().invoke('identity.chooseDemoUser', { login })));
  const verify = async (): Promise<void> => setError(await apply(() => planner().invoke('identity.verify', {})));

  return (
    <section className="settings-section" aria-labelledby="user-title">
      <h2 id="user-title">Current user</h2>
      <dl className="facts">
        <div>
          <dt>User</dt>
          <dd data-testid="current-user">{user ? `${user.name} (${user.login})` : 'Nobody is signed in'}</dd>
        </div>
        <div>
          <dt>Roles</dt>
          <dd>{user ? user.roles.map((role) => role.name).join(', ') : '—'}</dd>
        </div>
        {user?.source === 'odoo' && (
          <div>
            <dt>From Odoo</dt>
            <dd data-testid="identity-verified">
              Verified {user.verifiedAt ? new Date(user.verifiedAt).toLocaleString() : 'never'}
              {user.lastCheck && !user.lastCheck.ok ? ` — the last check failed (${user.lastCheck.message}); the last verified identity stands.` : ''}
            </dd>
          </div>
        )}
        <div>
          <dt>Costs and prices</dt>
          <dd data-testid="sees-costs">{user?.seesCosts ? 'Shown' : 'Hidden: the services do not send them to this user'}</dd>
        </div>
      </dl>
      {view.demoUsers.length > 0 ? (
        <div className="settings-form">
          <label htmlFor="demo-user">Demo user</label>
          <select id="demo-user" value={user?.login ?? ''} onChange={(event) => void choose(event.target.value)} data-testid="demo-user">
            {view.demoUsers.map((candidate) => (
              <option key={candidate.login} value={candidate.login}>
                {candidate.name}
                {candidate.seesCosts ? '' : ' — no costs'}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="settings-actions">
          <button type="button" onClick={() => void verify()} data-testid="verify-identity">
            Check my roles in Odoo
          </button>
          <p className="settings-note">
            With Odoo data, the user is the Odoo login in use: its groups (by XML id) give the region’s roles. Odoo is asked after every sync and when the key or login changes; offline, the last verified identity stands. Until Odoo
            has verified the login, nobody is identified and nobody is shown costs.
          </p>
        </div>
      )}
      {view.demoUsers.length > 0 && <p className="settings-note">In the demo you can work as any of the region’s demo users. With Odoo data, the user comes from the Odoo login instead. The choice is recorded in the audit log.</p>}
      {error && (
        <p className="settings-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
