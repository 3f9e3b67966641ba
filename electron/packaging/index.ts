export { REQUIRED_FUSES, EMBEDDED_PROFILE_NAME, BuildConfigError, checkBaseBuildConfig, resolveRegionBuildConfig } from './region-build-config';
export type { BaseBuildConfig, RegionBuildInput } from './region-build-config';
export { UnknownRegionError, knownRegions, loadBaseBuildConfig, regionBuildConfig } from './region-build';
