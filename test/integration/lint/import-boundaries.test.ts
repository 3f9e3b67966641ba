import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

describe('where code may run is enforced by lint', () => {
  it('fails shared/ code that imports Node', async () => {
    expect(await problems('shared/engine/bad.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*shared\/ is pure TypeScript/),
    ]);
    expect(await problems('shared/engine/bad.ts', "import path from 'path';\nexport const p = path;\n")).toHaveLength(1);
  });

  it('fails shared/ code that imports Electron or touches the DOM or Node globals', async () => {
    expect(await problems('shared/domain/bad.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await problems('shared/domain/bad.ts', 'export const title = () => document.title;\n')).toEqual([expect.stringMatching(/^no-restricted-globals/)]);
    expect(await problems('shared/domain/bad.ts', 'export const env = () => process.env.HOME;\n')).toEqual([expect.stringMatching(/^no-restricted-globals/)]);
  });

  it('fails renderer/ code that imports electron/ or Electron itself', async () => {
    expect(await problems('renderer/src/bad.ts', "import { openDatabase } from '../../electron/services/store';\nexport const o = openDatabase;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*renderer\/ never imports electron\//),
    ]);
    expect(await problems('renderer/src/bad.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n")).toHaveLength(1);
  });

  it('keeps the Odoo stand-in away from our own engine and IPC', async () => {
    expect(await problems('tools/odoo-sim/bad.ts', "import { projectStock } from '../../shared/engine';\nexport const p = projectStock;\n")).toHaveLength(1);
    expect(await problems('tools/odoo-sim/ok.ts', "import { generateDemoNetwork } from '../../shared/demo';\nexport const g = generateDemoNetwork;\n")).toEqual([]);
  });

  it('lets each side import what it may', async () => {
    expect(await problems('shared/engine/ok.ts', "import { z } from 'zod';\nimport { daysBetween } from '../domain';\nexport const x = [z, daysBetween];\n")).toEqual([]);
    expect(await problems('renderer/src/ok.ts', "import { REQUESTS } from '../../shared/ipc';\nexport const r = REQUESTS;\n")).toEqual([]);
    expect(await problems('electron/services/ok.ts', "import { readFileSync } from 'node:fs';\nimport { REQUESTS } from '../../shared/ipc';\nexport const x = [readFileSync, REQUESTS];\n")).toEqual([]);
  });

  it('fails any explicit any in production code', async () => {
    expect(await problems('electron/services/bad.ts', 'export const value: any = 1;\n')).toEqual([expect.stringMatching(/no-explicit-any/)]);
  });
});
