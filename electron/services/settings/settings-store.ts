/**
 * Where the planner keeps what a user set: `conf` in the headless host, `electron-store` in the
 * desktop app (both a JSON file in the data directory), behind one interface. Never a secret:
 * credentials go to the SecretStore.
 */
export interface SettingsStore {
  readonly path: string;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export interface OpenedSettings {
  store: SettingsStore;
  /** What a person should be told (e.g. an unreadable settings file was moved aside). */
  notices: string[];
}
