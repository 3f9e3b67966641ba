import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoNetwork } from '../../../shared/demo';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate, NetworkCache, openDatabase, CacheFromNewerVersionError, ScenarioStore } from '../../../electron/services/store';
import { makeTempDir } from '../../support/temp-dir';

function schemaOf(db: Database.Database): string[] {
  return (db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string; sql: string | null }[]).map(
    (row) => `${row.type} ${row.name}: ${(row.sql ?? '').replace(/\s+/g, ' ')}`,
  );
}

describe('cache migrations', () => {
  let temp = makeTempDir('migrations');
  afterEach(() => {
    temp.remove();
    temp = makeTempDir('migrations');
  });

  it('build the latest schema from an empty file, in WAL mode', () => {
    const { db } = openDatabase(`${temp.path}/cache.db`);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = schemaOf(db).filter((line) => line.startsWith('table ')).map((line) => line.split(':')[0]);
    expect(tables).toEqual(
      expect.arrayContaining(['table nodes', 'table skus', 'table lanes', 'table stock_rules', 'table supplier_options', 'table stock_positions', 'table supply_lines', 'table demand_lines', 'table snapshot_meta', 'table freshness']),
    );
    db.close();
  });

  // Each earlier version, with data in it, must reach the same schema as a fresh file and keep its rows.
  // Versions may skip numbers when one is reserved for work merged from another branch.
  const earlierVersions = [0, ...MIGRATIONS.map((migration) => migration.version).filter((version) => version < LATEST_SCHEMA_VERSION)];
  for (const version of earlierVersions) {
    it(`upgrade a cache at version ${version} to version ${LATEST_SCHEMA_VERSION} without losing rows`, () => {
      const old = new Database(`${temp.path}/old.db`);
      migrate(old, MIGRATIONS.filter((migration) => migration.version <= version));
      expect(old.pragma('user_version', { simple: true })).toBe(version);
      // Rows as that version's code wrote them, with that version's SQL.
      if (version >= 1) {
        old.exec(`
          INSERT INTO snapshot_meta (id, source, region_code, currency, taken_at, day_zero, horizon_days) VALUES (1, 'demo', 'demo', 'EUR', '2026-01-05T07:00:00.000Z', '2026-01-05', 90);
          INSERT INTO nodes (id, code, name, area, kind) VALUES ('RDC1', 'RDC1', 'Rotterdam DC', 'North', 'regional-warehouse');
          INSERT INTO skus (id, code, name, uom, unit_cost, unit_price) VALUES ('SKU-1', 'SKU-1', 'Bolt', 'Units', 1, 2);
          INSERT INTO stock_positions (node_id, sku_id, on_hand, reserved) VALUES ('RDC1', 'SKU-1', 40, 5);
          INSERT INTO demand_lines (id, node_id, sku_id, qty, due_date, customer, priority, unit_margin) VALUES ('D1', 'RDC1', 'SKU-1', 7, '2026-01-09', 'Acme', 1, 0.5);
        `);
      }
      const before = version >= 1 ? new NetworkCache(old).counts() : null;
      migrate(old, MIGRATIONS);
      const fresh = new Database(`${temp.path}/fresh.db`);
      migrate(fresh, MIGRATIONS);
      expect(schemaOf(old)).toEqual(schemaOf(fresh));
      expect(old.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      if (before) expect(new NetworkCache(old).counts()).toEqual(before);
      // The upgraded cache holds scenarios as well as a fresh one does.
      const scenarios = new ScenarioStore(old);
      scenarios.create({ id: 'sc-1', name: 'After the upgrade', base: { regionCode: 'demo', takenAt: '2026-01-05T07:00:00.000Z', dayZero: '2026-01-05' }, at: '2026-01-05T08:00:00.000Z' });
      scenarios.appendEdits('sc-1', [{ id: 'e1', kind: 'cancel-supply', supplyLineId: 'S1' }], '2026-01-05T08:01:00.000Z');
      expect(scenarios.edits('sc-1')).toEqual([{ id: 'e1', kind: 'cancel-supply', supplyLineId: 'S1' }]);
      old.close();
      fresh.close();
    });
  }

  it('keeps scenarios written at the latest version when the cache is opened again', () => {
    const path = `${temp.path}/cache.db`;
    const first = openDatabase(path).db;
    new ScenarioStore(first).create({ id: 'sc-9', name: 'Kept', base: { regionCode: 'demo', takenAt: '2026-01-05T07:00:00.000Z', dayZero: '2026-01-05' }, at: '2026-01-05T08:00:00.000Z' });
    first.close();
    const again = openDatabase(path).db;
    expect(new ScenarioStore(again).list().map((scenario) => scenario.name)).toEqual(['Kept']);
    again.close();
  });

  it('refuse a cache written by a newer release instead of moving it aside', () => {
    const db = new Database(`${temp.path}/cache.db`);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    expect(() => openDatabase(`${temp.path}/cache.db`)).toThrow(CacheFromNewerVersionError);
    expect(() => openDatabase(`${temp.path}/cache.db`)).toThrow(/newer Network Planner/);
  });

  it('keep a snapshot exactly as written', () => {
    const { db } = openDatabase(`${temp.path}/cache.db`);
    const network = generateDemoNetwork({ seed: 11, nodes: 3, skus: 40, dayZero: '2026-01-05', takenAt: '2026-01-05T07:00:00.000Z' }).snapshot;
    const cache = new NetworkCache(db);
    cache.replaceSnapshot(network);
    const read = cache.readSnapshot();
    const byId = <T extends { id: string }>(items: T[]): T[] => [...items].sort((a, b) => a.id.localeCompare(b.id));
    expect(read?.meta).toEqual(network.meta);
    expect(read?.nodes).toEqual(network.nodes);
    expect(read?.skus).toEqual(network.skus);
    expect(byId(read?.demand ?? [])).toEqual(byId(network.demand));
    expect(byId(read?.supply ?? [])).toEqual(byId(network.supply));
    expect(read?.positions.length).toBe(network.positions.length);
    db.close();
  });
});
