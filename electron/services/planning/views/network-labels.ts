import type { NetworkModel } from '../../../../shared/engine';

/** Codes and names the screens show beside ids, indexed like the engine's nodes and SKUs. */
export class NetworkLabels {
  readonly nodeCode: readonly string[];
  readonly skuCode: readonly string[];
  readonly skuName: readonly string[];
  /** Lower-case "code name" per SKU, for text filters. */
  readonly skuSearchText: readonly string[];
  /** Position of each node and SKU in code order, so lists sort by comparing numbers. */
  readonly nodeRank: Uint32Array;
  readonly skuRank: Uint32Array;

  constructor(private readonly model: NetworkModel) {
    const nodes = new Map(model.snapshot.nodes.map((node) => [node.id, node]));
    const skus = new Map(model.snapshot.skus.map((sku) => [sku.id, sku]));
    this.nodeCode = model.nodeIds.map((id) => nodes.get(id)?.code ?? id);
    this.skuCode = model.skuIds.map((id) => skus.get(id)?.code ?? id);
    this.skuName = model.skuIds.map((id) => skus.get(id)?.name ?? id);
    this.skuSearchText = this.skuCode.map((code, index) => `${code} ${this.skuName[index] ?? ''}`.toLowerCase());
    this.nodeRank = rankOf(this.nodeCode);
    this.skuRank = rankOf(this.skuCode);
  }

  /**
   * One number that orders by date, then node code, then SKU code: sorting 100,000s of proposals on
   * it is a numeric sort, not millions of string comparisons.
   */
  dayNodeSkuKey(day: number, node: number, sku: number): number {
    return ((day + 1_000) * this.model.nodeCount + (this.nodeRank[node] ?? 0)) * this.model.skuCount + (this.skuRank[sku] ?? 0);
  }

  nodeCodeOf(nodeId: string): string {
    const index = this.model.nodeIndex.get(nodeId);
    return index === undefined ? nodeId : (this.nodeCode[index] ?? nodeId);
  }

  sku(skuId: string): { skuCode: string; skuName: string } {
    const index = this.model.skuIndex.get(skuId);
    return index === undefined ? { skuCode: skuId, skuName: skuId } : { skuCode: this.skuCode[index] ?? skuId, skuName: this.skuName[index] ?? skuId };
  }

  /** Whether a SKU matches what a person typed (code or name, any case); empty text matches all. */
  skuMatches(skuId: string, text: string | undefined): boolean {
    const wanted = text?.trim().toLowerCase() ?? '';
    if (wanted === '') return true;
    const index = this.model.skuIndex.get(skuId);
    return index !== undefined && (this.skuSearchText[index] ?? '').includes(wanted);
  }

  /** `skuMatches` for a SKU known by its index. */
  skuIndexMatches(sku: number, text: string | undefined): boolean {
    const wanted = text?.trim().toLowerCase() ?? '';
    return wanted === '' || (this.skuSearchText[sku] ?? '').includes(wanted);
  }
}

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
