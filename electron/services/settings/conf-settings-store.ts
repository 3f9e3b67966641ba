import Conf from 'conf';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenedSettings, SettingsStore } from './settings-store';

export const SETTINGS_FILE_NAME = 'settings';

/** Options both adapters share: the file in the data directory, readable by this OS user only. */
export function settingsFileOptions(dataDir: string) {
  return { cwd: dataDir, configFileMode: 0o600, accessPropertiesByDotNotation: false, clearInvalidConfig: false } as const;
}

/**
 * Opens a settings file with `open`; a file that cannot be read is moved aside (never deleted) and
 * a fresh one started, with a notice saying where the old one went.
 */
export function openSettingsFile(dataDir: string, open: () => SettingsStore, now: () => Date = () => new Date()): OpenedSettings {
  try {
    return { store: open(), notices: [] };
  } catch (error) {
    const path = join(dataDir, `${SETTINGS_FILE_NAME}.json`);
    if (!existsSync(path)) throw error;
    const movedTo = join(dataDir, `${SETTINGS_FILE_NAME}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}.json`);
    renameSync(path, movedTo);
    return {
      store: open(),
      notices: [`The settings file ${path} could not be read (${(error as Error).message}). It was moved to ${movedTo}; the planner starts from the region's defaults.`],
    };
  }
}

/** The headless host's settings: `conf`, in `<data directory>/settings.json`. */
export function openConfSettings(dataDir: string): OpenedSettings {
  return openSettingsFile(dataDir, () => {
    const conf = new Conf<Record<string, unknown>>({ ...settingsFileOptions(dataDir), configName: SETTINGS_FILE_NAME });
    return {
      path: conf.path,
      get: (key) => conf.get(key),
      set: (key, value) => conf.set(key, value),
      delete: (key) => conf.delete(key),
    };
  });
}
