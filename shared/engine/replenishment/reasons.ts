import { addDays } from '../../domain';
import type { ProposalReason } from '../../domain';
import type { ScenarioPlan } from '../scenario/scenario-plan';

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

/** Whole units print as integers; anything else with two decimals. Minus signs are real minus signs. */
export function formatUnits(value: number): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(2);
  return text.replace('-', '−');
}

export function formatMoney(value: number): string {
  return value.toFixed(2).replace('-', '−');
}

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}

function opening(plan: ScenarioPlan, need: NeedFacts): string {
  const date = addDays(plan.model.dayZero, need.day);
  return (
    `${need.nodeId} drops below its minimum of ${formatUnits(need.min)} for ${need.skuId} on ${date} ` +
    `(lowest projected balance ${formatUnits(need.lowest)}); ${formatUnits(need.qty)} brings it back to its maximum of ${formatUnits(need.max)}.`
  );
}

function timing(need: NeedFacts, arrivalDay: number): string {
  const late = arrivalDay - need.day;
  return late <= 0 ? 'in time' : `${days(late)} late: no source can make it in time`;
}

function alternativeText(plan: ScenarioPlan, need: NeedFacts, alternative: Alternative | undefined): string {
  if (!alternative) return '';
  const { model } = plan;
  const what =
    alternative.kind === 'transfer'
      ? `A transfer from ${model.nodeIds[alternative.source ?? 0]}`
      : `Buying from ${model.supplierOptions.supplier[alternative.option ?? 0]}`;
  return ` ${what} would cost less (${formatMoney(alternative.unitCost)} a unit) but arrive ${addDays(model.dayZero, alternative.arrivalDay)}, ${days(alternative.arrivalDay - need.day)} late.`;
}

function partText(need: NeedFacts, alreadyTransferred: number, qty: number): string {
  if (alreadyTransferred <= 0) return '';
  return ` ${formatUnits(alreadyTransferred)} of the ${formatUnits(need.qty)} already come by transfer; this covers ${formatUnits(qty)} of the rest.`;
}

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
  const date = (day: number): string => addDays(plan.model.dayZero, day);
  const sharing =
    facts.sharedAmong > 1
      ? ` ${facts.sharedAmong} nodes asked it for ${formatUnits(facts.askedInTotal)} in total, so its spare stock is shared in proportion to need.`
      : '';
  const text =
    `${opening(plan, need)}${partText(need, facts.alreadyTransferred, facts.qty)} Transfer ${formatUnits(facts.qty)} from ${facts.sourceId}: ` +
    `${facts.sourceId} can spare ${formatUnits(facts.spare)} from ${date(facts.shipDay)} and still keep its minimum of ${formatUnits(facts.sourceFloor)} on every later day.${sharing} ` +
    `Shipped ${date(facts.shipDay)}, the ${facts.transitDays}-day lane brings it on ${date(facts.arrivalDay)}, ${timing(need, facts.arrivalDay)}. ` +
    `Freight ${formatUnits(facts.qty)} × ${formatMoney(facts.unitCost)} = ${formatMoney(facts.cost)}.${alternativeText(plan, need, facts.cheaperButLate)}`;
  return {
    text,
    figures: {
      neededBy: date(need.day),
      minimum: need.min,
      maximum: need.max,
      lowestBalance: need.lowest,
      needQty: need.qty,
      alreadyTransferred: facts.alreadyTransferred,
      qty: facts.qty,
      sourceNodeId: facts.sourceId,
      sourceSpare: facts.spare,
      sourceMinimum: facts.sourceFloor,
      sharedAmongNodes: facts.sharedAmong,
      transitDays: facts.transitDays,
      shipDate: date(facts.shipDay),
      arrivalDate: date(facts.arrivalDay),
      daysLate: Math.max(0, facts.arrivalDay - need.day),
      costPerUnit: facts.unitCost,
      cost: facts.cost,
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
  const date = (day: number): string => addDays(plan.model.dayZero, day);
  const supplier = options.supplier[facts.option] as string;
  const minQty = options.minQty[facts.option] as number;
  const multiple = options.multiple[facts.option] as number;
  const lead = options.leadDays[facts.option] as number;
  const unitPrice = options.unitPrice[facts.option] as number;
  const raises: string[] = [];
  if (minQty > facts.requested) raises.push(`to its minimum order of ${formatUnits(minQty)}`);
  if (facts.qty !== Math.max(minQty, facts.requested)) raises.push(`up to a multiple of ${formatUnits(multiple)}`);
  const raised = raises.length > 0 ? `${formatUnits(facts.requested)} needed, raised ${raises.join(' and ')}. ` : '';
  const text =
    `${opening(plan, need)}${partText(need, facts.alreadyTransferred, facts.requested)} Buy ${formatUnits(facts.qty)} from ${supplier}: ${raised}` +
    `Ordered ${date(facts.orderDay)}, ${days(lead)} lead time brings it on ${date(facts.arrivalDay)}, ${timing(need, facts.arrivalDay)}. ` +
    `Cost ${formatUnits(facts.qty)} × ${formatMoney(unitPrice)} = ${formatMoney(facts.cost)}.${alternativeText(plan, need, facts.cheaperButLate)}`;
  return {
    text,
    figures: {
      neededBy: date(need.day),
      minimum: need.min,
      maximum: need.max,
      lowestBalance: need.lowest,
      needQty: need.qty,
      alreadyTransferred: facts.alreadyTransferred,
      requestedQty: facts.requested,
      supplierMinimum: minQty,
      supplierMultiple: multiple,
      qty: facts.qty,
      supplier,
      leadDays: lead,
      orderDate: date(facts.orderDay),
      arrivalDate: date(facts.arrivalDay),
      daysLate: Math.max(0, facts.arrivalDay - need.day),
      unitPrice,
      cost: facts.cost,
    },
  };
}

export function unmetReason(need: NeedFacts, alreadyTransferred: number): string {
  const part = alreadyTransferred > 0 ? ` after ${formatUnits(alreadyTransferred)} by transfer` : '';
  return `${need.nodeId} still needs ${need.skuId}${part}, but no node with a lane to it can spare any and ${need.skuId} has no supplier option.`;
}
