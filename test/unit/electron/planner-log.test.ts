import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createLog } from '../../../electron/app/log';
import { makeTempDir } from '../../support/temp-dir';

/** The messages in the planner log file, oldest first (writes land asynchronously, so callers poll). */
function loggedMessages(dataDir: string): string[] {
  const text = readFileSync(join(dataDir, 'logs', 'planner.log'), 'utf8').trim();
  return text === '' ? [] : text.split('\n').map((line) => (JSON.parse(line) as { msg: string }).msg);
}

describe('the planner log file', () => {
  const dirs: { remove(): void }[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

  it('can be flushed at once after it is made, as a planner stopped right after start flushes it on exit', async () => {
    const data = makeTempDir('planner-log');
    dirs.push(data);
    const log = createLog(data.path);
    log.info('starting');
    // What pino does on process exit; it threw "sonic boom is not ready yet" while the file was being opened.
    const stream = (log as unknown as Record<symbol, { flushSync(): void }>)[pino.symbols.streamSym];
    expect(stream).toBeDefined();
    expect(() => stream?.flushSync()).not.toThrow();
    await expect.poll(() => loggedMessages(data.path)).toEqual(['starting']);
  });

  it('appends to the log of earlier starts instead of replacing it', async () => {
    const data = makeTempDir('planner-log');
    dirs.push(data);
    createLog(data.path).info('first start');
    await expect.poll(() => loggedMessages(data.path)).toEqual(['first start']);
    createLog(data.path).info('second start');
    await expect.poll(() => loggedMessages(data.path)).toEqual(['first start', 'second start']);
  });
});
