import type { PlanTarget, ScenarioSummary } from '../../../shared/ipc';

/** Baseline or one of the scenarios that can be computed now (made on the loaded snapshot). */
export function TargetPicker({ target, scenarios, onChange, testId }: { target: PlanTarget; scenarios: ScenarioSummary[]; onChange(target: PlanTarget): void; testId?: string }) {
  const value = target.kind === 'baseline' ? '' : target.scenarioId;
  return (
    <label>
      Plan on
      <select value={value} onChange={(event) => onChange(event.target.value === '' ? { kind: 'baseline' } : { kind: 'scenario', scenarioId: event.target.value })} data-testid={testId}>
        <option value="">Baseline (the network as it is)</option>
        {scenarios.map((scenario) => (
          <option key={scenario.id} value={scenario.id} disabled={scenario.madeOnOlderSnapshot}>
            Scenario: {scenario.name} ({scenario.position} edits){scenario.madeOnOlderSnapshot ? ' — older snapshot' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
