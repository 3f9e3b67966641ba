// `npm start`: builds what is out of date, then opens the desktop window when the Electron binary
// (and a display) is present, or starts the headless host and prints the address to open.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';
import { ensureElectronSqliteBinding } from './electron-native.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? { path } : { reason: `the Electron binary is missing at ${path}` };
  } catch {
    return { reason: 'the Electron binary is not installed (it could not be downloaded, or ELECTRON_SKIP_BINARY_DOWNLOAD was set)' };
  }
}

function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

try {
  buildIfStale();
} catch {
  process.exit(1);
}

const forcedHeadless = args.includes('--headless');
const electron = electronBinary();
if (!forcedHeadless && electron.path && hasDisplay()) {
  const binding = await ensureElectronSqliteBinding();
  const child = spawn(electron.path, [root, ...args], { stdio: 'inherit', env: { ...process.env, PLANNER_SQLITE_BINDING: binding } });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const why = forcedHeadless ? '--headless was given' : electron.path ? 'there is no display to open a window on' : electron.reason;
  console.log(`Starting the headless host because ${why}.`);
  console.log('It runs the whole product; open the address it prints in Chrome, Chromium, Edge or Firefox.');
  await import(pathToFileURL(join(root, 'out', 'main', 'headless.js')).href);
}
