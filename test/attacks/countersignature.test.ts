// Attack catalogue, part 2 (spec/ATTACKS.md §3-§5): transplanted countersignatures, what a
// holder of B's key (or of an unpinned key) can sign, thresholds padded with duplicates or
// keys of one organisation, key validity windows, and Ed25519 edge cases. Every case runs on a
// public-good-shaped stack and on a github-mode stack (issue 14), where the primary has no log
// entry and B binds its signature, certificate and TSA timestamp only; C6 and C36, which work
// on the primary's log entry, say what they do and expect in github mode.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPolicy, parsePolicy } from '../../src/lib/formats/policy/index.ts';
import { PolicyError } from '../../src/lib/basics/errors/errors.ts';
import { seedSigner } from '../../src/lib/basics/crypto/signer.ts';
import {
  type Flow,
  bindingOfPrimary,
  flipBase64,
  forgeCountersigned,
  primaryJson,
  readBundle,
  startFlow,
  writeBundle,
} from '../../tools/flow.ts';
import {
  INSTANCES,
  assertRejected,
  assertVerified,
  countersignatureStatementFor,
  encode,
  policyWith,
  rawCountersignature,
  withCountersignatures,
} from './helpers.ts';
import { bindingOf } from '../../src/lib/formats/countersignature/statement.ts';

const DAY = 86_400_000;
/** L, the order of Ed25519's prime-order subgroup (RFC 8032 §5.1). */
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

for (const instance of INSTANCES) {
  describe(instance, () => {
    let flow: Flow;
    let primaryV1: Uint8Array;
    let primaryOther: Uint8Array;
    let primaryV2: Uint8Array;
    let primaryBeta: Uint8Array;
    let genuine: Uint8Array;

    before(async () => {
      flow = await startFlow({ instance });
      const statementV1 = flow.statement({ version: 1 });
      [primaryV1, primaryOther, primaryV2, primaryBeta] = await Promise.all([
        flow.sign(statementV1),
        flow.sign(statementV1),
        flow.sign(flow.statement({ version: 2 })),
        flow.sign(flow.statement({ version: 1, stream: 'acme/app:beta' })),
      ]);
      genuine = await flow.countersign(primaryV1, flow.keys.b);
    });

    after(async () => {
      await flow?.close();
    });

    /** primaryV1 with exactly these countersignatures. */
    function onV1(...list: ReturnType<typeof rawCountersignature>[]): Uint8Array {
      return writeBundle({ ...readBundle(primaryV1), countersignatures: list });
    }

    /** B's key signs a countersignature statement for primaryV1 with some fields overridden. */
    function signedByB(overrides: Record<string, unknown>): Uint8Array {
      return onV1(
        rawCountersignature(flow.keys.b, encode(countersignatureStatementFor(primaryV1, flow.keys.b, overrides))),
      );
    }

    test('control: the genuine bundle verifies; B signing the computed statement by hand verifies too', async () => {
      assertVerified(await flow.verify(genuine));
      assertVerified(await flow.verify(signedByB({})));
    });

    // --- §3 Transplanted countersignatures

    test('C1 countersignature moved onto another primary of the same statement: binding (primarySignatureDigest)', async () => {
      const moved = writeBundle({
        ...readBundle(primaryOther),
        countersignatures: readBundle(genuine).countersignatures,
      });
      const report = await flow.verify(moved);
      assertRejected(report, 'countersignatures', 'countersignature-binding');
      assert.match(report.failure!.message, /primarySignatureDigest/);
    });

    test('C2 countersignature moved onto another payload (version 2): binding (payloadDigest)', async () => {
      const moved = writeBundle({ ...readBundle(primaryV2), countersignatures: readBundle(genuine).countersignatures });
      const report = await flow.verify(moved);
      assertRejected(report, 'countersignatures', 'countersignature-binding');
      assert.match(report.failure!.message, /payloadDigest/);
    });

    test('C3 countersignature moved onto another stream (acme/app:beta): binding (payloadDigest)', async () => {
      const policy = flow.makePolicy({ streams: ['acme/app:stable', 'acme/app:beta'] });
      const moved = writeBundle({
        ...readBundle(primaryBeta),
        countersignatures: readBundle(genuine).countersignatures,
      });
      assertRejected(await flow.verify(moved, { policy }), 'countersignatures', 'countersignature-binding');
    });

    test('C4 B signs the right primary but names another stream: binding (stream)', async () => {
      const report = await flow.verify(
        await forgeCountersigned(primaryV1, flow.keys.b.signer, { stream: 'acme/app:beta' }),
      );
      assertRejected(report, 'countersignatures', 'countersignature-binding');
      assert.match(report.failure!.message, /stream/);
    });

    test('C5 B signs the right primary but names another version: binding (version)', async () => {
      const report = await flow.verify(await forgeCountersigned(primaryV1, flow.keys.b.signer, { version: 2 }));
      assertRejected(report, 'countersignatures', 'countersignature-binding');
      assert.match(report.failure!.message, /version/);
    });

    test("C6 countersignature statement binds another bundle's transparency-log entry (github: a log entry the primary does not have): binding (tlogEntries)", async () => {
      // github: primaryV2 has no log entry either; B's statement names one the TSA-only primary lacks.
      const other =
        instance === 'github'
          ? [{ logId: Buffer.alloc(32, 7).toString('base64'), logIndex: '3' }]
          : bindingOf(bindingOfPrimary(primaryV2)).tlogEntries;
      assert.equal(bindingOfPrimary(primaryV1).tlogEntries.length, instance === 'github' ? 0 : 1);
      const report = await flow.verify(signedByB({ tlogEntries: other }));
      assertRejected(report, 'countersignatures', 'countersignature-binding');
      assert.match(report.failure!.message, /tlogEntries/);
    });

    test("C7 countersignature statement binds another primary's certificate: binding (certificateDigest)", async () => {
      const report = await flow.verify(
        signedByB({ certificateDigest: bindingOf(bindingOfPrimary(primaryOther)).certificateDigest }),
      );
      assertRejected(report, 'countersignatures', 'countersignature-binding');
      assert.match(report.failure!.message, /certificateDigest/);
    });

    test('C8 countersignature statement omits the timestamps it should bind: binding (timestampDigests)', async () => {
      const report = await flow.verify(signedByB({ timestampDigests: [] }));
      assertRejected(report, 'countersignatures', 'countersignature-binding');
      assert.match(report.failure!.message, /timestampDigests/);
    });

    test('C9 countersignature statement names another payload type: binding (payloadType)', async () => {
      const report = await flow.verify(signedByB({ payloadType: 'application/json' }));
      assertRejected(report, 'countersignatures', 'countersignature-binding');
      assert.match(report.failure!.message, /payloadType/);
    });

    test("C10 countersignature statement names another pinned key's id than the entry: binding (keyId)", async () => {
      const policy = flow.makePolicy({ countersigners: [flow.keys.b, flow.keys.c] });
      const report = await flow.verify(signedByB({ keyId: flow.keys.c.keyId }), { policy });
      assertRejected(report, 'countersignatures', 'countersignature-binding');
      assert.match(report.failure!.message, /keyId/);
    });

    // --- §4 Keys, signatures and thresholds

    test('C11 countersignature by an unpinned key: countersignature-unpinned-key', async () => {
      assertRejected(
        await flow.verify(await forgeCountersigned(primaryV1, flow.keys.rogue.signer)),
        'countersignatures',
        'countersignature-unpinned-key',
      );
    });

    test("C12 a pinned key id over another key's signature (impostor): countersignature-signature", async () => {
      const impostor = await forgeCountersigned(primaryV1, seedSigner(flow.keys.rogue.seed, flow.keys.b.keyId));
      assertRejected(await flow.verify(impostor), 'countersignatures', 'countersignature-signature');
    });

    test('C13 one bit of the countersignature statement flipped: countersignature-signature', async () => {
      const bytes = withCountersignatures(genuine, ([c]) => [{ ...c!, statement: flipBase64(c!.statement, 40) }]);
      assertRejected(await flow.verify(bytes), 'countersignatures', 'countersignature-signature');
    });

    test('C14 one bit of the signature flipped (R half, then S half): countersignature-signature', async () => {
      for (const index of [0, -1]) {
        const bytes = withCountersignatures(genuine, ([c]) => [{ ...c!, signature: flipBase64(c!.signature, index) }]);
        assertRejected(await flow.verify(bytes), 'countersignatures', 'countersignature-signature');
      }
    });

    test('C15 non-canonical signature: S + L (a second valid-looking S, malleability): countersignature-signature', async () => {
      const bytes = withCountersignatures(genuine, ([c]) => {
        const sig = Buffer.from(c!.signature, 'base64');
        let s = 0n;
        for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(sig[i]!);
        s += L;
        for (let i = 32; i < 64; i++) {
          sig[i] = Number(s & 0xffn);
          s >>= 8n;
        }
        return [{ ...c!, signature: sig.toString('base64') }];
      });
      assertRejected(await flow.verify(bytes), 'countersignatures', 'countersignature-signature');
    });

    test('C16 small-order R (the identity point) with S = 0: countersignature-signature', async () => {
      const sig = Buffer.alloc(64);
      sig[0] = 1; // y = 1: the neutral element, of order 1
      const bytes = withCountersignatures(genuine, ([c]) => [{ ...c!, signature: sig.toString('base64') }]);
      assertRejected(await flow.verify(bytes), 'countersignatures', 'countersignature-signature');
    });

    test('C17 non-canonical R encoding (y >= p): countersignature-signature', async () => {
      const bytes = withCountersignatures(genuine, ([c]) => {
        const sig = Buffer.from(c!.signature, 'base64');
        sig.fill(0xff, 0, 31);
        sig[31] = 0x7f; // y = 2^255 - 1 > p
        return [{ ...c!, signature: sig.toString('base64') }];
      });
      assertRejected(await flow.verify(bytes), 'countersignatures', 'countersignature-signature');
    });

    test("C18 B's signature made for another purpose (raw statement, no DSSE PAE): countersignature-signature", async () => {
      const statement = encode(countersignatureStatementFor(primaryV1, flow.keys.b));
      assertRejected(
        await flow.verify(onV1(rawCountersignature(flow.keys.b, statement, { pae: false }))),
        'countersignatures',
        'countersignature-signature',
      );
    });

    test("C19 B's signature under another DSSE payload type (in-toto): countersignature-signature", async () => {
      const statement = encode(countersignatureStatementFor(primaryV1, flow.keys.b));
      const cs = rawCountersignature(flow.keys.b, statement, { payloadType: 'application/vnd.in-toto+json' });
      assertRejected(await flow.verify(onV1(cs)), 'countersignatures', 'countersignature-signature');
    });

    test('C20 low-order and mixed-order public keys cannot be pinned: policy-bad-key', () => {
      const policy = buildPolicy({
        identity: flow.stack.description.identity,
        issuer: flow.stack.description.issuer,
        githubClaims: flow.stack.sourceRepository,
        trustedRoot: flow.trustedRoot,
        countersigners: [{ name: 'b', publicKeyPem: flow.keys.b.publicKeyPem }],
        streams: ['acme/app:stable'],
      });
      const pem = (raw: Buffer) =>
        `-----BEGIN PUBLIC KEY-----\n${Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]).toString('base64')}\n-----END PUBLIC KEY-----\n`;
      const identity = Buffer.alloc(32);
      identity[0] = 1;
      const orderTwo = Buffer.from('ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', 'hex');
      const nonCanonical = Buffer.from('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', 'hex'); // y = p
      for (const raw of [identity, orderTwo, nonCanonical]) {
        const entry = (policy.countersigners as Record<string, unknown>[])[0]!;
        const edited = { ...policy, countersigners: [{ ...entry, publicKey: pem(raw) }] };
        assert.throws(
          () => parsePolicy(JSON.stringify(edited), 'policy.json'),
          (err: unknown) => err instanceof PolicyError && err.code === 'policy-bad-key',
        );
      }
    });

    test('C21 the same countersignature twice (padding a threshold): countersignature-duplicate', async () => {
      const policy = flow.makePolicy({ countersigners: [flow.keys.b, flow.keys.c], threshold: 2 });
      const bytes = withCountersignatures(genuine, ([c]) => [c!, c!]);
      assertRejected(await flow.verify(bytes, { policy }), 'countersignatures', 'countersignature-duplicate');
    });

    test('C22 two countersignatures by B (same key, different signedAt) for threshold 2: countersignature-duplicate', async () => {
      const policy = flow.makePolicy({ countersigners: [flow.keys.b, flow.keys.c], threshold: 2 });
      const later = rawCountersignature(
        flow.keys.b,
        encode(
          countersignatureStatementFor(primaryV1, flow.keys.b, {
            signedAt: new Date(Date.now() + 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          }),
        ),
      );
      const bytes = withCountersignatures(genuine, ([c]) => [c!, later]);
      assertRejected(await flow.verify(bytes, { policy }), 'countersignatures', 'countersignature-duplicate');
    });

    test('C23 two keys of one organisation padding a threshold of 2: countersignature-threshold', async () => {
      const policy = flow.makePolicy({ countersigners: [flow.keys.b, flow.keys.b2, flow.keys.c], threshold: 2 });
      const both = await flow.countersign(await flow.countersign(primaryV1, flow.keys.b, { policy }), flow.keys.b2, {
        policy,
      });
      const report = await flow.verify(both, { policy });
      assertRejected(report, 'countersignatures', 'countersignature-threshold');
      assert.equal(report.checks.find((c) => c.check === 'countersignatures')?.found, 'Org B');
    });

    test('C24 a valid countersignature plus an unpinned one (not silently trimmed): countersignature-unpinned-key', async () => {
      const rogue = readBundle(await forgeCountersigned(primaryV1, flow.keys.rogue.signer)).countersignatures[0]!;
      assertRejected(
        await flow.verify(withCountersignatures(genuine, ([c]) => [c!, rogue])),
        'countersignatures',
        'countersignature-unpinned-key',
      );
    });

    // --- §5 Validity windows and times

    test('C25 a countersigner key that expired before the countersignature was made: countersignature-key-expired', async () => {
      const policy = policyWith(flow, {
        keys: [
          { key: flow.keys.b, validFrom: new Date(Date.now() - 30 * DAY), validUntil: new Date(Date.now() - DAY) },
        ],
      });
      assertRejected(await flow.verify(genuine, { policy }), 'countersignatures', 'countersignature-key-expired');
    });

    test('C26 a countersignature made inside the window by a key that has expired since: countersignature-key-expired', async () => {
      const policy = policyWith(flow, {
        keys: [
          { key: flow.keys.b, validFrom: new Date(Date.now() - 30 * DAY), validUntil: new Date(Date.now() + 60_000) },
        ],
      });
      assertVerified(await flow.verify(genuine, { policy }));
      const later = new Date(Date.now() + 60_000 + 301_000 + 1000);
      assertRejected(
        await flow.verify(genuine, { policy, now: later }),
        'countersignatures',
        'countersignature-key-expired',
      );
    });

    test('C27 a countersigner key not yet valid when it signed: countersignature-key-not-yet-valid', async () => {
      const policy = policyWith(flow, { keys: [{ key: flow.keys.b, validFrom: new Date(Date.now() + DAY) }] });
      assertRejected(await flow.verify(genuine, { policy }), 'countersignatures', 'countersignature-key-not-yet-valid');
    });

    test('C28 a countersignature dated in the future (beyond the clock skew): countersignature-time', async () => {
      const bytes = await forgeCountersigned(primaryV1, flow.keys.b.signer, {
        signedAt: new Date(Date.now() + 3600_000),
      });
      assertRejected(await flow.verify(bytes), 'countersignatures', 'countersignature-time');
    });

    test('C29 a countersignature dated before the primary existed (pre-signed blank cheque): countersignature-time', async () => {
      const bytes = await forgeCountersigned(primaryV1, flow.keys.b.signer, {
        signedAt: new Date(Date.now() - 3600_000),
      });
      assertRejected(await flow.verify(bytes), 'countersignatures', 'countersignature-time');
    });

    test('C30 B signs a statement with an unknown field: countersignature-malformed', async () => {
      assertRejected(
        await flow.verify(signedByB({ comment: 'trust me' })),
        'countersignatures',
        'countersignature-malformed',
      );
    });

    test('C31 B signs a statement of an unknown version (_type v2): countersignature-malformed', async () => {
      assertRejected(
        await flow.verify(signedByB({ _type: 'https://countersign.dev/Countersignature/v2' })),
        'countersignatures',
        'countersignature-malformed',
      );
    });

    test('C32 B signs a statement with a duplicate key (two streams, parsers disagree which wins): countersignature-malformed', async () => {
      const json = JSON.stringify(countersignatureStatementFor(primaryV1, flow.keys.b)).replace(
        '"stream":',
        '"stream":"acme/app:beta","stream":',
      );
      assertRejected(
        await flow.verify(onV1(rawCountersignature(flow.keys.b, encode(json)))),
        'countersignatures',
        'countersignature-malformed',
      );
    });

    test('C33 B signs a statement whose version is a float spelling of the integer (1.0): countersignature-malformed', async () => {
      const json = JSON.stringify(countersignatureStatementFor(primaryV1, flow.keys.b)).replace(
        '"version":1',
        '"version":1.0',
      );
      assertRejected(
        await flow.verify(onV1(rawCountersignature(flow.keys.b, encode(json)))),
        'countersignatures',
        'countersignature-malformed',
      );
    });

    test('C34 a countersignature entry with a truncated (63-byte) signature: parse/bundle-malformed', async () => {
      const bytes = withCountersignatures(genuine, ([c]) => [
        { ...c!, signature: Buffer.from(c!.signature, 'base64').subarray(0, 63).toString('base64') },
      ]);
      assertRejected(await flow.verify(bytes), 'parse', 'bundle-malformed');
    });

    test('C35 more countersignatures than the cap (33): parse/bundle-malformed', async () => {
      const bytes = withCountersignatures(genuine, ([c]) => Array.from({ length: 33 }, () => c!));
      assertRejected(await flow.verify(bytes), 'parse', 'bundle-malformed');
    });

    test('C36 the primary log entry (github: its TSA timestamp) and the countersignature both from another bundle (consistent swap): primary/primary-tlog (github: primary/primary-timestamp)', async () => {
      // An attacker swaps the tlog entry for primaryV2's and has B bind that entry: the primary check catches it first.
      // github: no log entry; the proof of time swapped is the TSA timestamp, which covers another signature.
      const swapped = readBundle(genuine);
      const vm = (swapped.primary as ReturnType<typeof primaryJson>).verificationMaterial;
      const other = primaryJson(primaryV2).verificationMaterial;
      if (instance === 'github') vm.timestampVerificationData = other.timestampVerificationData;
      else vm.tlogEntries = other.tlogEntries;
      const bound = bindingOf(bindingOfPrimary(writeBundle(swapped)));
      const consistent = withCountersignatures(writeBundle(swapped), () => [
        rawCountersignature(flow.keys.b, encode(countersignatureStatementFor(primaryV1, flow.keys.b, bound))),
      ]);
      assertRejected(
        await flow.verify(consistent),
        'primary',
        instance === 'github' ? 'primary-timestamp' : 'primary-tlog',
      );
    });
  });
}
