import type { Locator, Page } from 'playwright-core';
import { AG_GRID_CLASSES } from '../../renderer/src/components/ag-grid-dom';

/** The Stock grid's scrolling viewport (AG Grid's), for tests and benchmarks that scroll it. */
export function stockViewport(page: Page): Locator {
  return page.locator(`[data-testid="stock-screen"] .${AG_GRID_CLASSES.rowsViewport}`).first();
}

/** The Stock rows built on screen, top to bottom: position and id (null while waiting for data). */
export async function stockRowsOnScreen(page: Page): Promise<{ index: number; id: string | null }[]> {
  const rows = await page.locator('[data-testid="stock-screen"] .ag-row').evaluateAll((elements) => elements.map((row) => ({ index: Number(row.getAttribute('row-index')), id: row.getAttribute('row-id') })));
  return rows.sort((a, b) => a.index - b.index);
}
