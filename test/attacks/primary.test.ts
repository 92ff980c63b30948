// Attack catalogue, part 1 (spec/ATTACKS.md §1, §2): getting by with one signature, and
// tampering with or mixing the parts of A's primary Sigstore signature. Every case runs on a
// public-good-shaped stack (Rekor and a TSA) and on a github-mode stack (issue 14: no CT log,
// no SCT, no Rekor, the TSA's timestamp only). Where a case has no log entry to work on in
// github mode, it says what the github verdict is and why (A7, A11, A16, F3 tlog); there the
// attacker adds a genuine Rekor entry from a log the github trusted root does not list.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { instanceFromStackDescription } from '../../src/lib/formats/stack/description.ts';
import { startStack } from '../../src/stack/index.ts';
import {
  type Flow,
  flipBase64,
  forgeCountersigned,
  primaryJson,
  readBundle,
  startFlow,
  writeBundle,
} from '../../tools/flow.ts';
import {
  INSTANCES,
  assertPending,
  assertRejected,
  assertVerified,
  withCountersignatures,
  withPrimary,
} from './helpers.ts';

for (const instance of INSTANCES) {
  describe(instance, () => {
    let flow: Flow;
    let statementV1: Uint8Array;
    /** Signed first: its certificate predates every later primary's log and TSA times. */
    let earlyPrimary: Uint8Array;
    let primaryV1: Uint8Array;
    let primaryV2: Uint8Array;
    /** primaryV1 countersigned by B: the genuine article every attack starts from. */
    let genuine: Uint8Array;
    /** A primary signed more than a second after `genuine`'s (its certificate is newer than genuine's times). */
    let latePrimary: Uint8Array;
    let tsaOnly: Uint8Array;
    /** github mode: a genuine Rekor entry of this statement from another (public-good) stack's log, which the github root does not list. */
    let foreignTlogEntry: unknown;

    before(async () => {
      flow = await startFlow({ instance });
      statementV1 = flow.statement({ version: 1 });
      earlyPrimary = await flow.sign(statementV1);
      [primaryV1, primaryV2] = await Promise.all([flow.sign(statementV1), flow.sign(flow.statement({ version: 2 }))]);
      genuine = await flow.countersign(primaryV1, flow.keys.b);
      // After the genuine primary: the foreign entry's integrated time then falls inside the genuine
      // certificate's validity, so A16 is decided by the log check (not by a certificate that was
      // not yet valid at an earlier second, which a slow machine made happen).
      if (instance === 'github') {
        const other = await startStack();
        try {
          const own = instanceFromStackDescription({ ...other.description }, 'public-good stack');
          const token = other.mintToken({ audience: 'sigstore' });
          const signed = await flow.sign(flow.statement({ version: 1 }), { instance: own, token });
          foreignTlogEntry = primaryJson(signed).verificationMaterial.tlogEntries?.[0];
        } finally {
          await other.close();
        }
        assert.ok(foreignTlogEntry, 'a public-good stack primary carries a Rekor entry');
      }
      tsaOnly = await flow.countersign(await flow.sign(statementV1, { instance: flow.tsaOnly }), flow.keys.b);
      await sleep(1100);
      latePrimary = await flow.sign(statementV1);
    });

    after(async () => {
      await flow?.close();
    });

    test('control: the genuine bundle, and its TSA-only twin, verify', async () => {
      assertVerified(await flow.verify(genuine));
      assertVerified(await flow.verify(tsaOnly));
    });

    // --- §1 Single-signature variants

    test('A1 primary alone (no countersignature list at all): pending, never verified', async () => {
      assertPending(await flow.verify(primaryV1));
    });

    test('A2 countersigned bundle with the countersignature list emptied: pending', async () => {
      assertPending(await flow.verify(withCountersignatures(genuine, () => [])));
    });

    test('A3 countersignature alone, primary removed: parse/bundle-malformed', async () => {
      const bundle = readBundle(genuine);
      const bytes = new TextEncoder().encode(
        JSON.stringify({ mediaType: bundle.mediaType, countersignatures: bundle.countersignatures }),
      );
      assertRejected(await flow.verify(bytes), 'parse', 'bundle-malformed');
    });

    test('A4 countersignature with a garbage primary (a string): parse/bundle-malformed', async () => {
      assertRejected(await flow.verify(withPrimary(genuine, () => 'garbage')), 'parse', 'bundle-malformed');
    });

    test('A5 countersignature with a hollow primary (statement, no certificate, no signature): primary/primary-malformed', async () => {
      const hollow = withPrimary(genuine, (p) => ({
        mediaType: p.mediaType,
        verificationMaterial: {},
        dsseEnvelope: { ...p.dsseEnvelope, signatures: [] },
      }));
      assertRejected(await flow.verify(hollow), 'primary', 'primary-malformed');
    });

    test('A6 countersignature with a primary whose DSSE signature is flipped: primary/primary-timestamp', async () => {
      const tampered = withPrimary(genuine, (p) => {
        p.dsseEnvelope.signatures[0]!.sig = flipBase64(p.dsseEnvelope.signatures[0]!.sig, 12);
      });
      assertRejected(await flow.verify(tampered), 'primary', 'primary-timestamp');
    });

    test('A7 countersignature with an edited statement (Rekor-logged primary): primary/primary-tlog; github (no log entry): primary/primary-signature', async () => {
      const tampered = withPrimary(genuine, (p) => {
        const st = JSON.parse(Buffer.from(p.dsseEnvelope.payload, 'base64').toString('utf8'));
        st.predicate.version = 9;
        p.dsseEnvelope.payload = Buffer.from(JSON.stringify(st)).toString('base64');
      });
      // github: no Rekor entry records the envelope, so the DSSE signature itself fails (as A8).
      assertRejected(
        await flow.verify(tampered),
        'primary',
        instance === 'github' ? 'primary-signature' : 'primary-tlog',
      );
    });

    test('A8 countersignature with an edited statement (TSA-only primary): primary/primary-signature', async () => {
      const tampered = withPrimary(tsaOnly, (p) => {
        const st = JSON.parse(Buffer.from(p.dsseEnvelope.payload, 'base64').toString('utf8'));
        st.predicate.version = 9;
        p.dsseEnvelope.payload = Buffer.from(JSON.stringify(st)).toString('base64');
      });
      assertRejected(await flow.verify(tampered), 'primary', 'primary-signature');
    });

    test('A9 a second DSSE signature appended to the primary: primary/primary-malformed', async () => {
      const doubled = withPrimary(genuine, (p) => {
        p.dsseEnvelope.signatures.push({ ...p.dsseEnvelope.signatures[0]! });
      });
      assertRejected(await flow.verify(doubled), 'primary', 'primary-malformed');
    });

    test('A10 primary stripped of its log entry and timestamp (no proof of time): primary/primary-timestamp', async () => {
      const stripped = withPrimary(genuine, (p) => {
        delete p.verificationMaterial.tlogEntries;
        delete p.verificationMaterial.timestampVerificationData;
      });
      assertRejected(await flow.verify(stripped), 'primary', 'primary-timestamp');
    });

    test('A11 primary stripped of its timestamp, Rekor entry kept (tlog time unverifiable without SET): primary/primary-timestamp', async () => {
      // github: the primary has no Rekor entry; without its timestamp nothing proves a time (as A10).
      assert.equal(primaryJson(genuine).verificationMaterial.tlogEntries === undefined, instance === 'github');
      const onlyLog = withPrimary(genuine, (p) => {
        delete p.verificationMaterial.timestampVerificationData;
        for (const e of (p.verificationMaterial.tlogEntries ?? []) as { inclusionPromise?: unknown }[])
          delete e.inclusionPromise;
      });
      assertRejected(await flow.verify(onlyLog), 'primary', 'primary-timestamp');
    });

    test('A12 primary with an older Sigstore bundle media type (v0.2): primary/primary-unsupported-version', async () => {
      const older = withPrimary(genuine, (p) => {
        p.mediaType = 'application/vnd.dev.sigstore.bundle+json;version=0.2';
      });
      assertRejected(await flow.verify(older), 'primary', 'primary-unsupported-version');
    });

    test('A13 primary signed on an attacker stack (own Fulcio, Rekor, TSA), B key stolen: primary/primary-timestamp', async () => {
      const attacker = await startStack();
      try {
        const own = instanceFromStackDescription({ ...attacker.description }, 'attacker stack');
        const forged = await forgeCountersigned(
          await flow.sign(statementV1, { instance: own, token: attacker.mintToken({ audience: 'sigstore' }) }),
          flow.keys.b.signer,
        );
        assertRejected(await flow.verify(forged), 'primary', 'primary-timestamp');
        // The attacker's Fulcio, logged and timestamped by the genuine Rekor and TSA.
        const ownFulcio = { ...flow.instance, fulcioUrl: own.fulcioUrl };
        const forged2 = await forgeCountersigned(
          await flow.sign(statementV1, { instance: ownFulcio, token: attacker.mintToken({ audience: 'sigstore' }) }),
          flow.keys.b.signer,
        );
        assertRejected(await flow.verify(forged2), 'primary', 'primary-certificate');
      } finally {
        await attacker.close();
      }
    });

    // --- §2 Mixing parts of two bundles

    test('A14 another valid certificate of the same identity swapped in (issued earlier): primary/primary-signature', async () => {
      const swapped = withPrimary(genuine, (p) => {
        p.verificationMaterial.certificate = primaryJson(earlyPrimary).verificationMaterial.certificate;
      });
      assertRejected(await flow.verify(swapped), 'primary', 'primary-signature');
    });

    test('A15 a certificate not yet valid at the log and TSA time (issued later) swapped in: primary/primary-certificate', async () => {
      const swapped = withPrimary(genuine, (p) => {
        p.verificationMaterial.certificate = primaryJson(latePrimary).verificationMaterial.certificate;
      });
      assertRejected(await flow.verify(swapped), 'primary', 'primary-certificate');
    });

    test('A16 the transparency-log entry of another bundle: primary/primary-tlog; github: a genuine entry of a log its root does not list, added: primary/primary-tlog', async () => {
      // github: primaryV2 has no entry to swap in; the attacker adds one from a public-good log instead.
      const entries =
        instance === 'github' ? [foreignTlogEntry] : primaryJson(primaryV2).verificationMaterial.tlogEntries;
      const swapped = withPrimary(genuine, (p) => {
        p.verificationMaterial.tlogEntries = entries;
      });
      assertRejected(await flow.verify(swapped), 'primary', 'primary-tlog');
    });

    test('A17 the RFC 3161 timestamp of another bundle: primary/primary-timestamp', async () => {
      const swapped = withPrimary(genuine, (p) => {
        p.verificationMaterial.timestampVerificationData =
          primaryJson(primaryV2).verificationMaterial.timestampVerificationData;
      });
      assertRejected(await flow.verify(swapped), 'primary', 'primary-timestamp');
    });

    test('A18 the DSSE envelope of one bundle with the verification material of another: primary/primary-timestamp', async () => {
      const mixed = withPrimary(genuine, (p) => {
        p.dsseEnvelope = primaryJson(primaryV2).dsseEnvelope;
      });
      assertRejected(await flow.verify(mixed), 'primary', 'primary-timestamp');
    });

    test("A19 another primary's DSSE signature with this payload: primary/primary-timestamp", async () => {
      const mixed = withPrimary(genuine, (p) => {
        p.dsseEnvelope.signatures = primaryJson(earlyPrimary).dsseEnvelope.signatures;
      });
      assertRejected(await flow.verify(mixed), 'primary', 'primary-timestamp');
    });

    test('A20 the primary of one bundle with the countersignatures of another (same statement, other primary): countersignatures/binding', async () => {
      const moved = writeBundle({
        ...readBundle(earlyPrimary),
        countersignatures: readBundle(genuine).countersignatures,
      });
      const report = await flow.verify(moved);
      assertRejected(report, 'countersignatures', 'countersignature-binding');
      assert.match(report.failure!.message, /primarySignatureDigest/);
    });

    test('A21 the payload type of the DSSE envelope changed: parse/statement-unsupported-type', async () => {
      const changed = withPrimary(genuine, (p) => {
        p.dsseEnvelope.payloadType = 'application/vnd.in-toto+json;v=2';
      });
      assertRejected(await flow.verify(changed), 'parse', 'statement-unsupported-type');
    });

    test('A22 a message-signature primary instead of DSSE: parse/primary-malformed', async () => {
      const changed = withPrimary(genuine, (p) => {
        const { dsseEnvelope, ...rest } = p;
        return {
          ...rest,
          messageSignature: {
            messageDigest: { algorithm: 'SHA2_256', digest: Buffer.alloc(32).toString('base64') },
            signature: dsseEnvelope.signatures[0]!.sig,
          },
        };
      });
      assertRejected(await flow.verify(changed), 'parse', 'primary-malformed');
    });

    // --- Issue 13 F3: work on the primary's lists is bounded before @sigstore/verify runs

    /** The primary's RFC 3161 timestamps (as in the bundle JSON). */
    type Timestamps = { rfc3161Timestamps: { signedTimestamp: string }[] };

    test("F3 the primary's RFC 3161 timestamp copied: twice or 16 times primary-duplicate-entry, 17 times primary-too-many-entries, each before @sigstore/verify; 1 500 times over the bundle's array cap", async () => {
      for (const copies of [2, 16, 17]) {
        const copied = withPrimary(tsaOnly, (p) => {
          const data = p.verificationMaterial.timestampVerificationData as Timestamps;
          data.rfc3161Timestamps = Array.from({ length: copies }, () => ({ ...data.rfc3161Timestamps[0]! }));
        });
        // @sigstore/verify would have verified every copy, then said primary-timestamp ("duplicate timestamp").
        const report = await flow.verify(copied);
        assertRejected(report, 'primary', copies > 16 ? 'primary-too-many-entries' : 'primary-duplicate-entry');
        assert.match(report.failure!.message, /verificationMaterial\.timestampVerificationData\.rfc3161Timestamps/);
      }
      // The finding's 1 500 copies: more items than any array of a bundle may have (1024), refused while scanning.
      const finding = withPrimary(tsaOnly, (p) => {
        const data = p.verificationMaterial.timestampVerificationData as Timestamps;
        data.rfc3161Timestamps = Array.from({ length: 1500 }, () => ({ ...data.rfc3161Timestamps[0]! }));
      });
      assertRejected(await flow.verify(finding), 'parse', 'too-many-items');
      // Sixteen different tokens (only the first genuine) are not refused by the cap: @sigstore/verify then decides.
      const sixteen = withPrimary(tsaOnly, (p) => {
        const data = p.verificationMaterial.timestampVerificationData as Timestamps;
        const token = data.rfc3161Timestamps[0]!.signedTimestamp;
        data.rfc3161Timestamps = Array.from({ length: 16 }, (_, i) => ({
          signedTimestamp: i === 0 ? token : flipBase64(token, -1 - i),
        }));
      });
      assert.notEqual((await flow.verify(sixteen)).failure?.code, 'primary-too-many-entries');
    });

    test("F3 the primary's transparency-log entry copied: primary-duplicate-entry; 17 entries: primary-too-many-entries (a countersignature binds at most 16)", async () => {
      // github: the primary has no entry of its own; the copies are of a public-good log's genuine entry.
      const own = primaryJson(genuine).verificationMaterial.tlogEntries?.[0];
      assert.equal(own === undefined, instance === 'github');
      const entry = own ?? foreignTlogEntry;
      const twice = withPrimary(genuine, (p) => {
        p.verificationMaterial.tlogEntries = [entry, structuredClone(entry)];
      });
      assertRejected(await flow.verify(twice), 'primary', 'primary-duplicate-entry');
      const seventeen = withPrimary(genuine, (p) => {
        const { logIndex } = entry as { logIndex?: string };
        p.verificationMaterial.tlogEntries = Array.from({ length: 17 }, (_, i) => ({
          ...(entry as object),
          logIndex: String(Number(logIndex ?? '0') + i),
        }));
      });
      assertRejected(await flow.verify(seventeen), 'primary', 'primary-too-many-entries');
    });
  });
}
