import type { z } from 'zod';

/** One thing wrong with some input, with the dotted path of the field a person has to fix. */
export interface Problem {
  path: string;
  message: string;
}

export function pathToString(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({ path: pathToString(issue.path), message: issue.message }));
}

/** "nodes[2].code: expected string; currency: ..." — every bad field named, in input order. */
export function describeProblems(error: z.ZodError): string {
  return problemsOf(error)
    .map((problem) => `${problem.path}: ${problem.message}`)
    .join('; ');
}
