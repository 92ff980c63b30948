// `countersign trusted-root` (fetch a Sigstore instance's trusted root through TUF, write it) and
// `countersign policy check-trusted-root` (is a policy's pinned root still the instance's current
// one?). The TUF work is src/lib/flows/trusted-root/; this file only reads flags, writes the file
// atomically and words the answer. Exit codes: 0 written / current, 1 the pinned root is not the
// current one, 2 could not run (every TUF failure has its own code: spec/ERRORS.md §8).
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import { checkServiceUrl } from '../lib/basics/net/url.ts';
import { loadPolicyFile } from '../lib/formats/policy/index.ts';
import { trustedRootDigest } from '../lib/formats/policy/diff-trusted-root.ts';
import { compareTrustedRoots } from '../lib/flows/trusted-root/compare.ts';
import { TUF_ROOT_MAX_BYTES, fetchTrustedRoot, type FetchedTrustedRoot } from '../lib/flows/trusted-root/fetch.ts';
import {
  TUF_INSTANCES,
  TUF_INSTANCE_NAMES,
  isTufInstanceName,
  type TufInstanceName,
} from '../lib/flows/trusted-root/instances.ts';
import { InputError } from '../lib/basics/errors/errors.ts';
import { reportFatal } from './errors.ts';
import { readInputFile } from './io.ts';
import { parseVerbArgs } from './args.ts';
import { usageError } from './usage.ts';

const TUF_OPTIONS = `  --instance NAME     ${TUF_INSTANCE_NAMES.join(' or ')} (default public-good): its TUF mirror
                      (${TUF_INSTANCES['public-good'].mirrorUrl}, ${TUF_INSTANCES.github.mirrorUrl})
                      and the initial TUF root this tool ships for it
  --tuf-url URL       another mirror of the instance's TUF repository (https; http only to loopback)
  --tuf-root FILE     the initial TUF root metadata to start from (required with --tuf-url)
  --tuf-cache DIR     keep the TUF metadata in DIR between runs (default: a temporary
                      directory, removed afterwards; never your home directory)`;

export const USAGE = `usage: countersign trusted-root [--instance public-good|github] [--tuf-url URL --tuf-root FILE]
                              [--tuf-cache DIR] --out FILE

Fetches the Sigstore instance's trusted root (the trusted_root.json target of its TUF
repository) with a TUF client: every root rotation, the timestamp, snapshot and targets
metadata verified (signatures, versions, expiry), and the target checked against the length
and SHA-256 they list. Writes it to FILE atomically (never half-written, never on a failure);
'countersign policy init --trusted-root FILE' pins it in a policy.

${TUF_OPTIONS}
  --out FILE          where to write the trusted root (replaced if it exists)

Exit codes: 0 written, 2 could not fetch or verify it (the code says why: tuf-mirror-unreachable,
tuf-metadata-expired, tuf-bad-signature, tuf-target-missing, tuf-target-mismatch, ...).`;

export const CHECK_USAGE = `usage: countersign policy check-trusted-root POLICY [--instance public-good|github]
                                             [--tuf-url URL --tuf-root FILE] [--tuf-cache DIR] [--out FILE]

Says whether the trusted root POLICY pins is still the Sigstore instance's current one (fetched
through TUF as 'countersign trusted-root' does), comparing their content. When it is not, prints
one line counting what changed (certificate and timestamp authorities by certificate digest,
transparency and CT logs by log id, with subjects and validity), then one line per change. A
new root reaches the policy only through an authority rotation:
  countersign policy rotate --trusted-root NEW_ROOT --current POLICY --out NEW_POLICY

${TUF_OPTIONS}
  --out FILE          also write the instance's current trusted root to FILE

Exit codes: 0 the pinned root is current, 1 it is not, 2 could not check.`;

type TufFlags = { instance?: string; 'tuf-url'?: string; 'tuf-root'?: string; 'tuf-cache'?: string };

const TUF_FLAG_SPEC = {
  instance: { type: 'string' },
  'tuf-url': { type: 'string' },
  'tuf-root': { type: 'string' },
  'tuf-cache': { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function run(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parseVerbArgs('trusted-root', argv, TUF_FLAG_SPEC);
    if (values.help) return (console.log(USAGE), 0);
    if (positionals.length > 0)
      return usageError('trusted-root', `unexpected argument ${JSON.stringify(positionals[0])}`);
    if (!values.out) return usageError('trusted-root', 'missing --out FILE');
    const fetched = await fetchFromFlags('trusted-root', values);
    if (typeof fetched === 'number') return fetched;
    await writeFileAtomic(values.out, fetched.bytes);
    console.error(`wrote ${values.out}: ${describeRoot(fetched)}`);
    console.log(values.out);
    return 0;
  } catch (err) {
    return reportFatal(err);
  }
}

/** `countersign policy check-trusted-root POLICY ...` (dispatched from src/cli/policy.ts). */
export async function checkTrustedRoot(argv: string[]): Promise<number> {
  const verb = 'policy check-trusted-root';
  try {
    const { values, positionals } = parseVerbArgs(verb, argv, TUF_FLAG_SPEC);
    if (values.help) return (console.log(CHECK_USAGE), 0);
    if (positionals.length !== 1)
      return usageError(
        verb,
        positionals.length === 0 ? 'missing POLICY' : `unexpected argument ${JSON.stringify(positionals[1])}`,
      );
    const policyPath = positionals[0] as string;
    // The policy first: a bad policy file is reported without a network round trip.
    const policy = await loadPolicyFile(policyPath);
    const fetched = await fetchFromFlags(verb, values);
    if (typeof fetched === 'number') return fetched;
    if (values.out) await writeFileAtomic(values.out, fetched.bytes);
    const instance = values.instance ?? 'public-good';
    const result = compareTrustedRoots(policy.trustedRoot, fetched.json);
    if (result.current) {
      console.log(`${policyPath}: the pinned trusted root is ${instance}'s current one (${result.currentDigest})`);
      return 0;
    }
    console.log(
      `${policyPath}: the pinned trusted root (${result.pinnedDigest}) is not ${instance}'s current one (${result.currentDigest}): ${result.summary}`,
    );
    for (const line of result.lines) console.log(`  ${line}`);
    console.error(
      `to carry the new root: countersign policy rotate --trusted-root ${values.out ?? 'NEW_ROOT'} --current ${policyPath} --out NEW_POLICY` +
        (values.out
          ? ''
          : ` (write NEW_ROOT with --out, or 'countersign trusted-root --instance ${instance} --out NEW_ROOT')`),
    );
    return 1;
  } catch (err) {
    return reportFatal(err);
  }
}

/** Reads the TUF flags and fetches; a usage problem is its exit code (2). */
async function fetchFromFlags(verb: string, values: TufFlags): Promise<FetchedTrustedRoot | number> {
  const name = values.instance ?? 'public-good';
  if (!isTufInstanceName(name))
    return usageError(verb, `--instance: expected ${TUF_INSTANCE_NAMES.join(' or ')}, found ${JSON.stringify(name)}`);
  const instance: TufInstanceName = name;
  const mirrorUrl = values['tuf-url'] === undefined ? undefined : checkServiceUrl(values['tuf-url'], '--tuf-url');
  if (mirrorUrl !== undefined && mirrorUrl !== TUF_INSTANCES[instance].mirrorUrl && values['tuf-root'] === undefined)
    return usageError(
      verb,
      `--tuf-url ${mirrorUrl} needs --tuf-root FILE: the initial root shipped for ${instance} is for ${TUF_INSTANCES[instance].mirrorUrl}`,
    );
  const initialRoot =
    values['tuf-root'] === undefined
      ? undefined
      : await readInputFile(values['tuf-root'], 'TUF root', TUF_ROOT_MAX_BYTES);
  if (values['tuf-cache'] === '') throw new InputError('usage', `${verb}: --tuf-cache: expected a directory`);
  return fetchTrustedRoot({
    instance,
    ...(mirrorUrl === undefined ? {} : { mirrorUrl }),
    ...(initialRoot === undefined ? {} : { initialRoot }),
    ...(values['tuf-cache'] === undefined ? {} : { cacheDir: values['tuf-cache'] }),
  });
}

/** "trusted root of <mirror>, sha256:… (content digest), N certificate authorities, …". */
function describeRoot(fetched: FetchedTrustedRoot): string {
  const count = (field: string): number => {
    const v = fetched.json[field];
    return Array.isArray(v) ? v.length : 0;
  };
  return (
    `the trusted root of ${fetched.mirrorUrl} (${trustedRootDigest(fetched.json)}): ` +
    `${count('certificateAuthorities')} certificate authorities, ${count('timestampAuthorities')} timestamp authorities, ` +
    `${count('tlogs')} transparency logs, ${count('ctlogs')} CT logs`
  );
}
