import { z } from 'zod';
import { RoleCode } from '../domain/roles';

export const ProposalKind = z.enum(['transfer', 'purchase', 'expedite', 'allocation-override']);
export type ProposalKind = z.infer<typeof ProposalKind>;

/** When a rule applies. Every condition given must hold; an empty condition matches everything. */
export const RuleCondition = z.strictObject({
  kinds: z.array(ProposalKind).min(1).optional(),
  /** Line value in the region's currency. */
  valueAbove: z.number().nonnegative().optional(),
  valueAtMost: z.number().nonnegative().optional(),
  unitsAbove: z.number().nonnegative().optional(),
  unitCostAbove: z.number().nonnegative().optional(),
  suppliers: z.array(z.string().min(1)).min(1).optional(),
  crossRegion: z.boolean().optional(),
  /** The line takes a node below the demand it has already committed to. */
  jeopardisesCommittedDemand: z.boolean().optional(),
});
export type RuleCondition = z.infer<typeof RuleCondition>;

export const RuleOutcome = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('auto-approve') }),
  z.strictObject({
    decision: z.literal('requires-approval'),
    roles: z.array(RoleCode).min(1),
    /** `any`: one approval from any listed role is enough; `all`: one from each. */
    mode: z.enum(['any', 'all']),
    escalateAfterHours: z.number().positive().optional(),
    escalateTo: RoleCode.optional(),
    expiresAfterHours: z.number().positive().optional(),
    /** Where the matrix says so, a purchase is pushed as a confirmed PO rather than a draft RFQ. */
    confirmPurchase: z.boolean().optional(),
  }),
]);
export type RuleOutcome = z.infer<typeof RuleOutcome>;

export const ApprovalRule = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]{2,40}$/, 'rule ids are lower-case words joined by dashes'),
    description: z.string().min(1),
    when: RuleCondition,
    then: RuleOutcome,
  })
  .refine((rule) => rule.then.decision !== 'requires-approval' || rule.then.escalateAfterHours === undefined || rule.then.escalateTo !== undefined, {
    message: 'escalateAfterHours needs escalateTo',
    path: ['then', 'escalateTo'],
  });
export type ApprovalRule = z.infer<typeof ApprovalRule>;

/** Ordered rules: the first that matches a line decides it. A line no rule matches needs the fallback. */
export const ApprovalMatrix = z.strictObject({
  rules: z.array(ApprovalRule),
  fallback: RuleOutcome,
});
export type ApprovalMatrix = z.infer<typeof ApprovalMatrix>;

/** Every role code a matrix names, with where, so a profile can check them against its roles. */
export function rolesNamedIn(matrix: ApprovalMatrix): { role: string; path: (string | number)[] }[] {
  const named: { role: string; path: (string | number)[] }[] = [];
  const visit = (outcome: RuleOutcome, path: (string | number)[]): void => {
    if (outcome.decision !== 'requires-approval') return;
    outcome.roles.forEach((role, index) => named.push({ role, path: [...path, 'roles', index] }));
    if (outcome.escalateTo) named.push({ role: outcome.escalateTo, path: [...path, 'escalateTo'] });
  };
  matrix.rules.forEach((rule, index) => visit(rule.then, ['rules', index, 'then']));
  visit(matrix.fallback, ['fallback']);
  return named;
}
