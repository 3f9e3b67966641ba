import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    await expect.poll(async () => (await shownRows()).last, { timeout: 30_000 }).toBe(239);
    const before = await shownRows();

    await page.getByRole('button', { name: 'Network', exact: true }).click();
    await page.getByTestId('sync-now').click();
    await expect.poll(() => page.locator('.sync-message').innerText().catch(() => ''), { timeout: 60_000 }).toMatch(/Synced from Odoo/);
    await page.getByRole('button', { name: 'Stock', exact: true }).click();
    // The rows were fetched again (none waits for data) and the view is where it was: the last rows.
    await expect.poll(shownRows, { timeout: 30_000 }).toEqual({ ...before, waiting: 0 });
    await page.screenshot({ path: screenshotPath('e2e-stock-kept-place-after-sync') });
  });
});
