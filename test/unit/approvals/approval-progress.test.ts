import { describe, expect, it } from 'vitest';
import { checkDecision, lineProgress, RuleOutcome, type LineDecision } from '../../../shared/approvals';
import { roleName } from './facts';

const SUBMITTED = '2026-03-02T08:00:00.000Z';
const at = (hours: number): string => new Date(Date.parse(SUBMITTED) + hours * 3_600_000).toISOString();

let nextId = 1;
function decision(by: string, role: string, hours: number, verdict: 'approved' | 'rejected' = 'approved'): LineDecision {
  return { id: `d${nextId++}`, lineId: 'L1', decision: verdict, role, decidedBy: by, decidedAt: at(hours), comment: null };
}

const anyOps = RuleOutcome.parse({ decision: 'requires-approval', roles: ['regional-ops'], mode: 'any', escalateAfterHours: 8, escalateTo: 'finance', expiresAfterHours: 72 });
const opsAndFinance = RuleOutcome.parse({ decision: 'requires-approval', roles: ['regional-ops', 'finance'], mode: 'all', escalateAfterHours: 24, escalateTo: 'cfo' });

describe('where a line stands', () => {
  it('an auto-approved line is settled when it is submitted', () => {
    expect(lineProgress({ decision: 'auto-approve' }, { submittedAt: SUBMITTED, decisions: [], now: at(1) })).toMatchObject({ state: 'auto-approved', settledAt: SUBMITTED, decidableBy: [] });
  });

  it('"any": waits for Regional Ops, and one approval approves it', () => {
    const waiting = lineProgress(anyOps, { submittedAt: SUBMITTED, decisions: [], now: at(1) });
    expect(waiting).toMatchObject({ state: 'waiting', missingRoles: ['regional-ops'], decidableBy: ['regional-ops'], escalated: false, escalatesAt: at(8), expiresAt: at(72) });
    const approved = lineProgress(anyOps, { submittedAt: SUBMITTED, decisions: [decision('ben', 'regional-ops', 2)], now: at(3) });
    expect(approved).toMatchObject({ state: 'approved', approvedRoles: ['regional-ops'], missingRoles: [], settledAt: at(2) });
  });

  it('"all": one approval leaves the other role missing; both approve it', () => {
    const half = lineProgress(opsAndFinance, { submittedAt: SUBMITTED, decisions: [decision('ben', 'regional-ops', 1)], now: at(2) });
    expect(half).toMatchObject({ state: 'waiting', approvedRoles: ['regional-ops'], missingRoles: ['finance'], decidableBy: ['finance'] });
    const both = lineProgress(opsAndFinance, { submittedAt: SUBMITTED, decisions: [decision('ben', 'regional-ops', 1), decision('carla', 'finance', 5)], now: at(6) });
    expect(both).toMatchObject({ state: 'approved', approvedRoles: ['regional-ops', 'finance'], settledAt: at(5) });
  });

  it('a rejection by a role that may decide rejects the line, whatever was approved before', () => {
    const rejected = lineProgress(opsAndFinance, { submittedAt: SUBMITTED, decisions: [decision('ben', 'regional-ops', 1), decision('carla', 'finance', 2, 'rejected')], now: at(3) });
    expect(rejected).toMatchObject({ state: 'rejected', settledAt: at(2), decidableBy: [] });
  });

  it('is overdue and escalated 8 h after submission: Finance may then decide it alone', () => {
    const before = lineProgress(anyOps, { submittedAt: SUBMITTED, decisions: [], now: at(7.99) });
    expect(before.escalated).toBe(false);
    const overdue = lineProgress(anyOps, { submittedAt: SUBMITTED, decisions: [], now: at(8) });
    expect(overdue).toMatchObject({ state: 'waiting', escalated: true, decidableBy: ['regional-ops', 'finance'] });
    const byFinance = lineProgress(anyOps, { submittedAt: SUBMITTED, decisions: [decision('carla', 'finance', 9)], now: at(10) });
    expect(byFinance).toMatchObject({ state: 'approved', settledAt: at(9) });
  });

  it('an escalation approval completes an "all" line even with a role still missing', () => {
    const line = lineProgress(opsAndFinance, { submittedAt: SUBMITTED, decisions: [decision('ben', 'regional-ops', 1), decision('dana', 'cfo', 30)], now: at(31) });
    expect(line).toMatchObject({ state: 'approved', settledAt: at(30) });
  });

  it('a decision by the escalation role before the escalation counts for nothing', () => {
    const line = lineProgress(anyOps, { submittedAt: SUBMITTED, decisions: [decision('carla', 'finance', 1)], now: at(2) });
    expect(line).toMatchObject({ state: 'waiting', approvedRoles: [] });
  });

  it('expires 72 h after submission without a decision, and a late decision does not revive it', () => {
    expect(lineProgress(anyOps, { submittedAt: SUBMITTED, decisions: [], now: at(71.9) }).state).toBe('waiting');
    const expired = lineProgress(anyOps, { submittedAt: SUBMITTED, decisions: [decision('ben', 'regional-ops', 73)], now: at(74) });
    expect(expired).toMatchObject({ state: 'expired', settledAt: at(72), decidableBy: [] });
  });

  it('does not look at decisions from the future', () => {
    expect(lineProgress(anyOps, { submittedAt: SUBMITTED, decisions: [decision('ben', 'regional-ops', 5)], now: at(4) }).state).toBe('waiting');
  });
});

describe('segregation of duties', () => {
  const waiting = lineProgress(opsAndFinance, { submittedAt: SUBMITTED, decisions: [], now: at(1) });

  it('nobody decides a line they proposed, whatever roles they hold', () => {
    const check = checkDecision({ progress: waiting, proposedBy: 'anna', decisions: [], decider: { login: 'anna', roles: ['regional-ops', 'finance'] }, roleName });
    expect(check).toEqual({ ok: false, refusal: { code: 'own-line', message: 'anna proposed this line and cannot decide it: another person must (segregation of duties).' } });
  });

  it('nobody decides without a role the line waits for', () => {
    const check = checkDecision({ progress: waiting, proposedBy: 'anna', decisions: [], decider: { login: 'dev', roles: ['viewer'] }, roleName });
    expect(check).toEqual({ ok: false, refusal: { code: 'no-role', message: 'This line waits for Regional Ops or Finance; dev holds viewer.' } });
  });

  it('nobody decides a line twice, not even for their second role', () => {
    const first = decision('sam', 'regional-ops', 0.5);
    const progress = lineProgress(opsAndFinance, { submittedAt: SUBMITTED, decisions: [first], now: at(1) });
    const check = checkDecision({ progress, proposedBy: 'anna', decisions: [first], decider: { login: 'sam', roles: ['regional-ops', 'finance'] }, roleName });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.refusal.code).toBe('already-decided');
    expect(!check.ok && check.refusal.message).toMatch(/^sam already approved this line \(as Regional Ops, /);
  });

  it('counts the decision for the first missing role the decider holds, or the escalation role once escalated', () => {
    expect(checkDecision({ progress: waiting, proposedBy: 'anna', decisions: [], decider: { login: 'sam', roles: ['finance', 'regional-ops'] } })).toEqual({ ok: true, role: 'regional-ops' });
    const late = lineProgress(opsAndFinance, { submittedAt: SUBMITTED, decisions: [], now: at(25) });
    expect(checkDecision({ progress: late, proposedBy: 'anna', decisions: [], decider: { login: 'dana', roles: ['cfo'] } })).toEqual({ ok: true, role: 'cfo' });
    expect(checkDecision({ progress: waiting, proposedBy: 'anna', decisions: [], decider: { login: 'dana', roles: ['cfo'] } }).ok).toBe(false);
  });

  it('refuses settled and expired lines with what happened', () => {
    const done = lineProgress(anyOps, { submittedAt: SUBMITTED, decisions: [decision('ben', 'regional-ops', 1)], now: at(2) });
    const settled = checkDecision({ progress: done, proposedBy: 'anna', decisions: [], decider: { login: 'carla', roles: ['regional-ops'] } });
    expect(!settled.ok && settled.refusal).toEqual({ code: 'settled', message: 'This line is already approved; there is nothing left to decide.' });
    const expired = checkDecision({ progress: lineProgress(anyOps, { submittedAt: SUBMITTED, decisions: [], now: at(80) }), proposedBy: 'anna', decisions: [], decider: { login: 'ben', roles: ['regional-ops'] } });
    expect(!expired.ok && expired.refusal.code).toBe('expired');
  });
});
