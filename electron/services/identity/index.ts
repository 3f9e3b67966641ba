export { Identity, UnknownDemoUserError } from './identity';
export type { IdentityOptions, IdentitySource } from './identity';
export { costSortIn, stockPageFor, stockRowsFor, summaryFor, COST_SORT_COLUMNS } from './cost-visibility';
