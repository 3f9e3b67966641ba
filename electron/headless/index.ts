import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PlannerAlreadyRunningError } from '../app/instance-lock';
import { RegionProfileError } from '../app/region-profile-file';
import { regionFileFor, startPlanner } from '../app/start-planner';
import { CacheFromNewerVersionError } from '../services/store';
import type { WorkerEntry } from '../services/planning';
import { startHeadlessServer } from './headless-server';
import { rememberedPort, rememberPort } from './remembered-port';

/**
 * The headless host: the whole product without the Electron binary. Same services as the desktop
 * app; the renderer runs in any Chromium and talks to them over a token-guarded WebSocket.
 */
const here = dirname(fileURLToPath(import.meta.url));
const appRoot = resolve(here, '..', '..');
const fromSource = import.meta.url.endsWith('.ts');

function workerEntry(): WorkerEntry {
  if (!fromSource) return { file: pathToFileURL(join(here, 'planning-worker.js')) };
  const worker = pathToFileURL(join(appRoot, 'electron', 'services', 'planning', 'worker.ts')).href;
  return { source: `import { register } from 'tsx/esm/api'; register(); await import(${JSON.stringify(worker)});` };
}

function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const USAGE = `Usage: network-planner-headless [--region <code> | --region-file <file>] [--port <n>]
                                 [--demo-nodes <n>] [--demo-skus <n>] [--demo-seed <n>]
Data directory: PLANNER_DATA_DIR, or the OS application-data folder.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      region: { type: 'string' },
      'region-file': { type: 'string' },
      port: { type: 'string' },
      'demo-nodes': { type: 'string' },
      'demo-skus': { type: 'string' },
      'demo-seed': { type: 'string' },
      help: { type: 'boolean' },
      headless: { type: 'boolean' },
      'with-odoo-sim': { type: 'boolean' },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const regionFile = values['region-file'] ? resolve(values['region-file']) : regionFileFor(appRoot, values.region ?? process.env.PLANNER_REGION ?? 'demo');
  const rendererDir = join(appRoot, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir} is missing). Run \`npm run build\`, or start with \`npm start\`, which builds it.`);
  }
  const number = (value: string | undefined, name: string): number | undefined => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number, not "${value}"`);
    return parsed;
  };
  const planner = startPlanner({
    regionFile,
    workerEntry: workerEntry(),
    appVersion: appVersion(),
    demo: { nodes: number(values['demo-nodes'], 'demo-nodes'), skus: number(values['demo-skus'], 'demo-skus'), seed: number(values['demo-seed'], 'demo-seed') },
  });
  const server = await startHeadlessServer({
    services: planner.services,
    rendererDir,
    log: planner.log,
    port: number(values.port ?? process.env.PLANNER_PORT, 'port'),
    preferredPort: rememberedPort(planner.dataDir),
  });
  rememberPort(planner.dataDir, Number(new URL(server.origin).port));
  planner.log.info({ origin: server.origin }, 'headless host listening');
  console.log(`Network Planner (${planner.profile.name}) is running headless.`);
  console.log(`Data directory: ${planner.dataDir}`);
  console.log(`Open the planner at: ${server.url}`);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    planner.log.info({ signal }, 'stopping');
    await server.close();
    await planner.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof RegionProfileError || error instanceof PlannerAlreadyRunningError || error instanceof CacheFromNewerVersionError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
