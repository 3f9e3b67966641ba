import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AG_GRID_REWRITES, checkAgGridClasses, GRID_FRAME_BUDGET_MS, rewriteAgGrid } from '../../../scripts/ag-grid-rewrites';
import { AG_GRID_CLASSES } from '../../../renderer/src/components/ag-grid-dom';

// The renderer build rewrites two pieces of AG Grid so that paging through the Stock grid's
// 200,000 rows keeps every main-thread task under 50 ms (bench:startup). These tests hold the
// installed AG Grid to them; test/integration/headless/served-renderer.test.ts checks the bundle the
// planner serves, and the end-to-end suite that the grid still shows the services' rows after fast jumps.

const agGridModule = join(process.cwd(), 'node_modules', 'ag-grid-community', 'dist', 'package', 'main.esm.mjs');

describe('AG Grid rewrites in the renderer build', () => {
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

  it('hold the installed AG Grid to the class names LargeGrid finds its scrollers and sortable headers by', () => {
    const source = readFileSync(agGridModule, 'utf8');
    expect(() => checkAgGridClasses(source)).not.toThrow();
    const renamed = source.replaceAll(`"${AG_GRID_CLASSES.verticalScrollbar}"`, '"ag-body-vertical-scrollbar-viewport"');
    expect(() => checkAgGridClasses(renamed)).toThrow(/no longer sets the class "ag-body-vertical-scroll-viewport" \(verticalScrollbar\).*ag-grid-dom\.ts/);
  });
});
