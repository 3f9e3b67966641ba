import { z } from 'zod';
import { Instant } from '../../../shared/domain';
import type { SecretStore } from '../secrets';

/**
 * Who Odoo said the user is, and when: the login's name and the groups (by XML id) it held. Kept
 * in the secret store rather than a settings file, so that offline, when this is all the planner
 * has, nobody can hand themselves a role by editing a file: the store is encrypted and
 * authenticated (safeStorage, or AES-GCM whose key is kept outside the data directory).
 */
export const VerifiedIdentity = z.strictObject({
  format: z.literal('network-planner-verified-identity/1'),
  url: z.string(),
  database: z.string(),
  login: z.string(),
  uid: z.number().int().positive(),
  name: z.string(),
  /** XML ids of the region's groups the user was in (implied groups included). */
  groups: z.array(z.string()),
  serverVersion: z.string(),
  verifiedAt: Instant,
});
export type VerifiedIdentity = z.infer<typeof VerifiedIdentity>;

export const VERIFIED_IDENTITY_SECRET = 'verified-odoo-identity';

export class VerifiedIdentityStore {
  /** Kept in memory when the secret store cannot keep it (no OS keychain): valid for this run only. */
  private fallback: VerifiedIdentity | null = null;

  constructor(private readonly secrets: SecretStore) {}

  read(): VerifiedIdentity | null {
    let stored: string | null = null;
    try {
      stored = this.secrets.read(VERIFIED_IDENTITY_SECRET);
    } catch {
      return this.fallback;
    }
    if (stored === null) return this.fallback;
    try {
      const parsed = VerifiedIdentity.safeParse(JSON.parse(stored));
      return parsed.success ? parsed.data : this.fallback;
    } catch {
      return this.fallback;
    }
  }

  /** Returns false when it could be kept for this run only. */
  write(identity: VerifiedIdentity): boolean {
    this.fallback = identity;
    try {
      this.secrets.write(VERIFIED_IDENTITY_SECRET, JSON.stringify(identity));
      return true;
    } catch {
      return false;
    }
  }
}
