import { type BackoffPolicy, backoffDelayMs } from './backoff';

export interface CircuitPolicy {
  /** Transient failures in a row (no success between) that open the circuit. */
  failuresToOpen: number;
  /** How soon the first health probe runs once open, doubling (with jitter) up to the cap. */
  probe: BackoffPolicy;
}

export const DEFAULT_CIRCUIT: CircuitPolicy = { failuresToOpen: 5, probe: { baseMs: 2_000, capMs: 60_000 } };

export type CircuitState = 'closed' | 'open';

/**
 * While Odoo is down, nobody keeps knocking: after a run of transient failures the circuit opens,
 * pushes stop, and only a cheap health probe (common.version) is tried now and then. The first
 * probe that answers closes it again.
 */
export class Circuit {
  private failuresInARow = 0;
  private probes = 0;
  private openedAt: number | null = null;
  private nextProbe = 0;
  reason: string | null = null;

  constructor(
    private readonly policy: CircuitPolicy,
    private readonly random: () => number,
  ) {}

  get state(): CircuitState {
    return this.openedAt === null ? 'closed' : 'open';
  }

  get nextProbeAt(): number {
    return this.nextProbe;
  }

  succeeded(): void {
    this.failuresInARow = 0;
    this.probes = 0;
    this.openedAt = null;
    this.reason = null;
  }

  /** Returns true when this failure opened the circuit. */
  failed(nowMs: number, reason: string, retryAfterMs?: number): boolean {
    this.failuresInARow++;
    if (this.openedAt !== null || this.failuresInARow < this.policy.failuresToOpen) return false;
    this.open(nowMs, reason, retryAfterMs);
    return true;
  }

  /** Opens at once (e.g. Odoo refused the login: no push can succeed until that changes). */
  open(nowMs: number, reason: string, retryAfterMs?: number): void {
    this.openedAt = nowMs;
    this.reason = reason;
    this.probes = 0;
    this.nextProbe = nowMs + backoffDelayMs(1, this.policy.probe, this.random, retryAfterMs);
  }

  probeFailed(nowMs: number, reason: string): void {
    this.probes++;
    this.reason = reason;
    this.nextProbe = nowMs + backoffDelayMs(this.probes + 1, this.policy.probe, this.random);
  }
}
