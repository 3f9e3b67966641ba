import { startOdooSim } from '../index';
import { CASES, executeKw, type Target } from './cases';

/**
 * Compares the stand-in with a real Odoo, read-only: the same requests to both, answers compared
 * by status, error class and message, or result shape; then fields_get of every model served.
 *
 *   npx tsx tools/odoo-sim/compare/main.ts --url http://127.0.0.1:8069 --db mydb --login planner --uid 6 --key <api key>
 *
 * Use a user with the same groups as the stand-in's user of that login. Nothing is written.
 */
function option(name: string): string {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  if (!value) throw new Error(`missing --${name}`);
  return value;
}

async function main(): Promise<void> {
  const real: Target = { url: option('url'), db: option('db'), uid: Number(option('uid')), key: option('key') };
  const login = option('login');
  const sim = await startOdooSim({ port: 0, nodes: 3, skus: 20 });
  const simUser = sim.users.find((candidate) => candidate.login === login);
  if (!simUser) throw new Error(`the stand-in has no user ${login}`);
  const mine: Target = { url: sim.url, db: sim.database, uid: simUser.uid, key: simUser.apiKey };
  let differences = 0;
  try {
    for (const [name, run] of CASES) {
      const [a, b] = [JSON.stringify(await run(real)), JSON.stringify(await run(mine))];
      if (a === b) console.log(`same  ${name}`);
      else {
        differences++;
        console.log(`DIFF  ${name}\n  odoo: ${a.slice(0, 600)}\n  sim:  ${b.slice(0, 600)}`);
      }
    }
    for (const model of sim.control.env().state.registry.models.keys()) {
      if (model.startsWith('ir.')) continue;
      const attributes = { attributes: ['type', 'required', 'relation', 'store'] };
      const theirs = ((await executeKw(real, model, 'fields_get', [], attributes)).body as { result?: Record<string, Record<string, unknown>> }).result;
      const ours = ((await executeKw(mine, model, 'fields_get', [], attributes)).body as { result?: Record<string, Record<string, unknown>> }).result;
      if (!theirs || !ours) continue;
      for (const [field, description] of Object.entries(ours)) {
        const other = theirs[field];
        const diff = other ? ['type', 'required', 'relation', 'store'].filter((key) => JSON.stringify(other[key]) !== JSON.stringify(description[key])) : ['missing in Odoo'];
        if (diff.length > 0) {
          differences++;
          console.log(`DIFF  fields_get ${model}.${field}: ${diff.map((key) => (other ? `${key} odoo=${JSON.stringify(other[key])} sim=${JSON.stringify(description[key])}` : key)).join('; ')}`);
        }
      }
    }
  } finally {
    await sim.close();
  }
  console.log(`${differences} difference(s)`);
}

main().catch((error: unknown) => {
  console.error(`compare: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
