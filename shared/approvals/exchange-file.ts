import { z } from 'zod';
import { Instant } from '../domain/calendar';
import { LineDecision } from './approval-progress';
import { BatchRecord, LineRecord, RecordId } from './batch';

/** An Ed25519 public key as base64 of its DER SubjectPublicKeyInfo (what Node's crypto exports as `spki`). */
export const PublicKeyText = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'expected base64').min(40).max(200);

/** Who signed: a user on one desktop, with the public half of that user's key on that desktop. */
export const DeviceSigner = z.object({
  login: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  deviceId: RecordId,
  publicKey: PublicKeyText,
});
export type DeviceSigner = z.infer<typeof DeviceSigner>;

export const SignatureText = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'expected base64').min(80).max(100);

/** A decision as its maker signed it on their desktop: it travels with that signature to every other desktop. */
export const SignedDecision = z.object({
  batchId: RecordId,
  decision: LineDecision,
  signer: DeviceSigner,
  signature: SignatureText,
});
export type SignedDecision = z.infer<typeof SignedDecision>;

export const ExchangeContent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('batch'), batch: BatchRecord, lines: z.array(LineRecord).min(1).max(500) }),
  z.object({ kind: z.literal('decisions'), batchId: RecordId, decisions: z.array(SignedDecision).min(1).max(5000) }),
]);
export type ExchangeContent = z.infer<typeof ExchangeContent>;
export type ExchangeKind = ExchangeContent['kind'];

export const EXCHANGE_FORMAT = 'network-planner-exchange/1';
export const SIGNED_FILE_FORMAT = 'network-planner-signed-file/1';

/** What is signed: the content, who signed it where, for which region, and until when it may be imported. */
export const ExchangePayload = z.strictObject({
  format: z.literal(EXCHANGE_FORMAT),
  /** Unique per file: a desktop imports a file once. */
  fileId: RecordId,
  region: z.string().min(1),
  createdAt: Instant,
  expiresAt: Instant,
  signer: DeviceSigner,
  content: ExchangeContent,
});
export type ExchangePayload = z.infer<typeof ExchangePayload>;

/**
 * The file itself: the payload exactly as signed (a string, so no re-serialisation can change a
 * byte) and the Ed25519 signature over its UTF-8 bytes.
 */
export const SignedExchangeFile = z.strictObject({
  format: z.literal(SIGNED_FILE_FORMAT),
  payload: z.string().min(2).max(20_000_000),
  signature: SignatureText,
});
export type SignedExchangeFile = z.infer<typeof SignedExchangeFile>;

/** How long an exported file may be imported: long enough for a trip, short enough that an old file is not replayed into a new week. */
export const EXCHANGE_VALID_HOURS = 72;

/** A key's fingerprint as people compare it aloud: the first 16 bytes of its SHA-256 in groups of four hex digits. */
export function formatFingerprint(sha256Hex: string): string {
  return (sha256Hex.slice(0, 32).toUpperCase().match(/.{4}/g) ?? []).join('-');
}
