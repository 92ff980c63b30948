// Attack catalogue, part 3 (spec/ATTACKS.md §6, §7): parser differentials and malformed
// input, first in the bundle file (text edits of a genuine bundle), then inside the signed
// statement (A signs the odd bytes, B's countersignature is forged over them, so that only
// the parser stands between the bytes and "verified"). One local stack.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { type Flow, readBundle, startFlow, writeBundle } from '../../tools/flow.ts';
import {
  assertRejected,
  assertVerified,
  encode,
  replaceText,
  signedByBoth,
  statementOf,
  withCountersignatures,
  withPrimary,
} from './helpers.ts';

let flow: Flow;
let primaryV1: Uint8Array;
let genuine: Uint8Array;
/** The genuine statement's compact JSON text, to edit as text. */
let statementText: string;

before(async () => {
  flow = await startFlow();
  primaryV1 = await flow.sign(flow.statement({ version: 1 }));
  genuine = await flow.countersign(primaryV1, flow.keys.b);
  statementText = JSON.stringify(statementOf(primaryV1));
});

after(async () => {
  await flow?.close();
});

/** A and B (forged) sign the statement text with `from` replaced by `to`. */
async function signedStatementText(
  from: string,
  to: string,
  meta: { stream?: string; version?: number } = {},
): Promise<Uint8Array> {
  assert.ok(statementText.includes(from), from);
  return signedByBoth(flow, encode(statementText.replace(from, to)), flow.keys.b, meta);
}

/** A and B (forged) sign the statement with its JSON edited. */
async function signedStatement(edit: (s: ReturnType<typeof statementOf>) => void): Promise<Uint8Array> {
  const st = statementOf(primaryV1);
  edit(st);
  return signedByBoth(flow, encode(st), flow.keys.b);
}

test('control: the genuine bundle, and the same statement re-signed by both, verify', async () => {
  assertVerified(await flow.verify(genuine));
  assertVerified(await signedStatementText('', '').then((b) => flow.verify(b)));
});

test('R1 report anatomy: every check of a verified, a pending and a rejected report says what it established', async () => {
  const report = await flow.verify(genuine);
  const st = statementOf(primaryV1);
  const d = flow.stack.description;
  const payload = Buffer.from(JSON.stringify(st));
  assert.deepEqual(
    report.checks.map((c) => [c.check, c.title, c.result, c.message]),
    [
      ['parse', 'Parse and limits', 'pass', `1 countersignature(s), 2 subject(s), ${genuine.length} bytes`],
      [
        'primary',
        'Primary Sigstore signature',
        'pass',
        'signature, certificate chain and transparency-log entry verify against the pinned trusted root',
      ],
      ['primary-identity', 'Primary signer identity', 'pass', `${d.identity} (issuer ${d.issuer})`],
      ['countersignatures', 'Countersignatures', 'pass', '1 of 1 required organisation(s): Org B (b-release)'],
      [
        'statement',
        'Statement (kind, stream, expiry, version)',
        'pass',
        `binary-digest acme/app:stable v1, expires ${st.predicate.expiresAt as string}`,
      ],
      ['subjects', 'Subjects match the files', 'not-checked', 'no files given: not checked'],
    ],
  );
  assert.deepEqual(report.statement, {
    digest: `sha256:${createHash('sha256').update(payload).digest('hex')}`,
    kind: 'binary-digest',
    stream: 'acme/app:stable',
    version: 1,
    issuedAt: st.predicate.issuedAt,
    expiresAt: st.predicate.expiresAt,
    subjects: st.subject.map((x) => ({ name: x.name, digest: `sha256:${x.digest.sha256}` })),
  });
  assert.equal(report.primary?.identity, d.identity);
  assert.equal(report.primary?.issuer, d.issuer);
  assert.equal(report.primary?.claims.repository, 'acme/app');
  assert.ok(Math.abs(Date.parse(report.primary.time) - Date.now()) < 600_000);
  assert.deepEqual(
    report.countersigners?.signed.map((x) => [x.keyId, x.name, x.organisation]),
    [[flow.keys.b.keyId, 'b-release', 'Org B']],
  );
  assert.deepEqual([report.countersigners?.organisations, report.countersigners?.missing], [['Org B'], []]);

  const artifacts = st.subject.map((x) => ({ name: x.name, digest: x.digest }));
  assert.equal(
    (await flow.verify(genuine, { artifacts })).checks[5]!.message,
    "2 file(s) match the statement's subjects",
  );

  const pending = (await flow.verify(primaryV1)).checks[3]!;
  assert.deepEqual(pending, {
    check: 'countersignatures',
    title: 'Countersignatures',
    result: 'pending',
    message: 'no countersignature yet',
    code: 'countersignature-missing',
    expected: '1 organisation(s)',
    found: 'none',
  });

  // A verification failure carries expected and found; an input failure has neither key; later checks say why they did not run.
  const policy = flow.makePolicy({ streams: ['acme/app:beta'] });
  const stream = await flow.verify(genuine, { policy });
  assert.deepEqual(stream.checks[4], {
    check: 'statement',
    title: 'Statement (kind, stream, expiry, version)',
    result: 'fail',
    code: 'statement-stream',
    message: 'stream acme/app:stable is not allowed by the policy',
    expected: 'acme/app:beta',
    found: 'acme/app:stable',
  });
  assert.deepEqual(stream.checks[5], {
    check: 'subjects',
    title: 'Subjects match the files',
    result: 'skipped',
    message: 'not run: an earlier check failed',
  });
  const parse = await flow.verify(replaceText(genuine, 'bundle.v1+json', 'bundle.v2+json'), { what: 'release.json' });
  assert.deepEqual(Object.keys(parse.checks[0]!).sort(), ['check', 'code', 'message', 'result', 'title']);
  assert.match(parse.failure!.message, /^release\.json: \$\.mediaType: expected /);
  assert.match(
    (await flow.verify(await signedStatement((x) => (x.predicate.note = 'x')))).failure!.message,
    /^bundle statement: \$\.predicate: unknown field "note"$/,
  );
});

// --- §6 The bundle file

const MEDIA = '"mediaType": "application/vnd.countersign.bundle.v1+json"';

test('P1 duplicate top-level key (mediaType twice): parse/duplicate-key', async () => {
  assertRejected(await flow.verify(replaceText(genuine, MEDIA, `${MEDIA}, ${MEDIA}`)), 'parse', 'duplicate-key');
});

test('P2 duplicate key spelled with an escape ("\\u006dediaType"): parse/duplicate-key', async () => {
  assertRejected(
    await flow.verify(replaceText(genuine, MEDIA, `${MEDIA}, "\\u006dediaType": "x"`)),
    'parse',
    'duplicate-key',
  );
});

test('P3 duplicate key inside the primary (a second payloadType): parse/duplicate-key', async () => {
  assertRejected(
    await flow.verify(
      replaceText(
        genuine,
        '"payloadType": "application/vnd.in-toto+json"',
        '"payloadType": "application/vnd.in-toto+json", "payloadType": "text/plain"',
      ),
    ),
    'parse',
    'duplicate-key',
  );
});

test('P4 a UTF-8 byte-order mark before the JSON: parse/malformed-json', async () => {
  assertRejected(await flow.verify(new Uint8Array([0xef, 0xbb, 0xbf, ...genuine])), 'parse', 'malformed-json');
});

test('P5 invalid UTF-8 (an overlong encoding of "/") inside a string: parse/malformed-json', async () => {
  const text = Buffer.from(genuine);
  const at = text.indexOf('application/vnd.countersign');
  const bytes = Buffer.concat([text.subarray(0, at + 11), Buffer.from([0xc0, 0xaf]), text.subarray(at + 12)]);
  assertRejected(await flow.verify(new Uint8Array(bytes)), 'parse', 'malformed-json');
});

test('P6 a lone UTF-16 surrogate escape in a string: parse/malformed-json', async () => {
  assertRejected(
    await flow.verify(replaceText(genuine, MEDIA, '"mediaType": "application/vnd.countersign.bundle.v1+json\\ud800"')),
    'parse',
    'malformed-json',
  );
});

test('P7 a second JSON document after the first (concatenated JSON): parse/malformed-json', async () => {
  const other = writeBundle({ ...readBundle(genuine), countersignatures: [] });
  assertRejected(await flow.verify(new Uint8Array([...genuine, ...other])), 'parse', 'malformed-json');
});

test('P8 a huge exponent (1e400, Infinity to JSON.parse): parse/number-out-of-range', async () => {
  assertRejected(
    await flow.verify(replaceText(genuine, MEDIA, `"n": 1e400, ${MEDIA}`)),
    'parse',
    'number-out-of-range',
  );
});

test('P9 a big integer (2^53 + 1, rounded by JSON.parse): parse/number-out-of-range', async () => {
  assertRejected(
    await flow.verify(replaceText(genuine, MEDIA, `"n": 9007199254740993, ${MEDIA}`)),
    'parse',
    'number-out-of-range',
  );
});

test('P10 JSON nested 100 000 deep: parse/too-deep (no stack overflow)', async () => {
  assertRejected(
    await flow.verify(replaceText(genuine, MEDIA, `"n": ${'['.repeat(100_000)}${']'.repeat(100_000)}, ${MEDIA}`)),
    'parse',
    'too-deep',
  );
});

test('P11 a bundle over the policy cap (padded with whitespace): parse/too-large', async () => {
  const policy = flow.makePolicy();
  const padded = new Uint8Array([...genuine, ...Buffer.alloc(policy.limits.maxBundleBytes - genuine.length + 1, 0x20)]);
  assertRejected(await flow.verify(padded), 'parse', 'too-large');
});

test('P12 NaN, comments and single quotes (JSON5-isms): parse/malformed-json', async () => {
  for (const extra of ['"n": NaN, ', '/* c */ ', "'n': 1, "]) {
    assertRejected(await flow.verify(replaceText(genuine, MEDIA, `${extra}${MEDIA}`)), 'parse', 'malformed-json');
  }
});

test('P13 an unknown top-level field: parse/bundle-malformed', async () => {
  assertRejected(
    await flow.verify(replaceText(genuine, MEDIA, `"policy": "none", ${MEDIA}`)),
    'parse',
    'bundle-malformed',
  );
});

test('P14 an unknown field in a countersignature entry: parse/bundle-malformed', async () => {
  const bytes = withCountersignatures(genuine, ([c]) => [{ ...c!, organisation: 'Org B' } as never]);
  assertRejected(await flow.verify(bytes), 'parse', 'bundle-malformed');
});

test('P15 an unknown bundle version (v2 media type): parse/bundle-unsupported-version', async () => {
  assertRejected(
    await flow.verify(replaceText(genuine, 'bundle.v1+json', 'bundle.v2+json')),
    'parse',
    'bundle-unsupported-version',
  );
});

test('P16 wrong types: countersignatures an object, keyId a number, primary an array: parse/bundle-malformed', async () => {
  const bundle = readBundle(genuine);
  const variants = [
    { ...bundle, countersignatures: { 0: bundle.countersignatures[0] } },
    { ...bundle, countersignatures: [{ ...bundle.countersignatures[0]!, keyId: 1 }] },
    { ...bundle, primary: [bundle.primary] },
  ];
  for (const v of variants) assertRejected(await flow.verify(encode(v)), 'parse', 'bundle-malformed');
});

test('P17 non-canonical base64 (non-zero padding bits) in a countersignature: parse/bundle-malformed', async () => {
  const bytes = withCountersignatures(genuine, ([c]) => {
    const s = c!.signature; // 64 bytes -> ends in "=="; the last data char carries 4 padding bits
    const last = s[s.length - 3]!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    return [{ ...c!, signature: s.slice(0, -3) + alphabet.charAt(alphabet.indexOf(last) ^ 1) + '==' }];
  });
  assertRejected(await flow.verify(bytes), 'parse', 'bundle-malformed');
});

test('P18 base64 with a line break or URL-safe alphabet in a countersignature statement: parse/bundle-malformed', async () => {
  for (const edit of [
    (s: string) => `${s.slice(0, 20)}\n${s.slice(20)}`,
    (s: string) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
  ]) {
    const bytes = withCountersignatures(genuine, ([c]) => [{ ...c!, statement: edit(c!.statement) }]);
    if (Buffer.from(bytes).equals(Buffer.from(genuine))) continue; // no + or / to rewrite
    assertRejected(await flow.verify(bytes), 'parse', 'bundle-malformed');
  }
});

test('P19 non-canonical base64 of the DSSE payload (same bytes for a lenient decoder): primary/primary-malformed', async () => {
  const bytes = withPrimary(genuine, (p) => {
    p.dsseEnvelope.payload = `${p.dsseEnvelope.payload.slice(0, 8)}\n${p.dsseEnvelope.payload.slice(8)}`;
  });
  assertRejected(await flow.verify(bytes), 'primary', 'primary-malformed');
});

test('P20 a plain Sigstore bundle of an unknown version (v0.4): primary/primary-unsupported-version', async () => {
  const p = readBundle(primaryV1).primary as { mediaType: string };
  const bytes = encode({ ...p, mediaType: 'application/vnd.dev.sigstore.bundle.v0.4+json' });
  assertRejected(await flow.verify(bytes), 'primary', 'primary-unsupported-version');
});

test('P21 a stray character in the base64 of the RFC 3161 token or the log entry (Node decodes it alike, strict decoders refuse): primary/primary-malformed', async () => {
  // Found by the bundle-mutation fuzzer: Buffer.from(..., 'base64') skips a "." and the primary verified.
  const stray = (s: string) => `${s.slice(0, 40)}.${s.slice(40)}`;
  type Material = {
    verificationMaterial: {
      timestampVerificationData: { rfc3161Timestamps: [{ signedTimestamp: string }] };
      tlogEntries: [
        { canonicalizedBody: string; inclusionPromise: { signedEntryTimestamp: string }; logId: { keyId: string } },
      ];
    };
  };
  const edits: ((p: Material) => void)[] = [
    (p) =>
      (p.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].signedTimestamp = stray(
        p.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].signedTimestamp,
      )),
    (p) =>
      (p.verificationMaterial.tlogEntries[0].canonicalizedBody = stray(
        p.verificationMaterial.tlogEntries[0].canonicalizedBody,
      )),
    (p) =>
      (p.verificationMaterial.tlogEntries[0].inclusionPromise.signedEntryTimestamp = stray(
        p.verificationMaterial.tlogEntries[0].inclusionPromise.signedEntryTimestamp,
      )),
    (p) =>
      (p.verificationMaterial.tlogEntries[0].logId.keyId = `${p.verificationMaterial.tlogEntries[0].logId.keyId}\n`),
  ];
  for (const edit of edits) {
    const bytes = withPrimary(genuine, (p) => {
      edit(p as unknown as Material);
    });
    assertRejected(await flow.verify(bytes), 'primary', 'primary-malformed');
  }
});

test("F11 checkpoint signature base64 is canonical: a stray character in the Rekor checkpoint's signature line (which @sigstore/verify decodes leniently): primary/primary-malformed", async () => {
  type Material = { verificationMaterial: { tlogEntries: [{ inclusionProof: { checkpoint: { envelope: string } } }] } };
  const checkpoint = (p: Material) => p.verificationMaterial.tlogEntries[0].inclusionProof.checkpoint;
  const envelope = checkpoint(readBundle(primaryV1).primary as Material).envelope;
  const line = /\n— (\S+) (\S+)\n$/u.exec(envelope);
  assert.ok(line, envelope);
  const signature = line[2]!;
  // A stray ".", inside or at the end; and, when the signature has padding, without it.
  for (const spelling of [
    `${signature.slice(0, 20)}.${signature.slice(20)}`,
    `${signature}.`,
    signature.replace(/=+$/, ''),
  ].filter((s) => s !== signature)) {
    const bytes = withPrimary(
      genuine,
      (p) => void (checkpoint(p as unknown as Material).envelope = envelope.replace(signature, spelling)),
    );
    const report = await flow.verify(bytes);
    assertRejected(report, 'primary', 'primary-malformed');
    assert.match(report.failure!.message, /inclusionProof\.checkpoint\.envelope: expected signature lines/);
  }
});

// --- §7 Inside the signed statement

test('S1 duplicate key in the statement (version 1 and version 2): parse/duplicate-key', async () => {
  assertRejected(
    await flow.verify(await signedStatementText('"version":1', '"version":2,"version":1')),
    'parse',
    'duplicate-key',
  );
});

test('S2 the version spelled 1.0 or 1e0 (an integer to JSON.parse, a float elsewhere): parse/number-out-of-range', async () => {
  for (const spelling of ['1.0', '1e0', '10E-1']) {
    assertRejected(
      await flow.verify(await signedStatementText('"version":1', `"version":${spelling}`)),
      'parse',
      'number-out-of-range',
    );
  }
});

test('S3 the version -0, a string "1" or 2^53 + 1: parse/statement-malformed or number-out-of-range', async () => {
  assertRejected(
    await flow.verify(await signedStatementText('"version":1', '"version":-0')),
    'parse',
    'statement-malformed',
  );
  assertRejected(
    await flow.verify(await signedStatementText('"version":1', '"version":"1"')),
    'parse',
    'statement-malformed',
  );
  assertRejected(
    await flow.verify(await signedStatementText('"version":1', '"version":9007199254740993')),
    'parse',
    'number-out-of-range',
  );
});

test('S4 an unknown field in the predicate: parse/statement-unknown-field', async () => {
  assertRejected(
    await flow.verify(await signedStatement((s) => (s.predicate.note = 'x'))),
    'parse',
    'statement-unknown-field',
  );
});

test('S5 an unknown statement or predicate version: parse/statement-unsupported-type', async () => {
  assertRejected(
    await flow.verify(await signedStatement((s) => (s._type = 'https://in-toto.io/Statement/v2'))),
    'parse',
    'statement-unsupported-type',
  );
  assertRejected(
    await flow.verify(await signedStatement((s) => (s.predicateType = 'https://countersign.dev/TrustStatement/v2'))),
    'parse',
    'statement-unsupported-type',
  );
});

test('S6 an unknown kind: parse/statement-unknown-kind', async () => {
  assertRejected(
    await flow.verify(await signedStatement((s) => (s.predicate.kind = 'root-of-trust'))),
    'parse',
    'statement-unknown-kind',
  );
});

test('S7 path traversal and absolute paths in subject names, with / or a Windows \\: parse/statement-malformed', async () => {
  for (const name of [
    '../etc/passwd',
    'release/../../etc/passwd',
    '/etc/passwd',
    'release//app',
    './release/app',
    'release\\..\\app',
    '..\\..\\x',
    'release\\app',
  ]) {
    const report = await flow.verify(
      await signedStatement((s) => (s.subject = [{ name, digest: s.subject[0]!.digest }])),
    );
    assertRejected(report, 'parse', 'statement-malformed');
  }
});

test('S8 control characters in a subject name ("\\u0000", newline, escape): parse/statement-malformed', async () => {
  for (const name of ['release/app\u0000.txt', 'release/app\n', 'release/\u001b[31mapp']) {
    assertRejected(
      await flow.verify(await signedStatement((s) => (s.subject = [{ name, digest: s.subject[0]!.digest }]))),
      'parse',
      'statement-malformed',
    );
  }
});

test('S9 a subject name not in Unicode NFC (a decomposed look-alike): parse/statement-malformed', async () => {
  const nfd = 'release/cafe\u0301'; // "café" decomposed
  assertRejected(
    await flow.verify(await signedStatement((s) => (s.subject = [{ name: nfd, digest: s.subject[0]!.digest }]))),
    'parse',
    'statement-malformed',
  );
});

test('S10 a lone surrogate in a subject name: parse/malformed-json', async () => {
  assertRejected(
    await flow.verify(await signedStatementText('"name":"release/app-darwin-arm64"', '"name":"release/app-\\udc00"')),
    'parse',
    'malformed-json',
  );
});

test('S11 duplicate subject names (two digests for one file): parse/statement-duplicate-subject', async () => {
  assertRejected(
    await flow.verify(
      await signedStatement((s) => (s.subject = [s.subject[0]!, { ...s.subject[0]!, digest: s.subject[1]!.digest }])),
    ),
    'parse',
    'statement-duplicate-subject',
  );
});

test('S12 unsorted subjects: parse/statement-unsorted-subjects', async () => {
  assertRejected(
    await flow.verify(await signedStatement((s) => s.subject.reverse())),
    'parse',
    'statement-unsorted-subjects',
  );
});

test('S13 more subjects than the policy allows: parse/statement-too-many-subjects', async () => {
  const policy = { ...flow.policy, limits: { ...flow.policy.limits, maxSubjects: 1 } };
  assertRejected(await flow.verify(genuine, { policy, trust: flow.trust }), 'parse', 'statement-too-many-subjects');
});

test('S14 times with fractions of a second or an offset: parse/statement-malformed', async () => {
  const issued = statementOf(primaryV1).predicate.issuedAt as string;
  for (const t of [issued.replace('Z', '.000Z'), issued.replace('Z', '+00:00'), issued.replace('T', ' ')]) {
    assertRejected(
      await flow.verify(await signedStatementText(`"issuedAt":"${issued}"`, `"issuedAt":"${t}"`)),
      'parse',
      'statement-malformed',
    );
  }
});

test('S15 expiresAt before issuedAt: parse/statement-bad-time', async () => {
  assertRejected(
    await flow.verify(await signedStatement((s) => (s.predicate.expiresAt = '2000-01-01T00:00:00Z'))),
    'parse',
    'statement-bad-time',
  );
});

test('S16 nesting inside the statement deeper than its cap (8): parse/too-deep', async () => {
  assertRejected(
    await flow.verify(await signedStatement((s) => (s.predicate.data = { a: [[[[[[[[1]]]]]]]] }))),
    'parse',
    'too-deep',
  );
});

test('S17 a BOM at the start of the signed statement: parse/malformed-json', async () => {
  // Only A's signature: the parse check fails before any countersignature is looked at.
  assertRejected(await flow.verify(await flow.sign(encode(`\ufeff${statementText}`))), 'parse', 'malformed-json');
});

test('S18 wrong types in the statement (subject an object, digest a string): parse/statement-malformed', async () => {
  assertRejected(
    await flow.verify(await signedStatement((s) => ((s as Record<string, unknown>).subject = { 0: s.subject[0] }))),
    'parse',
    'statement-malformed',
  );
  assertRejected(
    await flow.verify(
      await signedStatement((s) => ((s.subject[0] as Record<string, unknown>).digest = s.subject[0]!.digest.sha256)),
    ),
    'parse',
    'statement-malformed',
  );
});
