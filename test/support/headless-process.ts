import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface HeadlessProcess {
  child: ChildProcess;
  url: string;
  origin: string;
  token: string;
  output(): string;
  stop(): Promise<number | null>;
}

export interface FinishedProcess {
  code: number | null;
  output: string;
}

/** Starts the planner exactly as `npm start -- --headless` does, in its own data directory. */
export function spawnPlanner(dataDir: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; output(): string; finished: Promise<FinishedProcess> } {
  const child = spawn(process.execPath, ['scripts/start.mjs', '--headless', ...args], {
    cwd: root,
    env: { ...process.env, PLANNER_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const finished = new Promise<FinishedProcess>((resolve) => child.on('exit', (code) => resolve({ code, output: text })));
  return { child, output: () => text, finished };
}

export async function startHeadlessPlanner(dataDir: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<HeadlessProcess> {
  const started = spawnPlanner(dataDir, args, env);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the planner did not start in time:\n${started.output()}`)), 90_000);
    const check = (): void => {
      const match = /Open the planner at: (\S+)/.exec(started.output());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    started.child.stdout?.on('data', check);
    void started.finished.then(({ code, output }) => {
      clearTimeout(timer);
      reject(new Error(`the planner exited (${code}) before it was ready:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    child: started.child,
    url,
    origin: parsed.origin,
    token: /token=([^&]+)/.exec(parsed.hash)?.[1] ?? '',
    output: started.output,
    async stop() {
      if (started.child.exitCode !== null) return started.child.exitCode;
      started.child.kill('SIGTERM');
      return (await started.finished).code;
    },
  };
}
