import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'host-port';

/**
 * The port the headless host listened on last time, for this data directory. Coming back on the
 * same origin lets the browser keep the planner's (content-hashed) files and their compiled code
 * between starts; the token still changes every launch. Anything unreadable simply means "none".
 */
export function rememberedPort(dataDir: string): number | undefined {
  try {
    const port = Number(readFileSync(join(dataDir, FILE), 'utf8').trim());
    return Number.isInteger(port) && port >= 1024 && port <= 65_535 ? port : undefined;
  } catch {
    return undefined;
  }
}

export function rememberPort(dataDir: string, port: number): void {
  try {
    writeFileSync(join(dataDir, FILE), `${port}\n`);
  } catch {
    // Only a convenience: the next start picks a free port instead.
  }
}
