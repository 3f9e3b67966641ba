export * from './contract';
export * from './envelope';
export * from './network-views';
export * from './settings-views';
export * from './outbox';
export * from './approval-views';
export * from './planning-views';
export type { PlannerApi, PreloadBridge } from './planner-api';
export * from './electron-channels';
