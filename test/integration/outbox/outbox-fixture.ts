import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { addDays, localDateOf, type PurchaseProposal, type RegionProfile, type TransferProposal } from '../../../shared/domain';
import type { OdooConnection } from '../../../electron/services/odoo';
import { openDatabase } from '../../../electron/services/store';
import { startOdooSim, type RunningOdooSim } from '../../../tools/odoo-sim';
import { demoProfile } from '../../support/planner-fixture';
import { makeTempDir } from '../../support/temp-dir';

export const TZ = 'Europe/Amsterdam';

/** Free stock (on hand − reserved) per warehouse code and product code, read from the stand-in itself. */
export interface StandInStock {
  nodes: string[];
  free: Map<string, Map<string, number>>;
  /** Vendors per product code (their partner names), in supplierinfo order. */
  vendors: Map<string, string[]>;
}

export function standInStock(sim: RunningOdooSim): StandInStock {
  const env = sim.control.env();
  const warehouseOfStock = new Map<number, string>();
  for (const warehouse of env.db.table('stock.warehouse').rows.values()) warehouseOfStock.set(warehouse.lot_stock_id as number, String(warehouse.code));
  const codeOfProduct = new Map<number, string>();
  for (const product of env.db.table('product.product').rows.values()) if (typeof product.default_code === 'string') codeOfProduct.set(product.id, product.default_code);
  const free = new Map<string, Map<string, number>>();
  for (const quant of env.db.table('stock.quant').rows.values()) {
    const node = warehouseOfStock.get(quant.location_id as number);
    const sku = codeOfProduct.get(quant.product_id as number);
    if (!node || !sku) continue;
    const perNode = free.get(node) ?? new Map<string, number>();
    perNode.set(sku, (perNode.get(sku) ?? 0) + (Number(quant.quantity) || 0) - (Number(quant.reserved_quantity) || 0));
    free.set(node, perNode);
  }
  const vendors = new Map<string, string[]>();
  const partnerName = (id: unknown): string => String(env.db.table('res.partner').get(id as number)?.name ?? '');
  for (const info of env.db.table('product.supplierinfo').rows.values()) {
    const sku = codeOfProduct.get(info.product_id as number);
    if (!sku) continue;
    vendors.set(sku, [...(vendors.get(sku) ?? []), partnerName(info.partner_id)]);
  }
  return { nodes: Object.keys(sim.warehouseIds), free, vendors };
}

const reason = { text: 'test proposal', figures: {} };

export function transferProposal(id: string, from: string, to: string, sku: string, qty: number, dayZero: string): TransferProposal {
  return { id, kind: 'transfer', nodeId: to, fromNodeId: from, skuId: sku, qty, neededBy: addDays(dayZero, 5), arrivalDate: addDays(dayZero, 3), shipDate: addDays(dayZero, 1), daysLate: 0, cost: qty, reason };
}

export function purchaseProposal(id: string, to: string, sku: string, supplier: string, qty: number, dayZero: string): PurchaseProposal {
  return { id, kind: 'purchase', nodeId: to, skuId: sku, qty, requestedQty: qty, supplierOptionId: `test:${supplier}:${sku}`, supplier, orderDate: dayZero, neededBy: addDays(dayZero, 10), arrivalDate: addDays(dayZero, 7), daysLate: 0, cost: qty * 10, reason };
}

/**
 * Transfers whose sources have the stock: `count` lines of small quantities drawn in turn from
 * every (node, SKU) with free stock, never asking a source for more than it has free in total.
 */
export function coveredTransfers(stock: StandInStock, count: number, dayZero: string, prefix = 'T'): TransferProposal[] {
  const proposals: TransferProposal[] = [];
  const left = new Map<string, number>();
  const candidates: [string, string][] = [];
  for (const [node, skus] of stock.free) for (const [sku, qty] of skus) if (qty >= 1) {
    candidates.push([node, sku]);
    left.set(`${node}|${sku}`, Math.floor(qty));
  }
  candidates.sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
  let index = 0;
  let guard = 0;
  while (proposals.length < count && guard++ < count * 50 && candidates.length > 0) {
    const [from, sku] = candidates[index % candidates.length] as [string, string];
    index++;
    const key = `${from}|${sku}`;
    const qty = Math.min(2, left.get(key) ?? 0);
    if (qty < 1) continue;
    left.set(key, (left.get(key) ?? 0) - qty);
    const to = stock.nodes[(stock.nodes.indexOf(from) + 1 + (index % (stock.nodes.length - 1))) % stock.nodes.length] as string;
    if (to === from) continue;
    proposals.push(transferProposal(`${prefix}${proposals.length}`, from, to, sku, qty, dayZero));
  }
  if (proposals.length < count) throw new Error(`the stand-in has free stock for only ${proposals.length} transfer lines`);
  return proposals;
}

export function purchases(stock: StandInStock, count: number, dayZero: string, prefix = 'P'): PurchaseProposal[] {
  const skus = [...stock.vendors.keys()].sort();
  const proposals: PurchaseProposal[] = [];
  for (let i = 0; i < count; i++) {
    const sku = skus[i % skus.length] as string;
    const vendor = stock.vendors.get(sku)?.[0] as string;
    const to = stock.nodes[i % stock.nodes.length] as string;
    proposals.push(purchaseProposal(`${prefix}${i}`, to, sku, vendor, 5 + (i % 7), dayZero));
  }
  return proposals;
}

export interface OutboxRig {
  sim: RunningOdooSim;
  dbPath: string;
  db: Database.Database;
  dayZero: string;
  stock: StandInStock;
  profile(overrides?: Partial<RegionProfile>): RegionProfile;
  connection(login?: string): OdooConnection;
  close(): Promise<void>;
}

export async function outboxRig(options: { nodes?: number; skus?: number; seed?: number; odooVersion?: 17 | 18 } = {}): Promise<OutboxRig> {
  const dayZero = localDateOf(new Date(), TZ);
  const sim = await startOdooSim({ port: 0, nodes: options.nodes ?? 3, skus: options.skus ?? 40, seed: options.seed ?? 17, dayZero, tz: TZ, odooVersion: options.odooVersion ?? 18 });
  const temp = makeTempDir('outbox');
  const dbPath = join(temp.path, 'cache.db');
  const { db } = openDatabase(dbPath);
  return {
    sim,
    dbPath,
    db,
    dayZero,
    stock: standInStock(sim),
    profile: (overrides = {}) => ({ ...demoProfile(), timeZone: TZ, ...overrides }),
    connection: (login = 'planner') => {
      const user = sim.users.find((entry) => entry.login === login);
      return { url: sim.url, database: sim.database, login, apiKey: user?.apiKey ?? '' };
    },
    async close() {
      if (db.open) db.close();
      await sim.close();
      temp.remove();
    },
  };
}

/** How many records of `model` carry each key in the stand-in (cancelled ones included). */
export function countsByKey(sim: RunningOdooSim, model: string, keys: readonly string[]): Map<string, number> {
  const wanted = new Set(keys);
  const counts = new Map<string, number>(keys.map((key) => [key, 0]));
  for (const row of sim.control.env().db.table(model).rows.values()) {
    if (typeof row.origin === 'string' && wanted.has(row.origin)) counts.set(row.origin, (counts.get(row.origin) ?? 0) + 1);
  }
  return counts;
}
