import { connect as connectTcp } from 'node:net';
import { writeFileSync } from 'node:fs';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlannerEvents } from '../../../electron/app/planner-events';
import { startHeadlessServer, type HeadlessServer } from '../../../electron/headless/headless-server';
import { dispatchRequest, type RequestHandlers } from '../../../electron/ipc/dispatch';
import { capturedLog, type CapturedLog } from '../../support/captured-log';
import { makeTempDir } from '../../support/temp-dir';

function attempt(url: string, protocols: string[], origin: string | undefined): Promise<{ opened: boolean; status?: number; socket?: WebSocket }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, protocols, origin ? { origin } : {});
    socket.once('open', () => resolve({ opened: true, socket }));
    socket.once('unexpected-response', (_request, response) => resolve({ opened: false, status: response.statusCode }));
    socket.once('error', () => resolve({ opened: false }));
  });
}

function tcpReachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const refusals = (log: CapturedLog): Record<string, unknown>[] => log.lines().filter((line) => line.msg === 'refused a socket connection');

describe('the headless host', () => {
  const renderer = makeTempDir('renderer');
  const log = capturedLog();
  let server: HeadlessServer;
  let served = 0;
  beforeAll(async () => {
    writeFileSync(`${renderer.path}/index.html`, '<!doctype html><title>planner</title>');
    const handlers = {
      'app.describe': async () => {
        served++;
        throw new Error('not needed here');
      },
    } as unknown as RequestHandlers;
    server = await startHeadlessServer({ services: { handlers, events: new PlannerEvents() }, rendererDir: renderer.path, log: log.log });
  });
  afterAll(async () => {
    await server.close();
    renderer.remove();
  });

  it('listens on 127.0.0.1 only: not on another loopback address, not on IPv6', async () => {
    expect(await tcpReachable('127.0.0.1', server.port)).toBe(true);
    // A server bound to every interface would answer here too.
    expect(await tcpReachable('127.0.0.2', server.port)).toBe(false);
    expect(await tcpReachable('::1', server.port)).toBe(false);
  });

  it('makes a fresh token per launch', async () => {
    const other = await startHeadlessServer({ services: { handlers: {} as RequestHandlers, events: new PlannerEvents() }, rendererDir: renderer.path, log: log.log });
    expect(other.token).not.toBe(server.token);
    expect(other.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await other.close();
  });

  it('refuses a page from another origin, and logs it', async () => {
    const result = await attempt(`ws://127.0.0.1:${server.port}/ipc`, ['planner.v1', `token.${server.token}`], 'https://evil.example');
    expect(result).toEqual({ opened: false, status: 403 });
    await expect.poll(() => refusals(log).at(-1)).toMatchObject({ status: 403, origin: 'https://evil.example', reason: 'origin https://evil.example is not this planner' });
  });

  it('answers repeated bad tokens ever more slowly, logs each, and lets the right token in after the wait', async () => {
    const url = `ws://127.0.0.1:${server.port}/ipc`;
    const before = refusals(log).length;
    for (const guess of ['guess-1', 'guess-2', 'guess-3']) {
      await expect(attempt(url, ['planner.v1', `token.${guess}`], server.origin)).resolves.toEqual({ opened: false, status: 401 });
    }
    const logged = refusals(log).slice(before);
    expect(logged.map((line) => [line.status, line.reason, line.failures, line.delayMs])).toEqual([
      [401, 'wrong token', 1, 250],
      [401, 'wrong token', 2, 500],
      [401, 'wrong token', 3, 1000],
    ]);
    expect(logged.every((line) => line.address === '127.0.0.1' && line.level === 40)).toBe(true);
    // The guesses themselves are not written down, nor is the real token.
    expect(log.text()).not.toContain('guess-');
    expect(log.text()).not.toContain(server.token);
    const right = await attempt(url, ['planner.v1', `token.${server.token}`], server.origin);
    expect(right.opened).toBe(true);
    right.socket?.close();
    expect(served).toBe(0);
  });

  it('refuses, and logs, a request on a channel outside the contract and a message that is not a request', async () => {
    const opened = await attempt(`ws://127.0.0.1:${server.port}/ipc`, ['planner.v1', `token.${server.token}`], server.origin);
    const socket = opened.socket;
    if (!socket) throw new Error('could not connect');
    const answer = new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
    socket.send(JSON.stringify({ id: 1, channel: 'shell.openExternal', request: { url: 'https://evil.example' } }));
    await expect(answer).resolves.toEqual({ type: 'response', id: 1, result: { ok: false, error: { code: 'unknown-channel', message: '"shell.openExternal" is not a Network Planner request.' } } });
    socket.send('not json at all');
    await expect.poll(() => log.lines().map((line) => line.msg)).toEqual(expect.arrayContaining(['refused a request on a channel outside the contract', 'a socket message was not JSON']));
    expect(log.lines().find((line) => line.msg === 'refused a request on a channel outside the contract')).toMatchObject({ channel: 'shell.openExternal', level: 40 });
    socket.close();
    expect(served).toBe(0);
  });
});

describe('a channel name that is not a channel name', () => {
  it('is neither echoed to the screen nor written to the log', async () => {
    const log = capturedLog();
    const forged = '"}\n{"level":50,"msg":"forged line';
    const result = await dispatchRequest({} as RequestHandlers, forged, {}, log.log);
    expect(result).toEqual({ ok: false, error: { code: 'unknown-channel', message: `A request (not a channel name: ${forged.length} characters) is not a Network Planner request.` } });
    expect(log.text()).not.toContain('forged line');
    expect(await dispatchRequest({} as RequestHandlers, 42, {}, log.log)).toMatchObject({ error: { message: 'A request (a number, not a channel name) is not a Network Planner request.' } });
  });
});
