// `npm run lint:electron`: runs Doyensec's Electronegativity over the Electron main, preload and
// renderer sources and fails on any finding that electronegativity.json does not justify, or on a
// justification that no longer matches a finding.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const config = JSON.parse(readFileSync(join(root, 'electronegativity.json'), 'utf8'));
const electronVersion = JSON.parse(readFileSync(join(root, config.electronVersionFrom), 'utf8')).version;

// The scanner walks every folder it is given (node_modules included, before filtering); a copy
// of just the sources keeps it fast and its paths relative to the project.
const staging = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const report = join(staging, 'report.sarif');
try {
  for (const entry of config.scan) cpSync(join(root, entry), join(staging, 'src', entry), { recursive: true });
  const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
  const result = spawnSync(
    process.execPath,
    [cli, '-i', join(staging, 'src'), '-r', '-v', 'false', '-e', electronVersion, '-o', report, '-x', config.excludedChecks.map((entry) => entry.check).join(',')],
    { encoding: 'utf8', timeout: 300_000 },
  );
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`electronegativity exited with ${result.status}`);
  }
  const sarif = JSON.parse(readFileSync(report, 'utf8'));
  const findings = sarif.runs[0].results.map((finding) => ({
    check: finding.ruleId,
    file: (finding.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '').replace(/^\.?\/?/, ''),
    line: finding.locations?.[0]?.physicalLocation?.region?.startLine ?? 0,
    message: finding.message?.text ?? '',
  }));
  const accepted = (finding) => config.acceptedFindings.some((entry) => entry.check === finding.check && entry.file === finding.file);
  const unjustified = findings.filter((finding) => !accepted(finding));
  const stale = config.acceptedFindings.filter((entry) => !findings.some((finding) => finding.check === entry.check && finding.file === entry.file));
  for (const finding of findings.filter(accepted)) console.log(`accepted  ${finding.check} ${finding.file}:${finding.line} (see electronegativity.json)`);
  for (const finding of unjustified) console.error(`FINDING   ${finding.check} ${finding.file}:${finding.line}: ${finding.message}`);
  for (const entry of stale) console.error(`STALE     electronegativity.json accepts ${entry.check} in ${entry.file}, which is no longer found: remove the entry.`);
  if (unjustified.length > 0 || stale.length > 0) {
    console.error(`Electronegativity: ${unjustified.length} unjustified finding(s), ${stale.length} stale justification(s). Fix the code, or justify the finding in electronegativity.json.`);
    process.exitCode = 1;
  } else {
    console.log(`Electronegativity (Electron ${electronVersion}): ${findings.length} finding(s), each justified in electronegativity.json.`);
  }
} finally {
  rmSync(staging, { recursive: true, force: true });
}
