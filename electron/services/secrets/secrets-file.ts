import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a secrets file so that a crash leaves the old or the new file, never half of one, and
 * only the OS user can read it.
 */
export function writePrivateFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  renameSync(temporary, path);
}

export function readJsonFile(path: string): unknown {
  if (!existsSync(path)) return null;
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** A secrets file we cannot use is moved aside, never deleted: it may still be recoverable. */
export function moveAside(path: string, now: Date): string {
  const target = `${path}.unreadable-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, target);
  return target;
}
