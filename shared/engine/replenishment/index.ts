export { proposeReplenishment } from './propose-replenishment';
export { decideReplenishment } from './decide-replenishment';
export { ReplenishmentRun } from './replenishment-run';
export type { ReplenishmentTotals } from './replenishment-run';
export { proposalToEdit } from './proposal-edits';
export { formatUnits, formatMoney } from './reasons';
