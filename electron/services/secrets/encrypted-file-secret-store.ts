import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { rememberSecretValue } from '../../app/log';
import { secretKeyDirectory, secretKeyFile } from './key-location';
import { moveAside, readJsonFile, writePrivateFile } from './secrets-file';
import { SecretStorageError, type SecretName, type SecretStore } from './secret-store';

const KEY_BYTES = 32;
const IV_BYTES = 12;

const SealedValue = z.strictObject({ iv: z.base64(), tag: z.base64(), data: z.base64() });
const EncryptedSecretsFile = z.strictObject({
  format: z.literal('network-planner-secrets/1'),
  /** Which key sealed the entries (a hash of it, not the key), so a lost or replaced key is named as such. */
  keyId: z.string(),
  entries: z.record(z.string(), SealedValue),
});
type EncryptedSecretsFile = z.infer<typeof EncryptedSecretsFile>;

function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export interface EncryptedFileSecretStoreOptions {
  /** The ciphertext: `<data directory>/secrets.enc.json`. */
  file: string;
  /** The key: outside the data directory (see `secretKeyFile`). */
  keyFile: string;
  now?: () => Date;
}

/**
 * The headless host's secrets: AES-256-GCM (authenticated: a tampered file fails to decrypt) in a
 * file in the data directory, with the key in a separate file outside it, readable by this OS user
 * only. The secret's name is bound in as associated data, so a sealed value cannot be moved to
 * another name.
 */
export class EncryptedFileSecretStore implements SecretStore {
  readonly kind = 'encrypted-file' as const;
  private readonly now: () => Date;

  constructor(private readonly options: EncryptedFileSecretStoreOptions) {
    this.now = options.now ?? (() => new Date());
  }

  describe(): string {
    return `Encrypted (AES-256-GCM) in the data directory; the key is kept apart from it in ${this.options.keyFile}, readable only by this OS user.`;
  }

  private readKey(): Buffer | null {
    if (!existsSync(this.options.keyFile)) return null;
    const key = Buffer.from(readFileSync(this.options.keyFile, 'utf8').trim(), 'base64');
    if (key.length !== KEY_BYTES) throw new SecretStorageError(`The key file ${this.options.keyFile} is damaged. Remove it and enter the API key again.`);
    return key;
  }

  private keyForWriting(): Buffer {
    const existing = this.readKey();
    if (existing) return existing;
    const key = randomBytes(KEY_BYTES);
    mkdirSync(dirname(this.options.keyFile), { recursive: true, mode: 0o700 });
    // 'wx': two planners starting at once never overwrite each other's key.
    const fd = openSync(this.options.keyFile, 'wx', 0o600);
    try {
      writeSync(fd, key.toString('base64'));
    } finally {
      closeSync(fd);
    }
    chmodSync(this.options.keyFile, 0o600);
    return key;
  }

  private load(): EncryptedSecretsFile | null {
    let raw: unknown;
    try {
      raw = readJsonFile(this.options.file);
    } catch {
      return null;
    }
    const parsed = EncryptedSecretsFile.safeParse(raw);
    return parsed.success ? parsed.data : null;
  }

  /** The entries this key can open; null when there is a file but it was sealed with another key. */
  private openable(): EncryptedSecretsFile | null {
    const file = this.load();
    if (!file) return null;
    const key = this.readKey();
    return key && file.keyId === keyIdOf(key) ? file : null;
  }

  has(name: SecretName): boolean {
    return this.openable()?.entries[name] !== undefined;
  }

  read(name: SecretName): string | null {
    const file = this.openable();
    const sealed = file?.entries[name];
    const key = this.readKey();
    if (!sealed || !key) return null;
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(name));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    let value: string;
    try {
      value = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretStorageError(`The stored ${name} cannot be decrypted (the secrets file was changed). Enter it again in Settings.`);
    }
    rememberSecretValue(value);
    return value;
  }

  write(name: SecretName, value: string): void {
    rememberSecretValue(value);
    const key = this.keyForWriting();
    let file = this.load();
    if (existsSync(this.options.file) && (!file || file.keyId !== keyIdOf(key))) {
      // Sealed with a key we no longer have (or unreadable): keep it aside rather than overwrite it.
      moveAside(this.options.file, this.now());
      file = null;
    }
    const next: EncryptedSecretsFile = file ?? { format: 'network-planner-secrets/1', keyId: keyIdOf(key), entries: {} };
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(name));
    const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    next.entries[name] = { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
    writePrivateFile(this.options.file, JSON.stringify(next, null, 2));
  }

  clear(name: SecretName): void {
    const file = this.openable();
    if (!file || file.entries[name] === undefined) return;
    delete file.entries[name];
    writePrivateFile(this.options.file, JSON.stringify(file, null, 2));
  }
}

/** The headless host's secret store for a data directory, its key in this machine's key directory. */
export function encryptedFileSecretStore(dataDir: string, env: NodeJS.ProcessEnv = process.env): EncryptedFileSecretStore {
  return new EncryptedFileSecretStore({ file: join(dataDir, 'secrets.enc.json'), keyFile: secretKeyFile(dataDir, secretKeyDirectory(env)) });
}
