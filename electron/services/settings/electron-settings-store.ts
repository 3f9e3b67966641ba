import ElectronStore from 'electron-store';
import { openSettingsFile, settingsFileOptions, SETTINGS_FILE_NAME } from './conf-settings-store';
import type { OpenedSettings } from './settings-store';

/**
 * The desktop app's settings: electron-store, in `<data directory>/settings.json` (the same file
 * and format as the headless host's). Only the Electron main imports this file.
 */
export function openElectronSettings(dataDir: string): OpenedSettings {
  return openSettingsFile(dataDir, () => {
    const store = new ElectronStore<Record<string, unknown>>({ ...settingsFileOptions(dataDir), name: SETTINGS_FILE_NAME });
    return {
      path: store.path,
      get: (key) => store.get(key),
      set: (key, value) => store.set(key, value),
      delete: (key) => store.delete(key),
    };
  });
}

/** electron-store answers renderers on this ipcMain channel; the planner's renderer never needs it. */
export const ELECTRON_STORE_IPC_CHANNEL = 'electron-store-get-data';
