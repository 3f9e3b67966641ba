import { z } from 'zod';

/** The Odoo server this planner talks to: the region profile's, unless a user changed it on purpose. */
export const OdooConnectionView = z.object({
  url: z.string(),
  database: z.string(),
  company: z.string(),
  login: z.string().nullable(),
  source: z.enum(['region-profile', 'override']),
});
export type OdooConnectionView = z.infer<typeof OdooConnectionView>;

export const IdentityCheckView = z.object({ at: z.string(), ok: z.boolean(), message: z.string() });
export type IdentityCheckView = z.infer<typeof IdentityCheckView>;

export const CurrentUserView = z.object({
  login: z.string(),
  name: z.string(),
  roles: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Whether unit costs, prices, margins and figures made from them reach this user at all. */
  seesCosts: z.boolean(),
  /**
   * `demo`: chosen in Settings while the planner shows the demo network; `odoo`: the Odoo login,
   * with its groups mapped to the region's roles, as Odoo last verified it (offline: that last verification).
   */
  source: z.enum(['demo', 'odoo']),
  /** When Odoo last verified this identity (null for a demo user). */
  verifiedAt: z.string().nullable(),
  /** The last attempt to verify the Odoo login, successful or not (null for a demo user, or before the first). */
  lastCheck: IdentityCheckView.nullable(),
});
export type CurrentUserView = z.infer<typeof CurrentUserView>;

export const SettingChangeView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  summary: z.string(),
});
export type SettingChangeView = z.infer<typeof SettingChangeView>;

/**
 * What the Settings screen shows. The API key is write-only: only whether one is stored and how it
 * is protected ever travels to the screen.
 */
export const SettingsView = z.object({
  region: z.object({
    code: z.string(),
    name: z.string(),
    demo: z.boolean(),
    /** The Odoo connection built into this region's installer. */
    embeddedOdoo: z.object({ url: z.string(), database: z.string(), company: z.string() }).nullable(),
    updateChannel: z.string(),
  }),
  odoo: OdooConnectionView.nullable(),
  apiKey: z.object({
    stored: z.boolean(),
    storage: z.enum(['os-keychain', 'encrypted-file']),
    protection: z.string(),
  }),
  user: CurrentUserView.nullable(),
  /** Whom the demo can be run as; empty once the user comes from the Odoo login. */
  demoUsers: z.array(z.object({ login: z.string(), name: z.string(), roles: z.array(z.string()), seesCosts: z.boolean() })),
  /** Recent audited changes to the connection, the key and the user, newest first. */
  recentChanges: z.array(SettingChangeView),
});
export type SettingsView = z.infer<typeof SettingsView>;

export const ChangeOdooConnectionRequest = z.strictObject({
  url: z.string().trim().min(1).max(500),
  database: z.string().trim().min(1).max(100),
  login: z.string().trim().min(1).max(200).nullable(),
  reason: z.string().trim().max(500).nullable(),
  /** The screen asks first; a request without this is refused, so nothing changes the server by accident. */
  confirmed: z.literal(true, 'confirm that this planner should talk to another Odoo server'),
});
export type ChangeOdooConnectionRequest = z.infer<typeof ChangeOdooConnectionRequest>;

export const ResetOdooConnectionRequest = z.strictObject({
  confirmed: z.literal(true, "confirm that this planner should go back to the region's Odoo server"),
});

export const SaveOdooApiKeyRequest = z.strictObject({
  apiKey: z.string().trim().min(16, 'an Odoo API key is at least 16 characters').max(512),
});

export const ChooseDemoUserRequest = z.strictObject({ login: z.string().min(1).max(200) });
