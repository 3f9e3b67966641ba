import { buildIfStale } from '../../scripts/build-if-stale.mjs';

/** Integration and end-to-end suites drive the built host, so the build must be current. */
export default function setup(): void {
  buildIfStale({ quiet: true });
}
