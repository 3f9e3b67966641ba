// Electron's own postinstall downloads its binary and fails the whole install where that is
// impossible (offline build machines, CI here). Its script is denied in package.json#allowScripts and
// run from here instead, so `npm ci` succeeds either way; without the binary `npm start` runs the
// headless host. ELECTRON_SKIP_BINARY_DOWNLOAD=1 skips the attempt altogether.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
let installer;
try {
  installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
} catch {
  process.exit(0); // production install without devDependencies: nothing to fetch
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('network-planner: ELECTRON_SKIP_BINARY_DOWNLOAD is set; `npm start` will run the headless host.');
  process.exit(0);
}
if (!existsSync(installer)) process.exit(0);
const result = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000, encoding: 'utf8' });
if (result.status === 0) {
  console.log('network-planner: Electron binary is ready; `npm start` opens the desktop window.');
} else {
  const reason = (result.stderr || String(result.error ?? 'timed out')).split('\n').find((line) => line.trim()) ?? 'unknown error';
  console.log(`network-planner: the Electron binary could not be downloaded (${reason.trim()}).`);
  console.log('network-planner: that is fine: `npm start` will run the headless host and print the address to open.');
}
