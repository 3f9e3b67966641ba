export { buildNetworkModel, bucketOf, dailyFlowOf, purchaseQuantity, DayOffsets } from './network-model';
export type { NetworkModel, LaneTable, SupplierOptionTable, LineIndex } from './network-model';
export type { RowIndex } from './row-index';
export { checkSnapshotReferences } from './snapshot-references';
