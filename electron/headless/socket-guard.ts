import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SOCKET_PROTOCOL = 'planner.v1';
export const TOKEN_PROTOCOL_PREFIX = 'token.';

export type SocketVerdict = { ok: true } | { ok: false; status: 401 | 403 | 404; reason: string };

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Decides whether a WebSocket upgrade may reach the services: the right path, a page served by this
 * host (Origin), and this launch's token. Any web page the user visits can try to open a socket
 * to 127.0.0.1; the Origin check and the token are what stop it.
 */
export function checkSocketUpgrade(request: IncomingMessage, expectedOrigin: string, token: string): SocketVerdict {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== '/ipc') return { ok: false, status: 404, reason: `no socket at ${url.pathname}` };
  const origin = request.headers.origin;
  if (origin !== expectedOrigin) return { ok: false, status: 403, reason: `origin ${origin ?? '(none)'} is not this planner` };
  const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((value) => value.trim());
  if (!offered.includes(SOCKET_PROTOCOL)) return { ok: false, status: 403, reason: 'missing planner protocol' };
  const given = offered.find((value) => value.startsWith(TOKEN_PROTOCOL_PREFIX))?.slice(TOKEN_PROTOCOL_PREFIX.length) ?? '';
  if (!sameToken(given, token)) return { ok: false, status: 401, reason: given ? 'wrong token' : 'no token' };
  return { ok: true };
}

/**
 * Repeated bad tokens from one address are answered more and more slowly (up to 5 s), so guessing
 * the token is impractical, and each one is logged.
 */
export class FailedAttemptThrottle {
  private readonly failures = new Map<string, { count: number; last: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  delayFor(address: string): number {
    const entry = this.failures.get(address);
    if (!entry || this.now() - entry.last > 60_000) return 0;
    return Math.min(5_000, 250 * 2 ** Math.max(0, entry.count - 1));
  }

  recordFailure(address: string): number {
    const current = this.failures.get(address);
    const fresh = !current || this.now() - current.last > 60_000;
    const entry = { count: fresh ? 1 : current.count + 1, last: this.now() };
    this.failures.set(address, entry);
    return entry.count;
  }

  recordSuccess(address: string): void {
    this.failures.delete(address);
  }
}
