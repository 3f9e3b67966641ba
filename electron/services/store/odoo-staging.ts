import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { sameServer } from './network-origin';

const StagingSourceRow = z.object({
  url: z.string(),
  database: z.string(),
  /** When staging started to hold this server's rows. */
  since: z.string(),
});
export type StagingSource = z.infer<typeof StagingSourceRow>;

/** Which staging table holds which Odoo model, and its columns (the first is always `id`). */
export const STAGING_TABLES = {
  'stock.warehouse': { table: 'odoo_warehouses', columns: ['id', 'code', 'name', 'view_location_id', 'lot_stock_id', 'company_id', 'write_date'] },
  'stock.location': { table: 'odoo_locations', columns: ['id', 'warehouse_id', 'usage', 'complete_name', 'write_date'] },
  'product.product': { table: 'odoo_products', columns: ['id', 'tmpl_id', 'default_code', 'name', 'uom', 'standard_price', 'list_price', 'write_date'] },
  'product.supplierinfo': { table: 'odoo_supplierinfo', columns: ['id', 'partner_id', 'partner_name', 'product_id', 'tmpl_id', 'min_qty', 'price', 'delay', 'sequence', 'write_date'] },
  'product.packaging': { table: 'odoo_packagings', columns: ['id', 'product_id', 'name', 'qty', 'write_date'] },
  'stock.warehouse.orderpoint': { table: 'odoo_orderpoints', columns: ['id', 'warehouse_id', 'location_id', 'product_id', 'min_qty', 'max_qty', 'multiple', 'write_date'] },
  'stock.quant': { table: 'odoo_quants', columns: ['id', 'product_id', 'location_id', 'quantity', 'reserved', 'write_date'] },
  'stock.move': {
    table: 'odoo_moves',
    columns: ['id', 'product_id', 'qty', 'location_id', 'location_dest_id', 'date', 'date_deadline', 'state', 'picking_id', 'picking_name', 'partner_id', 'sale_line_id', 'purchase_line_id', 'write_date'],
  },
  'sale.order.line': { table: 'odoo_sale_lines', columns: ['id', 'order_name', 'partner_id', 'commitment_date', 'price_unit', 'purchase_price', 'write_date'] },
  'purchase.order.line': { table: 'odoo_purchase_lines', columns: ['id', 'order_name', 'partner_id', 'date_planned', 'write_date'] },
  'res.partner': { table: 'odoo_partners', columns: ['id', 'name', 'category_ids', 'write_date'] },
  'res.partner.category': { table: 'odoo_partner_categories', columns: ['id', 'name'] },
} as const;

export type StagedModel = keyof typeof STAGING_TABLES;
export type StagedRecord = Record<string, string | number | null>;

export interface SyncCursor {
  model: string;
  phase: 'first' | 'incremental';
  lastId: number;
  writeDate: string | null;
  updatedAt: string;
}

/** The staging tables' queries: upserts by Odoo id, deletions, cursors, and reads for assembly. */
export class OdooStaging {
  private readonly upserts = new Map<StagedModel, ReturnType<Database['prepare']>>();

  constructor(readonly db: Database) {}

  /** Stores one page and moves the model's cursor in the same transaction: all of it, or none. */
  storePage(model: StagedModel, records: StagedRecord[], cursor: SyncCursor): void {
    const insert = this.upsertFor(model);
    const columns = STAGING_TABLES[model].columns;
    this.db.transaction(() => {
      for (const record of records) insert.run(columns.map((column) => record[column] ?? null));
      this.writeCursor(cursor);
    })();
  }

  /**
   * Stores records that have no cursor of their own (read by id because a staged row names them).
   * Returns the ids of those that were new or differed from what staging held.
   */
  storeRecords(model: StagedModel, records: StagedRecord[]): number[] {
    const insert = this.upsertFor(model);
    const columns = STAGING_TABLES[model].columns;
    const held = new Map(this.rowsWithIds(model, records.map((record) => Number(record.id))).map((row) => [Number(row.id), row]));
    const changed: number[] = [];
    this.db.transaction(() => {
      for (const record of records) {
        const values = columns.map((column) => record[column] ?? null);
        const old = held.get(Number(record.id));
        if (old && columns.every((column, index) => old[column] === values[index])) continue;
        changed.push(Number(record.id));
        insert.run(values);
      }
    })();
    return changed;
  }

  /** Replaces every staged row of a model that has no cursor of its own (a small list read whole). */
  replaceAll(model: StagedModel, records: StagedRecord[]): void {
    const insert = this.upsertFor(model);
    const columns = STAGING_TABLES[model].columns;
    this.db.transaction(() => {
      this.db.prepare(`DELETE FROM ${STAGING_TABLES[model].table}`).run();
      for (const record of records) insert.run(columns.map((column) => record[column] ?? null));
    })();
  }

  /** Drops staged rows Odoo no longer lists (deleted, archived, done or cancelled). Returns them as they were. */
  keepOnly(model: StagedModel, ids: ReadonlySet<number>): StagedRecord[] {
    const { table } = STAGING_TABLES[model];
    const staged = this.db.prepare(`SELECT id FROM ${table}`).pluck().all() as number[];
    return this.drop(
      model,
      staged.filter((id) => !ids.has(id)),
    );
  }

  /** Drops these staged rows (ids not staged are ignored). Returns them as they were. */
  drop(model: StagedModel, ids: readonly number[]): StagedRecord[] {
    const rows = this.rowsWithIds(model, ids);
    if (rows.length === 0) return rows;
    const remove = this.db.prepare(`DELETE FROM ${STAGING_TABLES[model].table} WHERE id = ?`);
    this.db.transaction(() => {
      for (const row of rows) remove.run(row.id);
    })();
    return rows;
  }

  /** The staged rows with these ids, in id order (absent ones are left out). */
  rowsWithIds(model: StagedModel, ids: readonly number[]): StagedRecord[] {
    if (ids.length === 0) return [];
    const { table } = STAGING_TABLES[model];
    return this.db.prepare(`SELECT * FROM ${table} WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(JSON.stringify(ids)) as StagedRecord[];
  }

  /** Each staged product's cost, by Odoo product id. */
  productCosts(): Map<number, number> {
    return new Map(this.db.prepare('SELECT id, standard_price FROM odoo_products').raw().all() as [number, number][]);
  }

  /** Every staged reordering rule of these products, in id order. */
  orderpointsOfProducts(productIds: readonly number[]): StagedRecord[] {
    if (productIds.length === 0) return [];
    return this.db.prepare('SELECT * FROM odoo_orderpoints WHERE product_id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(productIds)) as StagedRecord[];
  }

  /** Every staged quant of these (product, location) pairs, in id order. */
  quantsAt(places: readonly (readonly [productId: number, locationId: number])[]): StagedRecord[] {
    if (places.length === 0) return [];
    return this.db
      .prepare(`SELECT * FROM odoo_quants WHERE (product_id, location_id) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?)) ORDER BY id`)
      .all(JSON.stringify(places)) as StagedRecord[];
  }

  /** Ids of the staged moves that name one of these sale lines, purchase lines or partners (directly or through their order line). */
  movesNaming(saleLineIds: readonly number[], purchaseLineIds: readonly number[], partnerIds: readonly number[]): number[] {
    if (saleLineIds.length + purchaseLineIds.length + partnerIds.length === 0) return [];
    return this.db
      .prepare(
        `WITH sale(id) AS (SELECT value FROM json_each(?)), purchase(id) AS (SELECT value FROM json_each(?)), partner(id) AS (SELECT value FROM json_each(?))
         SELECT id FROM odoo_moves WHERE sale_line_id IN sale OR purchase_line_id IN purchase OR partner_id IN partner
         UNION SELECT m.id FROM odoo_moves m JOIN odoo_sale_lines s ON s.id = m.sale_line_id WHERE s.partner_id IN partner
         UNION SELECT m.id FROM odoo_moves m JOIN odoo_purchase_lines p ON p.id = m.purchase_line_id WHERE p.partner_id IN partner
         ORDER BY 1`,
      )
      .pluck()
      .all(JSON.stringify(saleLineIds), JSON.stringify(purchaseLineIds), JSON.stringify(partnerIds)) as number[];
  }

  /** The write_date staged for each of `ids` (absent when not staged). */
  writeDates(model: StagedModel, ids: readonly number[]): Map<number, string | null> {
    const { table } = STAGING_TABLES[model];
    const rows = this.db.prepare(`SELECT id, write_date FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).raw().all(JSON.stringify(ids)) as [number, string | null][];
    return new Map(rows);
  }

  /**
   * What the staged moves name that must be read from Odoo: the sale lines, purchase lines and
   * partners of the moves this sync stored, and any a staged move names but staging lacks. Asked
   * of SQLite rather than by reading every move, so an incremental sync pays for what changed.
   */
  referencesToRead(touchedMoveIds: readonly number[]): { saleLines: number[]; purchaseLines: number[]; partners: number[] } {
    const touched = JSON.stringify(touchedMoveIds);
    const wanted = (column: string, table: string): number[] =>
      this.db
        .prepare(
          `SELECT DISTINCT m.${column} FROM odoo_moves m
            WHERE m.${column} IS NOT NULL
              AND (m.id IN (SELECT value FROM json_each(?)) OR NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = m.${column}))
            ORDER BY m.${column}`,
        )
        .pluck()
        .all(touched) as number[];
    return { saleLines: wanted('sale_line_id', 'odoo_sale_lines'), purchaseLines: wanted('purchase_line_id', 'odoo_purchase_lines'), partners: wanted('partner_id', 'odoo_partners') };
  }

  cursor(model: string): SyncCursor | null {
    const row = this.db.prepare('SELECT model, phase, last_id, write_date, updated_at FROM sync_cursors WHERE model = ?').get(model) as
      | { model: string; phase: 'first' | 'incremental'; last_id: number; write_date: string | null; updated_at: string }
      | undefined;
    return row ? { model: row.model, phase: row.phase, lastId: row.last_id, writeDate: row.write_date, updatedAt: row.updated_at } : null;
  }

  writeCursor(cursor: SyncCursor): void {
    this.db
      .prepare('INSERT OR REPLACE INTO sync_cursors (model, phase, last_id, write_date, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(cursor.model, cursor.phase, cursor.lastId, cursor.writeDate, cursor.updatedAt);
  }

  cursors(): SyncCursor[] {
    return (this.db.prepare('SELECT model FROM sync_cursors ORDER BY model').pluck().all() as string[]).flatMap((model) => this.cursor(model) ?? []);
  }

  count(model: StagedModel): number {
    return this.db.prepare(`SELECT count(*) FROM ${STAGING_TABLES[model].table}`).pluck().get() as number;
  }

  rows(model: StagedModel): StagedRecord[] {
    return this.db.prepare(`SELECT * FROM ${STAGING_TABLES[model].table} ORDER BY id`).all() as StagedRecord[];
  }

  private forgetAll(): void {
    for (const { table } of Object.values(STAGING_TABLES)) this.db.prepare(`DELETE FROM ${table}`).run();
    this.db.prepare('DELETE FROM sync_cursors').run();
    // What changed between syncs of the other server says nothing about this one.
    this.db.prepare('DELETE FROM sync_changes').run();
  }

  /** The server and database the staged rows were read from; null before the first sync (or a cache from before this was kept). */
  source(): StagingSource | null {
    return StagingSourceRow.optional().parse(this.db.prepare('SELECT url, database, since FROM staging_source WHERE id = 1').get()) ?? null;
  }

  /** Whether the staged rows are this server's (or were never recorded as anyone's). */
  holdsRowsOf(server: { url: string; database: string }): boolean {
    const source = this.source();
    return source === null || sameServer(source, server);
  }

  /**
   * Makes staging belong to `server` before a sync reads from it. Rows of another server or database
   * are forgotten, so the sync starts over (ids are per database: mixing two would mix their
   * networks). A cache that never recorded its server is taken to hold this one's rows, as it did.
   * Returns the server the rows were forgotten for, or null when nothing was.
   */
  useServer(server: { url: string; database: string }, at: string): StagingSource | null {
    return this.db.transaction(() => {
      const before = this.source();
      if (before && sameServer(before, server)) return null;
      if (before) this.forgetAll();
      this.db.prepare('INSERT OR REPLACE INTO staging_source (id, url, database, since) VALUES (1, ?, ?, ?)').run(server.url, server.database, at);
      return before;
    })();
  }

  startRun(kind: 'first' | 'incremental', at: string): number {
    return Number(this.db.prepare('INSERT INTO sync_runs (kind, started_at) VALUES (?, ?)').run(kind, at).lastInsertRowid);
  }

  finishRun(id: number, outcome: 'done' | 'failed' | 'cancelled', at: string, detail: string | null): void {
    this.db.prepare('UPDATE sync_runs SET finished_at = ?, outcome = ?, detail = ? WHERE id = ?').run(at, outcome, detail, id);
  }

  lastRun(): { kind: string; startedAt: string; finishedAt: string | null; outcome: string | null; detail: string | null } | null {
    const row = this.db.prepare('SELECT kind, started_at, finished_at, outcome, detail FROM sync_runs ORDER BY id DESC LIMIT 1').get() as
      | { kind: string; started_at: string; finished_at: string | null; outcome: string | null; detail: string | null }
      | undefined;
    return row ? { kind: row.kind, startedAt: row.started_at, finishedAt: row.finished_at, outcome: row.outcome, detail: row.detail } : null;
  }

  private upsertFor(model: StagedModel): ReturnType<Database['prepare']> {
    let statement = this.upserts.get(model);
    if (!statement) {
      const { table, columns } = STAGING_TABLES[model];
      statement = this.db.prepare(`INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      this.upserts.set(model, statement);
    }
    return statement;
  }
}
