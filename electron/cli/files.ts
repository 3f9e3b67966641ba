import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { describeProblems } from '../../shared/domain';
import { CliError } from './cli-error';

/** Reads a JSON file and checks it against its schema; every bad field is named with its path. */
export async function readJsonFile<Schema extends z.ZodType>(what: string, path: string, schema: Schema): Promise<z.infer<Schema>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${what} ${path}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${what} ${path}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new CliError(`${what} ${path} does not match its format: ${describeProblems(parsed.error)}`);
  return parsed.data;
}

/**
 * Writes through a temporary file and a rename, so a reader never sees half a result and a failed
 * run leaves any earlier result in place.
 */
export async function writeJsonFile(path: string, value: unknown, pretty: boolean): Promise<void> {
  const target = resolve(path);
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.partial`;
  await writeFile(temporary, `${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`, 'utf8');
  await rename(temporary, target);
}
