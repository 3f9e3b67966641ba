import { z } from 'zod';
import { Instant } from '../domain/calendar';
import type { RuleOutcome } from './approval-matrix';

/** One person's decision on one line, as recorded (and signed) on the desktop where it was made. */
export const LineDecision = z.object({
  id: z.string().min(1).max(64),
  lineId: z.string().min(1).max(64),
  decision: z.enum(['approved', 'rejected']),
  /** The role the decision counts for. */
  role: z.string().min(1),
  decidedBy: z.string().min(1).max(200),
  decidedAt: Instant,
  comment: z.string().max(2000).nullable(),
});
export type LineDecision = z.infer<typeof LineDecision>;

export const LineState = z.enum(['auto-approved', 'waiting', 'approved', 'rejected', 'expired']);
export type LineState = z.infer<typeof LineState>;

/** Where a line stands under its routing at a moment: what is done, what is missing, who may decide now. */
export interface LineProgress {
  state: LineState;
  /** Roles whose approval is recorded (in the rule's order). */
  approvedRoles: string[];
  /** Roles still needed: every listed role until one approves (`any`), or each not yet approved (`all`). */
  missingRoles: string[];
  /** When the line escalates, and to whom; null when its rule does not escalate. */
  escalatesAt: string | null;
  escalateTo: string | null;
  /** Past its escalation time while still waiting: marked overdue, and `escalateTo` may decide it. */
  escalated: boolean;
  expiresAt: string | null;
  /** Roles that may decide the line now (empty unless it is waiting). */
  decidableBy: string[];
  /** When the line reached its final state (the decisive decision, or its expiry). */
  settledAt: string | null;
}

const HOUR_MS = 3_600_000;

function plusHours(at: string, hours: number): string {
  return new Date(Date.parse(at) + hours * HOUR_MS).toISOString();
}

function notBefore(at: string, limit: string | null): boolean {
  return limit !== null && Date.parse(at) >= Date.parse(limit);
}

/**
 * Replays a line's decisions in time order under its rule's outcome, as of `now`:
 * - `any`: the first approval by a listed role approves the line; `all`: one approval per listed role;
 * - once escalated (still waiting `escalateAfterHours` after submission), an approval by the
 *   `escalateTo` role approves the line on its own: that is what escalating it means;
 * - the first rejection by a role that may decide rejects the line;
 * - a line still waiting `expiresAfterHours` after submission expires and can no longer be decided.
 * Decisions after the line settled do not change it.
 */
/** When a line routed to `outcome` and submitted at `submittedAt` expires undecided; null when it never does. */
export function expiresAtOf(outcome: RuleOutcome, submittedAt: string): string | null {
  return outcome.decision === 'requires-approval' && outcome.expiresAfterHours !== undefined ? plusHours(submittedAt, outcome.expiresAfterHours) : null;
}

export function lineProgress(outcome: RuleOutcome, input: { submittedAt: string; decisions: readonly LineDecision[]; now: string }): LineProgress {
  if (outcome.decision === 'auto-approve') {
    return { state: 'auto-approved', approvedRoles: [], missingRoles: [], escalatesAt: null, escalateTo: null, escalated: false, expiresAt: null, decidableBy: [], settledAt: input.submittedAt };
  }
  const escalatesAt = outcome.escalateAfterHours !== undefined && outcome.escalateTo ? plusHours(input.submittedAt, outcome.escalateAfterHours) : null;
  const expiresAt = expiresAtOf(outcome, input.submittedAt);
  const escalateTo = escalatesAt ? (outcome.escalateTo ?? null) : null;
  const approved = new Set<string>();
  let state: LineState = 'waiting';
  let settledAt: string | null = null;

  const ordered = [...input.decisions].sort((a, b) => Date.parse(a.decidedAt) - Date.parse(b.decidedAt) || a.id.localeCompare(b.id));
  for (const decision of ordered) {
    if (Date.parse(decision.decidedAt) > Date.parse(input.now)) break;
    if (notBefore(decision.decidedAt, expiresAt)) break;
    const escalatedThen = notBefore(decision.decidedAt, escalatesAt);
    const counts = outcome.roles.includes(decision.role) || (escalatedThen && decision.role === escalateTo);
    if (!counts) continue;
    if (decision.decision === 'rejected') {
      state = 'rejected';
      settledAt = decision.decidedAt;
      break;
    }
    approved.add(decision.role);
    const complete = outcome.mode === 'any' || outcome.roles.every((role) => approved.has(role)) || (escalatedThen && decision.role === escalateTo);
    if (complete) {
      state = 'approved';
      settledAt = decision.decidedAt;
      break;
    }
  }
  if (state === 'waiting' && notBefore(input.now, expiresAt)) {
    state = 'expired';
    settledAt = expiresAt;
  }
  const approvedRoles = outcome.roles.filter((role) => approved.has(role));
  const missingRoles = state === 'approved' ? [] : outcome.mode === 'any' && approvedRoles.length > 0 ? [] : outcome.roles.filter((role) => !approved.has(role));
  const escalated = state === 'waiting' && notBefore(input.now, escalatesAt);
  const decidableBy = state !== 'waiting' ? [] : [...missingRoles, ...(escalated && escalateTo && !missingRoles.includes(escalateTo) ? [escalateTo] : [])];
  return { state, approvedRoles, missingRoles, escalatesAt, escalateTo, escalated, expiresAt, decidableBy, settledAt };
}
