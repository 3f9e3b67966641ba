import type { AuditVerificationView, BatchSummaryView } from '../../../shared/ipc';
import type { RequestHandlers } from '../../ipc/dispatch';
import { ServiceError } from '../../ipc/service-error';
import type { Log } from '../../app/log';
import { describeEvent, type AuditLog } from '../audit';
import type { Identity } from '../identity';
import { SecretStorageError } from '../secrets';
import { StoredRecordUnreadableError } from '../store';
import { batchLabel, sameOrderKey } from '../../../shared/approvals';
import { AlreadySubmittedError, NetworkNotStoredError, NotIdentifiedError, NotRecordedError } from './approval-errors';
import type { ApprovalService, Approver } from './approval-service';
import { ExchangeRefusal, type ApprovalExchange } from './exchange';
import { OdooExchangeUnavailableError, type OdooExchange } from './odoo-exchange';
import { isOdooError } from '../odoo';
import { CostFilterRefusedError, inboxView } from './inbox';
import { ProposalsRefusedError } from './line-checks';
import type { CanonicalEventKind, Proposal } from '../../../shared/domain';
import { CANONICAL_EVENT_KINDS } from '../../../shared/domain';

type ApprovalChannel =
  | 'approvals.submitBatch'
  | 'approvals.submitFromReplenishment'
  | 'approvals.submitScenario'
  | 'approvals.scenarioSubmission'
  | 'approvals.inbox'
  | 'approvals.decide'
  | 'approvals.batches'
  | 'approvals.exportBatch'
  | 'approvals.exportDecisions'
  | 'approvals.importFile'
  | 'approvals.publishToOdoo'
  | 'approvals.fetchFromOdoo'
  | 'approvals.trustSigner'
  | 'approvals.keys'
  | 'audit.list'
  | 'audit.verify';

export interface ApprovalRequestDeps {
  service: ApprovalService;
  exchange: ApprovalExchange;
  /** The same exchange files, carried by Odoo when it can be reached. */
  odooExchange: OdooExchange;
  identity: Identity;
  audit: AuditLog;
  log: Log;
  now: () => Date;
  /** Whole proposals (costs included, whatever the screen was shown) from the planning worker. */
  planned: {
    fromRun(resultId: string, proposalIds: string[]): Promise<Proposal[]>;
    fromScenario(scenarioId: string): Promise<Proposal[]>;
  };
  /** Tells the screens that batches or decisions changed. */
  changed: (batchId: string | null) => void;
}

/** The person at the desk, as the approvals need them. */
export function approverOf(identity: Identity): Approver | null {
  const user = identity.current();
  return user ? { login: user.login, name: user.name, roles: user.roles.map((role) => role.code), seesCosts: user.seesCosts } : null;
}

/** The services' refusals as answers the screen can show; anything else is a fault. */
function answer(error: unknown, log: Log, channel: string): never {
  if (error instanceof ServiceError) throw error;
  if (error instanceof NotIdentifiedError || error instanceof CostFilterRefusedError) throw new ServiceError('forbidden', error.message);
  if (error instanceof ProposalsRefusedError) throw new ServiceError('invalid-request', error.message);
  if (error instanceof NetworkNotStoredError) throw new ServiceError('not-ready', error.message);
  if (error instanceof OdooExchangeUnavailableError) throw new ServiceError('unavailable', error.message);
  if (isOdooError(error)) throw new ServiceError('unavailable', `Odoo refused the exchange file (${error.message}): export the file and hand it over instead.`);
  if (error instanceof ExchangeRefusal || error instanceof AlreadySubmittedError) throw new ServiceError('conflict', error.message);
  if (error instanceof NotRecordedError) {
    log.error({ channel, code: error.sqliteCode }, 'a write was refused by the database; nothing was recorded');
    throw new ServiceError('unavailable', error.message);
  }
  if (error instanceof StoredRecordUnreadableError) {
    log.error({ channel, problem: error.message }, 'an approval record in the cache fails its schema');
    throw new ServiceError('failed', error.message);
  }
  if (error instanceof SecretStorageError) throw new ServiceError('unavailable', `Your signing key cannot be kept safely on this computer: ${error.message}`);
  throw error;
}

async function guarded<T>(channel: string, log: Log, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    answer(error, log, channel);
  }
}

const KNOWN_KINDS = new Set<string>(CANONICAL_EVENT_KINDS);

export function approvalHandlers(deps: ApprovalRequestDeps): Pick<RequestHandlers, ApprovalChannel> {
  const { service, exchange, identity, audit, log } = deps;
  const user = (): Approver | null => approverOf(identity);
  const now = (): string => deps.now().toISOString();
  return {
    'approvals.submitBatch': (request) =>
      guarded('approvals.submitBatch', log, async () => {
        const result = await service.submit({ origin: request.origin, proposals: request.proposals, note: request.note }, user());
        log.info({ batchId: result.batchId, lines: result.lines, autoApproved: result.autoApproved }, 'batch submitted');
        deps.changed(result.batchId);
        return result;
      }),
    'approvals.submitFromReplenishment': ({ resultId, proposalIds, note }) =>
      guarded('approvals.submitFromReplenishment', log, async () => {
        const proposals = await deps.planned.fromRun(resultId, proposalIds);
        const result = await service.submit({ origin: { kind: 'replenishment' }, proposals, note }, user());
        log.info({ batchId: result.batchId, lines: result.lines, autoApproved: result.autoApproved, resultId }, 'batch submitted from a replenishment run');
        deps.changed(result.batchId);
        return result;
      }),
    'approvals.submitScenario': ({ scenarioId, note }) =>
      guarded('approvals.submitScenario', log, async () => {
        const all = await deps.planned.fromScenario(scenarioId);
        if (all.length === 0) throw new ServiceError('invalid-request', 'This scenario adds no transfer or purchase: there is nothing to submit.');
        // A scenario submitted again sends only what is new: a line waiting or approved is not proposed twice
        // (one rejected or expired may be).
        const open = service.storeForExchange.openScenarioProposals(scenarioId, now());
        const fresh = all.filter((proposal) => !open.has(proposal.id));
        const batches = [...new Set(all.flatMap((proposal) => open.get(proposal.id)?.batchId ?? []))].map(batchLabel);
        if (fresh.length === 0) throw new ServiceError('conflict', `Every transfer and purchase of this scenario is already submitted (batch ${batches.join(', ')}); a rejected or expired line can be submitted again.`);
        if (fresh.length > 500) throw new ServiceError('invalid-request', `This scenario adds ${fresh.length} transfers and purchases; a batch holds at most 500 lines.`);
        const result = await service.submit({ origin: { kind: 'scenario', scenarioId }, proposals: fresh, note }, user());
        log.info({ batchId: result.batchId, lines: result.lines, autoApproved: result.autoApproved, scenarioId, leftOut: all.length - fresh.length }, 'scenario submitted');
        deps.changed(result.batchId);
        const left = all.length - fresh.length;
        return left === 0 ? result : { ...result, leftOut: result.leftOut + left, summary: `${result.summary} ${left} submitted before (batch ${batches.join(', ')}) ${left === 1 ? 'was' : 'were'} left out.` };
      }),
    'approvals.scenarioSubmission': ({ scenarioId }) =>
      guarded('approvals.scenarioSubmission', log, async () => {
        const all = await deps.planned.fromScenario(scenarioId);
        const open = service.storeForExchange.openScenarioProposals(scenarioId, now());
        const orders = service.openOrdersNow();
        const batches = new Set<string>();
        let alreadySubmitted = 0;
        for (const proposal of all) {
          // This scenario's own line for it, or another batch's line ordering the same thing.
          const earlier = open.get(proposal.id) ?? orders.get(sameOrderKey(proposal));
          if (!earlier) continue;
          alreadySubmitted++;
          batches.add(earlier.batchId);
        }
        return { proposals: all.length, alreadySubmitted, batches: [...batches] };
      }),
    'approvals.inbox': (query) => guarded('approvals.inbox', log, () => inboxView(service, query, user(), now())),
    'approvals.decide': (request) =>
      guarded('approvals.decide', log, () => {
        const result = service.decide({ lineIds: request.lineIds, decision: request.decision, comment: request.comment }, user());
        if (result.recorded.length === 0) throw new ServiceError('forbidden', result.refused.map((refusal) => refusal.reason).join(' '));
        log.info({ recorded: result.recorded.length, refused: result.refused.length, decision: request.decision }, 'decisions recorded');
        deps.changed(null);
        return result;
      }),
    'approvals.batches': () =>
      guarded('approvals.batches', log, () => {
        const store = service.storeForExchange;
        const at = now();
        const batches: BatchSummaryView[] = store.batches(100).map((batch) => {
          const lines = service.lines({ batchId: batch.id }, at);
          return {
            batchId: batch.id,
            submittedBy: batch.submittedBy,
            submittedAt: batch.submittedAt,
            origin: batch.origin,
            note: batch.note,
            lines: lines.length,
            waiting: lines.filter((line) => line.progress.state === 'waiting').length,
            decisions: lines.reduce((sum, line) => sum + line.decisions.length, 0),
            importedFrom: store.batchImportedFrom(batch.id),
          };
        });
        return { batches };
      }),
    'approvals.exportBatch': ({ batchId }) => guarded('approvals.exportBatch', log, () => exchange.exportBatch(batchId, user())),
    'approvals.exportDecisions': ({ batchId }) => guarded('approvals.exportDecisions', log, () => exchange.exportDecisions(batchId, user())),
    'approvals.importFile': ({ content }) =>
      guarded('approvals.importFile', log, async () => {
        const result = await exchange.importFile(content, user());
        if (result.outcome === 'imported') deps.changed(result.batchId);
        else log.warn({ reason: result.reason }, 'an exchange file was refused');
        return result;
      }),
    'approvals.publishToOdoo': ({ batchId, what }) =>
      guarded('approvals.publishToOdoo', log, () => deps.odooExchange.publish(() => (what === 'batch' ? exchange.exportBatch(batchId, user()) : exchange.exportDecisions(batchId, user())))),
    'approvals.fetchFromOdoo': () =>
      guarded('approvals.fetchFromOdoo', log, async () => {
        const result = await deps.odooExchange.fetch(user());
        if (result.files.some((file) => file.outcome === 'imported')) deps.changed(null);
        return result;
      }),
    'approvals.trustSigner': ({ content, fingerprint }) => guarded('approvals.trustSigner', log, () => exchange.trustSigner(content, fingerprint, user())),
    'approvals.keys': () => guarded('approvals.keys', log, () => exchange.keys(user())),
    'audit.list': (query) =>
      guarded('audit.list', log, () => {
        const kinds = query.kinds?.filter((kind): kind is CanonicalEventKind => KNOWN_KINDS.has(kind));
        const entries = audit.list({
          ...(kinds && kinds.length > 0 ? { kinds } : {}),
          ...(query.beforeSeq !== undefined ? { beforeSeq: query.beforeSeq } : {}),
          ...(query.actor !== undefined ? { actor: query.actor } : {}),
          ...(query.text !== undefined ? { text: query.text } : {}),
          limit: query.limit,
        });
        const last = entries.at(-1);
        return {
          entries: entries.map((entry) => ({ seq: entry.seq, at: entry.event.at, kind: entry.event.kind, actor: entry.event.actor, summary: describeEvent(entry.event), hash: entry.hash })),
          nextBeforeSeq: entries.length === query.limit && last && last.seq > 1 ? last.seq : null,
          kinds: audit.kinds(),
        };
      }),
    'audit.verify': () =>
      guarded('audit.verify', log, () => {
        const result = audit.verify();
        const view: AuditVerificationView = result.ok
          ? { ok: true, entries: result.entries, brokenAt: null, message: `The chain holds: ${result.entries} entr${result.entries === 1 ? 'y' : 'ies'}, each linked to the one before and unchanged since it was written.`, checkedAt: now() }
          : { ok: false, entries: result.entries, brokenAt: result.brokenAt, message: `The chain is broken at entry ${result.brokenAt}: ${result.reason}.`, checkedAt: now() };
        if (!result.ok) log.error({ brokenAt: result.brokenAt, reason: result.reason }, 'the audit chain does not verify');
        return view;
      }),
  };
}
