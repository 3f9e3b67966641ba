export { projectStock, stockProjectionOf, dayIndexOf, unitsShortAt, daysOfCoverAt, valueAtRiskAt } from './project-stock';
export type { StockProjection } from './project-stock';
export { NO_DAY } from './no-day';
export { projectNetwork, projectBalances } from './project-network';
export { projectRow, projectQuietRow, emptyRowFigures, copyRowFigures, unitsShortOf, daysOfCoverOf } from './row-figures';
export type { RowFigures } from './row-figures';
export { projectionReport } from './report';
export { shortageChanges } from './shortage-changes';
export type { DatedProjection } from './shortage-changes';
