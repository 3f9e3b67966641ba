/**
 * A replenishment run held column-wise: one typed array per number a proposal or its reason needs.
 * A run over 500,000 node × SKU pairs decides 100,000s of proposals; as objects with their reason
 * texts they cost more to build and collect than the decision itself, and a screen shows a page of
 * them at a time. Everything is copied in at decision time, so a run stays true to the plan it was
 * decided on even when a scenario is edited afterwards.
 */

export const TRANSFER = 0;
export const PURCHASE = 1;

/** The cheaper but late source a reason mentions: none, a transfer from a node, or a supplier option. */
export const NO_ALTERNATIVE = 0;
export const TRANSFER_ALTERNATIVE = 1;
export const PURCHASE_ALTERNATIVE = 2;

function resizedFloat64(array: Float64Array, capacity: number): Float64Array {
  const next = new Float64Array(capacity);
  next.set(array.length > capacity ? array.subarray(0, capacity) : array);
  return next;
}

function resizedInt32(array: Int32Array, capacity: number): Int32Array {
  const next = new Int32Array(capacity);
  next.set(array.length > capacity ? array.subarray(0, capacity) : array);
  return next;
}

function resizedUint8(array: Uint8Array, capacity: number): Uint8Array {
  const next = new Uint8Array(capacity);
  next.set(array.length > capacity ? array.subarray(0, capacity) : array);
  return next;
}

/** One entry per node × SKU that falls below its minimum: what its reason's opening sentence says. */
export class NeedColumns {
  size = 0;
  row: Int32Array;
  /** First day below the minimum: the day its proposals are needed by. */
  day: Int32Array;
  min: Float64Array;
  max: Float64Array;
  lowest: Float64Array;
  /** max − lowest: what brings the node back to its maximum at its lowest point. */
  qty: Float64Array;

  constructor(capacity: number) {
    const length = Math.max(16, capacity);
    this.row = new Int32Array(length);
    this.day = new Int32Array(length);
    this.min = new Float64Array(length);
    this.max = new Float64Array(length);
    this.lowest = new Float64Array(length);
    this.qty = new Float64Array(length);
  }

  add(row: number, day: number, min: number, max: number, lowest: number, qty: number): number {
    if (this.size === this.row.length) this.grow();
    const at = this.size++;
    this.row[at] = row;
    this.day[at] = day;
    this.min[at] = min;
    this.max[at] = max;
    this.lowest[at] = lowest;
    this.qty[at] = qty;
    return at;
  }

  private grow(): void {
    const capacity = Math.max(16, this.row.length * 2);
    this.row = resizedInt32(this.row, capacity);
    this.day = resizedInt32(this.day, capacity);
    this.min = resizedFloat64(this.min, capacity);
    this.max = resizedFloat64(this.max, capacity);
    this.lowest = resizedFloat64(this.lowest, capacity);
    this.qty = resizedFloat64(this.qty, capacity);
  }
}

/**
 * One entry per proposal, in the order they were decided (SKU by SKU). Transfer and purchase share
 * the columns: `source` is the source node of a transfer and the supplier option of a purchase.
 */
export class ProposalColumns {
  size = 0;
  need: Int32Array;
  /** 1 for a need's first proposal, 2 for its second, … (its id's suffix). */
  ordinal: Int32Array;
  kind: Uint8Array;
  source: Int32Array;
  qty: Float64Array;
  /** A purchase's quantity before the supplier's minimum and multiple raised it. */
  requested: Float64Array;
  /** Ship day of a transfer, order day of a purchase. */
  startDay: Int32Array;
  arrivalDay: Int32Array;
  cost: Float64Array;
  unitCost: Float64Array;
  transitDays: Int32Array;
  alreadyTransferred: Float64Array;
  /** A transfer's source: what it could spare, the floor it keeps, how many nodes asked it and for how much. */
  spare: Float64Array;
  sourceFloor: Float64Array;
  sharedAmong: Int32Array;
  askedInTotal: Float64Array;
  alternative: Uint8Array;
  alternativeSource: Int32Array;
  alternativeArrivalDay: Int32Array;
  alternativeUnitCost: Float64Array;

  constructor(capacity: number) {
    const length = Math.max(16, capacity);
    this.need = new Int32Array(length);
    this.ordinal = new Int32Array(length);
    this.kind = new Uint8Array(length);
    this.source = new Int32Array(length);
    this.qty = new Float64Array(length);
    this.requested = new Float64Array(length);
    this.startDay = new Int32Array(length);
    this.arrivalDay = new Int32Array(length);
    this.cost = new Float64Array(length);
    this.unitCost = new Float64Array(length);
    this.transitDays = new Int32Array(length);
    this.alreadyTransferred = new Float64Array(length);
    this.spare = new Float64Array(length);
    this.sourceFloor = new Float64Array(length);
    this.sharedAmong = new Int32Array(length);
    this.askedInTotal = new Float64Array(length);
    this.alternative = new Uint8Array(length);
    this.alternativeSource = new Int32Array(length);
    this.alternativeArrivalDay = new Int32Array(length);
    this.alternativeUnitCost = new Float64Array(length);
  }

  /** Room for one more proposal; the caller fills every column at the returned position. */
  next(): number {
    if (this.size === this.need.length) this.grow();
    return this.size++;
  }

  /** Gives back the room an upper-bound estimate left unused, for a run that is kept a while. */
  fit(): void {
    if (this.need.length > this.size + (this.size >> 2) + 16) this.resize(this.size);
  }

  private grow(): void {
    this.resize(Math.max(16, this.need.length * 2));
  }

  private resize(capacity: number): void {
    this.need = resizedInt32(this.need, capacity);
    this.ordinal = resizedInt32(this.ordinal, capacity);
    this.kind = resizedUint8(this.kind, capacity);
    this.source = resizedInt32(this.source, capacity);
    this.qty = resizedFloat64(this.qty, capacity);
    this.requested = resizedFloat64(this.requested, capacity);
    this.startDay = resizedInt32(this.startDay, capacity);
    this.arrivalDay = resizedInt32(this.arrivalDay, capacity);
    this.cost = resizedFloat64(this.cost, capacity);
    this.unitCost = resizedFloat64(this.unitCost, capacity);
    this.transitDays = resizedInt32(this.transitDays, capacity);
    this.alreadyTransferred = resizedFloat64(this.alreadyTransferred, capacity);
    this.spare = resizedFloat64(this.spare, capacity);
    this.sourceFloor = resizedFloat64(this.sourceFloor, capacity);
    this.sharedAmong = resizedInt32(this.sharedAmong, capacity);
    this.askedInTotal = resizedFloat64(this.askedInTotal, capacity);
    this.alternative = resizedUint8(this.alternative, capacity);
    this.alternativeSource = resizedInt32(this.alternativeSource, capacity);
    this.alternativeArrivalDay = resizedInt32(this.alternativeArrivalDay, capacity);
    this.alternativeUnitCost = resizedFloat64(this.alternativeUnitCost, capacity);
  }

}
