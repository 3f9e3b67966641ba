import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../../scripts/build-if-stale.mjs';
import { AG_GRID_REWRITES, GRID_FRAME_BUDGET_MS, rewriteAgGrid } from '../../../scripts/ag-grid-rewrites';

// The renderer build rewrites two pieces of AG Grid so that paging through the Stock grid's
// 200,000 rows keeps every main-thread task under 50 ms (bench:startup). These tests hold the
// installed AG Grid and the bundle the planner serves to them; the end-to-end suite checks that
// the grid still ends up showing the services' rows after fast jumps.

const agGridModule = join(process.cwd(), 'node_modules', 'ag-grid-community', 'dist', 'package', 'main.esm.mjs');

function servedBundle(): string {
  const assets = join(process.cwd(), 'out', 'renderer', 'assets');
  const withAgGrid = readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(assets, name), 'utf8'))
    .filter((code) => code.includes('executeFrame.bind(this,'));
  expect(withAgGrid).toHaveLength(1);
  return withAgGrid[0] ?? '';
}

describe('AG Grid rewrites in the renderer build', () => {
  beforeAll(() => buildIfStale({ quiet: true }), 180_000);

  it('apply once each to the installed AG Grid', () => {
    const source = readFileSync(agGridModule, 'utf8');
    const rewritten = rewriteAgGrid(source);
    for (const rewrite of AG_GRID_REWRITES) {
      expect(source.split(rewrite.original)).toHaveLength(2);
      expect(rewritten).not.toContain(rewrite.original);
      expect(rewritten.split(rewrite.replacement)).toHaveLength(2);
    }
    expect(GRID_FRAME_BUDGET_MS).toBeLessThanOrEqual(16);
  });

  it('refuse an AG Grid whose code has changed, naming the rewrite and what to check', () => {
    const frameBudget = AG_GRID_REWRITES.filter((rewrite) => rewrite.name === 'frame budget');
    expect(() => rewriteAgGrid('requestFrame() { this.executeFrame(60); }', frameBudget)).toThrow(/rewrite "frame budget": its code was found 0 times .*scripts\/ag-grid-rewrites\.ts/);
    const twice = `${frameBudget[0]?.original ?? ''}\n${frameBudget[0]?.original ?? ''}`;
    expect(() => rewriteAgGrid(twice, frameBudget)).toThrow(/found 2 times/);
    const source = readFileSync(agGridModule, 'utf8');
    const withoutRecycling = source.replace('  getRowsToRecycle() {', '  rowsToRecycle() {');
    expect(() => rewriteAgGrid(withoutRecycling)).toThrow(/rewrite "keep waiting rows": its code was found 0 times/);
  });

  it('are in the renderer bundle the planner serves', () => {
    const bundle = servedBundle();
    expect(bundle).toMatch(new RegExp(`executeFrame\\.bind\\(this, ?${GRID_FRAME_BUDGET_MS}\\)`));
    expect(bundle).not.toMatch(/executeFrame\.bind\(this, ?60\)/);
    // The kept waiting rows: a row without data stays while its node is alive at the same index.
    expect(bundle).toMatch(/\.rowNode\.destroyed&&\w+\.rowNode\.rowIndex===Number\(/);
  });
});
