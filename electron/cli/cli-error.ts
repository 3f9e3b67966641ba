/** Exit codes of the headless planner. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

/** A failure the person running the command can act on; `exitCode` says which kind. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
