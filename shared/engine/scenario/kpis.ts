import type { PlanKpis } from '../../domain';
import { unitsShortOf } from '../projection/row-figures';
import type { ScenarioPlan } from './scenario-plan';

/**
 * The plan's KPIs (DESIGN.md: fill rate = 1 − units short ÷ demand units in the horizon). Sums run
 * in row order every time, so the same plan always gives the same bytes.
 */
export function planKpis(plan: ScenarioPlan): PlanKpis {
  const { model, figures } = plan;
  let demandUnits = 0;
  let unitsShort = 0;
  let stockoutNodeDays = 0;
  let inventoryValue = 0;
  for (let row = 0; row < model.rowCount; row++) {
    demandUnits += figures.demandInHorizon[row] as number;
    unitsShort += unitsShortOf(figures.lowestBalance[row] as number);
    stockoutNodeDays += figures.stockoutDays[row] as number;
    const end = figures.endBalance[row] as number;
    if (end > 0) inventoryValue += end * (model.unitCost[row % model.skuCount] as number);
  }
  let transferCost = 0;
  for (const transfer of plan.scenarioTransfers) transferCost += transfer.qty * plan.laneTerms(transfer.lane).costPerUnit;
  let purchaseCost = 0;
  for (const purchase of plan.scenarioPurchases) {
    if (!purchase.cancelled) purchaseCost += purchase.qty * (model.supplierOptions.unitPrice[purchase.option] as number);
  }
  return {
    demandUnits,
    unitsShort,
    fillRate: demandUnits > 0 ? 1 - unitsShort / demandUnits : 1,
    stockoutNodeDays,
    transferCost,
    purchaseCost,
    inventoryValue,
  };
}
