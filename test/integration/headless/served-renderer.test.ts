import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRID_FRAME_BUDGET_MS } from '../../../scripts/ag-grid-rewrites';

// The headless host and the desktop window serve out/renderer, which this suite's global setup
// builds. AG Grid in it must carry both rewrites of scripts/ag-grid-rewrites.ts, or paging the
// Stock grid's 200,000 rows blocks the screen for 50-90 ms at a time again (bench:startup).

const renderer = join(process.cwd(), 'out', 'renderer');
const AG_GRID = 'executeFrame.bind(this,';

function bundleWithAgGrid(): string {
  const assets = join(renderer, 'assets');
  const withAgGrid = readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(assets, name), 'utf8'))
    .filter((code) => code.includes(AG_GRID));
  expect(withAgGrid).toHaveLength(1);
  return withAgGrid[0] ?? '';
}

describe('the renderer bundle the planner serves', () => {
  it('lets AG Grid build rows for one 60 Hz frame at a time, not 60 ms', () => {
    const bundle = bundleWithAgGrid();
    expect(bundle).toMatch(new RegExp(`executeFrame\\.bind\\(this, ?${GRID_FRAME_BUDGET_MS}\\)`));
    expect(bundle).not.toMatch(/executeFrame\.bind\(this, ?60\)/);
  });

  it('keeps rows waiting for their data while another block arrives', () => {
    // A waiting row stays while its node is alive at the same index (minified, so matched by shape).
    expect(bundleWithAgGrid()).toMatch(/\.rowNode\.destroyed&&\w+\.rowNode\.rowIndex===Number\(/);
  });

  it('starts with the first screen only: AG Grid and the chart library come with the screens that use them', () => {
    // What the page loads before it can show anything: its entry script and the modules preloaded with it.
    const html = readFileSync(join(renderer, 'index.html'), 'utf8');
    const atStart = [...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\.\/([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(atStart.length).toBeGreaterThanOrEqual(1);
    const code = atStart.map((file) => readFileSync(join(renderer, file), 'utf8'));
    expect(code.filter((text) => text.includes(AG_GRID))).toEqual([]);
    expect(code.filter((text) => text.includes('echarts'))).toEqual([]);
  });
});
