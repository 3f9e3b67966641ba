import { SeededRandom } from '../../../shared/demo';

/** What can go wrong with one request, in the order a real network and proxy produce it. */
export type FaultKind =
  | 'drop-before'
  | 'drop-after-commit'
  | 'http-502'
  | 'http-503'
  | 'rate-limit'
  | 'session-expired';

/** Which requests a fault applies to; every given key must match. */
export interface FaultMatch {
  path?: string;
  service?: string;
  model?: string;
  method?: string;
}

export interface FaultPlan {
  /** Added to every request before it is handled. */
  latencyMs?: number;
  /** Probabilities per request, drawn from a generator seeded with `seed`. */
  rates?: Partial<Record<Exclude<FaultKind, 'session-expired'>, number>>;
  retryAfterSeconds?: number;
  match?: FaultMatch;
  seed?: number;
}

export interface RequestFacts {
  path: string;
  service?: string;
  model?: string;
  method?: string;
}

function matches(match: FaultMatch | undefined, facts: RequestFacts): boolean {
  if (!match) return true;
  return (
    (match.path === undefined || match.path === facts.path) &&
    (match.service === undefined || match.service === facts.service) &&
    (match.model === undefined || match.model === facts.model) &&
    (match.method === undefined || match.method === facts.method)
  );
}

/**
 * Fault injection for the stand-in: one-shot faults queued for the next matching requests, and
 * rates drawn from a seeded generator so "drop 20 % of requests" is the same sequence every run.
 */
export class FaultInjector {
  private plan: FaultPlan = {};
  private random = new SeededRandom(1);
  private queue: { kind: FaultKind; match?: FaultMatch }[] = [];
  readonly injected: Record<FaultKind, number> = { 'drop-before': 0, 'drop-after-commit': 0, 'http-502': 0, 'http-503': 0, 'rate-limit': 0, 'session-expired': 0 };

  setPlan(plan: FaultPlan): void {
    this.plan = { ...plan };
    this.random = new SeededRandom(plan.seed ?? 1);
  }

  clear(): void {
    this.plan = {};
    this.queue = [];
  }

  /** The next `count` matching requests get `kind`. */
  failNext(kind: FaultKind, count = 1, match?: FaultMatch): void {
    for (let i = 0; i < count; i++) this.queue.push(match ? { kind, match } : { kind });
  }

  get latencyMs(): number {
    return this.plan.latencyMs ?? 0;
  }

  get retryAfterSeconds(): number {
    return this.plan.retryAfterSeconds ?? 1;
  }

  /** Decides the fault for one request (at most one), consuming queued faults first. */
  decide(facts: RequestFacts): FaultKind | null {
    const index = this.queue.findIndex((entry) => matches(entry.match, facts));
    if (index >= 0) {
      const [entry] = this.queue.splice(index, 1);
      if (entry) {
        this.injected[entry.kind]++;
        return entry.kind;
      }
    }
    const rates = this.plan.rates;
    if (!rates || !matches(this.plan.match, facts)) return null;
    for (const kind of ['drop-before', 'http-502', 'http-503', 'rate-limit', 'drop-after-commit'] as const) {
      const rate = rates[kind];
      if (rate !== undefined && rate > 0 && this.random.float() < rate) {
        this.injected[kind]++;
        return kind;
      }
    }
    return null;
  }
}
