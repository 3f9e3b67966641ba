import type { ProposalReason } from '../../domain';
import type { NetworkModel } from '../model/network-model';
import { NO_ALTERNATIVE, TRANSFER_ALTERNATIVE, type NeedColumns, type ProposalColumns } from './proposal-columns';

/** What a reason is written from: the run's columns, and the model for names and dates. */
export interface ReasonSource {
  readonly model: NetworkModel;
  readonly needs: NeedColumns;
  readonly columns: ProposalColumns;
  dateOf(day: number): string;
}

/**
 * Whole units print as integers; anything else with two decimals. Reason texts stay in Latin-1
 * (ASCII minus, × is Latin-1) so each is stored at one byte a character: there can be 100,000s.
 */
export function formatUnits(value: number): string {
  return Number.isInteger(value) ? String(value) : formatMoney(value);
}

/** Two decimals (toFixed is slow enough to show when there are 100,000s of reasons). */
export function formatMoney(value: number): string {
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

/** The need's sentence, which every proposal for the need opens with. */
export function needOpening(source: ReasonSource, need: number): string {
  const { model, needs } = source;
  const row = needs.row[need] as number;
  const node = Math.floor(row / model.skuCount);
  const nodeId = model.nodeIds[node] as string;
  const skuId = model.skuIds[row - node * model.skuCount] as string;
  return flat(
    `${nodeId} falls below its minimum ${formatUnits(needs.min[need] as number)} of ${skuId} on ${source.dateOf(needs.day[need] as number)} ` +
      `(lowest ${formatUnits(needs.lowest[need] as number)}); ${formatUnits(needs.qty[need] as number)} brings it back to its maximum ${formatUnits(needs.max[need] as number)}.`,
  );
}

function timing(neededDay: number, arrivalDay: number): string {
  const late = arrivalDay - neededDay;
  return late <= 0 ? 'in time' : `${days(late)} late (nothing sooner)`;
}

function alternativeText(source: ReasonSource, p: number, neededDay: number): string {
  const { model, columns } = source;
  const kind = columns.alternative[p] as number;
  if (kind === NO_ALTERNATIVE) return '';
  const index = columns.alternativeSource[p] as number;
  const arrivalDay = columns.alternativeArrivalDay[p] as number;
  const what = kind === TRANSFER_ALTERNATIVE ? `A transfer from ${model.nodeIds[index]}` : `Buying from ${model.supplierOptions.supplier[index]}`;
  return ` ${what} costs less (${formatMoney(columns.alternativeUnitCost[p] as number)} a unit) but arrives ${source.dateOf(arrivalDay)}, ${days(arrivalDay - neededDay)} late.`;
}

function partText(alreadyTransferred: number, qty: number): string {
  if (alreadyTransferred <= 0) return '';
  return ` ${formatUnits(alreadyTransferred)} of it already comes by transfer; this covers ${formatUnits(qty)} more.`;
}

/** The figures every reason shares: the need's rule and shortfall, and what transfers already cover. */
function needFigures(needs: NeedColumns, need: number, alreadyTransferred: number) {
  return {
    minimum: needs.min[need] as number,
    maximum: needs.max[need] as number,
    lowestBalance: needs.lowest[need] as number,
    needQty: needs.qty[need] as number,
    alreadyTransferred,
  };
}

/**
 * The reason for a transfer. Figures hold the numbers of the sentence that the proposal itself does
 * not already carry (quantity, dates, cost are on the proposal).
 */
export function transferReason(source: ReasonSource, p: number, opening: string): ProposalReason {
  const { model, needs, columns } = source;
  const need = columns.need[p] as number;
  const neededDay = needs.day[need] as number;
  const qty = columns.qty[p] as number;
  const shipDay = columns.startDay[p] as number;
  const arrivalDay = columns.arrivalDay[p] as number;
  const spare = columns.spare[p] as number;
  const sourceFloor = columns.sourceFloor[p] as number;
  const sharedAmong = columns.sharedAmong[p] as number;
  const transitDays = columns.transitDays[p] as number;
  const unitCost = columns.unitCost[p] as number;
  const alreadyTransferred = columns.alreadyTransferred[p] as number;
  const shipDate = source.dateOf(shipDay);
  const sharing = sharedAmong > 1 ? ` ${sharedAmong} nodes asked it for ${formatUnits(columns.askedInTotal[p] as number)}, so it is shared in proportion to need.` : '';
  const rest = flat(
    `${partText(alreadyTransferred, qty)} Transfer ${formatUnits(qty)} from ${model.nodeIds[columns.source[p] as number]}, ` +
      `which can spare ${formatUnits(spare)} from ${shipDate} and still keep its minimum ${formatUnits(sourceFloor)}.${sharing} ` +
      `Ships ${shipDate}, ${transitDays}-day lane, arrives ${source.dateOf(arrivalDay)}, ${timing(neededDay, arrivalDay)}. ` +
      `Freight ${formatUnits(qty)} × ${formatMoney(unitCost)} = ${formatMoney(columns.cost[p] as number)}.${alternativeText(source, p, neededDay)}`,
  );
  return {
    text: opening + rest,
    figures: {
      ...needFigures(needs, need, alreadyTransferred),
      sourceSpare: spare,
      sourceMinimum: sourceFloor,
      sharedAmongNodes: sharedAmong,
      transitDays,
      costPerUnit: unitCost,
    },
  };
}

export function purchaseReason(source: ReasonSource, p: number, opening: string): ProposalReason {
  const { needs, columns } = source;
  const options = source.model.supplierOptions;
  const need = columns.need[p] as number;
  const neededDay = needs.day[need] as number;
  const option = columns.source[p] as number;
  const qty = columns.qty[p] as number;
  const requested = columns.requested[p] as number;
  const arrivalDay = columns.arrivalDay[p] as number;
  const alreadyTransferred = columns.alreadyTransferred[p] as number;
  const minQty = options.minQty[option] as number;
  const multiple = options.multiple[option] as number;
  const lead = options.leadDays[option] as number;
  const unitPrice = options.unitPrice[option] as number;
  const raises: string[] = [];
  if (minQty > requested) raises.push(`to its minimum order ${formatUnits(minQty)}`);
  if (qty !== Math.max(minQty, requested)) raises.push(`to a multiple of ${formatUnits(multiple)}`);
  const raised = raises.length > 0 ? ` (${formatUnits(requested)} needed, raised ${raises.join(' and ')})` : '';
  const rest = flat(
    `${partText(alreadyTransferred, requested)} Buy ${formatUnits(qty)} from ${options.supplier[option] as string}${raised}: ` +
      `ordered ${source.dateOf(columns.startDay[p] as number)}, ${days(lead)} lead time, arrives ${source.dateOf(arrivalDay)}, ${timing(neededDay, arrivalDay)}. ` +
      `Cost ${formatUnits(qty)} × ${formatMoney(unitPrice)} = ${formatMoney(columns.cost[p] as number)}.${alternativeText(source, p, neededDay)}`,
  );
  return {
    text: opening + rest,
    figures: {
      ...needFigures(needs, need, alreadyTransferred),
      supplierMinimum: minQty,
      supplierMultiple: multiple,
      leadDays: lead,
      unitPrice,
    },
  };
}

export function unmetReason(nodeId: string, skuId: string, alreadyTransferred: number): string {
  const part = alreadyTransferred > 0 ? ` after ${formatUnits(alreadyTransferred)} by transfer` : '';
  return `${nodeId} still needs ${skuId}${part}, but no node with a lane to it can spare any and ${skuId} has no supplier option.`;
}
