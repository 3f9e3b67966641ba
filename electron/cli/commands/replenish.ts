import type { PlannerResultFile } from '../../../shared/domain';
import { proposeReplenishment } from '../../../shared/engine';
import type { PlannerCommand } from '../command-registry';
import { writeJsonFile } from '../files';
import { loadPlan, OUT_OPTION, PRETTY_OPTION, SCENARIO_OPTION, SNAPSHOT_OPTION } from '../load-plan';

export const replenishCommand: PlannerCommand = {
  name: 'replenish',
  summary: 'Transfer and purchase proposals for every node × SKU that falls below its minimum, each with its reason.',
  options: [SNAPSHOT_OPTION, SCENARIO_OPTION, OUT_OPTION, PRETTY_OPTION],
  async run(args, output) {
    const loaded = await loadPlan(args, { scenarioRequired: false });
    const replenishment = proposeReplenishment(loaded.plan);
    const result: PlannerResultFile = { command: 'replenish', snapshot: loaded.snapshotRef, scenario: loaded.scenarioRef, notes: loaded.notes, replenishment };
    await writeJsonFile(args.values.get('out') as string, result, args.flags.has('pretty'));
    const { totals } = replenishment;
    output.out(
      `replenish: ${totals.needs} needs, ${totals.proposals} proposals (${totals.transferUnits} units by transfer, ${totals.purchaseUnits} bought), ${replenishment.unmet.length} unmet → ${args.values.get('out')}`,
    );
  },
};
