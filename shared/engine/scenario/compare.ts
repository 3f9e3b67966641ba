import type { DayOffsets } from '../model/network-model';
import type { ChangedRow, PlanKpis, RowOutlook, ScenarioComparison } from '../../domain';
import { NO_DAY } from '../projection/no-day';
import { unitsShortOf, type RowFigures } from '../projection/row-figures';
import { planKpis } from './kpis';
import type { ScenarioPlan } from './scenario-plan';

function dateOrNull(calendar: DayOffsets, day: number): string | null {
  return day === NO_DAY ? null : calendar.dateOf(day);
}

export function rowOutlook(calendar: DayOffsets, figures: RowFigures, row: number): RowOutlook {
  return {
    lowestBalance: figures.lowestBalance[row] as number,
    firstShortageDate: dateOrNull(calendar, figures.firstShortageDay[row] as number),
    belowMinDate: dateOrNull(calendar, figures.belowMinDay[row] as number),
    unitsShort: unitsShortOf(figures.lowestBalance[row] as number),
    stockoutDays: figures.stockoutDays[row] as number,
    endBalance: figures.endBalance[row] as number,
  };
}

function sameFlows(a: Float64Array, b: Float64Array): boolean {
  for (let day = 0; day < a.length; day++) if (a[day] !== b[day]) return false;
  return true;
}

function kpiDelta(base: PlanKpis, scenario: PlanKpis): PlanKpis {
  return {
    demandUnits: scenario.demandUnits - base.demandUnits,
    unitsShort: scenario.unitsShort - base.unitsShort,
    fillRate: scenario.fillRate - base.fillRate,
    stockoutNodeDays: scenario.stockoutNodeDays - base.stockoutNodeDays,
    transferCost: scenario.transferCost - base.transferCost,
    purchaseCost: scenario.purchaseCost - base.purchaseCost,
    inventoryValue: scenario.inventoryValue - base.inventoryValue,
  };
}

/**
 * KPI deltas of a scenario against a base plan on the same snapshot (usually the baseline), and
 * every node × SKU whose daily flows differ, with both outlooks side by side.
 */
export function compareScenario(base: ScenarioPlan, scenario: ScenarioPlan): ScenarioComparison {
  if (base.model !== scenario.model) throw new Error('compareScenario needs two plans on the same snapshot model');
  const { model } = scenario;
  const candidates = [...new Set([...base.recomputedRows(), ...scenario.recomputedRows()])].sort((a, b) => a - b);
  const changedRows: ChangedRow[] = [];
  for (const row of candidates) {
    if (sameFlows(base.netFlowOf(row), scenario.netFlowOf(row))) continue;
    changedRows.push({
      nodeId: model.nodeIds[Math.floor(row / model.skuCount)] as string,
      skuId: model.skuIds[row % model.skuCount] as string,
      base: rowOutlook(model.calendar, base.figures, row),
      scenario: rowOutlook(model.calendar, scenario.figures, row),
    });
  }
  const baseKpis = planKpis(base);
  const scenarioKpis = planKpis(scenario);
  return { base: baseKpis, scenario: scenarioKpis, delta: kpiDelta(baseKpis, scenarioKpis), changedRows };
}
