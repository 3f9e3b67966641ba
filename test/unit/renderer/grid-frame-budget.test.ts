import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../../scripts/build-if-stale.mjs';
import { GRID_FRAME_BUDGET_MS, withFrameBudget } from '../../../scripts/ag-grid-frame-budget';

// AG Grid builds the rows a scroll brings into view for up to 60 ms per animation frame, which made
// every jump through the Stock grid a main-thread task of 55–70 ms (bench:startup). The renderer
// build gives it one 60 Hz frame instead; these tests hold the build to that.

const agGridModule = join(process.cwd(), 'node_modules', 'ag-grid-community', 'dist', 'package', 'main.esm.mjs');

describe('AG Grid frame budget', () => {
  beforeAll(() => buildIfStale({ quiet: true }), 180_000);

  it('rewrites the installed AG Grid to build rows for one 60 Hz frame at a time', () => {
    const source = readFileSync(agGridModule, 'utf8');
    expect(source).toContain('executeFrame.bind(this, 60)');
    const patched = withFrameBudget(source, GRID_FRAME_BUDGET_MS);
    expect(GRID_FRAME_BUDGET_MS).toBeLessThanOrEqual(16);
    expect(patched).toContain(`executeFrame.bind(this, ${GRID_FRAME_BUDGET_MS})`);
    expect(patched).not.toContain('executeFrame.bind(this, 60)');
    expect(patched.length).toBe(source.length - 2 + String(GRID_FRAME_BUDGET_MS).length);
  });

  it('refuses an AG Grid whose frame request has changed, saying what to check', () => {
    expect(() => withFrameBudget('requestFrame() { this.executeFrame(60); }', 16)).toThrow(/found 0 times \(expected once\).*scripts\/ag-grid-frame-budget\.ts/);
    expect(() => withFrameBudget('executeFrame.bind(this, 60); executeFrame.bind(this, 60)', 16)).toThrow(/found 2 times/);
  });

  it('is in the renderer bundle the planner serves', () => {
    const assets = join(process.cwd(), 'out', 'renderer', 'assets');
    const bundles = readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(assets, name), 'utf8'))
      .filter((code) => code.includes('executeFrame.bind(this,'));
    expect(bundles).toHaveLength(1);
    expect(bundles[0]).toMatch(new RegExp(`executeFrame\\.bind\\(this, ?${GRID_FRAME_BUDGET_MS}\\)`));
  });
});
