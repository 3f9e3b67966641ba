import { explainRouting, openOrderSummary, otherOrdersForPlace, termsOf, type OpenLine, type ServiceImpact } from '../../../shared/approvals';
import type { ApprovalLineView, InboxQuery, InboxView } from '../../../shared/ipc';
import { reasonTextFor } from '../identity';
import type { LineFilter } from '../store';
import type { ApprovalService, Approver, LineWithProgress } from './approval-service';
import { LineNetworks } from './line-network';

/** A value filter from a user who does not see costs would reveal them through which lines it keeps. */
export class CostFilterRefusedError extends Error {
  constructor() {
    super('Filtering by value would reveal costs, which your role does not see.');
    this.name = 'CostFilterRefusedError';
  }
}

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

export function describeServiceImpact(impact: ServiceImpact): string {
  const timing = impact.daysLate > 0 ? `arrives ${impact.arrivalDate}, ${impact.daysLate} day${impact.daysLate === 1 ? '' : 's'} after it is needed (${impact.neededBy})` : `arrives ${impact.arrivalDate}, in time for ${impact.neededBy}`;
  if (impact.unitsShortBefore === null || impact.unitsShortAfter === null) return `${impact.node}: ${timing}; its shortages could not be checked.`;
  if (impact.unitsShortBefore === 0) return `${impact.node} is not short in the horizon; ${timing}.`;
  const first = impact.firstShortDateBefore ? ` from ${impact.firstShortDateBefore}` : '';
  const after = impact.unitsShortAfter === 0 ? 'none after it' : `${number.format(impact.unitsShortAfter)} after it`;
  return `${impact.node} is ${number.format(impact.unitsShortBefore)} short${first}; ${after}. It ${timing}.`;
}

function waitingForText(service: ApprovalService, line: LineWithProgress): string | null {
  const { progress } = line;
  const outcome = line.stored.record.routing.outcome;
  if (progress.state !== 'waiting' || outcome.decision !== 'requires-approval') return null;
  const names = progress.missingRoles.map(service.roleName);
  const joined = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} ${outcome.mode === 'all' ? 'and' : 'or'} ${names[names.length - 1] as string}`;
  const escalation = progress.escalated && progress.escalateTo && !progress.missingRoles.includes(progress.escalateTo) ? ` — or ${service.roleName(progress.escalateTo)} alone (escalated)` : '';
  return `${joined}${escalation}`;
}

const OTHER_ORDERS_SHOWN = 5;

export function lineView(
  service: ApprovalService,
  line: LineWithProgress,
  user: Approver | null,
  queued: boolean,
  openOrders: ReadonlyMap<string, readonly OpenLine[]> = new Map(),
  networks: LineNetworks = new LineNetworks(service.db),
): ApprovalLineView {
  const { record } = line.stored;
  const { proposal, facts, routing, serviceImpact } = record;
  const seesCosts = user?.seesCosts ?? false;
  const roleName = service.roleName;
  const refusal = service.refusalFor(line, user);
  const waiting = line.progress.state === 'waiting';
  const others = waiting ? otherOrdersForPlace(record, openOrders) : [];
  const network = waiting ? networks.noteFor(record.batchId) : null;
  return {
    lineId: record.id,
    batchId: record.batchId,
    position: record.position,
    kind: proposal.kind,
    skuId: proposal.skuId,
    nodeId: proposal.nodeId,
    fromNodeId: proposal.kind === 'transfer' ? proposal.fromNodeId : null,
    supplier: proposal.kind === 'purchase' ? proposal.supplier : null,
    qty: proposal.qty,
    leavesOn: proposal.kind === 'transfer' ? proposal.shipDate : proposal.orderDate,
    arrivalDate: proposal.arrivalDate,
    neededBy: proposal.neededBy,
    daysLate: proposal.daysLate,
    value: seesCosts ? facts.value : null,
    unitCost: seesCosts ? facts.unitCost : null,
    reason: reasonTextFor(seesCosts, proposal.reason.text),
    ruleId: routing.ruleId,
    ruleDescription: routing.ruleDescription,
    explanation: explainRouting(routing, { roleName, seesCosts }),
    terms: termsOf(routing.outcome, roleName),
    serviceImpact: describeServiceImpact(serviceImpact),
    unitsShortBefore: serviceImpact.unitsShortBefore,
    unitsShortAfter: serviceImpact.unitsShortAfter,
    state: line.progress.state,
    overdue: line.progress.state === 'waiting' && line.progress.escalated,
    escalatesAt: line.progress.escalatesAt,
    escalatedTo: line.progress.escalated && line.progress.escalateTo ? roleName(line.progress.escalateTo) : null,
    expiresAt: line.progress.expiresAt,
    settledAt: line.progress.settledAt,
    waitingFor: line.progress.decidableBy.map(roleName),
    waitingForText: waitingForText(service, line),
    approvedAs: line.progress.approvedRoles.map(roleName),
    submittedBy: line.batch.submittedBy,
    submittedByName: line.batch.submittedByName,
    submittedAt: line.batch.submittedAt,
    origin: line.batch.origin,
    decisions: line.decisions.map((entry) => ({
      decidedBy: entry.decision.decidedBy,
      role: roleName(entry.decision.role),
      decision: entry.decision.decision,
      decidedAt: entry.decision.decidedAt,
      comment: entry.decision.comment,
      imported: entry.signer.deviceId !== service.deviceId(),
    })),
    canDecide: refusal === null,
    cannotDecideBecause: refusal,
    otherNetwork: network?.text ?? null,
    cannotApproveBecause: refusal ?? network?.approvalRefused ?? null,
    queued,
    alsoOrdered: others.slice(0, OTHER_ORDERS_SHOWN).map((order) => openOrderSummary(order)),
    alsoOrderedCount: others.length,
  };
}

/** The Approvals inbox: lines with where they stand now, filtered and counted for the person at the desk. */
export function inboxView(service: ApprovalService, query: InboxQuery, user: Approver | null, now: string): InboxView {
  const seesCosts = user?.seesCosts ?? false;
  if (!seesCosts && (query.minValue !== undefined || query.maxValue !== undefined)) throw new CostFilterRefusedError();
  const filter: LineFilter = {
    ...(query.batchId !== undefined ? { batchId: query.batchId } : {}),
    ...(query.ruleId !== undefined ? { ruleId: query.ruleId === 'fallback' ? null : query.ruleId } : {}),
    ...(query.nodeId !== undefined ? { nodeId: query.nodeId } : {}),
    ...(query.minValue !== undefined ? { minValue: query.minValue } : {}),
    ...(query.maxValue !== undefined ? { maxValue: query.maxValue } : {}),
  };
  // Only the open lines are read whole (who may decide one depends on its decisions); settled
  // history is counted and paged in the database, so a year of it costs no more than a day.
  const open = service.openLines(filter, now).filter((line) => line.progress.state === 'waiting');
  const decidable = open.filter((line) => service.refusalFor(line, user) === null);
  const overdue = open.filter((line) => line.progress.escalated);
  const stored = service.lineCounts(filter, now);
  const counts = { forMe: decidable.length, waiting: open.length, overdue: overdue.length, approved: stored.approved, autoApproved: stored['auto-approved'], rejected: stored.rejected, expired: stored.expired };
  const settledCount = counts.approved + counts.autoApproved + counts.rejected + counts.expired;
  const state = query.state ?? 'waiting';
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 200;
  const pageOf = (lines: LineWithProgress[]): LineWithProgress[] => lines.slice(offset, offset + limit);
  const { page, total } = (() => {
    switch (state) {
      case 'for-me':
        return { page: pageOf(decidable), total: decidable.length };
      case 'waiting':
        return { page: pageOf(open), total: open.length };
      case 'overdue':
        return { page: pageOf(overdue), total: overdue.length };
      case 'settled':
        return { page: service.settledLines(filter, now, { offset, limit }), total: settledCount };
      case 'all':
        return { page: service.newestLines(filter, now, { offset, limit }), total: settledCount + stored.waiting };
    }
  })();
  const queued = service.storeForExchange.handedOff(page.map((line) => line.stored.record.id));
  const openOrders = page.some((line) => line.progress.state === 'waiting') ? service.openOrdersByPlaceNow() : new Map<string, OpenLine[]>();
  const networks = new LineNetworks(service.db);
  const rules = service.storeForExchange.rulesInUse().map((id) => ({
    id: id ?? 'fallback',
    description: id === null ? 'No rule matched (fallback)' : (service.profile.approvalMatrix.rules.find((rule) => rule.id === id)?.description ?? id),
  }));
  return {
    lines: page.map((line) => lineView(service, line, user, queued.has(line.stored.record.id), openOrders, networks)),
    total,
    counts,
    rules,
    seesCosts,
    user: user ? { login: user.login, roles: user.roles.map(service.roleName) } : null,
  };
}
