import { randomBytes } from 'node:crypto';

export interface Session {
  sid: string;
  uid: number;
  login: string;
  db: string;
}

/** Web sessions (`session_id` cookie), as the web client and session-based clients use them. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  create(uid: number, login: string, db: string): Session {
    const session = { sid: randomBytes(20).toString('hex'), uid, login, db };
    this.sessions.set(session.sid, session);
    return session;
  }

  get(sid: string | undefined): Session | undefined {
    return sid ? this.sessions.get(sid) : undefined;
  }

  destroy(sid: string | undefined): void {
    if (sid) this.sessions.delete(sid);
  }

  private readonly failures = new Map<string, { count: number; last: number }>();

  loginFailures(address: string): { count: number; last: number } {
    return this.failures.get(address) ?? { count: 0, last: 0 };
  }

  recordLoginFailure(address: string): void {
    const previous = this.loginFailures(address);
    this.failures.set(address, { count: previous.count + 1, last: Date.now() });
  }

  clearLoginFailures(address: string): void {
    this.failures.delete(address);
  }

  /** Fault injection: every session is gone, as after Odoo's session GC or a changed password. */
  expireAll(): void {
    this.sessions.clear();
  }
}

export function sessionIdFromCookie(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === 'session_id') return rest.join('=');
  }
  return undefined;
}
