import type { ProposalReason } from '../../../shared/domain';
import type { AllocationLineView, AllocationRun, KpiView, PlanningCatalog, ProposalView, ReplenishmentRun, RowDetails, ScenarioDetail } from '../../../shared/ipc';

/**
 * Cost, price and margin figures removed in the services (null, not merely hidden) for a user whose
 * roles do not see costs, before any transport carries them. Reason texts lose their money sentences
 * too: the engine writes "Freight 25 × 0.43 = 10.75." and "Cost 40 × 2.10 = 84.00." and
 * "… costs less (0.39 a unit) but …".
 */
const MONEY_SENTENCE = /\s?(?:Freight|Cost) [-\d.]+ × [-\d.]+ = [-\d.]+\.(?=\s|$)/g;
const UNIT_COST_ASIDE = / \([-\d.]+ a unit\)/g;
const COST_FIGURES = new Set(['costPerUnit', 'unitPrice']);

export function withoutCostText(text: string): string {
  return text.replace(MONEY_SENTENCE, '').replace(UNIT_COST_ASIDE, '');
}

export function reasonWithoutCosts(reason: ProposalReason): ProposalReason {
  return { text: withoutCostText(reason.text), figures: Object.fromEntries(Object.entries(reason.figures).filter(([key]) => !COST_FIGURES.has(key))) };
}

export function kpisWithoutCosts(kpis: KpiView): KpiView {
  return { ...kpis, transferCost: null, purchaseCost: null, inventoryValue: null };
}

export function proposalWithoutCosts(proposal: ProposalView): ProposalView {
  return { ...proposal, cost: null, reason: reasonWithoutCosts(proposal.reason) };
}

export function replenishmentRunWithoutCosts(run: ReplenishmentRun): ReplenishmentRun {
  return { ...run, totals: { ...run.totals, transferCost: null, purchaseCost: null } };
}

export function allocationRunWithoutCosts(run: AllocationRun): AllocationRun {
  return { ...run, totals: { ...run.totals, margin: null, transportCost: null, latePenalty: null, objective: null } };
}

export function allocationLineWithoutCosts(line: AllocationLineView): AllocationLineView {
  return { ...line, margin: null, transportCost: null, latePenalty: null, value: null };
}

export function catalogWithoutCosts(catalog: PlanningCatalog): PlanningCatalog {
  return { ...catalog, lanes: catalog.lanes.map((lane) => ({ ...lane, costPerUnit: null })) };
}

export function rowDetailsWithoutCosts(details: RowDetails): RowDetails {
  return { ...details, supplierOptions: details.supplierOptions.map((option) => ({ ...option, unitPrice: null })) };
}

/** Edit notes may carry a proposal's reason (added from Replenishment). */
export function scenarioWithoutCosts(scenario: ScenarioDetail): ScenarioDetail {
  return {
    ...scenario,
    edits: scenario.edits.map((entry) => (entry.edit.note === undefined ? entry : { ...entry, edit: { ...entry.edit, note: withoutCostText(entry.edit.note) } })),
  };
}
