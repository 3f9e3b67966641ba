import { describe, expect, it } from 'vitest';
import { generateDemoNetwork } from '../../../shared/demo';
import { buildNetworkModel, formatMoney, proposeReplenishment, ScenarioPlan } from '../../../shared/engine';
import { reasonWithoutCosts, withoutCostText } from '../../../electron/services/scenarios/withhold-costs';
import { staleWarning } from '../../../electron/services/planning/views/stale-data';

describe('reasons for a user who does not see costs', () => {
  const { snapshot } = generateDemoNetwork({ seed: 4, nodes: 5, skus: 150, dayZero: '2026-03-02', takenAt: '2026-03-02T06:00:00.000Z' });
  const { proposals } = proposeReplenishment(new ScenarioPlan(buildNetworkModel(snapshot)));

  it('lose the money sentences and unit costs, and keep everything else', () => {
    expect(withoutCostText('N1 falls below its minimum. Transfer 25 from N2. Ships 2026-03-05, arrives 2026-03-07, in time. Freight 25 × 0.43 = 10.75. Buying from Acme costs less (0.39 a unit) but arrives 2026-03-09, 2 days late.')).toBe(
      'N1 falls below its minimum. Transfer 25 from N2. Ships 2026-03-05, arrives 2026-03-07, in time. Buying from Acme costs less but arrives 2026-03-09, 2 days late.',
    );
    expect(proposals.length).toBeGreaterThan(20);
    for (const proposal of proposals) {
      const { text, figures } = reasonWithoutCosts(proposal.reason);
      expect(text).not.toContain(formatMoney(proposal.cost));
      expect(text).not.toMatch(/Freight|Cost \d| a unit\)/);
      expect(text).toContain('arrives');
      expect(figures).not.toHaveProperty('costPerUnit');
      expect(figures).not.toHaveProperty('unitPrice');
      expect(figures).toHaveProperty('needQty');
    }
  });
});

describe('the stale-data warning on a proposal', () => {
  it('names each node, the kinds of data, their age and the limit', () => {
    expect(
      staleWarning([
        { nodeId: 'RDC1', nodeCode: 'RDC1', kinds: ['stock', 'demand'], ageMinutes: 185, thresholdMinutes: 60 },
        { nodeId: 'FSL01', nodeCode: 'FSL01', kinds: ['supply'], ageMinutes: null, thresholdMinutes: 240 },
      ]),
    ).toBe('Built on stale data: RDC1 stock, demand 3 h old (limit 60 min); FSL01 supply never taken. Sync before acting on it.');
    expect(staleWarning([])).toBeNull();
  });
});
