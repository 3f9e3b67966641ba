export * from './calendar';
export * from './network';
export * from './flows';
export * from './snapshot';
export * from './region-profile';
export * from './problems';
export * from './roles';
export * from './events';
