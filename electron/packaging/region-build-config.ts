import type { Configuration } from 'electron-builder';
import { z } from 'zod';
import type { RegionProfile } from '../../shared/domain';

/**
 * Fuses every regional build must carry; they are flipped in the Electron binary itself, so no
 * command-line flag or environment variable can undo them on an installed desktop:
 * - runAsNode off: the installed app cannot be used as a general-purpose Node interpreter
 *   (`ELECTRON_RUN_AS_NODE=1 "Network Planner.exe" evil.js`);
 * - cookie encryption on: session cookies on disk are encrypted with the OS keychain;
 * - only load the app from the asar archive, and check that archive's integrity: a replaced
 *   `app/` folder or a tampered asar does not run;
 * - no NODE_OPTIONS, no --inspect: nobody attaches a debugger to read the API key from memory;
 * - file:// pages get no extra privileges (the renderer is served from the app:// scheme).
 */
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const;

/** Where the packaged main process finds its region profile (`process.resourcesPath/region.json`). */
export const EMBEDDED_PROFILE_NAME = 'region.json';

/** The parts of electron-builder.yml the regional build depends on; the rest passes through untouched. */
export const BaseBuildConfig = z.looseObject({
  appId: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/, 'expected a reverse-DNS id such as com.example.planner'),
  productName: z.string().min(1),
  asar: z.literal(true, 'the app must ship inside an asar archive'),
  directories: z.looseObject({ output: z.string().min(1) }),
  electronFuses: z.looseObject({}),
  publish: z.looseObject({ provider: z.literal('generic'), url: z.url({ protocol: /^https$/ }) }),
});
export type BaseBuildConfig = z.infer<typeof BaseBuildConfig>;

export class BuildConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildConfigError';
  }
}

/** Checks the common configuration; a fuse switched off there is refused, never silently repaired. */
export function checkBaseBuildConfig(raw: unknown, file = 'electron-builder.yml'): BaseBuildConfig {
  const parsed = BaseBuildConfig.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new BuildConfigError(`${file} cannot be used for a regional build:\n${problems.join('\n')}`);
  }
  const fuses = parsed.data.electronFuses as Record<string, unknown>;
  const weakened = Object.entries(REQUIRED_FUSES).filter(([fuse, required]) => fuses[fuse] !== required);
  if (weakened.length > 0) {
    throw new BuildConfigError(
      `${file} must set these Electron fuses for every regional build:\n` +
        weakened.map(([fuse, required]) => `  - electronFuses.${fuse}: ${String(required)} (found ${String(fuses[fuse] ?? 'nothing')})`).join('\n'),
    );
  }
  return parsed.data;
}

export interface RegionBuildInput {
  base: BaseBuildConfig;
  profile: RegionProfile;
  /** The profile's file, relative to the project root, as electron-builder resolves `from`. */
  profileFile: string;
  /** The app's version (package.json), written into every artifact's name. */
  version: string;
}

/**
 * The electron-builder configuration of one region's installer: the common file plus the region's
 * identity (so two regional builds install side by side), its embedded profile and its update feed.
 */
export function resolveRegionBuildConfig({ base, profile, profileFile, version }: RegionBuildInput): Configuration {
  const code = profile.code;
  const productName = `${base.productName} ${code.toUpperCase()}`;
  const { publish, ...rest } = base;
  const baseResources = (rest as Configuration).extraResources;
  const extraResources = [...(baseResources === undefined || baseResources === null ? [] : Array.isArray(baseResources) ? baseResources : [baseResources])];
  const linux = (rest as Configuration).linux ?? {};
  const nsis = (rest as Configuration).nsis ?? {};
  return {
    ...(rest as Configuration),
    appId: `${base.appId}.${code}`,
    productName,
    // ${os}, ${arch} and ${ext} are electron-builder's own macros, filled in per artifact.
    artifactName: `network-planner-${code}-${version}-\${os}-\${arch}.\${ext}`,
    directories: { ...base.directories, output: `${base.directories.output}/${code}` },
    extraResources: [...extraResources, { from: profileFile, to: EMBEDDED_PROFILE_NAME }],
    electronFuses: { ...(base.electronFuses as Configuration['electronFuses']), ...REQUIRED_FUSES },
    extraMetadata: { ...((rest as Configuration).extraMetadata ?? {}), networkPlannerRegion: code },
    linux: { ...linux, executableName: `network-planner-${code}`, synopsis: `${productName}: stock planning for ${profile.name}` },
    nsis: { ...nsis, shortcutName: productName, uninstallDisplayName: productName },
    // Each region has its own feed and channel: an EMEA desktop never sees an NA installer.
    publish: [{ ...publish, provider: 'generic', url: `${publish.url.replace(/\/+$/, '')}/${code}`, channel: profile.updates.channel }],
    detectUpdateChannel: false,
    generateUpdatesFilesForAllChannels: false,
  };
}
