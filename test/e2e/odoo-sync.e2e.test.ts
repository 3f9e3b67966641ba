import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addDays } from '../../shared/domain';
import { OdooClient } from '../../electron/services/odoo';
import { launchChromium, screenshotPath } from '../support/browser';
import { startHeadlessPlanner, type HeadlessProcess } from '../support/headless-process';
import { stockRowsOnScreen, stockViewport } from '../support/stock-grid';
import { makeTempDir } from '../support/temp-dir';

describe('npm start -- --with-odoo-sim: the planner syncs from the Odoo stand-in, end to end', () => {
  const data = makeTempDir('e2e-sync');
  let host: HeadlessProcess;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    host = await startHeadlessPlanner(data.path, ['--with-odoo-sim', '--demo-nodes', '4', '--demo-skus', '60']);
    browser = await launchChromium();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    data.remove();
  });

  it('replaces the demo with the synced network and shows that every node reconciles with Odoo', async () => {
    await page.goto(host.url);
    await expect.poll(() => page.getByTestId('reconciliation').innerText().catch(() => ''), { timeout: 90_000 }).toMatch(/Every node reconciles with Odoo \(4 nodes × 60 products\)/);
    await expect.poll(() => page.getByTestId('demo-banner').count()).toBe(0);
    await expect.poll(() => page.getByTestId('node-card').count()).toBe(4);
    await expect.poll(() => page.locator('.status-bar').innerText()).toContain('Odoo cache');
    await page.screenshot({ path: screenshotPath('e2e-synced-from-odoo-sim') });
  });

  it('runs an incremental sync on request', async () => {
    await page.getByTestId('sync-now').click();
    await expect.poll(() => page.locator('.sync-message').innerText().catch(() => ''), { timeout: 60_000 }).toMatch(/Synced from Odoo: 4 nodes, 240 node × SKU rows; every node reconciles with Odoo/);
  });

  it('a sync brings newer figures into the Stock rows where the planner is, without moving to the top', async () => {
    await page.getByRole('button', { name: 'Stock', exact: true }).click();
    await expect.poll(() => page.getByTestId('stock-total').innerText(), { timeout: 30_000 }).toBe('240 node × SKU rows');
    await stockViewport(page).evaluate((element) => (element.scrollTop = element.scrollHeight));
    const shownRows = async (): Promise<{ first: number; last: number; waiting: number }> => {
      const rows = await stockRowsOnScreen(page);
      const indexes = rows.map((row) => row.index);
      return { first: Math.min(...indexes), last: Math.max(...indexes), waiting: rows.filter((row) => row.id === null).length };
    };
    // At the last row, and every row on screen has its data (a row still waiting has no id yet).
    await expect.poll(async () => { const rows = await shownRows(); return rows.last === 239 && rows.waiting === 0; }, { timeout: 30_000 }).toBe(true);
    const before = await shownRows();

    // Someone counts the last row's stock in Odoo: 1,000 more than the planner's cache knows.
    const lastRow = (await stockRowsOnScreen(page)).find((row) => row.index === 239);
    const [nodeCode, skuCode] = (lastRow?.id ?? '').split('|');
    const onHandCell = page.locator(`[data-testid="stock-screen"] .ag-row[row-id="${lastRow?.id}"] .ag-cell[col-id="onHand"]`).first();
    const shownOnHand = async (): Promise<number> => Number((await onHandCell.innerText()).replace(/[^\d.-]/g, ''));
    const onHandBefore = await shownOnHand();
    const admin = standInAdmin(host.output());
    const [quant] = await admin.searchRead('stock.quant', [['product_id.default_code', '=', skuCode], ['warehouse_id.code', '=', nodeCode], ['location_id.usage', '=', 'internal']], ['id', 'quantity'], z.object({ id: z.number(), quantity: z.number() }), { limit: 1 });
    expect(quant?.quantity).toBe(onHandBefore);
    await admin.write('stock.quant', [quant?.id ?? 0], { quantity: onHandBefore + 1000 });

    await page.getByRole('button', { name: 'Network', exact: true }).click();
    await page.getByTestId('sync-now').click();
    await expect.poll(() => page.locator('.sync-message').innerText().catch(() => ''), { timeout: 60_000 }).toMatch(/Synced from Odoo/);
    await page.getByRole('button', { name: 'Stock', exact: true }).click();
    // The rows were fetched again (none waits for data), with Odoo's new count, and the view is where it was.
    await expect.poll(shownOnHand, { timeout: 30_000 }).toBe(onHandBefore + 1000);
    await expect.poll(shownRows, { timeout: 30_000 }).toEqual(before);
    await page.screenshot({ path: screenshotPath('e2e-stock-kept-place-after-sync') });
  });

  it("the Network screen says what each sync changed: a vendor's later promise now, opened in Stock from its SKU, and the counted stock the sync before", async () => {
    const admin = standInAdmin(host.output());
    const Line = z.object({ id: z.number(), order_id: z.tuple([z.number(), z.string()]), date_planned: z.string() });
    const [line] = await admin.searchRead('purchase.order.line', [['order_id.state', '=', 'purchase'], ['qty_received', '=', 0]], ['order_id', 'date_planned'], Line, { limit: 1, order: 'id' });
    if (!line) throw new Error('the stand-in has no open purchase line');
    await admin.write('purchase.order.line', [line.id], { date_planned: `${addDays(line.date_planned.slice(0, 10), 5)} 10:00:00` });

    await page.getByRole('button', { name: 'Network', exact: true }).click();
    await page.getByTestId('sync-now').click();
    await expect.poll(() => page.locator('.sync-message').innerText().catch(() => ''), { timeout: 60_000 }).toMatch(/Since the last sync: (.*, )?1 ETA later/);
    const panel = page.getByTestId('sync-changes');
    await expect.poll(() => panel.getByTestId('sync-changes-summary').innerText()).toMatch(/1 ETA later/);
    await panel.getByTestId('changes-supply').click();
    const table = panel.getByTestId('changes-table');
    await expect.poll(() => table.innerText()).toMatch(new RegExp(`Purchase \\S+ from .+: ETA .+ → .+ \\(5 days later\\)`));
    await page.screenshot({ path: screenshotPath('e2e-network-what-changed'), fullPage: true });

    // The SKU opens its row in Stock, where the planner sees what the later ETA does to it.
    const link = table.getByRole('button', { name: /^Show \S+ × \S+ in Stock$/ }).first();
    const [, nodeId, skuId] = /^Show (\S+) × (\S+) in Stock$/.exec((await link.getAttribute('aria-label')) ?? '') ?? [];
    await link.click();
    await expect.poll(() => page.getByTestId('stock-total').innerText(), { timeout: 30_000 }).toBe('1 node × SKU rows');
    expect(await page.getByTestId('filter-node').inputValue()).toBe(nodeId);
    expect(await page.getByTestId('filter-sku').inputValue()).toBe(skuId);
    await page.getByRole('button', { name: 'Network', exact: true }).click();

    // The sync before brought the stock counted in Odoo (the test above): still on record, one pick away.
    const syncs = panel.getByLabel('Which sync');
    const older = await syncs.locator('option').nth(1).getAttribute('value');
    await syncs.selectOption(older ?? '');
    await panel.getByTestId('changes-stock').click();
    await expect.poll(() => panel.getByTestId('changes-table').innerText()).toMatch(/On hand [\d,.]+ → [\d,.]+/);
    await expect.poll(() => panel.getByTestId('changes-stock').innerText()).toMatch(/Stock\s*1$/);
  });

  it('a customer order larger than the stock makes a node × SKU short, and the Shortages tab names it, never short before', async () => {
    // A row on screen in Stock that is never short in the horizon, with its on hand.
    await page.getByRole('button', { name: 'Stock', exact: true }).click();
    await expect.poll(() => page.getByTestId('stock-total').innerText(), { timeout: 30_000 }).toMatch(/node × SKU rows/);
    await page.getByTestId('filter-node').selectOption({ index: 0 });
    await page.getByTestId('filter-sku').fill('');
    await expect.poll(() => page.getByTestId('stock-total').innerText(), { timeout: 30_000 }).toBe('240 node × SKU rows');
    const cell = (rowId: string, column: string) => page.locator(`[data-testid="stock-screen"] .ag-row[row-id="${rowId}"] .ag-cell[col-id="${column}"]`).first();
    const ids = (await stockRowsOnScreen(page)).flatMap((row) => (row.id ? [row.id] : []));
    let chosen: { id: string; covered: number } | null = null;
    for (const id of ids) {
      if ((await cell(id, 'firstShortageDay').innerText()) === '—') {
        const figure = async (column: string): Promise<number> => Number((await cell(id, column).innerText()).replace(/[^\d.-]/g, ''));
        // All it holds and all that comes in the horizon, and 500 more: short whenever supply arrives.
        chosen = { id, covered: (await figure('onHand')) + (await figure('inbound')) };
        break;
      }
    }
    if (!chosen) throw new Error('every Stock row on screen is short');
    const [nodeCode, skuCode] = chosen.id.split('|');

    const admin = standInAdmin(host.output());
    const Id = z.object({ id: z.number() });
    const [customer] = await admin.searchRead('res.partner', [['customer_rank', '>', 0]], ['id'], Id, { limit: 1 });
    const [product] = await admin.searchRead('product.product', [['default_code', '=', skuCode]], ['id'], Id);
    const [warehouse] = await admin.searchRead('stock.warehouse', [['code', '=', nodeCode]], ['id'], Id);
    const sale = await admin.create('sale.order', {
      partner_id: customer?.id,
      warehouse_id: warehouse?.id,
      commitment_date: `${addDays(new Date().toISOString().slice(0, 10), 3)} 11:00:00`,
      order_line: [[0, 0, { product_id: product?.id, product_uom_qty: chosen.covered + 500 }]],
    });
    await admin.callOnRecords('sale.order', 'action_confirm', [sale], z.unknown());

    await page.getByRole('button', { name: 'Network', exact: true }).click();
    await page.getByTestId('sync-now').click();
    await expect.poll(() => page.locator('.sync-message').innerText().catch(() => ''), { timeout: 60_000 }).toMatch(/Since the last sync: \d+ node × SKU now short/);
    const panel = page.getByTestId('sync-changes');
    await panel.getByTestId('changes-shortages').click();
    const row = panel.getByTestId('changes-table').locator('tbody tr', { hasText: skuCode ?? '' }).filter({ hasText: 'Now short' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/Now short\s+never → .+\s+0 → [\d,.]+/);
    await page.screenshot({ path: screenshotPath('e2e-network-now-short'), fullPage: true });
  });
});

/** The stand-in `--with-odoo-sim` started, as its admin (password `admin`, tools/odoo-sim/README.md). */
function standInAdmin(plannerOutput: string): OdooClient {
  const started = /Odoo stand-in running at (\S+) \(database (\S+)\)/.exec(plannerOutput);
  if (!started?.[1] || !started[2]) throw new Error(`the planner did not say where the Odoo stand-in runs:\n${plannerOutput}`);
  return new OdooClient({ url: started[1], database: started[2], login: 'admin', apiKey: 'admin' }, { timeoutMs: 10_000 });
}
