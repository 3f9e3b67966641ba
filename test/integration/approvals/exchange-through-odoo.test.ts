import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningOdooSim } from '../../../tools/odoo-sim';
import { SUPERUSER_ID } from '../../../tools/odoo-sim/orm/env';
import { startTestPlanner, type TestPlanner } from '../../support/planner-fixture';
import { electronTransport, type Transport } from '../../support/transports';
import { startSmallSim, user } from '../odoo-sim/start-small';

interface Desk {
  planner: TestPlanner;
  transport: Transport;
}

/** A desktop connected to the stand-in as `login`, synced, and identified by Odoo. */
async function openDesk(sim: RunningOdooSim, login: string, name: string): Promise<Desk> {
  const planner = await startTestPlanner({ nodes: 3, skus: 30 });
  const transport = electronTransport(planner.services);
  await transport.api.invoke('settings.changeOdooConnection', { url: sim.url, database: sim.database, login, reason: 'the local stand-in', confirmed: true });
  await transport.api.invoke('secrets.saveOdooApiKey', { apiKey: user(sim, login).apiKey });
  await transport.api.invoke('sync.start', {});
  // (expect.poll belongs to tests; this runs in beforeAll.)
  const deadline = Date.now() + 60_000;
  for (;;) {
    const described = await transport.api.invoke('app.describe', {});
    if (described.mode === 'odoo' && described.user?.name === name) return { planner, transport };
    if (Date.now() > deadline) throw new Error(`${login} was not synced and identified within a minute: ${JSON.stringify({ mode: described.mode, user: described.user })}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Attachments the stand-in holds, as its administrator sees them. */
function attachments(sim: RunningOdooSim): { id: number; name: string; res_model: unknown; res_id: unknown; public: unknown; create_uid: unknown; datas: unknown }[] {
  const table = sim.control.env().state.db.table('ir.attachment');
  return [...table.rows.values()].map((row) => ({ id: row.id, name: String(row.name), res_model: row.res_model, res_id: row.res_id, public: row.public, create_uid: row.create_uid, datas: row.datas }));
}

describe('batches and decisions travel through Odoo when it can be reached, checked as files are', () => {
  let sim: RunningOdooSim;
  let office: Desk;
  let road: Desk;
  let batchId: string;

  beforeAll(async () => {
    sim = await startSmallSim();
    office = await openDesk(sim, 'planner', 'Pat Planner');
    road = await openDesk(sim, 'supervisor', 'Sam Supervisor');
    const run = await office.transport.api.invoke('replenishment.run', { target: { kind: 'baseline' } });
    const purchases = (await office.transport.api.invoke('replenishment.page', { resultId: run.resultId, filter: { kind: 'purchase' }, offset: 0, limit: 2 })).rows;
    expect(purchases).toHaveLength(2);
    ({ batchId } = await office.transport.api.invoke('approvals.submitFromReplenishment', { resultId: run.resultId, proposalIds: purchases.map((row) => row.id), note: 'for Sam' }));
  }, 120_000);
  afterAll(async () => {
    for (const desk of [office, road]) {
      await desk?.transport.close();
      await desk?.planner.stop();
    }
    await sim?.close();
  });

  it('publishes the signed batch on the signer’s own Odoo user, once, never as a public document', async () => {
    const published = await office.transport.api.invoke('approvals.publishToOdoo', { batchId, what: 'batch' });
    expect(published.summary).toMatch(/^Batch \w+ with 2 lines, signed by Pat Planner .* It is in Odoo: other desktops fetch it from there\.$/);
    const planner = user(sim, 'planner');
    const held = attachments(sim).filter((row) => row.id === published.attachmentId);
    expect(held).toEqual([expect.objectContaining({ name: published.fileName, res_model: 'res.users', res_id: planner.uid, create_uid: planner.uid })]);
    expect(held[0]?.public).toBeFalsy();
  });

  it('fetches it on another desktop: refused until the signer’s key is trusted, then imported once', async () => {
    const first = await road.transport.api.invoke('approvals.fetchFromOdoo', {});
    expect(first.files).toEqual([expect.objectContaining({ outcome: 'refused', from: 'Pat Planner', untrustedSigner: expect.objectContaining({ login: 'planner' }), content: expect.any(String) })]);
    expect(first.files[0]?.summary).toMatch(/whose key this desktop does not trust yet/);
    expect((await road.transport.api.invoke('approvals.batches', {})).batches).toHaveLength(0);

    const fingerprint = (await office.transport.api.invoke('approvals.keys', {})).own?.fingerprint ?? '';
    await road.transport.api.invoke('approvals.trustSigner', { content: first.files[0]?.content ?? '', fingerprint });
    const second = await road.transport.api.invoke('approvals.fetchFromOdoo', {});
    expect(second.files).toEqual([expect.objectContaining({ outcome: 'imported', from: 'Pat Planner' })]);
    expect(second.summary).toBe('1 file imported.');
    expect((await road.transport.api.invoke('approvals.inbox', { state: 'all', batchId })).lines).toHaveLength(2);
    await expect(road.transport.api.invoke('approvals.fetchFromOdoo', {})).resolves.toEqual({ files: [], summary: 'Odoo holds no exchange file this desktop has not seen.' });
  });

  it('brings the supervisor’s decisions back the same way: the line is approved on the planner’s desktop and queued for Odoo', async () => {
    const waiting = (await road.transport.api.invoke('approvals.inbox', { state: 'for-me', batchId })).lines;
    expect(waiting.length).toBeGreaterThan(0);
    const [line] = waiting;
    await road.transport.api.invoke('approvals.decide', { lineIds: [line?.lineId ?? ''], decision: 'approved', comment: 'Checked on the road' });
    await road.transport.api.invoke('approvals.publishToOdoo', { batchId, what: 'decisions' });

    const refused = await office.transport.api.invoke('approvals.fetchFromOdoo', {});
    expect(refused.files).toEqual([expect.objectContaining({ outcome: 'refused', from: 'Sam Supervisor', untrustedSigner: expect.objectContaining({ login: 'supervisor' }) })]);
    const fingerprint = (await road.transport.api.invoke('approvals.keys', {})).own?.fingerprint ?? '';
    await office.transport.api.invoke('approvals.trustSigner', { content: refused.files[0]?.content ?? '', fingerprint });
    const fetched = await office.transport.api.invoke('approvals.fetchFromOdoo', {});
    expect(fetched.files).toEqual([expect.objectContaining({ outcome: 'imported' })]);
    const decided = (await office.transport.api.invoke('approvals.inbox', { state: 'all', batchId })).lines.find((candidate) => candidate.lineId === line?.lineId);
    expect(decided?.decisions).toEqual([expect.objectContaining({ decidedBy: 'supervisor', comment: 'Checked on the road' })]);
  });

  it('refuses a file someone changed in Odoo, naming why, and imports nothing of it', async () => {
    const [original] = attachments(sim).filter((row) => row.res_id === user(sim, 'supervisor').uid);
    const text = Buffer.from(String(original?.datas), 'base64').toString('utf8').replace('Checked on the road', 'Approved, no questions');
    // Someone with Settings rights forges a copy under the supervisor's name.
    sim.control
      .env()
      .withUser(SUPERUSER_ID)
      .db.insert('ir.attachment', {
        name: 'forged.planner-exchange.json',
        description: `Network Planner exchange file 01FORGEDFORGEDFORGEDFORGED0`,
        res_model: 'res.users',
        res_id: user(sim, 'supervisor').uid,
        type: 'binary',
        datas: Buffer.from(text, 'utf8').toString('base64'),
        create_uid: SUPERUSER_ID,
        create_date: new Date().toISOString().slice(0, 19).replace('T', ' '),
      });
    const before = (await office.transport.api.invoke('approvals.inbox', { state: 'all', batchId })).lines.map((line) => line.decisions.length);
    const fetched = await office.transport.api.invoke('approvals.fetchFromOdoo', {});
    expect(fetched.files).toEqual([expect.objectContaining({ fileName: 'forged.planner-exchange.json', outcome: 'refused' })]);
    expect(fetched.files[0]?.summary).toBe('The file’s signature does not match its content: it was changed after it was signed, or signed with another key than the one it names.');
    expect((await office.transport.api.invoke('approvals.inbox', { state: 'all', batchId })).lines.map((line) => line.decisions.length)).toEqual(before);
  });

  it('says plainly when Odoo cannot be reached, so the file can be handed over instead', async () => {
    sim.control.failNext('drop-before', 50);
    try {
      await expect(office.transport.api.invoke('approvals.publishToOdoo', { batchId, what: 'batch' })).rejects.toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(/^Odoo could not be reached .*: export the file and hand it over instead\.$/),
      });
    } finally {
      sim.control.clearFaults();
    }
  });
});

describe('the demo network never travels to an Odoo', () => {
  it('refuses to publish while the planner shows the demo network', async () => {
    const planner = await startTestPlanner({ nodes: 3, skus: 30 });
    const transport = electronTransport(planner.services);
    try {
      await expect(transport.api.invoke('approvals.fetchFromOdoo', {})).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/^This planner shows the demo network/) });
    } finally {
      await transport.close();
      await planner.stop();
    }
  });
});
