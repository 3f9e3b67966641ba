import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { jsonRpc } from './odoo-rpc';

describe('npm run odoo-sim', () => {
  it('prints its URL, database and one credential line per demo user, and serves what it printed', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tools/odoo-sim/main.ts', '--port', '0', '--nodes', '2', '--skus', '10', '--seed', '5'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no admin-token line in: ${output}`)), 30_000);
        child.stdout.on('data', () => {
          if (output.includes('admin-token:')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.on('exit', (code) => reject(new Error(`odoo-sim exited with ${String(code)}: ${output}`)));
      });
      const url = /^url: (http:\/\/\S+)$/m.exec(output)?.[1] ?? '';
      const database = /^database: (\S+)$/m.exec(output)?.[1] ?? '';
      const users = [...output.matchAll(/^user (\w+) password=(\S+) api_key=([0-9a-f]{40})$/gm)].map((match) => ({ login: match[1], password: match[2], apiKey: match[3] }));
      expect(database).toBe('odoo-sim-5');
      expect(users.map((entry) => entry.login).sort()).toEqual(['admin', 'planner', 'readonly', 'supervisor']);
      const planner = users.find((entry) => entry.login === 'planner');
      const uid = (await jsonRpc({ url }, 'common', 'authenticate', [database, 'planner', planner?.apiKey, {}])).body.result;
      expect(typeof uid).toBe('number');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('refuses a bad option with a clear message and exit code 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tools/odoo-sim/main.ts', '--odoo-version', '16'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(errors).toContain('--odoo-version must be 17 or 18, got 16');
  });
});
