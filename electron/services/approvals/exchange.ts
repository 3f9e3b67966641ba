import { createHash } from 'node:crypto';
import {
  batchLabel,
  checkDecision,
  EXCHANGE_FORMAT,
  EXCHANGE_VALID_HOURS,
  evaluateLine,
  ExchangePayload,
  lineProgress,
  SIGNED_FILE_FORMAT,
  SignedExchangeFile,
  type DeviceSigner,
  type ExchangeContent,
  type LineDecision,
  type SignedDecision,
} from '../../../shared/approvals';
import { describeProblems } from '../../../shared/domain';
import type { ExchangeFileView, ImportResult, KeysView } from '../../../shared/ipc';
import type { AuditLog } from '../audit';
import { canonicalJson } from '../audit';
import type { TrustedDeviceKey } from '../store';
import { NotIdentifiedError, storageFailureCode } from './approval-errors';
import type { ApprovalService, Approver } from './approval-service';
import { fingerprintOf, verifySignature, type DeviceKeys } from './device-keys';
import { decisionSignatureHolds } from './signed-decisions';

/** Where the roles of a colleague come from when this desktop trusts their key. */
export interface RoleDirectory {
  /** The region roles `login` holds by an authority this desktop trusts, or a reason why they cannot be known now. */
  rolesOf(login: string): Promise<{ roles: string[]; name: string | null; source: 'demo-profile' | 'odoo'; verifiedAt: string } | { unknown: string }>;
}

export interface ApprovalExchangeOptions {
  service: ApprovalService;
  keys: DeviceKeys;
  audit: AuditLog;
  roles: RoleDirectory;
  now: () => Date;
  newId: () => string;
}

/** A file refused on import: the reason, and the key to offer for trust when that is all that is missing. */
class Refusal extends Error {
  constructor(
    readonly reason: string,
    readonly untrusted: DeviceSigner | null = null,
  ) {
    super(reason);
  }
}

const HOUR_MS = 3_600_000;

function digestOf(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function normalisedFingerprint(text: string): string {
  return text.replace(/[^0-9a-f]/gi, '').toUpperCase();
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * Offline exchange between desktops. A batch, and later the decisions on it, leave as a file signed
 * with the exporting user's device key (Ed25519); each decision inside carries its maker's own
 * signature. On import the file must be intact (signature), for this region, not expired, not
 * imported before, signed by a key this desktop trusts for that user, and every decision in it must
 * pass the same segregation-of-duties checks as a decision made here. Anything short of that refuses
 * the whole file with the reason, and nothing of it is kept.
 *
 * Trust: a desktop trusts its own keys. Another user's key is trusted when someone at this desk
 * confirms its fingerprint (compared with the signer's own screen, e.g. by phone) and this desktop
 * can establish that user's roles from an authority it already trusts: the region profile's demo
 * users in the demo, the user's groups in Odoo otherwise (so trusting needs Odoo once; importing
 * afterwards works offline).
 */
export class ApprovalExchange {
  constructor(private readonly options: ApprovalExchangeOptions) {}

  private get service(): ApprovalService {
    return this.options.service;
  }

  /** The user's key on this desktop, also trusted here for that user (with the roles they hold now). */
  private ownKey(user: Approver): ReturnType<DeviceKeys['keyFor']> {
    const key = this.options.keys.keyFor(user.login);
    const store = this.service.storeForExchange;
    const known = store.trustedKey(user.login, key.signer.deviceId);
    const roles = [...user.roles].sort();
    if (!known || known.publicKey !== key.signer.publicKey || JSON.stringify(known.roles) !== JSON.stringify(roles)) {
      const now = this.options.now().toISOString();
      // Kept so this desktop recognises its own users' decisions when they come back in a file;
      // when the database is busy it is written next time, nothing depends on it now.
      try {
        store.trustKey({ login: user.login, deviceId: key.signer.deviceId, name: user.name, publicKey: key.signer.publicKey, fingerprint: key.fingerprint, roles, rolesSource: 'own', rolesVerifiedAt: now, trustedBy: user.login, trustedAt: now });
      } catch (error) {
        if (!storageFailureCode(error)) throw error;
      }
    }
    return key;
  }

  keys(user: Approver | null): KeysView {
    const own = user ? this.ownKey(user) : null;
    return {
      own: own && user ? { login: user.login, name: user.name, deviceId: own.signer.deviceId, fingerprint: own.fingerprint } : null,
      trusted: this.service.storeForExchange.trustedKeys().map((key) => ({
        login: key.login,
        name: key.name,
        deviceId: key.deviceId,
        fingerprint: key.fingerprint,
        roles: key.roles.map(this.service.roleName),
        rolesSource: key.rolesSource,
        trustedBy: key.trustedBy,
        trustedAt: key.trustedAt,
      })),
    };
  }

  private sign(user: Approver, content: ExchangeContent, batchId: string, describe: string): ExchangeFileView {
    const key = this.ownKey(user);
    const now = this.options.now();
    const payload: ExchangePayload = {
      format: EXCHANGE_FORMAT,
      fileId: this.options.newId(),
      region: this.service.profile.code,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + EXCHANGE_VALID_HOURS * HOUR_MS).toISOString(),
      signer: { ...key.signer, name: user.name },
      content,
    };
    const text = canonicalJson(payload);
    const file: SignedExchangeFile = { format: SIGNED_FILE_FORMAT, payload: text, signature: key.sign(text) };
    this.service.write('The export', () => {
      this.service.storeForExchange.recordExport({ fileId: payload.fileId, kind: content.kind, batchId, signer: user.login, createdAt: payload.createdAt });
      this.options.audit.append({
        kind: 'exchange-file',
        at: payload.createdAt,
        actor: user.login,
        direction: 'exported',
        fileId: payload.fileId,
        fileKind: content.kind,
        batchId,
        signer: user.login,
        device: key.signer.deviceId,
        count: content.kind === 'batch' ? content.lines.length : content.decisions.length,
        reason: null,
      });
    });
    const stamp = payload.createdAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    return {
      fileName: `${this.service.profile.code}-${content.kind === 'batch' ? 'batch' : 'decisions'}-${batchId.slice(-8).toLowerCase()}-${stamp}.planner-exchange.json`,
      content: JSON.stringify(file, null, 2),
      summary: `${describe}, signed by ${user.name} (key ${key.fingerprint}). Another desktop can import it until ${payload.expiresAt}.`,
    };
  }

  /** The batch as its submitter signs it: only the person who submitted a batch can send it on. */
  exportBatch(batchId: string, user: Approver | null): ExchangeFileView {
    if (!user) throw new NotIdentifiedError('nothing can be signed');
    const store = this.service.storeForExchange;
    const batch = store.batch(batchId);
    if (!batch) throw new Refusal(`There is no batch ${batchLabel(batchId)} on this desktop.`);
    if (batch.submittedBy !== user.login) throw new Refusal(`Batch ${batchLabel(batchId)} was submitted by ${batch.submittedBy}; only they can sign it for another desktop.`);
    const lines = store.lines({ batchId }).map((line) => line.record);
    return this.sign(user, { kind: 'batch', batch, lines }, batchId, `Batch ${batchLabel(batchId)} with ${plural(lines.length, 'line')}`);
  }

  /** Every decision this desktop knows on the batch, each with its maker's signature. */
  exportDecisions(batchId: string, user: Approver | null): ExchangeFileView {
    if (!user) throw new NotIdentifiedError('nothing can be signed');
    const store = this.service.storeForExchange;
    if (!store.batch(batchId)) throw new Refusal(`There is no batch ${batchLabel(batchId)} on this desktop.`);
    const decisions = store.decisionsOfBatch(batchId);
    if (decisions.length === 0) throw new Refusal(`Nobody has decided a line of batch ${batchLabel(batchId)} yet: there are no decisions to send.`);
    return this.sign(user, { kind: 'decisions', batchId, decisions }, batchId, `${plural(decisions.length, 'decision')} on batch ${batchLabel(batchId)}`);
  }

  /** Reads and checks a file up to (not including) trust: format, region, signature, replay and expiry. */
  private open(content: string): { payload: ExchangePayload; digest: string } {
    let raw: unknown;
    try {
      raw = JSON.parse(content);
    } catch {
      throw new Refusal('This is not a Network Planner exchange file (it is not JSON).');
    }
    const file = SignedExchangeFile.safeParse(raw);
    if (!file.success) throw new Refusal(`This is not a Network Planner exchange file: ${describeProblems(file.error)}.`);
    let inner: unknown;
    try {
      inner = JSON.parse(file.data.payload);
    } catch {
      throw new Refusal('The file’s signed content is not readable: it was changed after it was signed.');
    }
    const payload = ExchangePayload.safeParse(inner);
    if (!payload.success) throw new Refusal(`The file’s signed content does not have the expected shape (${describeProblems(payload.error)}): it was changed after it was signed, or made by another program.`);
    if (!verifySignature(payload.data.signer.publicKey, file.data.payload, file.data.signature)) {
      throw new Refusal('The file’s signature does not match its content: it was changed after it was signed, or signed with another key than the one it names.');
    }
    return { payload: payload.data, digest: digestOf(file.data.payload) };
  }

  private checkFresh(payload: ExchangePayload, digest: string): void {
    const store = this.service.storeForExchange;
    if (payload.region !== this.service.profile.code) throw new Refusal(`The file is for region ${payload.region}; this planner is for ${this.service.profile.code}.`);
    const mine = store.exportedHere(payload.fileId);
    if (mine) throw new Refusal(`This file was made on this desktop (${mine.createdAt}); it is for another desktop to import.`);
    const before = store.importedBefore(payload.fileId, digest);
    if (before) throw new Refusal(`This file was already imported on ${before.importedAt}; a file is imported once.`);
    const now = this.options.now().getTime();
    if (now > Date.parse(payload.expiresAt)) throw new Refusal(`The file expired at ${payload.expiresAt} (files can be imported for ${EXCHANGE_VALID_HOURS} h after they are made); ask ${payload.signer.name} for a new one.`);
  }

  /** The trusted record of a signer's key; refuses an unknown key, or a key other than the one trusted for that user and device. */
  private trusted(signer: DeviceSigner, what: string): TrustedDeviceKey {
    const known = this.service.storeForExchange.trustedKey(signer.login, signer.deviceId);
    if (!known) {
      throw new Refusal(
        `${what} is signed by ${signer.name} (${signer.login}) on device ${signer.deviceId}, whose key this desktop does not trust yet. Compare the key’s fingerprint ${fingerprintOf(signer.publicKey)} with ${signer.name}’s screen, then trust it.`,
        signer,
      );
    }
    if (known.publicKey !== signer.publicKey) {
      throw new Refusal(`${what} is signed with a key that is not the one this desktop trusts for ${signer.login} on device ${signer.deviceId} (trusted ${known.fingerprint}, file ${fingerprintOf(signer.publicKey)}).`);
    }
    return known;
  }

  async importFile(content: string, user: Approver | null): Promise<ImportResult> {
    if (!user) throw new NotIdentifiedError('no file can be imported');
    let opened: { payload: ExchangePayload; digest: string } | null = null;
    try {
      opened = this.open(content);
      this.checkFresh(opened.payload, opened.digest);
      const { payload, digest } = opened;
      const signerKey = this.trusted(payload.signer, 'The file');
      const result = payload.content.kind === 'batch' ? this.importBatch(payload, digest, payload.content, signerKey, user) : this.importDecisions(payload, digest, payload.content, user);
      return result;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      this.recordRefusal(opened?.payload ?? null, error.reason, user);
      const untrusted = error.untrusted;
      return {
        outcome: 'refused',
        reason: error.reason,
        untrustedSigner: untrusted ? { login: untrusted.login, name: untrusted.name, deviceId: untrusted.deviceId, fingerprint: fingerprintOf(untrusted.publicKey) } : null,
      };
    }
  }

  private recordRefusal(payload: ExchangePayload | null, reason: string, user: Approver): void {
    try {
      this.options.audit.append({
        kind: 'exchange-file',
        at: this.options.now().toISOString(),
        actor: user.login,
        direction: 'refused',
        fileId: payload?.fileId ?? null,
        fileKind: payload?.content.kind ?? null,
        batchId: payload ? (payload.content.kind === 'batch' ? payload.content.batch.id : payload.content.batchId) : null,
        signer: payload?.signer.login ?? null,
        device: payload?.signer.deviceId ?? null,
        count: 0,
        reason,
      });
    } catch {
      // The refusal stands whether or not it could be written down.
    }
  }

  private importBatch(payload: ExchangePayload, digest: string, content: Extract<ExchangeContent, { kind: 'batch' }>, signerKey: TrustedDeviceKey, user: Approver): ImportResult {
    const { batch, lines } = content;
    const store = this.service.storeForExchange;
    if (batch.submittedBy !== payload.signer.login) throw new Refusal(`Batch ${batchLabel(batch.id)} says ${batch.submittedBy} submitted it, but ${payload.signer.login} signed the file; a batch travels signed by its submitter.`);
    if (signerKey.roles.length === 0) throw new Refusal(`${payload.signer.login} holds no role in ${this.service.profile.name}, so their batch is not accepted here.`);
    if (batch.region !== this.service.profile.code) throw new Refusal(`Batch ${batchLabel(batch.id)} is for region ${batch.region}.`);
    if (store.batch(batch.id)) throw new Refusal(`Batch ${batchLabel(batch.id)} is already on this desktop.`);
    lines.forEach((line, index) => {
      if (line.batchId !== batch.id || line.position !== index) throw new Refusal(`Line ${index + 1} of the file does not belong to batch ${batchLabel(batch.id)} in its place.`);
      const here = evaluateLine(this.service.profile.approvalMatrix, line.facts, { locale: this.service.profile.locale });
      if (here.ruleId !== line.routing.ruleId || JSON.stringify(here.outcome) !== JSON.stringify(line.routing.outcome)) {
        throw new Refusal(`This desktop’s approval matrix routes line ${index + 1} to ${here.ruleId ?? 'the fallback'}, the file to ${line.routing.ruleId ?? 'the fallback'}: the two desktops run different region profiles. Update the older one.`);
      }
    });
    const now = this.options.now().toISOString();
    this.service.write('The import', () => {
      store.insertBatch(batch, payload.fileId);
      for (const line of lines) {
        const automatic = line.routing.outcome.decision === 'auto-approve';
        store.insertLine(line, automatic ? 'auto-approved' : 'waiting', automatic ? batch.submittedAt : null, batch.submittedAt);
      }
      this.options.audit.append({ kind: 'batch-submitted', at: batch.submittedAt, actor: batch.submittedBy, batchId: batch.id, lineIds: lines.map((line) => line.id) });
      this.finishImport(payload, digest, batch.id, lines.length, now, user);
    });
    const auto = lines.filter((line) => line.routing.outcome.decision === 'auto-approve').length;
    return {
      outcome: 'imported',
      kind: 'batch',
      batchId: batch.id,
      count: lines.length,
      summary: `Imported batch ${batchLabel(batch.id)} from ${batch.submittedByName}: ${plural(lines.length, 'line')}, ${lines.length - auto} waiting for approval (auto-approved lines are pushed by the desktop they were submitted on).`,
    };
  }

  private importDecisions(payload: ExchangePayload, digest: string, content: Extract<ExchangeContent, { kind: 'decisions' }>, user: Approver): ImportResult {
    const store = this.service.storeForExchange;
    const batch = store.batch(content.batchId);
    if (!batch) throw new Refusal(`Batch ${batchLabel(content.batchId)} is not on this desktop: import the batch file first.`);
    const now = this.options.now().toISOString();
    const fresh = [...content.decisions].filter((signed) => !store.hasDecision(signed.decision.id)).sort((a, b) => Date.parse(a.decision.decidedAt) - Date.parse(b.decision.decidedAt));
    if (fresh.length === 0) throw new Refusal(`Every decision in the file is already on this desktop.`);
    // Every check happens before anything is written: one bad decision refuses the whole file.
    const known = new Map<string, LineDecision[]>();
    const decisionsOf = (lineId: string): LineDecision[] => {
      let list = known.get(lineId);
      if (!list) {
        list = (store.decisionsOf([lineId]).get(lineId) ?? []).map((entry) => entry.decision);
        known.set(lineId, list);
      }
      return list;
    };
    for (const signed of fresh) {
      this.checkImportedDecision(signed, batch.id, batch.submittedBy, batch.submittedAt, decisionsOf, now);
      decisionsOf(signed.decision.lineId).push(signed.decision);
    }
    const settled: { lineId: string; state: 'approved' | 'rejected' }[] = [];
    for (const [lineId, decisions] of known) {
      const line = store.line(lineId);
      if (!line) continue;
      const after = lineProgress(line.record.routing.outcome, { submittedAt: batch.submittedAt, decisions, now });
      const stored = line.state;
      if (stored === 'waiting' && (after.state === 'approved' || after.state === 'rejected')) settled.push({ lineId, state: after.state });
      else if (stored !== 'waiting' && stored !== 'auto-approved' && after.state !== stored) {
        throw new Refusal(`Line ${line.record.position + 1} of batch ${batchLabel(batch.id)} is already ${stored} here; with the file’s decisions it would be ${after.state}. Sort out the conflict with the people who decided it.`);
      }
    }
    this.service.write('The import', () => {
      for (const signed of fresh) {
        store.insertDecision(signed, payload.fileId);
        const { decision } = signed;
        this.options.audit.append({
          kind: 'decision-made',
          at: decision.decidedAt,
          actor: decision.decidedBy,
          batchId: batch.id,
          lineId: decision.lineId,
          decision: decision.decision,
          role: decision.role,
          comment: decision.comment,
          device: signed.signer.deviceId,
          signature: signed.signature,
        });
      }
      for (const line of settled) {
        const last = (known.get(line.lineId) ?? []).at(-1);
        store.settleLine(line.lineId, line.state, last?.decidedAt ?? now);
      }
      this.finishImport(payload, digest, batch.id, fresh.length, now, user);
    });
    return {
      outcome: 'imported',
      kind: 'decisions',
      batchId: batch.id,
      count: fresh.length,
      summary: `Imported ${plural(fresh.length, 'decision')} on batch ${batchLabel(batch.id)}${settled.length > 0 ? `; ${plural(settled.length, 'line')} settled` : ''}. Approved lines are pushed to Odoo by the desktop where their approval was completed.`,
    };
  }

  private checkImportedDecision(signed: SignedDecision, batchId: string, proposedBy: string, submittedAt: string, decisionsOf: (lineId: string) => LineDecision[], now: string): void {
    const { decision, signer } = signed;
    const label = `The decision of ${decision.decidedBy} on line ${decision.lineId}`;
    if (signed.batchId !== batchId) throw new Refusal(`${label} belongs to batch ${batchLabel(signed.batchId)}, not ${batchLabel(batchId)}.`);
    if (decision.decidedBy !== signer.login) throw new Refusal(`${label} is signed by ${signer.login}: a decision is signed by the person who made it.`);
    if (!decisionSignatureHolds(signed)) throw new Refusal(`${label} does not match its signature: it was changed after it was signed.`);
    if (Date.parse(decision.decidedAt) > Date.parse(now) + 10 * 60_000) throw new Refusal(`${label} is dated ${decision.decidedAt}, in the future.`);
    const key = this.trusted(signer, label);
    if (!key.roles.includes(decision.role)) {
      throw new Refusal(`${label} counts as ${this.service.roleName(decision.role)}, a role this desktop does not know ${decision.decidedBy} to hold (${key.roles.map(this.service.roleName).join(', ') || 'none'}).`);
    }
    const line = this.service.storeForExchange.line(decision.lineId);
    if (!line || line.record.batchId !== batchId) throw new Refusal(`${label}: batch ${batchLabel(batchId)} has no such line here.`);
    const earlier = decisionsOf(decision.lineId);
    const progress = lineProgress(line.record.routing.outcome, { submittedAt, decisions: earlier, now: decision.decidedAt });
    const check = checkDecision({ progress, proposedBy, decisions: earlier, decider: { login: decision.decidedBy, roles: [decision.role] }, roleName: this.service.roleName });
    if (!check.ok) throw new Refusal(`${label} is not valid here: ${check.refusal.message}`);
  }

  private finishImport(payload: ExchangePayload, digest: string, batchId: string, count: number, now: string, user: Approver): void {
    this.service.storeForExchange.recordImport({ fileId: payload.fileId, digest, kind: payload.content.kind, batchId, signer: payload.signer.login, deviceId: payload.signer.deviceId, importedAt: now });
    this.options.audit.append({
      kind: 'exchange-file',
      at: now,
      actor: user.login,
      direction: 'imported',
      fileId: payload.fileId,
      fileKind: payload.content.kind,
      batchId,
      signer: payload.signer.login,
      device: payload.signer.deviceId,
      count,
      reason: null,
    });
  }

  /**
   * Trusts one key named in the file (its signer's, or a decision maker's) after the person at the
   * desk confirmed its fingerprint, with the roles the region's authority says that user holds.
   */
  async trustSigner(content: string, fingerprint: string, user: Approver | null): Promise<KeysView> {
    if (!user) throw new NotIdentifiedError('no key can be trusted');
    const { payload } = this.open(content);
    const candidates = [payload.signer, ...(payload.content.kind === 'decisions' ? payload.content.decisions.map((entry) => entry.signer) : [])];
    const wanted = normalisedFingerprint(fingerprint);
    const signer = candidates.find((candidate) => normalisedFingerprint(fingerprintOf(candidate.publicKey)) === wanted);
    if (!signer) throw new Refusal(`No key in this file has the fingerprint ${fingerprint}. Compare it again with the signer’s screen.`);
    const authority = await this.options.roles.rolesOf(signer.login);
    if ('unknown' in authority) throw new Refusal(authority.unknown);
    if (authority.roles.length === 0) throw new Refusal(`${signer.login} holds no role in ${this.service.profile.name}; their key is not trusted.`);
    const now = this.options.now().toISOString();
    const store = this.service.storeForExchange;
    const before = store.trustedKey(signer.login, signer.deviceId);
    const key: TrustedDeviceKey = {
      login: signer.login,
      deviceId: signer.deviceId,
      name: authority.name ?? signer.name,
      publicKey: signer.publicKey,
      fingerprint: fingerprintOf(signer.publicKey),
      roles: [...authority.roles].sort(),
      rolesSource: authority.source,
      rolesVerifiedAt: authority.verifiedAt,
      trustedBy: user.login,
      trustedAt: now,
    };
    this.service.write('Trusting the key', () => {
      store.trustKey(key);
      this.options.audit.append({
        kind: 'setting-changed',
        at: now,
        actor: user.login,
        setting: 'approvals.trustedKey',
        from: before ? { login: before.login, deviceId: before.deviceId, fingerprint: before.fingerprint, roles: before.roles } : null,
        to: { login: key.login, deviceId: key.deviceId, fingerprint: key.fingerprint, roles: key.roles, rolesSource: key.rolesSource },
        reason: 'fingerprint confirmed at the desk',
      });
    });
    return this.keys(user);
  }
}

export { Refusal as ExchangeRefusal };
