// `countersign verify BUNDLE --policy FILE [--state FILE] [--json] [--base DIR] [PATH...]`:
// the gate. Exit 0 verified; 1 rejected or pending countersign; 2 could not run.
import { parseArgs } from 'node:util';
import { loadPolicyFile } from '../lib/formats/policy/index.ts';
import { runPipeline } from '../lib/pipeline/run.ts';
import { exitCodeOf, type VerificationReport } from '../lib/pipeline/report.ts';
import { recordAccepted } from '../lib/formats/state/state.ts';
import { sha256Hex } from '../lib/basics/crypto/sha256.ts';
import { readBundleFile } from './io.ts';
import { formatReport } from './report-text.ts';
import { loadStateFile, saveStateFile } from './state-file.ts';
import { usageError } from './usage.ts';

export const USAGE = `usage: countersign verify BUNDLE --policy FILE [--state FILE] [--json] [--base DIR] [PATH...]

Verifies a countersigned bundle: the primary Sigstore signature and identity, the
countersignatures (threshold of distinct organisations), the statement (kind, stream,
expiry, version) and, when PATHs are given, that every file is a subject and every
subject is present.

  --policy FILE   the pinned policy (required)
  --state FILE    client state: reject a version older than the last accepted one for the
                  stream (and a policy older than the last one verified under), and record
                  this version and the policy version after success (created if missing)
  --json          print the whole report as JSON on stdout
  --base DIR      directory that subject names are relative to (default: current directory)

Exit codes: 0 verified, 1 rejected or pending countersignature, 2 could not run.`;

export async function run(argv: string[]): Promise<number> {
  return (await verifyCommand(argv)).exitCode;
}

/** The verb, returning the report too (the demo checks which check decided). */
export async function verifyCommand(argv: string[]): Promise<{ exitCode: number; report?: VerificationReport }> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      policy: { type: 'string' },
      state: { type: 'string' },
      json: { type: 'boolean', default: false },
      base: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(USAGE), { exitCode: 0 };
  const [bundlePath, ...paths] = positionals;
  if (!bundlePath) return { exitCode: usageError('verify', 'missing BUNDLE') };
  if (!values.policy) return { exitCode: usageError('verify', 'missing --policy FILE') };

  const policy = await loadPolicyFile(values.policy);
  const state = values.state ? await loadStateFile(values.state) : undefined;
  const bytes = await readBundleFile(bundlePath);
  // Loaded only when files are given: the walker and the hashing threads are start-up cost otherwise (issue #7).
  const artifacts = paths.length > 0 ? await (await import('../lib/formats/subjects/index.ts')).collectSubjects(paths, { base: values.base ?? process.cwd(), maxFiles: policy.limits.maxSubjects }) : undefined;

  const result = await runPipeline(bytes, { policy, state, artifacts, what: bundlePath });
  const { report } = result;
  if (report.outcome === 'verified' && values.state && state && result.statement && result.statementBytes) {
    const p = result.statement.predicate;
    await saveStateFile(values.state, recordAccepted(state, p.stream, p.version, sha256Hex(result.statementBytes), policy.version));
  }
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else console.log(formatReport(report, bundlePath));
  return { exitCode: exitCodeOf(report.outcome), report };
}
