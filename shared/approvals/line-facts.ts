import { z } from 'zod';
import { LocalDate } from '../domain/calendar';
import { ProposalKind } from './approval-matrix';
import { dateOfDay, dayOf, projectRow, shortageFrom, type Horizon, type RowFlows } from './row-outlook';

/**
 * Whether a transfer takes its source node below the demand it has already committed: after the
 * transfer leaves on its ship day, the source's projected balance must stay at or above zero on
 * every later day of the horizon. `checked: false` means the source's flows were not known; the
 * matrix then treats the line as jeopardising (an unknown risk is routed to a person, never waved through).
 */
export const CommittedDemandCheck = z.object({
  checked: z.boolean(),
  jeopardised: z.boolean(),
  /** The node whose committed demand is at stake (the transfer's source); null for a purchase. */
  node: z.string().nullable(),
  /** Units of committed demand the line leaves uncovered that were covered without it. */
  shortBy: z.number().nonnegative(),
  firstShortDate: LocalDate.nullable(),
});
export type CommittedDemandCheck = z.infer<typeof CommittedDemandCheck>;

/** What the destination gains: its units short in the horizon without and with the line. */
export const ServiceImpact = z.object({
  node: z.string(),
  neededBy: LocalDate,
  arrivalDate: LocalDate,
  daysLate: z.number().int().nonnegative(),
  /** Null when the destination's flows were not known. */
  unitsShortBefore: z.number().nonnegative().nullable(),
  unitsShortAfter: z.number().nonnegative().nullable(),
  firstShortDateBefore: LocalDate.nullable(),
});
export type ServiceImpact = z.infer<typeof ServiceImpact>;

/** Everything the approval matrix looks at for one line, worked out by the services from the network. */
export const LineFacts = z.object({
  kind: ProposalKind,
  /** What the line costs in the region's currency: freight for a transfer, goods for a purchase. */
  value: z.number().nonnegative(),
  units: z.number().positive(),
  /** The item's unit cost (standard cost in the network); null when the network does not know it. */
  unitCost: z.number().nonnegative().nullable(),
  supplier: z.string().min(1).nullable(),
  /** Node codes at both ends; `fromNode` is null for a purchase. */
  fromNode: z.string().nullable(),
  toNode: z.string(),
  /** One end is a node the region's profile does not list: the line leaves or enters the region. */
  crossRegion: z.boolean(),
  committedDemand: CommittedDemandCheck,
});
export type LineFacts = z.infer<typeof LineFacts>;

export const NOT_JEOPARDISED: CommittedDemandCheck = { checked: true, jeopardised: false, node: null, shortBy: 0, firstShortDate: null };

/**
 * Checks a transfer of `qty` leaving `source` on `shipDate` against the source's committed demand.
 * Without the source's flows the answer is "not checked, treated as jeopardising".
 */
export function checkCommittedDemand(input: { source: string; flows: RowFlows | null; horizon: Horizon; shipDate: LocalDate; qty: number }): CommittedDemandCheck {
  if (!input.flows) return { checked: false, jeopardised: true, node: input.source, shortBy: 0, firstShortDate: null };
  const shipDay = dayOf(input.horizon, input.shipDate);
  // A transfer shipping after the horizon takes nothing from it.
  if (shipDay === null) return { ...NOT_JEOPARDISED, node: input.source };
  const before = projectRow(input.flows, input.horizon);
  const after = before.map((balance, day) => (day >= shipDay ? balance - input.qty : balance));
  const shortBefore = shortageFrom(before, shipDay);
  const shortAfter = shortageFrom(after, shipDay);
  const shortBy = Math.max(0, shortAfter.unitsShort - shortBefore.unitsShort);
  return {
    checked: true,
    jeopardised: shortBy > 0,
    node: input.source,
    shortBy,
    firstShortDate: shortBy > 0 && shortAfter.firstShortDay !== null ? dateOfDay(input.horizon, shortAfter.firstShortDay) : null,
  };
}

/** What arriving `qty` on `arrivalDate` does for the destination's shortages in the horizon. */
export function serviceImpactOf(input: {
  destination: string;
  flows: RowFlows | null;
  horizon: Horizon;
  arrivalDate: LocalDate;
  neededBy: LocalDate;
  daysLate: number;
  qty: number;
}): ServiceImpact {
  const common = { node: input.destination, neededBy: input.neededBy, arrivalDate: input.arrivalDate, daysLate: input.daysLate };
  if (!input.flows) return { ...common, unitsShortBefore: null, unitsShortAfter: null, firstShortDateBefore: null };
  const before = projectRow(input.flows, input.horizon);
  const arrivalDay = dayOf(input.horizon, input.arrivalDate);
  const after = before.map((balance, day) => (arrivalDay !== null && day >= arrivalDay ? balance + input.qty : balance));
  const shortBefore = shortageFrom(before);
  return {
    ...common,
    unitsShortBefore: shortBefore.unitsShort,
    unitsShortAfter: shortageFrom(after).unitsShort,
    firstShortDateBefore: shortBefore.firstShortDay === null ? null : dateOfDay(input.horizon, shortBefore.firstShortDay),
  };
}
