import type { NetworkSummary, StockPage, StockQuery, StockRow } from '../../../shared/ipc';

/**
 * Data minimisation for users whose roles do not see costs: every figure made from unit costs,
 * prices or margins is removed before a response leaves the services, so it is absent from the
 * payload, not merely hidden on screen. Add a field here when a view gains one.
 */
export function summaryFor(seesCosts: boolean, summary: NetworkSummary): NetworkSummary {
  if (seesCosts) return summary;
  return {
    ...summary,
    nodes: summary.nodes.map((node) => ({ ...node, valueAtRisk: null })),
    totals: { ...summary.totals, valueAtRisk: null },
  };
}

export function stockRowsFor(seesCosts: boolean, rows: StockRow[]): StockRow[] {
  return seesCosts ? rows : rows.map((row) => ({ ...row, valueAtRisk: null }));
}

export function stockPageFor(seesCosts: boolean, page: StockPage): StockPage {
  return seesCosts ? page : { ...page, rows: stockRowsFor(false, page.rows) };
}

/** Sort columns that would reveal costs through the order of the rows. */
export const COST_SORT_COLUMNS: ReadonlySet<StockQuery['sort'][number]['column']> = new Set(['valueAtRisk']);

export function costSortIn(query: StockQuery): string | null {
  return query.sort.find((entry) => COST_SORT_COLUMNS.has(entry.column))?.column ?? null;
}

/**
 * Sentences of an engine reason that state costs (freight, purchase cost, a cheaper alternative's
 * price): left out, sentence by sentence, for a user whose role does not see costs. The engine writes
 * these sentences in fixed forms (shared/engine/replenishment/reasons.ts); a new form goes here too.
 */
const COST_SENTENCE = /^(Freight |Cost |Value )|costs less \(| a unit\b|\bcost [\d.,]+/;

export function reasonTextFor(seesCosts: boolean, text: string): string {
  if (seesCosts) return text;
  const sentences = text.split(/(?<=\.)\s+/);
  return sentences.filter((sentence) => !COST_SENTENCE.test(sentence.trim())).join(' ');
}
