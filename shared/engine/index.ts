export { projectStock, dayIndexOf, NO_DAY } from './project-stock';
export type { StockProjection } from './project-stock';
