import { contentSecurityPolicy } from '../headless/content-security-policy';
import type { Log } from '../app/log';

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

/** Only the app's own files load: no remote content, ever. */
export function isAppResource(url: string): boolean {
  return url.startsWith('file://') || url.startsWith('devtools://');
}

export function hardenSession(session: SessionLike, log: Log): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn({ permission }, 'denied a permission request');
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppResource(details.url);
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
