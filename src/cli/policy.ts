// `countersign policy <init|show|update|diff>`: write a policy file from flags, or explain one in plain
// words (spec/POLICY.md). `init` checks its own output with the same parser every verifier
// uses, before and after writing, so it can never produce a policy that would not load.
import { InputError, PolicyError } from '../lib/basics/errors/errors.ts';
import { parseStrictJson } from '../lib/basics/json/strict-json.ts';
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import {
  GITHUB_ACTIONS_ISSUER,
  GITHUB_CLAIM_NAMES,
  buildPolicy,
  describePolicy,
  loadPolicyFile,
  parsePolicy,
  type GithubClaimName,
} from '../lib/formats/policy/index.ts';
import { organisationProblem } from '../lib/formats/policy/countersigners.ts';
import { reportFatal } from './errors.ts';
import { readInputFile } from './io.ts';
import { usageError } from './usage.ts';
import { HELP_COMBINED, parseVerbArgs } from './args.ts';

export const USAGE = `usage: countersign policy init (--identity URI | --identity-pattern REGEX) --trusted-root FILE
                               --source-repository-id N --source-repository-owner-id N
                               --countersigner NAME=PUBFILE [--countersigner ...] --stream S [--stream ...]
                               --out FILE [options]
       countersign policy show FILE
       countersign policy update --current FILE --rotation BUNDLE [...] --out FILE [--state FILE]
       countersign policy diff CURRENT NEW [--organisation ORG] [--json]
       countersign policy check-trusted-root POLICY [--instance public-good|github] [--tuf-url URL --tuf-root FILE]
       countersign policy rotate --trusted-root NEW_ROOT --current POLICY --out NEW_POLICY [--force]

init: writes a policy file (pretty-printed JSON) and prints a summary of it.
  --identity URI             the primary's exact certificate identity, e.g.
                             https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main
  --identity-pattern REGEX   instead, an anchored regular expression ^...$ over the identity
  --issuer URL               OIDC issuer (default ${GITHUB_ACTIONS_ISSUER})
  --source-repository URL    the repository whose runs may sign, https://github.com/OWNER/REPO
                             (default: OWNER/REPO of an exact --identity on github.com)
  --source-repository-id N   its numeric id, and its owner's: names can be deleted and
  --source-repository-owner-id N
                             registered again (gh api repos/OWNER/REPO --jq '.id, .owner.id').
                             Required: a reusable workflow (on: workflow_call) gets the same
                             identity in every repository that calls it; these tell them apart
  --unsafe-no-source-repository-pin
                             write a policy without that pin: any repository calling the
                             workflow can sign (spec/POLICY.md §3.3.3)
  --github-claim NAME=VALUE  pin a GitHub claim (repeatable): ${GITHUB_CLAIM_NAMES.join(', ')}
  --trusted-root FILE        Sigstore trusted_root.json, embedded in the policy
  --countersigner NAME=FILE  a countersigner key: its Ed25519 public key PEM (repeatable)
  --organisation NAME=ORG    the organisation of countersigner NAME (default: NAME)
                             in ASCII letters, digits, single spaces and . , - _ & ' ( )
  --countersigner-log NAME=ORIGIN,PUBFILE
                             require NAME's countersignatures to be in its transparency log:
                             the log's origin and public key (GET /v1/log/key of the service)
  --threshold N              distinct organisations that must countersign (default 1)
  --fallback NAME=FILE       an emergency fallback signer key (repeatable): may authorise
                             authority rotations only (spec/ROTATION.md); --organisation
                             names its organisation too; needs --kind authority-rotation
  --fallback-threshold N     distinct fallback organisations needed (default 1)
  --kind K                   allowed statement kind (repeatable, default binary-digest)
  --stream S                 allowed stream, e.g. acme/app:stable (repeatable, at least one)
  --policy-version N         the policy's own version number (default 1)
  --out FILE                 where to write the policy
  --force                    replace FILE if it exists

show: prints what FILE accepts, in plain words.

update: follows authority-rotation bundles from the current policy and writes the result
(see 'countersign policy update --help').

diff: prints what NEW (a policy, or an authority-rotation bundle) changes against CURRENT,
one line per change, in words (see 'countersign policy diff --help').

check-trusted-root: says whether the trusted root POLICY pins is still the Sigstore
instance's current one, fetched through TUF (see 'countersign policy check-trusted-root --help').

rotate: writes the next policy with only the Sigstore trusted root changed, for an authority
rotation, and prints the change (see 'countersign policy rotate --help').

Exit codes: 0 done, 2 bad input.`;

const MAX_TRUSTED_ROOT_BYTES = 512 * 1024;
const MAX_PUBLIC_KEY_BYTES = 16 * 1024;

export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  try {
    if (sub === 'init') return await init(rest);
    if (sub === 'show') return await show(rest);
    if (sub === 'update') return await (await import('./policy-update.ts')).update(rest);
    if (sub === 'diff') return await (await import('./policy-diff.ts')).diff(rest);
    if (sub === 'check-trusted-root') return await (await import('./trusted-root.ts')).checkTrustedRoot(rest);
    if (sub === 'rotate') return await (await import('./policy-rotate.ts')).rotate(rest);
    if (sub === '--help' || sub === '-h')
      return rest.length === 0 ? (console.log(USAGE), 0) : usageError('policy', HELP_COMBINED);
    return usageError(
      'policy',
      sub === undefined ? 'missing init, show, update or diff' : `unknown subcommand ${JSON.stringify(sub)}`,
    );
  } catch (err) {
    // Argument errors (src/cli/args.ts) are InputErrors naming the subverb, like bad input.
    return reportFatal(err);
  }
}

async function show(argv: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs('policy show', argv, { help: { type: 'boolean', short: 'h' } });
  if (values.help) return (console.log(USAGE), 0);
  if (positionals.length !== 1)
    return usageError(
      'policy show',
      positionals.length === 0 ? 'missing FILE' : `unexpected argument ${JSON.stringify(positionals[1])}`,
    );
  console.log(describePolicy(await loadPolicyFile(positionals[0] as string)));
  return 0;
}

async function init(argv: string[]): Promise<number> {
  const many = { type: 'string', multiple: true } as const;
  const { values, positionals } = parseVerbArgs('policy init', argv, {
    identity: { type: 'string' },
    'identity-pattern': { type: 'string' },
    issuer: { type: 'string' },
    'source-repository': { type: 'string' },
    'source-repository-id': { type: 'string' },
    'source-repository-owner-id': { type: 'string' },
    'unsafe-no-source-repository-pin': { type: 'boolean' },
    'github-claim': many,
    'trusted-root': { type: 'string' },
    countersigner: many,
    organisation: many,
    'countersigner-log': many,
    threshold: { type: 'string' },
    fallback: many,
    'fallback-threshold': { type: 'string' },
    kind: many,
    stream: many,
    'policy-version': { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (console.log(USAGE), 0);
  const fail = (message: string): number => usageError('policy init', message);
  if (positionals.length > 0) return fail(`unexpected argument ${JSON.stringify(positionals[0])}`);
  if ((values.identity === undefined) === (values['identity-pattern'] === undefined))
    return fail('give exactly one of --identity or --identity-pattern');
  if (!values['trusted-root']) return fail('missing --trusted-root FILE');
  if (!values.countersigner?.length) return fail('missing --countersigner NAME=PUBFILE');
  if (!values.stream?.length) return fail('missing --stream S');
  if (!values.out) return fail('missing --out FILE');

  const keyFiles = pairs(values.countersigner, '--countersigner', 'NAME=PUBFILE');
  const organisations = new Map(pairs(values.organisation ?? [], '--organisation', 'NAME=ORG'));
  const fallbackFiles = pairs(values.fallback ?? [], '--fallback', 'NAME=PUBFILE');
  for (const name of organisations.keys()) {
    if (!keyFiles.some(([n]) => n === name) && !fallbackFiles.some(([n]) => n === name))
      return fail(`--organisation ${name}=...: no --countersigner or --fallback named ${name}`);
  }
  // The parser's rule (spec/POLICY.md §3.5), said against the flag: names that cannot look alike.
  for (const [name, organisation] of organisations) {
    const problem = organisationProblem(organisation);
    if (problem !== undefined)
      throw new PolicyError('policy-bad-organisation', `policy init: --organisation ${name}=...: ${problem}`);
  }
  if (values['fallback-threshold'] !== undefined && fallbackFiles.length === 0)
    return fail('--fallback-threshold without any --fallback NAME=PUBFILE');
  const githubClaims: Partial<Record<GithubClaimName, string>> = {};
  for (const [name, value] of pairs(values['github-claim'] ?? [], '--github-claim', 'NAME=VALUE')) {
    if (!(GITHUB_CLAIM_NAMES as readonly string[]).includes(name))
      return fail(
        `--github-claim: unknown claim ${JSON.stringify(name)} (expected one of ${GITHUB_CLAIM_NAMES.join(', ')})`,
      );
    githubClaims[name as GithubClaimName] = value;
  }
  const pinProblem = sourceRepositoryPin(values, githubClaims);
  if (pinProblem !== undefined) return fail(pinProblem);

  const rootPath = values['trusted-root'];
  const trustedRoot = parseStrictJson(await readInputFile(rootPath, 'trusted root', MAX_TRUSTED_ROOT_BYTES), rootPath, {
    maxBytes: MAX_TRUSTED_ROOT_BYTES,
    maxDepth: 16,
  });
  if (typeof trustedRoot !== 'object' || trustedRoot === null || Array.isArray(trustedRoot))
    throw new PolicyError('policy-malformed', `${rootPath}: expected a Sigstore trusted root JSON object`);

  const logs = new Map<string, { origin: string; publicKeyPem: string }>();
  for (const [name, value] of pairs(values['countersigner-log'] ?? [], '--countersigner-log', 'NAME=ORIGIN,PUBFILE')) {
    if (!keyFiles.some(([n]) => n === name))
      return fail(`--countersigner-log ${name}=...: no --countersigner named ${name}`);
    const comma = value.lastIndexOf(',');
    if (comma <= 0 || comma === value.length - 1)
      return fail(`--countersigner-log ${name}=${value}: expected NAME=ORIGIN,PUBFILE`);
    const file = value.slice(comma + 1);
    const publicKeyPem = Buffer.from(
      await readInputFile(file, `log public key of ${name}`, MAX_PUBLIC_KEY_BYTES),
    ).toString('latin1');
    logs.set(name, { origin: value.slice(0, comma), publicKeyPem });
  }

  const countersigners = [];
  for (const [name, file] of keyFiles) {
    const pem = Buffer.from(await readInputFile(file, `public key of ${name}`, MAX_PUBLIC_KEY_BYTES)).toString(
      'latin1',
    );
    const log = logs.get(name);
    countersigners.push({
      name,
      organisation: organisations.get(name) ?? name,
      publicKeyPem: pem,
      source: file,
      ...(log ? { log } : {}),
    });
  }

  const fallbackKeys = [];
  for (const [name, file] of fallbackFiles) {
    const pem = Buffer.from(await readInputFile(file, `public key of ${name}`, MAX_PUBLIC_KEY_BYTES)).toString(
      'latin1',
    );
    fallbackKeys.push({ name, organisation: organisations.get(name) ?? name, publicKeyPem: pem, source: file });
  }

  let document: Record<string, unknown>;
  try {
    document = buildPolicy({
      issuer: values.issuer,
      identity: values.identity,
      identityPattern: values['identity-pattern'],
      githubClaims,
      unsafeNoSourceRepositoryPin: values['unsafe-no-source-repository-pin'] === true,
      trustedRoot: trustedRoot as Record<string, unknown>,
      countersigners,
      threshold: values.threshold === undefined ? undefined : integerFlag(values.threshold, '--threshold'),
      kinds: values.kind,
      streams: values.stream,
      version:
        values['policy-version'] === undefined ? undefined : integerFlag(values['policy-version'], '--policy-version'),
      ...(fallbackKeys.length > 0
        ? {
            fallback: {
              countersigners: fallbackKeys,
              threshold:
                values['fallback-threshold'] === undefined
                  ? 1
                  : integerFlag(values['fallback-threshold'], '--fallback-threshold'),
            },
          }
        : {}),
    });
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new PolicyError('policy-bad-key', `policy init: ${err instanceof Error ? err.message : String(err)}`);
  }
  const text = `${JSON.stringify(document, null, 2)}\n`;
  // Checked before writing (no bad file is ever written) and after (what is on disk loads).
  parsePolicy(text, values.out);
  try {
    await writeFileAtomic(values.out, text, { exclusive: !values.force });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      throw new InputError('output-exists', `${values.out}: already exists (use --force to replace it)`);
    throw err;
  }
  const policy = await loadPolicyFile(values.out);
  console.error(`wrote ${values.out}\n\n${describePolicy(policy)}`);
  console.log(values.out);
  return 0;
}

/**
 * Fills the source-repository claims of `claims` from --source-repository[-id|-owner-id] (the
 * repository defaults to OWNER/REPO of an exact --identity on github.com: a workflow's own runs
 * have their own repository as source) and returns why the pin cannot be written, if so. The
 * ids are never derived: a name can be deleted and registered again by someone else.
 */
function sourceRepositoryPin(
  values: {
    identity?: string;
    'source-repository'?: string;
    'source-repository-id'?: string;
    'source-repository-owner-id'?: string;
    'unsafe-no-source-repository-pin'?: boolean;
  },
  claims: Partial<Record<GithubClaimName, string>>,
): string | undefined {
  const given: [GithubClaimName, string, string | undefined][] = [
    [
      'repository',
      '--source-repository',
      values['source-repository'] === undefined ? undefined : repositoryName(values['source-repository']),
    ],
    ['repositoryId', '--source-repository-id', values['source-repository-id']],
    ['repositoryOwnerId', '--source-repository-owner-id', values['source-repository-owner-id']],
  ];
  for (const [claim, flag, value] of given) {
    if (value === undefined) continue;
    if (claims[claim] !== undefined && claims[claim] !== value)
      return `${flag} ${JSON.stringify(value)} and --github-claim ${claim}=${JSON.stringify(claims[claim])} disagree`;
    claims[claim] = value;
  }
  const unsafe = values['unsafe-no-source-repository-pin'] === true;
  const derived =
    values.identity === undefined
      ? undefined
      : /^https:\/\/github\.com\/([^/\s]+\/[^/\s]+)\/\.github\/workflows\//.exec(values.identity)?.[1];
  if (!unsafe && claims.repository === undefined && derived !== undefined) claims.repository = derived;
  const missing = given.filter(([claim]) => claims[claim] === undefined).map(([, flag]) => flag);
  if (unsafe && missing.length === 0)
    return '--unsafe-no-source-repository-pin with the whole source-repository pin: give one or the other';
  if (unsafe || missing.length === 0) return undefined;
  return `missing ${missing.map((f) => `${f} ${f === '--source-repository' ? 'URL' : 'N'}`).join(' and ')}: without the source repository pinned, any repository that calls the workflow (on: workflow_call) signs with its identity (ids: gh api repos/OWNER/REPO --jq '.id, .owner.id'; to accept that risk, --unsafe-no-source-repository-pin)`;
}

/** OWNER/REPO from https://HOST/OWNER/REPO (as Fulcio writes the Source Repository URI) or OWNER/REPO; the policy parser checks the form. */
function repositoryName(value: string): string {
  return /^https:\/\/[^/?#@\s]+\/([^/\s]+\/[^/\s]+?)\/?$/.exec(value)?.[1] ?? value;
}

/** Splits repeated NAME=VALUE flags; a value may itself contain '='. */
function pairs(items: readonly string[], flag: string, form: string): [string, string][] {
  return items.map((item) => {
    const i = item.indexOf('=');
    if (i <= 0 || i === item.length - 1)
      throw new InputError('usage', `${flag}: expected ${form}, found ${JSON.stringify(item)}`);
    return [item.slice(0, i), item.slice(i + 1)];
  });
}

function integerFlag(value: string, flag: string): number {
  if (!/^[0-9]{1,15}$/.test(value))
    throw new InputError('usage', `${flag}: expected a positive integer, found ${JSON.stringify(value)}`);
  return Number(value);
}
