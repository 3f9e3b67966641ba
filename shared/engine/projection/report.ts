import type { NodeOutlook, ProjectionReport, ProjectionRow } from '../../domain';
import { RunTicker, type RunControl } from '../run-control';
import { planKpis } from '../scenario/kpis';
import type { ScenarioPlan } from '../scenario/scenario-plan';
import { NO_DAY } from './no-day';
import { daysOfCoverOf, unitsShortOf } from './row-figures';

/** Every node × SKU with its figures, per-node totals and network totals, as the CLI writes them. */
export function projectionReport(plan: ScenarioPlan, control?: RunControl): ProjectionReport {
  const { model, figures } = plan;
  const date = (day: number): string | null => (day === NO_DAY ? null : model.calendar.dateOf(day));
  const ticker = new RunTicker(control, 'Writing the projection', model.rowCount, 16384);
  const rows: ProjectionRow[] = [];
  const nodes: NodeOutlook[] = [];
  let skusShort = 0;
  let skusBelowMin = 0;
  let valueAtRisk = 0;
  for (let node = 0; node < model.nodeCount; node++) {
    const outlook: NodeOutlook = {
      nodeId: model.nodeIds[node] as string,
      skus: model.skuCount,
      skusShort: 0,
      skusBelowMin: 0,
      unitsShort: 0,
      valueAtRisk: 0,
      stockoutDays: 0,
      inventoryValue: 0,
    };
    for (let sku = 0; sku < model.skuCount; sku++) {
      const row = node * model.skuCount + sku;
      ticker.tick(row);
      const onHand = model.onHand[row] as number;
      const reserved = model.reserved[row] as number;
      const shortage = figures.firstShortageDay[row] as number;
      const belowMin = figures.belowMinDay[row] as number;
      const end = figures.endBalance[row] as number;
      const short = unitsShortOf(figures.lowestBalance[row] as number);
      const atRisk = short * (model.unitPrice[sku] as number);
      rows.push({
        nodeId: outlook.nodeId,
        skuId: model.skuIds[sku] as string,
        onHand,
        reserved,
        availableNow: onHand - reserved,
        inbound: figures.inbound[row] as number,
        demand7: figures.demand7[row] as number,
        demand30: figures.demand30[row] as number,
        demand90: figures.demand90[row] as number,
        lowestBalance: figures.lowestBalance[row] as number,
        firstShortageDate: date(shortage),
        belowMinDate: date(belowMin),
        unitsShort: short,
        daysOfCover: daysOfCoverOf(shortage, model.horizonDays),
        valueAtRisk: atRisk,
        endBalance: end,
      });
      if (shortage !== NO_DAY) outlook.skusShort++;
      if (belowMin !== NO_DAY) outlook.skusBelowMin++;
      outlook.unitsShort += short;
      outlook.valueAtRisk += atRisk;
      outlook.stockoutDays += figures.stockoutDays[row] as number;
      if (end > 0) outlook.inventoryValue += end * (model.unitCost[sku] as number);
    }
    skusShort += outlook.skusShort;
    skusBelowMin += outlook.skusBelowMin;
    valueAtRisk += outlook.valueAtRisk;
    nodes.push(outlook);
  }
  ticker.finish();
  return { horizonDays: model.horizonDays, rows, nodes, network: { kpis: planKpis(plan), skusShort, skusBelowMin, valueAtRisk } };
}
