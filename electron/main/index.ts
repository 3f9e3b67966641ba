import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openElectronSettings } from '../services/settings/electron-settings-store';
import { startDesktopApp } from './desktop-app';

/** The Electron entry point: hands Electron's modules to the wiring in desktop-app.ts. */
const here = dirname(fileURLToPath(import.meta.url));
const appRoot = resolve(here, '..', '..');

function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? app.getVersion();
  } catch {
    return app.getVersion();
  }
}

void startDesktopApp(
  {
    app,
    createWindow: (options) => new BrowserWindow(options),
    defaultSession: () => session.defaultSession,
    ipcMain,
    protocol,
    showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    safeStorage,
    openSettings: openElectronSettings,
  },
  {
    appRoot,
    rendererDir: join(appRoot, 'out', 'renderer'),
    preloadFile: join(appRoot, 'out', 'preload', 'index.cjs'),
    resourcesPath: process.resourcesPath,
    workerEntry: { file: pathToFileURL(join(here, 'planning-worker.js')) },
    appVersion: appVersion(),
    env: process.env,
  },
);
