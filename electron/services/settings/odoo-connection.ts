import { z } from 'zod';
import type { RegionProfile } from '../../../shared/domain';

/** A user's deliberate change of the Odoo server, as kept in the settings file. */
export const OdooOverride = z.strictObject({ url: z.string(), database: z.string() });
export type OdooOverride = z.infer<typeof OdooOverride>;

export interface OdooConnection {
  url: string;
  database: string;
  company: string;
  login: string | null;
  source: 'region-profile' | 'override';
}

export class SettingsError extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '));
    this.name = 'SettingsError';
  }
}

const DATABASE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

/**
 * Checks an Odoo address and database a user typed. The rules are the region profile's: https only
 * (plain http only for a demo region's local stand-in), no login or password inside the address.
 */
export function checkOdooServer(profile: RegionProfile, url: string, database: string): { url: string; database: string } {
  const problems: { path: string; message: string }[] = [];
  let normalised = url;
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    // Not echoed: a key pasted into the wrong field would come straight back to the screen.
    problems.push({ path: 'url', message: 'is not a web address such as https://erp.example.com' });
  }
  if (parsed) {
    const allowed = profile.demo ? ['https:', 'http:'] : ['https:'];
    if (!allowed.includes(parsed.protocol)) {
      problems.push({ path: 'url', message: profile.demo ? 'Odoo is reached over https:// (or http:// for a local stand-in)' : 'a production region reaches Odoo over https:// only' });
    }
    if (parsed.username || parsed.password) problems.push({ path: 'url', message: 'the address must not contain a login or password; enter the API key in its own field' });
    if (parsed.search || parsed.hash) problems.push({ path: 'url', message: 'the address must not have a query (?…) or fragment (#…)' });
    normalised = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  }
  if (!DATABASE_NAME.test(database)) problems.push({ path: 'database', message: 'an Odoo database name is letters, digits, "_", "." and "-"' });
  if (problems.length > 0) throw new SettingsError(problems);
  return { url: normalised, database };
}

/** The connection in force: the override when a user made one, else the profile's. */
export function effectiveConnection(profile: RegionProfile, override: OdooOverride | null, login: string | null): OdooConnection | null {
  if (override) return { url: override.url, database: override.database, company: profile.odoo?.company ?? '', login, source: 'override' };
  if (!profile.odoo) return null;
  return { url: profile.odoo.url.replace(/\/+$/, ''), database: profile.odoo.database, company: profile.odoo.company, login, source: 'region-profile' };
}
