import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransferProposal } from '../../shared/domain';
import type { PlannerApi } from '../../shared/ipc';
import { createWebSocketBridge } from '../../renderer/src/bridge/websocket-bridge';
import { formatDate, formatQuantity } from '../../renderer/src/format';
import { launchChromium, screenshotPath } from '../support/browser';
import { startHeadlessPlanner, type HeadlessProcess } from '../support/headless-process';
import { makeTempDir } from '../support/temp-dir';
import { browserWebSocket } from '../support/transports';

describe('the approvals inbox, end to end in Chromium: more lines than one page', () => {
  const data = makeTempDir('e2e-approvals-history');
  const keys = makeTempDir('e2e-approvals-history-keys');
  let host: HeadlessProcess;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  // The services over a socket of the test's own: how it puts more lines in the inbox than one page
  // shows without ticking 520 boxes.
  let services: PlannerApi;

  beforeAll(async () => {
    host = await startHeadlessPlanner(data.path, ['--demo-nodes', '4', '--demo-skus', '60'], { PLANNER_KEY_DIR: keys.path });
    browser = await launchChromium();
    page = await browser.context.newPage();
    const previous = globalThis.WebSocket;
    globalThis.WebSocket = browserWebSocket(host.origin);
    services = createWebSocketBridge(`ws://${new URL(host.origin).host}/ipc`, host.token);
    await services.invoke('identity.chooseDemoUser', { login: 'anna.planner' });
    globalThis.WebSocket = previous;
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    data.remove();
    keys.remove();
  });

  it('pages through 520 lines, 500 at a time, starting again at the first page on another tab; the next run shows them beside its proposal', async () => {
    await page.goto(host.url);
    await expect.poll(() => page.getByTestId('node-card').count(), { timeout: 60_000 }).toBe(4);
    // The first transfer a replenishment run proposes: the 520 lines below stock its node × SKU.
    const run = await services.invoke('replenishment.run', { target: { kind: 'baseline' } });
    const [row] = (await services.invoke('replenishment.page', { resultId: run.resultId, filter: { kind: 'transfer' }, offset: 0, limit: 1 })).rows;
    if (!row?.fromNodeId) throw new Error('the demo network needs no transfer');
    const sku = { id: row.skuId };
    // 520 transfers of one unit more each than the run's: each a different order, none left out as a repeat.
    const proposals = Array.from({ length: 520 }, (_, index): TransferProposal => ({
      id: `T-${index + 1}`,
      kind: 'transfer',
      nodeId: row.nodeId,
      skuId: row.skuId,
      fromNodeId: row.fromNodeId ?? '',
      qty: row.qty + index + 1,
      shipDate: row.startDate,
      neededBy: row.neededBy,
      arrivalDate: row.arrivalDate,
      daysLate: row.daysLate,
      cost: row.cost ?? 0,
      reason: { text: `Transfer ${row.qty + index + 1} of ${row.skuId} from ${row.fromNodeId ?? ''}.`, figures: {} },
    }));
    // A batch holds at most 500 lines: 400, then 120 more.
    for (const part of [proposals.slice(0, 400), proposals.slice(400)]) {
      const batch = await services.invoke('approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: part, note: 'A long list' });
      expect(batch.lines).toBe(part.length);
    }

    await page.getByRole('button', { name: 'Approvals', exact: true }).click();
    await page.getByTestId('tab-all').click();
    await expect.poll(() => page.getByTestId('inbox-page').innerText(), { timeout: 15_000 }).toBe('Lines 1–500 of 520');
    expect(await page.getByTestId('approval-line').count()).toBe(500);
    expect(await page.getByTestId('inbox-previous-page').isDisabled()).toBe(true);
    await page.getByTestId('inbox-next-page').click();
    await expect.poll(() => page.getByTestId('inbox-page').innerText(), { timeout: 15_000 }).toBe('Lines 501–520 of 520');
    await expect.poll(() => page.getByTestId('approval-line').count()).toBe(20);
    // The newest batch first: its 120 lines and the first 380 of the other on page one, the other's last 20 here.
    expect(await page.getByTestId('approval-line').first().locator('input[type="checkbox"]').getAttribute('aria-label')).toBe(`Select line 381 of ${sku.id}`);
    expect(await page.getByTestId('inbox-next-page').isDisabled()).toBe(true);
    // Every line of the newer batch stocks the same node × SKU and is still open.
    expect(await page.getByTestId('approval-line').first().innerText()).toContain('Also ordered 120 times in other batches');
    await page.screenshot({ path: screenshotPath('e2e-approvals-second-page'), fullPage: false });
    await page.getByTestId('inbox-previous-page').click();
    await expect.poll(() => page.getByTestId('inbox-page').innerText(), { timeout: 15_000 }).toBe('Lines 1–500 of 520');
    // On the second page of All, another tab opens at its own first page.
    await page.getByTestId('inbox-next-page').click();
    await expect.poll(() => page.getByTestId('inbox-page').innerText(), { timeout: 15_000 }).toBe('Lines 501–520 of 520');
    const settled = (await services.invoke('approvals.inbox', { state: 'settled', limit: 1 })).total;
    expect(settled).toBeGreaterThan(0);
    await page.getByTestId('tab-settled').click();
    if (settled > 500) await expect.poll(() => page.getByTestId('inbox-page').innerText(), { timeout: 15_000 }).toBe(`Lines 1–500 of ${settled}`);
    else {
      await expect.poll(() => page.getByTestId('approval-line').count(), { timeout: 15_000 }).toBe(settled);
      expect(await page.getByTestId('inbox-page').count()).toBe(0);
    }

    // The planner's next run: the same transfer is not itself in a batch, but its row shows the
    // latest open order for the node × SKU and how many more there are.
    await page.getByRole('button', { name: 'Replenishment', exact: true }).click();
    await page.getByTestId('replenishment-run').click();
    await expect.poll(() => page.getByTestId('replenishment-proposals').count(), { timeout: 60_000 }).toBe(1);
    await page.getByTestId('replenishment-kind').selectOption('transfer');
    const cell = page.locator(`[data-testid="proposals-grid"] .ag-row[row-index="0"] .ag-cell[col-id="submitted"]`).first();
    await expect.poll(() => cell.innerText(), { timeout: 30_000 }).toBe(`Also ${formatQuantity(row.qty + 520, 'en-GB')} on ${formatDate(row.startDate, 'en-GB')} (+519)`);
    await page.screenshot({ path: screenshotPath('e2e-replenishment-also-ordered') });
  });
});
