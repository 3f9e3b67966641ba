import { z } from 'zod';
import { rememberSecretValue } from '../../app/log';
import { readJsonFile, writePrivateFile } from './secrets-file';
import { SecretStorageError, type SecretName, type SecretStore } from './secret-store';

/** The parts of Electron's `safeStorage` we use, so tests can hand in a stand-in. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which keyring encrypts (`basic_text` means a hard-coded key, i.e. none). */
  getSelectedStorageBackend?(): string;
}

const SafeStorageFile = z.strictObject({
  format: z.literal('network-planner-safe-storage/1'),
  entries: z.record(z.string(), z.string()),
});
type SafeStorageFile = z.infer<typeof SafeStorageFile>;

/**
 * The desktop app's secrets: encrypted by Electron's safeStorage with a key the OS keeps (DPAPI on
 * Windows, the Keychain on macOS, libsecret/kwallet on Linux), stored as ciphertext in the data
 * directory. Without a real keyring (Linux falls back to a built-in key, `basic_text`) it refuses to
 * store anything rather than pretend.
 */
export class SafeStorageSecretStore implements SecretStore {
  readonly kind = 'os-keychain' as const;

  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly file: string,
  ) {}

  describe(): string {
    return "Encrypted with the operating system's keychain (Electron safeStorage); only this OS user on this computer can decrypt it.";
  }

  private load(): SafeStorageFile {
    let raw: unknown;
    try {
      raw = readJsonFile(this.file);
    } catch {
      raw = null;
    }
    const parsed = SafeStorageFile.safeParse(raw);
    return parsed.success ? parsed.data : { format: 'network-planner-safe-storage/1', entries: {} };
  }

  private checkAvailable(): void {
    if (!this.safeStorage.isEncryptionAvailable()) {
      throw new SecretStorageError("The operating system's keychain is not available, so the API key cannot be stored safely. Sign in to the desktop session (or unlock the keychain) and try again.");
    }
    if (this.safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      throw new SecretStorageError(
        'No desktop keyring (GNOME Keyring or KWallet) is running, so the API key cannot be stored safely. Start one, or ask IT to set one up, and enter the key again.',
      );
    }
  }

  has(name: SecretName): boolean {
    return Object.prototype.hasOwnProperty.call(this.load().entries, name);
  }

  read(name: SecretName): string | null {
    const sealed = this.load().entries[name];
    if (sealed === undefined) return null;
    this.checkAvailable();
    const value = this.safeStorage.decryptString(Buffer.from(sealed, 'base64'));
    rememberSecretValue(value);
    return value;
  }

  write(name: SecretName, value: string): void {
    this.checkAvailable();
    rememberSecretValue(value);
    const file = this.load();
    file.entries[name] = this.safeStorage.encryptString(value).toString('base64');
    writePrivateFile(this.file, JSON.stringify(file, null, 2));
  }

  clear(name: SecretName): void {
    const file = this.load();
    if (!(name in file.entries)) return;
    delete file.entries[name];
    writePrivateFile(this.file, JSON.stringify(file, null, 2));
  }
}
