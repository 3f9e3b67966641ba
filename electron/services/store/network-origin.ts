import type { Database } from 'better-sqlite3';
import { z } from 'zod';

/**
 * A network's origin: an Odoo server's (its records' ids are that database's) or the demo (which
 * goes to no Odoo). Approved work carries it, so it only ever goes where it was planned.
 */
export const CommandOrigin = z.discriminatedUnion('network', [
  z.strictObject({ network: z.literal('odoo'), url: z.string(), database: z.string() }),
  z.strictObject({ network: z.literal('demo') }),
]);
export type CommandOrigin = z.infer<typeof CommandOrigin>;

/**
 * A batch's record of its network that does not read as one (the cache file was damaged or edited
 * by hand). Where its lines would go is then unknown, so nothing of it may be sent on a guess.
 */
export class BatchNetworkUnreadable extends Error {
  constructor(
    readonly batchId: string,
    detail: string,
  ) {
    super(`The cache's record of the network batch ${batchId} was proposed on cannot be read (${detail}); the cache file may be damaged.`);
    this.name = 'BatchNetworkUnreadable';
  }
}

/** A stored network record that does not read as one: the cache was damaged or edited by hand. */
export interface UnreadableOrigin {
  network: 'unreadable';
  why: string;
}

/**
 * A network as stored (JSON, a batch's or a command's `made_on`), or what is wrong with it when it
 * does not read as one; null when none was recorded.
 */
export function readStoredOrigin(stored: unknown): CommandOrigin | UnreadableOrigin | null {
  if (stored === null || stored === undefined) return null;
  if (typeof stored !== 'string') return { network: 'unreadable', why: 'it is not text' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return { network: 'unreadable', why: 'it is not JSON' };
  }
  const origin = CommandOrigin.safeParse(parsed);
  if (origin.success) return origin.data;
  const issue = origin.error.issues[0];
  return { network: 'unreadable', why: issue ? `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}` : 'not a network' };
}

/**
 * The network a batch was submitted on; null for one that came from another desktop or a file (not
 * recorded). Throws `BatchNetworkUnreadable` when the record is there but is not a network.
 */
export function batchNetwork(db: Database, batchId: string): CommandOrigin | null {
  const origin = readStoredOrigin(db.prepare('SELECT made_on FROM approval_batches WHERE id = ?').pluck().get(batchId));
  if (origin?.network === 'unreadable') throw new BatchNetworkUnreadable(batchId, origin.why);
  return origin;
}

export function describeNetwork(origin: CommandOrigin): string {
  return origin.network === 'demo' ? 'the demo network' : `${origin.url} (database ${origin.database})`;
}

/** One Odoo server means one address and one database: the same records, the same ids. */
export function sameServer(a: { url: string; database: string }, b: { url: string; database: string }): boolean {
  return a.url === b.url && a.database === b.database;
}

export function sameNetwork(a: CommandOrigin, b: CommandOrigin): boolean {
  return a.network === 'demo' ? b.network === 'demo' : b.network === 'odoo' && sameServer(a, b);
}

/** The network the cache holds now; null when it is neither the demo nor a known server's. */
export function cachedNetwork(db: Database): CommandOrigin | null {
  const meta = z.object({ source: z.string() }).optional().parse(db.prepare('SELECT source FROM snapshot_meta WHERE id = 1').get());
  if (meta?.source === 'demo') return { network: 'demo' };
  if (meta?.source !== 'odoo') return null;
  const server = z.object({ url: z.string(), database: z.string() }).optional().parse(db.prepare('SELECT url, database FROM staging_source WHERE id = 1').get());
  return server ? { network: 'odoo', url: server.url, database: server.database } : null;
}
