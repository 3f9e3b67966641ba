import { z } from 'zod';

/** Secret names: lower-case words joined by dashes, e.g. `odoo-api-key`. */
export const SecretName = z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'secret names are lower-case words joined by dashes');
export type SecretName = z.infer<typeof SecretName>;

/** The Odoo API key the user enters once in Settings. */
export const ODOO_API_KEY: SecretName = 'odoo-api-key';

export type SecretStoreKind = 'os-keychain' | 'encrypted-file';

/**
 * Where credentials live, one interface for both hosts: Electron's safeStorage (the OS keychain)
 * in the desktop app, an encrypted file whose key is kept elsewhere in the headless host. Values go
 * in through `write` and out only through `read`, which only the Odoo client calls: nothing that
 * answers the screen ever returns one.
 */
export interface SecretStore {
  readonly kind: SecretStoreKind;
  /** How the secrets are protected, in words for the Settings screen. */
  describe(): string;
  has(name: SecretName): boolean;
  read(name: SecretName): string | null;
  write(name: SecretName, value: string): void;
  clear(name: SecretName): void;
}

/** The secrets cannot be kept safely here (no OS keychain, key file unusable…); the message says what to do. */
export class SecretStorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretStorageError';
  }
}
