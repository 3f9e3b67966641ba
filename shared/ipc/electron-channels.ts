/** The two Electron IPC channels the whole contract travels on (requests in, events out). */
export const ELECTRON_INVOKE_CHANNEL = 'planner:invoke';
export const ELECTRON_EVENT_CHANNEL = 'planner:event';
