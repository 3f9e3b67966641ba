// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Where code may run is visible from where it lives (DESIGN.md, Layout); these rules keep it true. */
const boundaries = {
  shared: {
    paths: [...nodeBuiltins, 'electron', 'react', 'react-dom'].map((name) => ({
      name,
      message: 'shared/ is pure TypeScript: no Node, Electron or DOM APIs (see DESIGN.md, Layout).',
    })),
    patterns: [
      { group: ['**/electron/**', '**/renderer/**', '**/tools/**', 'electron/*', 'ag-grid-*', 'better-sqlite3', 'axios', 'ws'], message: 'shared/ may import only shared/ and pure libraries such as zod.' },
    ],
  },
  renderer: {
    paths: [...nodeBuiltins, 'electron'].map((name) => ({
      name,
      message: 'renderer/ runs in the browser sandbox: it reaches the services only through window.planner.',
    })),
    patterns: [{ group: ['**/electron/**', '**/tools/**', 'better-sqlite3', 'axios', 'ws'], message: 'renderer/ never imports electron/; use the contract in shared/ipc.' }],
  },
  electron: {
    paths: [],
    patterns: [{ group: ['**/renderer/**', '**/tools/**'], message: 'electron/ serves the renderer; it never imports it or the test tools.' }],
  },
  odooSim: {
    paths: ['electron', 'react'].map((name) => ({ name, message: 'the Odoo stand-in is a plain Node server' })),
    patterns: [
      { group: ['**/electron/**', '**/renderer/**', '**/shared/engine', '**/shared/engine/**', '**/shared/ipc', '**/shared/ipc/**', '**/shared/approvals', '**/shared/approvals/**'], message: 'tools/odoo-sim may use shared/domain and shared/demo only (it must behave like Odoo, not like us).' },
    ],
  },
};

const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest', 'HTMLElement', 'location'];
const nodeGlobals = ['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'];

export default tseslint.config(
  { ignores: ['.scratch/**', 'out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']", message: 'a focused test silences the rest of the suite' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', boundaries.shared],
      'no-restricted-globals': ['error', ...[...domGlobals, ...nodeGlobals].map((name) => ({ name, message: 'shared/ runs anywhere: no DOM or Node globals.' }))],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': ['error', boundaries.renderer],
      'no-restricted-globals': ['error', ...nodeGlobals.map((name) => ({ name, message: 'renderer/ has no Node globals.' }))],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', boundaries.electron] },
  },
  {
    files: ['tools/odoo-sim/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', boundaries.odooSim] },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs,js}', '*.config.{ts,js}', 'electron.vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
