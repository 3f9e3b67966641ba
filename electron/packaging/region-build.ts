import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Configuration } from 'electron-builder';
import { loadRegionProfile } from '../app/region-profile-file';
import { BuildConfigError, checkBaseBuildConfig, resolveRegionBuildConfig } from './region-build-config';

export class UnknownRegionError extends Error {
  constructor(
    readonly region: string,
    readonly known: string[],
  ) {
    super(`There is no region "${region}". Known regions: ${known.join(', ') || '(none)'} (the files in regions/).`);
    this.name = 'UnknownRegionError';
  }
}

/** Every region profile shipped in `regions/`, by code (the file name). */
export function knownRegions(projectRoot: string): string[] {
  const dir = join(projectRoot, 'regions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => basename(name, '.json'))
    .sort();
}

export function loadBaseBuildConfig(projectRoot: string): ReturnType<typeof checkBaseBuildConfig> {
  const file = join(projectRoot, 'electron-builder.yml');
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BuildConfigError(`electron-builder.yml cannot be read: ${(error as Error).message}`);
  }
  return checkBaseBuildConfig(raw);
}

/**
 * Validates the region's profile (every bad field named) and resolves its build configuration.
 * The profile must be the one its file name says: `emea.json` holds region `emea`.
 */
export function regionBuildConfig(projectRoot: string, region: string): Configuration {
  const known = knownRegions(projectRoot);
  if (!known.includes(region)) throw new UnknownRegionError(region, known);
  const file = join(projectRoot, 'regions', `${region}.json`);
  const profile = loadRegionProfile(file);
  if (profile.code !== region) throw new BuildConfigError(`regions/${region}.json holds region "${profile.code}"; the file name and the code must agree.`);
  const version = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version?: unknown }).version;
  if (typeof version !== 'string' || version === '') throw new BuildConfigError('package.json has no version to name the installers with.');
  return resolveRegionBuildConfig({ base: loadBaseBuildConfig(projectRoot), profile, profileFile: relative(projectRoot, file).split('\\').join('/'), version });
}
