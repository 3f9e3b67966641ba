// `npm start`: builds what is out of date, then opens the desktop window when the Electron binary
// (and a display) is present, or starts the headless host and prints the address to open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const require = createRequire(import.meta.url);

function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

function buildIfStale() {
  const stamp = join(root, 'out', '.build-stamp');
  const sources = ['electron', 'renderer', 'shared', 'electron.vite.config.ts', 'package-lock.json'].map((name) => newestChange(join(root, name)));
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (built >= Math.max(...sources)) return;
  console.log('Building Network Planner (main, preload, renderer)…');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, new Date().toISOString());
}

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

buildIfStale();

const forcedHeadless = args.includes('--headless');
const electron = electronBinary();
if (!forcedHeadless && electron.path && hasDisplay()) {
  const child = spawn(electron.path, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const why = forcedHeadless ? '--headless was given' : electron.path ? 'there is no display to open a window on' : electron.reason;
  console.log(`Starting the headless host because ${why}.`);
  console.log('It runs the whole product; open the address it prints in Chrome, Chromium, Edge or Firefox.');
  await import(pathToFileURL(join(root, 'out', 'main', 'headless.js')).href);
}
