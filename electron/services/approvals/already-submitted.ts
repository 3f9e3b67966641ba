import type { LineState } from '../../../shared/approvals';
import type { Proposal } from '../../../shared/domain';

/** A line already submitted on the snapshot a new batch is checked against, and where it stands. */
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

/**
 * What makes two proposals the same order: kind, where to, what, from where (node or supplier
 * option), how many and on which day it leaves. On one snapshot the engine proposes a need the same
 * way each run, and a replenishment proposal added to a scenario keeps all of these, so the same
 * order reached twice (two runs, or a run and a scenario) matches whatever its id.
 */
export function sameOrderKey(proposal: Proposal): string {
  return proposal.kind === 'transfer'
    ? `transfer|${proposal.fromNodeId}|${proposal.nodeId}|${proposal.skuId}|${proposal.qty}|${proposal.shipDate}`
    : `purchase|${proposal.supplierOptionId}|${proposal.nodeId}|${proposal.skuId}|${proposal.qty}|${proposal.orderDate}`;
}

/** Only lines that may still become an order count: rejected and expired ones can be proposed again. */
function stillOpen(state: LineState): boolean {
  return state !== 'rejected' && state !== 'expired';
}

/** Splits a batch's checked lines into the new ones and those an open earlier line already orders. */
export function leaveOutRepeats<Line extends { proposal: Proposal }>(lines: readonly Line[], earlier: readonly EarlierLine[]): { fresh: Line[]; repeated: RepeatedProposal[] } {
  const open = new Map<string, EarlierLine>();
  for (const line of earlier) {
    const key = sameOrderKey(line.proposal);
    if (stillOpen(line.state) && !open.has(key)) open.set(key, line);
  }
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
  const shown = repeated.slice(0, SHOWN).map(({ proposal, earlier }) => `${describeOrder(proposal)} (batch ${earlier.batchId}, line ${earlier.line}, ${earlier.state})`);
  const more = repeated.length > SHOWN ? ` and ${repeated.length - SHOWN} more` : '';
  return `${shown.join('; ')}${more}`;
}
