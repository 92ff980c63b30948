// The countersigned bundle file's parser (src/lib/formats/bundle/bundle.ts, spec/FORMAT.md §6):
// a plain Sigstore bundle read as one with no countersignatures and no rotations; each field's
// error names its JSON path; the carried authority-rotation bundles (§6.3): at most 16, each at
// at most 5,592,408 base64 characters (4 MiB), returned as exact bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBundleFile, serializeBundle } from '../../../../src/lib/formats/bundle/bundle.ts';
import { InputError } from '../../../../src/lib/basics/errors/errors.ts';

const MEDIA_TYPE = 'application/vnd.countersign.bundle.v1+json';
const primary = {
  mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  verificationMaterial: {},
  dsseEnvelope: { payload: 'e30=', payloadType: 'application/vnd.in-toto+json', signatures: [] },
};
const KEY = `sha256:${'ab'.repeat(32)}`;
const statement = Buffer.from('{"countersigned":"statement"}');
const signature = Buffer.alloc(64, 9);
const countersignature = {
  keyId: KEY,
  statement: statement.toString('base64'),
  signature: signature.toString('base64'),
};
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const bundleWith = (fields: Record<string, unknown>) =>
  encode({ mediaType: MEDIA_TYPE, primary, countersignatures: [countersignature], ...fields });

function rejects(fn: () => unknown, code: string, message: string): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof InputError, `expected an InputError, got ${String(err)}`);
    assert.equal(err.code, code);
    assert.equal(err.message, message);
    return true;
  });
}

test('a plain Sigstore bundle is read as the primary alone: no countersignatures, no rotations', () => {
  const parsed = parseBundleFile(encode(primary), 'p.sigstore.json');
  assert.deepEqual(parsed, {
    bundle: { mediaType: MEDIA_TYPE, primary, countersignatures: [] },
    statements: [],
    signatures: [],
    rotations: [],
  });
});

test('a countersigned bundle gives each countersignature exact statement and signature bytes, and no rotations', () => {
  const parsed = parseBundleFile(bundleWith({}), 'b.json');
  assert.deepEqual(parsed.bundle, { mediaType: MEDIA_TYPE, primary, countersignatures: [countersignature] });
  assert.deepEqual(parsed.statements, [new Uint8Array(statement)]);
  assert.deepEqual(parsed.signatures, [new Uint8Array(signature)]);
  assert.deepEqual(parsed.rotations, []);
  assert.equal(Object.hasOwn(parsed.bundle, 'rotations'), false);
});

test('each countersignature field error names its own JSON path', () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ countersignatures: 5 }, 'b.json: $.countersignatures: expected an array, found the number 5'],
    [
      { countersignatures: Array.from({ length: 33 }, () => countersignature) },
      'b.json: $.countersignatures: more than 32 items (33)',
    ],
    [
      { countersignatures: [countersignature, { ...countersignature, keyId: 'sha256:AB' }] },
      'b.json: $.countersignatures[1].keyId: expected to match ^sha256:[0-9a-f]{64}$, found "sha256:AB"',
    ],
    [
      { countersignatures: [{ ...countersignature, keyId: 7 }] },
      'b.json: $.countersignatures[0].keyId: expected a string, found the number 7',
    ],
    [
      { countersignatures: [{ ...countersignature, statement: 'QR==' }] },
      'b.json: $.countersignatures[0].statement: non-canonical base64 (non-zero padding bits)',
    ],
    [
      { countersignatures: [{ ...countersignature, statement: 'e30' }] },
      'b.json: $.countersignatures[0].statement: expected standard padded base64',
    ],
    [
      { countersignatures: [{ ...countersignature, signature: 'not base64!' }] },
      'b.json: $.countersignatures[0].signature: expected standard padded base64',
    ],
    [
      { countersignatures: [{ ...countersignature, signature: Buffer.alloc(63).toString('base64') }] },
      'b.json: $.countersignatures[0].signature: expected a 64-byte Ed25519 signature, found 63 bytes',
    ],
  ];
  for (const [fields, message] of cases)
    rejects(() => parseBundleFile(bundleWith(fields), 'b.json'), 'bundle-malformed', message);
});

test('carried rotations are returned as exact bytes, in bundle order, and kept in the bundle', () => {
  const carried = [Buffer.from('first rotation bundle'), Buffer.from('second')];
  const texts = carried.map((b) => b.toString('base64'));
  const parsed = parseBundleFile(bundleWith({ rotations: texts }), 'b.json');
  assert.deepEqual(
    parsed.rotations,
    carried.map((b) => new Uint8Array(b)),
  );
  assert.deepEqual(parsed.bundle.rotations, texts);
  assert.deepEqual(JSON.parse(serializeBundle(parsed.bundle)), {
    mediaType: MEDIA_TYPE,
    primary,
    countersignatures: [countersignature],
    rotations: texts,
  });
});

test('carried rotations: a non-empty list of at most 16 canonical base64 strings', () => {
  const one = Buffer.from('r').toString('base64');
  rejects(
    () => parseBundleFile(bundleWith({ rotations: one }), 'b.json'),
    'bundle-malformed',
    'b.json: $.rotations: expected an array, found the string "cg=="',
  );
  rejects(
    () => parseBundleFile(bundleWith({ rotations: [] }), 'b.json'),
    'bundle-malformed',
    'b.json: $.rotations: expected at least one item, found an empty array',
  );
  assert.equal(parseBundleFile(bundleWith({ rotations: Array(16).fill(one) }), 'b.json').rotations.length, 16);
  rejects(
    () => parseBundleFile(bundleWith({ rotations: Array(17).fill(one) }), 'b.json'),
    'bundle-malformed',
    'b.json: $.rotations: expected at most 16 items, found 17',
  );
  rejects(
    () => parseBundleFile(bundleWith({ rotations: [one, 'cR=='] }), 'b.json'),
    'bundle-malformed',
    'b.json: $.rotations[1]: non-canonical base64 (non-zero padding bits)',
  );
});

test('a carried rotation may be 5,592,408 base64 characters (4 MiB in whole groups), and not one group more', () => {
  // The cap counts whole base64 groups: 4 * ceil(4 MiB / 3) characters, which hold 4 MiB + 2 bytes.
  const MIB4 = 4 * 1024 * 1024;
  const limit = 16 * 1024 * 1024; // the file cap, raised (as a policy may) so that only the rotation cap is tested
  for (const size of [MIB4, MIB4 + 2]) {
    const text = Buffer.alloc(size, 7).toString('base64');
    assert.equal(text.length, 5_592_408);
    const parsed = parseBundleFile(bundleWith({ rotations: [text] }), 'b.json', limit);
    assert.equal(parsed.rotations[0]?.length, size);
  }
  rejects(
    () => parseBundleFile(bundleWith({ rotations: [Buffer.alloc(MIB4 + 3, 7).toString('base64')] }), 'b.json', limit),
    'bundle-malformed',
    'b.json: $.rotations[0]: longer than 5592408 characters',
  );
});
