import type { Database } from 'better-sqlite3';

/** One forward-only schema step. Never edited once released: a change is a new numbered file. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
