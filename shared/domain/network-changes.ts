import { z } from 'zod';
import { daysBetween, Instant, LocalDate } from './calendar';
import { NetworkChangeEvent } from './events';
import type { DemandLine, StockPosition, SupplyLine } from './flows';
import { NodeId, SkuId } from './network';


/** The parts of two networks a sync compares: only the rows that may differ need be given. */
export type ComparedFlows = { readonly positions: readonly StockPosition[]; readonly supply: readonly SupplyLine[]; readonly demand: readonly DemandLine[] };

/** A node × SKU whose first shortage moved with a sync: the planner's first question after one. */
export const ShortageChange = z.strictObject({
  nodeId: NodeId,
  skuId: SkuId,
  change: z.enum(['now short', 'earlier', 'later', 'no longer short']),
  /** First day below zero; null when it never goes below zero in the horizon. */
  before: LocalDate.nullable(),
  after: LocalDate.nullable(),
  unitsShortBefore: z.number().finite().nonnegative(),
  unitsShortAfter: z.number().finite().nonnegative(),
});
export type ShortageChange = z.infer<typeof ShortageChange>;

const Count = z.number().int().nonnegative();
export const SyncChangeCounts = z.strictObject({
  stock: Count,
  demand: z.strictObject({ new: Count, changed: Count, closed: Count }),
  /** `later` and `earlier` are ETA moves; `changed` is any other change to an open line (quantity, in transit). */
  supply: z.strictObject({ new: Count, later: Count, earlier: Count, changed: Count, closed: Count }),
  shortages: z.strictObject({ 'now short': Count, earlier: Count, later: Count, 'no longer short': Count }),
});
export type SyncChangeCounts = z.infer<typeof SyncChangeCounts>;

/** At most this many changes of each list are kept per sync, the most valuable first; the counts are always whole. */
export const LISTED_CHANGES = 1_000;

/** What one sync changed, against the network of the sync before it. */
export const SyncChanges = z.strictObject({
  takenAt: Instant,
  previousTakenAt: Instant,
  counts: SyncChangeCounts,
  events: z.array(NetworkChangeEvent).max(LISTED_CHANGES),
  shortages: z.array(ShortageChange).max(LISTED_CHANGES),
});
export type SyncChanges = z.infer<typeof SyncChanges>;

export function emptyChangeCounts(): SyncChangeCounts {
  return {
    stock: 0,
    demand: { new: 0, changed: 0, closed: 0 },
    supply: { new: 0, later: 0, earlier: 0, changed: 0, closed: 0 },
    shortages: { 'now short': 0, earlier: 0, later: 0, 'no longer short': 0 },
  };
}

interface Ranked {
  event: NetworkChangeEvent;
  /** What the change is worth at cost, to list the ones that matter first. */
  weight: number;
}

/**
 * Calls `visit` once for each key either list has, with the item each has under it. Keys come in two
 * parts (node, then SKU) so no key string is built per item: a whole network has 500,000 positions.
 */
function matchUp<T>(before: readonly T[], after: readonly T[], outerKey: (item: T) => string, innerKey: (item: T) => string, visit: (before: T | undefined, after: T | undefined) => void): void {
  // A network built again lists most things in the same order: pair them off without a lookup.
  let same = 0;
  while (same < before.length && same < after.length) {
    const was = before[same] as T;
    const now = after[same] as T;
    if (innerKey(was) !== innerKey(now) || outerKey(was) !== outerKey(now)) break;
    visit(was, now);
    same++;
  }
  const earlier = new Map<string, Map<string, T>>();
  for (let i = same; i < before.length; i++) {
    const item = before[i] as T;
    const outer = outerKey(item);
    let inner = earlier.get(outer);
    if (!inner) earlier.set(outer, (inner = new Map()));
    inner.set(innerKey(item), item);
  }
  for (let i = same; i < after.length; i++) {
    const item = after[i] as T;
    const inner = earlier.get(outerKey(item));
    const key = innerKey(item);
    const was = inner?.get(key);
    if (was !== undefined) inner?.delete(key);
    visit(was, item);
  }
  for (const inner of earlier.values()) for (const was of inner.values()) visit(was, undefined);
}

/**
 * The lines that differ between two versions of the network, as canonical events, the costliest
 * first (at most `LISTED_CHANGES`), with whole counts. Lines are matched by id (one per Odoo move
 * side), so a line that kept its id but moved is one change, not a close and a new. Reserved stock
 * and renamed partners are not changes a planner acts on and are left out.
 */
export function networkChanges(
  previous: ComparedFlows,
  next: ComparedFlows,
  context: { at: string; unitCostOf: (skuId: string) => number },
): { counts: SyncChangeCounts; events: NetworkChangeEvent[] } {
  const counts = emptyChangeCounts();
  const ranked: Ranked[] = [];
  const base = { at: context.at, actor: 'system' };
  const cost = (skuId: string): number => Math.abs(context.unitCostOf(skuId)) || 0;

  matchUp(previous.positions, next.positions, (position) => position.nodeId, (position) => position.skuId, (before, after) => {
    const place = (after ?? before) as StockPosition;
    const from = before?.onHand ?? 0;
    const to = after?.onHand ?? 0;
    if (from === to) return;
    counts.stock++;
    ranked.push({ event: { kind: 'stock-changed', ...base, nodeId: place.nodeId, skuId: place.skuId, onHandBefore: from, onHandAfter: to }, weight: Math.abs(to - from) * cost(place.skuId) });
  });

  matchUp(previous.supply, next.supply, () => '', (line) => line.id, (before, after) => {
    if (before && after && before.qty === after.qty && before.eta === after.eta && before.kind === after.kind) return;
    const line = lineChange(before, after);
    if (line.change === 'changed') {
      const moved = (after as SupplyLine).eta.localeCompare((before as SupplyLine).eta);
      counts.supply[moved > 0 ? 'later' : moved < 0 ? 'earlier' : 'changed']++;
    } else counts.supply[line.change]++;
    const event = { kind: 'supply-changed', ...base, ...line.fields, supplyKindBefore: before?.kind ?? null, supplyKindAfter: after?.kind ?? null, counterparty: line.of.counterparty, etaBefore: before?.eta ?? null, etaAfter: after?.eta ?? null } as const;
    ranked.push({ event, weight: line.qty * cost(line.of.skuId) });
  });

  matchUp(previous.demand, next.demand, () => '', (line) => line.id, (before, after) => {
    if (before && after && before.qty === after.qty && before.dueDate === after.dueDate) return;
    const line = lineChange(before, after);
    counts.demand[line.change]++;
    const event = { kind: 'demand-changed', ...base, ...line.fields, customer: line.of.customer, dueBefore: before?.dueDate ?? null, dueAfter: after?.dueDate ?? null } as const;
    ranked.push({ event, weight: line.qty * cost(line.of.skuId) });
  });

  ranked.sort((a, b) => b.weight - a.weight || orderKey(a.event).localeCompare(orderKey(b.event)));
  return { counts, events: ranked.slice(0, LISTED_CHANGES).map((entry) => entry.event) };
}

/** What a supply and a demand line's change have in common; `of` is the line as it stands (or stood, if closed). */
function lineChange<T extends SupplyLine | DemandLine>(before: T | undefined, after: T | undefined) {
  const of = (after ?? before) as T;
  const change = !before ? 'new' : !after ? 'closed' : 'changed';
  return {
    of,
    change,
    /** The larger side: a line that grew, shrank, appeared or closed matters by the most it held. */
    qty: Math.max(before?.qty ?? 0, after?.qty ?? 0),
    fields: { nodeId: of.nodeId, skuId: of.skuId, lineId: of.id, source: of.source, change, qtyBefore: before?.qty ?? null, qtyAfter: after?.qty ?? null },
  } as const;
}

/** A total order for equal weights, so the same sync always lists the same changes (determinism). */
function orderKey(event: NetworkChangeEvent): string {
  return `${event.kind}|${event.nodeId}|${event.skuId}|${'lineId' in event ? event.lineId : ''}`;
}

export interface ChangeWording {
  date?: (date: string) => string;
  quantity?: (qty: number) => string;
}

const SUPPLY_WORD = { purchase: 'purchase', 'transfer-in': 'transfer', transit: 'transfer in transit' } as const;

/**
 * One line in words for a change a sync found, e.g. "Purchase P00042 from Acme: ETA 3 Dec → 10 Dec
 * (7 days later)". The Audit wording and the Network screen's list say the same; the screen passes
 * its locale's date and number formats.
 */
export function describeNetworkChange(event: NetworkChangeEvent, wording: ChangeWording = {}): string {
  const date = wording.date ?? ((value: string) => value);
  const qty = wording.quantity ?? ((value: number) => String(value));
  const moved = (before: string | null, after: string | null, what: string): string | null => {
    if (before === null || after === null || before === after) return null;
    const days = daysBetween(before, after);
    return `${what} ${date(before)} → ${date(after)} (${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'} ${days > 0 ? 'later' : 'earlier'})`;
  };
  const resized = (before: number | null, after: number | null): string | null => (before === null || after === null || before === after ? null : `quantity ${qty(before)} → ${qty(after)}`);
  switch (event.kind) {
    case 'stock-changed':
      return `On hand ${qty(event.onHandBefore)} → ${qty(event.onHandAfter)}`;
    case 'supply-changed': {
      const kind = event.supplyKindAfter ?? event.supplyKindBefore ?? 'purchase';
      const line = `${SUPPLY_WORD[kind]} ${event.source?.name ?? event.lineId}${event.counterparty ? ` from ${event.counterparty}` : ''}`;
      if (event.change === 'new') return `New ${line}: ${qty(event.qtyAfter ?? 0)} arriving ${date(event.etaAfter ?? '')}`;
      const what = capitalised(line);
      if (event.change === 'closed') return `${what} no longer open (received or cancelled): ${qty(event.qtyBefore ?? 0)} that was due ${date(event.etaBefore ?? '')}`;
      const shipped = event.supplyKindBefore === 'transfer-in' && event.supplyKindAfter === 'transit' ? 'now in transit' : null;
      return `${what}: ${[moved(event.etaBefore, event.etaAfter, 'ETA'), resized(event.qtyBefore, event.qtyAfter), shipped].filter((part) => part !== null).join('; ') || 'changed'}`;
    }
    case 'demand-changed': {
      const line = `order ${event.source?.name ?? event.lineId} for ${event.customer}`;
      if (event.change === 'new') return `New ${line}: ${qty(event.qtyAfter ?? 0)} due ${date(event.dueAfter ?? '')}`;
      const what = capitalised(line);
      if (event.change === 'closed') return `${what} no longer open (shipped or cancelled): ${qty(event.qtyBefore ?? 0)} that was due ${date(event.dueBefore ?? '')}`;
      return `${what}: ${[moved(event.dueBefore, event.dueAfter, 'due'), resized(event.qtyBefore, event.qtyAfter)].filter((part) => part !== null).join('; ') || 'changed'}`;
    }
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The counts in a few words, most pressing first, e.g. "2 node × SKU now short, 3 ETAs later, 12
 * new order lines"; "nothing changed" when nothing did.
 */
export function summariseChanges(counts: SyncChangeCounts): string {
  const phrase = (count: number, one: string, many = `${one}s`): string | null => (count === 0 ? null : `${count.toLocaleString('en')} ${count === 1 ? one : many}`);
  const { shortages, supply, demand } = counts;
  const parts = [
    phrase(shortages['now short'], 'node × SKU now short', 'node × SKU now short'),
    phrase(shortages.earlier, 'short sooner', 'short sooner'),
    phrase(shortages.later, 'short later', 'short later'),
    phrase(shortages['no longer short'], 'no longer short', 'no longer short'),
    phrase(supply.later, 'ETA later', 'ETAs later'),
    phrase(supply.earlier, 'ETA earlier', 'ETAs earlier'),
    phrase(supply.new, 'new supply line'),
    phrase(supply.changed, 'supply line changed', 'supply lines changed'),
    phrase(supply.closed, 'supply line closed', 'supply lines closed'),
    phrase(demand.new, 'new order line'),
    phrase(demand.changed, 'order line changed', 'order lines changed'),
    phrase(demand.closed, 'order line closed', 'order lines closed'),
    phrase(counts.stock, 'stock figure changed', 'stock figures changed'),
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? 'nothing changed' : parts.join(', ');
}
