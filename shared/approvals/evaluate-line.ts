import { z } from 'zod';
import { RuleOutcome, type ApprovalMatrix, type RuleCondition } from './approval-matrix';
import type { LineFacts } from './line-facts';

export const ConditionName = z.enum(['kinds', 'valueAbove', 'valueAtMost', 'unitsAbove', 'unitCostAbove', 'suppliers', 'crossRegion', 'jeopardisesCommittedDemand']);
export type ConditionName = z.infer<typeof ConditionName>;

/**
 * Why a rule matched, one condition at a time, in words. `text` carries the line's own figures
 * ("value 12,400 > 10,000"); `withoutCosts` says the same without revealing a cost to a user whose
 * role does not see costs ("value > 10,000").
 */
export const RoutingReason = z.object({ condition: ConditionName, text: z.string(), withoutCosts: z.string() });
export type RoutingReason = z.infer<typeof RoutingReason>;

/** Which rule decided a line, what it requires, and why. Stored with the line and carried in exchange files. */
export const Routing = z.object({
  /** Null: no rule matched and the matrix's fallback applies. */
  ruleId: z.string().nullable(),
  ruleDescription: z.string(),
  outcome: RuleOutcome,
  reasons: z.array(RoutingReason),
});
export type Routing = z.infer<typeof Routing>;

export interface EvaluationOptions {
  /** How figures are written in the explanation (the region's locale). */
  locale?: string;
}

const KIND_NAMES: Record<string, string> = { transfer: 'transfer', purchase: 'purchase', expedite: 'expedite', 'allocation-override': 'allocation override' };

function numberWriter(locale: string): (value: number) => string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (value) => format.format(value);
}

function listOf(items: readonly string[], last: 'or' | 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1] as string}`;
}

/** The reason one condition holds for these facts, or null when it does not hold. */
function conditionHolds(name: ConditionName, condition: RuleCondition, facts: LineFacts, write: (value: number) => string): RoutingReason | null {
  const reason = (text: string, withoutCosts = text): RoutingReason => ({ condition: name, text, withoutCosts });
  switch (name) {
    case 'kinds': {
      const kinds = condition.kinds;
      if (!kinds || !kinds.includes(facts.kind)) return null;
      return reason(KIND_NAMES[facts.kind] ?? facts.kind);
    }
    case 'valueAbove': {
      const limit = condition.valueAbove as number;
      return facts.value > limit ? reason(`value ${write(facts.value)} > ${write(limit)}`, `value > ${write(limit)}`) : null;
    }
    case 'valueAtMost': {
      const limit = condition.valueAtMost as number;
      return facts.value <= limit ? reason(`value ${write(facts.value)} ≤ ${write(limit)}`, `value ≤ ${write(limit)}`) : null;
    }
    case 'unitsAbove': {
      const limit = condition.unitsAbove as number;
      return facts.units > limit ? reason(`${write(facts.units)} units > ${write(limit)}`) : null;
    }
    case 'unitCostAbove': {
      const limit = condition.unitCostAbove as number;
      // An item whose cost the network does not know cannot be shown to be cheap: it counts as above.
      if (facts.unitCost === null) return reason(`unit cost unknown (limit ${write(limit)})`);
      return facts.unitCost > limit ? reason(`unit cost ${write(facts.unitCost)} > ${write(limit)}`, `unit cost > ${write(limit)}`) : null;
    }
    case 'suppliers': {
      const suppliers = condition.suppliers as string[];
      return facts.supplier !== null && suppliers.includes(facts.supplier) ? reason(`supplier ${facts.supplier}`) : null;
    }
    case 'crossRegion': {
      if (facts.crossRegion !== condition.crossRegion) return null;
      const ends = `${facts.fromNode ?? 'supplier'} → ${facts.toNode}`;
      return reason(facts.crossRegion ? `crosses regions (${ends})` : 'inside the region');
    }
    case 'jeopardisesCommittedDemand': {
      const check = facts.committedDemand;
      if (check.jeopardised !== condition.jeopardisesCommittedDemand) return null;
      if (!check.jeopardised) return reason('leaves committed demand covered');
      if (!check.checked) return reason(`committed demand at ${check.node ?? 'the source'} could not be checked`);
      const when = check.firstShortDate ? ` from ${check.firstShortDate}` : '';
      return reason(`takes ${check.node ?? 'the source'} below its committed demand (${write(check.shortBy)} units short${when})`);
    }
  }
}

const CONDITION_ORDER = ConditionName.options;

/** All reasons a rule matches, or null when one of its conditions does not hold. */
export function matchRule(condition: RuleCondition, facts: LineFacts, options: EvaluationOptions = {}): RoutingReason[] | null {
  const write = numberWriter(options.locale ?? 'en-GB');
  const reasons: RoutingReason[] = [];
  for (const name of CONDITION_ORDER) {
    if (condition[name] === undefined) continue;
    const held = conditionHolds(name, condition, facts, write);
    if (!held) return null;
    reasons.push(held);
  }
  return reasons;
}

/** The first rule that matches decides the line; when none does, the matrix's fallback. */
export function evaluateLine(matrix: ApprovalMatrix, facts: LineFacts, options: EvaluationOptions = {}): Routing {
  for (const rule of matrix.rules) {
    const reasons = matchRule(rule.when, facts, options);
    if (reasons) return { ruleId: rule.id, ruleDescription: rule.description, outcome: rule.then, reasons };
  }
  return { ruleId: null, ruleDescription: 'No rule matched, so the region’s fallback applies', outcome: matrix.fallback, reasons: [] };
}

export interface ExplainOptions {
  /** A role's name as the region calls it ("Regional Ops"); the code when unknown. */
  roleName?: (code: string) => string;
  /** False: the explanation leaves out the line's cost figures. */
  seesCosts?: boolean;
}

/** Who a routing needs, in words: "Regional Ops", "Regional Ops or Finance", "Regional Ops and Finance". */
export function requiredRolesText(outcome: RuleOutcome, roleName: (code: string) => string = (code) => code): string {
  if (outcome.decision === 'auto-approve') return 'nobody (auto-approved)';
  return listOf(outcome.roles.map(roleName), outcome.mode === 'any' ? 'or' : 'and');
}

/**
 * The sentence a supervisor reads: "needs Regional Ops: value 12,400 > 10,000",
 * "auto-approved: transfer, value 1,500 ≤ 2,000, inside the region",
 * "needs Regional Ops: no rule matched (fallback)".
 */
export function explainRouting(routing: Routing, options: ExplainOptions = {}): string {
  const seesCosts = options.seesCosts ?? true;
  const why = routing.reasons.length === 0 ? (routing.ruleId === null ? 'no rule matched (fallback)' : 'the rule applies to every line') : routing.reasons.map((reason) => (seesCosts ? reason.text : reason.withoutCosts)).join(', ');
  if (routing.outcome.decision === 'auto-approve') return `auto-approved: ${why}`;
  return `needs ${requiredRolesText(routing.outcome, options.roleName)}: ${why}`;
}

/** The rule's time limits in words: "escalates to Finance after 24 h; expires 72 h after submission". */
export function termsOf(outcome: RuleOutcome, roleName: (code: string) => string = (code) => code): string | null {
  if (outcome.decision === 'auto-approve') return null;
  const terms: string[] = [];
  if (outcome.escalateAfterHours !== undefined && outcome.escalateTo) terms.push(`escalates to ${roleName(outcome.escalateTo)} after ${outcome.escalateAfterHours} h`);
  if (outcome.expiresAfterHours !== undefined) terms.push(`expires ${outcome.expiresAfterHours} h after submission`);
  if (outcome.confirmPurchase) terms.push('a purchase is confirmed in Odoo once approved');
  return terms.length > 0 ? terms.join('; ') : null;
}
