export { AuditLog, entryHash, InvalidAuditEventError } from './audit-log';
export type { AuditQuery, AuditVerification } from './audit-log';
export { canonicalJson } from './canonical-json';
export { describeEvent } from './describe-event';
