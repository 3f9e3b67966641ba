export { proposeReplenishment } from './propose-replenishment';
export { proposalToEdit } from './proposal-edits';
export { formatUnits, formatMoney } from './reasons';
