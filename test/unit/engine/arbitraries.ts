import fc from 'fast-check';
import { addDays } from '../../../shared/domain';
import type { NetworkSnapshot, ScenarioEdit } from '../../../shared/domain';
import { networkSnapshot } from '../../factories/snapshot';

export const DAY_ZERO = '2026-03-02';

export interface SmallNetworkShape {
  nodes: number;
  skus: number;
  horizon: number;
  /**
   * Whether positions may start negative (Odoo allows negative quants), −0 among them. Off by
   * default: most properties are about planning from real stock.
   */
  negativeStock: boolean;
}

const quantity = fc.integer({ min: 1, max: 60 });
/** Whole or half units: fractions that still add up exactly, so full and incremental sums can be compared byte for byte. */
const halfQuantity = fc.integer({ min: 1, max: 120 }).map((halves) => halves / 2);

/** A small random network a property test can exercise: a few nodes and SKUs, random flows, lanes, rules and suppliers. */
export function smallNetwork(shape: Partial<SmallNetworkShape> = {}): fc.Arbitrary<NetworkSnapshot> {
  return fc
    .record({
      nodes: fc.integer({ min: 2, max: shape.nodes ?? 4 }),
      skus: fc.integer({ min: 1, max: shape.skus ?? 3 }),
      horizon: fc.constant(shape.horizon ?? 20),
    })
    .chain(({ nodes, skus, horizon }) => {
      const nodeIds = Array.from({ length: nodes }, (_, i) => `N${i + 1}`);
      const skuIds = Array.from({ length: skus }, (_, i) => `S${i + 1}`);
      const node = fc.constantFrom(...nodeIds);
      const sku = fc.constantFrom(...skuIds);
      const day = fc.integer({ min: -3, max: horizon + 2 }).map((offset) => addDays(DAY_ZERO, offset));
      const onHand = shape.negativeStock ? fc.oneof(fc.integer({ min: -60, max: 150 }), fc.constant(-0)) : fc.integer({ min: 0, max: 150 });
      return fc.record({
        nodeIds: fc.constant(nodeIds),
        skuIds: fc.constant(skuIds),
        horizon: fc.constant(horizon),
        prices: fc.array(fc.integer({ min: 2, max: 40 }), { minLength: skus, maxLength: skus }),
        positions: fc.array(fc.record({ nodeId: node, skuId: sku, onHand, reserved: fc.constant(0) }), { maxLength: nodes * skus }),
        supply: fc.array(fc.record({ nodeId: node, skuId: sku, qty: halfQuantity, eta: day, kind: fc.constantFrom('purchase', 'transfer-in', 'transit') }), { maxLength: 12 }),
        demand: fc.array(
          fc.record({ nodeId: node, skuId: sku, qty: halfQuantity, dueDate: day, priority: fc.integer({ min: 1, max: 3 }), unitMargin: fc.integer({ min: 0, max: 10 }) }),
          { maxLength: 16 },
        ),
        lanes: fc.uniqueArray(
          fc.record({ fromNodeId: node, toNodeId: node, transitDays: fc.integer({ min: 0, max: 5 }), costPerUnit: fc.integer({ min: 0, max: 4 }), dailyCapacity: fc.constant(null) }),
          { selector: (lane) => `${lane.fromNodeId}>${lane.toNodeId}`, maxLength: nodes * 2 },
        ),
        rules: fc.uniqueArray(fc.record({ nodeId: node, skuId: sku, min: fc.integer({ min: 0, max: 40 }), extra: fc.integer({ min: 0, max: 60 }) }), {
          selector: (rule) => `${rule.nodeId}/${rule.skuId}`,
          maxLength: nodes * skus,
        }),
        options: fc.array(fc.record({ skuId: sku, leadDays: fc.integer({ min: 0, max: 8 }), minQty: fc.constantFrom(0, 10, 25), multiple: fc.constantFrom(1, 5, 12) }), {
          maxLength: skus * 2,
        }),
      });
    })
    .map((raw) =>
      networkSnapshot({
        dayZero: DAY_ZERO,
        horizonDays: raw.horizon,
        nodes: raw.nodeIds,
        skus: raw.skuIds.map((id, index) => ({ id, unitPrice: raw.prices[index] ?? 10, unitCost: Math.round((raw.prices[index] ?? 10) * 0.6) })),
        positions: raw.positions,
        supply: raw.supply,
        demand: raw.demand,
        lanes: raw.lanes.filter((lane) => lane.fromNodeId !== lane.toNodeId),
        stockRules: raw.rules.map((rule) => ({ nodeId: rule.nodeId, skuId: rule.skuId, min: rule.min, max: rule.min + rule.extra, multiple: 1, safetyStock: 0 })),
        supplierOptions: raw.options.map((option, index) => ({
          id: `O${index + 1}`,
          skuId: option.skuId,
          supplier: `Supplier ${index + 1}`,
          odooPartnerId: null,
          leadDays: option.leadDays,
          minQty: option.minQty,
          multiple: option.multiple,
          unitPrice: 3,
        })),
      }),
    );
}

/**
 * Random edits against a snapshot: mostly well-formed ones naming things that exist, some naming
 * things that do not and some out of the horizon, so refusals are exercised too.
 */
export function editFor(snapshot: NetworkSnapshot, index: number): fc.Arbitrary<ScenarioEdit> {
  const horizon = snapshot.meta.horizonDays;
  // Ids carry their kind (t = transfer, p = purchase), so edits that refer back mostly find what they look for.
  const id = `e${index}`;
  const tid = `t${index}`;
  const pid = `p${index}`;
  const rarelyUnknown = (known: string[], unknown: string): fc.Arbitrary<string> =>
    fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.constant(unknown) });
  const node = rarelyUnknown(snapshot.nodes.map((item) => item.id), 'NX');
  const sku = rarelyUnknown(snapshot.skus.map((item) => item.id), 'SX');
  const date = fc.integer({ min: -1, max: horizon }).map((offset) => addDays(DAY_ZERO, offset));
  const inHorizon = fc.integer({ min: 0, max: horizon - 1 }).map((offset) => addDays(DAY_ZERO, offset));
  const earlier = fc.integer({ min: 0, max: Math.max(0, index - 1) });
  const earlierTransfer = fc.oneof({ weight: 4, arbitrary: earlier.map((k) => `t${k}`) }, { weight: 1, arbitrary: earlier.map((k) => `e${k}`) });
  const supplyId = fc.oneof(fc.constantFrom(...snapshot.supply.map((line) => line.id), 'S-none'), earlier.map((k) => `p${k}`));
  const laneEnds = snapshot.lanes.length > 0 ? fc.constantFrom(...snapshot.lanes) : fc.constant({ fromNodeId: 'N1', toNodeId: 'N2' });
  const optionId = fc.constantFrom(...snapshot.supplierOptions.map((option) => option.id), 'O-none');
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ laneEnds, skuId: sku, qty: quantity, shipDate: date }).map(({ laneEnds, ...rest }) => ({ id: tid, kind: 'add-transfer' as const, fromNodeId: laneEnds.fromNodeId, toNodeId: laneEnds.toNodeId, ...rest })) },
    { weight: 1, arbitrary: fc.record({ fromNodeId: node, toNodeId: node, skuId: sku, qty: quantity, shipDate: inHorizon }).map((rest) => ({ id: tid, kind: 'add-transfer' as const, ...rest })) },
    { weight: 3, arbitrary: fc.record({ transferId: earlierTransfer, qty: fc.option(quantity, { nil: undefined }), shipDate: fc.option(inHorizon, { nil: undefined }) }).filter((edit) => edit.qty !== undefined || edit.shipDate !== undefined).map((rest) => ({ id, kind: 'change-transfer' as const, ...rest })) },
    { weight: 1, arbitrary: fc.record({ transferId: fc.oneof(earlierTransfer, supplyId) }).map((rest) => ({ id, kind: 'remove-transfer' as const, ...rest })) },
    { weight: 2, arbitrary: fc.record({ supplierOptionId: optionId, nodeId: node, qty: quantity, orderDate: date }).map((rest) => ({ id: pid, kind: 'add-purchase' as const, ...rest })) },
    { weight: 2, arbitrary: fc.record({ supplyLineId: supplyId, days: fc.integer({ min: 1, max: 10 }) }).map((rest) => ({ id, kind: 'delay-supply' as const, ...rest })) },
    { weight: 1, arbitrary: fc.record({ supplyLineId: supplyId }).map((rest) => ({ id, kind: 'cancel-supply' as const, ...rest })) },
    { weight: 2, arbitrary: fc.record({ nodeId: fc.option(node, { nil: undefined }), skuId: fc.option(sku, { nil: undefined }), factor: fc.constantFrom(0, 0.5, 1.5, 2, 3) }).map((rest) => ({ id, kind: 'scale-demand' as const, ...rest })) },
    { weight: 2, arbitrary: fc.record({ nodeId: node, skuId: sku, qty: quantity, dueDate: date }).map((rest) => ({ id, kind: 'add-demand' as const, customer: 'Scenario demand', priority: 3, unitMargin: 0, ...rest })) },
    { weight: 2, arbitrary: fc.record({ nodeId: node, from: fc.integer({ min: 0, max: horizon - 1 }), length: fc.integer({ min: 0, max: 6 }) }).map(({ nodeId, from, length }) => ({ id, kind: 'node-outage' as const, nodeId, fromDate: addDays(DAY_ZERO, from), toDate: addDays(DAY_ZERO, Math.min(horizon - 1, from + length)) })) },
    { weight: 2, arbitrary: fc.record({ laneEnds, transitDays: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), costPerUnit: fc.integer({ min: 0, max: 5 }) }).map(({ laneEnds, ...rest }) => ({ id, kind: 'change-lane' as const, fromNodeId: laneEnds.fromNodeId, toNodeId: laneEnds.toNodeId, ...rest })) },
  );
}

export function editSequence(snapshot: NetworkSnapshot, maxLength = 12): fc.Arbitrary<ScenarioEdit[]> {
  return fc.integer({ min: 1, max: maxLength }).chain((length) => fc.tuple(...Array.from({ length }, (_, index) => editFor(snapshot, index))));
}

/**
 * A story around transfers: a few valid transfers first, then changes, removals, outages at their
 * sources and lane changes under them (the edits whose knock-on rows are easiest to miss).
 */
export function transferStory(snapshot: NetworkSnapshot): fc.Arbitrary<ScenarioEdit[]> {
  const horizon = snapshot.meta.horizonDays;
  const lanes = snapshot.lanes;
  if (lanes.length === 0) return fc.constant([]);
  const lane = fc.constantFrom(...lanes);
  const skuId = fc.constantFrom(...snapshot.skus.map((sku) => sku.id));
  const inHorizon = fc.integer({ min: 0, max: horizon - 1 }).map((offset) => addDays(DAY_ZERO, offset));
  const transfers = fc.array(fc.record({ lane, skuId, qty: quantity, shipDate: inHorizon }), { minLength: 1, maxLength: 4 }).map((items) =>
    items.map(({ lane: chosen, ...rest }, index): ScenarioEdit => ({ id: `t${index}`, kind: 'add-transfer', fromNodeId: chosen.fromNodeId, toNodeId: chosen.toNodeId, ...rest })),
  );
  return transfers.chain((opening) => {
    const transferId = fc.constantFrom(...opening.map((edit) => edit.id));
    const sourceNode = fc.constantFrom(...opening.map((edit) => (edit.kind === 'add-transfer' ? edit.fromNodeId : 'N1')));
    const follow = fc.oneof(
      fc.record({ transferId, qty: fc.option(quantity, { nil: undefined }), shipDate: inHorizon }).map((rest) => ({ kind: 'change-transfer' as const, ...rest })),
      fc.record({ transferId }).map((rest) => ({ kind: 'remove-transfer' as const, ...rest })),
      fc.record({ nodeId: sourceNode, from: fc.integer({ min: 0, max: horizon - 1 }), length: fc.integer({ min: 0, max: 8 }) }).map(({ nodeId, from, length }) => ({
        kind: 'node-outage' as const,
        nodeId,
        fromDate: addDays(DAY_ZERO, from),
        toDate: addDays(DAY_ZERO, Math.min(horizon - 1, from + length)),
      })),
      fc.record({ lane, transitDays: fc.integer({ min: 0, max: 9 }) }).map(({ lane: chosen, transitDays }) => ({ kind: 'change-lane' as const, fromNodeId: chosen.fromNodeId, toNodeId: chosen.toNodeId, transitDays })),
      fc.record({ skuId: fc.option(skuId, { nil: undefined }), factor: fc.constantFrom(0, 0.5, 2) }).map((rest) => ({ kind: 'scale-demand' as const, ...rest })),
    );
    return fc.array(follow, { minLength: 1, maxLength: 8 }).map((rest) => [...opening, ...rest.map((edit, index): ScenarioEdit => ({ id: `f${index}`, ...edit }))]);
  });
}
