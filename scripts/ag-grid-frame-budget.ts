import type { Plugin } from 'vite';

/**
 * How long AG Grid may build rows and cells in one animation frame after a scroll, in ms.
 *
 * AG Grid queues the rows a scroll brings into view and builds them in animation frames, but it
 * lets each frame run for up to 60 ms of that work (a constant in its AnimationFrameService, with
 * no grid option for it). The browser then styles, lays out and paints those rows in the same
 * task, so a jump through the Stock grid's 200,000 rows made 55–70 ms main-thread tasks, and
 * nothing else (a click, a key) could run meanwhile. One 60 Hz frame's worth of building per frame
 * keeps every task under 50 ms; the rows still appear within a few frames.
 */
export const GRID_FRAME_BUDGET_MS = 16;

const FRAME_REQUEST = 'executeFrame.bind(this, 60)';

/** AG Grid's ES module build, the one Vite bundles into the renderer. */
const AG_GRID_MODULE = /[\\/]ag-grid-community[\\/]dist[\\/]package[\\/]main\.esm\.mjs$/;

/** Rewrites AG Grid's per-frame budget; refuses, naming what it looked for, when the code has changed. */
export function withFrameBudget(agGridSource: string, budgetMs: number): string {
  const found = agGridSource.split(FRAME_REQUEST).length - 1;
  if (found !== 1) {
    throw new Error(
      `AG Grid's animation frame request "${FRAME_REQUEST}" was found ${found} times (expected once): ` +
        'AG Grid has changed, so check how it budgets row building per frame before updating scripts/ag-grid-frame-budget.ts',
    );
  }
  return agGridSource.replace(FRAME_REQUEST, `executeFrame.bind(this, ${budgetMs})`);
}

/** A Vite plugin for the renderer build that applies `withFrameBudget` and fails the build if AG Grid was bundled without it. */
export function agGridFrameBudget(budgetMs = GRID_FRAME_BUDGET_MS): Plugin {
  let patched = false;
  return {
    name: 'planner:ag-grid-frame-budget',
    transform(code, id) {
      if (!AG_GRID_MODULE.test(id)) return null;
      patched = true;
      return { code: withFrameBudget(code, budgetMs), map: null };
    },
    generateBundle() {
      if (!patched) this.error(`the renderer was bundled without passing AG Grid's ES module through the frame budget (${AG_GRID_MODULE.source})`);
    },
  };
}
