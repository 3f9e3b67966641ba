export { proposeReplenishment } from './propose-replenishment';
export { decideReplenishment, MAX_TRANSFER_SOURCES } from './decide-replenishment';
export { ReplenishmentRun } from './replenishment-run';
export type { ReplenishmentTotals } from './replenishment-run';
export { proposalToEdit } from './proposal-edits';
export { formatUnits, formatMoney } from './reasons';
