import { createLogTo, type Log } from '../../electron/app/log';

export interface CapturedLog {
  log: Log;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
  /** The raw text, as it would reach the log file. */
  text(): string;
}

/** A real planner log (same redaction and scrubbing) that writes to memory, so tests can read it. */
export function capturedLog(): CapturedLog {
  const written: string[] = [];
  const log = createLogTo({ write: (line: string) => void written.push(line) });
  return {
    log,
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => written.join(''),
  };
}
