// better-sqlite3 is a native module: Node (tests, headless host) and Electron need different
// builds. Rather than rebuilding node_modules back and forth, `npm start` keeps an Electron build
// in .electron-native/ and points the app at it with PLANNER_SQLITE_BINDING. Packaged builds need
// none of this: electron-builder rebuilds node_modules for Electron on the release machine.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

export async function ensureElectronSqliteBinding() {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const buildPath = join(root, '.electron-native');
  const binding = join(buildPath, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  const stamp = join(buildPath, 'electron-version');
  if (existsSync(binding) && existsSync(stamp) && readFileSync(stamp, 'utf8') === electronVersion) return binding;
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once)…`);
  rmSync(buildPath, { recursive: true, force: true });
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  cpSync(source, join(buildPath, 'node_modules', 'better-sqlite3'), { recursive: true, filter: (path) => !path.includes(`${join('build', 'Release')}`) });
  writeFileSync(join(buildPath, 'package.json'), JSON.stringify({ name: 'electron-native', private: true, dependencies: { 'better-sqlite3': '*' } }));
  // better-sqlite3 publishes builds for Electron's ABI: fetch the matching one. Compiling is the
  // fallback (@electron/rebuild, which wants Node 22 and a compiler).
  const moduleDir = join(buildPath, 'node_modules', 'better-sqlite3');
  const prebuilt = spawnSync(process.execPath, [require.resolve('prebuild-install/bin.js'), '--runtime', 'electron', '--target', electronVersion], { cwd: moduleDir, stdio: 'inherit' });
  if (prebuilt.status !== 0 || !existsSync(binding)) {
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  }
  writeFileSync(stamp, electronVersion);
  return binding;
}
