import type { PlannerResultFile } from '../../../shared/domain';
import { compareScenario } from '../../../shared/engine';
import type { PlannerCommand } from '../command-registry';
import { writeJsonFile } from '../files';
import { loadPlan, OUT_OPTION, PRETTY_OPTION, SCENARIO_OPTION, SNAPSHOT_OPTION } from '../load-plan';

export const compareCommand: PlannerCommand = {
  name: 'compare',
  summary: 'KPI deltas of a scenario against its base snapshot, and every node × SKU whose flows changed.',
  options: [SNAPSHOT_OPTION, { ...SCENARIO_OPTION, required: true }, OUT_OPTION, PRETTY_OPTION],
  async run(args, output) {
    const loaded = await loadPlan(args, { scenarioRequired: true });
    const comparison = compareScenario(loaded.baseline, loaded.plan);
    const result: PlannerResultFile = { command: 'compare', snapshot: loaded.snapshotRef, scenario: loaded.scenarioRef, notes: loaded.notes, comparison };
    await writeJsonFile(args.values.get('out') as string, result, args.flags.has('pretty'));
    const { delta } = comparison;
    const signed = (value: number): string => (value > 0 ? `+${value}` : String(value));
    output.out(
      `compare: ${comparison.changedRows.length} rows changed, fill rate ${signed(Number((delta.fillRate * 100).toFixed(3)))} pts, units short ${signed(delta.unitsShort)}, transfer cost ${signed(delta.transferCost)} → ${args.values.get('out')}`,
    );
  },
};
