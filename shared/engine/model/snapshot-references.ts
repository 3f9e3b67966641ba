import type { NetworkSnapshot, Problem } from '../../domain';

const MAX_PROBLEMS = 100;

/**
 * What the schema cannot see: lines naming nodes or SKUs the snapshot does not have, duplicate ids,
 * lanes from a node to itself. The engine skips such lines; a file a person hands the CLI is refused
 * with every one of them named (up to a hundred).
 */
export function checkSnapshotReferences(snapshot: NetworkSnapshot): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push({ path, message });
  };
  const nodes = new Set<string>();
  snapshot.nodes.forEach((node, index) => {
    if (nodes.has(node.id)) add(`nodes[${index}].id`, `duplicate node ${node.id}`);
    nodes.add(node.id);
  });
  const skus = new Set<string>();
  snapshot.skus.forEach((sku, index) => {
    if (skus.has(sku.id)) add(`skus[${index}].id`, `duplicate SKU ${sku.id}`);
    skus.add(sku.id);
  });
  const checkNode = (path: string, id: string): void => {
    if (!nodes.has(id)) add(path, `unknown node ${id}`);
  };
  const checkSku = (path: string, id: string): void => {
    if (!skus.has(id)) add(path, `unknown SKU ${id}`);
  };
  const unique = (collection: string, ids: readonly { id: string }[]): void => {
    const seen = new Set<string>();
    ids.forEach((item, index) => {
      if (seen.has(item.id)) add(`${collection}[${index}].id`, `duplicate id ${item.id}`);
      seen.add(item.id);
    });
  };
  const lanes = new Set<string>();
  snapshot.lanes.forEach((lane, index) => {
    checkNode(`lanes[${index}].fromNodeId`, lane.fromNodeId);
    checkNode(`lanes[${index}].toNodeId`, lane.toNodeId);
    if (lane.fromNodeId === lane.toNodeId) add(`lanes[${index}].toNodeId`, 'a lane must join two different nodes');
    const key = `${lane.fromNodeId}\u0000${lane.toNodeId}`;
    if (lanes.has(key)) add(`lanes[${index}]`, `duplicate lane ${lane.fromNodeId} → ${lane.toNodeId}`);
    lanes.add(key);
  });
  snapshot.supplierOptions.forEach((option, index) => checkSku(`supplierOptions[${index}].skuId`, option.skuId));
  unique('supplierOptions', snapshot.supplierOptions);
  const rules = new Set<string>();
  snapshot.stockRules.forEach((rule, index) => {
    checkNode(`stockRules[${index}].nodeId`, rule.nodeId);
    checkSku(`stockRules[${index}].skuId`, rule.skuId);
    const key = `${rule.nodeId}\u0000${rule.skuId}`;
    if (rules.has(key)) add(`stockRules[${index}]`, `a second rule for ${rule.nodeId} / ${rule.skuId}`);
    rules.add(key);
  });
  for (const [collection, lines] of [
    ['positions', snapshot.positions],
    ['supply', snapshot.supply],
    ['demand', snapshot.demand],
  ] as const) {
    lines.forEach((line, index) => {
      checkNode(`${collection}[${index}].nodeId`, line.nodeId);
      checkSku(`${collection}[${index}].skuId`, line.skuId);
    });
  }
  unique('supply', snapshot.supply);
  unique('demand', snapshot.demand);
  return problems;
}
