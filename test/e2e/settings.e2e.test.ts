import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from '../support/browser';
import { startHeadlessPlanner, type HeadlessProcess } from '../support/headless-process';
import { makeTempDir } from '../support/temp-dir';

const API_KEY = 'e2e-key-3c5e7a9b1d2f4a6c8e0b2d4f';

describe('the Settings screen, end to end in Chromium', () => {
  const data = makeTempDir('e2e-settings');
  const keys = makeTempDir('e2e-settings-keys');
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

  const openSettings = async (): Promise<void> => {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await expect.poll(() => page.getByTestId('settings-region').innerText(), { timeout: 15_000 }).toBe('Demo region (demo)');
  };

  it("shows the region's built-in Odoo connection, and says what is missing before it can be used", async () => {
    await page.goto(host.url);
    await expect.poll(() => page.getByTestId('node-card').count(), { timeout: 30_000 }).toBe(4);
    await openSettings();
    expect(await page.getByTestId('embedded-odoo').innerText()).toContain('http://127.0.0.1:8069 · database planner-demo');
    expect(await page.getByTestId('odoo-in-use').innerText()).toContain('The region’s');
    await page.getByTestId('test-connection').click();
    await expect.poll(() => page.getByTestId('connection-check').innerText()).toContain('No Odoo connection is set up yet: enter the Odoo address, database, login and API key in Settings.');
  });

  it('hides costs everywhere once a user without cost visibility is chosen', async () => {
    await openSettings();
    await page.getByTestId('demo-user').selectOption('dev.viewer');
    await expect.poll(() => page.getByTestId('sees-costs').innerText()).toContain('Hidden');
    await page.getByRole('button', { name: 'Network', exact: true }).click();
    await expect.poll(() => page.getByTestId('total-value-at-risk').innerText(), { timeout: 15_000 }).toBe('Hidden');
    expect(await page.locator('[data-figure="var"]').allInnerTexts()).toEqual(['Hidden', 'Hidden', 'Hidden', 'Hidden']);
    await page.screenshot({ path: screenshotPath('e2e-network-costs-hidden') });
    await openSettings();
    await page.getByTestId('demo-user').selectOption('anna.planner');
    await expect.poll(() => page.getByTestId('sees-costs').innerText()).toBe('Shown');
  });

  it('changes the Odoo server only after a confirmation that says it is audited, then warns on every screen', async () => {
    await openSettings();
    await page.getByTestId('change-odoo').click();
    await page.getByTestId('odoo-url').fill('https://odoo.staging.example');
    await page.getByTestId('odoo-database').fill('planner-staging');
    await page.getByTestId('odoo-reason').fill('trying staging');
    await page.getByTestId('review-odoo-change').click();
    const confirm = page.getByTestId('confirm-odoo-change');
    expect(await confirm.innerText()).toContain('not the region’s own server http://127.0.0.1:8069');
    expect(await confirm.innerText()).toContain('recorded in the audit log');
    await page.screenshot({ path: screenshotPath('e2e-settings-confirm-odoo-change') });
    await page.getByTestId('confirm-odoo').click();
    await expect.poll(() => page.getByTestId('odoo-in-use').innerText()).toContain('https://odoo.staging.example · database planner-staging');
    expect(await page.getByTestId('odoo-in-use').innerText()).toContain('Changed in Settings');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'not http://127.0.0.1:8069 (planner-demo), the one built in for Demo region' }).count()).toBe(1);
    expect(await page.getByTestId('recent-changes').innerText()).toContain('Odoo connection changed from http://127.0.0.1:8069 (database planner-demo) to https://odoo.staging.example (database planner-staging): trying staging');
  });

  it('stores the API key write-only: the field empties and the page only says a key is stored', async () => {
    await openSettings();
    await page.getByTestId('api-key-input').fill(API_KEY);
    await page.getByTestId('save-api-key').click();
    await expect.poll(() => page.getByTestId('api-key-status').innerText()).toContain('A key is stored.');
    expect(await page.getByTestId('api-key-input').inputValue()).toBe('');
    expect(await page.content()).not.toContain(API_KEY);
    await page.screenshot({ path: screenshotPath('e2e-settings') });
  });
});
