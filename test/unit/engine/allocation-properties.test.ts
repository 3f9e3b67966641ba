import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AllocationPlan, NetworkSnapshot } from '../../../shared/domain';
import { allocateDemand, buildNetworkModel, ScenarioPlan } from '../../../shared/engine';
import { networkSnapshot } from '../../factories/snapshot';
import { DAY_ZERO, smallNetwork } from './arbitraries';

function allocate(snapshot: NetworkSnapshot): AllocationPlan {
  return allocateDemand(new ScenarioPlan(buildNetworkModel(snapshot)));
}

function servedById(plan: AllocationPlan): Record<string, number> {
  return Object.fromEntries(plan.lines.map((line) => [line.demandLineId, line.servedQty]));
}

/** One SKU, every node joined to every other: all lines draw on one pool of stock. */
const onePool = fc
  .record({
    nodes: fc.integer({ min: 1, max: 4 }),
    stock: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 4, maxLength: 4 }),
    orders: fc.array(fc.record({ node: fc.nat(), qty: fc.integer({ min: 1, max: 90 }), priority: fc.integer({ min: 1, max: 3 }), due: fc.integer({ min: 0, max: 20 }) }), { minLength: 1, maxLength: 10 }),
  })
  .map(({ nodes, stock, orders }) => {
    const nodeIds = Array.from({ length: nodes }, (_, i) => `N${i + 1}`);
    return networkSnapshot({
      dayZero: DAY_ZERO,
      nodes: nodeIds,
      skus: [{ id: 'S1', unitPrice: 20 }],
      positions: nodeIds.map((nodeId, i) => ({ nodeId, skuId: 'S1', onHand: stock[i] ?? 0, reserved: 0 })),
      demand: orders.map((order, i) => ({
        id: `L${String(i).padStart(2, '0')}`,
        nodeId: nodeIds[order.node % nodes] as string,
        skuId: 'S1',
        qty: order.qty,
        priority: order.priority,
        dueDate: new Date(Date.parse(`${DAY_ZERO}T00:00:00Z`) + order.due * 86_400_000).toISOString().slice(0, 10),
      })),
      lanes: nodeIds.flatMap((from) => nodeIds.filter((to) => to !== from).map((to) => ({ fromNodeId: from, toNodeId: to, transitDays: 1, costPerUnit: 1, dailyCapacity: null }))),
    });
  });

// Hundreds of random cases: generous time on a shared machine (no timing is asserted).
describe('allocation on random networks', { timeout: 120_000 }, () => {
  it('never ships more than a node holds, and only from nodes that hold the SKU and have a lane to the order', () => {
    fc.assert(
      fc.property(smallNetwork({ nodes: 5, skus: 3, horizon: 30 }), (snapshot) => {
        const model = buildNetworkModel(snapshot);
        const plan = allocate(snapshot);
        const shipped = new Map<string, number>();
        for (const line of plan.lines) {
          expect(line.servedQty).toBeLessThanOrEqual(line.qty + 1e-9);
          for (const part of line.parts) {
            const key = `${part.nodeId}/${line.skuId}`;
            shipped.set(key, (shipped.get(key) ?? 0) + part.qty);
            if (part.nodeId !== line.currentNodeId) {
              expect(snapshot.lanes.some((lane) => lane.fromNodeId === part.nodeId && lane.toNodeId === line.currentNodeId)).toBe(true);
            }
          }
        }
        for (const [key, qty] of shipped) {
          const [nodeId, skuId] = key.split('/') as [string, string];
          const row = (model.nodeIndex.get(nodeId) ?? 0) * model.skuCount + (model.skuIndex.get(skuId) ?? 0);
          const onHand = Math.max(0, model.onHand[row] ?? 0);
          const inbound = snapshot.supply
            .filter((line) => line.nodeId === nodeId && line.skuId === skuId && line.eta < new Date(Date.parse(`${DAY_ZERO}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10))
            .reduce((sum, line) => sum + line.qty, 0);
          expect(onHand + inbound).toBeGreaterThan(0);
          expect(qty).toBeLessThanOrEqual(onHand + inbound + 1e-6);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('serves higher priority first and shares among equals in proportion to need, within one unit', () => {
    fc.assert(
      fc.property(onePool, (snapshot) => {
        const plan = allocate(snapshot);
        const pool = snapshot.positions.reduce((sum, position) => sum + position.onHand, 0);
        let left = pool;
        for (const priority of [1, 2, 3]) {
          const tier = plan.lines.filter((line) => line.priority === priority);
          const need = tier.reduce((sum, line) => sum + line.qty, 0);
          if (need === 0) continue;
          const share = Math.min(1, left / need);
          for (const line of tier) expect(Math.abs(line.servedQty - share * line.qty)).toBeLessThan(1 + 1e-9);
          left = Math.max(0, left - need);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('decides by rule, not by the order the lines arrive in, and gives the same bytes every time', () => {
    fc.assert(
      fc.property(onePool, fc.integer({ min: 1, max: 1000 }), (snapshot, seed) => {
        const first = allocate(snapshot);
        expect(JSON.stringify(allocate(structuredClone(snapshot)))).toBe(JSON.stringify(first));
        const shuffled = [...snapshot.demand].sort((a, b) => ((a.id.charCodeAt(2) * seed) % 7) - ((b.id.charCodeAt(2) * seed) % 7) || (a.id < b.id ? 1 : -1));
        expect(servedById(allocate({ ...snapshot, demand: shuffled }))).toEqual(servedById(first));
      }),
      { numRuns: 200 },
    );
  });
});
