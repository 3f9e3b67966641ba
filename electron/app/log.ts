import { mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';

export type Log = pino.Logger;

/**
 * Field paths whose values never reach a log line. Secrets are also kept out of the payloads that
 * are logged, but redaction is the net under that rule. axios errors carry the request they
 * failed on (config.data holds a JSON-RPC call's arguments, the API key among them), so those go too.
 */
export const REDACTED_PATHS = [
  'apiKey',
  'password',
  'token',
  'secret',
  'privateKey',
  'authorization',
  'cookie',
  '*.apiKey',
  '*.password',
  '*.token',
  '*.secret',
  '*.privateKey',
  '*.*.apiKey',
  '*.*.password',
  '*.*.token',
  '*.*.secret',
  'args[2]',
  '*.args[2]',
  'params.args[2]',
  '*.params.args[2]',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  'err.config',
  'err.request',
  'err.response.config',
  'err.response.request',
  'error.config',
  'error.request',
];

const CENSOR = '[redacted]';

/**
 * Secret values this process knows (e.g. the Odoo API key once read from the secret store). Every
 * line any planner log writes is scrubbed of them, whatever field or message they hid in: the last
 * net, for a key that ends up in an error message or a field nobody thought to redact.
 */
const knownSecrets = new Set<string>();

/** Secrets shorter than this are not scrubbed: replacing "a" everywhere would wreck the log. */
const MIN_SCRUBBED_LENGTH = 8;

export function rememberSecretValue(value: string): void {
  if (value.length >= MIN_SCRUBBED_LENGTH) knownSecrets.add(value);
}

export function forgetSecretValue(value: string): void {
  knownSecrets.delete(value);
}

/** Replaces every known secret, as written and as JSON-escaped, in one log line. */
export function scrubSecrets(line: string): string {
  let scrubbed = line;
  for (const secret of knownSecrets) {
    const escaped = JSON.stringify(secret).slice(1, -1);
    scrubbed = scrubbed.split(secret).join(CENSOR);
    if (escaped !== secret) scrubbed = scrubbed.split(escaped).join(CENSOR);
  }
  return scrubbed;
}

function loggerOptions(level: string): pino.LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: CENSOR },
    hooks: { streamWrite: (line) => (knownSecrets.size === 0 ? line : scrubSecrets(line)) },
  };
}

/** Structured JSON lines in `<data>/logs/planner.log`; also to stderr when asked. */
export function createLog(dataDir: string | null, options: { level?: string; toStderr?: boolean } = {}): Log {
  const level = options.level ?? process.env.PLANNER_LOG_LEVEL ?? 'info';
  if (!dataDir) return pino({ ...loggerOptions(level), enabled: options.toStderr ?? false });
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  // Opened here rather than by the destination, which opens a path asynchronously: a planner
  // stopped before that open finished (SIGTERM right after start) threw on its way out, flushing a
  // log that had no file yet.
  const destination = pino.destination({ dest: openSync(join(logDir, 'planner.log'), 'a'), sync: false });
  return pino(loggerOptions(level), destination);
}

/** A planner log that writes to any stream (tests read what was logged). */
export function createLogTo(stream: pino.DestinationStream, level = 'debug'): Log {
  return pino(loggerOptions(level), stream);
}

export function silentLog(): Log {
  return pino({ enabled: false });
}
