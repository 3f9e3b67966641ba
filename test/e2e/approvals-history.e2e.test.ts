import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxView, PlanningCatalog, SkuChoices, SubmittedBatch } from '../../shared/ipc';
import { launchChromium, screenshotPath } from '../support/browser';
import { startHeadlessPlanner, type HeadlessProcess } from '../support/headless-process';
import { makeTempDir } from '../support/temp-dir';

/**
 * Asks the planner services something over a socket of its own, from inside the page (it holds
 * this launch's token and the planner's origin): how the test puts more lines in the inbox than
 * one page shows without ticking 520 boxes.
 */
function askPlanner<T>(page: Page, channel: string, request: unknown): Promise<T> {
  return page.evaluate(
    ([asked, body]) =>
      new Promise<T>((resolve, reject) => {
        const token = sessionStorage.getItem('planner.token') ?? '';
        const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ipc`, ['planner.v1', `token.${token}`]);
        socket.onopen = () => socket.send(JSON.stringify({ id: 1, channel: asked, request: body }));
        socket.onmessage = (event: MessageEvent<string>) => {
          const message = JSON.parse(event.data) as { type: string; id?: number; result?: { ok: boolean; value?: T; error?: { message: string } } };
          if (message.type !== 'response' || message.id !== 1 || !message.result) return;
          socket.close();
          if (message.result.ok) resolve(message.result.value as T);
          else reject(new Error(message.result.error?.message ?? 'refused'));
        };
        socket.onerror = () => reject(new Error('the socket to the planner failed'));
      }),
    [channel, request] as const,
  );
}

describe('the approvals inbox, end to end in Chromium: more lines than one page', () => {
  const data = makeTempDir('e2e-approvals-history');
  const keys = makeTempDir('e2e-approvals-history-keys');
  let host: HeadlessProcess;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    host = await startHeadlessPlanner(data.path, ['--demo-nodes', '4', '--demo-skus', '60'], { PLANNER_KEY_DIR: keys.path });
    browser = await launchChromium();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    data.remove();
    keys.remove();
  });

  it('pages through 520 lines, 500 at a time, and starts again at the first page on another tab', async () => {
    await page.goto(host.url);
    await expect.poll(() => page.getByTestId('node-card').count(), { timeout: 60_000 }).toBe(4);
    const catalog = await askPlanner<PlanningCatalog>(page, 'planning.catalog', {});
    const [sku] = (await askPlanner<SkuChoices>(page, 'planning.skus', { text: '', limit: 1 })).skus;
    const lane = catalog.lanes[0];
    if (!sku || !lane) throw new Error('the demo network has no SKU or lane');
    const arrival = new Date(Date.parse(`${catalog.horizon.firstDay}T00:00:00Z`) + lane.transitDays * 86_400_000).toISOString().slice(0, 10);
    // 520 transfers of 1 to 520 units: each a different order, so none is left out as a repeat.
    const proposals = Array.from({ length: 520 }, (_, index) => ({
      id: `T-${index + 1}`,
      kind: 'transfer',
      nodeId: lane.toNodeId,
      skuId: sku.id,
      fromNodeId: lane.fromNodeId,
      qty: index + 1,
      shipDate: catalog.horizon.firstDay,
      neededBy: arrival,
      arrivalDate: arrival,
      daysLate: 0,
      cost: Math.round((index + 1) * (lane.costPerUnit ?? 0) * 100) / 100,
      reason: { text: `Transfer ${index + 1} of ${sku.id} from ${lane.fromNodeId}.`, figures: {} },
    }));
    await askPlanner(page, 'identity.chooseDemoUser', { login: 'anna.planner' });
    // A batch holds at most 500 lines: 400, then 120 more.
    for (const part of [proposals.slice(0, 400), proposals.slice(400)]) {
      const batch = await askPlanner<SubmittedBatch>(page, 'approvals.submitBatch', { origin: { kind: 'replenishment' }, proposals: part, note: 'A long list' });
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
    const settled = (await askPlanner<InboxView>(page, 'approvals.inbox', { state: 'settled', limit: 1 })).total;
    expect(settled).toBeGreaterThan(0);
    await page.getByTestId('tab-settled').click();
    if (settled > 500) await expect.poll(() => page.getByTestId('inbox-page').innerText(), { timeout: 15_000 }).toBe(`Lines 1–500 of ${settled}`);
    else {
      await expect.poll(() => page.getByTestId('approval-line').count(), { timeout: 15_000 }).toBe(settled);
      expect(await page.getByTestId('inbox-page').count()).toBe(0);
    }
  });
});
