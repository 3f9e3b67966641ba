import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ELECTRON_EVENT_CHANNEL } from '../../shared/ipc';
import { PlannerAlreadyRunningError } from '../app/instance-lock';
import { RegionProfileError } from '../app/region-profile-file';
import { regionFileFor, startPlanner, type StartedPlanner } from '../app/start-planner';
import { hardenSession, hardenWebContents } from './hardening';
import { forwardEvents, registerIpcHandlers } from './ipc-registration';
import { mainWindowOptions } from './window-options';

/**
 * The Electron composition root. The services are the same as the headless host's; only the
 * transport (preload + IPC) and the window differ.
 */
const here = dirname(fileURLToPath(import.meta.url));
const appRoot = resolve(here, '..', '..');
const rendererFile = join(appRoot, 'out', 'renderer', 'index.html');
const rendererUrl = pathToFileURL(rendererFile).href;

function embeddedRegionFile(): string {
  // A packaged build carries its region's profile as an extra resource; a dev run picks one.
  return app.isPackaged ? join(process.resourcesPath, 'region.json') : regionFileFor(appRoot, process.env.PLANNER_REGION ?? 'demo');
}

function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? app.getVersion();
  } catch {
    return app.getVersion();
  }
}

let planner: StartedPlanner | null = null;

async function openWindow(started: StartedPlanner): Promise<void> {
  const window = new BrowserWindow(mainWindowOptions(join(appRoot, 'out', 'preload', 'index.cjs'), app.isPackaged));
  hardenWebContents(window.webContents, started.log);
  const unsubscribe = forwardEvents(started.services.events, (message) => {
    if (!window.isDestroyed()) window.webContents.send(ELECTRON_EVENT_CHANNEL, message);
  });
  window.on('closed', unsubscribe);
  window.once('ready-to-show', () => window.show());
  await window.loadFile(rendererFile);
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  try {
    planner = startPlanner({ regionFile: embeddedRegionFile(), workerEntry: { file: pathToFileURL(join(here, 'planning-worker.js')) }, appVersion: appVersion() });
  } catch (error) {
    const message = error instanceof RegionProfileError || error instanceof PlannerAlreadyRunningError ? error.message : `Network Planner could not start: ${String(error)}`;
    dialog.showErrorBox('Network Planner', message);
    app.exit(2);
    return;
  }
  const started = planner;
  hardenSession(session.defaultSession, started.log);
  registerIpcHandlers(ipcMain, started.services, () => rendererUrl, started.log);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, started.log));
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void planner?.stop());
  await openWindow(started);
}

void main();
