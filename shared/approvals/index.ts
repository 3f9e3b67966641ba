export * from './approval-matrix';
export * from './row-outlook';
export * from './line-facts';
export * from './evaluate-line';
export * from './approval-progress';
export * from './segregation';
export * from './batch';
export * from './exchange-file';
