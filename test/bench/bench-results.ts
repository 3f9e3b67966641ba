import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Figure {
  value: number;
  goal: number | null;
  unit: string;
  better: 'lower' | 'higher';
}

export function figure(value: number, goal: number | null, unit: string, better: 'lower' | 'higher' = 'lower'): Figure {
  return { value: Math.round(value * 1000) / 1000, goal, unit, better };
}

function meets(entry: Figure): string {
  if (entry.goal === null) return '';
  const ok = entry.better === 'lower' ? entry.value <= entry.goal : entry.value >= entry.goal;
  return ok ? '  (goal met)' : '  (GOAL MISSED)';
}

/** Prints every figure beside its goal and writes bench-results/<name>.json. */
export function reportFigures(name: string, figures: Record<string, Figure>, context: Record<string, unknown> = {}): void {
  const width = Math.max(...Object.keys(figures).map((key) => key.length));
  console.log(`\n${name}`);
  for (const [key, entry] of Object.entries(figures)) {
    console.log(`  ${key.padEnd(width)}  ${String(entry.value).padStart(10)} ${entry.unit}${entry.goal === null ? '' : `   goal ${entry.better === 'lower' ? '≤' : '≥'} ${entry.goal} ${entry.unit}`}${meets(entry)}`);
  }
  const dir = join(process.cwd(), 'bench-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ ...figures, context: { measuredAt: new Date().toISOString(), node: process.version, ...context } }, null, 2) + '\n');
  console.log(`  written to bench-results/${name}.json`);
}
