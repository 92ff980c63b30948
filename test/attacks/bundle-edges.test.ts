// Attack catalogue, part 7 (spec/ATTACKS.md §11): more boundaries of the verification core,
// without a stack, found wanting by mutation testing (npm run mutation) in
// src/lib/basics/json/strict-json.ts, src/lib/formats/{bundle/bundle, core/stream}.ts, src/lib/basics/crypto/ed25519.ts
// and src/lib/checks/statement/statement.ts: the strict JSON scanner's dispatch and escape edges,
// the default caps, the bundle file's optional fields, stream length, the Ed25519 helpers'
// exact edges (the scalar bound, non-canonical points) and a signer whose hash is mis-wired.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ed from '@noble/ed25519';
import { InputError, VerificationError } from '../../src/lib/basics/errors/errors.ts';
import { DEFAULT_JSON_LIMITS, parseStrictJson } from '../../src/lib/basics/json/strict-json.ts';
import { parseBundleFile, serializeBundle } from '../../src/lib/formats/bundle/bundle.ts';
import { BUNDLE_MEDIA_TYPE, type Statement } from '../../src/lib/formats/core/types.ts';
import { MAX_STREAM_LENGTH, isValidStream } from '../../src/lib/formats/core/stream.ts';
import { checkStatement } from '../../src/lib/checks/statement/statement.ts';
import type { Policy } from '../../src/lib/formats/policy/index.ts';
import {
  ed25519PublicKeyOf,
  isPrimeOrderPoint,
  isReducedScalar,
  isStrictNonSmallOrderPoint,
  signEd25519,
  verifyEd25519Strict,
} from '../../src/lib/basics/crypto/ed25519.ts';

/** The error `fn` throws, which must be an InputError (or subclass). */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof InputError, `untyped: ${String(err)}`);
    return err;
  }
  assert.fail('accepted');
}

const json = (text: string, limits = { maxBytes: 1 << 16, maxDepth: 4 }) =>
  inputError(() => parseStrictJson(text, 'doc.json', limits));

// --- strict JSON (FORMAT §2)

test('E25 strict JSON: what starts a number, escapes at the end of input, raw surrogates at both ends of the range', () => {
  const cases: [string, string][] = [
    // Only '-' and '0'-'9' start a number: the characters either side of the digits are not numbers.
    ['!', 'doc.json: unexpected character "!" at offset 0'],
    ['/', 'doc.json: unexpected character "/" at offset 0'],
    [':', 'doc.json: unexpected character ":" at offset 0'],
    // A number is read from where it starts: a digit further on does not make "-x1" a number.
    ['-x1', 'doc.json: bad number at offset 0'],
    // A backslash that ends the input is a bad escape, not an unterminated string.
    ['"\\', 'doc.json: bad escape in string at offset 1'],
    ['"\\u12', 'doc.json: bad \\u escape at offset 1'],
    // Only the four characters after \u count, not hex digits further on.
    ['"\\u12G4 abcd"', 'doc.json: bad \\u escape at offset 1'],
    // Raw (unescaped) lone surrogates, first and last of the range, alone in the string.
    [`"${String.fromCharCode(0xd800)}"`, 'doc.json: lone UTF-16 surrogate in string at offset 0'],
    [`"${String.fromCharCode(0xdfff)}"`, 'doc.json: lone UTF-16 surrogate in string at offset 0'],
  ];
  for (const [text, message] of cases) assert.equal(json(text).message, message, JSON.stringify(text));
  // Their neighbours are ordinary characters; 0 and 9 are numbers.
  for (const code of [0xd7ff, 0xe000])
    assert.equal(
      parseStrictJson(`"${String.fromCharCode(code)}"`, 'doc.json', DEFAULT_JSON_LIMITS),
      String.fromCharCode(code),
    );
  assert.deepEqual(parseStrictJson('[0,9,-0,90]', 'doc.json', DEFAULT_JSON_LIMITS), [0, 9, -0, 90]);
  assert.equal(parseStrictJson('"\\uABcd"', 'doc.json', DEFAULT_JSON_LIMITS), '\uabcd');
});

test('E26 strict JSON: numbers in messages are cut at 40 characters', () => {
  const digits = '1234567890'.repeat(5); // 50 digits
  assert.equal(json(`${digits}e400`).message, `doc.json: number ${digits.slice(0, 40)} is not finite at offset 0`);
  assert.equal(json(digits).message, `doc.json: integer ${digits.slice(0, 40)} is outside ±(2^53-1) at offset 0`);
  const spelled = `1.${'0'.repeat(49)}`;
  assert.equal(
    json(spelled, { maxBytes: 1 << 16, maxDepth: 4, integersOnly: true } as typeof DEFAULT_JSON_LIMITS).message,
    `doc.json: number ${spelled.slice(0, 40)} is an integer spelled with a fraction or exponent (integers only here) at offset 0`,
  );
});

test('E27 strict JSON: the default caps are 16 MiB and 64 levels, exactly', () => {
  const max = 16 * 1024 * 1024;
  assert.deepEqual(DEFAULT_JSON_LIMITS, { maxBytes: max, maxDepth: 64 });
  const fits = `"${'a'.repeat(max - 2)}"`;
  assert.equal((parseStrictJson(fits, 'doc.json') as string).length, max - 2);
  assert.equal(
    inputError(() => parseStrictJson(`${fits} `, 'doc.json')).message,
    `doc.json: ${max + 1} bytes is over the limit of ${max} bytes`,
  );
  // Size is counted in UTF-8 bytes, for text as for bytes: 'é' is two.
  const accents = `"${'é'.repeat((max - 2) / 2)}"`;
  assert.equal((parseStrictJson(accents, 'doc.json') as string).length, (max - 2) / 2);
  assert.equal(inputError(() => parseStrictJson(`${accents.slice(0, -1)}é"`, 'doc.json')).code, 'too-large');
  assert.deepEqual(
    parseStrictJson('['.repeat(64) + ']'.repeat(64), 'doc.json'),
    JSON.parse('['.repeat(64) + ']'.repeat(64)),
  );
  assert.equal(
    inputError(() => parseStrictJson('['.repeat(65) + ']'.repeat(65), 'doc.json')).message,
    'doc.json: nesting deeper than 64 levels at offset 64',
  );
});

// --- the bundle file (FORMAT §6)

const KEY_ID = `sha256:${'ab'.repeat(32)}`;
const b64 = (bytes: number) => Buffer.alloc(bytes, 1).toString('base64');
const PRIMARY = {
  mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  verificationMaterial: {},
  dsseEnvelope: {},
};
const LOG_PROOF = { logIndex: 0, treeSize: 1, hashes: [], checkpoint: 'log.example\n1\nAAAA\n\n— log.example AAAA\n' };
const bundleBytes = (doc: unknown) => new TextEncoder().encode(JSON.stringify(doc));
const withCountersignature = (c: Record<string, unknown>, primary: unknown = PRIMARY) =>
  bundleBytes({
    mediaType: BUNDLE_MEDIA_TYPE,
    primary,
    countersignatures: [{ keyId: KEY_ID, statement: b64(10), signature: b64(64), ...c }],
  });

test('E28 bundle file: optional fields are kept, their errors name their path, signatures are exactly 64 bytes', () => {
  // A countersignature's log proof is optional, and parsed when present.
  const parsed = parseBundleFile(withCountersignature({ logProof: LOG_PROOF }), 'b.json');
  assert.deepEqual(parsed.bundle.countersignatures[0]?.logProof, LOG_PROOF);
  assert.equal(
    Object.hasOwn(parseBundleFile(withCountersignature({}), 'b.json').bundle.countersignatures[0] ?? {}, 'logProof'),
    false,
  );
  assert.equal(
    inputError(() => parseBundleFile(withCountersignature({ logProof: { ...LOG_PROOF, treeSize: -1 } }), 'b.json'))
      .message,
    'b.json: $.countersignatures[0].logProof.treeSize: expected a non-negative integer, found -1',
  );
  assert.equal(
    inputError(() => parseBundleFile(withCountersignature({ signature: b64(63) }), 'b.json')).message,
    'b.json: $.countersignatures[0].signature: expected a 64-byte Ed25519 signature, found 63 bytes',
  );
  // The primary may hold a message signature instead of a DSSE envelope (a Sigstore bundle's
  // content is one of the two); the primary check refuses it later, by name.
  const messageSignature = { mediaType: PRIMARY.mediaType, verificationMaterial: {}, messageSignature: {} };
  assert.deepEqual(
    parseBundleFile(withCountersignature({}, messageSignature), 'b.json').bundle.primary,
    messageSignature,
  );
  assert.equal(
    inputError(() => parseBundleFile(withCountersignature({}, { ...PRIMARY, extra: 1 }), 'b.json')).message,
    'b.json: $.primary: unknown field "extra"',
  );
  // Documents that are not objects go to the shape check, whatever they contain.
  for (const doc of [
    ['application/vnd.dev.sigstore.bundle.v0.3+json'],
    'application/vnd.dev.sigstore.bundle.v0.3+json',
    null,
    7,
  ]) {
    assert.match(
      inputError(() => parseBundleFile(bundleBytes(doc), 'b.json')).message,
      /^b\.json: \$: expected an object, found /,
    );
  }
});

test('E29 bundle file: serialisation is pretty-printed JSON ending in one newline, and round-trips', () => {
  const { bundle } = parseBundleFile(withCountersignature({ logProof: LOG_PROOF }), 'b.json');
  const text = serializeBundle(bundle);
  assert.ok(text.endsWith('}\n') && !text.endsWith('\n\n'), JSON.stringify(text.slice(-5)));
  assert.ok(text.startsWith('{\n  "mediaType": '));
  assert.deepEqual(parseBundleFile(new TextEncoder().encode(text), 'b.json').bundle, bundle);
});

test('E29b carried rotations (FORMAT §6.3): optional, 1 to 16 canonical base64 entries, decoded in order, kept when written out', () => {
  const base = JSON.parse(new TextDecoder().decode(withCountersignature({}))) as Record<string, unknown>;
  const withRotations = (rotations: unknown) => bundleBytes({ ...base, rotations });
  // Absent: no field written back, nothing decoded.
  const none = parseBundleFile(withCountersignature({}), 'b.json');
  assert.deepEqual(none.rotations, []);
  assert.equal(Object.hasOwn(none.bundle, 'rotations'), false);
  assert.equal(serializeBundle(none.bundle).includes('"rotations"'), false);
  // Present: each decoded to its exact bytes, in order, and the field kept as given.
  const two = parseBundleFile(withRotations([b64(5), Buffer.from('second').toString('base64')]), 'b.json');
  assert.deepEqual(
    two.rotations.map((r) => Buffer.from(r).toString()),
    [Buffer.alloc(5, 1).toString(), 'second'],
  );
  assert.deepEqual(two.bundle.rotations, [b64(5), Buffer.from('second').toString('base64')]);
  assert.deepEqual(parseBundleFile(new TextEncoder().encode(serializeBundle(two.bundle)), 'b.json').bundle, two.bundle);
  // 16 is the cap, exactly; an empty list, a non-list, a non-canonical entry are refused by path.
  assert.equal(parseBundleFile(withRotations(Array.from({ length: 16 }, () => b64(3))), 'b.json').rotations.length, 16);
  const cases: [unknown, RegExp][] = [
    [Array.from({ length: 17 }, () => b64(3)), /^b\.json: \$\.rotations: .*16/],
    [[], /^b\.json: \$\.rotations: /],
    ['AAAA', /^b\.json: \$\.rotations: expected /],
    [[b64(3), 'QR=='], /^b\.json: \$\.rotations\[1\]: /],
    [[7], /^b\.json: \$\.rotations\[0\]: /],
  ];
  for (const [value, message] of cases) {
    const err = inputError(() => parseBundleFile(withRotations(value), 'b.json'));
    assert.equal(err.code, 'bundle-malformed', err.message);
    assert.match(err.message, message);
  }
});

// --- streams (FORMAT §3) and the statement's kind (FORMAT §7 step 5)

test('E30 streams: at most 200 characters, exactly', () => {
  assert.equal(MAX_STREAM_LENGTH, 200);
  const stream = (length: number) => `acme/app:${'s'.repeat(length - 'acme/app:'.length)}`;
  assert.equal(isValidStream(stream(200)), true);
  assert.equal(isValidStream(stream(201)), false);
});

test('E31 a kind outside the policy names every allowed kind, comma-separated', () => {
  const policy = {
    kinds: ['binary-digest', 'config-change'],
    streams: ['acme/app:stable'],
    limits: { clockSkewSeconds: 0, maxStatementLifetimeSeconds: 60 },
  } as unknown as Policy;
  const statement = {
    predicate: {
      kind: 'fleet-key',
      stream: 'acme/app:stable',
      version: 1,
      issuedAt: '2026-01-01T00:00:00Z',
      expiresAt: '2026-01-01T00:01:00Z',
    },
  } as unknown as Statement;
  assert.throws(
    () => checkStatement(statement, policy, new Date('2026-01-01T00:00:30Z')),
    (err: unknown) =>
      err instanceof VerificationError &&
      err.code === 'statement-kind' &&
      err.message === 'kind fleet-key is not allowed by the policy' &&
      err.expected === 'binary-digest, config-change' &&
      err.found === 'fleet-key',
  );
});

// --- Ed25519 helpers (spec/ED25519.md §2)

const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const littleEndian = (value: bigint, length = 32) => {
  const out = new Uint8Array(length);
  for (let i = 0, v = value; i < length; i++, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
};

test('E32 Ed25519: S is reduced below L exactly, and only 32-byte scalars are scalars', () => {
  assert.equal(isReducedScalar(littleEndian(0n)), true);
  assert.equal(isReducedScalar(littleEndian(L - 1n)), true);
  assert.equal(isReducedScalar(littleEndian(L)), false);
  assert.equal(isReducedScalar(littleEndian(L + 1n)), false);
  assert.equal(isReducedScalar(littleEndian(2n ** 256n - 1n)), false);
  assert.equal(isReducedScalar(littleEndian(1n, 31)), false);
  assert.equal(isReducedScalar(littleEndian(1n, 33)), false);
  assert.equal(isReducedScalar([1] as unknown as Uint8Array), false);
  // A signature whose S is replaced by S + L (the malleability the check exists for) fails.
  const seed = new Uint8Array(32).fill(9);
  const message = new TextEncoder().encode('m');
  const sig = signEd25519(message, seed);
  const s = BigInt(`0x${Buffer.from(sig.subarray(32)).reverse().toString('hex')}`);
  const malleated = new Uint8Array([...sig.subarray(0, 32), ...littleEndian(s + L)]);
  assert.equal(verifyEd25519Strict(malleated, message, ed25519PublicKeyOf(seed)), false);
});

test('E33 Ed25519: non-canonical encodings (y >= p) are refused even where ZIP-215 would decode them', () => {
  const p = 2n ** 255n - 19n;
  // y = 3 + p: on the curve, not of small order, so only the canonical-encoding rule refuses it.
  const encoding = littleEndian(3n + p);
  assert.equal(
    ed.Point.fromBytes(encoding, true).isSmallOrder(),
    false,
    'the ZIP-215 reading is a point of large order',
  );
  assert.equal(isStrictNonSmallOrderPoint(encoding), false);
  // Every non-canonical encoding (y + p for y < 19, either sign) is refused by the key rule too.
  // None of them decodes to a point of order L, so for isPrimeOrderPoint the canonical rule is
  // belt and braces (the mutation report lists it as equivalent).
  for (let y = 0n; y < 19n; y++) {
    for (const sign of [0, 0x80]) {
      const e = littleEndian(y + p);
      e[31] = (e[31] as number) | sign;
      assert.equal(isStrictNonSmallOrderPoint(e), false, `y=${y} sign=${sign}`);
      assert.equal(isPrimeOrderPoint(e), false, `y=${y} sign=${sign}`);
    }
  }
});

test('E34 Ed25519: signing errors say what they found; a signer whose hash is mis-wired refuses to emit', () => {
  const message = new TextEncoder().encode('m');
  assert.equal(
    inputError(() => signEd25519(message, new Uint8Array(31))).message,
    'Ed25519 private key: expected a 32-byte seed, found 31 bytes',
  );
  assert.equal(
    inputError(() => signEd25519(message, 'seed' as unknown as Uint8Array)).message,
    'Ed25519 private key: expected a 32-byte seed, found string',
  );
  assert.equal(
    inputError(() => ed25519PublicKeyOf(new Uint8Array(33))).message,
    'Ed25519 private key: expected a 32-byte seed, found 33 bytes',
  );
  assert.equal(
    inputError(() => signEd25519('m' as unknown as Uint8Array, new Uint8Array(32))).message,
    'Ed25519 message: expected bytes',
  );
  // A fault in signing (here SHA-512 replaced by something else) makes a signature OpenSSL
  // refuses: signEd25519 checks its own output and throws instead of returning it.
  const sha512 = ed.hashes.sha512 as NonNullable<typeof ed.hashes.sha512>; // wired by ed25519.ts at import
  ed.hashes.sha512 = (m) => sha512(new Uint8Array([...m, 0]));
  try {
    assert.throws(() => signEd25519(message, new Uint8Array(32).fill(3)), {
      message: 'Ed25519: the signature just made does not pass strict verification',
    });
  } finally {
    ed.hashes.sha512 = sha512;
  }
  assert.equal(signEd25519(message, new Uint8Array(32).fill(3)).length, 64);
});
