import { parseArguments } from './arguments';
import { CliError, EXIT } from './cli-error';
import { CommandRegistry, usageOf, type CliOutput } from './command-registry';
import { allocateCommand } from './commands/allocate';
import { auditVerifyCommand } from './commands/audit-verify';
import { compareCommand } from './commands/compare';
import { demoSnapshotCommand } from './commands/demo-snapshot';
import { projectCommand } from './commands/project';
import { replenishCommand } from './commands/replenish';

/** Every subcommand of the headless planner; new ones (e.g. `audit verify`) register here. */
export function plannerCommands(): CommandRegistry {
  return new CommandRegistry().register(projectCommand).register(replenishCommand).register(allocateCommand).register(compareCommand).register(demoSnapshotCommand).register(auditVerifyCommand);
}

export function usage(registry: CommandRegistry): string {
  return ['usage: npm run planner -- <command> [options]', '', 'commands:', ...registry.list().map(usageOf)].join('\n');
}

/** Runs one planner command and returns the process exit code; never throws. */
export async function runPlanner(argv: readonly string[], output: CliOutput, registry = plannerCommands()): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    (argv.length === 0 ? output.err : output.out)(usage(registry));
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  const found = registry.resolve(argv);
  if (!found) {
    output.err(`planner: unknown command "${argv[0]}"\n\n${usage(registry)}`);
    return EXIT.usage;
  }
  try {
    const args = parseArguments(found.rest, found.command.options);
    await found.command.run(args, output);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CliError) {
      output.err(`planner ${found.command.name}: ${error.message}`);
      if (error.exitCode === EXIT.usage) output.err(usageOf(found.command));
      return error.exitCode;
    }
    output.err(`planner ${found.command.name}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.badInput;
  }
}
