import type { LineDecision, LineProgress } from './approval-progress';

export type DecisionRefusalCode = 'own-line' | 'already-decided' | 'no-role' | 'expired' | 'settled';

export interface DecisionRefusal {
  code: DecisionRefusalCode;
  message: string;
}

export type DecisionCheck = { ok: true; role: string } | { ok: false; refusal: DecisionRefusal };

export interface DecisionAttempt {
  progress: LineProgress;
  /** The login that submitted the line. */
  proposedBy: string;
  /** Decisions already recorded on the line. */
  decisions: readonly LineDecision[];
  decider: { login: string; roles: readonly string[] };
  roleName?: (code: string) => string;
}

function nameList(codes: readonly string[], roleName: (code: string) => string, last: 'or' | 'and'): string {
  const names = codes.map(roleName);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${last} ${names[names.length - 1] as string}`;
}

/**
 * Segregation of duties, in one place the services call before recording any decision (made here
 * or imported): nobody decides a line they proposed, nobody decides a line twice (one person holding
 * two roles of an "all" rule is still one pair of eyes), and only a role the line is waiting for, or
 * the role it escalated to, may decide. The role the decision counts for is the first missing role
 * (in the rule's order) the decider holds, else the escalation role.
 */
export function checkDecision(attempt: DecisionAttempt): DecisionCheck {
  const roleName = attempt.roleName ?? ((code: string) => code);
  const refuse = (code: DecisionRefusalCode, message: string): DecisionCheck => ({ ok: false, refusal: { code, message } });
  const { progress, decider } = attempt;
  if (decider.login === attempt.proposedBy) {
    return refuse('own-line', `${decider.login} proposed this line and cannot decide it: another person must (segregation of duties).`);
  }
  const earlier = attempt.decisions.find((decision) => decision.decidedBy === decider.login);
  if (earlier) {
    return refuse('already-decided', `${decider.login} already ${earlier.decision} this line (as ${roleName(earlier.role)}, ${earlier.decidedAt}); a line is decided once per person.`);
  }
  if (progress.state === 'expired') {
    return refuse('expired', `This line expired at ${progress.expiresAt ?? 'its deadline'} without a decision; it has to be proposed again.`);
  }
  if (progress.state !== 'waiting') {
    return refuse('settled', `This line is already ${progress.state}; there is nothing left to decide.`);
  }
  const held = new Set(decider.roles);
  const role = progress.missingRoles.find((code) => held.has(code)) ?? (progress.escalated && progress.escalateTo && held.has(progress.escalateTo) ? progress.escalateTo : undefined);
  if (!role) {
    const yours = decider.roles.length > 0 ? nameList(decider.roles, roleName, 'and') : 'no role';
    return refuse('no-role', `This line waits for ${nameList(progress.decidableBy, roleName, 'or')}; ${decider.login} holds ${yours}.`);
  }
  return { ok: true, role };
}
