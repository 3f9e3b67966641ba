import { DEMO_DEFAULTS, DEMO_LIMITS, generateDemoNetwork } from '../../../shared/demo';
import { LocalDate } from '../../../shared/domain';
import { integerOption } from '../arguments';
import { CliError, EXIT } from '../cli-error';
import type { PlannerCommand } from '../command-registry';
import { writeJsonFile } from '../files';
import { OUT_OPTION, PRETTY_OPTION } from '../load-plan';

export const demoSnapshotCommand: PlannerCommand = {
  name: 'demo-snapshot',
  summary: 'Writes a seeded demo network snapshot; the same seed, sizes and day 0 give the same file.',
  options: [
    { name: 'nodes', description: `number of nodes (default ${DEMO_DEFAULTS.nodes})` },
    { name: 'skus', description: `number of SKUs (default ${DEMO_DEFAULTS.skus})` },
    { name: 'seed', description: `seed (default ${DEMO_DEFAULTS.seed})` },
    { name: 'day-zero', description: 'day 0 as YYYY-MM-DD (default: today, UTC)' },
    OUT_OPTION,
    PRETTY_OPTION,
  ],
  async run(args, output) {
    const nodes = integerOption(args, 'nodes', DEMO_LIMITS.nodes, DEMO_DEFAULTS.nodes);
    const skus = integerOption(args, 'skus', DEMO_LIMITS.skus, DEMO_DEFAULTS.skus);
    const seed = integerOption(args, 'seed', { min: 0, max: 2 ** 31 - 1 }, DEMO_DEFAULTS.seed);
    const dayZero = args.values.get('day-zero') ?? new Date().toISOString().slice(0, 10);
    if (!LocalDate.safeParse(dayZero).success) throw new CliError(`--day-zero must be a date as YYYY-MM-DD (got "${dayZero}")`, EXIT.usage);
    const { snapshot } = generateDemoNetwork({ seed, nodes, skus, dayZero, takenAt: `${dayZero}T06:00:00.000Z` });
    await writeJsonFile(args.values.get('out') as string, snapshot, args.flags.has('pretty'));
    output.out(
      `demo-snapshot: ${nodes} nodes × ${skus} SKUs (seed ${seed}, day 0 ${dayZero}): ${snapshot.demand.length} demand lines, ${snapshot.supply.length} supply lines → ${args.values.get('out')}`,
    );
  },
};
