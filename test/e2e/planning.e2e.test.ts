import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain';
import type { PlannerApi, PlanningCatalog } from '../../shared/ipc';
import { createWebSocketBridge } from '../../renderer/src/bridge/websocket-bridge';
import { formatQuantity } from '../../renderer/src/format';
import { launchChromium, screenshotPath } from '../support/browser';
import { startHeadlessPlanner, type HeadlessProcess } from '../support/headless-process';
import { makeTempDir } from '../support/temp-dir';
import { browserWebSocket } from '../support/transports';

const SCENARIO = 'Move stock to Gdansk';

/** The main area scrolls inside the shell: a full-page screenshot would miss what is below the fold. */
async function screenshotMain(page: Page, name: string): Promise<void> {
  const height = await page.locator('.shell-main').evaluate((main) => main.scrollHeight + 160);
  await page.setViewportSize({ width: 1440, height: Math.max(900, Math.min(height, 3000)) });
  await page.screenshot({ path: screenshotPath(name) });
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('scenarios, replenishment and allocation, end to end in Chromium against the headless host', () => {
  const data = makeTempDir('e2e-planning');
  let host: HeadlessProcess;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let services: PlannerApi;
  let catalog: PlanningCatalog;
  const problems: string[] = [];

  beforeAll(async () => {
    host = await startHeadlessPlanner(data.path, ['--demo-nodes', '10', '--demo-skus', '800']);
    browser = await launchChromium();
    page = await browser.context.newPage();
    // Anything the app's Content-Security-Policy blocks (eval in a chart library, say) shows up here.
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content[- ]Security[- ]Policy/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));
    const previous = globalThis.WebSocket;
    globalThis.WebSocket = browserWebSocket(host.origin);
    services = createWebSocketBridge(`ws://${new URL(host.origin).host}/ipc`, host.token);
    catalog = await services.invoke('planning.catalog', {});
    globalThis.WebSocket = previous;
    await page.goto(host.url);
    await page.getByTestId('node-card').first().waitFor({ timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    data.remove();
  });

  it('creates a scenario, adds a transfer through the form, shows the KPI deltas and the chart, and undoes it', async () => {
    const lane = catalog.lanes.find((candidate) => candidate.fromNodeId === 'RDC1' && candidate.toNodeId === 'FSL01');
    expect(lane).toBeDefined();
    const short = await services.invoke('stock.query', { filter: { nodeId: 'FSL01', onlyShort: true }, sort: [{ column: 'firstShortageDay', direction: 'asc' }], offset: 0, limit: 1 });
    const sku = short.rows[0];
    expect(sku).toBeDefined();
    if (!lane || !sku) return;

    await page.getByRole('button', { name: 'Scenarios', exact: true }).click();
    await page.getByTestId('scenario-name').fill(SCENARIO);
    await page.getByTestId('scenario-create').click();
    await expect.poll(() => page.getByTestId('scenario-title').innerText()).toBe(SCENARIO);

    // A quantity below zero is caught in the form; nothing reaches the scenario.
    await page.getByTestId('edit-fromNodeId').selectOption('RDC1');
    await page.getByTestId('edit-toNodeId').selectOption('FSL01');
    await page.getByTestId('edit-skuId').fill(sku.skuCode);
    await expect.poll(() => page.getByTestId('edit-skuId').getAttribute('data-resolved')).toBe(sku.skuId);
    await page.getByTestId('edit-qty').fill('-5');
    const shipDate = addDays(catalog.horizon.firstDay, 2);
    await page.getByTestId('edit-shipDate').fill(shipDate);
    await page.getByTestId('edit-submit').click();
    await expect.poll(() => page.getByTestId('error-qty').innerText()).toBe('must be more than zero units');
    expect(await page.getByTestId('edit-entry').count()).toBe(0);

    await page.getByTestId('edit-qty').fill('30');
    await page.getByTestId('edit-submit').click();
    await expect.poll(() => page.getByTestId('edit-entry').allInnerTexts()).toEqual([expect.stringContaining(`Transfer 30 × ${sku.skuId} RDC1 → FSL01`)]);

    // Freight is what a planner would work out by hand: 30 units × the lane's cost a unit.
    await expect.poll(async () => Number(await page.getByTestId('kpi-transferCost').getAttribute('data-delta')), { timeout: 30_000 }).toBeCloseTo(30 * (lane.costPerUnit ?? Number.NaN), 6);
    await expect.poll(async () => Number(await page.getByTestId('kpi-demandUnits').getAttribute('data-delta'))).toBe(30);
    await expect.poll(() => page.getByTestId('changed-total').innerText()).toBe('2 node × SKU');
    await expect.poll(() => page.locator('[data-testid="changed-rows"] .ag-cell[col-id="nodeCode"]').allInnerTexts()).toEqual(['RDC1', 'FSL01']);

    // The chart opens on the destination row: its balance ends 30 higher than the baseline's.
    const chart = page.getByTestId('balance-chart');
    await expect.poll(() => chart.getAttribute('data-node'), { timeout: 30_000 }).toBe('FSL01');
    expect(await chart.getAttribute('data-sku')).toBe(sku.skuId);
    const { id } = (await services.invoke('scenario.list', {})).scenarios.find((scenario) => scenario.name === SCENARIO) ?? { id: '' };
    const timeline = await services.invoke('scenario.timeline', { scenarioId: id, nodeId: 'FSL01', skuId: sku.skuId });
    const baselineEnd = timeline.baseline.balance.at(-1) ?? Number.NaN;
    expect(timeline.scenario?.balance.at(-1)).toBe(baselineEnd + 30);
    const caption = await page.getByTestId('balance-summary').innerText();
    expect(caption).toContain(`FSL01 × ${sku.skuCode}: baseline lowest`);
    expect(caption).toContain(`ends at ${formatQuantity(baselineEnd, 'en-GB')}; scenario`);
    expect(caption).toMatch(new RegExp(`scenario .*ends at ${formatQuantity(baselineEnd + 30, 'en-GB').replace(/[.,]/g, '\\$&')}\\.$`));
    const canvas = chart.locator('canvas');
    await expect.poll(() => canvas.count()).toBeGreaterThan(0);
    const box = await canvas.first().boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.height).toBeGreaterThan(200);
    await screenshotMain(page, 'e2e-scenario-transfer');

    await page.getByTestId('scenario-undo').click();
    await expect.poll(() => page.getByTestId('edit-entry').getAttribute('data-active')).toBe('false');
    await expect.poll(async () => Number(await page.getByTestId('kpi-transferCost').getAttribute('data-delta'))).toBe(0);
    await expect.poll(() => page.getByTestId('changed-total').innerText()).toBe('0 node × SKU');
    await screenshotMain(page, 'e2e-scenario-undone');
  });

  it('adds two replenishment proposals to the scenario', async () => {
    await page.getByRole('button', { name: 'Replenishment', exact: true }).click();
    await page.getByTestId('replenishment-run').click();
    await expect.poll(() => page.getByTestId('replenishment-proposals').count(), { timeout: 60_000 }).toBe(1);
    await page.getByTestId('replenishment-kind').selectOption('transfer');
    const kinds = page.locator('[data-testid="proposals-grid"] .ag-cell[col-id="kind"]');
    await expect.poll(() => kinds.allInnerTexts(), { timeout: 30_000 }).toContain('Transfer');
    expect(await kinds.allInnerTexts()).not.toContain('Purchase');
    const ids: string[] = [];
    for (const index of [0, 1]) {
      ids.push((await page.locator(`[data-testid="proposals-grid"] .ag-row[row-index="${index}"]`).first().getAttribute('row-id')) ?? '');
      await page.locator(`[data-testid="proposals-grid"] .ag-row[row-index="${index}"] input[type="checkbox"]`).first().check();
    }
    await expect.poll(() => page.getByTestId('selection-bar').innerText()).toContain('2 selected');
    await page.getByTestId('replenishment-scenario').selectOption({ label: SCENARIO });
    await page.getByTestId('replenishment-add').click();
    await expect.poll(() => page.getByTestId('replenishment-notice').innerText()).toBe(`Added 2 proposals to "${SCENARIO}" (2 edits now).`);

    const scenario = (await services.invoke('scenario.list', {})).scenarios.find((entry) => entry.name === SCENARIO);
    const detail = await services.invoke('scenario.describe', { scenarioId: scenario?.id ?? '' });
    // The undone transfer made way for the two proposals.
    expect(detail.edits.map((entry) => [entry.edit.kind, entry.active])).toEqual([['add-transfer', true], ['add-transfer', true]]);
    expect(detail.edits.map((entry) => entry.edit.id.split('@')[0])).toEqual(ids);

    // A click on the row shows the proposal's reason, in words and numbers.
    await page.locator('[data-testid="proposals-grid"] .ag-row[row-index="0"] .ag-cell[col-id="skuName"]').first().click();
    await expect.poll(() => page.getByTestId('reason-text').innerText()).toMatch(/falls below its minimum .* Transfer \d+ from /);
    await screenshotMain(page, 'e2e-replenishment-added');
  });

  it('allocates open orders on the baseline and on the scenario, with totals that match the services', async () => {
    await page.getByRole('button', { name: 'Allocation', exact: true }).click();
    await page.getByTestId('allocation-run').click();
    await expect.poll(() => page.getByTestId('allocation-lines').count(), { timeout: 60_000 }).toBe(1);
    const expected = await services.invoke('allocation.run', { target: { kind: 'baseline' } });
    expect(await page.getByTestId('allocation-lines').innerText()).toBe(formatQuantity(expected.totals.lines, 'en-GB'));
    expect(await page.getByTestId('allocation-moved').innerText()).toBe(formatQuantity(expected.totals.linesMoved, 'en-GB'));
    await page.getByTestId('allocation-only-moved').check();
    await expect.poll(() => page.getByTestId('allocation-shown').innerText(), { timeout: 30_000 }).toBe(`${formatQuantity(expected.totals.linesMoved, 'en-GB')} shown`);
    await expect.poll(() => page.locator('[data-testid="allocation-grid"] .ag-row .ag-cell[col-id="moved"]').first().innerText()).toBe('Differs from order');
    await screenshotMain(page, 'e2e-allocation-baseline');

    await page.getByTestId('allocation-target').selectOption({ label: `Scenario: ${SCENARIO} (2 edits)` });
    await page.getByTestId('allocation-run').click();
    await expect.poll(() => page.getByTestId('allocation-totals').innerText(), { timeout: 60_000 }).toContain(`order lines (${SCENARIO})`);
    expect(problems).toEqual([]);
  });
});

describe('a long run in Chromium shows its progress and can be cancelled', () => {
  const data = makeTempDir('e2e-cancel');
  let host: HeadlessProcess;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    // Big enough that allocating takes well over the 300 ms after which progress and Cancel appear.
    host = await startHeadlessPlanner(data.path, ['--demo-nodes', '12', '--demo-skus', '8000']);
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.goto(host.url);
    await page.getByTestId('node-card').first().waitFor({ timeout: 90_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    data.remove();
  });

  it('cancels an allocation from its progress panel and shows nothing of it', async () => {
    await page.getByRole('button', { name: 'Allocation', exact: true }).click();
    // What a long run shows, on a run left to finish: taking the picture first could outlast a short run.
    await page.getByTestId('allocation-run').click();
    await page.getByTestId('run-progress').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: screenshotPath('e2e-allocation-progress') });
    await page.getByTestId('allocation-totals').waitFor({ timeout: 60_000 });
    // Cancel as soon as it shows. A fast machine may still finish first: then try again.
    let cancelled = false;
    for (let attempt = 0; attempt < 3 && !cancelled; attempt++) {
      await page.getByTestId('allocation-run').click();
      await page.getByTestId('run-cancel').click({ timeout: 60_000 }).catch(() => undefined);
      await expect.poll(() => page.getByTestId('run-progress').count(), { timeout: 60_000 }).toBe(0);
      cancelled = (await page.getByTestId('allocation-error').count()) > 0;
    }
    expect(cancelled).toBe(true);
    expect(await page.getByTestId('allocation-error').innerText()).toBe('Cancelled: nothing from this run is shown.');
    expect(await page.getByTestId('allocation-totals').count()).toBe(0);
    // The status bar does not keep waiting on a run that ended.
    await expect.poll(() => page.locator('.status-bar [role="progressbar"]').count()).toBe(0);
  });
});
