/**
 * The headless planner: `npm run planner -- <command> …`. Runs the same engine as the app, on files,
 * for scripting and CI. See electron/cli/README.md for the file formats.
 */
import { runPlanner } from './run-planner';

process.exitCode = await runPlanner(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
