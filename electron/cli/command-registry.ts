import type { OptionSpec, ParsedArguments } from './arguments';

/** Where a command writes what it has to say (the real process streams, or a test's buffers). */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

/**
 * One subcommand of `npm run planner -- …`. A name may have several words (e.g. "audit verify");
 * the longest name matching the start of the arguments wins.
 */
export interface PlannerCommand {
  name: string;
  summary: string;
  options: readonly OptionSpec[];
  run(args: ParsedArguments, output: CliOutput): Promise<void>;
}

export class CommandRegistry {
  private readonly commands: PlannerCommand[] = [];

  register(command: PlannerCommand): this {
    if (this.commands.some((existing) => existing.name === command.name)) throw new Error(`planner command ${command.name} is registered twice`);
    this.commands.push(command);
    return this;
  }

  /** The command the arguments start with, and the arguments after its name. */
  resolve(argv: readonly string[]): { command: PlannerCommand; rest: readonly string[] } | null {
    let best: PlannerCommand | null = null;
    let bestWords = 0;
    for (const command of this.commands) {
      const words = command.name.split(' ');
      if (words.length > bestWords && words.every((word, index) => argv[index] === word)) {
        best = command;
        bestWords = words.length;
      }
    }
    return best ? { command: best, rest: argv.slice(bestWords) } : null;
  }

  list(): readonly PlannerCommand[] {
    return [...this.commands].sort((a, b) => a.name.localeCompare(b.name));
  }
}

export function usageOf(command: PlannerCommand): string {
  const options = command.options.map((option) => {
    const shape = option.flag ? `--${option.name}` : `--${option.name} <${option.name}>`;
    return option.required ? shape : `[${shape}]`;
  });
  const details = command.options.map((option) => `    --${option.name.padEnd(20)} ${option.description}`);
  return [`  ${command.name} ${options.join(' ')}`, `    ${command.summary}`, ...details].join('\n');
}
