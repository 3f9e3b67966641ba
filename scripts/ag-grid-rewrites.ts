import type { Plugin } from 'vite';
import { AG_GRID_CLASSES } from '../renderer/src/components/ag-grid-dom';

/**
 * Two rewrites of AG Grid's ES module for the renderer build, so that paging through the Stock
 * grid's 200,000 rows never holds the main thread for 50 ms (issue 2, bench:startup). Neither has
 * a grid option. Each replaces one exact piece of AG Grid's code and the build fails, naming this
 * file, when that code is not there exactly once: an AG Grid upgrade must look at them again.
 */

/** How long AG Grid may build rows and cells in one animation frame after a scroll, in ms. */
export const GRID_FRAME_BUDGET_MS = 16;

export interface AgGridRewrite {
  readonly name: string;
  readonly original: string;
  readonly replacement: string;
}

export const AG_GRID_REWRITES: readonly AgGridRewrite[] = [
  {
    // AG Grid builds the rows a scroll brings into view in animation frames, but lets each frame
    // run up to 60 ms of that work, and the browser styles, lays out and paints them in the same
    // task: a jump made 55-70 ms tasks. One 60 Hz frame of building per frame; the rows still
    // appear within a few frames.
    name: 'frame budget',
    original: 'const callback = this.executeFrame.bind(this, 60);',
    replacement: `const callback = this.executeFrame.bind(this, ${GRID_FRAME_BUDGET_MS});`,
  },
  {
    // When a block of rows arrives, AG Grid throws away every row on screen still waiting for its
    // block (a row without data has no id to be kept by) and builds them again, empty, in that
    // same task: with 10-row blocks each arrival rebuilt the whole screen, 13-40 ms of script.
    // A waiting row whose node is still the model's node at that index (not destroyed by a
    // reset, not replaced by the block that loaded) is kept where it is instead.
    name: 'keep waiting rows',
    original: `  getRowsToRecycle() {
    const stubNodeIndexes = [];
    for (const index of Object.keys(this.rowCtrlsByRowIndex)) {
      const rowCtrl = this.rowCtrlsByRowIndex[index];
      const stubNode = rowCtrl.rowNode.id == null;
      if (stubNode) {
        stubNodeIndexes.push(index);
      }
    }
    this.removeRowCtrls(stubNodeIndexes);
    const ctrlsByIdMap = {};
    for (const rowCtrl of Object.values(this.rowCtrlsByRowIndex)) {
      const rowNode = rowCtrl.rowNode;
      ctrlsByIdMap[rowNode.id] = rowCtrl;
    }
    this.rowCtrlsByRowIndex = {};
    return ctrlsByIdMap;
  }`,
    replacement: `  getRowsToRecycle() {
    const stubNodeIndexes = [];
    const waitingRows = {};
    for (const index of Object.keys(this.rowCtrlsByRowIndex)) {
      const rowCtrl = this.rowCtrlsByRowIndex[index];
      const stubNode = rowCtrl.rowNode.id == null;
      if (stubNode) {
        if (!rowCtrl.rowNode.destroyed && rowCtrl.rowNode.rowIndex === Number(index)) {
          waitingRows[index] = rowCtrl;
        } else {
          stubNodeIndexes.push(index);
        }
      }
    }
    this.removeRowCtrls(stubNodeIndexes);
    const ctrlsByIdMap = {};
    for (const [index, rowCtrl] of Object.entries(this.rowCtrlsByRowIndex)) {
      if (waitingRows[index]) {
        continue;
      }
      const rowNode = rowCtrl.rowNode;
      ctrlsByIdMap[rowNode.id] = rowCtrl;
    }
    this.rowCtrlsByRowIndex = waitingRows;
    return ctrlsByIdMap;
  }`,
  },
];

/** AG Grid's ES module build, the one Vite bundles into the renderer. */
const AG_GRID_MODULE = /[\\/]ag-grid-community[\\/]dist[\\/]package[\\/]main\.esm\.mjs$/;

/** Applies every rewrite; refuses, naming the rewrite, when its code is not found exactly once. */
export function rewriteAgGrid(agGridSource: string, rewrites: readonly AgGridRewrite[] = AG_GRID_REWRITES): string {
  let source = agGridSource;
  for (const rewrite of rewrites) {
    const found = source.split(rewrite.original).length - 1;
    if (found !== 1) {
      throw new Error(
        `AG Grid rewrite "${rewrite.name}": its code was found ${found} times in AG Grid (expected once). ` +
          'AG Grid has changed: check what the rewrite is for in scripts/ag-grid-rewrites.ts before updating it',
      );
    }
    source = source.replace(rewrite.original, () => rewrite.replacement);
  }
  return source;
}

/**
 * Refuses an AG Grid whose code no longer sets a class name LargeGrid finds elements by: the grid
 * would still render, but a new sort would open where the planner had scrolled to, not at the top.
 */
export function checkAgGridClasses(agGridSource: string, classes: Readonly<Record<string, string>> = AG_GRID_CLASSES): void {
  const missing = Object.entries(classes).filter(([, name]) => !agGridSource.includes(`"${name}"`));
  if (missing.length > 0) {
    throw new Error(
      `AG Grid no longer sets the class ${missing.map(([role, name]) => `"${name}" (${role})`).join(', ')}. ` +
        'LargeGrid finds elements by it: check renderer/src/components/ag-grid-dom.ts against the new AG Grid',
    );
  }
}

/** A Vite plugin for the renderer build that applies `rewriteAgGrid`, and fails the build if AG Grid was bundled without it. */
export function agGridRewrites(): Plugin {
  let rewritten = false;
  return {
    name: 'planner:ag-grid-rewrites',
    transform(code, id) {
      if (!AG_GRID_MODULE.test(id)) return null;
      rewritten = true;
      checkAgGridClasses(code);
      return { code: rewriteAgGrid(code), map: null };
    },
    generateBundle() {
      if (!rewritten) this.error(`the renderer was bundled without passing AG Grid's ES module through its rewrites (${AG_GRID_MODULE.source})`);
    },
  };
}
