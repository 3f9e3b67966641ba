import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain';
import { enqueueApproved } from '../../electron/services/outbox';
import { openDatabase } from '../../electron/services/store';
import { transferProposal, purchaseProposal } from '../integration/outbox/outbox-fixture';
import { launchChromium, screenshotPath } from '../support/browser';
import { startHeadlessPlanner, type HeadlessProcess } from '../support/headless-process';
import { demoProfile } from '../support/planner-fixture';
import { makeTempDir } from '../support/temp-dir';

describe('the Outbox screen, end to end: approved work pushed to the Odoo stand-in', () => {
  const data = makeTempDir('e2e-outbox');
  let host: HeadlessProcess;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let shortBy = { node: '', sku: '', free: 0 };

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

  it('shows approved lines reaching Odoo, a batch notice, and the connection in the status bar', async () => {
    await page.goto(host.url);
    await expect.poll(() => page.getByTestId('reconciliation').innerText().catch(() => ''), { timeout: 90_000 }).toMatch(/Every node reconciles with Odoo/);
    await expect.poll(() => page.getByTestId('odoo-connection').innerText().catch(() => ''), { timeout: 30_000 }).toContain('Odoo reachable');

    // What the approvals half does when a supervisor approves: enqueue in the planner's own cache.
    const { db } = openDatabase(join(data.path, 'cache.db'));
    try {
      const meta = db.prepare('SELECT day_zero FROM snapshot_meta').get() as { day_zero: string };
      const free = db.prepare('SELECT node_id, sku_id, on_hand - reserved AS free FROM stock_positions WHERE on_hand - reserved >= 3 ORDER BY node_id, sku_id LIMIT 2').all() as { node_id: string; sku_id: string; free: number }[];
      const nodes = (db.prepare('SELECT id FROM nodes ORDER BY id').pluck().all() as string[]);
      const option = db.prepare('SELECT id, sku_id, supplier FROM supplier_options ORDER BY id LIMIT 1').get() as { id: string; sku_id: string; supplier: string };
      const [covered, short] = free as [{ node_id: string; sku_id: string; free: number }, { node_id: string; sku_id: string; free: number }];
      const other = (node: string): string => nodes.find((id) => id !== node) as string;
      shortBy = { node: short.node_id, sku: short.sku_id, free: short.free };
      const purchase = { ...purchaseProposal('e2e-buy', nodes[0] as string, option.sku_id, option.supplier, 4, meta.day_zero), supplierOptionId: option.id };
      const profile = demoProfile();
      db.transaction(() => {
        enqueueApproved(db, { batchId: 'E2E-1', actor: 'supervisor', lines: [{ lineId: 'move', proposal: transferProposal('e2e-move', covered.node_id, other(covered.node_id), covered.sku_id, 2, meta.day_zero) }, { lineId: 'buy', proposal: purchase }] }, { profile });
        enqueueApproved(db, { batchId: 'E2E-2', actor: 'supervisor', lines: [{ lineId: 'too-much', proposal: { ...transferProposal('e2e-short', short.node_id, other(short.node_id), short.sku_id, short.free + 50, meta.day_zero), arrivalDate: addDays(meta.day_zero, 4) } }] }, { profile });
      })();
    } finally {
      db.close();
    }

    await page.getByRole('button', { name: 'Outbox' }).click();
    await expect.poll(() => page.getByTestId('count-done').innerText(), { timeout: 30_000 }).toMatch(/^2\s/);
    await expect.poll(() => page.getByTestId('count-needs-replanning').innerText(), { timeout: 30_000 }).toMatch(/^1\s/);
    await expect.poll(() => page.getByTestId('batch-in-odoo').innerText().catch(() => ''), { timeout: 30_000 }).toMatch(/Batch E2E-1 is fully in Odoo: 2 commands — .*\/INT\/\d+.*P\d+|Batch E2E-1 is fully in Odoo: 2 commands — .*P\d+.*\/INT\/\d+/);
    await page.screenshot({ path: screenshotPath('e2e-outbox') });
  });

  it('sends a line the source cannot cover back with both numbers; editing the quantity pushes it', async () => {
    await page.getByTestId('count-needs-replanning').click();
    await page.getByTestId('outbox-row').first().click();
    await expect.poll(() => page.getByTestId('detail-replan').innerText()).toContain(`${shortBy.node} has ${shortBy.free} of ${shortBy.sku} free in Odoo; the line needs ${shortBy.free + 50}`);
    await page.getByTestId('outbox-detail').locator('input[type="number"]').fill(String(shortBy.free));
    await page.getByRole('button', { name: 'Save and push' }).click();
    await expect.poll(() => page.getByTestId('detail-status').innerText(), { timeout: 30_000 }).toBe('In Odoo');
    await expect.poll(() => page.getByTestId('detail-history').innerText()).toMatch(/edited.*\n?.*pushed/s);
    await expect.poll(() => page.getByTestId('detail-records').innerText()).toMatch(/\/INT\/\d+ \(assigned\)/);
  });

  it('pauses and resumes pushing, and the status bar says so', async () => {
    await page.getByTestId('outbox-pause').click();
    await expect.poll(() => page.getByTestId('odoo-connection').innerText(), { timeout: 15_000 }).toContain('Outbox paused');
    await page.getByTestId('outbox-pause').click();
    await expect.poll(() => page.getByTestId('odoo-connection').innerText(), { timeout: 15_000 }).toContain('Odoo reachable');
  });

  it('puts a submitted batch in Odoo for other desktops, and fetching skips what this desktop made', async () => {
    // Odoo identified this login (has_group), so the planner may submit.
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect.poll(() => page.getByTestId('current-user').innerText().catch(() => ''), { timeout: 30_000 }).toContain('(planner)');
    await page.getByRole('button', { name: 'Replenishment', exact: true }).click();
    await page.getByTestId('replenishment-run').click();
    await expect.poll(() => page.locator('[data-testid="proposals-grid"] .ag-row[row-index="0"]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await page.locator('[data-testid="proposals-grid"] .ag-row[row-index="0"] input[type="checkbox"]').first().check();
    await page.getByTestId('submit-batch-button').click();
    await expect.poll(() => page.getByTestId('submit-batch-outcome').innerText(), { timeout: 30_000 }).toMatch(/^Batch submitted: /);
    await page.getByRole('button', { name: 'Approvals', exact: true }).click();
    await page.getByTestId('publish-batch').first().click();
    await expect.poll(() => page.getByTestId('exchange-status').innerText(), { timeout: 30_000 }).toMatch(/It is in Odoo: other desktops fetch it from there\.$/);
    await page.getByTestId('fetch-from-odoo').click();
    await expect.poll(() => page.getByTestId('exchange-status').innerText(), { timeout: 30_000 }).toBe('Odoo holds no exchange file this desktop has not seen.');
    await page.screenshot({ path: screenshotPath('e2e-exchange-through-odoo') });
  });
});
