// The client verifier library (`@countersign/verify`, src/client/) in Node: every case of
// spec/vectors gives the outcome, deciding check and code of its expected.json (verifyAt as
// `now`; a case with rotations/ follows them with followPolicyRotations first), and the very
// report the CLI's pipeline gives; the state to persist; the inputs'
// forms and their errors; and what the entry loads (nothing that signs, no @actions/*, no
// network module) and touches while verifying (no file, no network).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import {
  followPolicyRotations,
  isVerifiedSubject,
  pinPolicy,
  verifyBundle,
  type VerifyBundleInput,
  type VerifyBundleResult,
} from '../../src/client/index.ts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseState } from '../../src/lib/formats/state/state.ts';
import {
  VECTORS_DIR,
  loadClientVectors,
  mismatches,
  runClientCase,
  verdictOf,
  type ClientVectorCase,
} from '../helpers/client-vectors.ts';
import { evaluateVectorCase } from '../../tools/vector-case.ts';

const cases = loadClientVectors();
const byName = (name: string) => cases.find((c) => c.name === name)!;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function inputOf(c: ClientVectorCase): VerifyBundleInput {
  return {
    bundle: c.bundle,
    policy: c.policy,
    trustedRoot: c.trustedRoot,
    ...(c.state ? { state: c.state } : {}),
    ...(c.artifacts ? { artifacts: c.artifacts } : {}),
    now: new Date(c.expected.verifyAt),
    what: `${c.name}/bundle.json`,
  };
}

test('every spec/vectors case: the expected verdict, and the same report as the CLI pipeline', async () => {
  assert.ok(cases.length >= 20, `expected the vector corpus, found ${cases.length} cases`);
  const problems: string[] = [];
  assert.ok(
    cases.some((c) => c.rotations),
    'the cases with rotations/ run too',
  );
  for (const c of cases) {
    const result = await runClientCase({ verifyBundle, followPolicyRotations }, c);
    problems.push(...mismatches(c.name, verdictOf(result.report), c.expected));
    const { report } = await evaluateVectorCase(join(VECTORS_DIR, c.name), c.name, c.expected);
    assert.deepEqual(result.report, report, `${c.name}: the client's report differs from the pipeline's`);
    assert.equal(result.error, undefined, c.name);
    if (c.expected.outcome === 'verified') {
      // The new state records this stream at this version and statement (FORMAT.md §8).
      const state = parseState(new TextEncoder().encode(result.newState), 'newState');
      const st = result.report.statement!;
      assert.deepEqual(
        state.streams[st.stream],
        { version: st.version, statementDigest: st.digest.replace(/^sha256:/, '') },
        c.name,
      );
    } else {
      assert.equal(result.newState, undefined, `${c.name}: nothing to persist unless verified`);
    }
  }
  assert.deepEqual(problems, []);
});

test('state: a fresh client persists the new state; the same bundle again verifies, an older version is a rollback', async () => {
  const c = byName('happy-path');
  const now = new Date(c.expected.verifyAt);
  const first = await verifyBundle({ bundle: c.bundle, policy: c.policy, now });
  assert.equal(first.report.outcome, 'verified');
  assert.match(first.newState!, /"version": 7/);
  const again = await verifyBundle({ bundle: c.bundle, policy: c.policy, state: first.newState!, now });
  assert.equal(again.report.outcome, 'verified');
  assert.equal(again.newState, first.newState, 'same statement, same state');
  // The state of the rollback case has v8 of the stream: v7 is refused.
  const newer = byName('rollback_fail').state!;
  const back = await verifyBundle({ bundle: c.bundle, policy: c.policy, state: newer, now });
  assert.deepEqual(verdictOf(back.report).code, 'statement-rollback');
  assert.equal(back.newState, undefined);
  // State as parsed JSON, and null (fresh client), are accepted too.
  const parsed = await verifyBundle({
    bundle: c.bundle,
    policy: c.policy,
    state: JSON.parse(new TextDecoder().decode(newer)) as Record<string, unknown>,
    now,
  });
  assert.equal(verdictOf(parsed.report).code, 'statement-rollback');
  assert.equal(
    (await verifyBundle({ bundle: c.bundle, policy: c.policy, state: null, now })).report.outcome,
    'verified',
  );
});

test('the policy as bytes, text, parsed JSON or pinned once: the same report', async () => {
  const c = byName('with-artifacts');
  const text = new TextDecoder().decode(c.policy);
  const pinned = pinPolicy(c.policy, c.trustedRoot);
  const reports = [];
  for (const policy of [c.policy, text, JSON.parse(text) as Record<string, unknown>, pinned]) {
    reports.push((await verifyBundle({ ...inputOf(c), policy })).report);
  }
  for (const r of reports) assert.deepEqual(r, reports[0]);
  assert.equal(reports[0]!.outcome, 'verified');
  // The bundle as text verifies as well.
  assert.equal(
    (await verifyBundle({ ...inputOf(c), bundle: new TextDecoder().decode(c.bundle), policy: pinned })).report.outcome,
    'verified',
  );
});

test('artifacts by digest (hex or bytes) judge as artifacts by bytes', async () => {
  for (const name of [
    'with-artifacts',
    'artifact-tampered_fail',
    'artifact-missing_fail',
    'artifact-unexpected-file_fail',
  ]) {
    const c = byName(name);
    const { createHash } = await import('node:crypto');
    const hexes = c.artifacts!.map((a) => ({
      name: a.name,
      sha256: createHash('sha256').update(a.bytes).digest('hex'),
    }));
    const raws = c.artifacts!.map((a) => ({
      name: a.name,
      sha256: new Uint8Array(createHash('sha256').update(a.bytes).digest()),
    }));
    const byBytes = await verifyBundle(inputOf(c));
    assert.deepEqual((await verifyBundle({ ...inputOf(c), artifacts: hexes })).report, byBytes.report, name);
    assert.deepEqual((await verifyBundle({ ...inputOf(c), artifacts: raws })).report, byBytes.report, name);
  }
});

test('unusable inputs are outcome "error" with a code, never a throw or a verdict', async () => {
  const c = byName('happy-path');
  const now = new Date(c.expected.verifyAt);
  const policyText = new TextDecoder().decode(c.policy);
  const otherRoot = JSON.stringify({ ...(JSON.parse(new TextDecoder().decode(c.trustedRoot)) as object), tlogs: [] });
  const cases: [string, Partial<VerifyBundleInput>, string][] = [
    ['policy not JSON', { policy: 'nope' }, 'policy-malformed'],
    [
      'policy with a duplicate key',
      { policy: policyText.replace('{', '{"threshold": 1, ') },
      'policy-duplicate-json-key',
    ],
    [
      'policy of another format',
      {
        policy: policyText.replace(
          'application/vnd.countersign.policy.v1+json',
          'application/vnd.countersign.policy.v9+json',
        ),
      },
      'policy-unsupported-version',
    ],
    ["trusted root other than the policy's", { trustedRoot: otherRoot }, 'trusted-root-mismatch'],
    [
      "trusted root other than a pinned policy's",
      { policy: pinPolicy(c.policy), trustedRoot: otherRoot },
      'trusted-root-mismatch',
    ],
    ['state malformed', { state: '{"mediaType": "application/vnd.countersign.state.v1+json"}' }, 'state-malformed'],
    ['state not UTF-8', { state: new Uint8Array([0xff]) }, 'malformed-json'],
    [
      'artifact name absolute',
      { artifacts: [{ name: '/etc/passwd', bytes: new Uint8Array() }] },
      'artifacts-malformed',
    ],
    ['artifact digest not hex', { artifacts: [{ name: 'app', sha256: 'AB'.repeat(32) }] }, 'artifacts-malformed'],
    ['artifact digest short', { artifacts: [{ name: 'app', sha256: new Uint8Array(31) }] }, 'artifacts-malformed'],
    [
      'artifact twice',
      {
        artifacts: [
          { name: 'app', bytes: new Uint8Array() },
          { name: 'app', bytes: new Uint8Array() },
        ],
      },
      'artifacts-malformed',
    ],
    ['bundle not bytes', { bundle: 42 as unknown as Uint8Array }, 'input-malformed'],
  ];
  for (const [label, change, code] of cases) {
    const result = await verifyBundle({ bundle: c.bundle, policy: c.policy, now, ...change });
    assert.equal(result.report.outcome, 'error', label);
    assert.deepEqual(result.report.checks, [], label);
    assert.equal(result.error?.code, code, `${label}: ${result.error?.message}`);
    assert.equal(result.newState, undefined, label);
  }
  assert.throws(
    () => pinPolicy('{}'),
    (err: Error & { code?: string }) => err.code === 'policy-malformed',
    'pinPolicy throws: it is the explicit set-up step',
  );
});

test('isVerifiedSubject: one downloaded file is a subject of a verified statement, by exact name and digest', async () => {
  const c = byName('with-artifacts');
  const result = await verifyBundle({ bundle: c.bundle, policy: c.policy, now: new Date(c.expected.verifyAt) });
  assert.equal(result.report.outcome, 'verified');
  assert.deepEqual(result.expected, { stream: 'acme/app:stable' }, "the policy's one stream is the expected one");
  const [file] = c.artifacts!;
  assert.equal(isVerifiedSubject(result, file!), true);
  assert.equal(
    isVerifiedSubject(result, { name: file!.name, bytes: Uint8Array.from([...file!.bytes, 0]) }),
    false,
    'other bytes',
  );
  assert.equal(isVerifiedSubject(result, { name: `${file!.name}.old`, bytes: file!.bytes }), false, 'other name');
  const rejected = await verifyBundle({ bundle: c.bundle, policy: c.policy, now: new Date('2030-01-01T00:00:00Z') });
  assert.equal(rejected.report.outcome, 'rejected');
  assert.equal(isVerifiedSubject(rejected, file!), false, 'never for a result that is not verified');
  assert.equal(
    isVerifiedSubject(result, { name: file!.name, sha256: 'nope' }),
    false,
    'a malformed artifact is false, not a throw',
  );
  // The result, not its report: a report alone says nothing of the stream that was expected.
  assert.equal(
    isVerifiedSubject(result.report as unknown as VerifyBundleResult, file!),
    false,
    'a bare report is not a verification result',
  );
  assert.equal(
    isVerifiedSubject({ ...result, expected: { stream: 'acme/app:beta' } }, file!),
    false,
    'a statement of another stream than the one expected',
  );
  assert.equal(
    isVerifiedSubject({ ...result, expected: { stream: 'acme/app:stable', kind: 'fleet-key' } }, file!),
    false,
    'a statement of another kind than the one expected',
  );
});

test('F8 verifyBundle expect: under a policy of two streams, a genuine bundle of the other stream is refused once the app says which it expects; without expect it is an error, never a verdict', async () => {
  // rotation-chain-v1-to-v3: policy v1 allows acme/app:stable (releases) and acme/app:policy
  // (rotations). Its first rotation is a genuine bundle, countersigned under v1, of the other stream.
  const c = byName('rotation-chain-v1-to-v3');
  const other = c.rotations![0]!.bytes;
  const now = new Date(c.expected.verifyAt);
  const state =
    '{"mediaType": "application/vnd.countersign.state.v1+json", "policyVersion": 1, "streams": {"acme/app:stable": {"version": 6, "statementDigest": "' +
    'ab'.repeat(32) +
    '"}}}';
  const base = { bundle: other, policy: c.policy, state, now };

  const unasked = await verifyBundle(base);
  assert.equal(unasked.report.outcome, 'error');
  assert.equal(unasked.error?.code, 'expected-stream-missing');
  assert.equal(
    unasked.error?.message,
    'the policy allows 2 streams (acme/app:stable, acme/app:policy): say which one you expect with expect.stream',
  );
  assert.equal(unasked.newState, undefined);

  const replay = await verifyBundle({ ...base, expect: { stream: 'acme/app:stable' } });
  assert.equal(replay.report.outcome, 'rejected');
  assert.deepEqual(
    [replay.report.failure?.check, replay.report.failure?.code],
    ['statement', 'statement-stream-unexpected'],
  );
  assert.equal(replay.newState, undefined);
  assert.equal(isVerifiedSubject(replay, { name: 'policy.json', bytes: new Uint8Array() }), false);

  // Asked for what it is, it verifies; asked for another kind, it does not.
  const asked = await verifyBundle({ ...base, expect: { stream: 'acme/app:policy', kind: 'authority-rotation' } });
  assert.equal(asked.report.outcome, 'verified', JSON.stringify(asked.report.failure ?? asked.error));
  assert.deepEqual(asked.expected, { stream: 'acme/app:policy', kind: 'authority-rotation' });
  const subject = asked.report.statement!.subjects[0]!;
  assert.equal(isVerifiedSubject(asked, { name: subject.name, sha256: subject.digest.replace(/^sha256:/, '') }), true);
  assert.equal(
    isVerifiedSubject(
      { ...asked, expected: { stream: 'acme/app:stable' } },
      { name: subject.name, sha256: subject.digest.replace(/^sha256:/, '') },
    ),
    false,
    'a result whose statement is not of the expected stream',
  );
  const wrongKind = await verifyBundle({ ...base, expect: { stream: 'acme/app:policy', kind: 'binary-digest' } });
  assert.deepEqual(
    [wrongKind.report.failure?.check, wrongKind.report.failure?.code],
    ['statement', 'statement-kind-unexpected'],
  );

  // An expectation the policy cannot meet, or of the wrong form: error, never a throw.
  for (const [expect, code] of [
    [{ stream: 'acme/app:beta' }, 'expected-not-allowed'],
    [{ stream: 'acme/app:stable', kind: 'config-change' }, 'expected-not-allowed'],
    [{ stream: 'acme/app:stable', kind: 'no-such-kind' }, 'expected-not-allowed'],
    [{ stream: 42 }, 'input-malformed'],
    ['acme/app:stable', 'input-malformed'],
    [{}, 'expected-stream-missing'],
  ] as const) {
    const result = await verifyBundle({
      ...base,
      expect: expect as unknown as NonNullable<VerifyBundleInput['expect']>,
    });
    assert.equal(result.error?.code, code, `${JSON.stringify(expect)}: ${result.error?.message}`);
  }
  // A policy of one stream needs no expectation (every single-stream vector above ran without).
  const one = byName('happy-path');
  const single = await verifyBundle({ bundle: one.bundle, policy: one.policy, now: new Date(one.expected.verifyAt) });
  assert.deepEqual([single.report.outcome, single.expected], ['verified', { stream: 'acme/app:stable' }]);
});

// packages/verify/package.json "exports": the npm package @countersign/verify is the client,
// packages/verify/dist/verify.mjs in Node (docs/client.md); the workspace link in
// node_modules resolves it here as an installed package resolves (test/repo/packaging.test.ts
// installs the packed tarball itself).
const verifyPackage = JSON.parse(
  readFileSync(new URL('../../packages/verify/package.json', import.meta.url), 'utf8'),
) as { name: string; exports: Record<string, Record<string, unknown>> };
test('packages/verify exports: every target exists, and Node resolves @countersign/verify to the client (import and require)', async () => {
  assert.equal(verifyPackage.name, '@countersign/verify');
  const targets = Object.values(verifyPackage.exports['.']!).flatMap((t) =>
    typeof t === 'string' ? [t] : Object.values(t as Record<string, string>),
  );
  assert.ok(targets.length >= 6, targets.join(', '));
  for (const target of targets)
    assert.ok(readFileSync(new URL(`../../packages/verify/${target}`, import.meta.url)).length > 0, target);
  const names = ['verifyBundle', 'pinPolicy', 'isVerifiedSubject', 'followPolicyRotations', 'CHECKS'];
  const specifier: string = '@countersign/verify'; // not resolved at compile time: the package's dist/ is built
  const imported = (await import(specifier)) as Record<string, unknown>;
  const required = createRequire(import.meta.url)('@countersign/verify') as Record<string, unknown>;
  assert.match(import.meta.resolve('@countersign/verify'), /\/packages\/verify\/dist\/verify\.mjs$/);
  for (const lib of [imported, required])
    for (const name of names) assert.equal(typeof lib[name] === 'function' || Array.isArray(lib[name]), true, name);
});

// What the Node entry loads (a resolve hook records every import edge) and touches: the
// verification and a rotation walk run after node:fs, node:http(s), node:net and fetch are made to throw.
const PROBE = `
import { registerHooks, syncBuiltinESMExports, createRequire } from 'node:module';
const edges = [];
registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); edges.push([context.parentURL ?? '', r.url]); return r; } });
const { readFileSync } = await import('node:fs');
const dir = process.argv[1];
const data = (f) => new Uint8Array(readFileSync(dir + '/' + f));
const input = { bundle: data('bundle.json'), policy: data('policy.json'), now: new Date(JSON.parse(readFileSync(dir + '/expected.json', 'utf8')).verifyAt) };
const chain = process.argv[3];
const chainInput = { policy: new Uint8Array(readFileSync(chain + '/policy.json')), rotations: ['1.json', '2.json'].map((f) => new Uint8Array(readFileSync(chain + '/rotations/' + f))), now: new Date(JSON.parse(readFileSync(chain + '/expected.json', 'utf8')).verifyAt) };
const started = performance.now();
const lib = await import(process.argv[2]);
const importMs = performance.now() - started;
const require = createRequire(import.meta.url);
const touched = [];
const trap = (name) => (...args) => { touched.push(name); throw new Error(name + ' called'); };
for (const mod of ['fs', 'fs/promises', 'http', 'https', 'net', 'tls', 'dgram', 'http2', 'child_process']) {
  const m = require(mod);
  for (const key of Object.keys(m)) if (typeof m[key] === 'function' && !/^[A-Z]/.test(key)) m[key] = trap(mod + '.' + key);
}
globalThis.fetch = trap('fetch');
syncBuiltinESMExports();
const { report } = await lib.verifyBundle(input);
const walk = await lib.followPolicyRotations(chainInput);
process.stdout.write(JSON.stringify({ outcome: report.outcome, walk: walk.outcome, touched, edges, importMs }));
`;

test('the Node entry loads no signing, @actions/* or network module, and touches no file or network while verifying or following rotations', (t) => {
  const entry = new URL('../../src/client/index.ts', import.meta.url).href;
  const out = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      PROBE,
      join(VECTORS_DIR, 'happy-path'),
      entry,
      join(VECTORS_DIR, 'rotation-chain-v1-to-v3'),
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const { outcome, walk, touched, edges, importMs } = JSON.parse(out) as {
    outcome: string;
    walk: string;
    touched: string[];
    edges: [string, string][];
    importMs: number;
  };
  assert.equal(outcome, 'verified');
  assert.equal(walk, 'updated', 'followPolicyRotations, too, runs with the file system and network made to throw');
  assert.deepEqual(touched, []);
  // Edges from the probe itself (its own imports and requires) are not the library's.
  const libraryEdges = edges.filter(([parent]) => !parent.includes('[eval'));
  const loaded = new Set(libraryEdges.map(([, url]) => url));
  const local = (url: string) => (url.startsWith('file:') ? fileURLToPath(url).slice(ROOT.length) : url);
  const banned = [...loaded]
    .map(local)
    .filter((u) =>
      /node_modules\/@actions\/|node_modules\/@sigstore\/sign\/|^src\/(action|cli|server|stack)\/|^src\/lib\/(basics\/net|formats\/(service|stack)|flows\/(audit|countersign|sign))\/|^src\/lib\/(formats\/subjects\/collect|basics\/io\/(hash-|key-files))|^src\/lib\/(formats\/countersignature\/create|basics\/crypto\/signer)\.ts|^(node:)?(http|https|http2|net|tls|dgram|dns|child_process|worker_threads)$/.test(
        u,
      ),
    );
  assert.deepEqual(banned, []);
  // No module the client loads imports the file system (key files and policy files are read by
  // basics/io/key-files.ts and formats/policy/load.ts, which the client does not load).
  const fsImporters = [
    ...new Set(libraryEdges.filter(([, url]) => /^node:(fs|path)/.test(url)).map(([parent]) => local(parent))),
  ].sort();
  assert.deepEqual(fsImporters, []);
  t.diagnostic(
    `import of the Node entry (src, type-stripped): ${Math.round(importMs)} ms, ${[...loaded].filter((u) => u.startsWith('file:')).length} files`,
  );
});
