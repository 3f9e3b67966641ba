import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs `npm run dist -- …` as IT would (through tsx, as the npm script does). */
function dist(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/dist.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run dist', () => {
  it('prints the resolved configuration of a region with --dry-run, and packages nothing', async () => {
    const { code, stdout } = await dist(['--region', 'apac', '--platform', 'win', '--dry-run']);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as { region: string; platform: string; config: Record<string, unknown> };
    expect(printed.region).toBe('apac');
    expect(printed.platform).toBe('win');
    expect(printed.config.productName).toBe('Network Planner APAC');
    expect(printed.config.extraResources).toEqual([{ from: 'regions/apac.json', to: 'region.json' }]);
    expect(printed.config.publish).toEqual([expect.objectContaining({ channel: 'apac-pilot' })]);
  });

  it('fails for an unknown region, listing the known ones', async () => {
    const { code, stdout, stderr } = await dist(['--region', 'atlantis', '--dry-run']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('There is no region "atlantis". Known regions: apac, demo, emea, na (the files in regions/).');
  });

  it('asks for a region when none is given, and refuses an unknown platform', async () => {
    const missing = await dist(['--dry-run']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Say which region to build with --region. Known regions: apac, demo, emea, na.');
    const platform = await dist(['--region', 'na', '--platform', 'beos', '--dry-run']);
    expect(platform.code).toBe(2);
    expect(platform.stderr).toContain('--platform must be one of linux, win, mac, not "beos".');
  });
});
