import { addDays, DEFAULT_HORIZON_DAYS } from '../domain';
import type {
  AbcClass,
  DemandLine,
  Lane,
  LocalDate,
  NetworkSnapshot,
  Node,
  Sku,
  StockPosition,
  StockRule,
  SupplierOption,
  SupplyLine,
} from '../domain';
import { AREAS, CITIES, CUSTOMER_KINDS, CUSTOMER_STEMS, PRODUCT_FAMILIES, SUPPLIER_NAMES } from './names';
import { SeededRandom } from './random';

export interface DemoNetworkOptions {
  seed: number;
  nodes: number;
  skus: number;
  /** Day 0 of the plan in the region's time zone; the same seed and day give the same network. */
  dayZero: LocalDate;
  takenAt: string;
  regionCode?: string;
  currency?: string;
  horizonDays?: number;
}

export const DEMO_DEFAULTS = { seed: 42, nodes: 10, skus: 2000 } as const;
export const DEMO_LIMITS = { nodes: { min: 1, max: 60 }, skus: { min: 1, max: 50_000 } } as const;

/** A demand line the demo has already reserved stock for (Odoo: an `assigned` outgoing move). */
export interface DemoReservation {
  demandLineId: string;
  qty: number;
}

export interface DemoCustomer {
  name: string;
  priority: number;
}

export interface DemoNetwork {
  snapshot: NetworkSnapshot;
  reservations: DemoReservation[];
  customers: DemoCustomer[];
  suppliers: string[];
}

interface DemoSku extends Sku {
  seasonal: boolean;
}

const NODE_SIZE: Record<Node['kind'], number> = {
  'regional-warehouse': 1,
  '3pl': 0.7,
  'forward-stocking': 0.35,
  'cross-dock': 0.5,
  hub: 1,
};

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function roundUpToMultiple(qty: number, multiple: number): number {
  return Math.ceil(qty / multiple) * multiple;
}

export function demoNodeLayout(count: number): { regional: number; forward: number; thirdParty: number } {
  const regional = Math.max(1, Math.round(count * 0.3));
  const thirdParty = count >= 3 ? Math.max(1, Math.round(count * 0.1)) : 0;
  return { regional, thirdParty, forward: Math.max(0, count - regional - thirdParty) };
}

function makeNodes(count: number, random: SeededRandom): Node[] {
  const layout = demoNodeLayout(count);
  const start = random.int(0, CITIES.length - 1);
  let taken = 0;
  const nextCity = (): string => {
    const index = taken++;
    const city = CITIES[(start + index) % CITIES.length] ?? 'Depot';
    return index >= CITIES.length ? `${city} ${Math.floor(index / CITIES.length) + 1}` : city;
  };
  const areaFor = (index: number): string =>
    (AREAS[index % AREAS.length] ?? 'Area') + (index >= AREAS.length ? ` ${Math.floor(index / AREAS.length) + 1}` : '');
  const nodes: Node[] = [];
  for (let i = 0; i < layout.regional; i++) {
    const code = `RDC${i + 1}`;
    nodes.push({ id: code, code, name: `${nextCity()} DC`, area: areaFor(i), kind: 'regional-warehouse', odooWarehouseId: null });
  }
  for (let i = 0; i < layout.forward; i++) {
    const code = `FSL${String(i + 1).padStart(2, '0')}`;
    nodes.push({ id: code, code, name: `${nextCity()} FSL`, area: areaFor(i % layout.regional), kind: 'forward-stocking', odooWarehouseId: null });
  }
  for (let i = 0; i < layout.thirdParty; i++) {
    const code = `TPL${i + 1}`;
    nodes.push({ id: code, code, name: `${nextCity()} 3PL`, area: areaFor(i % layout.regional), kind: '3pl', odooWarehouseId: null });
  }
  return nodes;
}

function makeLanes(nodes: Node[], random: SeededRandom): Lane[] {
  const lanes: Lane[] = [];
  const add = (from: Node, to: Node, transit: [number, number], cost: [number, number]): void => {
    lanes.push({
      fromNodeId: from.id,
      toNodeId: to.id,
      transitDays: random.int(transit[0], transit[1]),
      costPerUnit: round2(random.between(cost[0], cost[1])),
      dailyCapacity: random.chance(0.2) ? random.int(20, 120) * 50 : null,
    });
  };
  for (const from of nodes) {
    for (const to of nodes) {
      if (from.id === to.id) continue;
      const sameArea = from.area === to.area;
      const fromDc = from.kind === 'regional-warehouse';
      const toDc = to.kind === 'regional-warehouse';
      if (fromDc && toDc) add(from, to, [2, 4], [0.6, 1.2]);
      else if (sameArea && (fromDc || toDc)) add(from, to, [1, 2], [0.3, 0.6]);
      else if (sameArea) add(from, to, [1, 1], [0.4, 0.7]);
      else if (fromDc) add(from, to, [2, 4], [0.8, 1.5]);
    }
  }
  return lanes;
}

function makeSkus(count: number, random: SeededRandom): DemoSku[] {
  const skus: DemoSku[] = [];
  for (let i = 0; i < count; i++) {
    const family = random.pick(PRODUCT_FAMILIES);
    const variant = random.pick(family.variants);
    const draw = random.float();
    const abcClass: AbcClass = draw < 0.15 ? 'A' : draw < 0.45 ? 'B' : 'C';
    const median = abcClass === 'A' ? 12 : abcClass === 'B' ? 25 : 40;
    const unitCost = round2(Math.min(2000, Math.max(0.5, random.logNormal(median, 0.9))));
    const code = `SKU-${String(i + 1).padStart(5, '0')}`;
    skus.push({
      id: code,
      code,
      name: `${family.family} ${variant}`,
      uom: family.uom,
      unitCost,
      unitPrice: round2(unitCost * random.between(1.25, 1.8)),
      abcClass,
      odooProductId: null,
      seasonal: 'seasonal' in family && family.seasonal === true,
    });
  }
  return skus;
}

function makeCustomers(random: SeededRandom): DemoCustomer[] {
  const customers: DemoCustomer[] = [];
  const seen = new Set<string>();
  while (customers.length < 160) {
    let name = `${random.pick(CUSTOMER_STEMS)} ${random.pick(CUSTOMER_KINDS)}`;
    if (seen.has(name)) name = `${name} ${customers.length}`;
    seen.add(name);
    const draw = random.float();
    customers.push({ name, priority: draw < 0.1 ? 1 : draw < 0.35 ? 2 : 3 });
  }
  return customers;
}

function makeSupplierOptions(skus: DemoSku[], random: SeededRandom): SupplierOption[] {
  const options: SupplierOption[] = [];
  for (const sku of skus) {
    const draw = random.float();
    const count = draw < 0.6 ? 1 : draw < 0.9 ? 2 : 3;
    const start = random.int(0, SUPPLIER_NAMES.length - 1);
    for (let k = 0; k < count; k++) {
      const supplier = SUPPLIER_NAMES[(start + k * 5) % SUPPLIER_NAMES.length] ?? 'Supplier';
      options.push({
        id: `${sku.id}@${k + 1}`,
        skuId: sku.id,
        supplier,
        odooPartnerId: null,
        leadDays: random.int(5, 40),
        minQty: random.pick([0, 0, 10, 50, 100, 250]),
        multiple: random.pick([1, 1, 6, 12, 24, 50]),
        unitPrice: round2(sku.unitCost * random.between(0.9, 1.08)),
      });
    }
  }
  return options;
}

/**
 * Builds a realistic multi-node network from a seed: ABC-mixed SKUs (steady fast movers,
 * intermittent slow movers, a few seasonal lines), an open order book over the horizon, purchase
 * orders (some late), transfers in flight, min/max rules, lanes and supplier options.
 */
export function generateDemoNetwork(options: DemoNetworkOptions): DemoNetwork {
  const horizonDays = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  const root = new SeededRandom(options.seed);
  const nodeRandom = root.fork('nodes');
  const laneRandom = root.fork('lanes');
  const skuRandom = root.fork('skus');
  const customerRandom = root.fork('customers');
  const supplierRandom = root.fork('suppliers');
  const flowRandom = root.fork('flows');

  const nodes = makeNodes(options.nodes, nodeRandom);
  const lanes = makeLanes(nodes, laneRandom);
  const skus = makeSkus(options.skus, skuRandom);
  const customers = makeCustomers(customerRandom);
  const supplierOptions = makeSupplierOptions(skus, supplierRandom);
  const firstOption = new Map<string, SupplierOption>();
  for (const option of supplierOptions) if (!firstOption.has(option.skuId)) firstOption.set(option.skuId, option);
  const regionalByArea = new Map<string, Node>();
  for (const node of nodes) if (node.kind === 'regional-warehouse' && !regionalByArea.has(node.area)) regionalByArea.set(node.area, node);
  const laneByPair = new Map(lanes.map((lane) => [`${lane.fromNodeId}>${lane.toNodeId}`, lane]));

  const positions: StockPosition[] = [];
  const stockRules: StockRule[] = [];
  const supply: SupplyLine[] = [];
  const demand: DemandLine[] = [];
  const reservations: DemoReservation[] = [];
  const dayCache = new Map<number, LocalDate>();
  const day = (offset: number): LocalDate => {
    let date = dayCache.get(offset);
    if (date === undefined) {
      date = addDays(options.dayZero, offset);
      dayCache.set(offset, date);
    }
    return date;
  };
  let demandSeq = 0;
  let supplySeq = 0;
  const nextDemandId = (): string => `D${String(++demandSeq).padStart(7, '0')}`;
  const nextSupplyId = (): string => `S${String(++supplySeq).padStart(7, '0')}`;
  const lastDay = horizonDays - 1;

  for (const node of nodes) {
    const size = NODE_SIZE[node.kind];
    const isDc = node.kind === 'regional-warehouse';
    for (const sku of skus) {
      const r = flowRandom;
      const stocked = !(sku.abcClass === 'C' && !isDc && r.chance(0.6));
      const base = sku.abcClass === 'A' ? r.logNormal(12, 0.6) : sku.abcClass === 'B' ? r.logNormal(2, 0.6) : r.logNormal(0.15, 0.8);
      const dailyRate = stocked ? base * size * r.between(0.6, 1.4) : 0;
      const coverDays = sku.abcClass === 'A' ? r.between(2, 40) : sku.abcClass === 'B' ? r.between(5, 70) : r.between(0, 200);
      const onHand = stocked && !r.chance(0.05) ? Math.round(dailyRate * coverDays) : 0;
      const pairDemand: DemandLine[] = [];

      if (dailyRate > 0) {
        const expectedLines = sku.abcClass === 'A' ? (isDc ? 1.6 : 1.0) : sku.abcClass === 'B' ? 0.3 : 0.05;
        const lineCount = r.poisson(expectedLines * (sku.seasonal ? 2 : 1));
        for (let i = 0; i < lineCount; i++) {
          const late = r.chance(0.04);
          const offset = late ? -r.int(1, 10) : sku.seasonal ? r.int(30, 80) : Math.floor(Math.pow(r.float(), 1.6) * 75);
          const span = sku.abcClass === 'A' ? r.between(3, 15) : sku.abcClass === 'B' ? r.between(5, 30) : r.between(10, 60);
          const customer = r.pick(customers);
          const line: DemandLine = {
            id: nextDemandId(),
            nodeId: node.id,
            skuId: sku.id,
            qty: Math.max(1, Math.round(dailyRate * span)),
            dueDate: day(Math.min(offset, lastDay)),
            customer: customer.name,
            priority: customer.priority,
            unitMargin: round2((sku.unitPrice - sku.unitCost) * r.between(0.8, 1)),
            source: null,
          };
          pairDemand.push(line);
        }

        const buyChance = isDc ? (sku.abcClass === 'A' ? 0.5 : sku.abcClass === 'B' ? 0.25 : 0.03) : 0.05;
        const option = firstOption.get(sku.id);
        if (option && r.chance(buyChance)) {
          supply.push({
            id: nextSupplyId(),
            nodeId: node.id,
            skuId: sku.id,
            qty: roundUpToMultiple(Math.max(option.minQty, Math.round(dailyRate * r.between(15, 45)), 1), option.multiple),
            eta: day(r.chance(0.1) ? -r.int(1, 7) : r.int(0, 60)),
            kind: 'purchase',
            counterparty: option.supplier,
            source: null,
          });
        }

        const feeder = regionalByArea.get(node.area);
        const lane = feeder ? laneByPair.get(`${feeder.id}>${node.id}`) : undefined;
        if (!isDc && feeder && lane && r.chance(0.04)) {
          const qty = Math.max(1, Math.round(dailyRate * r.between(7, 20)));
          if (r.chance(0.5)) {
            supply.push({ id: nextSupplyId(), nodeId: node.id, skuId: sku.id, qty, eta: day(r.int(-2, 4)), kind: 'transit', counterparty: feeder.code, source: null });
          } else {
            const shipDay = r.int(0, 10);
            supply.push({ id: nextSupplyId(), nodeId: node.id, skuId: sku.id, qty, eta: day(Math.min(shipDay + lane.transitDays, lastDay)), kind: 'transfer-in', counterparty: feeder.code, source: null });
            demand.push({
              id: nextDemandId(),
              nodeId: feeder.id,
              skuId: sku.id,
              qty,
              dueDate: day(shipDay),
              customer: `Transfer to ${node.code}`,
              priority: 3,
              unitMargin: 0,
              source: null,
            });
          }
        }

        if (sku.abcClass !== 'C' || (isDc && r.chance(0.3))) {
          const min = Math.ceil(dailyRate * r.between(5, 12));
          stockRules.push({
            nodeId: node.id,
            skuId: sku.id,
            min,
            max: min + Math.ceil(dailyRate * r.between(10, 25)),
            multiple: option?.multiple ?? 1,
            safetyStock: Math.ceil(dailyRate * 2),
          });
        }
      }

      // Odoo reserves stock for what ships first: overdue and today's lines, in due order, while stock lasts.
      let unreserved = onHand;
      let reserved = 0;
      const dueNow = pairDemand.length === 0 ? pairDemand : pairDemand.filter((line) => line.dueDate <= options.dayZero);
      if (dueNow.length > 1) dueNow.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id < b.id ? -1 : 1));
      for (const line of dueNow) {
        const qty = Math.min(unreserved, line.qty);
        if (qty <= 0) break;
        reservations.push({ demandLineId: line.id, qty });
        unreserved -= qty;
        reserved += qty;
      }
      demand.push(...pairDemand);
      positions.push({ nodeId: node.id, skuId: sku.id, onHand, reserved });
    }
  }

  const plainSkus: Sku[] = skus.map(({ seasonal: _seasonal, ...sku }) => sku);
  return {
    snapshot: {
      meta: {
        source: 'demo',
        regionCode: options.regionCode ?? 'demo',
        currency: options.currency ?? 'EUR',
        takenAt: options.takenAt,
        dayZero: options.dayZero,
        horizonDays,
        demo: { seed: options.seed, nodes: options.nodes, skus: options.skus },
      },
      nodes,
      skus: plainSkus,
      lanes,
      supplierOptions,
      stockRules,
      positions,
      supply,
      demand,
      freshness: nodes.flatMap((node) =>
        (['master', 'stock', 'demand', 'supply'] as const).map((kind) => ({ nodeId: node.id, kind, asOf: options.takenAt })),
      ),
    },
    reservations,
    customers,
    suppliers: [...SUPPLIER_NAMES],
  };
}
