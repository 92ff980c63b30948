// The CLI as a user runs it: every step is a real `node src/cli/main.ts <verb>` process (cwd the
// repository, the token from a GitHub-shaped OIDC endpoint given by ACTIONS_ID_TOKEN_REQUEST_URL
// and _TOKEN), against one local Sigstore stack that this test process serves on loopback.
// The walk: keygen -> policy init -> build -> sign -> countersign -> verify (text, --json,
// files, --state), then the exits 1 and 2 a user meets. The tests run in order and share files.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS, type VerificationReport } from '../../src/lib/pipeline/report.ts';
import { type Stack, startStack } from '../../src/stack/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STREAM = 'acme/app:stable';

let stack: Stack;
let dir: string;
/** The environment of a GitHub job with `permissions: id-token: write`, pointed at the stack. */
let jobEnv: NodeJS.ProcessEnv;
/** The same without any token source. */
let bareEnv: NodeJS.ProcessEnv;
const at = (...p: string[]) => join(dir, ...p);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `countersign ...args` as a child process and collects its exit code and output. */
function cli(args: string[], env: NodeJS.ProcessEnv = jobEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['src/cli/main.ts', ...args],
      { cwd: ROOT, env, timeout: 30_000, maxBuffer: 8 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') {
          reject(new Error(err.message, { cause: err })); // not run at all (a run that exits non-zero is a result)
          return;
        }
        resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
      },
    );
  });
}

/** Exit 0, or a failure that shows what the process said. */
async function ok(args: string[], env?: NodeJS.ProcessEnv): Promise<Run> {
  const run = await cli(args, env);
  assert.equal(run.code, 0, `countersign ${args.join(' ')}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  return run;
}

/** `verify --json`: the exit code and the parsed report. */
async function verifyJson(args: string[]): Promise<{ code: number | null; report: VerificationReport }> {
  const run = await cli(['verify', '--json', ...args]);
  assert.ok(run.stdout.trim().startsWith('{'), `expected a JSON report, got stdout ${run.stdout} stderr ${run.stderr}`);
  return { code: run.code, report: JSON.parse(run.stdout) as VerificationReport };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'countersign-cli-e2e-'));
  stack = await startStack({ dir: at('stack') });
  await writeFile(at('stack.json'), JSON.stringify(stack.description, null, 2));
  bareEnv = { ...process.env };
  // Nothing from the environment running the tests may leak in (a real runner sets these), and
  // the children must not think they are test-runner subprocesses.
  for (const name of [
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'SIGSTORE_ID_TOKEN',
    'NODE_TEST_CONTEXT',
    'NODE_OPTIONS',
  ])
    Reflect.deleteProperty(bareEnv, name);
  jobEnv = {
    ...bareEnv,
    ACTIONS_ID_TOKEN_REQUEST_URL: stack.description.tokenUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: stack.description.requestToken,
  };
  await mkdir(at('release'));
  await writeFile(at('release', 'app-linux-amd64'), 'ELF pretend binary\n'.repeat(100));
  await writeFile(at('release', 'app-darwin-arm64'), 'Mach-O pretend binary\n'.repeat(100));
});

after(async () => {
  await stack?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** build + sign + countersign of one statement over the release files; returns the file paths. */
async function release(
  name: string,
  version: number,
  expiresIn = '30d',
): Promise<{ statement: string; primary: string; bundle: string }> {
  const statement = at(`${name}.statement.json`);
  const primary = at(`${name}.sigstore.json`);
  const bundle = at(`${name}.countersigned.json`);
  const built = await ok([
    'build',
    '--kind',
    'binary-digest',
    '--stream',
    STREAM,
    '--version',
    String(version),
    '--expires-in',
    expiresIn,
    '--base',
    dir,
    '--out',
    statement,
    'release',
  ]);
  // stdout is exactly the digest of the statement bytes written.
  assert.equal(built.stdout, `sha256:${sha256(await readFile(statement))}\n`);
  const signed = await ok(['sign', statement, '--sigstore', at('stack.json'), '--out', primary]);
  assert.equal(signed.stdout.trim(), primary);
  await ok(['countersign', primary, '--key', at('b.key'), '--policy', at('policy.json'), '--out', bundle]);
  return { statement, primary, bundle };
}

let v1: { statement: string; primary: string; bundle: string };

test('keygen, policy init, build, sign, countersign: each step exits 0 and writes its file', async () => {
  const keygen = await ok(['keygen', '--out', at('b.key')]);
  assert.match(keygen.stdout, /^sha256:[0-9a-f]{64}\n$/);
  assert.equal((await stat(at('b.key'))).mode & 0o777, 0o600);
  assert.match(await readFile(at('b.key.pub'), 'utf8'), /^-----BEGIN PUBLIC KEY-----\n/);

  await ok([
    'policy',
    'init',
    '--identity',
    stack.description.identity,
    '--issuer',
    stack.description.issuer,
    '--source-repository-id',
    stack.sourceRepository.repositoryId,
    '--source-repository-owner-id',
    stack.sourceRepository.repositoryOwnerId,
    '--trusted-root',
    stack.description.trustedRoot,
    '--countersigner',
    `b-release=${at('b.key.pub')}`,
    '--organisation',
    'b-release=Org B',
    '--stream',
    STREAM,
    '--out',
    at('policy.json'),
  ]);
  const policy = JSON.parse(await readFile(at('policy.json'), 'utf8')) as { countersigners: { keyId: string }[] };
  assert.equal(policy.countersigners[0]?.keyId, keygen.stdout.trim());

  v1 = await release('v1', 1);
  const bundle = JSON.parse(await readFile(v1.bundle, 'utf8')) as {
    mediaType: string;
    countersignatures: { keyId: string }[];
  };
  assert.equal(bundle.mediaType, 'application/vnd.countersign.bundle.v1+json');
  assert.deepEqual(
    bundle.countersignatures.map((c) => c.keyId),
    [keygen.stdout.trim()],
  );
});

test("F9 a reusable-workflow call from another repository: signed with A's identity, B's countersign refuses it (exit 1), verify rejects it", async () => {
  // The runner of a repository that calls A's release workflow: the stack's token endpoint mints its token (caller_workflow_ref).
  const callerEnv = {
    ...jobEnv,
    ACTIONS_ID_TOKEN_REQUEST_URL: `${stack.description.tokenUrl}&caller_workflow_ref=${encodeURIComponent('evil/fork/.github/workflows/ci.yml@refs/heads/main')}`,
  };
  const statement = at('caller.statement.json');
  await ok([
    'build',
    '--kind',
    'binary-digest',
    '--stream',
    STREAM,
    '--version',
    '1',
    '--expires-in',
    '30d',
    '--base',
    dir,
    '--out',
    statement,
    'release',
  ]);
  await ok(['sign', statement, '--sigstore', at('stack.json'), '--out', at('caller.sigstore.json')], callerEnv);
  const refused = await cli([
    'countersign',
    at('caller.sigstore.json'),
    '--key',
    at('b.key'),
    '--policy',
    at('policy.json'),
    '--out',
    at('caller.countersigned.json'),
  ]);
  assert.equal(refused.code, 1, refused.stderr);
  assert.match(refused.stderr, /primary-source-repository/);
  assert.match(refused.stderr, /repository expected "acme\/app", found "evil\/fork"/);
  assert.equal(await exists(at('caller.countersigned.json')), false);
  const { code, report } = await verifyJson([at('caller.sigstore.json'), '--policy', at('policy.json')]);
  assert.equal(code, 1);
  assert.deepEqual(
    [report.outcome, report.failure?.check, report.failure?.code],
    ['rejected', 'primary-identity', 'primary-source-repository'],
  );
});

test('verify: exit 0 and a human report; the primary alone exits 1 pending', async () => {
  const [verified, pending] = await Promise.all([
    cli(['verify', v1.bundle, '--policy', at('policy.json')]),
    cli(['verify', v1.primary, '--policy', at('policy.json')]),
  ]);
  assert.equal(verified.code, 0, verified.stderr);
  const lines = verified.stdout.split('\n');
  assert.equal(lines[0], `VERIFIED: ${v1.bundle}`);
  for (const { name } of CHECKS)
    assert.ok(
      lines.some((l) =>
        new RegExp(name === 'subjects' ? '^  -- +subjects +no files given: not checked$' : `^  ok +${name} `).test(l),
      ),
      `a ${name === 'subjects' ? 'not-checked' : 'passing'} line for ${name} in\n${verified.stdout}`,
    );
  assert.ok(verified.stdout.includes(`signed by ${stack.description.identity}`));
  assert.match(verified.stdout, /countersigned by Org B: b-release sha256:[0-9a-f]{64}/);

  assert.equal(pending.code, 1);
  assert.match(pending.stdout, /^PENDING COUNTERSIGNATURE: /);
  assert.match(pending.stdout, /WAIT countersignatures +\[countersignature-missing\]/);
});

test('verify --json: the six checks in order, and the outcome', async () => {
  const { code, report } = await verifyJson([v1.bundle, '--policy', at('policy.json')]);
  assert.equal(code, 0);
  assert.equal(report.outcome, 'verified');
  assert.deepEqual(
    report.checks.map((c) => c.check),
    ['parse', 'primary', 'primary-identity', 'countersignatures', 'statement', 'subjects'],
  );
  // No files given: the subjects check says it compared nothing (issue 14 #10).
  assert.deepEqual(
    report.checks.map((c) => c.result),
    ['pass', 'pass', 'pass', 'pass', 'pass', 'not-checked'],
  );
  assert.equal(report.statement?.digest, `sha256:${sha256(await readFile(v1.statement))}`);
});

test('verify with the release files: ok; after a file changes: exit 1 subject-digest', async () => {
  // Paths are relative to --base, as in the statement.
  const args = [v1.bundle, '--policy', at('policy.json'), '--base', dir, 'release'];
  const good = await verifyJson(args);
  assert.equal(good.code, 0, JSON.stringify(good.report.failure));
  assert.match(good.report.checks.find((c) => c.check === 'subjects')!.message, /^2 file\(s\) match/);

  const file = at('release', 'app-linux-amd64');
  const original = await readFile(file);
  await writeFile(file, 'a backdoored binary\n');
  try {
    const bad = await verifyJson(args);
    assert.equal(bad.code, 1);
    assert.equal(bad.report.outcome, 'rejected');
    assert.deepEqual(bad.report.failure && [bad.report.failure.check, bad.report.failure.code], [
      'subjects',
      'subject-digest',
    ]);
    const text = await cli(['verify', ...args]);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^REJECTED: /);
    assert.match(text.stdout, /FAIL subjects +\[subject-digest\]/);
  } finally {
    await writeFile(file, original);
  }
});

test('--state: v2 is recorded; then v1 is a rollback and another v2 a reused version; the state is kept', async () => {
  const v2 = await release('v2', 2);
  const v2other = await release('v2-other', 2, '7d');
  const state = at('client-state.json');
  const policy = ['--policy', at('policy.json'), '--state', state];

  const accepted = await verifyJson([v2.bundle, ...policy]);
  assert.equal(accepted.code, 0, JSON.stringify(accepted.report.failure));
  const recorded = await readFile(state);
  assert.deepEqual(JSON.parse(recorded.toString('utf8')), {
    mediaType: 'application/vnd.countersign.state.v1+json',
    policyVersion: 1, // the policy verified under (spec/ROTATION.md §6)
    streams: { [STREAM]: { version: 2, statementDigest: sha256(await readFile(v2.statement)) } },
  });

  const rollback = await verifyJson([v1.bundle, ...policy]);
  assert.equal(rollback.code, 1);
  assert.deepEqual(rollback.report.failure && [rollback.report.failure.check, rollback.report.failure.code], [
    'statement',
    'statement-rollback',
  ]);
  assert.deepEqual(await readFile(state), recorded, 'a rejection leaves the state file unchanged');

  const reused = await verifyJson([v2other.bundle, ...policy]);
  assert.equal(reused.code, 1);
  assert.deepEqual(reused.report.failure && [reused.report.failure.check, reused.report.failure.code], [
    'statement',
    'statement-version-reused',
  ]);
  assert.deepEqual(await readFile(state), recorded, 'a rejection leaves the state file unchanged');

  // The control: both rejected bundles verify without the state, and v2 again with it.
  const [v1Alone, otherAlone, v2Again] = await Promise.all([
    cli(['verify', v1.bundle, '--policy', at('policy.json')]),
    cli(['verify', v2other.bundle, '--policy', at('policy.json')]),
    cli(['verify', v2.bundle, ...policy]),
  ]);
  assert.deepEqual([v1Alone.code, otherAlone.code, v2Again.code], [0, 0, 0]);
});

test('F8 verify --stream: under a policy of stable and beta, an old genuine beta v1 is refused to a client at stable v6 (exit 1); without --stream, or with one the policy does not allow, exit 2 before verifying', async () => {
  const BETA = 'acme/app:beta';
  const both = at('policy-both.json');
  await ok([
    'policy',
    'init',
    '--identity',
    stack.description.identity,
    '--issuer',
    stack.description.issuer,
    '--source-repository-id',
    stack.sourceRepository.repositoryId,
    '--source-repository-owner-id',
    stack.sourceRepository.repositoryOwnerId,
    '--trusted-root',
    stack.description.trustedRoot,
    '--countersigner',
    `b-release=${at('b.key.pub')}`,
    '--organisation',
    'b-release=Org B',
    '--stream',
    STREAM,
    '--stream',
    BETA,
    '--out',
    both,
  ]);
  const releaseOf = async (name: string, stream: string, version: number) => {
    await ok([
      'build',
      '--kind',
      'binary-digest',
      '--stream',
      stream,
      '--version',
      String(version),
      '--base',
      dir,
      '--out',
      at(`${name}.statement.json`),
      'release',
    ]);
    await ok([
      'sign',
      at(`${name}.statement.json`),
      '--sigstore',
      at('stack.json'),
      '--out',
      at(`${name}.sigstore.json`),
    ]);
    await ok([
      'countersign',
      at(`${name}.sigstore.json`),
      '--key',
      at('b.key'),
      '--policy',
      both,
      '--out',
      at(`${name}.countersigned.json`),
    ]);
    return at(`${name}.countersigned.json`);
  };
  const [beta1, stable6] = await Promise.all([releaseOf('f8-beta-v1', BETA, 1), releaseOf('f8-stable-v6', STREAM, 6)]);
  const state = at('f8-state.json');
  const atStable = await verifyJson([stable6, '--policy', both, '--stream', STREAM, '--state', state]);
  assert.equal(atStable.code, 0, JSON.stringify(atStable.report.failure));
  const recorded = await readFile(state);

  // The replay, asked about stable: rejected at the statement check; the state is kept.
  const replay = await verifyJson([beta1, '--policy', both, '--stream', STREAM, '--state', state]);
  assert.equal(replay.code, 1);
  assert.deepEqual(replay.report.failure && [replay.report.failure.check, replay.report.failure.code], [
    'statement',
    'statement-stream-unexpected',
  ]);
  assert.deepEqual(await readFile(state), recorded);

  // Not asked, or asked about a stream the policy does not allow: exit 2, one line, nothing verified or written.
  const [unasked, unknown, badKind] = await Promise.all([
    cli(['verify', beta1, '--policy', both, '--state', state]),
    cli(['verify', beta1, '--policy', both, '--stream', 'acme/app:nightly']),
    cli(['verify', stable6, '--policy', both, '--stream', STREAM, '--kind', 'fleet-key']),
  ]);
  assert.equal(unasked.code, 2, unasked.stdout);
  assert.equal(
    unasked.stderr,
    'countersign: the policy allows 2 streams (acme/app:stable, acme/app:beta): say which one you expect with --stream\n',
  );
  assert.equal(unasked.stdout, '');
  assert.deepEqual(await readFile(state), recorded);
  assert.equal(unknown.code, 2);
  assert.match(
    unknown.stderr,
    /^countersign: --stream names a stream the policy does not allow: "acme\/app:nightly" \(it allows acme\/app:stable, acme\/app:beta\)\n$/,
  );
  assert.equal(badKind.code, 2);
  assert.match(badKind.stderr, /--kind names a kind the policy does not allow: "fleet-key"/);

  // The beta client asks about beta: the same bundle verifies; with --kind too.
  const betaClient = await cli(['verify', beta1, '--policy', both, '--stream', BETA, '--kind', 'binary-digest']);
  assert.equal(betaClient.code, 0, betaClient.stdout + betaClient.stderr);
});

test('exit 2: missing bundle file, malformed policy, unknown verb, missing --policy; one line naming the input', async () => {
  await writeFile(at('bad-policy.json'), '{"mediaType": "application/vnd.countersign.policy.v1+json", ');
  const missingBundle = at('no-such-bundle.json');
  const [noBundle, badPolicy, unknownVerb, noPolicy] = await Promise.all([
    cli(['verify', missingBundle, '--policy', at('policy.json')]),
    cli(['verify', v1.bundle, '--policy', at('bad-policy.json')]),
    cli(['frobnicate', v1.bundle]),
    cli(['verify', v1.bundle]),
  ]);
  const firstLine = (r: Run) => r.stderr.split('\n')[0] ?? '';
  for (const [label, run, names] of [
    ['missing bundle', noBundle, missingBundle],
    ['malformed policy', badPolicy, at('bad-policy.json')],
    ['unknown verb', unknownVerb, "'frobnicate'"],
    ['missing --policy', noPolicy, '--policy'],
  ] as const) {
    assert.equal(run.code, 2, `${label}: ${run.stderr}`);
    assert.ok(firstLine(run).startsWith('countersign'), `${label}: ${run.stderr}`);
    assert.ok(
      firstLine(run).includes(names),
      `${label}: expected the first stderr line to name ${names}, got ${firstLine(run)}`,
    );
    assert.ok(!firstLine(run).includes('internal error'), label);
  }
  // Every error is exactly one line; usage errors point at --help.
  assert.equal(noBundle.stderr, `countersign: bundle ${missingBundle}: no such file\n`);
  for (const run of [badPolicy, unknownVerb, noPolicy])
    assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
  assert.match(unknownVerb.stderr, /verbs: keygen, .*verify.*; see 'countersign --help'/);
  assert.equal(firstLine(noPolicy), "countersign verify: missing --policy FILE (see 'countersign verify --help')");
  for (const run of [noBundle, badPolicy, unknownVerb, noPolicy]) assert.equal(run.stdout, '');
});

test('countersign refuses a primary of another workflow identity: exit 1 with the reason, no --out written', async () => {
  const evil = 'evil/app/.github/workflows/release.yml@refs/heads/main';
  const token = stack.mintToken({ audience: 'sigstore', jobWorkflowRef: evil });
  await ok(
    [
      'sign',
      v1.statement,
      '--sigstore',
      at('stack.json'),
      '--identity-token',
      token,
      '--out',
      at('evil.sigstore.json'),
    ],
    bareEnv,
  );
  const out = at('evil.countersigned.json');
  const refused = await cli([
    'countersign',
    at('evil.sigstore.json'),
    '--key',
    at('b.key'),
    '--policy',
    at('policy.json'),
    '--out',
    out,
  ]);
  assert.equal(refused.code, 1, refused.stderr);
  assert.match(refused.stderr, /^countersign: rejected \[primary-identity\]: refusing to countersign: /);
  assert.ok(refused.stderr.includes(`https://github.com/${evil}`), refused.stderr);
  assert.equal(refused.stderr.trimEnd().split('\n').length, 1);
  assert.equal(refused.stdout, '');
  assert.equal(await exists(out), false);
});

test('sign without any token source: exit 2, says to grant id-token: write, writes nothing', async () => {
  const out = at('no-token.sigstore.json');
  const run = await cli(['sign', v1.statement, '--sigstore', at('stack.json'), '--out', out], bareEnv);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /^countersign: .*`?id-token: write`?/);
  assert.equal(run.stderr.trimEnd().split('\n').length, 1);
  assert.equal(await exists(out), false);
});

test("F10 a stream cannot be run to its end: B's countersign refuses a jump beyond maxVersionStep (--state) and 2^53-1 with no record; verify --state refuses the jump", async () => {
  /** build + sign (A's side) of one version; returns the primary bundle's path. */
  const primaryOf = async (version: number): Promise<string> => {
    const statement = at(`f10-v${version}.statement.json`);
    const primary = at(`f10-v${version}.sigstore.json`);
    await ok([
      'build',
      '--kind',
      'binary-digest',
      '--stream',
      STREAM,
      '--version',
      String(version),
      '--expires-in',
      '30d',
      '--base',
      dir,
      '--out',
      statement,
      'release',
    ]);
    await ok(['sign', statement, '--sigstore', at('stack.json'), '--out', primary]);
    return primary;
  };
  const bState = at('f10-b-state.json');
  const countersign = (primary: string, out: string, state = true) =>
    cli([
      'countersign',
      primary,
      '--key',
      at('b.key'),
      '--policy',
      at('policy.json'),
      '--out',
      out,
      ...(state ? ['--state', bState] : []),
    ]);
  const refused = async (primary: string, state: boolean, message: RegExp) => {
    const out = at('f10-refused.json');
    const before = await readFile(bState).catch(() => undefined);
    const run = await countersign(primary, out, state);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /^countersign: rejected \[statement-version-step\]: /);
    assert.match(run.stderr, message);
    assert.equal(await exists(out), false);
    assert.deepEqual(await readFile(bState).catch(() => undefined), before, "B's state unchanged");
  };
  const [v5000, v6001, v6000, last] = await Promise.all([
    primaryOf(5000),
    primaryOf(6001),
    primaryOf(6000),
    primaryOf(Number.MAX_SAFE_INTEGER),
  ]);

  // A stream B has no record of: any first version up to 2^45, never 2^53-1.
  await refused(
    last,
    false,
    /version 9007199254740991 of acme\/app:stable is above 35184372088832, the highest first version/,
  );
  await refused(last, true, /above 35184372088832/);
  assert.equal((await countersign(v5000, at('f10-v5000.countersigned.json'))).code, 0);
  // With B's record (5000): at most 1000 above it.
  await refused(
    v6001,
    true,
    /version 6001 of acme\/app:stable is 1001 above the last accepted version 5000, more than the policy's maxVersionStep of 1000/,
  );
  await refused(last, true, /is 9007199254735991 above the last accepted version 5000/);
  assert.equal((await countersign(v6000, at('f10-v6000.countersigned.json'))).code, 0);

  // A client that accepted v1 refuses v5000 (a jump of 4999); a client without a record accepts it.
  const clientState = at('f10-client-state.json');
  assert.equal((await cli(['verify', v1.bundle, '--policy', at('policy.json'), '--state', clientState])).code, 0);
  const recorded = await readFile(clientState);
  const jump = await verifyJson([
    at('f10-v5000.countersigned.json'),
    '--policy',
    at('policy.json'),
    '--state',
    clientState,
  ]);
  assert.equal(jump.code, 1);
  assert.deepEqual(
    jump.report.failure && [jump.report.failure.check, jump.report.failure.code, jump.report.failure.message],
    [
      'statement',
      'statement-version-step',
      "version 5000 of acme/app:stable is 4999 above the last accepted version 1, more than the policy's maxVersionStep of 1000",
    ],
  );
  assert.deepEqual(await readFile(clientState), recorded);
  assert.equal((await cli(['verify', at('f10-v5000.countersigned.json'), '--policy', at('policy.json')])).code, 0);
});
