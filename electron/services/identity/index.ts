export { Identity, IdentityCheckError, UnknownDemoUserError } from './identity';
export { GroupsUnknownError, groupsHeld, groupsNamedBy, rolesFromGroups } from './odoo-groups';
export { VerifiedIdentity, VerifiedIdentityStore, VERIFIED_IDENTITY_SECRET } from './verified-identity';
export type { IdentityOptions, IdentitySource } from './identity';
export { costSortIn, reasonTextFor, stockPageFor, stockRowsFor, summaryFor, COST_SORT_COLUMNS } from './cost-visibility';
