import { readFileSync } from 'node:fs';
import { parseRegionProfile, type RegionProfile } from '../../shared/domain';

export class RegionProfileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(`The region profile ${file} cannot be used:\n${problems.map((problem) => `  - ${problem.path}: ${problem.message}`).join('\n')}`);
    this.name = 'RegionProfileError';
  }
}

/** Reads and validates a region profile; start-up stops on any bad field, naming every one. */
export function loadRegionProfile(file: string): RegionProfile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new RegionProfileError(file, [{ path: '(file)', message: `cannot be read: ${(error as Error).message}` }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new RegionProfileError(file, [{ path: '(file)', message: `is not valid JSON: ${(error as Error).message}` }]);
  }
  const result = parseRegionProfile(raw);
  if (!result.ok) throw new RegionProfileError(file, result.problems);
  return result.profile;
}
