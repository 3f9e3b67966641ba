import { type z } from 'zod';
import { OdooServerError, type OdooClient } from '../odoo';
import type { OdooStaging, StagedRecord } from '../store';
import { idOf, nameOf, PartnerCategoryRow, PartnerRow, PurchaseLineRow, PurchaseOrderRow, SaleLineRow, SaleOrderRow } from './odoo-rows';
import { SyncCancelledError } from './pull-model';

const CHUNK = 5000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/**
 * Sale and purchase lines only enrich the moves already counted (DESIGN.md, Planning semantics):
 * customer, priority, promised date and margin for demand; vendor and planned date for supply.
 * They are read by id for the moves this sync stored, and for any a staged move names but staging
 * lacks.
 */
export interface EnrichedFlows {
  /** Ids of the sale lines, purchase lines and partners that were new or changed. */
  saleLines: number[];
  purchaseLines: number[];
  partners: number[];
  /** A partner tag was added, renamed or removed: every customer's priority may have moved. */
  tagsChanged: boolean;
}

export async function enrichFlows(client: OdooClient, staging: OdooStaging, touchedMoves: ReadonlySet<number>, signal?: AbortSignal): Promise<EnrichedFlows> {
  const check = (): void => {
    if (signal?.aborted) throw new SyncCancelledError();
  };
  const wanted = staging.referencesToRead([...touchedMoves]);
  const wantSale = new Set(wanted.saleLines);
  const wantPurchase = new Set(wanted.purchaseLines);

  const partnerIds = new Set<number>();
  const changedSale: number[] = [];
  const changedPurchase: number[] = [];
  const changedPartners: number[] = [];
  let withPurchasePrice = true;
  for (const ids of chunks([...wantSale])) {
    check();
    let lines: z.infer<typeof SaleLineRow>[];
    try {
      lines = await client.read('sale.order.line', ids, withPurchasePrice ? ['order_id', 'price_unit', 'purchase_price'] : ['order_id', 'price_unit'], SaleLineRow);
    } catch (error) {
      // purchase_price comes with sale_margin; without it the margin falls back to the product's cost.
      if (!(error instanceof OdooServerError) || !withPurchasePrice || !/purchase_price/.test(error.message)) throw error;
      withPurchasePrice = false;
      lines = await client.read('sale.order.line', ids, ['order_id', 'price_unit'], SaleLineRow);
    }
    const orderIds = [...new Set(lines.flatMap((line) => idOf(line.order_id) ?? []))];
    const orders = new Map((await client.read('sale.order', orderIds, ['name', 'partner_id', 'commitment_date'], SaleOrderRow)).map((order) => [order.id, order]));
    const records: StagedRecord[] = lines.map((line) => {
      const order = orders.get(idOf(line.order_id) ?? -1);
      const partner = order ? idOf(order.partner_id) : null;
      if (partner !== null) partnerIds.add(partner);
      return {
        id: line.id,
        order_name: order?.name ?? nameOf(line.order_id) ?? '',
        partner_id: partner,
        commitment_date: order && order.commitment_date !== false ? order.commitment_date : null,
        price_unit: line.price_unit,
        purchase_price: line.purchase_price ?? null,
        write_date: null,
      };
    });
    changedSale.push(...staging.storeRecords('sale.order.line', records));
  }

  for (const ids of chunks([...wantPurchase])) {
    check();
    const lines = await client.read('purchase.order.line', ids, ['order_id', 'date_planned'], PurchaseLineRow);
    const orderIds = [...new Set(lines.flatMap((line) => idOf(line.order_id) ?? []))];
    const orders = new Map((await client.read('purchase.order', orderIds, ['name', 'partner_id'], PurchaseOrderRow)).map((order) => [order.id, order]));
    const records: StagedRecord[] = lines.map((line) => {
      const order = orders.get(idOf(line.order_id) ?? -1);
      const partner = order ? idOf(order.partner_id) : null;
      if (partner !== null) partnerIds.add(partner);
      return { id: line.id, order_name: order?.name ?? nameOf(line.order_id) ?? '', partner_id: partner, date_planned: line.date_planned === false ? null : line.date_planned, write_date: null };
    });
    changedPurchase.push(...staging.storeRecords('purchase.order.line', records));
  }

  for (const partner of wanted.partners) partnerIds.add(partner);
  for (const ids of chunks([...partnerIds])) {
    check();
    const partners = await client.read('res.partner', ids, ['name', 'category_id'], PartnerRow, { active_test: false });
    changedPartners.push(
      ...staging.storeRecords(
        'res.partner',
        partners.map((partner) => ({ id: partner.id, name: partner.name === false ? `Partner ${partner.id}` : partner.name, category_ids: JSON.stringify(partner.category_id), write_date: null })),
      ),
    );
  }
  check();
  const categories = await client.searchRead('res.partner.category', [], ['name'], PartnerCategoryRow);
  const tags = (rows: { id: unknown; name: unknown }[]): string => JSON.stringify(rows.map((row) => [Number(row.id), String(row.name)]).sort((a, b) => Number(a[0]) - Number(b[0])));
  const tagsChanged = tags(staging.rows('res.partner.category').map((row) => ({ id: row.id, name: row.name }))) !== tags(categories);
  if (tagsChanged) {
    staging.replaceAll(
      'res.partner.category',
      categories.map((category) => ({ id: category.id, name: category.name })),
    );
  }
  return { saleLines: changedSale, purchaseLines: changedPurchase, partners: changedPartners, tagsChanged };
}
