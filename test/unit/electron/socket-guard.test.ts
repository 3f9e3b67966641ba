import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkSocketUpgrade, FailedAttemptThrottle } from '../../../electron/headless/socket-guard';

function upgrade(headers: Record<string, string>, url = '/ipc'): IncomingMessage {
  return { url, headers } as unknown as IncomingMessage;
}

describe('socket upgrade check', () => {
  const origin = 'http://127.0.0.1:4000';
  const token = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

  it('lets in the planner page with its token', () => {
    expect(checkSocketUpgrade(upgrade({ origin, 'sec-websocket-protocol': `planner.v1, token.${token}` }), origin, token)).toEqual({ ok: true });
  });

  it('names why anything else is refused', () => {
    expect(checkSocketUpgrade(upgrade({ origin, 'sec-websocket-protocol': `planner.v1, token.${token}` }, '/other'), origin, token)).toMatchObject({ ok: false, status: 404 });
    expect(checkSocketUpgrade(upgrade({ origin: 'http://localhost:4000', 'sec-websocket-protocol': `planner.v1, token.${token}` }), origin, token)).toMatchObject({ ok: false, status: 403 });
    expect(checkSocketUpgrade(upgrade({ origin, 'sec-websocket-protocol': `token.${token}` }), origin, token)).toMatchObject({ ok: false, status: 403 });
    expect(checkSocketUpgrade(upgrade({ origin, 'sec-websocket-protocol': 'planner.v1' }), origin, token)).toEqual({ ok: false, status: 401, reason: 'no token' });
    expect(checkSocketUpgrade(upgrade({ origin, 'sec-websocket-protocol': 'planner.v1, token.nope' }), origin, token)).toEqual({ ok: false, status: 401, reason: 'wrong token' });
  });
});

describe('throttling repeated bad tokens', () => {
  it('doubles the wait after each failure from one address, up to 5 s, and forgets after a quiet minute', () => {
    let now = 0;
    const throttle = new FailedAttemptThrottle(() => now);
    expect(throttle.delayFor('10.0.0.1')).toBe(0);
    const delays = [1, 2, 3, 4, 5, 6, 7].map(() => {
      throttle.recordFailure('10.0.0.1');
      return throttle.delayFor('10.0.0.1');
    });
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
    expect(throttle.delayFor('10.0.0.2')).toBe(0);
    now += 61_000;
    expect(throttle.delayFor('10.0.0.1')).toBe(0);
  });

  it('clears the record once the right token arrives', () => {
    const throttle = new FailedAttemptThrottle(() => 0);
    throttle.recordFailure('a');
    throttle.recordSuccess('a');
    expect(throttle.delayFor('a')).toBe(0);
  });
});
