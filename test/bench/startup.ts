// `npm run bench:startup`: from launching the headless host to the first Stock rows on screen,
// for the default demo and for 25 × 20,000; and the longest main-thread task while the Stock grid
// loads and scrolls 200,000 rows. Figures, not assertions: this machine is shared and noisy.
import { spawn } from 'node:child_process';
import type { Page } from 'playwright-core';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';
import { launchChromium } from '../support/browser';
import { stockViewport } from '../support/stock-grid';
import { makeTempDir } from '../support/temp-dir';
import { figure, reportFigures, type Figure } from './bench-results';

interface Launched {
  url: string;
  stop(): Promise<void>;
}

function launchHost(dataDir: string, nodes: number, skus: number): Promise<Launched> {
  const child = spawn(process.execPath, ['out/main/headless.js', '--demo-nodes', String(nodes), '--demo-skus', String(skus)], {
    env: { ...process.env, PLANNER_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /Open the planner at: (\S+)/.exec(text);
      if (match?.[1]) {
        const url = match[1];
        resolve({
          url,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${text}`)));
  });
}

/** Milliseconds from launch to each step, so a slow start says where its time went. */
type Steps = Record<'host ready' | 'page loaded' | 'navigation shown' | 'stock shown' | 'first rows', number>;

async function firstStockRows(page: Page, url: string, mark: (step: keyof Steps) => void): Promise<void> {
  await page.goto(url);
  mark('page loaded');
  const stock = page.getByRole('button', { name: 'Stock', exact: true });
  await stock.waitFor();
  mark('navigation shown');
  await stock.click();
  mark('stock shown');
  await page.locator('.ag-row[row-index="0"] .ag-cell[col-id="skuCode"]').filter({ hasText: /SKU-/ }).first().waitFor({ timeout: 120_000 });
  mark('first rows');
}

async function timeToFirstRows(nodes: number, skus: number, page: Page): Promise<{ cold: number; warm: number }> {
  const data = makeTempDir('bench-startup');
  try {
    const measure = async (): Promise<number> => {
      const started = performance.now();
      const steps: Partial<Steps> = {};
      const mark = (step: keyof Steps): void => void (steps[step] = Math.round(performance.now() - started));
      const host = await launchHost(data.path, nodes, skus);
      mark('host ready');
      await firstStockRows(page, host.url, mark);
      const elapsed = (performance.now() - started) / 1000;
      console.log(`  ${nodes} × ${skus}: ${Object.entries(steps).map(([step, ms]) => `${step} ${ms} ms`).join(', ')}`);
      await page.goto('about:blank');
      await host.stop();
      return elapsed;
    };
    const cold = await measure(); // empty data directory: generate, store and project the demo
    const warm = await measure(); // the cache is there: read and project it
    return { cold, warm };
  } finally {
    data.remove();
  }
}

interface LongTasks {
  /** From the page's start until the Stock grid has been built in the background and filled. */
  startLongest: number;
  /** While the Stock grid shows, loads and scrolls its 200,000 rows. */
  longest: number;
  count: number;
  rows: number;
}

async function longestTaskWhileScrolling(page: Page): Promise<LongTasks> {
  const data = makeTempDir('bench-longtask');
  const host = await launchHost(data.path, 10, 20_000);
  try {
    await page.addInitScript(() => {
      const state = window as unknown as { longTasks: number[] };
      state.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) state.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(host.url);
    await page.getByTestId('node-card').first().waitFor({ timeout: 120_000 });
    // The Stock grid is built while the planner reads the Network screen; wait for it to be there.
    await page.locator('[data-testid="stock-screen"] .ag-row[row-index="0"] .ag-cell[col-id="skuCode"]').filter({ hasText: /SKU-/ }).first().waitFor({ state: 'attached', timeout: 120_000 });
    await page.waitForTimeout(500);
    const startTasks = await page.evaluate(() => {
      const state = window as unknown as { longTasks: number[] };
      const seen = state.longTasks;
      state.longTasks = [];
      return seen;
    });
    await page.getByRole('button', { name: 'Stock', exact: true }).click();
    await page.locator('.ag-row[row-index="0"] .ag-cell[col-id="skuCode"]').filter({ hasText: /SKU-/ }).first().waitFor({ timeout: 120_000 });
    const rows = Number((await page.getByTestId('stock-total').innerText()).replace(/[^0-9]/g, ''));
    const viewport = stockViewport(page);
    // Scroll like a planner: wheel through, drag to the middle, jump to the end, sort, scroll back.
    await viewport.hover();
    for (let step = 0; step < 60; step++) {
      await page.mouse.wheel(0, 240);
      await page.waitForTimeout(30);
    }
    for (const fraction of [0.5, 0.25, 0.99, 0.75, 0.1, 1]) {
      await viewport.evaluate((element, f) => (element.scrollTop = element.scrollHeight * f), fraction);
      await page.waitForTimeout(250);
    }
    await page.locator('.ag-header-cell[col-id="onHand"] .ag-header-cell-label').click();
    await page.waitForTimeout(1500);
    for (let step = 0; step < 20; step++) {
      await viewport.evaluate((element, y) => (element.scrollTop = y), step * 30_000);
      await page.waitForTimeout(60);
    }
    await page.waitForTimeout(500);
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    return { startLongest: startTasks.length === 0 ? 0 : Math.max(...startTasks), longest: tasks.length === 0 ? 0 : Math.max(...tasks), count: tasks.length, rows };
  } finally {
    await host.stop();
    data.remove();
  }
}

async function main(): Promise<void> {
  buildIfStale({ quiet: true });
  const browser = await launchChromium();
  try {
    // One tab at a time in front, as a planner has it: a tab behind another gets its timers
    // throttled to once a second, which would measure Chromium's throttling, not the planner.
    const page = await browser.context.newPage();
    // The first launch on a machine also pays for cold disk caches (Node modules, Chromium, the
    // renderer bundle): printed on its own, then every figure with a goal is measured after it.
    const firstLaunch = await timeToFirstRows(10, 2000, page);
    const small = await timeToFirstRows(10, 2000, page);
    const large = await timeToFirstRows(25, 20_000, page);
    await page.close();
    const scrollPage = await browser.context.newPage();
    const scrolling = await longestTaskWhileScrolling(scrollPage);
    const figures: Record<string, Figure> = {
      'first_launch_on_this_machine_default_demo_s': figure(firstLaunch.cold, null, 's'),
      'first_stock_rows_default_demo_cold_s': figure(small.cold, 3, 's'),
      'first_stock_rows_default_demo_warm_s': figure(small.warm, 3, 's'),
      'first_stock_rows_25x20000_cold_s': figure(large.cold, 8, 's'),
      'first_stock_rows_25x20000_warm_s': figure(large.warm, 8, 's'),
      'longest_main_thread_task_200k_rows_ms': figure(scrolling.longest, 50, 'ms'),
      'longest_main_thread_task_app_start_incl_stock_grid_build_ms': figure(scrolling.startLongest, null, 'ms'),
      'main_thread_tasks_over_50ms_200k_rows': figure(scrolling.count, 0, 'tasks'),
    };
    reportFigures('startup', figures, { rowsInGrid: scrolling.rows, cold: 'empty data directory (generate + store + project), after one throwaway launch that warms disk caches', warm: 'second start on the same cache' });
  } finally {
    await browser.close();
  }
}

await main();
