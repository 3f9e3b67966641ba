import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';

export type Log = pino.Logger;

/**
 * Field paths whose values never reach a log line. Secrets are also kept out of the payloads that
 * are logged, but redaction is the net under that rule.
 */
export const REDACTED_PATHS = [
  'apiKey',
  'password',
  'token',
  'secret',
  'privateKey',
  '*.apiKey',
  '*.password',
  '*.token',
  '*.secret',
  '*.privateKey',
  'args[2]',
  '*.args[2]',
  'headers.authorization',
  'headers.cookie',
];

/** Structured JSON lines in `<data>/logs/planner.log`; also to stderr when asked. */
export function createLog(dataDir: string | null, options: { level?: string; toStderr?: boolean } = {}): Log {
  const level = options.level ?? process.env.PLANNER_LOG_LEVEL ?? 'info';
  const redact = { paths: REDACTED_PATHS, censor: '[redacted]' };
  if (!dataDir) return pino({ level, redact, enabled: options.toStderr ?? false });
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const destination = pino.destination({ dest: join(logDir, 'planner.log'), sync: false, mkdir: true });
  return pino({ level, redact }, destination);
}

export function silentLog(): Log {
  return pino({ enabled: false });
}
