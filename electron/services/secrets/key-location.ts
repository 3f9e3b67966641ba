import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { SecretStorageError } from './secret-store';

/**
 * Where the headless host keeps the key that encrypts its secrets file: never in the data
 * directory, so a copy of that directory (a backup, a support bundle, a synced folder) carries
 * ciphertext without its key. PLANNER_KEY_DIR overrides it (tests; IT-managed locations such as a
 * mounted secrets volume).
 *
 * - Linux: `$XDG_STATE_HOME/network-planner/keys` (usually `~/.local/state/...`): state that is
 *   not backed up with configuration;
 * - Windows: `%LOCALAPPDATA%\network-planner\keys`: local, does not roam with the profile, while
 *   the data directory lives in the roaming `%APPDATA%`;
 * - macOS: `~/Library/Application Support/network-planner-keys`.
 */
export function secretKeyDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PLANNER_KEY_DIR) return resolve(env.PLANNER_KEY_DIR);
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'network-planner', 'keys');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'network-planner-keys');
  return join(env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'network-planner', 'keys');
}

function inside(parent: string, child: string): boolean {
  const path = relative(parent, child);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** One key per data directory, named by a hash of its path (the path itself says nothing useful). */
export function secretKeyFile(dataDir: string, keyDir: string): string {
  const data = resolve(dataDir);
  const keys = resolve(keyDir);
  if (inside(data, keys) || inside(keys, data)) {
    throw new SecretStorageError(
      `The key for the planner's encrypted secrets must not sit beside them: ${keys} and the data directory ${data} overlap. ` +
        'Set PLANNER_KEY_DIR to a folder outside the data directory.',
    );
  }
  return join(keys, `${createHash('sha256').update(data).digest('hex').slice(0, 32)}.key`);
}
