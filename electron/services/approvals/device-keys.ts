import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { formatFingerprint, type DeviceSigner } from '../../../shared/approvals';
import type { SecretStore } from '../secrets';

const StoredDeviceKey = z.strictObject({
  format: z.literal('network-planner-device-key/1'),
  login: z.string(),
  deviceId: z.string(),
  privateKey: z.string().startsWith('-----BEGIN PRIVATE KEY-----'),
  publicKey: z.string(),
  createdAt: z.string(),
});

/** The secret that holds one user's key on this desktop; the login is hashed so the name stays a valid secret name. */
export function deviceKeySecretName(login: string): string {
  return `signing-key-${createHash('sha256').update(login).digest('hex').slice(0, 24)}`;
}

export function publicKeyText(key: KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).toString('base64');
}

export function fingerprintOf(publicKey: string): string {
  return formatFingerprint(createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex'));
}

/** Verifies an Ed25519 signature; a key or signature that cannot even be read is simply not valid. */
export function verifySignature(publicKey: string, data: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, Buffer.from(data, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export interface DeviceKey {
  signer: Omit<DeviceSigner, 'name'>;
  fingerprint: string;
  sign(data: string): string;
}

/**
 * One Ed25519 key pair per user and desktop. The private key lives only in the secret store (the
 * OS keychain through Electron's safeStorage, or the headless host's encrypted file whose key is
 * kept elsewhere); it never reaches the database, a file the user exports, a log line or the screen.
 */
export class DeviceKeys {
  constructor(
    private readonly secrets: SecretStore,
    private readonly deviceId: () => string,
    private readonly now: () => Date,
  ) {}

  /** The user's key on this desktop, made on first use. Throws SecretStorageError when keys cannot be kept safely here. */
  keyFor(login: string): DeviceKey {
    const name = deviceKeySecretName(login);
    const stored = this.secrets.read(name);
    const parsed = stored === null ? null : StoredDeviceKey.safeParse(JSON.parse(stored) as unknown);
    let record = parsed?.success && parsed.data.login === login ? parsed.data : null;
    if (!record) {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      record = {
        format: 'network-planner-device-key/1',
        login,
        deviceId: this.deviceId(),
        privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
        publicKey: publicKeyText(publicKey),
        createdAt: this.now().toISOString(),
      };
      this.secrets.write(name, JSON.stringify(record));
    }
    const privateKey = createPrivateKey(record.privateKey);
    return {
      signer: { login, deviceId: record.deviceId, publicKey: record.publicKey },
      fingerprint: fingerprintOf(record.publicKey),
      sign: (data) => sign(null, Buffer.from(data, 'utf8'), privateKey).toString('base64'),
    };
  }
}
