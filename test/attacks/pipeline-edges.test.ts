// Attack catalogue, part 7 (spec/ATTACKS.md §11): the verification pipeline's report, the
// countersigner-log requirement and the client state, exactly. Mutation testing (npm run
// mutation) of src/lib/pipeline/run.ts, src/lib/checks/countersignatures/verify.ts and
// src/lib/formats/state/state.ts showed which parts of a report no test pinned: each check's
// message when it passes (the TSA-only primary, logged countersignatures, fallback-authorised
// rotations and the keys a rotation adds), which fields a failed, pending or skipped entry
// carries, the rotation summary, the log proof of FORMAT §7 step 4g (missing, valid, wrong
// path, wrong checkpoint key, tree-size edges) and the state file's policy version and caps.
// One local Sigstore stack signs the few primaries; everything else is pure.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Subject } from '../../src/lib/formats/core/types.ts';
import { COUNTERSIGNATURE_PAYLOAD_TYPE } from '../../src/lib/formats/core/types.ts';
import { VerificationError, InputError } from '../../src/lib/basics/errors/errors.ts';
import { createCountersignature } from '../../src/lib/formats/countersignature/create.ts';
import { ed25519PublicKeyOf, signEd25519 } from '../../src/lib/basics/crypto/ed25519.ts';
import { preAuthEncoding } from '../../src/lib/basics/crypto/pae.ts';
import { seedSigner } from '../../src/lib/basics/crypto/signer.ts';
import type { PrimaryBinding } from '../../src/lib/formats/countersignature/statement.ts';
import {
  type CountersignatureContext,
  type CountersignatureInput,
  type PinnedKey,
  verifyCountersignatures,
} from '../../src/lib/checks/countersignatures/verify.ts';
import { leafHash } from '../../src/lib/checks/log/merkle.ts';
import { MerkleTree } from '../../src/lib/checks/log/tree.ts';
import { signCheckpoint } from '../../src/lib/checks/log/checkpoint.ts';
import type { LogProof } from '../../src/lib/formats/log/proof.ts';
import { buildPolicy, parsePolicy, type Policy } from '../../src/lib/formats/policy/index.ts';
import { runPipeline, verifyCountersignedBundle } from '../../src/lib/pipeline/run.ts';
import { CHECKS, type CheckName, type CheckReport } from '../../src/lib/pipeline/report.ts';
import {
  type ClientState,
  emptyState,
  parseState,
  recordAccepted,
  recordPolicyVersion,
  serializeState,
  STATE_MEDIA_TYPE,
} from '../../src/lib/formats/state/state.ts';
import {
  MAX_FIRST_VERSION,
  checkFirstVersion,
  checkPolicyNotRolledBack,
  checkVersionStep,
} from '../../src/lib/checks/statement/rollback.ts';
import {
  type Flow,
  type TestKey,
  STREAM,
  makeKey,
  primaryJson,
  readBundle,
  startFlow,
  writeBundle,
  forgeCountersigned,
} from '../../tools/flow.ts';
import { RELEASE_WORKFLOW, policyDoc, rotationStatement } from '../helpers/rotation-flow.ts';

const T = Date.parse('2026-06-01T12:00:00Z');
const at = (seconds: number) => new Date(T + seconds * 1000);
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const title = (name: CheckName) => CHECKS.find((c) => c.name === name)!.title;
const SKIPPED = 'not run: an earlier check failed';
const D1 = '1'.repeat(64);
const D2 = '2'.repeat(64);

/** Throws a VerificationError with exactly these fields. */
function throwsExactly(
  fn: () => unknown,
  expected: { code: string; message: string; expected?: string; found?: string },
): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof VerificationError, String(err));
    assert.deepEqual(
      { code: err.code, message: err.message, expected: err.expected, found: err.found },
      { expected: undefined, found: undefined, ...expected },
    );
    return true;
  });
}

/** The skipped entries after `check` (nothing but check, title, result and message). */
function skippedAfter(check: CheckName): CheckReport[] {
  const i = CHECKS.findIndex((c) => c.name === check);
  return CHECKS.slice(i + 1).map((c) => ({ check: c.name, title: c.title, result: 'skipped', message: SKIPPED }));
}

// --- a log the countersigner's key is pinned to (FORMAT §6.1, POLICY §3.5.1)

interface TestLog {
  origin: string;
  seed: Uint8Array;
  rawPublicKey: Uint8Array;
  publicKeyPem: string;
}

function newLog(origin: string): TestLog {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = new Uint8Array(Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url'));
  return {
    origin,
    seed,
    rawPublicKey: ed25519PublicKeyOf(seed),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}

/**
 * A log of `size` leaves where leaf `index` is `statement` (the others random), and the proof
 * of that leaf under a checkpoint of `size` signed by `signedBy` (default: the log's own key).
 */
async function logProofOf(
  log: TestLog,
  statement: Uint8Array,
  index: number,
  size: number,
  signedBy: TestLog = log,
): Promise<LogProof> {
  const tree = new MerkleTree();
  for (let i = 0; i < size; i++) tree.append(leafHash(i === index ? statement : randomBytes(40)));
  const checkpoint = await signCheckpoint(
    { size, root: tree.root() },
    { name: log.origin, rawPublicKey: signedBy.rawPublicKey, signer: seedSigner(signedBy.seed, 'log') },
  );
  return {
    logIndex: index,
    treeSize: size,
    hashes: tree.inclusionProof(index).map((h) => Buffer.from(h).toString('base64')),
    checkpoint,
  };
}

// --- the pipeline on one stack (FORMAT §7): the report, check by check

let flow: Flow;
let statementV1: Uint8Array;
/** Version 1 signed with Rekor + TSA, and with the TSA only. */
let primaryRekor: Uint8Array;
let primaryTsa: Uint8Array;
/** Organisation B's and C's keys, and policy [b, c] threshold 1. */
let bc: Policy;
let identity: string;
let issuer: string;

before(async () => {
  flow = await startFlow();
  identity = flow.stack.description.identity;
  issuer = flow.stack.description.issuer;
  statementV1 = flow.statement({ version: 1 });
  [primaryRekor, primaryTsa] = await Promise.all([
    flow.sign(statementV1),
    flow.sign(statementV1, { instance: flow.tsaOnly }),
  ]);
  bc = flow.makePolicy({ countersigners: [flow.keys.b, flow.keys.c] });
});

after(async () => {
  await flow?.close();
});

const expiresAt = () =>
  (JSON.parse(new TextDecoder().decode(statementV1)) as { predicate: { expiresAt: string } }).predicate.expiresAt;
const subjectsOf = (bytes: Uint8Array): Subject[] =>
  (JSON.parse(new TextDecoder().decode(bytes)) as { subject: Subject[] }).subject;
const PRIMARY_REKOR = 'signature, certificate chain and transparency-log entry verify against the pinned trusted root';
const PRIMARY_TSA = 'signature, certificate chain and timestamp verify against the pinned trusted root';

test('PL1 verified (Rekor primary, two countersignatures, files given): every check passes with its exact message, and nothing else', async () => {
  const bundle = await flow.countersign(
    await flow.countersign(primaryRekor, flow.keys.b, { policy: bc }),
    flow.keys.c,
    { policy: bc },
  );
  const { report } = await runPipeline(bundle, { policy: bc, trust: flow.trust, artifacts: subjectsOf(statementV1) });
  assert.equal(report.outcome, 'verified');
  assert.equal(report.failure, undefined);
  assert.deepEqual(report.checks, [
    {
      check: 'parse',
      title: title('parse'),
      result: 'pass',
      message: `2 countersignature(s), 2 subject(s), ${bundle.byteLength} bytes`,
    },
    { check: 'primary', title: title('primary'), result: 'pass', message: PRIMARY_REKOR },
    {
      check: 'primary-identity',
      title: title('primary-identity'),
      result: 'pass',
      message: `${identity} (issuer ${issuer})`,
    },
    {
      check: 'countersignatures',
      title: title('countersignatures'),
      result: 'pass',
      message: '2 of 1 required organisation(s): Org B (b-release), Org C (c-release)',
    },
    {
      check: 'statement',
      title: title('statement'),
      result: 'pass',
      message: `binary-digest ${STREAM} v1, expires ${expiresAt()}`,
    },
    {
      check: 'subjects',
      title: title('subjects'),
      result: 'pass',
      message: "2 file(s) match the statement's subjects",
    },
  ]);
  const signed = readBundle(bundle).countersignatures.map((c) => c.keyId);
  assert.deepEqual(signed, [flow.keys.b.keyId, flow.keys.c.keyId]);
  assert.deepEqual(
    report.countersigners && {
      ...report.countersigners,
      signed: report.countersigners.signed.map((s) => [s.name, s.organisation, s.keyId]),
    },
    {
      signed: [
        ['b-release', 'Org B', flow.keys.b.keyId],
        ['c-release', 'Org C', flow.keys.c.keyId],
      ],
      organisations: ['Org B', 'Org C'],
      missing: [],
      threshold: 1,
    },
  );
  assert.equal(report.rotation, undefined);
});

test('PL2 verified (TSA-only primary, no files): the primary check names the timestamp, the subjects check says it did not run', async () => {
  const { report } = await runPipeline(await flow.countersign(primaryTsa, flow.keys.b), {
    policy: flow.policy,
    trust: flow.trust,
  });
  assert.equal(report.outcome, 'verified');
  const messages = Object.fromEntries(report.checks.map((c) => [c.check, [c.result, c.message]]));
  assert.deepEqual(messages.primary, ['pass', PRIMARY_TSA]);
  assert.deepEqual(messages.countersignatures, ['pass', '1 of 1 required organisation(s): Org B (b-release)']);
  assert.deepEqual(messages.subjects, ['not-checked', 'no files given: not checked']);
});

test("PL3 pending: only the countersignatures entry is pending (with its code, expected and found); B's pre-signing check passes it", async () => {
  const pending = await runPipeline(primaryTsa, { policy: bc, trust: flow.trust });
  assert.equal(pending.report.outcome, 'pending-countersign');
  assert.equal(pending.report.failure, undefined);
  assert.equal(pending.report.countersigners, undefined);
  assert.deepEqual(
    pending.report.checks.map((c) => ({ ...c, title: undefined })),
    [
      {
        check: 'parse',
        title: undefined,
        result: 'pass',
        message: `0 countersignature(s), 2 subject(s), ${primaryTsa.byteLength} bytes`,
      },
      { check: 'primary', title: undefined, result: 'pass', message: PRIMARY_TSA },
      { check: 'primary-identity', title: undefined, result: 'pass', message: `${identity} (issuer ${issuer})` },
      {
        check: 'countersignatures',
        title: undefined,
        result: 'pending',
        message: 'no countersignature yet',
        code: 'countersignature-missing',
        expected: '1 organisation(s)',
        found: 'none',
      },
      {
        check: 'statement',
        title: undefined,
        result: 'pass',
        message: `binary-digest ${STREAM} v1, expires ${expiresAt()}`,
      },
      { check: 'subjects', title: undefined, result: 'not-checked', message: 'no files given: not checked' },
    ],
  );
  const b = await runPipeline(primaryTsa, { policy: bc, trust: flow.trust, forCountersigning: true });
  assert.equal(b.report.outcome, 'verified');
  assert.deepEqual(
    b.report.checks.map((c) => [c.check, c.result, c.code]),
    CHECKS.map((c) => [c.name, c.name === 'subjects' ? 'not-checked' : 'pass', undefined]),
  );
});

test('PL4 rejected at primary: the statement is not read (authenticated first, issue 13), nor described; the parse entry says so; the skipped entries carry no code', async () => {
  const bytes = writeBundle({
    ...readBundle(await flow.countersign(primaryTsa, flow.keys.b)),
    primary: {
      ...primaryJson(primaryTsa),
      verificationMaterial: { ...primaryJson(primaryRekor).verificationMaterial },
    },
  });
  const { report } = await runPipeline(bytes, { policy: flow.policy, trust: flow.trust, what: 'release.bundle' });
  assert.equal(report.outcome, 'rejected');
  assert.equal(report.failure?.check, 'primary');
  assert.deepEqual(report.checks[0], {
    check: 'parse',
    title: title('parse'),
    result: 'pass',
    message: `1 countersignature(s), ${bytes.length} bytes (the statement is read once the primary signature verifies)`,
  });
  assert.equal(report.checks[1]?.result, 'fail');
  assert.deepEqual(report.checks.slice(2), skippedAfter('primary'));
  assert.equal(report.statement, undefined);
  assert.equal(report.primary, undefined);
});

test('PL4b a statement that does not parse, under a primary that verifies: still the parse check and its code (the primary entry skipped)', async () => {
  const bad = new TextEncoder().encode(
    JSON.stringify({ ...(JSON.parse(new TextDecoder().decode(statementV1)) as object), unexpected: 1 }),
  );
  const bytes = await flow.sign(bad);
  const { report } = await runPipeline(bytes, { policy: flow.policy, trust: flow.trust, what: 'release.bundle' });
  assert.equal(report.outcome, 'rejected');
  assert.deepEqual(report.failure && { check: report.failure.check, code: report.failure.code }, {
    check: 'parse',
    code: 'statement-unknown-field',
  });
  assert.deepEqual(report.checks.slice(1), skippedAfter('parse'));
  assert.equal(report.statement, undefined);
});

test('PL5 rejected at parse: no DSSE envelope, a payload that is not a string, another payloadType; nothing else described', async () => {
  const p = primaryJson(primaryTsa);
  const cases: [unknown, string, string][] = [
    [
      {
        mediaType: p.mediaType,
        verificationMaterial: p.verificationMaterial,
        messageSignature: { messageDigest: { algorithm: 'SHA2_256', digest: 'AA==' }, signature: 'AA==' },
      },
      'primary-malformed',
      'release.bundle: $.primary: expected a DSSE envelope carrying the statement',
    ],
    [
      { ...p, dsseEnvelope: { ...p.dsseEnvelope, payload: 7 } },
      'primary-malformed',
      'release.bundle: $.primary: expected a DSSE envelope carrying the statement',
    ],
    [
      { ...p, dsseEnvelope: { ...p.dsseEnvelope, payloadType: 'application/json' } },
      'statement-unsupported-type',
      'release.bundle: DSSE payloadType: expected application/vnd.in-toto+json, found "application/json"',
    ],
    [
      { ...p, dsseEnvelope: { ...p.dsseEnvelope, payloadType: undefined } },
      'statement-unsupported-type',
      'release.bundle: DSSE payloadType: expected application/vnd.in-toto+json, found undefined',
    ],
  ];
  const noWhat = (
    await runPipeline(writeBundle({ ...readBundle(primaryTsa), primary: cases[1]![0] }), {
      policy: flow.policy,
      trust: flow.trust,
    })
  ).report;
  assert.equal(noWhat.failure?.message, 'bundle: $.primary: expected a DSSE envelope carrying the statement');
  for (const [primary, code, message] of cases) {
    const bytes = writeBundle({ ...readBundle(primaryTsa), primary });
    const { report } = await runPipeline(bytes, { policy: flow.policy, trust: flow.trust, what: 'release.bundle' });
    assert.deepEqual(report, {
      outcome: 'rejected',
      checks: [{ check: 'parse', title: title('parse'), result: 'fail', code, message }, ...skippedAfter('parse')],
      failure: { check: 'parse', code, message },
    });
  }
});

test('PL6 a failed entry carries expected and found only when the error has them', async () => {
  // B's key signed bytes that are not a countersignature statement: malformed, no expected/found.
  const bundle = readBundle(primaryTsa);
  const bytes = new TextEncoder().encode('{"not":"a countersignature statement"}');
  const signature = signEd25519(preAuthEncoding(COUNTERSIGNATURE_PAYLOAD_TYPE, bytes), flow.keys.b.seed);
  const malformed = writeBundle({
    ...bundle,
    countersignatures: [
      {
        keyId: flow.keys.b.keyId,
        statement: Buffer.from(bytes).toString('base64'),
        signature: Buffer.from(signature).toString('base64'),
      },
    ],
  });
  const { report } = await runPipeline(malformed, { policy: flow.policy, trust: flow.trust });
  const entry = report.checks.find((c) => c.check === 'countersignatures')!;
  assert.deepEqual(Object.keys(entry).sort(), ['check', 'code', 'message', 'result', 'title']);
  assert.equal(entry.code, 'countersignature-malformed');
  assert.match(entry.message, /^countersignature #1 \(sha256:[0-9a-f]{64}\): /);
  assert.deepEqual(report.failure, { check: 'countersignatures', code: entry.code, message: entry.message });
  // Too few organisations: the entry has both, and the report still says who signed.
  const short = await runPipeline(await flow.countersign(primaryTsa, flow.keys.b, { policy: bc }), {
    policy: flow.makePolicy({ countersigners: [flow.keys.b, flow.keys.c], threshold: 2 }),
  });
  assert.deepEqual(short.report.checks[3], {
    check: 'countersignatures',
    title: title('countersignatures'),
    result: 'fail',
    code: 'countersignature-threshold',
    message: 'countersigned by 1 distinct organisation(s), the policy requires 2',
    expected: '2 of: Org B, Org C',
    found: 'Org B',
  });
  assert.deepEqual(short.report.countersigners?.organisations, ['Org B']);
  assert.deepEqual(short.report.countersigners?.missing, ['Org C']);
});

test('PL7 an internal error (not a verification or input error) is thrown, not reported as a rejection', async () => {
  const bundle = await flow.countersign(primaryTsa, flow.keys.b);
  await assert.rejects(
    runPipeline(bundle, { policy: flow.policy, trust: flow.trust, artifacts: [null as unknown as Subject] }),
    TypeError,
  );
});

test("PL11 the primary's claims, the trusted root, the statement's own limits and the client state, through the pipeline", async () => {
  const bundle = await flow.countersign(primaryTsa, flow.keys.b);
  const { report } = await runPipeline(bundle, { policy: flow.policy, trust: flow.trust });
  assert.deepEqual(
    await verifyCountersignedBundle(bundle, { policy: flow.policy, trust: flow.trust, now: new Date() }),
    report,
  );
  assert.equal(report.primary?.claims.repository, 'acme/app');
  assert.equal(`https://github.com/${report.primary?.claims.jobWorkflowRef}`, identity);
  // No trust material given: it is built from the policy's trusted root, and a bad one is named.
  const badRoot = (await runPipeline(bundle, { policy: { ...flow.policy, trustedRoot: {} } })).report;
  assert.equal(badRoot.failure?.check, 'primary');
  assert.match(badRoot.failure.message, /^policy trustedRoot: expected mediaType one of /);
  // The statement is parsed under the policy's limits, and named after the bundle.
  const oneSubject = { ...flow.policy, limits: { ...flow.policy.limits, maxSubjects: 1 } } as Policy;
  const many = (await runPipeline(bundle, { policy: oneSubject, trust: flow.trust, what: 'release.bundle' })).report;
  assert.equal(many.failure?.code, 'statement-too-many-subjects');
  assert.match(many.failure.message, /^release\.bundle statement: /);
  // The client's state: a newer policy already seen, an older stream version, a reused one.
  const digest = createHash('sha256').update(statementV1).digest('hex');
  const state = (s: ClientState) =>
    runPipeline(bundle, { policy: flow.policy, trust: flow.trust, state: s }).then((r) => r.report);
  assert.equal((await state(recordAccepted(emptyState(), STREAM, 1, digest, flow.policy.version))).outcome, 'verified');
  const failures: [ClientState, string][] = [
    [recordPolicyVersion(emptyState(), flow.policy.version + 1), 'policy-rollback'],
    [recordAccepted(emptyState(), STREAM, 2, digest), 'statement-rollback'],
    [recordAccepted(emptyState(), STREAM, 1, D1), 'statement-version-reused'],
  ];
  for (const [s, code] of failures) {
    const r = await state(s);
    assert.deepEqual([r.failure?.check, r.failure?.code], ['statement', code]);
  }
});

// --- rotations through the pipeline (spec/ROTATION.md): the countersignatures message and the summary

/** A rotation statement signed by A as the release workflow, countersigned (without B's checks) by `keys`. */
async function rotation(next: ReturnType<typeof policyDoc>, keys: TestKey[]): Promise<Uint8Array> {
  let bytes = await flow.sign(rotationStatement(next), { jobWorkflowRef: RELEASE_WORKFLOW, instance: flow.tsaOnly });
  for (const key of keys) bytes = await forgeCountersigned(bytes, key.signer);
  return bytes;
}

test('PL8 rotations: usual, fallback-authorised, pending and refused; the message and the rotation summary exactly', async () => {
  const b = flow.keys.b;
  const r1 = makeKey('recovery-1', 'Org R1');
  const r2 = makeKey('recovery-2', 'Org R2');
  const n1 = makeKey('new-1', 'Org N1');
  const n2 = makeKey('new-2', 'Org N2');
  const fallback = { keys: [r1, r2], threshold: 1 };
  const v1 = policyDoc(flow, { version: 1, countersigners: [b], fallback });
  const v2same = policyDoc(flow, {
    version: 2,
    countersigners: [b],
    fallback,
    kinds: ['authority-rotation', 'binary-digest'],
  });
  const v2new = policyDoc(flow, { version: 2, countersigners: [n1, n2], fallback });

  // By the usual countersigner, adding no key.
  const usual = (await runPipeline(await rotation(v2same, [b]), { policy: v1.policy, trust: flow.trust })).report;
  assert.equal(usual.outcome, 'verified', JSON.stringify(usual.failure));
  assert.equal(
    usual.checks[3]!.message,
    '1 of 1 required organisation(s): Org B (b-release); new policy: 1 of 1 organisation(s), added key(s) proved: none',
  );
  assert.deepEqual(usual.rotation, {
    fromVersion: 1,
    toVersion: 2,
    policyDigest: `sha256:${v2same.digest}`,
    authorisedBy: 'countersigners',
    addedKeys: [],
  });
  assert.equal(usual.countersigners?.authorisedBy, undefined);
  assert.ok(!('fallbackOrganisations' in usual.countersigners!));

  // By both fallback organisations, installing two new keys that proved themselves.
  const byFallback = (
    await runPipeline(await rotation(v2new, [r1, r2, n1, n2]), { policy: v1.policy, trust: flow.trust })
  ).report;
  assert.equal(byFallback.outcome, 'verified', JSON.stringify(byFallback.failure));
  assert.equal(
    byFallback.checks[3]!.message,
    'authorised by the fallback signer set (Org R1, Org R2); usual countersigners: 0 of 1 required organisation(s): Org R1 (recovery-1), Org R2 (recovery-2), Org N1 (new-1), Org N2 (new-2); new policy: 2 of 1 organisation(s), added key(s) proved: new-1, new-2',
  );
  assert.deepEqual(
    byFallback.countersigners && {
      ...byFallback.countersigners,
      signed: byFallback.countersigners.signed.map((s) => s.name),
    },
    {
      signed: ['recovery-1', 'recovery-2', 'new-1', 'new-2'],
      organisations: [],
      missing: ['Org B'],
      threshold: 1,
      authorisedBy: 'fallback',
      fallbackOrganisations: ['Org R1', 'Org R2'],
    },
  );
  assert.deepEqual(byFallback.rotation, {
    fromVersion: 1,
    toVersion: 2,
    policyDigest: `sha256:${v2new.digest}`,
    authorisedBy: 'fallback',
    addedKeys: ['new-1', 'new-2'],
  });

  // Not countersigned yet: pending, and the summary says nobody authorised it.
  const pending = (await runPipeline(await rotation(v2new, []), { policy: v1.policy, trust: flow.trust })).report;
  assert.equal(pending.outcome, 'pending-countersign');
  assert.deepEqual(pending.rotation, {
    fromVersion: 1,
    toVersion: 2,
    policyDigest: `sha256:${v2new.digest}`,
    authorisedBy: 'none',
    addedKeys: [],
  });

  // A rotation that skips a version is refused by the statement check.
  const gap = (
    await runPipeline(await rotation(policyDoc(flow, { version: 3, countersigners: [b], fallback }), [b]), {
      policy: v1.policy,
      trust: flow.trust,
    })
  ).report;
  assert.deepEqual([gap.failure?.check, gap.failure?.code], ['statement', 'rotation-gap']);

  // Refused (the added keys did not countersign): no summary at all.
  const refused = (await runPipeline(await rotation(v2new, [b]), { policy: v1.policy, trust: flow.trust })).report;
  assert.equal(refused.failure?.code, 'rotation-proof-of-possession');
  assert.ok(!('rotation' in refused));
});

/** A rotation statement carrying `text` as its new policy (the subject's digest matching it). */
function carryingPolicy(text: string): Uint8Array {
  const statement = JSON.parse(
    new TextDecoder().decode(rotationStatement(policyDoc(flow, { version: 2, countersigners: [flow.keys.b] }))),
  ) as { subject: Subject[]; predicate: { data: { policy: string } } };
  const bytes = new TextEncoder().encode(text);
  statement.predicate.data.policy = Buffer.from(bytes).toString('base64');
  statement.subject[0]!.digest.sha256 = createHash('sha256').update(bytes).digest('hex');
  return new TextEncoder().encode(JSON.stringify(statement));
}

/** `statement` in place of primaryTsa's: A's signature no longer verifies. */
function unsignedWith(statement: Uint8Array): Uint8Array {
  const p = primaryJson(primaryTsa);
  return writeBundle({
    ...readBundle(primaryTsa),
    primary: { ...p, dsseEnvelope: { ...p.dsseEnvelope, payload: Buffer.from(statement).toString('base64') } },
  });
}

test('PL4c an unsigned statement is never parsed: malformed, or 25 000 subjects, it is rejected at the primary (issue 13: authenticate before expensive parsing)', async () => {
  const genuine = JSON.parse(new TextDecoder().decode(statementV1)) as Record<string, unknown>;
  const malformed = new TextEncoder().encode(JSON.stringify({ ...genuine, unexpected: 1 }));
  const many = new TextEncoder().encode(
    JSON.stringify({
      ...genuine,
      subject: Array.from({ length: 25_000 }, (_, i) => ({
        name: `release/app-${String(i).padStart(8, '0')}`,
        digest: { sha256: createHash('sha256').update(String(i)).digest('hex') },
      })),
    }),
  );
  for (const statement of [malformed, many]) {
    const bytes = unsignedWith(statement);
    const { report } = await runPipeline(bytes, { policy: flow.policy, trust: flow.trust, what: 'release.bundle' });
    assert.equal(report.failure?.check, 'primary');
    assert.match(report.failure.code, /^primary-/);
    assert.equal(report.checks[0]?.result, 'pass');
    assert.match(report.checks[0].message, /the statement is read once the primary signature verifies/);
    assert.equal(report.statement, undefined);
  }
});

test('PL9 a rotation whose new policy does not parse is refused once the signatures verify (countersignatures check), and the message names the statement', async () => {
  const next = policyDoc(flow, { version: 2, countersigners: [flow.keys.b] });
  const statement = carryingPolicy(new TextDecoder().decode(next.bytes).replace('"threshold": 1', '"threshold": 0'));
  const signed = await forgeCountersigned(await flow.sign(statement, { instance: flow.tsaOnly }), flow.keys.b.signer);
  const { report } = await runPipeline(signed, { policy: flow.policy, trust: flow.trust, what: 'r.json' });
  assert.deepEqual(report.failure, {
    check: 'countersignatures',
    code: 'rotation-policy-malformed',
    message:
      'r.json statement new policy:101: threshold: expected an integer of at least 1, found the number 0 [policy-threshold]',
  });
  assert.deepEqual(
    report.checks.filter((c) => c.result === 'pass').map((c) => c.check),
    ['parse', 'primary', 'primary-identity'],
  );
});

test("F2 a rotation's carried policy is not parsed before the signatures verify: unsigned, it is refused at the primary whatever the policy holds", async () => {
  // A policy the parser refuses (threshold 0), and one with a 16 384-character key (over the key cap).
  const next = new TextDecoder().decode(policyDoc(flow, { version: 2, countersigners: [flow.keys.b] }).bytes);
  const cases = {
    refused: next.replace('"threshold": 1', '"threshold": 0'),
    longKey: `{"${'K'.repeat(16_384)}": [${Array(2000).fill('0').join(',')}]}`,
  };
  for (const [name, text] of Object.entries(cases)) {
    const { report } = await runPipeline(unsignedWith(carryingPolicy(text)), {
      policy: flow.policy,
      trust: flow.trust,
      what: 'r.json',
    });
    // Had the parse check read the policy, it would have refused it there (rotation-policy-malformed).
    assert.deepEqual(
      [report.checks[0]?.result, report.failure?.check, report.failure?.code],
      ['pass', 'primary', 'primary-signature'],
      name,
    );
    // B's service refuses it from the statement alone (the pre-signing check, too, stops at the primary).
    const b = await runPipeline(unsignedWith(carryingPolicy(text)), {
      policy: flow.policy,
      trust: flow.trust,
      forCountersigning: true,
    });
    assert.equal(b.report.failure?.code, 'primary-signature', name);
  }
  // Signed by A alone (one organisation): pending at the countersignatures check, the policy
  // still not read (then refused by the statement check: this policy allows no rotation).
  const byA = await flow.sign(carryingPolicy(cases.longKey), { instance: flow.tsaOnly });
  const pending = await runPipeline(byA, { policy: flow.policy, trust: flow.trust, what: 'r.json' });
  assert.equal(pending.report.checks.find((c) => c.check === 'countersignatures')?.result, 'pending');
  assert.equal(pending.rotation, undefined, 'not parsed');
  // B's pre-signing check reads it (to review it), once A's signature verified: the key cap refuses it, nothing is indexed.
  const b = await runPipeline(byA, { policy: flow.policy, trust: flow.trust, what: 'r.json', forCountersigning: true });
  assert.deepEqual(
    [b.report.failure?.check, b.report.failure?.code],
    ['countersignatures', 'rotation-policy-malformed'],
  );
  assert.match(
    b.report.failure?.message ?? '',
    /^r\.json statement new policy:1: key of 16384 bytes is over the limit of 256 bytes \(it starts "K{20}"\) \(offset 1\) \[policy-malformed\]$/,
  );
});

test("F2 a rotation's policy is read only once the current policy authorised it: not for a bad countersignature, nor for keys only the new policy could pin", async () => {
  const next = new TextDecoder().decode(policyDoc(flow, { version: 2, countersigners: [flow.keys.b] }).bytes);
  const signed = await flow.sign(carryingPolicy(next.replace('"threshold": 1', '"threshold": 0')), {
    instance: flow.tsaOnly,
  });
  // B's countersignature does not verify (flipped): refused for it, before the carried policy is read.
  const forged = readBundle(await forgeCountersigned(signed, flow.keys.b.signer));
  const cs = forged.countersignatures[0]!;
  const sig = Buffer.from(cs.signature, 'base64');
  sig.writeUInt8(sig.readUInt8(0) ^ 1, 0);
  const bad = writeBundle({ ...forged, countersignatures: [{ ...cs, signature: sig.toString('base64') }] });
  assert.equal(
    (await runPipeline(bad, { policy: flow.policy, trust: flow.trust })).report.failure?.code,
    'countersignature-signature',
  );
  // Countersigned by a key the current policy does not pin (only the new policy could): short
  // of the current policy's threshold, so refused as such, the new policy and that key unread.
  const rogue = (
    await runPipeline(await forgeCountersigned(signed, flow.keys.rogue.signer), {
      policy: flow.policy,
      trust: flow.trust,
    })
  ).report;
  assert.deepEqual(
    [rogue.failure?.check, rogue.failure?.code, rogue.countersigners?.signed],
    ['countersignatures', 'countersignature-threshold', []],
  );
  // With B's countersignature (the current policy's threshold), it is read, and refused.
  const withB = await forgeCountersigned(await forgeCountersigned(signed, flow.keys.rogue.signer), flow.keys.b.signer);
  assert.equal(
    (await runPipeline(withB, { policy: flow.policy, trust: flow.trust })).report.failure?.code,
    'rotation-policy-malformed',
  );
});

test('PL10 a countersigner pinned to a log: the proof is required, checked, and reported with the countersignature', async () => {
  const log = newLog('countersign.example.org/b-release');
  const d = flow.stack.description;
  const policy = parsePolicy(
    JSON.stringify(
      buildPolicy({
        issuer: d.issuer,
        identity: d.identity,
        githubClaims: flow.stack.sourceRepository,
        trustedRoot: flow.trustedRoot,
        countersigners: [
          {
            name: 'b-release',
            organisation: 'Org B',
            publicKeyPem: flow.keys.b.publicKeyPem,
            log: { origin: log.origin, publicKeyPem: log.publicKeyPem },
          },
        ],
        threshold: 1,
        streams: [STREAM],
      }),
    ),
    'logged policy',
  );
  const unlogged = readBundle(await forgeCountersigned(primaryTsa, flow.keys.b.signer));
  const cs = unlogged.countersignatures[0]!;
  const missing = (await runPipeline(writeBundle(unlogged), { policy, trust: flow.trust })).report;
  assert.deepEqual(missing.checks[3], {
    check: 'countersignatures',
    title: title('countersignatures'),
    result: 'fail',
    code: 'countersignature-log-missing',
    message: `countersignature #1 (${flow.keys.b.keyId}): the policy requires this key's countersignatures to be in the log ${log.origin}, and this one carries no log proof`,
    expected: `a log proof from ${log.origin}`,
    found: 'none',
  });
  const logProof = await logProofOf(log, new Uint8Array(Buffer.from(cs.statement, 'base64')), 1, 3);
  const logged = (
    await runPipeline(writeBundle({ ...unlogged, countersignatures: [{ ...cs, logProof }] }), {
      policy,
      trust: flow.trust,
    })
  ).report;
  assert.equal(logged.outcome, 'verified', JSON.stringify(logged.failure));
  assert.equal(
    logged.checks[3]!.message,
    `1 of 1 required organisation(s): Org B (b-release, logged at ${log.origin} #1)`,
  );
  assert.deepEqual((logged.countersigners?.signed[0] as { log?: unknown }).log, {
    origin: log.origin,
    index: 1,
    treeSize: 3,
  });
  // The same proof under a checkpoint signed by another key: refused at the log checkpoint.
  const forged = await logProofOf(log, new Uint8Array(Buffer.from(cs.statement, 'base64')), 1, 3, newLog(log.origin));
  const refused = (
    await runPipeline(writeBundle({ ...unlogged, countersignatures: [{ ...cs, logProof: forged }] }), {
      policy,
      trust: flow.trust,
    })
  ).report;
  assert.equal(refused.failure?.code, 'countersignature-log-checkpoint');
});

// --- countersignatures without a stack (FORMAT §7 step 4): binding fields, malformed statements, logs

function newKey(name: string, organisation: string, log?: TestLog) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = new Uint8Array(Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url'));
  const raw = new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url'));
  const keyId = `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  const pinned: PinnedKey = {
    name,
    organisation,
    keyId,
    rawPublicKey: raw,
    ...(log ? { log: { origin: log.origin, rawPublicKey: log.rawPublicKey } } : {}),
  };
  return { pinned, seed, signer: seedSigner(seed, keyId) };
}

const primary: PrimaryBinding = {
  payload: new TextEncoder().encode('{"statement":"bytes"}'),
  payloadType: 'application/vnd.in-toto+json',
  signature: randomBytes(71),
  certificate: randomBytes(700),
  tlogEntries: [{ logId: 'bG9nMQ==', logIndex: '42' }],
  timestamps: [randomBytes(300)],
};
const ctx: CountersignatureContext = {
  primary,
  stream: 'acme/app:stable',
  version: 3,
  primaryTime: at(-600),
  now: at(0),
  clockSkewSeconds: 60,
};

async function input(
  key: ReturnType<typeof newKey>,
  o: { binding?: PrimaryBinding; stream?: string; version?: number; signer?: ReturnType<typeof seedSigner> } = {},
): Promise<CountersignatureInput> {
  const c = await createCountersignature({
    signer: o.signer ?? key.signer,
    primary: o.binding ?? primary,
    stream: o.stream ?? ctx.stream,
    version: o.version ?? ctx.version,
    signedAt: at(-30),
  });
  return {
    keyId: key.pinned.keyId,
    statement: new Uint8Array(Buffer.from(c.statement, 'base64')),
    signature: new Uint8Array(Buffer.from(c.signature, 'base64')),
  };
}

const WHY = 'does not match this bundle (the countersignature was made for another primary or statement)';
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test('CL1 binding: each field is named in the message, with the expected and found values', async () => {
  const key = newKey('b', 'Org B');
  const label = `countersignature #1 (${key.pinned.keyId})`;
  const other = newKey('c', 'Org C');
  const cases: [CountersignatureInput, string, string, string][] = [
    // B's key signed a statement naming another key id.
    [
      await input(key, { signer: seedSigner(key.seed, other.pinned.keyId) }),
      'keyId',
      key.pinned.keyId,
      other.pinned.keyId,
    ],
    [
      await input(key, { binding: { ...primary, payloadType: 'application/json' } }),
      'payloadType',
      'application/vnd.in-toto+json',
      'application/json',
    ],
    [
      await input(key, { binding: { ...primary, certificate: new Uint8Array([1, 2, 3]) } }),
      'certificateDigest',
      sha(primary.certificate),
      sha(new Uint8Array([1, 2, 3])),
    ],
    [await input(key, { stream: 'acme/app:beta' }), 'stream', 'acme/app:stable', 'acme/app:beta'],
    [await input(key, { version: 4 }), 'version', '3', '4'],
  ];
  for (const [item, field, expected, found] of cases) {
    throwsExactly(() => verifyCountersignatures([item], [key.pinned], 1, ctx), {
      code: 'countersignature-binding',
      message: `${label}: ${field} ${WHY}`,
      expected,
      found,
    });
  }
});

test('CL2 a pinned key that signed bytes which are not a countersignature statement: countersignature-malformed (a verification failure)', () => {
  const key = newKey('b', 'Org B');
  const statement = new TextEncoder().encode('{"_type":"something else"}');
  const signature = signEd25519(preAuthEncoding(COUNTERSIGNATURE_PAYLOAD_TYPE, statement), key.seed);
  assert.throws(
    () => verifyCountersignatures([{ keyId: key.pinned.keyId, statement, signature }], [key.pinned], 1, ctx),
    (err: unknown) => {
      assert.ok(err instanceof VerificationError, String(err));
      assert.equal(err.code, 'countersignature-malformed');
      assert.match(err.message, new RegExp(`^countersignature #1 \\(${key.pinned.keyId}\\): `));
      assert.deepEqual([err.expected, err.found], [undefined, undefined]);
      return true;
    },
  );
});

test('CL3 missing organisations are distinct and sorted, whatever the order of the pinned keys', async () => {
  const keys = [newKey('z', 'Org Z'), newKey('y', 'Org Y'), newKey('y2', 'Org Y'), newKey('x', 'Org X')];
  const outcome = verifyCountersignatures(
    [await input(keys[3]!)],
    keys.map((k) => k.pinned),
    1,
    ctx,
  );
  assert.deepEqual(outcome.missing, ['Org Y', 'Org Z']);
  assert.deepEqual(outcome.organisations, ['Org X']);
});

test('CL4 log requirement: no proof, a valid proof (first, middle, last leaf, a one-leaf tree), and a proof the policy does not ask for', async () => {
  const log = newLog('countersign.example.org/b');
  const key = newKey('b', 'Org B', log);
  const item = await input(key);
  const label = `countersignature #1 (${key.pinned.keyId})`;
  throwsExactly(() => verifyCountersignatures([item], [key.pinned], 1, ctx), {
    code: 'countersignature-log-missing',
    message: `${label}: the policy requires this key's countersignatures to be in the log ${log.origin}, and this one carries no log proof`,
    expected: `a log proof from ${log.origin}`,
    found: 'none',
  });
  for (const [index, size] of [
    [0, 1],
    [0, 5],
    [2, 5],
    [4, 5],
  ] as const) {
    const logProof = await logProofOf(log, item.statement, index, size);
    const outcome = verifyCountersignatures([{ ...item, logProof }], [key.pinned], 1, ctx);
    assert.deepEqual(outcome.valid, [
      {
        keyId: key.pinned.keyId,
        name: 'b',
        organisation: 'Org B',
        signedAt: iso(at(-30)),
        log: { origin: log.origin, index, treeSize: size },
      },
    ]);
  }
  // A key without a log requirement: a proof, even a wrong one, is not consulted nor reported.
  const plain = newKey('c', 'Org C');
  const plainItem = await input(plain);
  const junk: LogProof = { logIndex: 0, treeSize: 1, hashes: [], checkpoint: 'junk' };
  assert.deepEqual(verifyCountersignatures([{ ...plainItem, logProof: junk }], [plain.pinned], 1, ctx).valid, [
    { keyId: plain.pinned.keyId, name: 'c', organisation: 'Org C', signedAt: iso(at(-30)) },
  ]);
});

test('CL5 log proof refused: another leaf, a path for another size, a checkpoint signed by another key or of another size', async () => {
  const log = newLog('countersign.example.org/b');
  const key = newKey('b', 'Org B', log);
  const item = await input(key);
  const label = `countersignature #1 (${key.pinned.keyId})`;
  const good = await logProofOf(log, item.statement, 2, 5);
  const code = (proof: LogProof) => {
    try {
      verifyCountersignatures([{ ...item, logProof: proof }], [key.pinned], 1, ctx);
    } catch (err) {
      assert.ok(err instanceof VerificationError, String(err));
      assert.ok(err.message.startsWith(`${label}: `), err.message);
      return err.code;
    }
    return 'accepted';
  };
  assert.equal(code(good), 'accepted');
  assert.equal(code({ ...good, logIndex: 1 }), 'countersignature-log-inclusion');
  assert.equal(code({ ...good, logIndex: 3 }), 'countersignature-log-inclusion');
  assert.equal(code({ ...good, hashes: good.hashes.slice(1) }), 'countersignature-log-inclusion');
  assert.equal(code({ ...good, treeSize: 6 }), 'countersignature-log-inclusion');
  assert.equal(code({ ...good, treeSize: 4 }), 'countersignature-log-inclusion');
  assert.equal(
    code(await logProofOf(log, item.statement, 2, 5, newLog(log.origin))),
    'countersignature-log-checkpoint',
  );
  assert.equal(
    code(await logProofOf(newLog('countersign.example.org/other'), item.statement, 2, 5)),
    'countersignature-log-checkpoint',
  );
  // Another statement's leaf (B's other countersignature) does not prove this one.
  assert.equal(
    code(await logProofOf(log, (await input(key, { version: 4 })).statement, 2, 5)),
    'countersignature-log-inclusion',
  );
});

// --- client state (FORMAT §8, spec/ROTATION.md §5): the policy version, the caps, the file

test('ST1 policy rollback: the same or a newer policy passes, one version older is policy-rollback; a state without a policy version accepts any', () => {
  const state = recordPolicyVersion(emptyState(), 3);
  checkPolicyNotRolledBack(state, 3);
  checkPolicyNotRolledBack(state, 4);
  throwsExactly(() => checkPolicyNotRolledBack(state, 2), {
    code: 'policy-rollback',
    message:
      'the policy is version 2, older than version 3 this client already verified under (a rotated-out policy put back?)',
    expected: 'policy version >= 3',
    found: '2',
  });
  checkPolicyNotRolledBack(emptyState(), 1);
});

test('ST2 recording the policy version never lowers it, and keeps the streams', () => {
  const streams = { 'a/a:a': { version: 1, statementDigest: D1 } };
  const cases: [number | undefined, number | undefined, number | undefined][] = [
    [undefined, undefined, undefined],
    [undefined, 4, 4],
    [3, undefined, 3],
    [3, 2, 3],
    [3, 5, 5],
  ];
  for (const [before, given, after] of cases) {
    const state = before === undefined ? { streams } : { policyVersion: before, streams };
    assert.deepEqual(
      recordPolicyVersion(state, given),
      after === undefined ? { streams } : { policyVersion: after, streams },
      `${before} + ${given}`,
    );
  }
  assert.deepEqual(recordAccepted({ policyVersion: 3, streams }, 'b/b:b', 2, D2), {
    policyVersion: 3,
    streams: { ...streams, 'b/b:b': { version: 2, statementDigest: D2 } },
  });
  assert.deepEqual(recordAccepted({ streams }, 'b/b:b', 2, D2, 6), {
    policyVersion: 6,
    streams: { ...streams, 'b/b:b': { version: 2, statementDigest: D2 } },
  });
});

test('ST3 state file with a policy version: exact text (streams sorted), and read back the same', () => {
  let state = recordPolicyVersion(emptyState(), 7);
  for (const name of ['m/m:m', 'c/c:c', 'z/z:z', 'a/a:a', 'q/q:q', 'b/b:b']) state = recordAccepted(state, name, 1, D1);
  const text = serializeState(state);
  const sorted = Object.fromEntries(
    ['a/a:a', 'b/b:b', 'c/c:c', 'm/m:m', 'q/q:q', 'z/z:z'].map((n) => [n, { version: 1, statementDigest: D1 }]),
  );
  assert.equal(
    text,
    `${JSON.stringify({ mediaType: STATE_MEDIA_TYPE, policyVersion: 7, streams: sorted }, null, 2)}\n`,
  );
  const back = parseState(new TextEncoder().encode(text), 'state.json');
  assert.deepEqual(
    { policyVersion: back.policyVersion, streams: { ...back.streams } },
    { policyVersion: 7, streams: sorted },
  );
  assert.equal(serializeState(back), text);
  assert.equal(
    serializeState(emptyState()),
    `${JSON.stringify({ mediaType: STATE_MEDIA_TYPE, streams: {} }, null, 2)}\n`,
  );
});

test('F10 a stream cannot be run to its end: with state, a version more than maxVersionStep above the last is statement-version-step (2^53-1 too); B refuses 2^53-1 in a stream it has no record of', async () => {
  // The rules, exactly.
  const state = recordAccepted(emptyState(), STREAM, 7, D1);
  checkVersionStep(state, STREAM, 1007, 1000);
  checkVersionStep(state, 'other/app:stable', Number.MAX_SAFE_INTEGER, 1000); // no record of that stream: nothing to measure from
  throwsExactly(
    () => {
      checkVersionStep(state, STREAM, 1008, 1000);
    },
    {
      code: 'statement-version-step',
      message: `version 1008 of ${STREAM} is 1001 above the last accepted version 7, more than the policy's maxVersionStep of 1000`,
      expected: 'version <= 1007',
      found: '1008',
    },
  );
  checkVersionStep(state, STREAM, 8, 1);
  throwsExactly(
    () => {
      checkVersionStep(state, STREAM, 9, 1);
    },
    {
      code: 'statement-version-step',
      message: `version 9 of ${STREAM} is 2 above the last accepted version 7, more than the policy's maxVersionStep of 1`,
      expected: 'version <= 8',
      found: '9',
    },
  );
  assert.equal(MAX_FIRST_VERSION, 2 ** 45);
  checkFirstVersion(undefined, STREAM, MAX_FIRST_VERSION);
  checkFirstVersion(state, STREAM, Number.MAX_SAFE_INTEGER); // a record: the step rule measures it
  for (const s of [undefined, emptyState(), recordAccepted(emptyState(), 'other/app:stable', 1, D1)]) {
    throwsExactly(
      () => {
        checkFirstVersion(s, STREAM, MAX_FIRST_VERSION + 1);
      },
      {
        code: 'statement-version-step',
        message: `refusing to countersign: version ${MAX_FIRST_VERSION + 1} of ${STREAM} is above ${MAX_FIRST_VERSION}, the highest first version countersigned in a stream with no record of its last version (spec/POLICY.md §3.9)`,
        expected: `version <= ${MAX_FIRST_VERSION}`,
        found: String(MAX_FIRST_VERSION + 1),
      },
    );
  }

  // Through the pipeline: version 2^53-1, countersigned by B's key (as a B without any record would have).
  const last = await forgeCountersigned(
    await flow.sign(flow.statement({ version: Number.MAX_SAFE_INTEGER })),
    flow.keys.b.signer,
  );
  const withState = (s: ClientState | undefined, policy = flow.policy) =>
    runPipeline(last, { policy, trust: flow.trust, state: s }).then((r) => r.report);
  const refused = await withState(recordAccepted(emptyState(), STREAM, 7, D1));
  assert.deepEqual(
    [refused.failure?.check, refused.failure?.code, refused.failure?.message],
    [
      'statement',
      'statement-version-step',
      `version 9007199254740991 of ${STREAM} is 9007199254740984 above the last accepted version 7, more than the policy's maxVersionStep of 1000`,
    ],
  );
  // The policy's step, not a constant; a fresh client has nothing to measure from.
  const wide = { ...flow.policy, limits: { ...flow.policy.limits, maxVersionStep: 1_000_000 } } as Policy;
  assert.equal(
    (await withState(recordAccepted(emptyState(), STREAM, Number.MAX_SAFE_INTEGER - 1_000_000, D1), wide)).outcome,
    'verified',
  );
  assert.equal(
    (await withState(recordAccepted(emptyState(), STREAM, Number.MAX_SAFE_INTEGER - 1_000_001, D1), wide)).failure
      ?.code,
    'statement-version-step',
  );
  assert.equal((await withState(undefined)).outcome, 'verified');
  // B (countersignBundle) without a record refuses to make it; within 2^45 it countersigns.
  const primaryLast = await flow.sign(flow.statement({ version: Number.MAX_SAFE_INTEGER }));
  await assert.rejects(flow.countersign(primaryLast, flow.keys.b), { code: 'statement-version-step' });
  const first = await flow.countersign(await flow.sign(flow.statement({ version: MAX_FIRST_VERSION })), flow.keys.b);
  assert.equal((await flow.verify(first)).outcome, 'verified');
});

function stateError(text: string): InputError {
  try {
    parseState(new TextEncoder().encode(text), 'state.json');
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    return err;
  }
  assert.fail(`accepted: ${text.slice(0, 80)}`);
}

test('ST4 state file: a bad policy version names its path; 10 000 streams are counted, 10 001 are too many', () => {
  for (const v of [0, -1, 'x']) {
    const err = stateError(JSON.stringify({ mediaType: STATE_MEDIA_TYPE, policyVersion: v, streams: {} }));
    assert.deepEqual(
      [err.code, err.message.split(', found')[0]],
      ['state-malformed', 'state.json: $.policyVersion: expected a positive integer'],
    );
  }
  // Entries that are not objects, so that the count is checked before the 1 MiB cap binds.
  const many = (n: number) =>
    JSON.stringify({
      mediaType: STATE_MEDIA_TYPE,
      streams: Object.fromEntries(Array.from({ length: n }, (_, i) => [`a:${i}`, 0])),
    });
  const over = stateError(many(10_001));
  assert.deepEqual([over.code, over.message], ['state-malformed', 'state.json: $.streams: more than 10000 streams']);
  const at = stateError(many(10_000));
  assert.deepEqual(
    [at.code, at.message.split(', found')[0]],
    ['state-malformed', 'state.json: $.streams["a:0"]: expected an object'],
  );
});
