import type { LineState } from './approval-progress';
import { batchLabel } from './batch';
import type { Proposal } from '../domain/scenario';

/** A line already submitted whose order the network a new batch is checked against does not show yet. */
export interface EarlierLine {
  proposal: Proposal;
  batchId: string;
  /** 1-based, as the inbox numbers a batch's lines. */
  line: number;
  state: LineState;
}

export interface RepeatedProposal {
  proposal: Proposal;
  earlier: EarlierLine;
}

/** The parts of a proposal (or of its row on a screen) that say what it orders. */
export interface OrderParts {
  kind: 'transfer' | 'purchase';
  nodeId: string;
  skuId: string;
  /** The source node of a transfer, the supplier option of a purchase. */
  source: string;
  qty: number;
  /** Ship date of a transfer, order date of a purchase. */
  leaves: string;
}

/**
 * What makes two proposals the same order: kind, where to, what, from where (node or supplier
 * option), how many and on which day it leaves. Until the network changes, the engine proposes a
 * need the same way each run, and a replenishment proposal added to a scenario keeps all of these,
 * so the same order reached twice (two runs, or a run and a scenario) matches whatever its id. The
 * day is part of it on purpose: an order proposed again on a later day may be a new need, and is
 * not refused for looking like an old one.
 */
export function orderKey(order: OrderParts): string {
  return `${order.kind}|${order.source}|${order.nodeId}|${order.skuId}|${order.qty}|${order.leaves}`;
}

export function sameOrderKey(proposal: Proposal): string {
  return proposal.kind === 'transfer'
    ? orderKey({ kind: 'transfer', nodeId: proposal.nodeId, skuId: proposal.skuId, source: proposal.fromNodeId, qty: proposal.qty, leaves: proposal.shipDate })
    : orderKey({ kind: 'purchase', nodeId: proposal.nodeId, skuId: proposal.skuId, source: proposal.supplierOptionId, qty: proposal.qty, leaves: proposal.orderDate });
}

/** Only lines that may still become an order count: rejected and expired ones can be proposed again. */
function stillOpen(state: LineState): state is OpenLineState {
  return state !== 'rejected' && state !== 'expired';
}

export type OpenLineState = Exclude<LineState, 'rejected' | 'expired'>;

/** An earlier line whose order may still be placed: waiting, or approved and not yet in the network. */
export type OpenLine = EarlierLine & { state: OpenLineState };

/** The earlier lines whose orders may still be placed. */
export function openLines(earlier: readonly EarlierLine[]): OpenLine[] {
  return earlier.flatMap((line) => {
    const { state } = line;
    return stillOpen(state) ? [{ ...line, state }] : [];
  });
}

/** Open lines by what they order (the first line of each order). */
export function openOrders(open: readonly OpenLine[]): Map<string, OpenLine> {
  const byOrder = new Map<string, OpenLine>();
  for (const line of open) {
    const key = sameOrderKey(line.proposal);
    if (!byOrder.has(key)) byOrder.set(key, line);
  }
  return byOrder;
}

/** Splits a batch's checked lines into the new ones and those an open earlier line already orders. */
export function leaveOutRepeats<Line extends { proposal: Proposal }>(lines: readonly Line[], earlier: readonly EarlierLine[]): { fresh: Line[]; repeated: RepeatedProposal[] } {
  const open = openOrders(openLines(earlier));
  const fresh: Line[] = [];
  const repeated: RepeatedProposal[] = [];
  for (const line of lines) {
    const match = open.get(sameOrderKey(line.proposal));
    if (match) repeated.push({ proposal: line.proposal, earlier: match });
    else fresh.push(line);
  }
  return { fresh, repeated };
}

function describeOrder(proposal: Proposal): string {
  return proposal.kind === 'transfer'
    ? `transfer ${proposal.qty} × ${proposal.skuId} ${proposal.fromNodeId} → ${proposal.nodeId}`
    : `purchase ${proposal.qty} × ${proposal.skuId} from ${proposal.supplier} for ${proposal.nodeId}`;
}

const SHOWN = 3;

/** "transfer 30 × SKU-1 RDC1 → FSL01 (batch B1, line 2, waiting), … and 4 more" */
export function describeRepeats(repeated: readonly RepeatedProposal[]): string {
  const shown = repeated.slice(0, SHOWN).map(({ proposal, earlier }) => `${describeOrder(proposal)} (batch ${batchLabel(earlier.batchId)}, line ${earlier.line}, ${earlier.state})`);
  const more = repeated.length > SHOWN ? ` and ${repeated.length - SHOWN} more` : '';
  return `${shown.join('; ')}${more}`;
}

/** node × SKU: the place an order stocks, whatever its source, quantity or day. */
export function placeKey(proposal: Pick<Proposal, 'nodeId' | 'skuId'>): string {
  return `${proposal.nodeId}|${proposal.skuId}`;
}

/** Open lines grouped by the node × SKU they stock. */
export function openOrdersByPlace(open: readonly OpenLine[]): Map<string, OpenLine[]> {
  const byPlace = new Map<string, OpenLine[]>();
  for (const line of open) {
    const place = placeKey(line.proposal);
    const group = byPlace.get(place);
    if (group) group.push(line);
    else byPlace.set(place, [line]);
  }
  return byPlace;
}

/** An open order as the screens list it beside another line or proposal for the same node × SKU. */
export interface OpenOrderSummary {
  batchId: string;
  line: number;
  state: OpenLineState;
  kind: 'transfer' | 'purchase';
  qty: number;
  /** The source node of a transfer (as `nodeLabel` names it), the supplier of a purchase. */
  from: string;
  /** Ship date of a transfer, order date of a purchase. */
  leavesOn: string;
  arrivalDate: string;
}

export function openOrderSummary(order: OpenLine, nodeLabel: (nodeId: string) => string = (nodeId) => nodeId): OpenOrderSummary {
  const { proposal } = order;
  return {
    batchId: order.batchId,
    line: order.line,
    state: order.state,
    kind: proposal.kind,
    qty: proposal.qty,
    from: proposal.kind === 'transfer' ? nodeLabel(proposal.fromNodeId) : proposal.supplier,
    leavesOn: proposal.kind === 'transfer' ? proposal.shipDate : proposal.orderDate,
    arrivalDate: proposal.arrivalDate,
  };
}

/**
 * For a line a supervisor decides: the other open orders, from other batches, for the same node
 * and SKU. Not refused (a second order may be a new need, or another day's), but worth seeing
 * before approving: two batches may cover the same shortage.
 */
export function otherOrdersForPlace(line: { proposal: Proposal; batchId: string }, byPlace: ReadonlyMap<string, readonly OpenLine[]>): OpenLine[] {
  return (byPlace.get(placeKey(line.proposal)) ?? []).filter((other) => other.batchId !== line.batchId);
}
