import type { ProposalReason } from '../../../../shared/domain';
import type { ScenarioPlan } from '../../../../shared/engine';

/** What a need is, in the numbers a planner sees on the Stock screen. */
export interface NeedFacts {
  nodeId: string;
  skuId: string;
  /** First day below the minimum. */
  day: number;
  min: number;
  max: number;
  lowest: number;
  /** max − lowest: what brings the node back to its maximum at its lowest point. */
  qty: number;
}

interface Alternative {
  kind: 'transfer' | 'purchase';
  arrivalDay: number;
  unitCost: number;
  source?: number;
  option?: number;
}

/**
 * Whole units print as integers; anything else with two decimals. Reason texts stay in Latin-1
 * (ASCII minus, × is Latin-1) so each is stored at one byte a character: there can be 100,000s.
 */
function formatUnits(value: number): string {
  return Number.isInteger(value) ? String(value) : formatMoney(value);
}

/** Two decimals (toFixed is slow enough to show when there are 100,000s of reasons). */
function formatMoney(value: number): string {
  const cents = Math.round(Math.abs(value) * 100);
  if (!Number.isSafeInteger(cents)) return value.toFixed(2);
  const fraction = cents % 100;
  const sign = value < 0 && cents > 0 ? '-' : '';
  return `${sign}${(cents - fraction) / 100}.${fraction < 10 ? '0' : ''}${fraction}`;
}

/**
 * Joins a string's pieces into one flat string at once. Left as concatenation, each text would stay
 * a tree of its fragments until first read: dozens of small objects per proposal for the GC to copy.
 * A reason is then just two flat parts: the need's sentence (shared) and the proposal's own.
 */
function flat(text: string): string {
  text.charCodeAt(text.length >> 1);
  return text;
}

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}

const openings = new WeakMap<NeedFacts, string>();

/** The need's sentence, built once and shared by all of its proposals' texts. */
function opening(plan: ScenarioPlan, need: NeedFacts): string {
  let text = openings.get(need);
  if (text === undefined) {
    text = flat(
      `${need.nodeId} falls below its minimum ${formatUnits(need.min)} of ${need.skuId} on ${plan.model.calendar.dateOf(need.day)} ` +
        `(lowest ${formatUnits(need.lowest)}); ${formatUnits(need.qty)} brings it back to its maximum ${formatUnits(need.max)}.`,
    );
    openings.set(need, text);
  }
  return text;
}

function timing(need: NeedFacts, arrivalDay: number): string {
  const late = arrivalDay - need.day;
  return late <= 0 ? 'in time' : `${days(late)} late (nothing sooner)`;
}

function alternativeText(plan: ScenarioPlan, need: NeedFacts, alternative: Alternative | undefined): string {
  if (!alternative) return '';
  const { model } = plan;
  const what = alternative.kind === 'transfer' ? `A transfer from ${model.nodeIds[alternative.source ?? 0]}` : `Buying from ${model.supplierOptions.supplier[alternative.option ?? 0]}`;
  return ` ${what} costs less (${formatMoney(alternative.unitCost)} a unit) but arrives ${model.calendar.dateOf(alternative.arrivalDay)}, ${days(alternative.arrivalDay - need.day)} late.`;
}

function partText(need: NeedFacts, alreadyTransferred: number, qty: number): string {
  if (alreadyTransferred <= 0) return '';
  return ` ${formatUnits(alreadyTransferred)} of it already comes by transfer; this covers ${formatUnits(qty)} more.`;
}

/**
 * The reason for a transfer. Figures hold the numbers of the sentence that the proposal itself does
 * not already carry (quantity, dates, cost are on the proposal).
 */
export function transferReason(
  plan: ScenarioPlan,
  need: NeedFacts,
  facts: {
    qty: number;
    sourceId: string;
    spare: number;
    sourceFloor: number;
    sharedAmong: number;
    askedInTotal: number;
    transitDays: number;
    shipDay: number;
    arrivalDay: number;
    unitCost: number;
    cost: number;
    alreadyTransferred: number;
    cheaperButLate: Alternative | undefined;
  },
): ProposalReason {
  const date = (day: number): string => plan.model.calendar.dateOf(day);
  const sharing = facts.sharedAmong > 1 ? ` ${facts.sharedAmong} nodes asked it for ${formatUnits(facts.askedInTotal)}, so it is shared in proportion to need.` : '';
  const rest = flat(
    `${partText(need, facts.alreadyTransferred, facts.qty)} Transfer ${formatUnits(facts.qty)} from ${facts.sourceId}, ` +
    `which can spare ${formatUnits(facts.spare)} from ${date(facts.shipDay)} and still keep its minimum ${formatUnits(facts.sourceFloor)}.${sharing} ` +
    `Ships ${date(facts.shipDay)}, ${facts.transitDays}-day lane, arrives ${date(facts.arrivalDay)}, ${timing(need, facts.arrivalDay)}. ` +
    `Freight ${formatUnits(facts.qty)} × ${formatMoney(facts.unitCost)} = ${formatMoney(facts.cost)}.${alternativeText(plan, need, facts.cheaperButLate)}`,
  );
  const text = opening(plan, need) + rest;
  return {
    text,
    figures: {
      minimum: need.min,
      maximum: need.max,
      lowestBalance: need.lowest,
      needQty: need.qty,
      alreadyTransferred: facts.alreadyTransferred,
      sourceSpare: facts.spare,
      sourceMinimum: facts.sourceFloor,
      sharedAmongNodes: facts.sharedAmong,
      transitDays: facts.transitDays,
      costPerUnit: facts.unitCost,
    },
  };
}

export function purchaseReason(
  plan: ScenarioPlan,
  need: NeedFacts,
  facts: {
    qty: number;
    requested: number;
    option: number;
    orderDay: number;
    arrivalDay: number;
    cost: number;
    alreadyTransferred: number;
    cheaperButLate: Alternative | undefined;
  },
): ProposalReason {
  const options = plan.model.supplierOptions;
  const date = (day: number): string => plan.model.calendar.dateOf(day);
  const supplier = options.supplier[facts.option] as string;
  const minQty = options.minQty[facts.option] as number;
  const multiple = options.multiple[facts.option] as number;
  const lead = options.leadDays[facts.option] as number;
  const unitPrice = options.unitPrice[facts.option] as number;
  const raises: string[] = [];
  if (minQty > facts.requested) raises.push(`to its minimum order ${formatUnits(minQty)}`);
  if (facts.qty !== Math.max(minQty, facts.requested)) raises.push(`to a multiple of ${formatUnits(multiple)}`);
  const raised = raises.length > 0 ? ` (${formatUnits(facts.requested)} needed, raised ${raises.join(' and ')})` : '';
  const rest = flat(
    `${partText(need, facts.alreadyTransferred, facts.requested)} Buy ${formatUnits(facts.qty)} from ${supplier}${raised}: ` +
    `ordered ${date(facts.orderDay)}, ${days(lead)} lead time, arrives ${date(facts.arrivalDay)}, ${timing(need, facts.arrivalDay)}. ` +
    `Cost ${formatUnits(facts.qty)} × ${formatMoney(unitPrice)} = ${formatMoney(facts.cost)}.${alternativeText(plan, need, facts.cheaperButLate)}`,
  );
  const text = opening(plan, need) + rest;
  return {
    text,
    figures: {
      minimum: need.min,
      maximum: need.max,
      lowestBalance: need.lowest,
      needQty: need.qty,
      alreadyTransferred: facts.alreadyTransferred,
      supplierMinimum: minQty,
      supplierMultiple: multiple,
      leadDays: lead,
      unitPrice,
    },
  };
}

export function unmetReason(need: NeedFacts, alreadyTransferred: number): string {
  const part = alreadyTransferred > 0 ? ` after ${formatUnits(alreadyTransferred)} by transfer` : '';
  return `${need.nodeId} still needs ${need.skuId}${part}, but no node with a lane to it can spare any and ${need.skuId} has no supplier option.`;
}
