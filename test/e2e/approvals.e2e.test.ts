import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../support/browser';
import { startHeadlessPlanner, type HeadlessProcess } from '../support/headless-process';
import { makeTempDir } from '../support/temp-dir';

describe('approvals, end to end in Chromium: a planner submits, a supervisor approves, the audit chain verifies', () => {
  const data = makeTempDir('e2e-approvals');
  const keys = makeTempDir('e2e-approvals-keys');
  let host: HeadlessProcess;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    host = await startHeadlessPlanner(data.path, ['--demo-nodes', '4', '--demo-skus', '200'], { PLANNER_KEY_DIR: keys.path });
    browser = await launchChromium();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    data.remove();
    keys.remove();
  });

  const show = async (screen: string): Promise<void> => {
    await page.getByRole('button', { name: screen, exact: true }).click();
  };

  const workAs = async (login: string): Promise<void> => {
    await show('Settings');
    await expect.poll(() => page.getByTestId('demo-user').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByTestId('demo-user').selectOption(login);
    await expect.poll(() => page.getByTestId('current-user').innerText()).toContain(`(${login})`);
    await show('Approvals');
    await expect.poll(() => page.getByTestId('approvals-user').innerText(), { timeout: 15_000 }).toContain(`Deciding as ${login}`);
  };

  const lineStates = async (): Promise<string[]> => page.getByTestId('approval-line').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-state') ?? ''));

  it('a planner ticks replenishment proposals and submits them as a batch from the Replenishment screen', async () => {
    await page.goto(host.url);
    await expect.poll(() => page.getByTestId('node-card').count(), { timeout: 60_000 }).toBe(4);
    await workAs('anna.planner');
    await show('Replenishment');
    await page.getByTestId('replenishment-run').click();
    await expect.poll(() => page.getByTestId('replenishment-proposals').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByTestId('submit-batch-button').innerText()).toBe('Tick proposals to submit them for approval');
    expect(await page.getByTestId('submit-batch-button').isDisabled()).toBe(true);
    // Purchases always wait for someone (the demo matrix auto-approves only small transfers).
    await page.getByTestId('replenishment-kind').selectOption('purchase');
    const kinds = page.locator('[data-testid="proposals-grid"] .ag-cell[col-id="kind"]');
    await expect.poll(async () => [...new Set(await kinds.allInnerTexts())], { timeout: 30_000 }).toEqual(['Purchase']);
    await expect.poll(() => page.locator('[data-testid="proposals-grid"] .ag-row[row-index="2"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    for (const index of [0, 1, 2]) await page.locator(`[data-testid="proposals-grid"] .ag-row[row-index="${index}"] input[type="checkbox"]`).first().check();
    await expect.poll(() => page.getByTestId('submit-batch-button').innerText()).toBe('Submit batch (3 lines)');
    await page.getByTestId('submit-batch-note').fill('Urgent shortages, Monday');
    await page.screenshot({ path: screenshotPath('e2e-approvals-submit-batch') });
    await page.getByTestId('submit-batch-button').click();
    await expect.poll(() => page.getByTestId('submit-batch-outcome').innerText(), { timeout: 30_000 }).toMatch(/^Batch submitted: .*(auto-approved and sent to the outbox|wait for approval)/);
    // The ticks are cleared, so the same proposals are not sent twice by a second click, and the
    // rows say where each order now waits.
    await expect.poll(() => page.getByTestId('submit-batch-button').isDisabled()).toBe(true);
    const submittedCells = [0, 1, 2].map((index) => page.locator(`[data-testid="proposals-grid"] .ag-row[row-index="${index}"] .ag-cell[col-id="submitted"]`).first());
    await expect.poll(() => Promise.all(submittedCells.map((cell) => cell.innerText())), { timeout: 15_000 }).toEqual(['Waiting · line 1', 'Waiting · line 2', 'Waiting · line 3']);
    expect(await page.locator('[data-testid="proposals-grid"] .ag-row[row-index="3"] .ag-cell[col-id="submitted"]').first().innerText()).toBe('');
    // Ticking a row already in a batch: the button counts only what would be sent.
    const tick = (index: number) => page.locator(`[data-testid="proposals-grid"] .ag-row[row-index="${index}"] input[type="checkbox"]`).first();
    await tick(0).check();
    await tick(3).check();
    await expect.poll(() => page.getByTestId('submit-batch-button').innerText()).toBe('Submit batch (1 line)');
    expect(await page.getByTestId('replenishment-already-submitted').innerText()).toBe('1 ticked already submitted (left out)');
    await page.screenshot({ path: screenshotPath('e2e-replenishment-submitted-rows') });
    await tick(3).uncheck();
    await expect.poll(() => page.getByTestId('submit-batch-button').innerText()).toBe('All 1 ticked already submitted');
    expect(await page.getByTestId('submit-batch-button').isDisabled()).toBe(true);
    await tick(0).uncheck();
    await show('Approvals');
    // The planner sees the lines of the batch, but none is theirs to decide.
    await page.getByTestId('tab-all').click();
    await expect.poll(() => page.getByTestId('approval-line').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('tab-for-me').innerText()).toContain('0');
    await page.getByTestId('tab-waiting').click();
    await expect.poll(async () => (await lineStates()).length).toBeGreaterThan(0);
    await page.getByTestId('approval-line').first().click();
    expect(await page.getByTestId('cannot-decide').innerText()).toContain('anna.planner proposed this line and cannot decide it');
    expect(await page.getByTestId('approve-line').isDisabled()).toBe(true);
  });

  it("a planner submits a scenario's transfers from its toolbar, once, leaving out what an earlier batch already orders", async () => {
    await show('Scenarios');
    await page.getByTestId('scenario-name').fill('Rebalance north');
    await page.getByTestId('scenario-create').click();
    await expect.poll(() => page.getByTestId('scenario-title').innerText(), { timeout: 15_000 }).toBe('Rebalance north');
    expect(await page.getByTestId('submit-batch-button').innerText()).toBe('No transfer or purchase to submit');
    await show('Replenishment');
    await page.getByTestId('replenishment-run').click();
    await expect.poll(() => page.locator('[data-testid="proposals-grid"] .ag-row[row-index="4"]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    for (const index of [3, 4]) await page.locator(`[data-testid="proposals-grid"] .ag-row[row-index="${index}"] input[type="checkbox"]`).first().check();
    await page.getByTestId('replenishment-scenario').selectOption({ label: 'Rebalance north' });
    await page.getByTestId('replenishment-add').click();
    await expect.poll(() => page.getByTestId('replenishment-notice').innerText(), { timeout: 30_000 }).toContain('Added 2 proposals to "Rebalance north"');
    await show('Scenarios');
    // One of the two is a purchase the batch from the Replenishment screen already orders (and the
    // network cannot show yet): the button counts only the other, and says so.
    await expect.poll(() => page.getByTestId('submit-batch-button').innerText(), { timeout: 15_000 }).toBe('Submit batch (1 line)');
    expect(await page.getByTestId('scenario-already-submitted').innerText()).toBe('1 already submitted');
    await page.getByTestId('submit-batch-button').click();
    // It is left out, and the planner is told where it waits.
    await expect.poll(() => page.getByTestId('submit-batch-outcome').innerText(), { timeout: 30_000 }).toMatch(
      /^Batch submitted: 1 line .*\. Left out, already in a batch the network does not show yet: purchase \d+ × SKU-\d+ from .+ \(batch \w+, line \d, waiting\)\.$/,
    );
    await page.screenshot({ path: screenshotPath('e2e-approvals-scenario-submitted') });
    // Nothing is left to send: the button says so instead of offering a batch the services would refuse.
    await expect.poll(() => page.getByTestId('submit-batch-button').innerText(), { timeout: 15_000 }).toBe('All 2 already submitted');
    expect(await page.getByTestId('submit-batch-button').isDisabled()).toBe(true);
  });

  it('a supervisor sees why each line waits, approves one with a comment, then all eligible at once', async () => {
    await workAs('ben.ops');
    await page.getByTestId('tab-for-me').click();
    await expect.poll(() => page.getByTestId('approval-line').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const waiting = await page.getByTestId('approval-line').count();
    const first = page.getByTestId('approval-line').first();
    expect(await first.getByTestId('line-explanation').innerText()).toMatch(/^needs Regional Ops/);
    await first.click();
    expect(await page.getByTestId('line-detail').innerText()).toContain('Why it was proposed');
    await page.screenshot({ path: screenshotPath('e2e-approvals-inbox') });
    // The scenario's batch sends a transfer for a node × SKU a purchase of the first batch also
    // stocks: the supervisor sees the other order before deciding.
    const alsoOrdered = page.getByTestId('approval-line').filter({ hasText: 'Also ordered in another batch' });
    await expect.poll(() => alsoOrdered.count()).toBe(1);
    await alsoOrdered.click();
    expect(await page.getByTestId('also-ordered').innerText()).toMatch(/^Another batch already orders SKU-\d+ for FSL\d+, not yet in Odoo:\s+transfer \d+ from \w+, leaves .+ \(batch \w+, line 1, auto-approved\)$/);
    await page.screenshot({ path: screenshotPath('e2e-approvals-also-ordered') });
    await first.click();
    await page.getByTestId('decision-comment').fill('Checked with the DC: go ahead');
    await page.getByTestId('approve-line').click();
    await expect.poll(() => page.getByTestId('approvals-notice').innerText()).toMatch(/approved/);
    await expect.poll(() => page.getByTestId('approval-line').count()).toBe(waiting - 1);
    if (waiting > 1) {
      await page.getByTestId('bulk-comment').fill('Monday batch');
      await page.getByTestId('approve-all-eligible').click();
      await expect.poll(() => page.getByTestId('approvals-notice').innerText()).toMatch(/^\d+ lines? approved\./);
    }
    await expect.poll(() => page.getByTestId('approval-line').count()).toBe(0);
    await page.getByTestId('tab-settled').click();
    await expect.poll(async () => (await lineStates()).filter((state) => state === 'approved').length).toBeGreaterThan(0);
    expect((await lineStates()).every((state) => ['approved', 'auto-approved'].includes(state))).toBe(true);
    await page.getByTestId('approval-line').first().click();
    await page.screenshot({ path: screenshotPath('e2e-approvals-decided') });
  });

  it('the audit screen lists every step and shows the chain verified', async () => {
    await show('Audit');
    await expect.poll(() => page.getByTestId('audit-entry').count(), { timeout: 15_000 }).toBeGreaterThan(3);
    const kinds = await page.getByTestId('audit-entry').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['proposal-created', 'batch-submitted', 'decision-made', 'command-queued']));
    await page.getByTestId('audit-actor').fill('ben.ops');
    await expect.poll(async () => (await page.getByTestId('audit-entry').evaluateAll((rows) => rows.map((row) => row.children[3]?.textContent))).every((actor) => actor === 'ben.ops')).toBe(true);
    const all = kinds.length;
    await page.getByTestId('audit-actor').fill('');
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBe(all);
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verification').innerText()).toMatch(/^Verified The chain holds: \d+ entries/);
    await page.screenshot({ path: screenshotPath('e2e-audit-verified') });
  });

  it('a line proposed on the demo, waiting when the cache came to hold an Odoo network, says so and can be rejected, not approved', async () => {
    await workAs('anna.planner');
    await show('Replenishment');
    await page.getByTestId('replenishment-run').click();
    await page.getByTestId('replenishment-kind').selectOption('purchase');
    // A purchase no earlier batch holds: the first three went in the first batch.
    await expect.poll(() => page.locator('[data-testid="proposals-grid"] .ag-row[row-index="3"]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.locator('[data-testid="proposals-grid"] .ag-row[row-index="3"] input[type="checkbox"]').first().check();
    await expect.poll(() => page.getByTestId('submit-batch-button').innerText()).toBe('Submit batch (1 line)');
    await page.getByTestId('submit-batch-button').click();
    await expect.poll(() => page.getByTestId('submit-batch-outcome').innerText(), { timeout: 30_000 }).toMatch(/^Batch submitted: 1 line waits for approval/);

    // What the planner's first Odoo sync leaves in its cache (the sync itself is driven in odoo-sync.e2e).
    const db = new Database(join(data.path, 'cache.db'));
    try {
      db.prepare("UPDATE snapshot_meta SET source = 'odoo' WHERE id = 1").run();
      db.prepare("INSERT OR REPLACE INTO staging_source (id, url, database, since) VALUES (1, 'https://odoo.example.com', 'prod', '2026-11-27T08:00:00.000Z')").run();
    } finally {
      db.close();
    }

    await workAs('ben.ops');
    await page.getByTestId('tab-for-me').click();
    const line = page.getByTestId('approval-line').filter({ hasText: 'Proposed on another network' });
    await expect.poll(() => line.count(), { timeout: 15_000 }).toBe(1);
    await line.click();
    expect(await page.getByTestId('other-network').innerText()).toBe(
      'Proposed on the demo network, and the planner now holds the network of https://odoo.example.com (database prod). Nothing of the demo is sent to Odoo, so approving it would send nothing: reject it, and propose it again on this network.',
    );
    expect(await page.getByTestId('approve-line').isDisabled()).toBe(true);
    expect(await page.getByTestId('approve-all-eligible').isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('e2e-approvals-other-network') });
    await page.getByTestId('reject-line').click();
    await expect.poll(() => page.getByTestId('approvals-notice').innerText()).toMatch(/rejected/);
    await expect.poll(() => page.getByTestId('approval-line').count()).toBe(0);
  });
});
