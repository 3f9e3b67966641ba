import { describe, expect, it } from 'vitest';
import { ApprovalMatrix, evaluateLine, explainRouting, matchRule, termsOf, type RuleCondition } from '../../../shared/approvals';
import { DEMO_MATRIX, factsOf, roleName } from './facts';

const explain = (matrix: ApprovalMatrix, facts: ReturnType<typeof factsOf>, seesCosts = true): string => explainRouting(evaluateLine(matrix, facts), { roleName, seesCosts });

describe('the approval matrix, worked examples on the demo region', () => {
  it('routes a 12,400 purchase to Regional Ops and Finance and says why in figures', () => {
    const routing = evaluateLine(DEMO_MATRIX, factsOf({ kind: 'purchase', value: 12_400, supplier: 'Nordic Parts', fromNode: null }));
    expect(routing.ruleId).toBe('large-purchases');
    expect(explainRouting(routing, { roleName })).toBe('needs Regional Ops and Finance: purchase, value 12,400 > 10,000');
    expect(termsOf(routing.outcome, roleName)).toBe('escalates to Finance after 24 h; a purchase is confirmed in Odoo once approved');
  });

  it('sends a 9,000 purchase to the next rule down: Regional Ops alone', () => {
    expect(explain(DEMO_MATRIX, factsOf({ kind: 'purchase', value: 9000, fromNode: null }))).toBe('needs Regional Ops: purchase');
  });

  it('auto-approves a 1,500 transfer inside the region', () => {
    const routing = evaluateLine(DEMO_MATRIX, factsOf({ value: 1500 }));
    expect(routing.ruleId).toBe('small-transfers');
    expect(routing.outcome).toEqual({ decision: 'auto-approve' });
    expect(explainRouting(routing)).toBe('auto-approved: transfer, value 1,500 ≤ 2,000, inside the region');
  });

  it('treats the limit itself as "at most": 2,000 is auto-approved, 2,000.01 needs Regional Ops', () => {
    expect(evaluateLine(DEMO_MATRIX, factsOf({ value: 2000 })).ruleId).toBe('small-transfers');
    expect(explain(DEMO_MATRIX, factsOf({ value: 2000.01 }))).toBe('needs Regional Ops: transfer');
  });

  it('stops a small transfer that takes its source below committed demand: the first matching rule wins', () => {
    const facts = factsOf({ value: 300, committedDemand: { checked: true, jeopardised: true, node: 'RDC1', shortBy: 40, firstShortDate: '2026-03-12' } });
    const routing = evaluateLine(DEMO_MATRIX, facts);
    expect(routing.ruleId).toBe('protect-committed-demand');
    expect(explainRouting(routing, { roleName })).toBe('needs Regional Ops: takes RDC1 below its committed demand (40 units short from 2026-03-12)');
    expect(termsOf(routing.outcome, roleName)).toBe('escalates to Finance after 8 h; expires 72 h after submission');
  });

  it('routes a transfer whose source could not be checked to a person, never through', () => {
    const routing = evaluateLine(DEMO_MATRIX, factsOf({ value: 10, committedDemand: { checked: false, jeopardised: true, node: 'RDC1', shortBy: 0, firstShortDate: null } }));
    expect(explainRouting(routing, { roleName })).toBe('needs Regional Ops: committed demand at RDC1 could not be checked');
  });

  it('sends a small transfer that crosses regions past the in-region rule to the general transfer rule', () => {
    const routing = evaluateLine(DEMO_MATRIX, factsOf({ value: 800, toNode: 'SIN1', crossRegion: true }));
    expect(routing.ruleId).toBe('transfers');
  });

  it('uses the fallback when no rule matches, and says so', () => {
    const routing = evaluateLine(DEMO_MATRIX, factsOf({ kind: 'allocation-override' }));
    expect(routing.ruleId).toBeNull();
    expect(explainRouting(routing, { roleName })).toBe('needs Regional Ops: no rule matched (fallback)');
  });

  it('leaves the line’s cost out of the explanation for a user who does not see costs', () => {
    const facts = factsOf({ kind: 'purchase', value: 12_400, fromNode: null });
    expect(explain(DEMO_MATRIX, facts, false)).toBe('needs Regional Ops and Finance: purchase, value > 10,000');
    expect(explain(DEMO_MATRIX, facts, false)).not.toContain('12,400');
  });

  it('writes figures the region’s way', () => {
    const routing = evaluateLine(DEMO_MATRIX, factsOf({ kind: 'purchase', value: 12_400.5, fromNode: null }), { locale: 'de-DE' });
    expect(explainRouting(routing, { roleName })).toBe('needs Regional Ops and Finance: purchase, value 12.400,5 > 10.000');
  });
});

describe('each condition on its own', () => {
  const holds = (condition: RuleCondition, facts = factsOf()): string[] | null => matchRule(condition, facts)?.map((reason) => reason.text) ?? null;

  it('kinds: matches the listed kinds only', () => {
    expect(holds({ kinds: ['transfer', 'expedite'] })).toEqual(['transfer']);
    expect(holds({ kinds: ['purchase'] })).toBeNull();
    expect(holds({ kinds: ['allocation-override'] }, factsOf({ kind: 'allocation-override' }))).toEqual(['allocation override']);
  });

  it('valueAbove: strictly above', () => {
    expect(holds({ valueAbove: 499.99 })).toEqual(['value 500 > 499.99']);
    expect(holds({ valueAbove: 500 })).toBeNull();
  });

  it('valueAtMost: at or below', () => {
    expect(holds({ valueAtMost: 500 })).toEqual(['value 500 ≤ 500']);
    expect(holds({ valueAtMost: 499 })).toBeNull();
  });

  it('unitsAbove: strictly more units', () => {
    expect(holds({ unitsAbove: 99 })).toEqual(['100 units > 99']);
    expect(holds({ unitsAbove: 100 })).toBeNull();
  });

  it('unitCostAbove: the item’s unit cost; an unknown cost counts as above', () => {
    expect(holds({ unitCostAbove: 10 })).toEqual(['unit cost 12 > 10']);
    expect(holds({ unitCostAbove: 12 })).toBeNull();
    expect(holds({ unitCostAbove: 500 }, factsOf({ unitCost: null }))).toEqual(['unit cost unknown (limit 500)']);
  });

  it('suppliers: the purchase’s supplier is one of those listed', () => {
    const purchase = factsOf({ kind: 'purchase', supplier: 'Nordic Parts', fromNode: null });
    expect(holds({ suppliers: ['Acme', 'Nordic Parts'] }, purchase)).toEqual(['supplier Nordic Parts']);
    expect(holds({ suppliers: ['Acme'] }, purchase)).toBeNull();
    expect(holds({ suppliers: ['Acme'] })).toBeNull();
  });

  it('crossRegion: true and false both have to match exactly', () => {
    const across = factsOf({ crossRegion: true, toNode: 'SIN1' });
    expect(holds({ crossRegion: true }, across)).toEqual(['crosses regions (RDC1 → SIN1)']);
    expect(holds({ crossRegion: false }, across)).toBeNull();
    expect(holds({ crossRegion: false })).toEqual(['inside the region']);
  });

  it('jeopardisesCommittedDemand: true and false both have to match exactly', () => {
    const risky = factsOf({ committedDemand: { checked: true, jeopardised: true, node: 'RDC1', shortBy: 5, firstShortDate: '2026-03-04' } });
    expect(holds({ jeopardisesCommittedDemand: true }, risky)).toEqual(['takes RDC1 below its committed demand (5 units short from 2026-03-04)']);
    expect(holds({ jeopardisesCommittedDemand: false }, risky)).toBeNull();
    expect(holds({ jeopardisesCommittedDemand: false })).toEqual(['leaves committed demand covered']);
  });

  it('an empty condition matches every line, and every condition given must hold', () => {
    expect(holds({})).toEqual([]);
    expect(holds({ kinds: ['transfer'], valueAbove: 1000 })).toBeNull();
    expect(holds({ kinds: ['transfer'], valueAbove: 100, unitsAbove: 50 })).toEqual(['transfer', 'value 500 > 100', '100 units > 50']);
  });
});

describe('outcomes', () => {
  const matrix = ApprovalMatrix.parse({
    rules: [
      { id: 'either', description: 'Either may approve', when: { kinds: ['transfer'] }, then: { decision: 'requires-approval', roles: ['regional-ops', 'finance'], mode: 'any' } },
      { id: 'catch-all', description: 'Everything else', when: {}, then: { decision: 'requires-approval', roles: ['finance'], mode: 'any', expiresAfterHours: 12 } },
    ],
    fallback: { decision: 'auto-approve' },
  });

  it('names "any" roles with or, "all" roles with and', () => {
    expect(explain(matrix, factsOf())).toBe('needs Regional Ops or Finance: transfer');
    expect(explain(DEMO_MATRIX, factsOf({ kind: 'purchase', value: 20_000, fromNode: null }))).toContain('Regional Ops and Finance');
  });

  it('says when a rule applies to every line, and states expiry without escalation', () => {
    const routing = evaluateLine(matrix, factsOf({ kind: 'purchase' }));
    expect(explainRouting(routing, { roleName })).toBe('needs Finance: the rule applies to every line');
    expect(termsOf(routing.outcome, roleName)).toBe('expires 12 h after submission');
  });

  it('can auto-approve by fallback', () => {
    const routing = evaluateLine(ApprovalMatrix.parse({ rules: [], fallback: { decision: 'auto-approve' } }), factsOf());
    expect(explainRouting(routing)).toBe('auto-approved: no rule matched (fallback)');
    expect(termsOf(routing.outcome)).toBeNull();
  });
});
