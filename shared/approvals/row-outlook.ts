import { z } from 'zod';
import { addDays, daysBetween, LocalDate } from '../domain/calendar';

/**
 * One node × SKU's stock and open flows, as the approval checks need them. Days follow DESIGN.md,
 * Planning semantics: overdue flows sit on day 0, flows past the horizon are outside it, and
 * reserved stock is not subtracted again (its demand line is already counted).
 */
export const RowFlows = z.object({
  onHand: z.number(),
  supply: z.array(z.object({ date: LocalDate, qty: z.number() })),
  demand: z.array(z.object({ date: LocalDate, qty: z.number() })),
});
export type RowFlows = z.infer<typeof RowFlows>;

export interface Horizon {
  dayZero: LocalDate;
  days: number;
}

/** The day index of a date: overdue → 0, past the horizon → null (not counted). */
export function dayOf(horizon: Horizon, date: LocalDate): number | null {
  const offset = daysBetween(horizon.dayZero, date);
  if (offset < 0) return 0;
  return offset < horizon.days ? offset : null;
}

/** Projected balance B[d] = on hand + Σ supply with ETA ≤ d − Σ demand due ≤ d, for d in 0 … days−1. */
export function projectRow(flows: RowFlows, horizon: Horizon): number[] {
  const change = new Array<number>(horizon.days).fill(0);
  for (const line of flows.supply) {
    const day = dayOf(horizon, line.date);
    if (day !== null) change[day] = (change[day] ?? 0) + line.qty;
  }
  for (const line of flows.demand) {
    const day = dayOf(horizon, line.date);
    if (day !== null) change[day] = (change[day] ?? 0) - line.qty;
  }
  const balances: number[] = [];
  let balance = flows.onHand;
  for (let day = 0; day < horizon.days; day++) {
    balance += change[day] ?? 0;
    balances.push(balance);
  }
  return balances;
}

/** Units short over days `from` … end: −min(0, lowest balance); and the first day below zero. */
export function shortageFrom(balances: readonly number[], from = 0): { unitsShort: number; firstShortDay: number | null } {
  let lowest = Number.POSITIVE_INFINITY;
  let firstShortDay: number | null = null;
  for (let day = Math.max(0, from); day < balances.length; day++) {
    const balance = balances[day] as number;
    if (balance < lowest) lowest = balance;
    if (balance < 0 && firstShortDay === null) firstShortDay = day;
  }
  return { unitsShort: lowest === Number.POSITIVE_INFINITY ? 0 : Math.max(0, -lowest), firstShortDay };
}

export function dateOfDay(horizon: Horizon, day: number): LocalDate {
  return addDays(horizon.dayZero, day);
}
