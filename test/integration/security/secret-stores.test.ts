import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EncryptedFileSecretStore,
  encryptedFileSecretStore,
  ODOO_API_KEY,
  SafeStorageSecretStore,
  secretKeyDirectory,
  secretKeyFile,
  SecretStorageError,
  type SafeStorageLike,
} from '../../../electron/services/secrets';
import { capturedLog } from '../../support/captured-log';
import { makeTempDir } from '../../support/temp-dir';

const KEY = 'f3c1a9e07b5d4c2a8e6f1b3d5c7a9e0b2d4f6a8c';

describe('the headless host keeps secrets in an encrypted file whose key is elsewhere', () => {
  let data = makeTempDir('secrets-data');
  let keys = makeTempDir('secrets-keys');
  let store: EncryptedFileSecretStore;
  const keyFile = (): string => secretKeyFile(data.path, keys.path);
  beforeEach(() => {
    data = makeTempDir('secrets-data');
    keys = makeTempDir('secrets-keys');
    store = new EncryptedFileSecretStore({ file: join(data.path, 'secrets.enc.json'), keyFile: keyFile() });
  });
  afterEach(() => {
    data.remove();
    keys.remove();
  });

  it('stores the key encrypted: the data directory never holds it in the clear, and the key file is not in it', () => {
    expect(store.has(ODOO_API_KEY)).toBe(false);
    store.write(ODOO_API_KEY, KEY);
    expect(store.has(ODOO_API_KEY)).toBe(true);
    const file = readFileSync(join(data.path, 'secrets.enc.json'), 'utf8');
    expect(file).not.toContain(KEY);
    expect(file).not.toContain(Buffer.from(KEY).toString('base64'));
    expect(readdirSync(data.path)).toEqual(['secrets.enc.json']);
    expect(existsSync(keyFile())).toBe(true);
    expect(keyFile().startsWith(keys.path)).toBe(true);
    // Readable by this OS user only.
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(statSync(join(data.path, 'secrets.enc.json')).mode & 0o777).toBe(0o600);
    // Another instance (a restart) reads it back.
    const again = new EncryptedFileSecretStore({ file: join(data.path, 'secrets.enc.json'), keyFile: keyFile() });
    expect(again.read(ODOO_API_KEY)).toBe(KEY);
  });

  it('a copy of the data directory without the key file opens nothing', () => {
    store.write(ODOO_API_KEY, KEY);
    rmSync(keyFile());
    expect(store.has(ODOO_API_KEY)).toBe(false);
    expect(store.read(ODOO_API_KEY)).toBeNull();
    // Entering the key again keeps the unreadable file aside instead of overwriting it.
    store.write(ODOO_API_KEY, 'a-new-key-entered-again-0001');
    expect(store.read(ODOO_API_KEY)).toBe('a-new-key-entered-again-0001');
    expect(readdirSync(data.path).filter((name) => name.startsWith('secrets.enc.json.unreadable-'))).toHaveLength(1);
  });

  it('refuses a tampered file instead of handing back something else', () => {
    store.write(ODOO_API_KEY, KEY);
    const path = join(data.path, 'secrets.enc.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as { entries: Record<string, { data: string }> };
    const entry = file.entries[ODOO_API_KEY];
    if (!entry) throw new Error('no entry');
    const bytes = Buffer.from(entry.data, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    entry.data = bytes.toString('base64');
    writeFileSync(path, JSON.stringify(file));
    expect(() => store.read(ODOO_API_KEY)).toThrow(SecretStorageError);
    expect(() => store.read(ODOO_API_KEY)).toThrow('The stored odoo-api-key cannot be decrypted');
  });

  it('binds each value to its name: a sealed value moved to another name does not open', () => {
    store.write(ODOO_API_KEY, KEY);
    const path = join(data.path, 'secrets.enc.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as { entries: Record<string, unknown> };
    file.entries['device-signing-key'] = file.entries[ODOO_API_KEY];
    writeFileSync(path, JSON.stringify(file));
    expect(() => store.read('device-signing-key')).toThrow(SecretStorageError);
  });

  it('forgets a cleared key', () => {
    store.write(ODOO_API_KEY, KEY);
    store.clear(ODOO_API_KEY);
    expect(store.has(ODOO_API_KEY)).toBe(false);
    expect(store.read(ODOO_API_KEY)).toBeNull();
    expect(readFileSync(join(data.path, 'secrets.enc.json'), 'utf8')).not.toContain('"odoo-api-key"');
  });

  it('refuses a key directory inside the data directory, or the other way round', () => {
    expect(() => secretKeyFile(data.path, join(data.path, 'keys'))).toThrow(/must not sit beside them/);
    expect(() => secretKeyFile(join(keys.path, 'data'), keys.path)).toThrow(/must not sit beside them/);
    expect(() => encryptedFileSecretStore(data.path, { PLANNER_KEY_DIR: join(data.path, 'k') })).toThrow(SecretStorageError);
  });

  it('keeps keys per OS apart from the data directory by default', () => {
    expect(secretKeyDirectory({ XDG_STATE_HOME: '/home/ann/.local/state' }, 'linux')).toBe('/home/ann/.local/state/network-planner/keys');
    expect(secretKeyDirectory({ LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' }, 'win32')).toContain('network-planner');
    expect(secretKeyDirectory({ PLANNER_KEY_DIR: '/run/secrets/planner' }, 'linux')).toBe('/run/secrets/planner');
  });
});

/** Electron's safeStorage, stood in: reversible, visibly "encrypted", and switchable off. */
class StandInSafeStorage implements SafeStorageLike {
  available = true;
  backend = 'gnome_libsecret';
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plainText: string): Buffer {
    return Buffer.from(`sealed:${[...plainText].reverse().join('')}`);
  }
  decryptString(encrypted: Buffer): string {
    return [...encrypted.toString().slice('sealed:'.length)].reverse().join('');
  }
  getSelectedStorageBackend(): string {
    return this.backend;
  }
}

describe('the desktop app keeps secrets with Electron safeStorage', () => {
  let data = makeTempDir('safe-storage');
  beforeEach(() => {
    data = makeTempDir('safe-storage');
  });
  afterEach(() => data.remove());

  it('writes only what safeStorage sealed, and reads it back through safeStorage', () => {
    const safeStorage = new StandInSafeStorage();
    const store = new SafeStorageSecretStore(safeStorage, join(data.path, 'secrets.safe-storage.json'));
    store.write(ODOO_API_KEY, KEY);
    const file = readFileSync(join(data.path, 'secrets.safe-storage.json'), 'utf8');
    expect(file).not.toContain(KEY);
    expect(JSON.parse(file)).toEqual({ format: 'network-planner-safe-storage/1', entries: { [ODOO_API_KEY]: safeStorage.encryptString(KEY).toString('base64') } });
    expect(new SafeStorageSecretStore(safeStorage, join(data.path, 'secrets.safe-storage.json')).read(ODOO_API_KEY)).toBe(KEY);
  });

  it('refuses to store a key when the OS keychain is unavailable, or is only Linux\'s built-in fallback', () => {
    const safeStorage = new StandInSafeStorage();
    const store = new SafeStorageSecretStore(safeStorage, join(data.path, 'secrets.safe-storage.json'));
    safeStorage.available = false;
    expect(() => store.write(ODOO_API_KEY, KEY)).toThrow(/keychain is not available/);
    safeStorage.available = true;
    safeStorage.backend = 'basic_text';
    expect(() => store.write(ODOO_API_KEY, KEY)).toThrow(/No desktop keyring/);
    expect(existsSync(join(data.path, 'secrets.safe-storage.json'))).toBe(false);
  });
});

describe('logs never carry a secret', () => {
  it('redacts secret-looking fields at any depth, and the request an axios error carries', () => {
    const captured = capturedLog();
    captured.log.info({ apiKey: 'k1-aaaaaaaaaaaa', odoo: { apiKey: 'k2-aaaaaaaaaaaa' }, request: { params: { apiKey: 'k3-aaaaaaaaaaaa' } } }, 'saving');
    captured.log.error({ err: Object.assign(new Error('Request failed with status code 502'), { config: { data: '{"params":{"args":["db",2,"k4-aaaaaaaaaaaa"]}}' } }) }, 'odoo call failed');
    const text = captured.text();
    for (const secret of ['k1-', 'k2-', 'k3-', 'k4-']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('scrubs a stored key from any line, whatever field or message it hid in', () => {
    const captured = capturedLog();
    const data = makeTempDir('scrub');
    const keys = makeTempDir('scrub-keys');
    const secret = 'scrub-me-0123456789abcdef';
    new EncryptedFileSecretStore({ file: join(data.path, 's.json'), keyFile: secretKeyFile(data.path, keys.path) }).write(ODOO_API_KEY, secret);
    captured.log.warn({ note: `the server said: invalid key ${secret}` }, `login failed for ${secret}`);
    captured.log.warn({ nested: { list: [JSON.stringify({ key: secret })] } }, 'echo');
    expect(captured.text()).not.toContain(secret);
    expect(captured.lines()[0]).toMatchObject({ msg: 'login failed for [redacted]', note: 'the server said: invalid key [redacted]' });
    data.remove();
    keys.remove();
  });
});
