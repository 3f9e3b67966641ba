import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store';
import { makeTempDir } from '../../support/temp-dir';

describe('a cache file that cannot be read at start', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir('corrupt')));
  afterEach(() => temp.remove());

  it('is moved aside, never deleted, and a fresh cache is created; the notice says where it went', () => {
    const path = join(temp.path, 'cache.db');
    const garbage = 'this is not a database, it is a shopping list: 12 pallets of wrap';
    writeFileSync(path, garbage.repeat(200));
    const opened = openDatabase(path, { now: () => new Date('2026-11-27T10:15:00.000Z') });
    const moved = readdirSync(temp.path).find((name) => name.startsWith('cache.corrupt-'));
    expect(moved).toBe('cache.corrupt-2026-11-27T10-15-00-000Z.db');
    expect(readFileSync(join(temp.path, moved ?? ''), 'utf8')).toBe(garbage.repeat(200));
    expect(opened.notices).toHaveLength(1);
    expect(opened.notices[0]?.message).toContain(join(temp.path, moved ?? ''));
    expect(opened.notices[0]?.message).toMatch(/could not be read/);
    expect(opened.db.prepare('SELECT count(*) AS n FROM nodes').get()).toEqual({ n: 0 });
    opened.db.close();
  });

  it('moves the write-ahead log with it', () => {
    const path = join(temp.path, 'cache.db');
    writeFileSync(path, 'garbage'.repeat(1000));
    writeFileSync(`${path}-wal`, 'wal bytes');
    const opened = openDatabase(path, { now: () => new Date('2026-11-27T10:15:00.000Z') });
    expect(existsSync(join(temp.path, 'cache.corrupt-2026-11-27T10-15-00-000Z.db-wal'))).toBe(true);
    opened.db.close();
  });

  it('also catches a real SQLite file whose pages are damaged', () => {
    const path = join(temp.path, 'cache.db');
    const first = openDatabase(path);
    first.db.exec("CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO filler SELECT hex(randomblob(200)) FROM n;");
    first.db.pragma('wal_checkpoint(TRUNCATE)');
    first.db.close();
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 4096 * 3, 4096 * 40);
    writeFileSync(path, bytes);
    const opened = openDatabase(path, { now: () => new Date('2026-11-27T11:00:00.000Z') });
    expect(opened.notices[0]?.message).toMatch(/moved to .*cache\.corrupt-2026-11-27T11-00-00-000Z\.db/);
    opened.db.close();
  });

  it('leaves a healthy cache alone', () => {
    const path = join(temp.path, 'cache.db');
    openDatabase(path).db.close();
    const again = openDatabase(path);
    expect(again.notices).toEqual([]);
    expect(readdirSync(temp.path).filter((name) => name.includes('corrupt'))).toEqual([]);
    again.db.close();
  });
});
