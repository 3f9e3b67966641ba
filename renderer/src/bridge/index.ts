import type { PlannerApi, PreloadBridge } from '../../../shared/ipc';
import { createPreloadBridge } from './preload-bridge';
import { createWebSocketBridge, takeLaunchToken } from './websocket-bridge';

declare global {
  interface Window {
    /** Present only inside the Electron app, put there by the preload script. */
    plannerBridge?: PreloadBridge;
  }
}

let api: PlannerApi | null = null;

/** Whichever transport is present: the Electron preload, else the headless host's WebSocket. */
export function planner(): PlannerApi {
  if (api) return api;
  if (window.plannerBridge) {
    api = createPreloadBridge(window.plannerBridge);
    return api;
  }
  const token = takeLaunchToken(window.location, window.history, window.sessionStorage);
  if (!token) throw new Error('This page was opened without its access token. Open the full address printed by `npm start`.');
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  api = createWebSocketBridge(`${scheme}//${window.location.host}/ipc`, token);
  return api;
}
