// The invariant (docs/design.md §1): whoever controls only one organisation's signing infrastructure
// cannot produce an artifact that verifies. On one local Sigstore stack, a genuine bundle
// (A's keyless signature + B's countersignature) verifies; then every way of getting by with
// one organisation's signature is tried and must be rejected by the check that owns it
// (spec/FORMAT.md §7): the report names the check and its stable code, every earlier check
// passed and every later one was skipped.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { VerificationError } from '../../src/lib/basics/errors/errors.ts';
import { instanceFromStackDescription } from '../../src/lib/formats/stack/description.ts';
import { seedSigner } from '../../src/lib/basics/crypto/signer.ts';
import { CHECKS, type CheckName, type VerificationReport, exitCodeOf } from '../../src/lib/pipeline/report.ts';
import { startStack } from '../../src/stack/index.ts';
import {
  type Flow,
  type PrimaryJson,
  STREAM,
  flipBase64,
  forgeCountersigned,
  primaryJson,
  readBundle,
  startFlow,
  writeBundle,
} from '../../tools/flow.ts';

let flow: Flow;
/** Version 1 of the stream, signed twice by A (two distinct primaries of the same bytes). */
let statementV1: Uint8Array;
let primaryV1: Uint8Array;
let primaryV1Again: Uint8Array;
/** Version 2, another payload. */
let primaryV2: Uint8Array;
/** The genuine article: primaryV1 countersigned by B. */
let countersignedV1: Uint8Array;

before(async () => {
  flow = await startFlow();
  statementV1 = flow.statement({ version: 1 });
  // primaryV1Again first: its certificate is then already valid when primaryV1 is timestamped.
  primaryV1Again = await flow.sign(statementV1);
  [primaryV1, primaryV2] = await Promise.all([flow.sign(statementV1), flow.sign(flow.statement({ version: 2 }))]);
  countersignedV1 = await flow.countersign(primaryV1, flow.keys.b);
});

after(async () => {
  await flow?.close();
});

/** Rejected by exactly `check` with `code`: the checks before it passed, the ones after were skipped. */
function assertRejected(report: VerificationReport, check: CheckName, code: string): void {
  const context = JSON.stringify(report.failure ?? report.outcome);
  assert.equal(report.outcome, 'rejected', context);
  assert.equal(report.failure?.check, check, context);
  assert.equal(report.failure?.code, code, context);
  assert.equal(exitCodeOf(report.outcome), 1);
  const at = CHECKS.findIndex((c) => c.name === check);
  assert.deepEqual(
    report.checks.map((c) => [c.check, c.result]),
    CHECKS.map((c, i) => [c.name, i < at ? 'pass' : i === at ? 'fail' : 'skipped']),
  );
}

function assertVerified(report: VerificationReport): void {
  assert.equal(report.outcome, 'verified', JSON.stringify(report.failure));
  assert.equal(report.failure, undefined);
  // No files are given here: the subjects check says so (not-checked), never "pass" (issue 14 #10).
  assert.deepEqual(
    report.checks.map((c) => [c.check, c.result]),
    CHECKS.map((c) => [c.name, c.name === 'subjects' ? 'not-checked' : 'pass']),
  );
}

/** The bundle with its primary's JSON edited. */
function withPrimary(bytes: Uint8Array, edit: (p: PrimaryJson) => unknown): Uint8Array {
  const bundle = readBundle(bytes);
  const replaced = edit(bundle.primary as PrimaryJson);
  return writeBundle({ ...bundle, primary: replaced === undefined ? bundle.primary : replaced });
}

/** The same primary with no countersignature (what B would be handed). */
function withoutCountersignatures(bytes: Uint8Array): Uint8Array {
  return writeBundle({ ...readBundle(bytes), countersignatures: [] });
}

/** The statement of a primary, decoded, edited, and re-encoded as the DSSE payload. */
function editPayload(p: PrimaryJson, edit: (statement: { predicate: Record<string, unknown> }) => void): void {
  const statement = JSON.parse(Buffer.from(p.dsseEnvelope.payload, 'base64').toString('utf8')) as {
    predicate: Record<string, unknown>;
  };
  edit(statement);
  p.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
}

/** Asserts that B's countersigning step refuses with `code` (and says why). */
async function assertRefused(attempt: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(attempt, (err: unknown) => {
    assert.ok(err instanceof VerificationError, `expected a VerificationError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    assert.ok(!err.message.includes('\n'), 'one line');
    return true;
  });
}

test('genuine: A signs, B countersigns, the gate verifies', async () => {
  const report = await flow.verify(countersignedV1);
  assertVerified(report);
  assert.equal(report.primary?.identity, flow.stack.description.identity);
  assert.equal(report.primary?.issuer, flow.stack.description.issuer);
  assert.deepEqual(
    report.countersigners?.signed.map((s) => [s.keyId, s.organisation]),
    [[flow.keys.b.keyId, 'Org B']],
  );
  assert.equal(report.statement?.version, 1);
  assert.equal(report.statement?.stream, STREAM);
});

test('primary alone (no countersignature): pending countersign, never verified', async () => {
  for (const bytes of [primaryV1, withoutCountersignatures(countersignedV1)]) {
    const report = await flow.verify(bytes);
    assert.equal(report.outcome, 'pending-countersign');
    assert.equal(report.failure, undefined);
    const check = report.checks.find((c) => c.check === 'countersignatures');
    assert.equal(check?.result, 'pending');
    assert.equal(check?.code, 'countersignature-missing');
    assert.equal(exitCodeOf(report.outcome), 1);
  }
});

test('countersignature alone: a primary whose DSSE signature was altered is rejected at primary', async () => {
  // The primary carries both a Rekor entry and an RFC 3161 timestamp; the timestamp (over the
  // signature bytes) is the first thing @sigstore/verify checks, so it catches the change.
  const tampered = withPrimary(countersignedV1, (p) => {
    p.dsseEnvelope.signatures[0]!.sig = flipBase64(p.dsseEnvelope.signatures[0]!.sig, 12);
  });
  assertRejected(await flow.verify(tampered), 'primary', 'primary-timestamp');
});

test('countersignature alone: a primary whose statement was changed is rejected at primary', async () => {
  // With a Rekor entry, the logged payload hash catches the change first...
  const tampered = withPrimary(countersignedV1, (p) => editPayload(p, (s) => (s.predicate.version = 9)));
  assertRejected(await flow.verify(tampered), 'primary', 'primary-tlog');
  // ...with only a timestamp (which covers the signature, not the payload), the DSSE signature does.
  const tsaOnly = await flow.countersign(await flow.sign(statementV1, { instance: flow.tsaOnly }), flow.keys.b);
  assertVerified(await flow.verify(tsaOnly));
  const tamperedTsa = withPrimary(tsaOnly, (p) => editPayload(p, (s) => (s.predicate.version = 9)));
  assertRejected(await flow.verify(tamperedTsa), 'primary', 'primary-signature');
});

test('countersignature alone: a primary with another valid certificate of this stack is rejected at primary', async () => {
  // The other certificate (same identity, same CA) was issued before this primary was logged
  // and timestamped, so the chain holds at that time: the DSSE signature is what fails.
  const other = primaryJson(primaryV1Again).verificationMaterial.certificate;
  assert.notEqual(other.rawBytes, primaryJson(primaryV1).verificationMaterial.certificate.rawBytes);
  const swapped = withPrimary(countersignedV1, (p) => {
    p.verificationMaterial.certificate = other;
  });
  assertRejected(await flow.verify(swapped), 'primary', 'primary-signature');
});

test('countersignature alone: a removed or garbage primary is rejected at parse or primary', async () => {
  const bundle = readBundle(countersignedV1);
  const removed = new TextEncoder().encode(
    JSON.stringify({ mediaType: bundle.mediaType, countersignatures: bundle.countersignatures }),
  );
  assertRejected(await flow.verify(removed), 'parse', 'bundle-malformed');
  assertRejected(await flow.verify(withPrimary(countersignedV1, () => 'garbage')), 'parse', 'bundle-malformed');
  assertRejected(
    await flow.verify(
      withPrimary(countersignedV1, () => ({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' })),
    ),
    'parse',
    'bundle-malformed',
  );
  // The genuine statement, but no certificate, log entry or signature to carry it.
  const hollow = withPrimary(countersignedV1, (p) => ({
    mediaType: p.mediaType,
    verificationMaterial: {},
    dsseEnvelope: { ...p.dsseEnvelope, signatures: [] },
  }));
  assertRejected(await flow.verify(hollow), 'primary', 'primary-malformed');
});

test('a countersignature moved onto another primary of the same statement is rejected (binding)', async () => {
  const moved = writeBundle({
    ...readBundle(primaryV1Again),
    countersignatures: readBundle(countersignedV1).countersignatures,
  });
  const report = await flow.verify(moved);
  assertRejected(report, 'countersignatures', 'countersignature-binding');
  assert.match(report.failure!.message, /primarySignatureDigest/);
});

test('a countersignature moved onto another payload (another version) is rejected (binding)', async () => {
  const moved = writeBundle({
    ...readBundle(primaryV2),
    countersignatures: readBundle(countersignedV1).countersignatures,
  });
  const report = await flow.verify(moved);
  assertRejected(report, 'countersignatures', 'countersignature-binding');
  assert.match(report.failure!.message, /payloadDigest/);
});

test("A's signature by another workflow identity, countersigned with B's stolen key: rejected at primary-identity", async () => {
  const others = [
    'evil/app/.github/workflows/release.yml@refs/heads/main', // another repository
    'acme/app/.github/workflows/debug.yml@refs/heads/main', // another workflow of the repository
    'acme/app/.github/workflows/release.yml@refs/heads/feature', // another ref
  ];
  for (const jobWorkflowRef of others) {
    const forged = await forgeCountersigned(await flow.sign(statementV1, { jobWorkflowRef }), flow.keys.b.signer);
    const report = await flow.verify(forged);
    assertRejected(report, 'primary-identity', 'primary-identity');
    assert.ok(report.failure!.message.includes(`https://github.com/${jobWorkflowRef}`), report.failure!.message);
  }
});

test('attacker-controlled A infrastructure (another Fulcio, another trusted root): rejected at primary', async () => {
  const attacker = await startStack(); // the same workflow identity, the attacker's own keys
  try {
    const token = attacker.mintToken({ audience: 'sigstore' });
    // The attacker's whole stack: its TSA is not pinned either, and that is checked first.
    const own = instanceFromStackDescription({ ...attacker.description }, 'attacker stack');
    const forgedOwn = await forgeCountersigned(
      await flow.sign(statementV1, { instance: own, token }),
      flow.keys.b.signer,
    );
    assertRejected(await flow.verify(forgedOwn), 'primary', 'primary-timestamp');
    // The attacker's Fulcio, logged and timestamped by the genuine (pinned) Rekor and TSA.
    const ownFulcio = { ...flow.instance, fulcioUrl: own.fulcioUrl };
    const forged = await forgeCountersigned(
      await flow.sign(statementV1, { instance: ownFulcio, token }),
      flow.keys.b.signer,
    );
    assertRejected(await flow.verify(forged), 'primary', 'primary-certificate');
    // B's own step refuses to countersign such a primary.
    await assertRefused(flow.countersign(withoutCountersignatures(forged), flow.keys.b), 'primary-certificate');
  } finally {
    await attacker.close();
  }
});

test('a countersignature by an unpinned key is rejected (unpinned-key), and B-with-another-key is refused', async () => {
  const rogue = await forgeCountersigned(primaryV1, flow.keys.rogue.signer);
  assertRejected(await flow.verify(rogue), 'countersignatures', 'countersignature-unpinned-key');
  await assertRefused(flow.countersign(primaryV1, flow.keys.rogue), 'countersigner-not-pinned');
});

test("a pinned key id over another key's signature is rejected (signature)", async () => {
  const impostor = await forgeCountersigned(primaryV1, seedSigner(flow.keys.rogue.seed, flow.keys.b.keyId));
  assertRejected(await flow.verify(impostor), 'countersignatures', 'countersignature-signature');
});

test('tampered countersignature statement or signature bytes are rejected (signature)', async () => {
  const bundle = readBundle(countersignedV1);
  const cs = bundle.countersignatures[0]!;
  // A well-formed statement with one field changed (signed a second later).
  const statement = JSON.parse(Buffer.from(cs.statement, 'base64').toString('utf8')) as { signedAt: string };
  statement.signedAt = new Date(Date.parse(statement.signedAt) + 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const edited = Buffer.from(JSON.stringify(statement)).toString('base64');
  assert.notEqual(edited, cs.statement);
  const variants = {
    'statement field': { ...cs, statement: edited },
    'statement byte': { ...cs, statement: flipBase64(cs.statement, 40) },
    'signature first byte': { ...cs, signature: flipBase64(cs.signature, 0) },
    'signature last byte': { ...cs, signature: flipBase64(cs.signature, -1) },
  };
  for (const [label, countersignature] of Object.entries(variants)) {
    const report = await flow.verify(writeBundle({ ...bundle, countersignatures: [countersignature] }));
    assert.equal(report.failure?.code, 'countersignature-signature', label);
    assertRejected(report, 'countersignatures', 'countersignature-signature');
  }
});

test('two keys of one organisation do not meet a threshold of 2; one countersignature twice is a duplicate', async () => {
  const policy = flow.makePolicy({ countersigners: [flow.keys.b, flow.keys.b2, flow.keys.c], threshold: 2 });
  const byB = await flow.countersign(primaryV1, flow.keys.b, { policy });
  const byBTwice = await flow.countersign(byB, flow.keys.b2, { policy });
  assert.equal(readBundle(byBTwice).countersignatures.length, 2);
  const report = await flow.verify(byBTwice, { policy });
  assertRejected(report, 'countersignatures', 'countersignature-threshold');
  const entry = report.checks.find((c) => c.check === 'countersignatures');
  assert.equal(entry?.expected, '2 of: Org B, Org C');
  assert.equal(entry?.found, 'Org B');

  const once = readBundle(byB);
  const duplicated = writeBundle({
    ...once,
    countersignatures: [once.countersignatures[0]!, once.countersignatures[0]!],
  });
  assertRejected(await flow.verify(duplicated, { policy }), 'countersignatures', 'countersignature-duplicate');
  assertRejected(await flow.verify(duplicated), 'countersignatures', 'countersignature-duplicate');
});

test('B refuses to countersign: another identity, a stream not in its policy, an expired statement, twice', async () => {
  await assertRefused(
    flow.countersign(
      await flow.sign(statementV1, { jobWorkflowRef: 'evil/app/.github/workflows/release.yml@refs/heads/main' }),
      flow.keys.b,
    ),
    'primary-identity',
  );
  await assertRefused(
    flow.countersign(await flow.sign(flow.statement({ stream: 'acme/app:beta' })), flow.keys.b),
    'statement-stream',
  );
  // 30-day statement, B's clock 31 days on.
  await assertRefused(
    flow.countersign(primaryV1, flow.keys.b, { now: new Date(Date.now() + 31 * 86_400_000) }),
    'statement-expired',
  );
  await assertRefused(flow.countersign(countersignedV1, flow.keys.b), 'countersignature-duplicate');
  // The control: the same primary, B's clock now, verifies and is countersigned.
  assert.equal(readBundle(await flow.countersign(primaryV1, flow.keys.b)).countersignatures.length, 1);
});

test('m-of-n: organisations B and C, threshold 2: B alone is short, B + C verifies', async () => {
  const policy = flow.makePolicy({ countersigners: [flow.keys.b, flow.keys.c], threshold: 2 });
  const byB = await flow.countersign(primaryV1, flow.keys.b, { policy });
  const short = await flow.verify(byB, { policy });
  assertRejected(short, 'countersignatures', 'countersignature-threshold');
  assert.equal(short.checks.find((c) => c.check === 'countersignatures')?.found, 'Org B');

  const byBoth = await flow.countersign(byB, flow.keys.c, { policy });
  const report = await flow.verify(byBoth, { policy });
  assertVerified(report);
  assert.deepEqual(report.countersigners?.organisations, ['Org B', 'Org C']);
  assert.deepEqual(
    report.countersigners?.signed.map((s) => s.keyId),
    [flow.keys.b.keyId, flow.keys.c.keyId],
  );
  assert.deepEqual(report.countersigners?.missing, []);

  // 1-of-2: B alone verifies, and the report says who has not countersigned.
  const oneOfTwo = flow.makePolicy({ countersigners: [flow.keys.b, flow.keys.c], threshold: 1 });
  const single = await flow.verify(byB, { policy: oneOfTwo });
  assertVerified(single);
  assert.deepEqual(single.countersigners?.organisations, ['Org B']);
  assert.deepEqual(single.countersigners?.missing, ['Org C']);
});

test('a TSA-only primary (no transparency log) verifies end to end', async () => {
  const primary = await flow.sign(flow.statement({ version: 3 }), { instance: flow.tsaOnly });
  const p = primaryJson(primary);
  assert.equal(p.verificationMaterial.tlogEntries?.length ?? 0, 0);
  assert.equal(
    (p.verificationMaterial.timestampVerificationData as { rfc3161Timestamps: unknown[] }).rfc3161Timestamps.length,
    1,
  );
  const report = await flow.verify(await flow.countersign(primary, flow.keys.b));
  assertVerified(report);
  assert.match(report.checks.find((c) => c.check === 'primary')!.message, /timestamp/);
});
