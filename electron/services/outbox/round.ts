import { z } from 'zod';
import type { RegionProfile } from '../../../shared/domain';
import { isOdooError, type OdooClient, type OdooDialect, type OdooError } from '../odoo';
import type { CommandPayload, CommandRecord, Replan } from './command';
import type { OdooTargets } from './odoo-targets';

/** One command as a push round sees it. */
export interface RoundCommand {
  id: string;
  key: string;
  payload: CommandPayload;
  revision: number;
  /** What earlier attempts learned (ids, names); Odoo is still asked, by key, every round. */
  records: CommandRecord[];
}

export type RoundOutcome =
  /** In Odoo, in the intended state. */
  | { kind: 'done'; records: CommandRecord[]; note: string | null }
  /** The source no longer has the stock: back to the planner with both numbers. */
  | { kind: 'replan'; records: CommandRecord[]; replan: Replan; message: string }
  /** Something only a person can fix (no such product in Odoo, a leg already shipped…). */
  | { kind: 'refused'; records: CommandRecord[]; message: string }
  | { kind: 'cancelled'; records: CommandRecord[]; message: string }
  /** Not finished in this round (e.g. a step Odoo answered unexpectedly); pushed again later. */
  | { kind: 'unfinished'; records: CommandRecord[]; message: string };

export interface RoundContext {
  client: OdooClient;
  /**
   * `create` with a list of values (one call, ids in the same order). A transient failure here is
   * an OutcomeUnknownError: Odoo may still be running the create, so its key is not searched
   * again too soon.
   */
  create(model: string, values: Record<string, unknown>[]): Promise<number[]>;
  dialect: OdooDialect;
  targets: OdooTargets;
  profile: RegionProfile;
  /** Keeps Odoo ids the moment they are known, so nothing learned is lost to a crash. */
  saveRecords(commandId: string, records: CommandRecord[]): void;
  now(): Date;
}

export type Outcomes = Map<string, RoundOutcome>;

/** A create that failed in transit: it may have been committed, or may still be running in Odoo. */
export class OutcomeUnknownError extends Error {
  constructor(readonly failure: OdooError) {
    super(failure.message);
    this.name = 'OutcomeUnknownError';
  }
}

export async function createMany(client: OdooClient, model: string, values: Record<string, unknown>[]): Promise<number[]> {
  try {
    return await client.executeKw(model, 'create', [values], {}, z.array(z.number().int()));
  } catch (error) {
    if (isOdooError(error) && error.transient) throw new OutcomeUnknownError(error);
    throw error;
  }
}

/** Groups rows read from Odoo by their `origin` (our idempotency key). */
export function byOrigin<T extends { origin: string | false }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    if (row.origin === false) continue;
    const list = grouped.get(row.origin) ?? [];
    list.push(row);
    grouped.set(row.origin, list);
  }
  return grouped;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
