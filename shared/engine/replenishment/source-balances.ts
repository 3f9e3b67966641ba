import type { ScenarioPlan } from '../scenario/scenario-plan';

const NOT_READY = 0;
/** Balances walked day by day into the arrays. */
const WALKED = 1;
/** A quiet row: its balance is its on hand every day, no walk needed until something is taken from it. */
const FLAT = 2;

/**
 * Projected balances of one SKU at every node, for judging what a node can spare. Computed only for
 * nodes that are asked, and lowered as transfers are granted so a source is never promised twice.
 */
export class SourceBalances {
  private readonly balance: Float64Array;
  /** suffixMin[n * H + d] = lowest balance of node n from day d to the end of the horizon. */
  private readonly suffixMin: Float64Array;
  private readonly state: Uint8Array;
  private readonly flatBalance: Float64Array;
  private sku = -1;

  constructor(private readonly plan: ScenarioPlan) {
    const { nodeCount, horizonDays } = plan.model;
    this.balance = new Float64Array(nodeCount * horizonDays);
    this.suffixMin = new Float64Array(nodeCount * horizonDays);
    this.state = new Uint8Array(nodeCount);
    this.flatBalance = new Float64Array(nodeCount);
  }

  startSku(sku: number): void {
    this.sku = sku;
    this.state.fill(NOT_READY);
  }

  /** The node's floor: its rule's minimum, or zero when it has no rule (never below what it promised). */
  floorOf(node: number): number {
    const min = this.plan.model.ruleMin[node * this.plan.model.skuCount + this.sku] as number;
    return Number.isNaN(min) ? 0 : Math.max(0, min);
  }

  /** What the node can ship on `day` and still stay at or above its floor on every later day. */
  spareFrom(node: number, day: number): number {
    const H = this.plan.model.horizonDays;
    if (day >= H) return 0;
    if (this.prepare(node) === FLAT) return (this.flatBalance[node] as number) - this.floorOf(node);
    return (this.suffixMin[node * H + day] as number) - this.floorOf(node);
  }

  take(node: number, day: number, qty: number): void {
    const H = this.plan.model.horizonDays;
    const base = node * H;
    if (this.prepare(node) === FLAT) {
      this.balance.fill(this.flatBalance[node] as number, base, base + H);
      this.suffixMin.fill(this.flatBalance[node] as number, base, base + H);
      this.state[node] = WALKED;
    }
    // Every balance from `day` on drops by qty, so does their lowest (subtraction keeps order, even
    // rounded): only the days before `day` need their suffix minimum walked again.
    for (let d = day; d < H; d++) {
      this.balance[base + d] = (this.balance[base + d] as number) - qty;
      this.suffixMin[base + d] = (this.suffixMin[base + d] as number) - qty;
    }
    let lowest = day < H ? (this.suffixMin[base + day] as number) : Number.POSITIVE_INFINITY;
    for (let d = Math.min(day, H) - 1; d >= 0; d--) {
      const balance = this.balance[base + d] as number;
      if (balance < lowest) lowest = balance;
      this.suffixMin[base + d] = lowest;
    }
  }

  private prepare(node: number): number {
    const known = this.state[node] as number;
    if (known !== NOT_READY) return known;
    const { model } = this.plan;
    const H = model.horizonDays;
    const row = node * model.skuCount + this.sku;
    const start = model.onHand[row] as number;
    if (this.plan.isQuiet(row)) {
      this.flatBalance[node] = start;
      this.state[node] = FLAT;
      return FLAT;
    }
    const net = this.plan.netFlowOf(row);
    const base = node * H;
    let balance = start;
    for (let d = 0; d < H; d++) {
      balance += net[d] as number;
      this.balance[base + d] = balance;
    }
    let lowest = Number.POSITIVE_INFINITY;
    for (let d = H - 1; d >= 0; d--) {
      const at = this.balance[base + d] as number;
      if (at < lowest) lowest = at;
      this.suffixMin[base + d] = lowest;
    }
    this.state[node] = WALKED;
    return WALKED;
  }
}
