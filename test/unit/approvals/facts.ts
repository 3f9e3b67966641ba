import { ApprovalMatrix, NOT_JEOPARDISED, type LineFacts } from '../../../shared/approvals';

/** A line's facts with everyday values; each test states only what it is about. */
export function factsOf(overrides: Partial<LineFacts> = {}): LineFacts {
  return {
    kind: 'transfer',
    value: 500,
    units: 100,
    unitCost: 12,
    supplier: null,
    fromNode: 'RDC1',
    toNode: 'FSL02',
    crossRegion: false,
    committedDemand: { ...NOT_JEOPARDISED, node: 'RDC1' },
    ...overrides,
  };
}

export const ROLE_NAMES: Record<string, string> = { planner: 'Planner', 'regional-ops': 'Regional Ops', finance: 'Finance' };
export const roleName = (code: string): string => ROLE_NAMES[code] ?? code;

/** The demo region's matrix, rule for rule. */
export const DEMO_MATRIX = ApprovalMatrix.parse({
  rules: [
    {
      id: 'protect-committed-demand',
      description: 'Anything that takes a node below the demand it has committed needs Regional Ops',
      when: { jeopardisesCommittedDemand: true },
      then: { decision: 'requires-approval', roles: ['regional-ops'], mode: 'any', escalateAfterHours: 8, escalateTo: 'finance', expiresAfterHours: 72 },
    },
    { id: 'small-transfers', description: 'Transfers up to 2,000 inside the region go straight through', when: { kinds: ['transfer'], valueAtMost: 2000, crossRegion: false }, then: { decision: 'auto-approve' } },
    {
      id: 'transfers',
      description: 'Larger transfers need Regional Ops',
      when: { kinds: ['transfer'] },
      then: { decision: 'requires-approval', roles: ['regional-ops'], mode: 'any', escalateAfterHours: 24, escalateTo: 'finance' },
    },
    {
      id: 'large-purchases',
      description: 'Purchases above 10,000 need Regional Ops and Finance',
      when: { kinds: ['purchase'], valueAbove: 10000 },
      then: { decision: 'requires-approval', roles: ['regional-ops', 'finance'], mode: 'all', escalateAfterHours: 24, escalateTo: 'finance', confirmPurchase: true },
    },
    { id: 'purchases', description: 'Other purchases need Regional Ops', when: { kinds: ['purchase'] }, then: { decision: 'requires-approval', roles: ['regional-ops'], mode: 'any' } },
    { id: 'expedites', description: 'Expedites cost extra: Finance decides', when: { kinds: ['expedite'] }, then: { decision: 'requires-approval', roles: ['finance'], mode: 'any' } },
  ],
  fallback: { decision: 'requires-approval', roles: ['regional-ops'], mode: 'any' },
});
