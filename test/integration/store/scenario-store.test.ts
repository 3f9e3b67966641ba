import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import type { ScenarioEdit } from '../../../shared/domain';
import { openDatabase, ScenarioStore, StoredEditUnreadableError } from '../../../electron/services/store';
import { makeTempDir } from '../../support/temp-dir';

const base = { regionCode: 'demo', takenAt: '2026-01-05T07:00:00.000Z', dayZero: '2026-01-05' };
const transfer = (id: string, qty: number): ScenarioEdit => ({ id, kind: 'add-transfer', fromNodeId: 'RDC1', toNodeId: 'FSL01', skuId: 'SKU-1', qty, shipDate: '2026-01-07' });

describe('the scenario store', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Database;
  let store: ScenarioStore;
  beforeEach(() => {
    temp = makeTempDir('scenario-store');
    db = openDatabase(`${temp.path}/cache.db`).db;
    store = new ScenarioStore(db);
    store.create({ id: 'sc-1', name: 'More to Gdansk', base, at: '2026-01-05T08:00:00.000Z' });
  });
  afterEach(() => {
    db.close();
    temp.remove();
  });

  it('keeps edits in the order they were made, exactly as given', () => {
    store.appendEdits('sc-1', [transfer('t1', 10), transfer('t2', 20)], '2026-01-05T08:01:00.000Z');
    store.appendEdits('sc-1', [{ id: 'o1', kind: 'node-outage', nodeId: 'RDC1', fromDate: '2026-01-06', toDate: '2026-01-08', note: 'strike' }], '2026-01-05T08:02:00.000Z');
    expect(store.edits('sc-1').map((edit) => edit.id)).toEqual(['t1', 't2', 'o1']);
    expect(store.edits('sc-1')[2]).toEqual({ id: 'o1', kind: 'node-outage', nodeId: 'RDC1', fromDate: '2026-01-06', toDate: '2026-01-08', note: 'strike' });
    expect(store.get('sc-1')).toMatchObject({ position: 3, editCount: 3, base, updatedAt: '2026-01-05T08:02:00.000Z' });
  });

  it('undo moves the position back and keeps the undone edits for redo; a new edit replaces them', () => {
    store.appendEdits('sc-1', [transfer('t1', 10), transfer('t2', 20), transfer('t3', 30)], '2026-01-05T08:01:00.000Z');
    store.setPosition('sc-1', 1, '2026-01-05T08:02:00.000Z');
    expect(store.get('sc-1')).toMatchObject({ position: 1, editCount: 3 });
    expect(store.edits('sc-1').map((edit) => edit.id)).toEqual(['t1', 't2', 't3']);
    store.appendEdits('sc-1', [transfer('t4', 40)], '2026-01-05T08:03:00.000Z');
    expect(store.edits('sc-1').map((edit) => edit.id)).toEqual(['t1', 't4']);
    expect(store.get('sc-1')).toMatchObject({ position: 2, editCount: 2 });
  });

  it('refuses a position outside the stored edits', () => {
    store.appendEdits('sc-1', [transfer('t1', 10)], '2026-01-05T08:01:00.000Z');
    expect(() => store.setPosition('sc-1', 2, '2026-01-05T08:02:00.000Z')).toThrow(/position 2 is outside scenario sc-1's 1 edits/);
    expect(() => store.setPosition('sc-1', -1, '2026-01-05T08:02:00.000Z')).toThrow(/outside/);
    expect(store.get('sc-1')?.position).toBe(1);
  });

  it('writes all of a batch of edits or none of it', () => {
    store.appendEdits('sc-1', [transfer('t1', 10)], '2026-01-05T08:01:00.000Z');
    // The same edit id twice in one scenario breaks the table's uniqueness: nothing of the batch stays.
    expect(() => store.appendEdits('sc-1', [transfer('t2', 20), transfer('t1', 30)], '2026-01-05T08:02:00.000Z')).toThrow();
    expect(store.edits('sc-1').map((edit) => edit.id)).toEqual(['t1']);
    expect(store.get('sc-1')?.position).toBe(1);
  });

  it('names the scenario and the edit when a stored edit can no longer be read', () => {
    store.appendEdits('sc-1', [transfer('t1', 10)], '2026-01-05T08:01:00.000Z');
    db.prepare("UPDATE scenario_edits SET document = '{\"id\":\"t1\",\"kind\":\"add-transfer\",\"qty\":-3}' WHERE scenario_id = 'sc-1'").run();
    expect(() => store.edits('sc-1')).toThrow(StoredEditUnreadableError);
    expect(() => store.edits('sc-1')).toThrow(/edit 1 of scenario sc-1 .* cannot be read/);
  });

  it('deletes a scenario with its edits, and re-bases one only when asked', () => {
    store.appendEdits('sc-1', [transfer('t1', 10)], '2026-01-05T08:01:00.000Z');
    const later = { regionCode: 'demo', takenAt: '2026-01-06T07:00:00.000Z', dayZero: '2026-01-06' };
    expect(store.rebase('sc-1', later, '2026-01-06T08:00:00.000Z').base).toEqual(later);
    expect(store.delete('sc-1')).toBe(true);
    expect(store.get('sc-1')).toBeNull();
    expect((db.prepare('SELECT count(*) AS n FROM scenario_edits').get() as { n: number }).n).toBe(0);
  });
});
