import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's web preferences: the renderer gets no Node, runs sandboxed and isolated, and
 * reaches the services only through the preload's contract.
 */
export function mainWindowOptions(preloadPath: string, isPackaged: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Network Planner',
    backgroundColor: '#f3f5f8',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle-click on a link would open a window; window.open is refused anyway, this removes the path.
      disableBlinkFeatures: 'Auxclick',
      devTools: !isPackaged,
    },
  };
}
