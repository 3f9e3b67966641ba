import { NetworkSnapshot, Scenario } from '../../shared/domain';
import type { EditNote, ScenarioRef, SnapshotRef } from '../../shared/domain';
import { buildNetworkModel, checkSnapshotReferences, openScenario, ScenarioPlan } from '../../shared/engine';
import type { OptionSpec, ParsedArguments } from './arguments';
import { CliError } from './cli-error';
import { readJsonFile } from './files';

export const SNAPSHOT_OPTION: OptionSpec = { name: 'snapshot', description: 'network snapshot file (NetworkSnapshot JSON)', required: true };
export const SCENARIO_OPTION: OptionSpec = { name: 'scenario', description: 'scenario file: base snapshot reference and ordered edits (Scenario JSON)' };
export const OUT_OPTION: OptionSpec = { name: 'out', description: 'where to write the result (JSON)', required: true };
export const PRETTY_OPTION: OptionSpec = { name: 'pretty', description: 'indent the result file', flag: true };

export interface LoadedPlan {
  snapshotRef: SnapshotRef;
  scenarioRef: ScenarioRef | null;
  baseline: ScenarioPlan;
  plan: ScenarioPlan;
  notes: EditNote[];
}

/** Reads the snapshot (and scenario, when given), checks both, and applies the edits. */
export async function loadPlan(args: ParsedArguments, { scenarioRequired }: { scenarioRequired: boolean }): Promise<LoadedPlan> {
  const snapshotPath = args.values.get('snapshot') as string;
  const snapshot = await readJsonFile('snapshot', snapshotPath, NetworkSnapshot);
  const broken = checkSnapshotReferences(snapshot);
  if (broken.length > 0) {
    throw new CliError(`snapshot ${snapshotPath} refers to things it does not have: ${broken.map((problem) => `${problem.path}: ${problem.message}`).join('; ')}`);
  }
  const snapshotRef: SnapshotRef = { regionCode: snapshot.meta.regionCode, takenAt: snapshot.meta.takenAt, dayZero: snapshot.meta.dayZero };
  const model = buildNetworkModel(snapshot);
  const baseline = new ScenarioPlan(model);

  const scenarioPath = args.values.get('scenario');
  if (scenarioPath === undefined) {
    if (scenarioRequired) throw new CliError('--scenario is required for this command');
    return { snapshotRef, scenarioRef: null, baseline, plan: baseline, notes: [] };
  }
  const scenario = await readJsonFile('scenario', scenarioPath, Scenario);
  const base = scenario.base;
  if (base.regionCode !== snapshotRef.regionCode || base.takenAt !== snapshotRef.takenAt || base.dayZero !== snapshotRef.dayZero) {
    throw new CliError(
      `scenario ${scenarioPath} was made on the ${base.regionCode} snapshot taken ${base.takenAt} (day 0 ${base.dayZero}), ` +
        `but ${snapshotPath} is the ${snapshotRef.regionCode} snapshot taken ${snapshotRef.takenAt} (day 0 ${snapshotRef.dayZero}); ` +
        'its edits may not mean the same there: update base in the scenario file if you mean to apply them anyway',
    );
  }
  const opened = openScenario(model, scenario.edits);
  if (!opened.ok) {
    const { editIndex, editId, path, message } = opened.refusal;
    const where = `edits[${editIndex ?? '?'}]${path === '(root)' ? '' : `.${path}`}`;
    throw new CliError(`scenario ${scenarioPath}: ${where}: ${message} (edit ${editId ?? '?'} refused; nothing was computed)`);
  }
  return { snapshotRef, scenarioRef: { id: scenario.id, name: scenario.name, edits: scenario.edits.length }, baseline, plan: opened.plan, notes: opened.notes };
}
