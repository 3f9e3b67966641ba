import { batchLabel } from '../../../shared/approvals';
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangePayload, SignedExchangeFile, type LineDecision } from '../../../shared/approvals';
import type { ApprovalLineView, ImportResult } from '../../../shared/ipc';
import { DeviceKeys, signDecision } from '../../../electron/services/approvals';
import { publicKeyText } from '../../../electron/services/approvals/device-keys';
import { canonicalJson } from '../../../electron/services/audit';
import { encryptedFileSecretStore } from '../../../electron/services/secrets';
import { ApprovalStore } from '../../../electron/services/store';
import { startTestPlanner, type TestPlanner } from '../../support/planner-fixture';
import { electronTransport, type Transport } from '../../support/transports';
import { chooseProposals, storedNetwork, testClock, type ChosenProposals } from './approval-fixture';

interface Desk {
  planner: TestPlanner;
  transport: Transport;
  clock: ReturnType<typeof testClock>;
  as(login: string): Promise<void>;
  inbox(): Promise<ApprovalLineView[]>;
  importFile(content: string): Promise<ImportResult>;
  batches(): Promise<number>;
}

async function openDesk(): Promise<Desk> {
  const clock = testClock();
  const planner = await startTestPlanner({ nodes: 4, skus: 60, seed: 5, now: clock.now });
  const transport = electronTransport(planner.services);
  return {
    planner,
    transport,
    clock,
    as: async (login) => void (await transport.api.invoke('identity.chooseDemoUser', { login })),
    inbox: async () => (await transport.api.invoke('approvals.inbox', { state: 'all' })).lines,
    importFile: (content) => transport.api.invoke('approvals.importFile', { content }),
    batches: async () => (await transport.api.invoke('approvals.batches', {})).batches.length,
  };
}

/** Re-signs a payload as a desktop with the given private key would (to forge files the way an attacker or a broken desktop could). */
function signedFile(payload: ExchangePayload, privateKey: Parameters<typeof sign>[2]): string {
  const text = canonicalJson(payload);
  const file: SignedExchangeFile = { format: 'network-planner-signed-file/1', payload: text, signature: sign(null, Buffer.from(text), privateKey).toString('base64') };
  return JSON.stringify(file);
}

function payloadOf(content: string): ExchangePayload {
  return ExchangePayload.parse(JSON.parse(SignedExchangeFile.parse(JSON.parse(content)).payload));
}

describe('signed exchange files between two desktops, offline', () => {
  let office: Desk;
  let road: Desk;
  let chosen: ChosenProposals;
  let batchFile: string;
  let batchId: string;
  let decisionsFile: string;

  beforeAll(async () => {
    [office, road] = await Promise.all([openDesk(), openDesk()]);
    chosen = chooseProposals(await storedNetwork(office.planner));
    await office.as('anna.planner');
    ({ batchId } = await office.transport.api.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: [chosen.small, chosen.risky, chosen.large], note: 'for Ben on the road' }));
    await road.as('ben.ops');
  });
  afterAll(async () => {
    for (const desk of [office, road]) {
      await desk.transport.close();
      await desk.planner.stop();
    }
  });

  it('exports a batch signed by its submitter; another user cannot sign it for them', async () => {
    const exported = await office.transport.api.invoke('approvals.exportBatch', { batchId });
    expect(exported.fileName).toMatch(/^demo-batch-\w{8}-\d{8}-\d{4}\.planner-exchange\.json$/);
    expect(exported.summary).toMatch(/^Batch \w+ with 3 lines, signed by Anna \(planner\) \(key [0-9A-F]{4}(-[0-9A-F]{4}){7}\)\./);
    const payload = payloadOf(exported.content);
    expect(payload).toMatchObject({ region: 'demo', signer: { login: 'anna.planner' }, content: { kind: 'batch' } });
    // The private key is nowhere in the file.
    expect(exported.content).not.toContain('PRIVATE KEY');
    batchFile = exported.content;
    await office.as('ben.ops');
    await expect(office.transport.api.invoke('approvals.exportBatch', { batchId })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('only they can sign it') });
    await office.as('anna.planner');
  });

  it('refuses a file from a key this desktop does not trust yet, naming the key to compare, and imports nothing', async () => {
    const result = await road.importFile(batchFile);
    expect(result).toMatchObject({ outcome: 'refused', untrustedSigner: { login: 'anna.planner', name: 'Anna (planner)' } });
    expect(result.outcome === 'refused' && result.reason).toMatch(/whose key this desktop does not trust yet\. Compare the key’s fingerprint [0-9A-F-]{39} with Anna \(planner\)’s screen/);
    expect(await road.batches()).toBe(0);
  });

  it('trusts a key only when the fingerprint typed at the desk matches, with the roles the region says its user holds', async () => {
    await expect(road.transport.api.invoke('approvals.trustSigner', { content: batchFile, fingerprint: '0000-1111-2222-3333' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('No key in this file has the fingerprint') });
    const own = await office.transport.api.invoke('approvals.keys', {});
    const fingerprint = own.own?.fingerprint ?? '';
    const keys = await road.transport.api.invoke('approvals.trustSigner', { content: batchFile, fingerprint: fingerprint.toLowerCase().replace(/-/g, ' ') });
    expect(keys.trusted).toContainEqual(expect.objectContaining({ login: 'anna.planner', fingerprint, roles: ['Planner'], rolesSource: 'demo-profile', trustedBy: 'ben.ops' }));
    const audit = await road.transport.api.invoke('audit.list', { kinds: ['setting-changed'], text: 'approvals.trustedKey', limit: 5 });
    expect(audit.entries[0]?.summary).toContain(`anna.planner's key ${fingerprint}`);
  });

  it('imports the batch once: its lines wait in the inbox on the road, and the same file again is refused', async () => {
    const result = await road.importFile(batchFile);
    expect(result).toMatchObject({ outcome: 'imported', kind: 'batch', batchId, count: 3 });
    // Named as the Exchange panel names it.
    expect(result.outcome === 'imported' ? result.summary : result.reason).toMatch(new RegExp(`^Imported batch ${batchLabel(batchId)} from Anna`));
    const lines = await road.inbox();
    expect(lines.map((line) => [line.state, line.ruleId, line.queued])).toEqual([
      ['auto-approved', 'small-transfers', false],
      ['waiting', 'protect-committed-demand', false],
      ['waiting', 'large-purchases', false],
    ]);
    const again = await road.importFile(batchFile);
    expect(again).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/^This file was already imported on /) });
    expect(await road.batches()).toBe(1);
  });

  it('refuses, on the desktop that made it, its own file', async () => {
    await expect(office.importFile(batchFile)).resolves.toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/^This file was made on this desktop/) });
  });

  it('records decisions made on the road, offline, and sends them back signed', async () => {
    const risky = (await road.inbox())[1];
    const large = (await road.inbox())[2];
    await road.transport.api.invoke('approvals.decide', { lineIds: [risky?.lineId ?? '', large?.lineId ?? ''], decision: 'approved', comment: 'approved on the road' });
    // The line whose approval completed here goes to this desktop's outbox.
    expect((await road.inbox()).map((line) => [line.state, line.queued])).toEqual([
      ['auto-approved', false],
      ['approved', true],
      ['waiting', false],
    ]);
    const exported = await road.transport.api.invoke('approvals.exportDecisions', { batchId });
    expect(payloadOf(exported.content).content).toMatchObject({ kind: 'decisions', decisions: [{ signer: { login: 'ben.ops' } }, { signer: { login: 'ben.ops' } }] });
    decisionsFile = exported.content;
  });

  it('brings the decisions home: the line is approved in the office too, and only the road desktop pushes it', async () => {
    const untrusted = await office.importFile(decisionsFile);
    expect(untrusted).toMatchObject({ outcome: 'refused', untrustedSigner: { login: 'ben.ops' } });
    const benKey = (await road.transport.api.invoke('approvals.keys', {})).own?.fingerprint ?? '';
    await office.transport.api.invoke('approvals.trustSigner', { content: decisionsFile, fingerprint: benKey });
    await expect(office.importFile(decisionsFile)).resolves.toMatchObject({ outcome: 'imported', kind: 'decisions', count: 2 });
    const lines = await office.inbox();
    expect(lines[1]).toMatchObject({ state: 'approved', queued: false, decisions: [expect.objectContaining({ decidedBy: 'ben.ops', comment: 'approved on the road', imported: true })] });
    expect(lines[2]).toMatchObject({ state: 'waiting', approvedAs: ['Regional Ops'], waitingFor: ['Finance'] });
    expect(lines[0]).toMatchObject({ state: 'auto-approved', queued: true });
    expect(new ApprovalStore(office.planner.services.approvals.db).handoffs().map((handoff) => handoff.lineId)).toEqual([lines[0]?.lineId]);
    const audit = await office.transport.api.invoke('audit.list', { kinds: ['decision-made', 'exchange-file'], limit: 20 });
    expect(audit.entries.map((entry) => entry.summary)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Imported a decisions file signed by ben\.ops \(2 decisions/), expect.stringContaining('“approved on the road”, signed on device')]),
    );
    expect(await office.transport.api.invoke('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('refuses a tampered file and imports nothing of it', async () => {
    const exported = await office.transport.api.invoke('approvals.exportBatch', { batchId });
    const file = SignedExchangeFile.parse(JSON.parse(exported.content));
    const tampered = JSON.stringify({ ...file, payload: file.payload.replace(`"qty":${chosen.large.qty}`, `"qty":${chosen.large.qty * 10}`) });
    expect(tampered).not.toBe(exported.content);
    const before = await road.batches();
    await expect(road.importFile(tampered)).resolves.toEqual({
      outcome: 'refused',
      reason: 'The file’s signature does not match its content: it was changed after it was signed, or signed with another key than the one it names.',
      untrustedSigner: null,
    });
    await expect(road.importFile('{"format":"network-planner-signed-file/1","payload":"{}","signature":"AAAA"}')).resolves.toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/^This is not a Network Planner exchange file/) });
    await expect(road.importFile('not json at all')).resolves.toMatchObject({ outcome: 'refused', reason: 'This is not a Network Planner exchange file (it is not JSON).' });
    expect(await road.batches()).toBe(before);
    const refusals = await road.transport.api.invoke('audit.list', { kinds: ['exchange-file'], text: 'refused', limit: 50 });
    expect(refusals.entries.some((entry) => entry.summary.startsWith('Refused a file: The file’s signature does not match'))).toBe(true);
  });

  it('refuses a wrongly signed file: signed by another key than the one it names, or naming a key other than the one trusted for that user', async () => {
    const exported = payloadOf((await office.transport.api.invoke('approvals.exportBatch', { batchId })).content);
    const intruder = generateKeyPairSync('ed25519');
    // Anna's key named, someone else's signature.
    await expect(road.importFile(signedFile(exported, intruder.privateKey))).resolves.toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/^The file’s signature does not match its content/) });
    // Someone else's key named as Anna's on her device, validly signed with it.
    const impostor = { ...exported, fileId: 'FORGED1', signer: { ...exported.signer, publicKey: publicKeyText(intruder.publicKey) } };
    await expect(road.importFile(signedFile(impostor, intruder.privateKey))).resolves.toMatchObject({
      outcome: 'refused',
      reason: expect.stringMatching(/^The file is signed with a key that is not the one this desktop trusts for anna\.planner on device \w+ \(trusted [0-9A-F-]+, file [0-9A-F-]+\)\.$/),
    });
    expect(await road.batches()).toBe(1);
  });

  it('refuses a decision counted for a role its maker does not hold, however well signed', async () => {
    const benOnTheRoad = new DeviceKeys(encryptedFileSecretStore(road.planner.dataDir, { PLANNER_KEY_DIR: road.planner.keyDir }), () => 'unused', road.clock.now).keyFor('ben.ops');
    const large = (await road.inbox())[2];
    const forged: LineDecision = { id: 'FORGED-DECISION', lineId: large?.lineId ?? '', decision: 'approved', role: 'finance', decidedBy: 'ben.ops', decidedAt: road.clock.iso(), comment: 'I am finance now' };
    const payload = payloadOf(decisionsFile);
    const file: ExchangePayload = { ...payload, fileId: 'FORGED2', content: { kind: 'decisions', batchId, decisions: [signDecision(batchId, forged, benOnTheRoad, 'Ben (regional ops)')] } };
    const text = canonicalJson(file);
    const content = JSON.stringify({ format: 'network-planner-signed-file/1', payload: text, signature: benOnTheRoad.sign(text) });
    await expect(office.importFile(content)).resolves.toMatchObject({
      outcome: 'refused',
      reason: `The decision of ben.ops on line ${large?.lineId} counts as Finance, a role this desktop does not know ben.ops to hold (Regional Ops).`,
    });
    expect((await office.inbox())[2]).toMatchObject({ state: 'waiting', decisions: [expect.objectContaining({ decidedBy: 'ben.ops' })] });
  });

  it('refuses a decision on a line its maker proposed, even when it arrives in a file', async () => {
    const annaAtTheOffice = new DeviceKeys(encryptedFileSecretStore(office.planner.dataDir, { PLANNER_KEY_DIR: office.planner.keyDir }), () => 'unused', office.clock.now).keyFor('anna.planner');
    // The road desktop trusts Anna as a planner; pretend she also held Regional Ops there.
    const store = new ApprovalStore(road.planner.services.approvals.db);
    const trusted = store.trustedKey('anna.planner', annaAtTheOffice.signer.deviceId);
    if (!trusted) throw new Error('the road desktop should trust Anna by now');
    store.trustKey({ ...trusted, roles: ['planner', 'regional-ops'] });
    const large = (await road.inbox())[2];
    const own: LineDecision = { id: 'OWN-DECISION', lineId: large?.lineId ?? '', decision: 'approved', role: 'regional-ops', decidedBy: 'anna.planner', decidedAt: office.clock.iso(), comment: null };
    const payload: ExchangePayload = {
      ...payloadOf(batchFile),
      fileId: 'OWNLINE1',
      signer: { ...annaAtTheOffice.signer, name: 'Anna (planner)' },
      content: { kind: 'decisions', batchId, decisions: [signDecision(batchId, own, annaAtTheOffice, 'Anna (planner)')] },
    };
    const text = canonicalJson(payload);
    const content = JSON.stringify({ format: 'network-planner-signed-file/1', payload: text, signature: annaAtTheOffice.sign(text) });
    await expect(road.importFile(content)).resolves.toMatchObject({ outcome: 'refused', reason: expect.stringContaining('anna.planner proposed this line and cannot decide it') });
    store.trustKey(trusted);
  });

  it('refuses an expired file: files are imported within 72 hours of being made', async () => {
    const fresh = (await office.transport.api.invoke('approvals.exportBatch', { batchId })).content;
    road.clock.advanceHours(73);
    const result = await road.importFile(fresh);
    expect(result).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/^The file expired at .* \(files can be imported for 72 h after they are made\); ask Anna \(planner\) for a new one\.$/) });
  });
});
