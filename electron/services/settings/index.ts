export { PlannerSettings } from './planner-settings';
export type { ConnectionChange, PlannerSettingsOptions } from './planner-settings';
export { checkOdooServer, effectiveConnection, SettingsError } from './odoo-connection';
export type { OdooConnection } from './odoo-connection';
export { openConfSettings, openSettingsFile } from './conf-settings-store';
export type { OpenedSettings, SettingsStore } from './settings-store';
export { actorOf, connectionNotices, describeSettings, settingsHandlers, summariseChange } from './settings-requests';
export type { SettingsRequestDeps } from './settings-requests';
