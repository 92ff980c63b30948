// Attack catalogue, part 4 (spec/ATTACKS.md §8, §9): rollback, freeze and expiry, what the
// policy allows and what the verifier expects (the gate), and the files against the subjects (missing, extra, swapped, look-alike
// names, symlinks and path traversal on disk). One local stack.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { collectSubjects } from '../../src/lib/formats/subjects/index.ts';
import { InputError } from '../../src/lib/basics/errors/errors.ts';
import { buildStatement, serializeStatement } from '../../src/lib/formats/statement/statement.ts';
import { sha256Hex } from '../../src/lib/basics/crypto/sha256.ts';
import { recordAccepted, emptyState } from '../../src/lib/formats/state/state.ts';
import { gate } from '../../src/lib/flows/gate/gate.ts';
import { type Flow, forgeCountersigned, startFlow } from '../../tools/flow.ts';
import { STREAM, assertRejected, assertVerified, policyWith, statementOf } from './helpers.ts';

const DAY = 86_400_000;
let flow: Flow;
let v1: Uint8Array;
let v2: Uint8Array;
let v2Other: Uint8Array;
/** A release directory whose files are exactly the subjects of `withFiles`. */
let releaseDir: string;
let withFiles: Uint8Array;

const FILES: Record<string, string> = {
  'release/app-linux-amd64': 'linux binary',
  'release/app-darwin-arm64': 'darwin binary',
};

before(async () => {
  flow = await startFlow();
  const [p1, p2, p2b] = await Promise.all([
    flow.sign(flow.statement({ version: 1 })),
    flow.sign(flow.statement({ version: 2 })),
    flow.sign(flow.statement({ version: 2 })),
  ]);
  [v1, v2, v2Other] = await Promise.all([
    flow.countersign(p1, flow.keys.b),
    flow.countersign(p2, flow.keys.b),
    flow.countersign(p2b, flow.keys.b),
  ]);

  releaseDir = join(flow.dir, 'files');
  await mkdir(join(releaseDir, 'release'), { recursive: true });
  for (const [name, content] of Object.entries(FILES)) await writeFile(join(releaseDir, name), content);
  const statement = serializeStatement(
    buildStatement({
      kind: 'binary-digest',
      stream: STREAM,
      version: 3,
      issuedAt: new Date(),
      expiresIn: 30 * 86_400,
      subjects: Object.entries(FILES).map(([name, content]) => ({
        name,
        digest: { sha256: createHash('sha256').update(content).digest('hex') },
      })),
    }),
  );
  withFiles = await flow.countersign(await flow.sign(statement), flow.keys.b);
});

after(async () => {
  await flow?.close();
});

/** The client state after accepting `bundle`. */
function stateAfter(bundle: Uint8Array) {
  const st = statementOf(bundle);
  const bytes = Buffer.from(JSON.stringify(st)); // the compact bytes as built (same as the payload)
  return recordAccepted(emptyState(), st.predicate.stream as string, st.predicate.version as number, sha256Hex(bytes));
}

/** The subjects of `releaseDir` as the verify CLI collects them. */
function artifacts(paths = ['release']) {
  return collectSubjects(paths, { base: releaseDir, hashThreads: 0 });
}

test('control: each bundle verifies; with the state of v1, v2 verifies; the files match', async () => {
  assertVerified(await flow.verify(v1));
  assertVerified(await flow.verify(v2, { state: stateAfter(v1) }));
  assertVerified(await flow.verify(v1, { state: stateAfter(v1) })); // the same statement again
  assertVerified(await flow.verify(withFiles, { artifacts: await artifacts() }));
});

// --- §8 Rollback, freeze, expiry, policy

test('T1 rollback: v1 replayed to a client that accepted v2: statement/statement-rollback', async () => {
  assertRejected(await flow.verify(v1, { state: stateAfter(v2) }), 'statement', 'statement-rollback');
});

test('T2 the same version with other bytes (equivocation at v2): statement/statement-version-reused', async () => {
  assertRejected(await flow.verify(v2Other, { state: stateAfter(v2) }), 'statement', 'statement-version-reused');
});

test('T3 freeze: an update withheld until the last accepted statement expired: statement/statement-expired', async () => {
  assertRejected(await flow.verify(v2, { now: new Date(Date.now() + 31 * DAY) }), 'statement', 'statement-expired');
});

test('T4 a statement issued in the future (pre-dated release): statement/statement-not-yet-valid', async () => {
  const primary = await flow.sign(flow.statement({ version: 4, issuedAt: new Date(Date.now() + DAY) }));
  assertRejected(
    await flow.verify(await forgeCountersigned(primary, flow.keys.b.signer)),
    'statement',
    'statement-not-yet-valid',
  );
});

test("T5 a statement living longer than the policy's maximum (200 days, policy 90): statement/statement-lifetime", async () => {
  const primary = await flow.sign(flow.statement({ version: 4, expiresIn: 200 * 86_400 }));
  assertRejected(
    await flow.verify(await forgeCountersigned(primary, flow.keys.b.signer)),
    'statement',
    'statement-lifetime',
  );
});

test('T6 a kind the policy does not allow (config-change under a binary-digest policy): statement/statement-kind', async () => {
  const primary = await flow.sign(flow.statement({ version: 4, kind: 'config-change' }));
  assertRejected(
    await flow.verify(await forgeCountersigned(primary, flow.keys.b.signer)),
    'statement',
    'statement-kind',
  );
});

test('T7 a stream the policy does not allow (beta under a stable-only policy): statement/statement-stream', async () => {
  const primary = await flow.sign(flow.statement({ version: 4, stream: 'acme/app:beta' }));
  assertRejected(
    await flow.verify(await forgeCountersigned(primary, flow.keys.b.signer)),
    'statement',
    'statement-stream',
  );
});

test('T8 a stream that only differs in case from an allowed one: statement/statement-stream', async () => {
  const primary = await flow.sign(flow.statement({ version: 4, stream: 'acme/app:Stable' }));
  assertRejected(
    await flow.verify(await forgeCountersigned(primary, flow.keys.b.signer)),
    'statement',
    'statement-stream',
  );
});

test('T16 cross-stream replay (issue 13 F8): under a policy of stable and beta, an old genuine beta v1 to a client at stable v6: statement/statement-stream-unexpected once the client says which stream it expects; not saying is refused before verifying', async () => {
  const BETA = 'acme/app:beta';
  const policy = policyWith(flow, { streams: [STREAM, BETA] });
  const [beta1, stable6] = await Promise.all([
    flow.sign(flow.statement({ version: 1, stream: BETA })).then((p) => flow.countersign(p, flow.keys.b, { policy })),
    flow.sign(flow.statement({ version: 6 })).then((p) => flow.countersign(p, flow.keys.b, { policy })),
  ]);
  const { newState: state } = await gate(stable6, { policy, expect: { stream: STREAM } });
  assert.ok(state, 'the client is at stable v6');
  // The pipeline alone (B's view, no question asked) verifies it: genuine, countersigned, allowed by the policy.
  assertVerified(await flow.verify(beta1, { policy, state }));
  const asked = await gate(beta1, { policy, state, expect: { stream: STREAM } });
  assertRejected(asked.report, 'statement', 'statement-stream-unexpected');
  assert.equal(asked.newState, undefined);
  await assert.rejects(
    gate(beta1, { policy, state }),
    (err: unknown) => err instanceof InputError && err.code === 'expected-stream-missing',
  );
  await assert.rejects(
    gate(beta1, { policy, state, expect: { stream: 'acme/app:nightly' } }),
    (err: unknown) => err instanceof InputError && err.code === 'expected-not-allowed',
  );
  // Under a policy of one stream, that stream is the expected one.
  assertRejected((await gate(beta1, { policy: flow.policy })).report, 'statement', 'statement-stream');
});

test('T17 a kind other than the one expected (config-change to a client of binary-digest, both allowed): statement/statement-kind-unexpected', async () => {
  const policy = policyWith(flow, { kinds: ['binary-digest', 'config-change'] });
  const config = await flow.countersign(
    await flow.sign(flow.statement({ version: 5, kind: 'config-change' })),
    flow.keys.b,
    { policy },
  );
  assertRejected(
    (await gate(config, { policy, expect: { stream: STREAM, kind: 'binary-digest' } })).report,
    'statement',
    'statement-kind-unexpected',
  );
  assertVerified((await gate(config, { policy, expect: { stream: STREAM, kind: 'config-change' } })).report);
  assertVerified((await gate(config, { policy })).report);
});

// --- §9 Files against subjects

test('T9 a subject file missing: subjects/subject-missing', async () => {
  assertRejected(
    await flow.verify(withFiles, { artifacts: await artifacts(['release/app-linux-amd64']) }),
    'subjects',
    'subject-missing',
  );
});

test('T10 an extra file not signed: subjects/subject-unexpected-file', async () => {
  const extra = [...(await artifacts()), { name: 'release/backdoor', digest: { sha256: '0'.repeat(64) } }];
  extra.sort((a, b) => (a.name < b.name ? -1 : 1));
  assertRejected(await flow.verify(withFiles, { artifacts: extra }), 'subjects', 'subject-unexpected-file');
});

test('T11 two files swapped (each name with the other digest): subjects/subject-digest', async () => {
  const [a, b] = await artifacts();
  assertRejected(
    await flow.verify(withFiles, {
      artifacts: [
        { name: a!.name, digest: b!.digest },
        { name: b!.name, digest: a!.digest },
      ],
    }),
    'subjects',
    'subject-digest',
  );
});

test('T12 a tampered file: subjects/subject-digest', async () => {
  const list = await artifacts();
  list[0] = { ...list[0]!, digest: { sha256: createHash('sha256').update('evil').digest('hex') } };
  assertRejected(await flow.verify(withFiles, { artifacts: list }), 'subjects', 'subject-digest');
});

test('T13 a look-alike file name (Cyrillic "а" for Latin "a"): subjects/subject-unexpected-file', async () => {
  const lookAlike = 'release/\u0430pp-linux-amd64';
  await writeFile(join(releaseDir, lookAlike), FILES['release/app-linux-amd64']!);
  try {
    const list = await artifacts(['release/app-darwin-arm64', lookAlike]);
    assertRejected(await flow.verify(withFiles, { artifacts: list }), 'subjects', 'subject-unexpected-file');
  } finally {
    await import('node:fs/promises').then((fs) => fs.rm(join(releaseDir, lookAlike)));
  }
});

test('T14 a symlink leaving the release tree, and a path with "..": refused before verification (subject-outside-base, subject-path-invalid)', async () => {
  const outside = join(flow.dir, 'secret');
  await writeFile(outside, 'not part of the release');
  const link = join(releaseDir, 'release', 'link');
  await symlink(outside, link);
  try {
    await assert.rejects(
      artifacts(),
      (err: unknown) => err instanceof InputError && err.code === 'subject-outside-base',
    );
  } finally {
    await import('node:fs/promises').then((fs) => fs.rm(link));
  }
  await assert.rejects(
    artifacts(['../secret']),
    (err: unknown) => err instanceof InputError && /subject-(path-invalid|outside-base)/.test(err.code),
  );
});

test('T15 a key validity window that ended before the statement was countersigned, with state: countersignatures before statement', async () => {
  // Order matters: a rollback by an expired key reports the key, not the rollback.
  const policy = policyWith(flow, {
    keys: [{ key: flow.keys.b, validUntil: new Date(Date.now() - DAY), validFrom: new Date(Date.now() - 10 * DAY) }],
  });
  assertRejected(
    await flow.verify(v1, { policy, state: stateAfter(v2) }),
    'countersignatures',
    'countersignature-key-expired',
  );
});
