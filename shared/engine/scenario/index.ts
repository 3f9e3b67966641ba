export { ScenarioPlan, openScenario, baselineFigures, describeRefusal } from './scenario-plan';
export type { ApplyOutcome, OpenScenarioOutcome } from './scenario-plan';
export { materializeScenario } from './materialize';
export { planKpis } from './kpis';
export { compareScenario, rowOutlook } from './compare';
export type { ScenarioTransfer, ScenarioPurchase, ScenarioDemand, LaneTerms } from './state';
export { rowTimeline } from './timeline';
export { scenarioProposals } from './scenario-proposals';
