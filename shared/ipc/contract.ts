import { z } from 'zod';
import { NetworkSummary, StockPage, StockQuery, StockRow } from './network-views';
import { ChangeOdooConnectionRequest, ChooseDemoUserRequest, ResetOdooConnectionRequest, SaveOdooApiKeyRequest, SettingsView } from './settings-views';
import { OUTBOX_EVENTS, OUTBOX_REQUESTS } from './outbox';
import {
  AuditPage,
  AuditQueryRequest,
  AuditVerificationView,
  BatchSummaryView,
  DecideRequest,
  DecideResult,
  ExchangeFileView,
  FetchFromOdooResult,
  ImportFileRequest,
  ImportResult,
  InboxQuery,
  InboxView,
  KeysView,
  PublishedToOdoo,
  PublishToOdooRequest,
  SubmitBatchRequest,
  SubmitFromReplenishmentRequest,
  SubmitScenarioRequest,
  ScenarioSubmission,
  SubmittedBatch,
  TrustSignerRequest,
} from './approval-views';
import { RecordId } from '../approvals/batch';
import {
  AddProposalsRequest,
  AllocationPage,
  AllocationPageRequest,
  AllocationRun,
  AllocationRunRequest,
  CompareRequest,
  EditOutcome,
  PlanningCatalog,
  PlanTarget,
  ReplenishmentPage,
  ReplenishmentPageRequest,
  ReplenishmentRun,
  RowDetails,
  RunId,
  ScenarioCompareView,
  ScenarioDetail,
  ScenarioId,
  ScenarioList,
  SkuChoices,
  SkuSearch,
  TimelineRequest,
  TimelineView,
} from './planning-views';
import { Instant, NodeId, ScenarioEdit, SkuId, SyncChangeCounts, SyncChanges } from '../domain';

export const Notice = z.object({
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});
export type Notice = z.infer<typeof Notice>;

export const AppDescription = z.object({
  appVersion: z.string(),
  region: z.object({ code: z.string(), name: z.string(), currency: z.string(), locale: z.string(), timeZone: z.string() }),
  /** `demo` shows a generated network and says so on every screen; `odoo` a synced cache. */
  mode: z.enum(['demo', 'odoo', 'empty']),
  dataDirectory: z.string(),
  notices: z.array(Notice),
  /** Who is at the desk, and whether costs reach them (least privilege: null sees no costs). */
  user: z.object({ login: z.string(), name: z.string(), seesCosts: z.boolean() }).nullable(),
  network: z.object({
    ready: z.boolean(),
    nodes: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), area: z.string() })),
    areas: z.array(z.string()),
    demo: z.object({ seed: z.number(), nodes: z.number(), skus: z.number() }).nullable(),
  }),
});
export type AppDescription = z.infer<typeof AppDescription>;

const Empty = z.strictObject({});

export const SyncProgressEvent = z.object({ label: z.string(), done: z.number(), total: z.number() });

export const SyncStatus = z.object({
  /** Whether an Odoo connection is set up at all (in Settings, or by `npm start -- --with-odoo-sim`). */
  configured: z.boolean(),
  running: z.boolean(),
  progress: SyncProgressEvent.nullable(),
  lastRun: z
    .object({ kind: z.string(), startedAt: z.string(), finishedAt: z.string().nullable(), outcome: z.string().nullable(), message: z.string().nullable() })
    .nullable(),
  /** Differences between the cache and Odoo's own quantities after the last sync: none is the goal. */
  reconciliation: z
    .object({
      checkedAt: z.string(),
      nodes: z.number().int(),
      products: z.number().int(),
      differenceCount: z.number().int(),
      differences: z.array(z.object({ nodeId: z.string(), skuId: z.string(), figure: z.string(), cache: z.number(), odoo: z.number() })),
    })
    .nullable(),
  problems: z.array(z.string()),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** What recent syncs changed: each sync's counts, and one sync's changes in full (the newest unless asked). */
export const SyncChangesView = z.object({
  syncs: z.array(z.object({ takenAt: z.string(), previousTakenAt: z.string(), counts: SyncChangeCounts })),
  selected: SyncChanges.nullable(),
});
export type SyncChangesView = z.infer<typeof SyncChangesView>;

export const ConnectionCheck = z.object({
  serverVersion: z.string(),
  database: z.string(),
  login: z.string(),
  userName: z.string(),
  groups: z.array(z.string()),
});
export type ConnectionCheck = z.infer<typeof ConnectionCheck>;
const ScenarioName = z.string().trim().min(1, 'give the scenario a name').max(200);
const ScenarioRequest = z.strictObject({ scenarioId: ScenarioId });
/** A request that may take a while (the worker opens or recomputes the scenario): the screen may name it to follow and cancel it. */
const ScenarioRun = z.strictObject({ scenarioId: ScenarioId, runId: RunId.optional() });

const StockRowKey = z.strictObject({ nodeId: z.string().min(1), skuId: z.string().min(1) });

/**
 * Every request the renderer may make. The preload exposes exactly these channels, main and the
 * headless host validate each request with its schema before any service sees it, and responses
 * are validated before they leave.
 */
export const REQUESTS = {
  'app.describe': { request: Empty, response: AppDescription },
  'network.summary': { request: Empty, response: NetworkSummary },
  'stock.query': { request: StockQuery, response: StockPage },
  'stock.rows': { request: z.strictObject({ keys: z.array(StockRowKey).min(1).max(500) }), response: z.object({ rows: z.array(StockRow) }) },
  'odoo.testConnection': { request: Empty, response: ConnectionCheck },
  'sync.start': { request: Empty, response: z.object({ started: z.boolean() }) },
  'sync.cancel': { request: Empty, response: z.object({ cancelled: z.boolean() }) },
  'sync.status': { request: Empty, response: SyncStatus },
  'sync.changes': { request: z.strictObject({ takenAt: Instant.optional() }), response: SyncChangesView },
  'settings.describe': { request: Empty, response: SettingsView },
  'settings.changeOdooConnection': { request: ChangeOdooConnectionRequest, response: SettingsView },
  'settings.resetOdooConnection': { request: ResetOdooConnectionRequest, response: SettingsView },
  'secrets.saveOdooApiKey': { request: SaveOdooApiKeyRequest, response: SettingsView },
  'secrets.clearOdooApiKey': { request: Empty, response: SettingsView },
  'identity.chooseDemoUser': { request: ChooseDemoUserRequest, response: SettingsView },
  ...OUTBOX_REQUESTS,
  /** Asks Odoo again who the configured login is and which roles its groups give. */
  'identity.verify': { request: Empty, response: SettingsView },
  'approvals.submitBatch': { request: SubmitBatchRequest, response: SubmittedBatch },
  'approvals.submitFromReplenishment': { request: SubmitFromReplenishmentRequest, response: SubmittedBatch },
  'approvals.submitScenario': { request: SubmitScenarioRequest, response: SubmittedBatch },
  /** What Submit batch on a scenario would send now, for its button: nothing is recorded. */
  'approvals.scenarioSubmission': { request: z.strictObject({ scenarioId: z.string().min(1).max(64) }), response: ScenarioSubmission },
  'approvals.inbox': { request: InboxQuery, response: InboxView },
  'approvals.decide': { request: DecideRequest, response: DecideResult },
  'approvals.batches': { request: Empty, response: z.object({ batches: z.array(BatchSummaryView) }) },
  'approvals.exportBatch': { request: z.strictObject({ batchId: RecordId }), response: ExchangeFileView },
  'approvals.exportDecisions': { request: z.strictObject({ batchId: RecordId }), response: ExchangeFileView },
  'approvals.importFile': { request: ImportFileRequest, response: ImportResult },
  /** The same signed file as the export, attached in Odoo for other desktops to fetch. */
  'approvals.publishToOdoo': { request: PublishToOdooRequest, response: PublishedToOdoo },
  /** Imports every exchange file in Odoo this desktop has not seen yet, each checked as an imported file is. */
  'approvals.fetchFromOdoo': { request: Empty, response: FetchFromOdooResult },
  'approvals.trustSigner': { request: TrustSignerRequest, response: KeysView },
  'approvals.keys': { request: Empty, response: KeysView },
  'audit.list': { request: AuditQueryRequest, response: AuditPage },
  'audit.verify': { request: Empty, response: AuditVerificationView },
  // Scenarios: made on the loaded snapshot, kept in the local cache, computed in the planning worker.
  'scenario.list': { request: Empty, response: ScenarioList },
  'scenario.create': { request: z.strictObject({ name: ScenarioName }), response: ScenarioDetail },
  'scenario.describe': { request: ScenarioRequest, response: ScenarioDetail },
  'scenario.rename': { request: z.strictObject({ scenarioId: ScenarioId, name: ScenarioName }), response: ScenarioDetail },
  'scenario.delete': { request: ScenarioRequest, response: z.object({ deleted: z.boolean() }) },
  /** Adds edits after the ones in effect, all or none; a refusal names the edit, the field and why. */
  'scenario.applyEdits': { request: z.strictObject({ scenarioId: ScenarioId, edits: z.array(ScenarioEdit).min(1).max(500), runId: RunId.optional() }), response: EditOutcome },
  'scenario.undo': { request: ScenarioRequest, response: ScenarioDetail },
  'scenario.redo': { request: ScenarioRun, response: EditOutcome },
  /** Moves a scenario made on an older snapshot onto the loaded one, when every edit in effect still applies. */
  'scenario.rebase': { request: ScenarioRun, response: EditOutcome },
  'scenario.compare': { request: CompareRequest, response: ScenarioCompareView },
  'scenario.timeline': { request: TimelineRequest, response: TimelineView },
  'planning.catalog': { request: Empty, response: PlanningCatalog },
  'planning.skus': { request: SkuSearch, response: SkuChoices },
  'planning.rowDetails': { request: z.strictObject({ nodeId: NodeId, skuId: SkuId }), response: RowDetails },
  'replenishment.run': { request: z.strictObject({ target: PlanTarget, runId: RunId.optional() }), response: ReplenishmentRun },
  'replenishment.page': { request: ReplenishmentPageRequest, response: ReplenishmentPage },
  'replenishment.addToScenario': { request: AddProposalsRequest, response: EditOutcome },
  'allocation.run': { request: AllocationRunRequest, response: AllocationRun },
  'allocation.page': { request: AllocationPageRequest, response: AllocationPage },
  /** Stops a run the screen started with this run id; what it had computed is dropped. */
  'planning.cancel': { request: z.strictObject({ jobId: RunId }), response: z.object({ cancelled: z.boolean() }) },
} as const;

/** Everything the services push to the renderer unasked. */
export const EVENTS = {
  'planning.progress': z.object({ jobId: z.string(), label: z.string(), done: z.number(), total: z.number() }),
  'network.changed': z.object({
    takenAt: z.string(),
    source: z.string(),
    /**
     * The first network loaded since the services started. Nothing was shown from another one before
     * it: every request that needs the network waits for this load, so screens need not ask again.
     */
    firstLoad: z.boolean(),
  }),
  'app.notice': Notice,
  'sync.progress': SyncProgressEvent,
  'sync.finished': z.object({ outcome: z.enum(['done', 'failed', 'cancelled']), message: z.string() }),
  ...OUTBOX_EVENTS,
  /** A batch was submitted, decided or imported: the Approvals and Audit screens reload. */
  'approvals.changed': z.object({ batchId: z.string().nullable() }),
} as const;

export type RequestChannel = keyof typeof REQUESTS;
export type EventChannel = keyof typeof EVENTS;
export type RequestOf<C extends RequestChannel> = z.input<(typeof REQUESTS)[C]['request']>;
export type ParsedRequestOf<C extends RequestChannel> = z.output<(typeof REQUESTS)[C]['request']>;
export type ResponseOf<C extends RequestChannel> = z.output<(typeof REQUESTS)[C]['response']>;
export type EventOf<E extends EventChannel> = z.output<(typeof EVENTS)[E]>;

export const REQUEST_CHANNELS = Object.keys(REQUESTS) as RequestChannel[];
export const EVENT_CHANNELS = Object.keys(EVENTS) as EventChannel[];

export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REQUESTS, value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EVENTS, value);
}
