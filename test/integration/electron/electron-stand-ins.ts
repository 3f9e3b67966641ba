import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { AppLike, ElectronLike, MainWebContentsLike, WindowLike } from '../../../electron/main/desktop-app';
import type { CustomSchemeLike, ProtocolLike } from '../../../electron/main/app-protocol';
import type { SessionLike, WebContentsLike } from '../../../electron/main/hardening';
import type { SafeStorageLike } from '../../../electron/services/secrets';
import { openSettingsFile, type OpenedSettings } from '../../../electron/services/settings';
import { InMemoryIpc } from '../../support/transports';

/** A navigation or window.open event as Electron hands it to listeners. */
export class NavigationEvent {
  prevented = false;
  preventDefault(): void {
    this.prevented = true;
  }
}

export class StandInWebContents extends EventEmitter implements MainWebContentsLike {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  sent: { channel: string; message: unknown }[] = [];
  devtoolsClosed = 0;
  override on(event: string, listener: (...args: never[]) => void): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message });
  }
  closeDevTools(): void {
    this.devtoolsClosed++;
  }
  /** What happens when the page tries to go to `url`: was it stopped? */
  navigate(kind: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
    const event = new NavigationEvent();
    this.emit(kind, event, url);
    return event.prevented;
  }
}

export class StandInWindow extends EventEmitter implements WindowLike {
  readonly webContents = new StandInWebContents();
  loaded: string[] = [];
  shown = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
  override on(event: string, listener: () => void): this {
    return super.on(event, listener);
  }
  override once(event: string, listener: () => void): this {
    return super.once(event, listener);
  }
  isDestroyed(): boolean {
    return false;
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {}
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
}

export class StandInSession implements SessionLike {
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: ((contents: unknown, permission: string) => boolean) | null = null;
  beforeRequest: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null = null;
  headersReceived: ((details: { url: string; responseHeaders?: Record<string, string[] | string> }, callback: (response: { responseHeaders: Record<string, string[] | string> }) => void) => void) | null = null;
  setPermissionRequestHandler(handler: NonNullable<StandInSession['permissionRequest']>): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<StandInSession['permissionCheck']>): void {
    this.permissionCheck = handler;
  }
  webRequest = {
    onBeforeRequest: (listener: NonNullable<StandInSession['beforeRequest']>) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: NonNullable<StandInSession['headersReceived']>) => {
      this.headersReceived = listener;
    },
  };
  /** Would Electron let this URL load? */
  loads(url: string): boolean {
    let cancelled = true;
    this.beforeRequest?.({ url }, (response) => (cancelled = response.cancel));
    return !cancelled;
  }
  /** What a page asking for `permission` is told. */
  grants(permission: string): boolean {
    let granted = true;
    this.permissionRequest?.({}, permission, (answer) => (granted = answer));
    return granted;
  }
}

export class StandInApp extends EventEmitter implements AppLike {
  sandboxEnabled = false;
  quitCalled = false;
  exitCode: number | null = null;
  gotLock = true;
  constructor(readonly isPackaged: boolean) {
    super();
  }
  override on(event: string, listener: (...args: never[]) => void): this {
    return super.on(event, listener as (...args: unknown[]) => void);
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean {
    return this.gotLock;
  }
  async whenReady(): Promise<void> {}
  quit(): void {
    this.quitCalled = true;
  }
  exit(code: number): void {
    this.exitCode = code;
  }
  /** Electron creating web contents the app did not ask for (a devtools page, a webview…). */
  createContents(): StandInWebContents {
    const contents = new StandInWebContents();
    this.emit('web-contents-created', {}, contents as WebContentsLike);
    return contents;
  }
}

export class StandInProtocol implements ProtocolLike {
  privileged: CustomSchemeLike[] = [];
  handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  registerSchemesAsPrivileged(schemes: CustomSchemeLike[]): void {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  }
  async fetch(url: string): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (!handler) throw new Error(`no handler for ${url}`);
    return handler({ url, method: 'GET' } as Request);
  }
}

/** ipcMain with listeners as well as handlers, so stray channels show up. */
export class StandInIpcMain extends InMemoryIpc {
  readonly listeners = new Map<string, number>();
  readonly handled = new Set<string>();
  override handle(channel: string, listener: Parameters<InMemoryIpc['handle']>[1]): void {
    this.handled.add(channel);
    super.handle(channel, listener);
  }
  override removeHandler(channel: string): void {
    this.handled.delete(channel);
    super.removeHandler(channel);
  }
  on(channel: string): void {
    this.listeners.set(channel, (this.listeners.get(channel) ?? 0) + 1);
  }
  removeAllListeners(channel: string): void {
    this.listeners.delete(channel);
  }
}

export class StandInSafeStorage implements SafeStorageLike {
  isEncryptionAvailable(): boolean {
    return true;
  }
  encryptString(plainText: string): Buffer {
    return Buffer.from(`sealed:${Buffer.from(plainText).toString('hex')}`);
  }
  decryptString(encrypted: Buffer): string {
    return Buffer.from(encrypted.toString().slice('sealed:'.length), 'hex').toString();
  }
  getSelectedStorageBackend(): string {
    return 'gnome_libsecret';
  }
}

export interface StandInElectron extends ElectronLike {
  app: StandInApp;
  ipcMain: StandInIpcMain;
  protocol: StandInProtocol;
  session: StandInSession;
  windows: StandInWindow[];
  errors: string[];
}

/** Electron, stood in. `openSettings` behaves as electron-store does: it registers its own ipcMain listener. */
export function standInElectron(isPackaged: boolean): StandInElectron {
  const session = new StandInSession();
  const ipcMain = new StandInIpcMain();
  const windows: StandInWindow[] = [];
  const errors: string[] = [];
  const settings = new Map<string, unknown>();
  return {
    app: new StandInApp(isPackaged),
    session,
    ipcMain,
    protocol: new StandInProtocol(),
    windows,
    errors,
    createWindow(options) {
      const window = new StandInWindow(options);
      windows.push(window);
      return window;
    },
    defaultSession: () => session,
    showErrorBox: (_title, content) => void errors.push(content),
    safeStorage: new StandInSafeStorage(),
    openSettings(dataDir: string): OpenedSettings {
      ipcMain.on('electron-store-get-data');
      return openSettingsFile(dataDir, () => ({
        path: `${dataDir}/settings.json`,
        get: (key) => settings.get(key),
        set: (key, value) => void settings.set(key, value),
        delete: (key) => void settings.delete(key),
      }));
    },
  };
}
