import { join } from 'node:path';
import { EMBEDDED_PROFILE_NAME } from '../packaging/region-build-config';
import { regionFileFor } from '../app/start-planner';

export interface RegionSourceOptions {
  isPackaged: boolean;
  resourcesPath: string;
  appRoot: string;
  env: NodeJS.ProcessEnv;
}

/**
 * Which region profile the desktop app runs with. An installed build runs with the profile built
 * into it, whatever the environment says: PLANNER_REGION (and any other way of picking a profile)
 * applies to development runs only, so nobody turns an EMEA install into an NA one from outside.
 */
export function regionProfileFile({ isPackaged, resourcesPath, appRoot, env }: RegionSourceOptions): string {
  return isPackaged ? join(resourcesPath, EMBEDDED_PROFILE_NAME) : regionFileFor(appRoot, env.PLANNER_REGION ?? 'demo');
}
