export interface BackoffPolicy {
  /** The first wait; each failure doubles it. */
  baseMs: number;
  /** No wait is longer than this. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/**
 * Capped exponential backoff with full jitter (a uniform draw between 0 and the capped doubling),
 * so pushers that failed together do not return together. A Retry-After from Odoo or its proxy is
 * a floor: we never come back sooner than the server asked.
 */
export function backoffDelayMs(failures: number, policy: BackoffPolicy, random: () => number, retryAfterMs?: number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs === undefined ? jittered : Math.max(jittered, Math.ceil(retryAfterMs));
}
