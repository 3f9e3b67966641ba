import { addDays, daysBetween, type DemandLine, type NetworkSnapshot, type StockPosition, type StockRule, type SupplyLine } from '../../../shared/domain';

/**
 * The whole cached network as one columnar document, kept beside the tables it is derived from.
 * Reading 700,000 rows back out of SQLite as objects takes seconds; parsing columns of numbers
 * takes a fraction of that, so a warm start reads the image and falls back to the tables when it
 * is missing or stale (any write to the network tables drops it).
 */
export const SNAPSHOT_IMAGE_FORMAT = 1;

interface Dictionary {
  values: string[];
  index: Map<string, number>;
}

function dictionary(): Dictionary {
  return { values: [], index: new Map() };
}

function code(dict: Dictionary, value: string | null): number {
  if (value === null) return -1;
  let found = dict.index.get(value);
  if (found === undefined) {
    found = dict.values.length;
    dict.values.push(value);
    dict.index.set(value, found);
  }
  return found;
}

interface Columns {
  format: number;
  head: Pick<NetworkSnapshot, 'meta' | 'nodes' | 'skus' | 'lanes' | 'supplierOptions' | 'freshness'>;
  strings: { customers: string[]; counterparties: string[]; sourceModels: string[]; kinds: string[] };
  positions: { node: number[]; sku: number[]; onHand: number[]; reserved: number[] };
  rules: { node: number[]; sku: number[]; min: number[]; max: number[]; multiple: number[]; safety: number[] };
  supply: { id: string[]; node: number[]; sku: number[]; qty: number[]; eta: number[]; kind: number[]; counterparty: number[]; sourceModel: number[]; sourceId: number[]; sourceName: (string | null)[] };
  demand: { id: string[]; node: number[]; sku: number[]; qty: number[]; due: number[]; customer: number[]; priority: number[]; margin: number[]; sourceModel: number[]; sourceId: number[]; sourceName: (string | null)[] };
}

export function encodeSnapshotImage(snapshot: NetworkSnapshot): string {
  const nodeIndex = new Map(snapshot.nodes.map((node, index) => [node.id, index]));
  const skuIndex = new Map(snapshot.skus.map((sku, index) => [sku.id, index]));
  const nodeOf = (id: string): number => nodeIndex.get(id) ?? -1;
  const skuOf = (id: string): number => skuIndex.get(id) ?? -1;
  const dayZero = snapshot.meta.dayZero;
  const customers = dictionary();
  const counterparties = dictionary();
  const sourceModels = dictionary();
  const kinds = dictionary();
  const columns: Columns = {
    format: SNAPSHOT_IMAGE_FORMAT,
    head: { meta: snapshot.meta, nodes: snapshot.nodes, skus: snapshot.skus, lanes: snapshot.lanes, supplierOptions: snapshot.supplierOptions, freshness: snapshot.freshness },
    strings: { customers: customers.values, counterparties: counterparties.values, sourceModels: sourceModels.values, kinds: kinds.values },
    positions: { node: [], sku: [], onHand: [], reserved: [] },
    rules: { node: [], sku: [], min: [], max: [], multiple: [], safety: [] },
    supply: { id: [], node: [], sku: [], qty: [], eta: [], kind: [], counterparty: [], sourceModel: [], sourceId: [], sourceName: [] },
    demand: { id: [], node: [], sku: [], qty: [], due: [], customer: [], priority: [], margin: [], sourceModel: [], sourceId: [], sourceName: [] },
  };
  for (const position of snapshot.positions) {
    columns.positions.node.push(nodeOf(position.nodeId));
    columns.positions.sku.push(skuOf(position.skuId));
    columns.positions.onHand.push(position.onHand);
    columns.positions.reserved.push(position.reserved);
  }
  for (const rule of snapshot.stockRules) {
    columns.rules.node.push(nodeOf(rule.nodeId));
    columns.rules.sku.push(skuOf(rule.skuId));
    columns.rules.min.push(rule.min);
    columns.rules.max.push(rule.max);
    columns.rules.multiple.push(rule.multiple);
    columns.rules.safety.push(rule.safetyStock);
  }
  const s = columns.supply;
  for (const line of snapshot.supply) {
    s.id.push(line.id);
    s.node.push(nodeOf(line.nodeId));
    s.sku.push(skuOf(line.skuId));
    s.qty.push(line.qty);
    s.eta.push(daysBetween(dayZero, line.eta));
    s.kind.push(code(kinds, line.kind));
    s.counterparty.push(code(counterparties, line.counterparty));
    s.sourceModel.push(code(sourceModels, line.source?.model ?? null));
    s.sourceId.push(line.source?.id ?? 0);
    s.sourceName.push(line.source?.name ?? null);
  }
  const d = columns.demand;
  for (const line of snapshot.demand) {
    d.id.push(line.id);
    d.node.push(nodeOf(line.nodeId));
    d.sku.push(skuOf(line.skuId));
    d.qty.push(line.qty);
    d.due.push(daysBetween(dayZero, line.dueDate));
    d.customer.push(code(customers, line.customer));
    d.priority.push(line.priority);
    d.margin.push(line.unitMargin);
    d.sourceModel.push(code(sourceModels, line.source?.model ?? null));
    d.sourceId.push(line.source?.id ?? 0);
    d.sourceName.push(line.source?.name ?? null);
  }
  return JSON.stringify(columns);
}

/** Returns null for an image of another format: the caller then reads the tables. */
export function decodeSnapshotImage(text: string): NetworkSnapshot | null {
  const columns = JSON.parse(text) as Columns;
  if (columns.format !== SNAPSHOT_IMAGE_FORMAT) return null;
  const { head, strings } = columns;
  const nodeIds = head.nodes.map((node) => node.id);
  const skuIds = head.skus.map((sku) => sku.id);
  const dayZero = head.meta.dayZero;
  const dates = new Map<number, string>();
  const dateOf = (offset: number): string => {
    let date = dates.get(offset);
    if (date === undefined) {
      date = addDays(dayZero, offset);
      dates.set(offset, date);
    }
    return date;
  };
  const at = <T>(values: T[], index: number): T => values[index] as T;
  const text_ = (values: string[], index: number): string | null => (index < 0 ? null : at(values, index));

  const p = columns.positions;
  const positions: StockPosition[] = new Array(p.node.length);
  for (let i = 0; i < p.node.length; i++) {
    positions[i] = { nodeId: at(nodeIds, at(p.node, i)), skuId: at(skuIds, at(p.sku, i)), onHand: at(p.onHand, i), reserved: at(p.reserved, i) };
  }
  const r = columns.rules;
  const stockRules: StockRule[] = new Array(r.node.length);
  for (let i = 0; i < r.node.length; i++) {
    stockRules[i] = { nodeId: at(nodeIds, at(r.node, i)), skuId: at(skuIds, at(r.sku, i)), min: at(r.min, i), max: at(r.max, i), multiple: at(r.multiple, i), safetyStock: at(r.safety, i) };
  }
  const s = columns.supply;
  const supply: SupplyLine[] = new Array(s.id.length);
  for (let i = 0; i < s.id.length; i++) {
    const model = text_(strings.sourceModels, at(s.sourceModel, i));
    supply[i] = {
      id: at(s.id, i),
      nodeId: at(nodeIds, at(s.node, i)),
      skuId: at(skuIds, at(s.sku, i)),
      qty: at(s.qty, i),
      eta: dateOf(at(s.eta, i)),
      kind: at(strings.kinds, at(s.kind, i)) as SupplyLine['kind'],
      counterparty: text_(strings.counterparties, at(s.counterparty, i)),
      source: model === null ? null : { model, id: at(s.sourceId, i), name: at(s.sourceName, i) ?? '' },
    };
  }
  const d = columns.demand;
  const demand: DemandLine[] = new Array(d.id.length);
  for (let i = 0; i < d.id.length; i++) {
    const model = text_(strings.sourceModels, at(d.sourceModel, i));
    demand[i] = {
      id: at(d.id, i),
      nodeId: at(nodeIds, at(d.node, i)),
      skuId: at(skuIds, at(d.sku, i)),
      qty: at(d.qty, i),
      dueDate: dateOf(at(d.due, i)),
      customer: at(strings.customers, at(d.customer, i)),
      priority: at(d.priority, i),
      unitMargin: at(d.margin, i),
      source: model === null ? null : { model, id: at(d.sourceId, i), name: at(d.sourceName, i) ?? '' },
    };
  }
  return { ...head, positions, stockRules, supply, demand };
}
