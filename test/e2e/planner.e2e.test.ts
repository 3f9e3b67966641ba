import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlannerApi } from '../../shared/ipc';
import { createWebSocketBridge } from '../../renderer/src/bridge/websocket-bridge';
import { formatDate, formatQuantity } from '../../renderer/src/format';
import { launchChromium, screenshotPath } from '../support/browser';
import { startHeadlessPlanner, type HeadlessProcess } from '../support/headless-process';
import { makeTempDir } from '../support/temp-dir';
import { stockRowsOnScreen, stockViewport } from '../support/stock-grid';
import { browserWebSocket } from '../support/transports';

const QUANTITY_COLUMNS = ['onHand', 'reserved', 'inbound', 'demand7', 'demand30', 'demand90', 'lowestBalance'] as const;

async function cellText(page: Page, rowIndex: number, column: string): Promise<string> {
  return (await page.locator(`.ag-row[row-index="${rowIndex}"] .ag-cell[col-id="${column}"]`).first().innerText()).trim();
}

describe('the planner, end to end in Chromium against the headless host started by npm start', () => {
  const data = makeTempDir('e2e');
  let host: HeadlessProcess;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let services: PlannerApi;

  beforeAll(async () => {
    host = await startHeadlessPlanner(data.path);
    browser = await launchChromium();
    page = await browser.context.newPage();
    const previous = globalThis.WebSocket;
    globalThis.WebSocket = browserWebSocket(host.origin);
    services = createWebSocketBridge(`ws://${new URL(host.origin).host}/ipc`, host.token);
    await services.invoke('app.describe', {});
    globalThis.WebSocket = previous;
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    data.remove();
  });

  it('shows the demo network: the banner and all 10 nodes on the Network screen', async () => {
    await page.goto(host.url);
    await expect.poll(() => page.getByTestId('node-card').count(), { timeout: 30_000 }).toBe(10);
    await expect.poll(() => page.getByTestId('demo-banner').innerText()).toContain('Demo network');
    const codes = await page.locator('[data-testid="node-card"] .node-code').allInnerTexts();
    expect(codes).toEqual(['RDC1', 'RDC2', 'RDC3', 'FSL01', 'FSL02', 'FSL03', 'FSL04', 'FSL05', 'FSL06', 'TPL1']);
    // The token left the address bar once the page had it.
    expect(page.url()).not.toContain('token=');
    await page.screenshot({ path: screenshotPath('e2e-network') });
  });

  it('filters Stock to one node, sorts by first shortage day, and shows what the services compute', async () => {
    await page.getByRole('button', { name: 'Stock', exact: true }).click();
    await page.getByTestId('filter-node').selectOption('RDC2');
    await expect.poll(() => page.getByTestId('stock-total').innerText(), { timeout: 30_000 }).toBe('2,000 node × SKU rows');
    await page.locator('.ag-header-cell[col-id="firstShortageDay"] .ag-header-cell-label').click();
    await expect.poll(() => page.locator('.ag-header-cell[col-id="firstShortageDay"]').getAttribute('aria-sort')).toBe('ascending');
    // Wait until the sorted block has replaced the unsorted one: row 0 is then the earliest shortage.
    const expectedFirst = await services.invoke('stock.query', { filter: { nodeId: 'RDC2' }, sort: [{ column: 'firstShortageDay', direction: 'asc' }], offset: 0, limit: 12 });
    await expect.poll(() => cellText(page, 0, 'skuCode'), { timeout: 30_000 }).toBe(expectedFirst.rows[0]?.skuCode);
    await page.screenshot({ path: screenshotPath('e2e-stock-rdc2-by-shortage') });

    const sampled = [0, 4, 9];
    const shown: { node: string; sku: string; figures: Record<string, string>; firstShortage: string }[] = [];
    for (const index of sampled) {
      shown.push({
        node: await cellText(page, index, 'nodeCode'),
        sku: await cellText(page, index, 'skuCode'),
        figures: Object.fromEntries(await Promise.all(QUANTITY_COLUMNS.map(async (column) => [column, await cellText(page, index, column)] as const))),
        firstShortage: await cellText(page, index, 'firstShortageDay'),
      });
    }
    expect(shown.every((row) => row.node === 'RDC2')).toBe(true);
    const { rows } = await services.invoke('stock.rows', { keys: shown.map((row) => ({ nodeId: row.node, skuId: row.sku })) });
    expect(rows).toHaveLength(3);
    rows.forEach((row, i) => {
      expect(shown[i]?.figures).toEqual(Object.fromEntries(QUANTITY_COLUMNS.map((column) => [column, formatQuantity(row[column], 'en-GB')])));
      expect(shown[i]?.firstShortage).toBe(row.firstShortageDate ? `${formatDate(row.firstShortageDate, 'en-GB')} (day ${row.firstShortageDay})` : '—');
      expect(row).toEqual(expectedFirst.rows[sampled[i] ?? 0]);
    });
    const days = rows.map((row) => row.firstShortageDay ?? Number.POSITIVE_INFINITY);
    expect(days).toEqual([...days].sort((a, b) => a - b));
  });

  it('after fast jumps through all 20,000 Stock rows, every row on screen is the services\' row at that position', async () => {
    await page.getByTestId('filter-node').selectOption('');
    await expect.poll(() => page.getByTestId('stock-total').innerText(), { timeout: 30_000 }).toBe('20,000 node × SKU rows');
    const viewport = stockViewport(page);
    // Each jump lands before the last one's rows have arrived, so rows waiting for their block
    // are kept across other blocks' arrivals (scripts/ag-grid-rewrites.ts) and must still fill.
    for (const fraction of [0.5, 0.2, 0.9, 0.35]) {
      await viewport.evaluate((element, f) => (element.scrollTop = element.scrollHeight * f), fraction);
      await page.waitForTimeout(15);
    }
    // Settled at the last jump (35 % of the way down), with no row still waiting for its data.
    await expect
      .poll(async () => {
        const rows = await stockRowsOnScreen(page);
        return rows.length > 10 && rows.every((row) => row.index > 6000 && row.index < 8000 && row.id !== null);
      }, { timeout: 30_000 })
      .toBe(true);
    const shown = await stockRowsOnScreen(page);
    const first = shown[0]?.index ?? 0;
    const expected = await services.invoke('stock.query', { filter: {}, sort: [{ column: 'firstShortageDay', direction: 'asc' }], offset: first, limit: (shown.at(-1)?.index ?? first) - first + 1 });
    expect(shown).toEqual(expected.rows.map((row, i) => ({ index: first + i, id: `${row.nodeId}|${row.skuId}` })));
    await page.screenshot({ path: screenshotPath('e2e-stock-after-jumps') });
  });

  it('a new sort or filter starts at the top of its rows, not where the last order was scrolled to', async () => {
    // Still 35 % of the way down from the jumps above. Units short sorts the worst first.
    await page.locator('.ag-header-cell[col-id="unitsShort"] .ag-header-cell-label').click();
    await expect.poll(() => page.locator('.ag-header-cell[col-id="unitsShort"]').getAttribute('aria-sort')).toBe('descending');
    const worst = await services.invoke('stock.query', { filter: {}, sort: [{ column: 'unitsShort', direction: 'desc' }], offset: 0, limit: 8 });
    const topRows = async (): Promise<{ index: number; id: string | null }[]> => (await stockRowsOnScreen(page)).slice(0, 8);
    await expect.poll(topRows, { timeout: 30_000 }).toEqual(worst.rows.map((row, i) => ({ index: i, id: `${row.nodeId}|${row.skuId}` })));
    await page.screenshot({ path: screenshotPath('e2e-stock-worst-first') });

    const viewport = stockViewport(page);
    await viewport.evaluate((element) => (element.scrollTop = element.scrollHeight * 0.6));
    await expect.poll(async () => (await stockRowsOnScreen(page))[0]?.index ?? 0, { timeout: 30_000 }).toBeGreaterThan(10_000);
    await page.getByTestId('filter-node').selectOption('FSL03');
    const fsl03 = await services.invoke('stock.query', { filter: { nodeId: 'FSL03' }, sort: [{ column: 'unitsShort', direction: 'desc' }], offset: 0, limit: 8 });
    await expect.poll(topRows, { timeout: 30_000 }).toEqual(fsl03.rows.map((row, i) => ({ index: i, id: `${row.nodeId}|${row.skuId}` })));

    // From the keyboard too: Enter on the focused header sorts the other way, again from the top.
    await viewport.evaluate((element) => (element.scrollTop = element.scrollHeight * 0.6));
    await expect.poll(async () => (await stockRowsOnScreen(page))[0]?.index ?? 0, { timeout: 30_000 }).toBeGreaterThan(1_000);
    await page.locator('.ag-header-cell[col-id="unitsShort"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ag-header-cell[col-id="unitsShort"]').getAttribute('aria-sort')).toBe('ascending');
    const fewest = await services.invoke('stock.query', { filter: { nodeId: 'FSL03' }, sort: [{ column: 'unitsShort', direction: 'asc' }], offset: 0, limit: 8 });
    await expect.poll(topRows, { timeout: 30_000 }).toEqual(fewest.rows.map((row, i) => ({ index: i, id: `${row.nodeId}|${row.skuId}` })));
  });
});
