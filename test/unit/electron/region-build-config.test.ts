import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseRegionProfile } from '../../../shared/domain';
import { RegionProfileError } from '../../../electron/app/region-profile-file';
import { BuildConfigError, checkBaseBuildConfig, knownRegions, regionBuildConfig, UnknownRegionError } from '../../../electron/packaging';
import { makeTempDir } from '../../support/temp-dir';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const version = (JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version: string }).version;
const baseYaml = (): Record<string, unknown> => parseYaml(readFileSync(`${root}/electron-builder.yml`, 'utf8')) as Record<string, unknown>;

function profileOf(code: string) {
  const result = parseRegionProfile(JSON.parse(readFileSync(`${root}/regions/${code}.json`, 'utf8')));
  if (!result.ok) throw new Error(`${code} is invalid`);
  return result.profile;
}

describe('the regional build configuration', () => {
  it('knows every region shipped in regions/', () => {
    expect(knownRegions(root)).toEqual(['apac', 'demo', 'emea', 'na']);
  });

  it.each(['apac', 'demo', 'emea', 'na'])('for %s carries the region in its identity, artifacts, embedded profile and update feed', (code) => {
    const profile = profileOf(code);
    const config = regionBuildConfig(root, code);
    expect(config.appId).toBe(`com.networkplanner.app.${code}`);
    expect(config.productName).toBe(`Network Planner ${code.toUpperCase()}`);
    expect(config.artifactName).toBe(`network-planner-${code}-${version}-\${os}-\${arch}.\${ext}`);
    expect(config.directories?.output).toBe(`dist/${code}`);
    // The Electron main reads process.resourcesPath/region.json when packaged.
    expect(config.extraResources).toEqual([{ from: `regions/${code}.json`, to: 'region.json' }]);
    expect(config.publish).toEqual([{ provider: 'generic', url: `https://updates.acme-distribution.example/network-planner/${code}`, channel: profile.updates.channel }]);
    expect(config.detectUpdateChannel).toBe(false);
    expect(config.linux?.executableName).toBe(`network-planner-${code}`);
  });

  it('keeps what every build has in common from electron-builder.yml', () => {
    const config = regionBuildConfig(root, 'na');
    const base = baseYaml();
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(base.files);
    expect(config.files).toContain('!out/main/headless.js');
    expect(config.asarUnpack).toEqual(base.asarUnpack);
    expect(config.mac).toEqual(base.mac);
  });

  it.each(['apac', 'emea', 'na'])('sets the Electron fuses for %s: no RunAsNode, cookie encryption, app only from an intact asar', (code) => {
    expect(regionBuildConfig(root, code).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('refuses a common configuration that switches a fuse off or omits it, naming each', () => {
    const base = baseYaml();
    base.electronFuses = { ...(base.electronFuses as Record<string, unknown>), runAsNode: true, onlyLoadAppFromAsar: undefined };
    expect(() => checkBaseBuildConfig(base)).toThrow(BuildConfigError);
    expect(() => checkBaseBuildConfig(base)).toThrow(/electronFuses\.runAsNode: false \(found true\)[\s\S]*electronFuses\.onlyLoadAppFromAsar: true \(found nothing\)/);
  });

  it('refuses a common configuration without asar or with an update feed over http', () => {
    const base = { ...baseYaml(), asar: false, publish: { provider: 'generic', url: 'http://updates.example' } };
    expect(() => checkBaseBuildConfig(base)).toThrow(/asar: the app must ship inside an asar archive[\s\S]*publish\.url/);
  });

  it('fails for an unknown region, listing the known ones', () => {
    expect(() => regionBuildConfig(root, 'atlantis')).toThrow(UnknownRegionError);
    expect(() => regionBuildConfig(root, 'atlantis')).toThrow('There is no region "atlantis". Known regions: apac, demo, emea, na');
    // A path is not a region either.
    expect(() => regionBuildConfig(root, '../package')).toThrow(UnknownRegionError);
  });

  it('validates the profile before building, naming every bad field', () => {
    const temp = makeTempDir('dist-bad-profile');
    cpSync(`${root}/electron-builder.yml`, `${temp.path}/electron-builder.yml`);
    const profile = JSON.parse(readFileSync(`${root}/regions/emea.json`, 'utf8')) as Record<string, unknown>;
    profile.currency = 'euro';
    (profile.odoo as Record<string, unknown>).apiKey = 'not here';
    writeFileSync(`${temp.path}/package.json`, JSON.stringify({ version: '9.9.9' }));
    mkdirSync(`${temp.path}/regions`);
    writeFileSync(`${temp.path}/regions/emea.json`, JSON.stringify(profile));
    writeFileSync(`${temp.path}/regions/na.json`, readFileSync(`${root}/regions/emea.json`));
    try {
      expect(() => regionBuildConfig(temp.path, 'emea')).toThrow(RegionProfileError);
      expect(() => regionBuildConfig(temp.path, 'emea')).toThrow(/odoo\.apiKey: looks like a secret[\s\S]*currency: expected an ISO 4217 code/);
      // A file whose name and code disagree would ship one region's settings under another's name.
      expect(() => regionBuildConfig(temp.path, 'na')).toThrow('regions/na.json holds region "emea"');
    } finally {
      temp.remove();
    }
  });
});
