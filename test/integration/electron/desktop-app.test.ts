import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ELECTRON_INVOKE_CHANNEL } from '../../../shared/ipc';
import { APP_SCHEME, RENDERER_URL } from '../../../electron/main/app-protocol';
import { startDesktopApp, type DesktopApp } from '../../../electron/main/desktop-app';
import { makeTempDir } from '../../support/temp-dir';
import { sourceWorkerEntry } from '../../support/worker-entry';
import { standInElectron, type StandInElectron } from './electron-stand-ins';

const root = fileURLToPath(new URL('../../..', import.meta.url));

interface Started {
  electron: StandInElectron;
  desktop: DesktopApp;
  dataDir: string;
  /** The log file as written so far (lines are written asynchronously: poll it). */
  logText(): string;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real Electron wiring (desktop-app.ts) on stand-ins, with a real planner behind it. */
async function startDesktop(options: { packaged: boolean; embedded?: string; env?: NodeJS.ProcessEnv }): Promise<Started> {
  const data = makeTempDir('desktop-data');
  const resources = makeTempDir('desktop-resources');
  const renderer = makeTempDir('desktop-renderer');
  writeFileSync(join(renderer.path, 'index.html'), '<!doctype html><title>planner</title>');
  mkdirSync(join(renderer.path, 'assets'));
  writeFileSync(join(renderer.path, 'assets', 'app.js'), 'console.log(1)');
  if (options.embedded) copyFileSync(join(root, 'regions', `${options.embedded}.json`), join(resources.path, 'region.json'));
  const electron = standInElectron(options.packaged);
  const desktop = await startDesktopApp(electron, {
    appRoot: root,
    rendererDir: renderer.path,
    preloadFile: '/app/out/preload/index.cjs',
    resourcesPath: resources.path,
    workerEntry: sourceWorkerEntry(),
    appVersion: '0.0.0-test',
    env: { ...process.env, PLANNER_DATA_DIR: data.path, PLANNER_DEMO_NODES: '3', PLANNER_DEMO_SKUS: '20', ...options.env },
  });
  if (!desktop) throw new Error(`the desktop app did not start: ${electron.errors.join('\n')}`);
  await desktop.planner.services.ready;
  electron.ipcMain.senderUrl = RENDERER_URL;
  cleanups.push(async () => {
    await desktop.planner.stop();
    data.remove();
    resources.remove();
    renderer.remove();
  });
  return {
    electron,
    desktop,
    dataDir: data.path,
    logText: () => readFileSync(join(data.path, 'logs', 'planner.log'), 'utf8'),
  };
}

describe('the desktop app window', () => {
  it('is isolated, sandboxed, without Node, with web security, and loads only the app\'s own page', async () => {
    const { electron } = await startDesktop({ packaged: true, embedded: 'emea' });
    expect(electron.app.sandboxEnabled).toBe(true);
    expect(electron.windows).toHaveLength(1);
    const window = electron.windows[0];
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      preload: '/app/out/preload/index.cjs',
    });
    expect(window?.loaded).toEqual(['planner://app/index.html']);
  });

  it('has devtools off in a packaged build, and closes them should they open anyway', async () => {
    const { electron } = await startDesktop({ packaged: true, embedded: 'na' });
    const window = electron.windows[0];
    expect(window?.options.webPreferences?.devTools).toBe(false);
    window?.webContents.emit('devtools-opened');
    expect(window?.webContents.devtoolsClosed).toBe(1);
  });

  it('keeps devtools for a development run', async () => {
    const { electron } = await startDesktop({ packaged: false });
    expect(electron.windows[0]?.options.webPreferences?.devTools).toBe(true);
  });

  it('blocks navigation, redirects, webviews and window.open, in its own window and any other web contents', async () => {
    const { electron, logText } = await startDesktop({ packaged: true, embedded: 'emea' });
    const contents = electron.windows[0]?.webContents;
    if (!contents) throw new Error('no window');
    expect(contents.navigate('will-navigate', 'https://evil.example/login')).toBe(true);
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-attach-webview', 'https://evil.example/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/popup' })).toEqual({ action: 'deny' });
    const other = electron.app.createContents();
    expect(other.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(other.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    await expect.poll(logText).toContain('blocked navigation away from the planner');
    await expect.poll(logText).toContain('https://evil.example/popup');
  });

  it('denies every permission request and loads no remote content', async () => {
    const { electron, logText } = await startDesktop({ packaged: true, embedded: 'apac' });
    const { session } = electron;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) expect(session.grants(permission)).toBe(false);
    expect(session.permissionCheck?.({}, 'clipboard-sanitized-write')).toBe(false);
    expect(session.loads('planner://app/assets/app.js')).toBe(true);
    expect(session.loads('data:image/svg+xml,<svg/>')).toBe(true);
    expect(session.loads('https://cdn.example/tracker.js')).toBe(false);
    expect(session.loads('http://127.0.0.1:8069/web')).toBe(false);
    expect(session.loads('file:///etc/passwd')).toBe(false);
    // Devtools' own pages do not load in a packaged build.
    expect(session.loads('devtools://devtools/bundled/inspector.html')).toBe(false);
    await expect.poll(logText).toContain('denied a permission request');
    await expect.poll(logText).toContain('blocked a request for remote content');
  });

  it('sends a strict Content-Security-Policy with every page, from its own scheme (not file://), and serves nothing outside the renderer', async () => {
    const { electron, session } = await startDesktop({ packaged: true, embedded: 'emea' }).then(({ electron }) => ({ electron, session: electron.session }));
    expect(electron.protocol.privileged).toEqual([
      { scheme: APP_SCHEME, privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false }) },
    ]);
    const page = await electron.protocol.fetch('planner://app/index.html');
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect((await electron.protocol.fetch('planner://app/../../../etc/passwd')).status).toBe(404);
    expect((await electron.protocol.fetch('planner://app/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await electron.protocol.fetch('planner://elsewhere/index.html')).status).toBe(404);
    let headers: Record<string, string[] | string> = {};
    session.headersReceived?.({ url: 'planner://app/index.html', responseHeaders: {} }, (response) => (headers = response.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([csp]);
  });
});

describe('the desktop app IPC', () => {
  it('registers exactly the contract\'s channel: what a library adds to ipcMain for its own use is removed', async () => {
    const { electron } = await startDesktop({ packaged: true, embedded: 'emea' });
    expect([...electron.ipcMain.handled]).toEqual([ELECTRON_INVOKE_CHANNEL]);
    expect([...electron.ipcMain.listeners.keys()]).toEqual([]);
  });

  it('checks every request\'s sender frame, refuses and logs anything but the planner page', async () => {
    const { electron, logText } = await startDesktop({ packaged: true, embedded: 'emea' });
    const ipc = electron.ipcMain;
    await expect(ipc.rendererInvoke(ELECTRON_INVOKE_CHANNEL, { channel: 'app.describe', request: {} })).resolves.toMatchObject({ ok: true });
    ipc.senderUrl = 'https://evil.example/index.html';
    await expect(ipc.rendererInvoke(ELECTRON_INVOKE_CHANNEL, { channel: 'app.describe', request: {} })).resolves.toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'This request did not come from the Network Planner window.' },
    });
    // The old file:// page is not the planner any more either.
    ipc.senderUrl = 'file:///opt/network-planner/out/renderer/index.html';
    await expect(ipc.rendererInvoke(ELECTRON_INVOKE_CHANNEL, { channel: 'app.describe', request: {} })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    ipc.senderUrl = RENDERER_URL;
    ipc.senderParent = { url: RENDERER_URL };
    await expect(ipc.rendererInvoke(ELECTRON_INVOKE_CHANNEL, { channel: 'app.describe', request: {} })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    ipc.senderParent = null;
    await expect(ipc.rendererInvoke(ELECTRON_INVOKE_CHANNEL, { channel: 'fs.readFile', request: { path: '/etc/passwd' } })).resolves.toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    await expect.poll(logText).toContain('refused an IPC request from an untrusted frame');
    await expect.poll(logText).toContain('"sender":"https://evil.example/index.html"');
    await expect.poll(logText).toContain('refused a request on a channel outside the contract');
    await expect.poll(logText).toContain('"channel":"fs.readFile"');
  });
});

describe('the region a desktop build runs with', () => {
  it('is the profile built into an installed build, whatever PLANNER_REGION says', async () => {
    const { desktop } = await startDesktop({ packaged: true, embedded: 'apac', env: { PLANNER_REGION: 'emea' } });
    expect(desktop.planner.profile.code).toBe('apac');
    const settings = await desktop.planner.services.handlers['settings.describe']({});
    expect(settings.odoo).toMatchObject({ url: 'https://odoo-apac.acme-distribution.example', source: 'region-profile' });
  });

  it('takes no Odoo connection from the environment in an installed build', async () => {
    const odooEnv = { PLANNER_ODOO_URL: 'https://odoo.elsewhere.example', PLANNER_ODOO_DB: 'other', PLANNER_ODOO_LOGIN: 'x', PLANNER_ODOO_API_KEY: 'key-from-the-environment-123' };
    const installed = await startDesktop({ packaged: true, embedded: 'emea', env: odooEnv });
    expect((await installed.desktop.planner.services.handlers['sync.status']({})).configured).toBe(false);
    const development = await startDesktop({ packaged: false, env: odooEnv });
    expect((await development.desktop.planner.services.handlers['sync.status']({})).configured).toBe(true);
  });

  it('is chosen by PLANNER_REGION only in a development run', async () => {
    const { desktop } = await startDesktop({ packaged: false, env: { PLANNER_REGION: 'na' } });
    expect(desktop.planner.profile.code).toBe('na');
  });

  it('refuses to start an installed build whose embedded profile is missing, saying so', async () => {
    const electron = standInElectron(true);
    const resources = makeTempDir('no-profile');
    const data = makeTempDir('no-profile-data');
    const started = await startDesktopApp(electron, {
      appRoot: root,
      rendererDir: resources.path,
      preloadFile: '/x',
      resourcesPath: resources.path,
      workerEntry: sourceWorkerEntry(),
      appVersion: '0',
      env: { PLANNER_DATA_DIR: data.path },
    });
    expect(started).toBeNull();
    expect(electron.app.exitCode).toBe(2);
    expect(electron.errors[0]).toContain(`The region profile ${join(resources.path, 'region.json')} cannot be used`);
    expect(electron.windows).toEqual([]);
    resources.remove();
    data.remove();
  });
});

describe('the desktop app keeps the API key with safeStorage', () => {
  it('stores only what safeStorage sealed', async () => {
    const { desktop, dataDir } = await startDesktop({ packaged: true, embedded: 'emea' });
    const key = 'desktop-key-0f1e2d3c4b5a69788796';
    const view = await desktop.planner.services.handlers['secrets.saveOdooApiKey']({ apiKey: key });
    expect(view.apiKey).toMatchObject({ stored: true, storage: 'os-keychain' });
    expect(readdirSync(dataDir)).toContain('secrets.safe-storage.json');
    expect(readFileSync(join(dataDir, 'secrets.safe-storage.json'), 'utf8')).not.toContain(key);
  });
});
