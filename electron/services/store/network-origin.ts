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

/** The network the cache holds now; null when it is neither the demo nor a known server's. */
export function cachedNetwork(db: Database): CommandOrigin | null {
  const meta = z.object({ source: z.string() }).optional().parse(db.prepare('SELECT source FROM snapshot_meta WHERE id = 1').get());
  if (meta?.source === 'demo') return { network: 'demo' };
  if (meta?.source !== 'odoo') return null;
  const server = z.object({ url: z.string(), database: z.string() }).optional().parse(db.prepare('SELECT url, database FROM staging_source WHERE id = 1').get());
  return server ? { network: 'odoo', url: server.url, database: server.database } : null;
}
