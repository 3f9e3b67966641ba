import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlanner } from '../../../electron/cli/run-planner';
import { AuditLog } from '../../../electron/services/audit';
import { openDatabase } from '../../../electron/services/store';
import { makeTempDir } from '../../support/temp-dir';

const run = promisify(execFile);

async function verify(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runPlanner(['audit', 'verify', ...args], { out: (line) => (out += `${line}\n`), err: (line) => (err += `${line}\n`) });
  return { code, out, err };
}

describe('npm run planner -- audit verify', () => {
  const data = makeTempDir('audit-verify');
  const cache = join(data.path, 'cache.db');

  beforeAll(() => {
    const { db } = openDatabase(cache);
    const audit = new AuditLog(db);
    audit.append({ kind: 'batch-submitted', at: '2026-03-02T08:00:00.000Z', actor: 'anna.planner', batchId: 'B1', lineIds: ['L1', 'L2'] });
    audit.append({ kind: 'decision-made', at: '2026-03-02T09:00:00.000Z', actor: 'ben.ops', batchId: 'B1', lineId: 'L1', decision: 'approved', role: 'regional-ops', comment: 'ok', device: 'D1', signature: null });
    audit.append({ kind: 'decision-made', at: '2026-03-02T09:05:00.000Z', actor: 'ben.ops', batchId: 'B1', lineId: 'L2', decision: 'rejected', role: 'regional-ops', comment: 'no', device: 'D1', signature: null });
    db.close();
  });
  afterAll(() => data.remove());

  it('reports an intact chain with its length and last hash, and exits 0', async () => {
    const result = await verify(['--data-dir', data.path]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(new RegExp(`^audit verify: the chain in ${data.path} holds: 3 entries, each linked to the one before and unchanged; last hash [0-9a-f]{64}\\n$`));
  });

  it('names the first entry changed behind the planner’s back (someone dropped the guard and edited the file), and exits 1', async () => {
    const db = new Database(cache);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET body = replace(body, '\"approved\"', '\"rejected\"') WHERE seq = 2").run();
    db.close();
    const result = await verify(['--data-dir', data.path]);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`planner audit verify: the audit chain in ${data.path} is broken at entry 2: entry 2 was changed after it was written (its content no longer matches its hash) (the 1 entry before it holds)\n`);
  });

  it('says plainly when there is no planner data, or the option is misused', async () => {
    const empty = makeTempDir('audit-verify-empty');
    try {
      expect(await verify(['--data-dir', empty.path])).toMatchObject({ code: 1, err: expect.stringContaining(`there is no planner data in ${empty.path} (no cache.db)`) });
    } finally {
      empty.remove();
    }
    expect(await verify(['--data-dir'])).toMatchObject({ code: 2, err: expect.stringContaining('--data-dir needs a value') });
    expect(await verify(['--region', 'Not A Region'])).toMatchObject({ code: 2 });
  });

  it('runs from the real command line, reading PLANNER_DATA_DIR when no --data-dir is given', async () => {
    const failure = await run(process.execPath, ['--import', 'tsx', 'electron/cli/planner.ts', 'audit', 'verify'], { env: { ...process.env, PLANNER_DATA_DIR: data.path } }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failure ? failure.code : 0).toBe(1);
    expect('stderr' in failure ? failure.stderr : '').toContain('is broken at entry 2');
  });
});
