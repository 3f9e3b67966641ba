import type { BrowserWindowConstructorOptions } from 'electron';
import { join } from 'node:path';
import { ELECTRON_EVENT_CHANNEL } from '../../shared/ipc';
import { PlannerAlreadyRunningError } from '../app/instance-lock';
import { RegionProfileError } from '../app/region-profile-file';
import { startPlanner, type StartedPlanner } from '../app/start-planner';
import type { WorkerEntry } from '../services/planning';
import { SafeStorageSecretStore, type SafeStorageLike } from '../services/secrets';
import type { OpenedSettings } from '../services/settings';
import { CacheFromNewerVersionError } from '../services/store';
import { registerAppScheme, RENDERER_URL, serveAppProtocol, type ProtocolLike } from './app-protocol';
import { hardenSession, hardenWebContents, type SessionLike, type WebContentsLike } from './hardening';
import { forwardEvents, registerIpcHandlers, type IpcMainLike } from './ipc-registration';
import { regionProfileFile } from './region-source';
import { mainWindowOptions } from './window-options';

export interface AppLike {
  readonly isPackaged: boolean;
  enableSandbox(): void;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<unknown>;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
  on(event: 'session-created', listener: (session: SessionLike) => void): unknown;
  on(event: 'second-instance' | 'window-all-closed' | 'before-quit', listener: () => void): unknown;
  quit(): void;
  exit(code: number): void;
}

export interface MainWebContentsLike extends WebContentsLike {
  send(channel: string, message: unknown): void;
  on(event: 'devtools-opened', listener: () => void): unknown;
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
  closeDevTools(): void;
}

export interface WindowLike {
  readonly webContents: MainWebContentsLike;
  isDestroyed(): boolean;
  on(event: 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  focus(): void;
  loadURL(url: string): Promise<void>;
}

export interface IpcMainWithListenersLike extends IpcMainLike {
  removeAllListeners(channel: string): unknown;
}

/** Everything the desktop app takes from Electron, so the real wiring runs in tests on stand-ins. */
export interface ElectronLike {
  app: AppLike;
  createWindow(options: BrowserWindowConstructorOptions): WindowLike;
  defaultSession(): SessionLike;
  ipcMain: IpcMainWithListenersLike;
  protocol: ProtocolLike;
  showErrorBox(title: string, content: string): void;
  safeStorage: SafeStorageLike;
  /** electron-store in the app; any SettingsStore in tests. */
  openSettings(dataDir: string): OpenedSettings;
}

export interface DesktopPaths {
  appRoot: string;
  rendererDir: string;
  preloadFile: string;
  resourcesPath: string;
  workerEntry: WorkerEntry;
  appVersion: string;
  env: NodeJS.ProcessEnv;
}

/** ipcMain channels that libraries register for their own renderer helpers; the planner's renderer uses none. */
export const FOREIGN_IPC_CHANNELS = ['electron-store-get-data'];

export interface DesktopApp {
  planner: StartedPlanner;
  window: WindowLike;
}

/**
 * The Electron composition root: the same services as the headless host; only the transport
 * (preload + IPC) and the window differ. Every security setting of the desktop app is made here or
 * in the functions it calls, so the tests check the wiring that ships, not a copy of it.
 */
export async function startDesktopApp(electron: ElectronLike, paths: DesktopPaths): Promise<DesktopApp | null> {
  const { app } = electron;
  // Before ready: every renderer sandboxed, whatever a window's options say; the app's own scheme.
  app.enableSandbox();
  registerAppScheme(electron.protocol);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  await app.whenReady();

  let planner: StartedPlanner;
  try {
    planner = startPlanner({
      regionFile: regionProfileFile({ isPackaged: app.isPackaged, resourcesPath: paths.resourcesPath, appRoot: paths.appRoot, env: paths.env }),
      workerEntry: paths.workerEntry,
      appVersion: paths.appVersion,
      env: paths.env,
      odooFromEnvironment: !app.isPackaged,
      stores: (dataDir) => ({
        settings: electron.openSettings(dataDir),
        secrets: new SafeStorageSecretStore(electron.safeStorage, join(dataDir, 'secrets.safe-storage.json')),
      }),
    });
  } catch (error) {
    const known = error instanceof RegionProfileError || error instanceof PlannerAlreadyRunningError || error instanceof CacheFromNewerVersionError;
    electron.showErrorBox('Network Planner', known ? error.message : `Network Planner could not start: ${String(error)}`);
    app.exit(2);
    return null;
  }
  const { log } = planner;
  for (const channel of FOREIGN_IPC_CHANNELS) electron.ipcMain.removeAllListeners(channel);

  const allowDevtools = !app.isPackaged;
  serveAppProtocol(electron.protocol, paths.rendererDir);
  hardenSession(electron.defaultSession(), log, { allowDevtools });
  app.on('session-created', (session) => hardenSession(session, log, { allowDevtools }));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  registerIpcHandlers(electron.ipcMain, planner.services, () => RENDERER_URL, log);

  const window = electron.createWindow(mainWindowOptions(paths.preloadFile, app.isPackaged));
  hardenWebContents(window.webContents, log);
  if (app.isPackaged) {
    // devTools is off in the window's options; this catches any other way of opening them.
    window.webContents.on('devtools-opened', () => {
      log.warn('devtools were opened in a packaged build; closing them');
      window.webContents.closeDevTools();
    });
  }
  const unsubscribe = forwardEvents(planner.services.events, (message) => {
    if (!window.isDestroyed()) window.webContents.send(ELECTRON_EVENT_CHANNEL, message);
  });
  window.on('closed', unsubscribe);
  window.once('ready-to-show', () => window.show());
  app.on('second-instance', () => window.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void planner.stop());
  await window.loadURL(RENDERER_URL);
  return { planner, window };
}
