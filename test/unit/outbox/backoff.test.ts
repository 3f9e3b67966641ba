import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, Circuit } from '../../../electron/services/outbox';

const policy = { baseMs: 1_000, capMs: 60_000 };

describe('capped exponential backoff with full jitter', () => {
  it('draws the wait uniformly below a ceiling that doubles with each failure, up to the cap', () => {
    const top = (failures: number): number => backoffDelayMs(failures, policy, () => 0.999_999);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(top)).toEqual([999, 1_999, 3_999, 7_999, 15_999, 31_999, 59_999, 59_999]);
    expect(backoffDelayMs(5, policy, () => 0)).toBe(0);
    expect(backoffDelayMs(5, policy, () => 0.5)).toBe(8_000);
  });

  it('never comes back sooner than Retry-After asked, even when the draw is shorter', () => {
    expect(backoffDelayMs(1, policy, () => 0, 2_500)).toBe(2_500);
    expect(backoffDelayMs(8, policy, () => 0.9, 2_500)).toBe(54_000);
  });

  it('stays within [0, ceiling) for any failure count and draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, draw) => {
        const delay = backoffDelayMs(failures, policy, () => draw);
        const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(failures - 1, 30));
        return delay >= 0 && delay < ceiling && Number.isInteger(delay);
      }),
    );
  });
});

describe('the circuit', () => {
  const circuitPolicy = { failuresToOpen: 3, probe: { baseMs: 1_000, capMs: 8_000 } };

  it('opens after a run of failures, not after failures a success interrupted', () => {
    const circuit = new Circuit(circuitPolicy, () => 0.5);
    expect(circuit.failed(0, 'down')).toBe(false);
    expect(circuit.failed(0, 'down')).toBe(false);
    circuit.succeeded();
    expect(circuit.failed(0, 'down')).toBe(false);
    expect(circuit.failed(0, 'down')).toBe(false);
    expect(circuit.state).toBe('closed');
    expect(circuit.failed(10_000, 'down for good')).toBe(true);
    expect([circuit.state, circuit.reason, circuit.nextProbeAt]).toEqual(['open', 'down for good', 10_500]);
  });

  it('probes less and less often while Odoo stays down, and closes on the first probe that answers', () => {
    const circuit = new Circuit(circuitPolicy, () => 0.999);
    circuit.open(0, 'refused');
    const probes = [circuit.nextProbeAt];
    for (let i = 0; i < 5; i++) {
      circuit.probeFailed(probes[probes.length - 1] as number, 'still down');
      probes.push(circuit.nextProbeAt);
    }
    const gaps = probes.slice(1).map((at, index) => at - (probes[index] as number));
    expect(gaps).toEqual([1_998, 3_996, 7_992, 7_992, 7_992]);
    circuit.succeeded();
    expect([circuit.state, circuit.reason]).toEqual(['closed', null]);
  });
});
