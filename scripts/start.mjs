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

/**
 * `--with-odoo-sim`: start the Odoo stand-in beside the planner and connect the planner to it, so
 * a newcomer sees a real sync without an Odoo. The stand-in stops when the planner stops.
 */
async function startOdooSim() {
  const size = (flag, fallback) => {
    const index = args.indexOf(flag);
    return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
  };
  const sim = spawn(process.execPath, ['--import', 'tsx', join(root, 'tools', 'odoo-sim', 'main.ts'), '--port', '0', '--nodes', size('--demo-nodes', '10'), '--skus', size('--demo-skus', '2000'), '--seed', size('--demo-seed', '42')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => sim.kill('SIGTERM');
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { stop(); process.exit(0); });
  const text = await new Promise((resolve, reject) => {
    let out = '';
    sim.stdout.on('data', (chunk) => {
      out += chunk.toString();
      if (/user planner .*api_key=\S+/.test(out) && /database: \S+/.test(out)) resolve(out);
    });
    sim.on('exit', (code) => reject(new Error(`the Odoo stand-in exited (${code}) before it was ready`)));
  });
  const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
  const database = /database: (\S+)/.exec(text)?.[1];
  const apiKey = /user planner .*api_key=(\S+)/.exec(text)?.[1];
  console.log(`Odoo stand-in running at ${url} (database ${database}); the planner will sync from it as user "planner".`);
  Object.assign(process.env, { PLANNER_ODOO_URL: url, PLANNER_ODOO_DB: database, PLANNER_ODOO_LOGIN: 'planner', PLANNER_ODOO_API_KEY: apiKey, PLANNER_SYNC_ON_START: '1' });
}

if (args.includes('--with-odoo-sim')) await startOdooSim();

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
