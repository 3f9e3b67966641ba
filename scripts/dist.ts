// `npm run dist -- --region <code> [--platform linux|win|mac] [--dry-run]`: one region's installer.
// Validates the region's profile, resolves its electron-builder configuration on top of
// electron-builder.yml, and packages it (electron-builder downloads Electron, so this needs the
// network: run it on the release machine). --dry-run prints the resolved configuration instead.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { RegionProfileError } from '../electron/app/region-profile-file';
import { BuildConfigError, knownRegions, regionBuildConfig, UnknownRegionError } from '../electron/packaging';
import { buildIfStale } from './build-if-stale.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const PLATFORMS = ['linux', 'win', 'mac'] as const;
type PlatformName = (typeof PLATFORMS)[number];

const USAGE = `Usage: npm run dist -- --region <code> [--platform linux|win|mac] [--dry-run]
Regions: ${knownRegions(root).join(', ')}`;

function hostPlatform(): PlatformName {
  return process.platform === 'win32' ? 'win' : process.platform === 'darwin' ? 'mac' : 'linux';
}

class UsageError extends Error {}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { region: { type: 'string' }, platform: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean' } },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.region) throw new UsageError(`Say which region to build with --region. Known regions: ${knownRegions(root).join(', ')}.\n${USAGE}`);
  const platform = values.platform ?? hostPlatform();
  if (!(PLATFORMS as readonly string[]).includes(platform)) throw new UsageError(`--platform must be one of ${PLATFORMS.join(', ')}, not "${platform}".`);
  const config = regionBuildConfig(root, values.region);

  if (values['dry-run']) {
    console.log(JSON.stringify({ region: values.region, platform, config }, null, 2));
    return;
  }
  buildIfStale();
  const { build, Platform } = await import('electron-builder');
  const target = platform === 'win' ? Platform.WINDOWS : platform === 'mac' ? Platform.MAC : Platform.LINUX;
  console.log(`Packaging ${String(config.productName)} for ${platform}…`);
  const artifacts = await build({ projectDir: root, targets: target.createTarget(), config, publish: 'never' });
  for (const artifact of artifacts) console.log(`  ${artifact}`);
}

main().catch((error: unknown) => {
  const expected = error instanceof UnknownRegionError || error instanceof RegionProfileError || error instanceof BuildConfigError || error instanceof UsageError;
  console.error(expected ? error.message : `npm run dist failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(expected ? 2 : 1);
});
