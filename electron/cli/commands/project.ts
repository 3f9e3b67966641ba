import type { PlannerResultFile } from '../../../shared/domain';
import { projectionReport } from '../../../shared/engine';
import type { PlannerCommand } from '../command-registry';
import { writeJsonFile } from '../files';
import { loadPlan, OUT_OPTION, PRETTY_OPTION, SCENARIO_OPTION, SNAPSHOT_OPTION } from '../load-plan';

export const projectCommand: PlannerCommand = {
  name: 'project',
  summary: 'Projected stock per node × SKU (lowest balance, first shortage, days of cover, value at risk), per-node and network totals.',
  options: [SNAPSHOT_OPTION, SCENARIO_OPTION, OUT_OPTION, PRETTY_OPTION],
  async run(args, output) {
    const loaded = await loadPlan(args, { scenarioRequired: false });
    const projection = projectionReport(loaded.plan);
    const result: PlannerResultFile = { command: 'project', snapshot: loaded.snapshotRef, scenario: loaded.scenarioRef, notes: loaded.notes, projection };
    await writeJsonFile(args.values.get('out') as string, result, args.flags.has('pretty'));
    const { kpis, skusShort } = projection.network;
    output.out(
      `project: ${projection.rows.length} node × SKU rows, ${skusShort} short, fill rate ${(kpis.fillRate * 100).toFixed(2)}%, ${kpis.unitsShort} units short → ${args.values.get('out')}`,
    );
  },
};
