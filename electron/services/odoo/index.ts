export { OdooClient, OdooVersionInfo, Many2one, OdooText, isOdooError } from './odoo-client';
export type { OdooConnection, OdooServer, OdooClientOptions, OdooSession, OdooContext, SearchOptions } from './odoo-client';
export { dialectFor } from './dialect';
export type { OdooDialect, OdooMajorVersion } from './dialect';
export * from './odoo-errors';
