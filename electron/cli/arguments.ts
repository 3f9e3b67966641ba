import { CliError, EXIT } from './cli-error';

export interface OptionSpec {
  /** Without the leading dashes. */
  name: string;
  description: string;
  /** A flag takes no value. */
  flag?: boolean;
  required?: boolean;
}

export interface ParsedArguments {
  values: ReadonlyMap<string, string>;
  flags: ReadonlySet<string>;
}

/** `--name value` pairs and bare `--flag`s; anything else is a usage error naming what was wrong. */
export function parseArguments(argv: readonly string[], options: readonly OptionSpec[]): ParsedArguments {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const byName = new Map(options.map((option) => [option.name, option]));
  for (let index = 0; index < argv.length; index++) {
    const word = argv[index] as string;
    if (!word.startsWith('--')) throw new CliError(`unexpected argument "${word}"; options start with --`, EXIT.usage);
    const [name, inline] = word.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const option = byName.get(name);
    if (!option) {
      const known = options.map((candidate) => `--${candidate.name}`).join(', ');
      throw new CliError(`unknown option --${name} (known: ${known})`, EXIT.usage);
    }
    if (option.flag) {
      flags.add(name);
      continue;
    }
    const value = inline ?? argv[++index];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new CliError(`--${name} needs a value`, EXIT.usage);
    if (values.has(name)) throw new CliError(`--${name} given twice`, EXIT.usage);
    values.set(name, value);
  }
  for (const option of options) {
    if (option.required && !values.has(option.name)) throw new CliError(`--${option.name} is required (${option.description})`, EXIT.usage);
  }
  return { values, flags };
}

/** A whole number option within bounds, or a usage error saying which and why. */
export function integerOption(parsed: ParsedArguments, name: string, bounds: { min: number; max: number }, fallback?: number): number {
  const raw = parsed.values.get(name);
  if (raw === undefined) {
    if (fallback === undefined) throw new CliError(`--${name} is required`, EXIT.usage);
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    throw new CliError(`--${name} must be a whole number from ${bounds.min} to ${bounds.max} (got "${raw}")`, EXIT.usage);
  }
  return value;
}

export function numberOption(parsed: ParsedArguments, name: string, bounds: { min: number; max: number }): number | undefined {
  const raw = parsed.values.get(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < bounds.min || value > bounds.max) {
    throw new CliError(`--${name} must be a number from ${bounds.min} to ${bounds.max} (got "${raw}")`, EXIT.usage);
  }
  return value;
}
