import type { PlannerResultFile } from '../../../shared/domain';
import { allocateDemand } from '../../../shared/engine';
import { numberOption } from '../arguments';
import { CliError, EXIT } from '../cli-error';
import type { PlannerCommand } from '../command-registry';
import { writeJsonFile } from '../files';
import { loadPlan, OUT_OPTION, PRETTY_OPTION, SCENARIO_OPTION, SNAPSHOT_OPTION } from '../load-plan';

export const allocateCommand: PlannerCommand = {
  name: 'allocate',
  summary: 'Assigns open demand lines to nodes (margin − transport − late penalty; scarce stock by priority, then in proportion to need).',
  options: [
    SNAPSHOT_OPTION,
    SCENARIO_OPTION,
    OUT_OPTION,
    PRETTY_OPTION,
    { name: 'late-penalty-rate', description: 'late penalty per unit per day, as a fraction of unit price (default 0.02)' },
    { name: 'max-late-days', description: 'stock arriving more than this many days late is not promised (default 14)' },
  ],
  async run(args, output) {
    const latePenaltyRate = numberOption(args, 'late-penalty-rate', { min: 0, max: 1 });
    const maxLateDays = numberOption(args, 'max-late-days', { min: 0, max: 366 });
    if (maxLateDays !== undefined && !Number.isInteger(maxLateDays)) throw new CliError('--max-late-days must be whole days', EXIT.usage);
    const loaded = await loadPlan(args, { scenarioRequired: false });
    const allocation = allocateDemand(loaded.plan, {
      ...(latePenaltyRate === undefined ? {} : { latePenaltyRate }),
      ...(maxLateDays === undefined ? {} : { maxLateDays }),
    });
    const result: PlannerResultFile = { command: 'allocate', snapshot: loaded.snapshotRef, scenario: loaded.scenarioRef, notes: loaded.notes, allocation };
    await writeJsonFile(args.values.get('out') as string, result, args.flags.has('pretty'));
    const { totals } = allocation;
    output.out(
      `allocate: ${totals.lines} lines, ${totals.unitsServed} of ${totals.unitsDemanded} units served, ${totals.linesMoved} moved to another node, objective ${totals.objective.toFixed(2)} → ${args.values.get('out')}`,
    );
  },
};
