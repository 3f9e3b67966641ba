import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startHeadlessPlanner, type HeadlessProcess } from '../../support/headless-process';
import { makeTempDir } from '../../support/temp-dir';

describe('the headless host comes back on the same address', () => {
  const data = makeTempDir('remembered-port');
  const running: HeadlessProcess[] = [];
  afterAll(async () => {
    for (const host of running) await host.stop();
    data.remove();
  });

  it('listens on the last start’s port, so the browser keeps the planner’s files; a new token all the same', async () => {
    const first = await startHeadlessPlanner(data.path, ['--demo-nodes', '2', '--demo-skus', '20']);
    running.push(first);
    await first.stop();
    const second = await startHeadlessPlanner(data.path, ['--demo-nodes', '2', '--demo-skus', '20']);
    running.push(second);
    expect(second.origin).toBe(first.origin);
    expect(second.token).not.toBe(first.token);
    const asset = (await (await fetch(second.url.split('#')[0] ?? '')).text()).match(/\/assets\/[^"]+\.js/)?.[0];
    const answer = await fetch(`${second.origin}${asset}`);
    expect(answer.headers.get('cache-control')).toBe('max-age=31536000, immutable');
    await second.stop();
  });

  it('takes any free port when that one is busy, and remembers the new one', async () => {
    const third = await startHeadlessPlanner(data.path, ['--demo-nodes', '2', '--demo-skus', '20']);
    running.push(third);
    const port = Number(new URL(third.origin).port);
    await third.stop();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      const fourth = await startHeadlessPlanner(data.path, ['--demo-nodes', '2', '--demo-skus', '20']);
      running.push(fourth);
      expect(fourth.origin).not.toBe(third.origin);
      await fourth.stop();
      const fifth = await startHeadlessPlanner(data.path, ['--demo-nodes', '2', '--demo-skus', '20']);
      running.push(fifth);
      expect(fifth.origin).toBe(fourth.origin);
    } finally {
      squatter.close();
    }
  });
});
