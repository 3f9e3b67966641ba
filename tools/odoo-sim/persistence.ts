import { closeSync, existsSync, openSync, readFileSync, renameSync, writeSync, appendFileSync } from 'node:fs';
import type { CommittedChange, Database } from './orm/database';
import type { Row } from './orm/model-spec';

export interface PersistedMeta {
  format: 'odoo-sim/1';
  version: number;
  databaseName: string;
  seed: number;
  nodes: number;
  skus: number;
  dayZero: string;
  tz: string;
  /** Printed credentials (the secrets themselves are only stored hashed in the rows). */
  users: { login: string; name: string; password: string; apiKey: string; uid: number; groups: string[] }[];
}

interface ChunkLine {
  m: string;
  rows: Row[];
}

interface ChangeLine {
  upserts: { m: string; r: Row }[];
  removals: { m: string; id: number }[];
  nextIds: Record<string, number>;
}

const CHUNK = 5_000;

/**
 * `--data FILE`: a JSON-lines file holding a full snapshot (meta line, then row chunks) followed
 * by one line per committed transaction. Loading replays it; opening rewrites it compacted.
 * Appends are synchronous, so a committed call survives a crash of the stand-in.
 */
export class DataFile {
  constructor(readonly path: string) {}

  exists(): boolean {
    return existsSync(this.path);
  }

  load(db: Database): PersistedMeta {
    const text = readFileSync(this.path, 'utf8');
    const lines = text.split('\n');
    let meta: PersistedMeta | undefined;
    let lineNumber = 0;
    for (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        // A torn last line (crash mid-append) is dropped; anything earlier is corruption.
        if (lineNumber >= lines.length - 1) break;
        throw new Error(`${this.path}: line ${lineNumber} is not valid JSON; the data file is damaged`);
      }
      if (!meta) {
        const candidate = parsed as Partial<PersistedMeta>;
        if (candidate.format !== 'odoo-sim/1') throw new Error(`${this.path} is not an odoo-sim data file (expected format odoo-sim/1 on its first line)`);
        meta = candidate as PersistedMeta;
        continue;
      }
      if ('m' in (parsed as object)) {
        const chunk = parsed as ChunkLine;
        for (const row of chunk.rows) db.insert(chunk.m, row);
      } else {
        const change = parsed as ChangeLine;
        for (const { m, r } of change.upserts) {
          const table = db.table(m);
          const existing = table.get(r.id);
          if (existing) {
            const patch: Record<string, unknown> = {};
            for (const key of new Set([...Object.keys(existing), ...Object.keys(r)])) patch[key] = r[key];
            table.setValues(existing, patch);
          } else db.insert(m, r);
        }
        for (const { m, id } of change.removals) db.remove(m, id);
        for (const [model, nextId] of Object.entries(change.nextIds)) {
          const table = db.table(model);
          if (nextId > table.nextId) table.nextId = nextId;
        }
      }
    }
    if (!meta) throw new Error(`${this.path} is empty`);
    return meta;
  }

  /** Writes the whole database (atomically: temp file then rename). */
  writeSnapshot(db: Database, meta: PersistedMeta): void {
    const temp = `${this.path}.tmp`;
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, `${JSON.stringify(meta)}\n`);
      for (const [model, table] of db.tables) {
        const ids = table.ids();
        for (let i = 0; i < ids.length; i += CHUNK) {
          const rows = ids.slice(i, i + CHUNK).map((id) => table.get(id) as Row);
          writeSync(fd, `${JSON.stringify({ m: model, rows } satisfies ChunkLine)}\n`);
        }
        if (ids.length === 0 && table.nextId > 1) writeSync(fd, `${JSON.stringify({ upserts: [], removals: [], nextIds: { [model]: table.nextId } } satisfies ChangeLine)}\n`);
      }
      const nextIds: Record<string, number> = {};
      for (const [model, table] of db.tables) nextIds[model] = table.nextId;
      writeSync(fd, `${JSON.stringify({ upserts: [], removals: [], nextIds } satisfies ChangeLine)}\n`);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.path);
  }

  append(change: CommittedChange): void {
    const line: ChangeLine = {
      upserts: change.upserts.map(({ model, row }) => ({ m: model, r: row })),
      removals: change.removals.map(({ model, id }) => ({ m: model, id })),
      nextIds: change.nextIds,
    };
    appendFileSync(this.path, `${JSON.stringify(line)}\n`);
  }
}
