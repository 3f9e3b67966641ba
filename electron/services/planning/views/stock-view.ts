import { addDays } from '../../../../shared/domain';
import type { NetworkSnapshot } from '../../../../shared/domain';
import { daysOfCoverAt, NO_DAY, unitsShortAt, valueAtRiskAt, type StockProjection } from '../../../../shared/engine';
import type { StockFilter, StockPage, StockQuery, StockRow, StockSortColumn } from '../../../../shared/ipc';

type NumericColumn = Exclude<StockSortColumn, 'nodeCode' | 'skuCode' | 'skuName' | 'available' | 'unitsShort' | 'daysOfCover' | 'valueAtRisk'>;

/**
 * Filters, sorts and pages the node × SKU rows of one projection. Lives in the planning worker so
 * sorting half a million rows never blocks the main process or the screen; orders are cached per
 * filter and sort so scrolling only slices.
 */
export class StockView {
  private readonly skuCount: number;
  private readonly skuSearchText: string[];
  private readonly minByRow: Float64Array;
  private readonly nodeRank: Uint32Array;
  private readonly skuCodeRank: Uint32Array;
  private readonly skuNameRank: Uint32Array;
  private readonly orderCache = new Map<string, Uint32Array>();

  constructor(
    private readonly snapshot: NetworkSnapshot,
    private readonly projection: StockProjection,
  ) {
    this.skuCount = snapshot.skus.length;
    this.skuSearchText = snapshot.skus.map((sku) => `${sku.code} ${sku.name}`.toLowerCase());
    this.minByRow = new Float64Array(snapshot.nodes.length * this.skuCount).fill(Number.NaN);
    const nodeIndex = new Map(snapshot.nodes.map((node, index) => [node.id, index]));
    const skuIndex = new Map(snapshot.skus.map((sku, index) => [sku.id, index]));
    for (const rule of snapshot.stockRules) {
      const n = nodeIndex.get(rule.nodeId);
      const s = skuIndex.get(rule.skuId);
      if (n !== undefined && s !== undefined) this.minByRow[n * this.skuCount + s] = rule.min;
    }
    this.nodeRank = rankOf(snapshot.nodes.map((node) => node.code));
    this.skuCodeRank = rankOf(snapshot.skus.map((sku) => sku.code));
    this.skuNameRank = rankOf(snapshot.skus.map((sku) => sku.name));
  }

  get rowCount(): number {
    return this.snapshot.nodes.length * this.skuCount;
  }

  query(query: StockQuery, staleNodes: ReadonlySet<string>): StockPage {
    const order = this.orderFor(query);
    const end = Math.min(order.length, query.offset + query.limit);
    const rows: StockRow[] = [];
    for (let i = query.offset; i < end; i++) rows.push(this.rowAt(order[i] ?? 0, staleNodes));
    return { rows, total: order.length };
  }

  rowFor(nodeId: string, skuId: string, staleNodes: ReadonlySet<string>): StockRow | null {
    const n = this.snapshot.nodes.findIndex((node) => node.id === nodeId);
    const s = this.snapshot.skus.findIndex((sku) => sku.id === skuId);
    return n < 0 || s < 0 ? null : this.rowAt(n * this.skuCount + s, staleNodes);
  }

  rowAt(row: number, staleNodes: ReadonlySet<string>): StockRow {
    const p = this.projection;
    const node = this.snapshot.nodes[Math.floor(row / this.skuCount)];
    const sku = this.snapshot.skus[row % this.skuCount];
    if (!node || !sku) throw new Error(`no stock row ${row}`);
    const shortage = p.firstShortageDay[row] ?? NO_DAY;
    const belowMin = p.belowMinDay[row] ?? NO_DAY;
    const min = this.minByRow[row] ?? Number.NaN;
    const onHand = p.onHand[row] ?? 0;
    const reserved = p.reserved[row] ?? 0;
    return {
      nodeId: node.id,
      nodeCode: node.code,
      area: node.area,
      skuId: sku.id,
      skuCode: sku.code,
      skuName: sku.name,
      abcClass: sku.abcClass,
      onHand,
      reserved,
      available: onHand - reserved,
      inbound: p.inbound[row] ?? 0,
      demand7: p.demand7[row] ?? 0,
      demand30: p.demand30[row] ?? 0,
      demand90: p.demand90[row] ?? 0,
      lowestBalance: p.lowestBalance[row] ?? 0,
      firstShortageDay: shortage === NO_DAY ? null : shortage,
      firstShortageDate: shortage === NO_DAY ? null : addDays(this.snapshot.meta.dayZero, shortage),
      unitsShort: unitsShortAt(p, row),
      daysOfCover: daysOfCoverAt(p, row),
      valueAtRisk: valueAtRiskAt(p, row),
      min: Number.isNaN(min) ? null : min,
      belowMinDay: belowMin === NO_DAY ? null : belowMin,
      stale: staleNodes.has(node.id),
    };
  }

  private orderFor(query: StockQuery): Uint32Array {
    const key = JSON.stringify([query.filter, query.sort]);
    const cached = this.orderCache.get(key);
    if (cached) {
      this.orderCache.delete(key);
      this.orderCache.set(key, cached);
      return cached;
    }
    const order = this.sortRows(this.filterRows(query.filter), query.sort);
    this.orderCache.set(key, order);
    if (this.orderCache.size > 6) {
      const oldest = this.orderCache.keys().next().value;
      if (oldest !== undefined) this.orderCache.delete(oldest);
    }
    return order;
  }

  private filterRows(filter: StockFilter): Uint32Array {
    const nodes = this.snapshot.nodes
      .map((node, index) => ({ node, index }))
      .filter(({ node }) => (filter.area === undefined || node.area === filter.area) && (filter.nodeId === undefined || node.id === filter.nodeId));
    const text = filter.skuText?.trim().toLowerCase() ?? '';
    const skuIndexes: number[] = [];
    for (let s = 0; s < this.skuCount; s++) if (text === '' || (this.skuSearchText[s] ?? '').includes(text)) skuIndexes.push(s);
    const out = new Uint32Array(nodes.length * skuIndexes.length);
    let count = 0;
    const shortage = this.projection.firstShortageDay;
    for (const { index } of nodes) {
      const base = index * this.skuCount;
      for (const s of skuIndexes) {
        const row = base + s;
        if (filter.onlyShort && (shortage[row] ?? NO_DAY) === NO_DAY) continue;
        out[count++] = row;
      }
    }
    return out.slice(0, count);
  }

  private sortRows(rows: Uint32Array, sort: StockQuery['sort']): Uint32Array {
    if (sort.length === 0) return rows;
    const keys = sort.map(({ column, direction }) => ({ read: this.sortKey(column), sign: direction === 'asc' ? 1 : -1, column }));
    return rows.sort((a, b) => {
      for (const key of keys) {
        const va = key.read(a);
        const vb = key.read(b);
        if (va === vb) continue;
        // Rows that never run short sort after every dated shortage, whichever the direction.
        if (key.column === 'firstShortageDay') {
          if (va === NO_DAY) return 1;
          if (vb === NO_DAY) return -1;
        }
        return va < vb ? -key.sign : key.sign;
      }
      return a - b;
    });
  }

  private sortKey(column: StockSortColumn): (row: number) => number {
    const p = this.projection;
    const skuCount = this.skuCount;
    switch (column) {
      case 'nodeCode':
        return (row) => this.nodeRank[Math.floor(row / skuCount)] ?? 0;
      case 'skuCode':
        return (row) => this.skuCodeRank[row % skuCount] ?? 0;
      case 'skuName':
        return (row) => this.skuNameRank[row % skuCount] ?? 0;
      case 'available':
        return (row) => (p.onHand[row] ?? 0) - (p.reserved[row] ?? 0);
      case 'unitsShort':
        return (row) => unitsShortAt(p, row);
      case 'daysOfCover':
        return (row) => daysOfCoverAt(p, row);
      case 'valueAtRisk':
        return (row) => valueAtRiskAt(p, row);
      default: {
        const column_: NumericColumn = column;
        const values = p[column_];
        return (row) => values[row] ?? 0;
      }
    }
  }
}

/** Position of each value in sorted order, so text columns sort by comparing numbers. */
function rankOf(values: readonly string[]): Uint32Array {
  const order = values.map((_, index) => index).sort((a, b) => {
    const va = values[a] ?? '';
    const vb = values[b] ?? '';
    return va < vb ? -1 : va > vb ? 1 : a - b;
  });
  const rank = new Uint32Array(values.length);
  order.forEach((index, position) => (rank[index] = position));
  return rank;
}
