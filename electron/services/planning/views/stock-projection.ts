import type { NetworkModel, RowFigures, StockProjection } from '../../../../shared/engine';

/** The Stock and Network views' projection, read from the model and baseline figures scenarios share. */
export function stockProjectionOf(model: NetworkModel, figures: RowFigures): StockProjection {
  return {
    horizonDays: model.horizonDays,
    nodeIds: [...model.nodeIds],
    skuIds: [...model.skuIds],
    onHand: model.onHand,
    reserved: model.reserved,
    inbound: figures.inbound,
    demand7: figures.demand7,
    demand30: figures.demand30,
    demand90: figures.demand90,
    lowestBalance: figures.lowestBalance,
    firstShortageDay: figures.firstShortageDay,
    belowMinDay: figures.belowMinDay,
    unitsShort: figures.unitsShort,
    daysOfCover: figures.daysOfCover,
    valueAtRisk: figures.valueAtRisk,
  };
}
