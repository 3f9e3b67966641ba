import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveDataDirectory } from '../../app/data-directory';
import { AuditLog } from '../../services/audit';
import { openDatabase } from '../../services/store';
import { CliError, EXIT } from '../cli-error';
import type { PlannerCommand } from '../command-registry';

/**
 * `npm run planner -- audit verify [--data-dir <dir>]`: walks a planner's audit log from the first
 * entry and checks every link of the hash chain. Read-only, so it can run beside a running planner
 * (and on a copy IT took of a user's data directory).
 */
export const auditVerifyCommand: PlannerCommand = {
  name: 'audit verify',
  summary: "Checks the hash chain of a planner's audit log: exit 0 when every entry holds, 1 naming the first that does not.",
  options: [
    { name: 'data-dir', description: "the planner's data directory (default: PLANNER_DATA_DIR, else the region's folder in the OS application data)" },
    { name: 'region', description: 'region code for the default data directory (default: PLANNER_REGION, else demo)' },
  ],
  async run(args, output) {
    const given = args.values.get('data-dir');
    const region = args.values.get('region') ?? process.env.PLANNER_REGION ?? 'demo';
    if (!/^[a-z][a-z0-9-]{1,15}$/.test(region)) throw new CliError(`--region must be a region code such as "emea" (got "${region}")`, EXIT.usage);
    const dataDir = given ? resolve(given) : resolveDataDirectory(region);
    const cachePath = join(dataDir, 'cache.db');
    if (!existsSync(cachePath)) throw new CliError(`there is no planner data in ${dataDir} (no cache.db); give the planner's data directory with --data-dir`);
    let opened;
    try {
      opened = openDatabase(cachePath, { readonly: true });
    } catch (error) {
      throw new CliError(`${cachePath} cannot be opened: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      const hasLog = opened.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get() !== undefined;
      if (!hasLog) throw new CliError(`${cachePath} has no audit log (it was written by a planner older than the audit log)`);
      const result = new AuditLog(opened.db).verify();
      if (!result.ok) {
        const before = result.entries === 1 ? 'the 1 entry before it holds' : `the ${result.entries} entries before it hold`;
        throw new CliError(`the audit chain in ${dataDir} is broken at entry ${result.brokenAt}: ${result.reason} (${before})`);
      }
      output.out(`audit verify: the chain in ${dataDir} holds: ${result.entries} entr${result.entries === 1 ? 'y' : 'ies'}, each linked to the one before and unchanged; last hash ${result.lastHash}`);
    } finally {
      opened.db.close();
    }
  },
};
