import { contentSecurityPolicy } from '../headless/content-security-policy';
import type { Log } from '../app/log';
import { APP_ORIGIN } from './app-protocol';

/** The parts of Electron's session we configure, so tests can check them on a stand-in. */
export interface SessionLike {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  webRequest: {
    onHeadersReceived(listener: (details: { url: string; responseHeaders?: Record<string, string[] | string> }, callback: (response: { responseHeaders: Record<string, string[] | string> }) => void) => void): void;
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: { preventDefault(): void }, url: string) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Only the app's own files load: no remote content, ever. `data:` covers the inline icon; the
 * devtools' own pages only where devtools exist at all (never in a packaged build).
 */
export function isAppResource(url: string, allowDevtools = false): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('data:')) return true;
  return allowDevtools && url.startsWith('devtools://');
}

export interface HardeningOptions {
  allowDevtools: boolean;
}

export function hardenSession(session: SessionLike, log: Log, options: HardeningOptions = { allowDevtools: false }): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn({ permission }, 'denied a permission request');
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppResource(details.url, options.allowDevtools);
    if (!allowed) log.warn({ url: details.url }, 'blocked a request for remote content');
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...(details.responseHeaders ?? {}), 'Content-Security-Policy': [contentSecurityPolicy(null)] } });
  });
}

export function hardenWebContents(contents: WebContentsLike, log: Log): void {
  const refuse = (kind: string) => (event: { preventDefault(): void }, url: string) => {
    event.preventDefault();
    log.warn({ url, kind }, 'blocked navigation away from the planner');
  };
  contents.on('will-navigate', refuse('navigate'));
  contents.on('will-redirect', refuse('redirect'));
  contents.on('will-attach-webview', refuse('webview'));
  contents.setWindowOpenHandler(({ url }) => {
    log.warn({ url }, 'blocked window.open');
    return { action: 'deny' };
  });
}
