import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { SocketRequest, type SocketMessage } from '../../shared/ipc';
import type { Log } from '../app/log';
import type { PlannerServices } from '../app/compose';
import { dispatchRequest } from '../ipc/dispatch';
import { contentSecurityPolicy } from './content-security-policy';
import { checkSocketUpgrade, FailedAttemptThrottle, SOCKET_PROTOCOL } from './socket-guard';
import { serveRenderer } from './static-files';

export interface HeadlessServer {
  /** The address to open, token included (in the fragment, so it never reaches a server log). */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export interface HeadlessServerOptions {
  services: Pick<PlannerServices, 'handlers' | 'events'>;
  rendererDir: string;
  log: Log;
  /** Listen here or fail (`--port`). */
  port?: number;
  /** Listen here when it is free, else on any free port (the port of the last start). */
  preferredPort?: number;
  token?: string;
}

const LOOPBACK = '127.0.0.1';

/**
 * The headless host's transport: serves the built renderer and carries the IPC contract over a
 * WebSocket, on 127.0.0.1 only, for whoever holds this launch's token.
 */
export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const { services, log } = options;
  const token = options.token ?? randomBytes(32).toString('base64url');
  const throttle = new FailedAttemptThrottle();
  let origin = '';
  let headers: Record<string, string> = {};

  let serveFile: ReturnType<typeof serveRenderer> = () => {};
  const server = createServer((request, response) => serveFile(request, response));
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: 1024 * 1024,
    handleProtocols: (protocols) => (protocols.has(SOCKET_PROTOCOL) ? SOCKET_PROTOCOL : false),
  });
  const clients = new Set<WebSocket>();

  const refuse = (socket: Duplex, status: number, reason: string): void => {
    const text = status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Forbidden';
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`);
  };

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const address = request.socket.remoteAddress ?? 'unknown';
    const verdict = checkSocketUpgrade(request, origin, token);
    if (!verdict.ok) {
      const failures = verdict.status === 401 ? throttle.recordFailure(address) : 0;
      const delayMs = verdict.status === 401 ? throttle.delayFor(address) : 0;
      log.warn({ address, origin: request.headers.origin, status: verdict.status, reason: verdict.reason, failures, delayMs }, 'refused a socket connection');
      setTimeout(() => refuse(socket, verdict.status, verdict.reason), delayMs);
      return;
    }
    const delay = throttle.delayFor(address);
    setTimeout(() => {
      throttle.recordSuccess(address);
      sockets.handleUpgrade(request, socket, head, (client) => sockets.emit('connection', client, request));
    }, delay);
  });

  const send = (client: WebSocket, message: SocketMessage): void => {
    if (client.readyState === client.OPEN) client.send(JSON.stringify(message));
  };

  sockets.on('connection', (client: WebSocket) => {
    clients.add(client);
    client.on('close', () => clients.delete(client));
    client.on('message', (data) => {
      let parsed: ReturnType<typeof SocketRequest.safeParse>;
      try {
        parsed = SocketRequest.safeParse(JSON.parse(String(data)));
      } catch {
        log.warn('a socket message was not JSON');
        return;
      }
      if (!parsed.success) {
        log.warn('a socket message was not a planner request');
        return;
      }
      const { id, channel, request } = parsed.data;
      void dispatchRequest(services.handlers, channel, request, log).then((result) => send(client, { type: 'response', id, result }));
    });
  });

  const unsubscribe = services.events.subscribe((event, payload) => {
    for (const client of clients) send(client, { type: 'event', event, payload });
  });

  const listen = (port: number): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, LOOPBACK, () => {
        server.off('error', reject);
        resolve();
      });
    });
  if (options.port !== undefined) await listen(options.port);
  else {
    try {
      await listen(options.preferredPort ?? 0);
    } catch (error) {
      // Last time's port is taken (another program, or a host of another data directory): any free one.
      if (options.preferredPort === undefined || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      log.info({ port: options.preferredPort }, 'the last port is in use; listening on a free one');
      await listen(0);
    }
  }
  const port = (server.address() as AddressInfo).port;
  origin = `http://${LOOPBACK}:${port}`;
  headers = {
    'Content-Security-Policy': contentSecurityPolicy(`ws://${LOOPBACK}:${port}`),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
  serveFile = serveRenderer(options.rendererDir, headers);

  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    async close() {
      unsubscribe();
      for (const client of clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
