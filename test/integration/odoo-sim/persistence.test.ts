import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OdooCaller } from './odoo-rpc';
import { startSmallSim } from './start-small';

const dir = mkdtempSync(join(tmpdir(), 'odoo-sim-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--data persistence', () => {
  it('keeps records, workflow state and id sequences across restarts of the stand-in', async () => {
    const file = join(dir, 'odoo.jsonl');
    const first = await startSmallSim({ dataFile: file });
    const supervisor = OdooCaller.as(first, 'supervisor');
    const partner = await supervisor.call<number>('res.partner', 'create', [{ name: 'Persisted Vendor' }]);
    const [po] = await supervisor.searchRead<{ id: number }>('purchase.order', [['state', '=', 'purchase']], ['id'], { limit: 1 });
    await supervisor.raw('purchase.order', 'button_cancel', [[po?.id]]);
    const credentials = first.users;
    await first.close();

    const second = await startSmallSim({ dataFile: file });
    expect(second.users).toEqual(credentials);
    const again = OdooCaller.as(second, 'supervisor');
    expect(await again.searchRead('res.partner', [['id', '=', partner]], ['name'])).toEqual([{ id: partner, name: 'Persisted Vendor' }]);
    expect(await again.searchRead('purchase.order', [['id', '=', po?.id]], ['state'])).toEqual([{ id: po?.id, state: 'cancel' }]);
    const next = await again.call<number>('res.partner', 'create', [{ name: 'After restart' }]);
    expect(next).toBe(partner + 1);
    await second.close();
  });

  it('keeps committed calls even when the stand-in is not closed cleanly', async () => {
    const file = join(dir, 'crash.jsonl');
    const first = await startSmallSim({ dataFile: file });
    const id = await OdooCaller.as(first, 'admin').call<number>('res.partner', 'create', [{ name: 'Survives a crash' }]);
    // No close(): a second process opens the file as a crashed one would have left it.
    const second = await startSmallSim({ dataFile: file });
    expect(await OdooCaller.as(second, 'admin').searchRead('res.partner', [['id', '=', id]], ['name'])).toEqual([{ id, name: 'Survives a crash' }]);
    await second.close();
    await first.close();
  });

  it('refuses a data file of another Odoo version with a clear message', async () => {
    const file = join(dir, 'v17.jsonl');
    const v17 = await startSmallSim({ dataFile: file, odooVersion: 17 });
    await v17.close();
    await expect(startSmallSim({ dataFile: file, odooVersion: 18 })).rejects.toThrow(`${file} holds an Odoo 17 database; start with --odoo-version 17 or use another --data file`);
  });
});
