import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where the planner keeps its cache, settings and logs: the OS's application-data folder, one
 * folder per region so two regional builds on one desktop never share a cache. PLANNER_DATA_DIR
 * overrides it (tests, IT-managed locations).
 */
export function resolveDataDirectory(regionCode: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PLANNER_DATA_DIR) return resolve(env.PLANNER_DATA_DIR);
  return join(applicationDataFolder(env, platform), 'network-planner', regionCode);
}

export function applicationDataFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
}
