// `countersign verify BUNDLE --policy FILE [--stream S] [--kind K] [--state FILE] [--json] [--base DIR] [PATH...]`:
// the gate. Exit 0 verified; 1 rejected or pending countersign; 2 could not run.
import { loadPolicyFile } from '../lib/formats/policy/index.ts';
import { gate } from '../lib/flows/gate/gate.ts';
import { exitCodeOf, type VerificationReport } from '../lib/pipeline/report.ts';
import { readBundleFile } from './io.ts';
import { formatReport } from './report-text.ts';
import { loadStateFile, saveStateFile } from '../lib/flows/gate/state-file.ts';
import { usageError } from './usage.ts';
import type { Kind } from '../lib/formats/core/types.ts';
import { parseVerbArgs } from './args.ts';

export const USAGE = `usage: countersign verify --policy FILE [--stream S] [--kind K] [--state FILE] [--json] [--base DIR] BUNDLE [-- PATH...]

Verifies a countersigned bundle: the primary Sigstore signature and identity, the
countersignatures (threshold of distinct organisations), the statement (kind, stream,
expiry, version) and, when PATHs are given, that every file is a subject and every
subject is present.

  --policy FILE   the pinned policy (required)
  --stream S      the stream you expect the bundle to be of (owner/name:channel); required
                  when the policy allows more than one stream: a bundle of another stream
                  the policy allows is rejected (statement-stream-unexpected)
  --kind K        the kind you expect (binary-digest, fleet-key, config-change,
                  authority-rotation); optional
  --state FILE    client state: reject a version older than the last accepted one for the
                  stream (and a policy older than the last one verified under), and record
                  this version and the policy version after success (created if missing)
  --json          print the whole report as JSON on stdout
  --base DIR      directory that subject names are relative to (default: current directory);
                  a PATH may be relative to DIR or absolute inside it

Checking a release directory: every file under the PATHs must be a subject and every subject
must be there. Give the directory as A's build named it, from the same place. A statement
made by 'countersign build ... -- dist/' names dist/app.tar.gz, so:
  countersign verify --policy policy.json --stream acme/app:stable release.countersigned.json -- dist/
made by 'countersign build --base dist ... -- .' (names without dist/), so:
  countersign verify --policy policy.json --stream acme/app:stable --base dist release.countersigned.json -- .
Keep the bundle out of the directory (a file that is not a subject is rejected:
subject-unexpected-file). Without PATHs no file is checked (subjects: not-checked).

In scripts and CI gates, give the options first and '--' before the files, above all a glob:
  countersign verify --policy P --state S BUNDLE -- *
After '--' every argument is a PATH, even one named --help or --policy=x. Before it, a file
named like an option is taken as one: an option given twice, or --help with anything else,
is refused (exit 2), but one the script did not give (--base=x) would be used.

Exit codes: 0 verified, 1 rejected or pending countersignature, 2 could not run.`;

export async function run(argv: string[]): Promise<number> {
  return (await verifyCommand(argv)).exitCode;
}

/** The verb, returning the report too (the demo checks which check decided). */
export async function verifyCommand(argv: string[]): Promise<{ exitCode: number; report?: VerificationReport }> {
  const { values, positionals } = parseVerbArgs('verify', argv, {
    policy: { type: 'string' },
    stream: { type: 'string' },
    kind: { type: 'string' },
    state: { type: 'string' },
    json: { type: 'boolean', default: false },
    base: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (console.log(USAGE), { exitCode: 0 });
  const [bundlePath, ...paths] = positionals;
  if (!bundlePath) return { exitCode: usageError('verify', 'missing BUNDLE') };
  if (!values.policy) return { exitCode: usageError('verify', 'missing --policy FILE') };

  const policy = await loadPolicyFile(values.policy);
  const state = values.state ? await loadStateFile(values.state) : undefined;
  const bytes = await readBundleFile(bundlePath);
  // Loaded only when files are given: the walker and the hashing threads are start-up cost otherwise (issue #7).
  const artifacts =
    paths.length > 0
      ? await (
          await import('../lib/formats/subjects/index.ts')
        ).collectSubjects(paths, {
          base: values.base ?? process.cwd(),
          baseLabel: '--base',
          maxFiles: policy.limits.maxSubjects,
        })
      : undefined;

  // The expected stream is checked against the policy by the gate, before the bundle is verified (exit 2 when missing or not allowed).
  const expect = { stream: values.stream, kind: values.kind as Kind | undefined };
  const { report, newState } = await gate(bytes, {
    policy,
    state,
    artifacts,
    what: bundlePath,
    expect,
    expectNames: { stream: '--stream', kind: '--kind' },
  });
  if (values.state && newState) await saveStateFile(values.state, newState);
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else console.log(formatReport(report, bundlePath));
  return { exitCode: exitCodeOf(report.outcome), report };
}
