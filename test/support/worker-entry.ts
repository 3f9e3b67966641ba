import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkerEntry } from '../../electron/services/planning';

/** The planning worker straight from TypeScript source, through tsx, so tests need no build. */
export function sourceWorkerEntry(): WorkerEntry {
  const worker = pathToFileURL(fileURLToPath(new URL('../../electron/services/planning/worker.ts', import.meta.url))).href;
  return { source: `import { register } from 'tsx/esm/api'; register(); await import(${JSON.stringify(worker)});` };
}
