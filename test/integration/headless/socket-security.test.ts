import { request } from 'node:http';
import { writeFileSync } from 'node:fs';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlannerEvents } from '../../../electron/app/planner-events';
import { silentLog } from '../../../electron/app/log';
import { startHeadlessServer, type HeadlessServer } from '../../../electron/headless/headless-server';
import type { RequestHandlers } from '../../../electron/ipc/dispatch';
import { makeTempDir } from '../../support/temp-dir';

function connect(url: string, protocols: string[], origin: string | undefined): Promise<{ opened: boolean; status?: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, protocols, origin ? { origin } : {});
    socket.once('open', () => {
      socket.close();
      resolve({ opened: true });
    });
    socket.once('unexpected-response', (_request, response) => resolve({ opened: false, status: response.statusCode }));
    socket.once('error', () => resolve({ opened: false }));
  });
}

function get(port: number, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the headless host lets in only this launch\'s planner page', () => {
  const renderer = makeTempDir('renderer');
  let server: HeadlessServer;
  const calls: string[] = [];
  beforeAll(async () => {
    writeFileSync(`${renderer.path}/index.html`, '<!doctype html><title>planner</title>');
    const handlers = {
      'app.describe': async () => {
        calls.push('app.describe');
        throw new Error('not needed here');
      },
    } as unknown as RequestHandlers;
    server = await startHeadlessServer({ services: { handlers, events: new PlannerEvents() }, rendererDir: renderer.path, log: silentLog() });
  });
  afterAll(async () => {
    await server.close();
    renderer.remove();
  });

  it('listens on 127.0.0.1 only and prints a token-bearing address', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('accepts the right token from its own page', async () => {
    await expect(connect(`ws://127.0.0.1:${server.port}/ipc`, ['planner.v1', `token.${server.token}`], server.origin)).resolves.toEqual({ opened: true });
  });

  it('refuses a connection without a token, with a wrong token, or from another origin', async () => {
    const url = `ws://127.0.0.1:${server.port}/ipc`;
    await expect(connect(url, ['planner.v1'], server.origin)).resolves.toEqual({ opened: false, status: 401 });
    await expect(connect(url, ['planner.v1', 'token.guess'], server.origin)).resolves.toEqual({ opened: false, status: 401 });
    await expect(connect(url, ['planner.v1', `token.${server.token}`], 'https://evil.example')).resolves.toEqual({ opened: false, status: 403 });
    await expect(connect(url, ['planner.v1', `token.${server.token}`], undefined)).resolves.toEqual({ opened: false, status: 403 });
    expect(calls).toEqual([]);
  });

  it('serves the renderer with a strict Content-Security-Policy and nothing outside its folder', async () => {
    const page = await get(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect((await get(server.port, '/../../../etc/passwd')).status).toBe(404);
    expect((await get(server.port, '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });
});
