import type { Proposal, ReplenishmentPlan, UnmetNeed } from '../../domain';
import type { NetworkModel } from '../model/network-model';
import { TRANSFER, type NeedColumns, type ProposalColumns } from './proposal-columns';
import { needOpening, purchaseReason, transferReason, type ReasonSource } from './reasons';

export type ReplenishmentTotals = ReplenishmentPlan['totals'];

/**
 * A decided replenishment run, held as columns. Proposals are listed node by node (row order), and a
 * proposal object with its reason is built only when someone reads it: a page of the Replenishment
 * screen, the proposals a planner submits, or every one of them for a result file. Reading one
 * twice gives equal objects, never the same one, so a caller may keep or change what it gets.
 */
export class ReplenishmentRun implements ReasonSource {
  readonly count: number;
  /** Opening sentence per need, shared by the texts of its proposals (most needs have two or three). */
  private readonly openings: (string | undefined)[] = [];
  private readonly dates: (string | undefined)[] = [];

  constructor(
    readonly model: NetworkModel,
    readonly needs: NeedColumns,
    readonly columns: ProposalColumns,
    /** List position → position in the columns (which are in decision order, SKU by SKU). */
    private readonly order: Int32Array,
    readonly unmet: readonly UnmetNeed[],
    readonly totals: ReplenishmentTotals,
  ) {
    this.count = order.length;
  }

  dateOf(day: number): string {
    let date = this.dates[day];
    if (date === undefined) {
      date = this.model.calendar.dateOf(day);
      this.dates[day] = date;
    }
    return date;
  }

  kindAt(index: number): Proposal['kind'] {
    return this.columns.kind[this.order[index] as number] === TRANSFER ? 'transfer' : 'purchase';
  }

  /** The node being replenished. */
  nodeAt(index: number): number {
    return Math.floor(this.rowAt(index) / this.model.skuCount);
  }

  skuAt(index: number): number {
    return this.rowAt(index) % this.model.skuCount;
  }

  /** A transfer's source node; −1 for a purchase. */
  sourceNodeAt(index: number): number {
    const p = this.order[index] as number;
    return this.columns.kind[p] === TRANSFER ? (this.columns.source[p] as number) : -1;
  }

  /** Day offset of the first day below the minimum. */
  neededByDayAt(index: number): number {
    return this.needs.day[this.columns.need[this.order[index] as number] as number] as number;
  }

  /** 1 for its need's first proposal, 2 for the second, …: a need has at most a few. */
  ordinalAt(index: number): number {
    return this.columns.ordinal[this.order[index] as number] as number;
  }

  idAt(index: number): string {
    const row = this.rowAt(index);
    const node = Math.floor(row / this.model.skuCount);
    return `R-${this.model.nodeIds[node] as string}-${this.model.skuIds[row - node * this.model.skuCount] as string}-${this.ordinalAt(index)}`;
  }

  proposalAt(index: number): Proposal {
    const p = this.order[index] as number;
    const { model, columns } = this;
    const need = columns.need[p] as number;
    const neededDay = this.needs.day[need] as number;
    const arrivalDay = columns.arrivalDay[p] as number;
    const row = this.needs.row[need] as number;
    const node = Math.floor(row / model.skuCount);
    const nodeId = model.nodeIds[node] as string;
    const skuId = model.skuIds[row - node * model.skuCount] as string;
    const id = `R-${nodeId}-${skuId}-${columns.ordinal[p] as number}`;
    const daysLate = Math.max(0, arrivalDay - neededDay);
    let opening = this.openings[need];
    if (opening === undefined) {
      opening = needOpening(this, need);
      this.openings[need] = opening;
    }
    // Keys in the order the proposal schema lists them: result files are compared byte for byte.
    if (columns.kind[p] === TRANSFER) {
      return {
        id,
        kind: 'transfer',
        nodeId,
        skuId,
        fromNodeId: model.nodeIds[columns.source[p] as number] as string,
        qty: columns.qty[p] as number,
        shipDate: this.dateOf(columns.startDay[p] as number),
        neededBy: this.dateOf(neededDay),
        arrivalDate: this.dateOf(arrivalDay),
        daysLate,
        cost: columns.cost[p] as number,
        reason: transferReason(this, p, opening),
      };
    }
    const option = columns.source[p] as number;
    return {
      id,
      kind: 'purchase',
      nodeId,
      skuId,
      supplierOptionId: model.supplierOptions.ids[option] as string,
      supplier: model.supplierOptions.supplier[option] as string,
      requestedQty: columns.requested[p] as number,
      qty: columns.qty[p] as number,
      orderDate: this.dateOf(columns.startDay[p] as number),
      neededBy: this.dateOf(neededDay),
      arrivalDate: this.dateOf(arrivalDay),
      daysLate,
      cost: columns.cost[p] as number,
      reason: purchaseReason(this, p, opening),
    };
  }

  /** Every proposal as an object, in list order. */
  proposals(): Proposal[] {
    const list: Proposal[] = new Array<Proposal>(this.count);
    for (let index = 0; index < this.count; index++) list[index] = this.proposalAt(index);
    return list;
  }

  /** The whole run as plain data (the CLI's result file). */
  toPlan(): ReplenishmentPlan {
    return { proposals: this.proposals(), unmet: [...this.unmet], totals: { ...this.totals } };
  }

  private rowAt(index: number): number {
    return this.needs.row[this.columns.need[this.order[index] as number] as number] as number;
  }
}
