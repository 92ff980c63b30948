// Attack catalogue, policy parser edges (spec/ATTACKS.md §11, spec/POLICY.md §1, §3, §4):
// mutation testing of src/lib/basics/json/reader.ts and src/lib/formats/policy/parse.ts showed that the
// policy tests checked codes but rarely whole messages, lines or the exact bounds. Here each
// policy error is pinned exactly (code, file, line, JSON path, expected, found: what an
// operator reads to fix a policy), each cap on both sides (1 MiB, the limits' ranges, list
// and string lengths), the defaults of absent limits, and how a policy file is read
// (unreadable files, a file of exactly 1 MiB, a policy arriving through a pipe in pieces).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { chmod, mkdtemp, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { PolicyError } from '../../src/lib/basics/errors/errors.ts';
import { loadPolicyFile, parsePolicy } from '../../src/lib/formats/policy/index.ts';

const MiB = 1024 * 1024;
const IDENTITY = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const ROOT_MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json;version=0.1';

/** A fixed Ed25519 key (seed = 32 times `seedByte`), so that key ids in messages are stable. */
function fixedKey(seedByte: number): { pem: string; keyId: string } {
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.alloc(32, seedByte)]);
  const publicKey = createPublicKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }));
  const raw = publicKey.export({ type: 'spki', format: 'der' }).subarray(12);
  return {
    pem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    keyId: `sha256:${createHash('sha256').update(raw).digest('hex')}`,
  };
}
const keyB = fixedKey(1);
const keyF = fixedKey(2);

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A valid policy, serialised with 2 spaces, so its lines are fixed:
 *  1 {   2 mediaType   3 version   4 primary {   5 issuer   6 identity   7 githubClaims {
 *  8 repository   9 repositoryId   10 repositoryOwnerId   11 }   12 }
 *  13 trustedRoot {   14 mediaType   15 }   16 countersigners [   17 {   18 name   19 organisation
 *  20 keyId   21 publicKey   22 }   23 ]   24 threshold   25 kinds [   26 "binary-digest"   27 ]
 *  28 streams [   29 "acme/app:stable"   30 ]   31 }
 */
function policyText(edit: (doc: Doc) => void = () => {}): string {
  const doc: Doc = {
    mediaType: 'application/vnd.countersign.policy.v1+json',
    version: 1,
    primary: {
      issuer: 'https://token.actions.githubusercontent.com',
      identity: IDENTITY,
      githubClaims: { repository: 'acme/app', repositoryId: '123', repositoryOwnerId: '456' },
    },
    trustedRoot: { mediaType: ROOT_MEDIA_TYPE },
    countersigners: [{ name: 'b', organisation: 'B', keyId: keyB.keyId, publicKey: keyB.pem }],
    threshold: 1,
    kinds: ['binary-digest'],
    streams: ['acme/app:stable'],
  };
  edit(doc);
  return JSON.stringify(doc, null, 2);
}

/** A policy with a fallback set (fallback at line 31, its key's fields at lines 34 to 37). */
function withFallback(edit: (doc: Doc) => void = () => {}): string {
  return policyText((d) => {
    d.kinds = ['authority-rotation'];
    d.fallback = {
      countersigners: [{ name: 'f', organisation: 'F', keyId: keyF.keyId, publicKey: keyF.pem }],
      threshold: 1,
    };
    edit(d);
  });
}

function policyError(input: string | Uint8Array, what = 'policy.json'): PolicyError {
  try {
    parsePolicy(input, what);
  } catch (err) {
    assert.ok(err instanceof PolicyError, String(err));
    return err;
  }
  assert.fail(`accepted: ${typeof input === 'string' ? input.slice(0, 80) : `${input.byteLength} bytes`}`);
}

/** Each [input, code, message]: parsePolicy fails with exactly that code and message. */
function rejectsExactly(cases: readonly (readonly [string | Uint8Array, string, string])[]): void {
  for (const [input, code, message] of cases) {
    const err = policyError(input);
    assert.deepEqual(
      [err.code, err.message],
      [code, message],
      typeof input === 'string' ? input.slice(0, 200) : 'bytes',
    );
  }
}

test('PF1 the document: not an object (each JSON type named as found), a missing field, an unknown field', () => {
  rejectsExactly([
    ['null', 'policy-malformed', 'policy.json:1: expected an object, found null'],
    ['[]', 'policy-malformed', 'policy.json:1: expected an object, found an array'],
    ['"x"', 'policy-malformed', 'policy.json:1: expected an object, found the string "x"'],
    ['\n\n5', 'policy-malformed', 'policy.json:3: expected an object, found the number 5'],
    ['true', 'policy-malformed', 'policy.json:1: expected an object, found true'],
    // A missing field is reported at the line of the object that lacks it; the document has no path.
    [policyText((d) => delete d.version), 'policy-malformed', 'policy.json:1: missing field "version"'],
    [policyText((d) => delete d.streams), 'policy-malformed', 'policy.json:1: missing field "streams"'],
    [
      policyText((d) => (d.recovery = 1)),
      'policy-unknown-field',
      'policy.json:31: recovery: unknown field (expected only: mediaType, version, primary, trustedRoot, countersigners, threshold, kinds, streams, limits, fallback)',
    ],
    [
      policyText((d) => (d.mediaType = 'application/vnd.countersign.policy.v2+json')),
      'policy-unsupported-version',
      'policy.json:2: mediaType: expected application/vnd.countersign.policy.v1+json, found the string "application/vnd.countersign.policy.v2+json"',
    ],
    // Objects inside: null, a number, an array, a string are each "not an object".
    [
      policyText((d) => (d.primary = null)),
      'policy-malformed',
      'policy.json:4: primary: expected an object, found null',
    ],
    [
      policyText((d) => (d.primary = 7)),
      'policy-malformed',
      'policy.json:4: primary: expected an object, found the number 7',
    ],
    [
      policyText((d) => (d.countersigners[0] = [])),
      'policy-malformed',
      'policy.json:17: countersigners[0]: expected an object, found an array',
    ],
    [
      policyText((d) => (d.limits = 'none')),
      'policy-malformed',
      'policy.json:31: limits: expected an object, found the string "none"',
    ],
    [
      policyText((d) => (d.fallback = 5)),
      'policy-malformed',
      'policy.json:31: fallback: expected an object, found the number 5',
    ],
    // The list of known fields is each object's own: two required fields and no optional one.
    [
      policyText((d) => (d.countersigners[0].log = { origin: 'log.example/b', publicKey: keyB.pem, url: 'x' })),
      'policy-unknown-field',
      'policy.json:25: countersigners[0].log.url: unknown field (expected only: origin, publicKey, witnesses)',
    ],
    [
      withFallback((d) => (d.fallback.note = 'x')),
      'policy-unknown-field',
      'policy.json:41: fallback.note: unknown field (expected only: countersigners, threshold)',
    ],
    [
      policyText((d) => (d.limits = { maxFiles: 10 })),
      'policy-unknown-field',
      'policy.json:32: limits.maxFiles: unknown field (expected only: maxBundleBytes, maxSubjects, maxStatementLifetimeSeconds, clockSkewSeconds, maxVersionStep)',
    ],
  ]);
});

test('PF2 lines: a value on the line after its key is reported at the value, an unknown field at its key, down to 5 levels', () => {
  const text = policyText();
  // `"version":\n    0`: the bad value is on line 4, its key on line 3.
  assert.equal(
    policyError(text.replace('"version": 1', '"version":\n    0')).message,
    'policy.json:4: version: expected an integer from 1 to 9007199254740991, found 0',
  );
  // `"extra":\n    true`: the unknown field is reported at its key (line 25), not its value (26).
  assert.equal(
    policyError(text.replace('"threshold": 1,', '"threshold": 1,\n  "extra":\n    true,')).message,
    'policy.json:25: extra: unknown field (expected only: mediaType, version, primary, trustedRoot, countersigners, threshold, kinds, streams, limits, fallback)',
  );
  // Four and five levels deep (a countersigner's log, a fallback key and its log): the line of
  // the value itself, not of the enclosing object (these once pointed at the object's `{`).
  rejectsExactly([
    [
      policyText((d) => (d.countersigners[0].log = { origin: 'a b', publicKey: keyB.pem })),
      'policy-malformed',
      `policy.json:23: countersigners[0].log.origin: expected a log origin without spaces or '+' (e.g. countersign.example.org/b-release), found "a b"`,
    ],
    [
      withFallback((d) => (d.fallback.countersigners[0].keyId = keyB.keyId)),
      'policy-key-mismatch',
      `policy.json:36: fallback.countersigners[0].keyId: expected sha256 of the public key (${keyF.keyId}), found ${keyB.keyId}`,
    ],
    [
      withFallback((d) => (d.fallback.countersigners[0].log = { origin: 'log+x', publicKey: keyF.pem })),
      'policy-malformed',
      `policy.json:39: fallback.countersigners[0].log.origin: expected a log origin without spaces or '+' (e.g. countersign.example.org/b-release), found "log+x"`,
    ],
    [
      withFallback((d) => (d.kinds = ['binary-digest'])),
      'policy-malformed',
      'policy.json:31: fallback: expected kinds to include authority-rotation (a fallback signer set only authorises rotations), found a policy that accepts none',
    ],
  ]);
  assert.equal(parsePolicy(withFallback(), 'policy.json').fallback?.countersigners[0]?.keyId, keyF.keyId);
});

test('PF3 strings: type, empty, length (4096 by default, one each side), control characters C0, DEL and C1', () => {
  const identity = (value: unknown) => policyText((d) => (d.primary.identity = value));
  rejectsExactly([
    [identity(42), 'policy-malformed', 'policy.json:6: primary.identity: expected a string, found the number 42'],
    [identity(false), 'policy-malformed', 'policy.json:6: primary.identity: expected a string, found false'],
    [identity({}), 'policy-malformed', 'policy.json:6: primary.identity: expected a string, found an object'],
    [identity(''), 'policy-malformed', 'policy.json:6: primary.identity: expected a non-empty string, found ""'],
    [
      identity('x'.repeat(4097)),
      'policy-malformed',
      'policy.json:6: primary.identity: expected at most 4096 characters, found 4097',
    ],
    [identity('a\nb'), 'policy-malformed', 'policy.json:6: primary.identity: expected no control characters'],
    [identity('a\u001fb'), 'policy-malformed', 'policy.json:6: primary.identity: expected no control characters'],
    [identity('a\u007fb'), 'policy-malformed', 'policy.json:6: primary.identity: expected no control characters'],
    [identity('a\u009fb'), 'policy-malformed', 'policy.json:6: primary.identity: expected no control characters'],
    // Kinds and streams: at most 200 characters each (checked before the stream syntax).
    [
      policyText((d) => (d.streams = [`acme/app:${'s'.repeat(192)}`])),
      'policy-malformed',
      'policy.json:29: streams[0]: expected at most 200 characters, found 201',
    ],
  ]);
  for (const ok of ['x'.repeat(4096), 'a b', 'a\u00a0b', 'é'])
    assert.equal(parsePolicy(identity(ok), 'p').primary.identity, ok);
  assert.deepEqual(
    parsePolicy(
      policyText((d) => (d.streams = [`acme/app:${'s'.repeat(191)}`])),
      'p',
    ).streams,
    [`acme/app:${'s'.repeat(191)}`],
  );
});

test('PF4 found values are described by type; a string longer than 60 characters is cut with an ellipsis', () => {
  const version = (value: unknown) => policyText((d) => (d.version = value));
  rejectsExactly([
    [version('1'), 'policy-malformed', 'policy.json:3: version: expected an integer, found the string "1"'],
    [version(null), 'policy-malformed', 'policy.json:3: version: expected an integer, found null'],
    [version(true), 'policy-malformed', 'policy.json:3: version: expected an integer, found true'],
    [version([1]), 'policy-malformed', 'policy.json:3: version: expected an integer, found an array'],
    [version({ n: 1 }), 'policy-malformed', 'policy.json:3: version: expected an integer, found an object'],
    [version(1.5), 'policy-malformed', 'policy.json:3: version: expected an integer, found the number 1.5'],
    [
      version('v'.repeat(60)),
      'policy-malformed',
      `policy.json:3: version: expected an integer, found the string "${'v'.repeat(60)}"`,
    ],
    [
      version('v'.repeat(61)),
      'policy-malformed',
      `policy.json:3: version: expected an integer, found the string "${'v'.repeat(60)}…"`,
    ],
    [
      version(`${'v'.repeat(59)}\u00e9\u00e9`),
      'policy-malformed',
      `policy.json:3: version: expected an integer, found the string "${'v'.repeat(59)}\u00e9…"`,
    ],
    // The trusted root's media type, when absent, is found undefined.
    [
      policyText((d) => (d.trustedRoot = {})),
      'policy-malformed',
      'policy.json:13: trustedRoot.mediaType: expected a Sigstore trusted root media type (application/vnd.dev.sigstore.trustedroot...), found undefined',
    ],
  ]);
});

test('PF5 version: 1 to 2^53-1, written as an integer', () => {
  const version = (value: string) => policyText().replace('"version": 1', `"version": ${value}`);
  rejectsExactly([
    [
      version('0'),
      'policy-malformed',
      'policy.json:3: version: expected an integer from 1 to 9007199254740991, found 0',
    ],
    [
      version('-1'),
      'policy-malformed',
      'policy.json:3: version: expected an integer from 1 to 9007199254740991, found -1',
    ],
    // Integers only (no parser differential): 1.0 is not the integer 1 here.
    [
      version('1.0'),
      'policy-malformed',
      'policy.json:3: number 1.0 is an integer spelled with a fraction or exponent (integers only here) (offset 76)',
    ],
    [
      version('9007199254740992'),
      'policy-malformed',
      'policy.json:3: integer 9007199254740992 is outside ±(2^53-1) (offset 76)',
    ],
  ]);
  assert.equal(parsePolicy(version('1'), 'p').version, 1);
  assert.equal(parsePolicy(version('9007199254740991'), 'p').version, Number.MAX_SAFE_INTEGER);
});

test('PF6 kinds and streams: an array of 1 to 4 kinds and 1 to 1000 streams, each known and listed once', () => {
  rejectsExactly([
    [
      policyText((d) => (d.kinds = 'binary-digest')),
      'policy-malformed',
      'policy.json:25: kinds: expected an array, found the string "binary-digest"',
    ],
    [
      policyText((d) => (d.kinds = [])),
      'policy-malformed',
      'policy.json:25: kinds: expected at least one item, found an empty array',
    ],
    [
      policyText(
        (d) => (d.kinds = ['binary-digest', 'fleet-key', 'authority-rotation', 'config-change', 'binary-digest']),
      ),
      'policy-malformed',
      'policy.json:25: kinds: expected at most 4 items, found 5',
    ],
    [
      policyText((d) => (d.kinds = ['binary-digest', 'Binary-Digest'])),
      'policy-unknown-kind',
      'policy.json:27: kinds[1]: expected one of binary-digest, fleet-key, authority-rotation, config-change, found "Binary-Digest"',
    ],
    [
      policyText((d) => (d.kinds = ['fleet-key', 'fleet-key'])),
      'policy-duplicate-entry',
      'policy.json:27: kinds[1]: expected each entry once, found "fleet-key" again',
    ],
    [
      policyText((d) => (d.streams = ['acme/app:stable', 'acme/app:stable'])),
      'policy-duplicate-entry',
      'policy.json:30: streams[1]: expected each entry once, found "acme/app:stable" again',
    ],
    [
      policyText((d) => (d.streams = ['acme/app'])),
      'policy-malformed',
      'policy.json:29: streams[0]: expected a stream name like acme/app:stable ([A-Za-z0-9._/-]+:[A-Za-z0-9._-]+, at most 200 characters), found "acme/app"',
    ],
    [
      policyText((d) => (d.streams = [7])),
      'policy-malformed',
      'policy.json:29: streams[0]: expected a string, found the number 7',
    ],
  ]);
  const all = ['binary-digest', 'fleet-key', 'authority-rotation', 'config-change'];
  assert.deepEqual(
    parsePolicy(
      policyText((d) => (d.kinds = all)),
      'p',
    ).kinds,
    all,
  );
  const streams = (n: number) => Array.from({ length: n }, (_, i) => `acme/app:s${i}`);
  assert.equal(
    parsePolicy(
      policyText((d) => (d.streams = streams(1000))),
      'p',
    ).streams.length,
    1000,
  );
  assert.equal(
    policyError(policyText((d) => (d.streams = streams(1001)))).message,
    'policy.json:28: streams: expected at most 1000 items, found 1001',
  );
});

test('PF7 limits: absent ones take their defaults; each range is inclusive, one outside each end is policy-limit-out-of-range', () => {
  const defaults = {
    maxBundleBytes: 4194304,
    maxSubjects: 100000,
    maxStatementLifetimeSeconds: 7776000,
    clockSkewSeconds: 300,
    maxVersionStep: 1000,
  };
  assert.deepEqual(parsePolicy(policyText(), 'p').limits, defaults);
  assert.deepEqual(
    parsePolicy(
      policyText((d) => (d.limits = {})),
      'p',
    ).limits,
    defaults,
  );
  assert.deepEqual(
    parsePolicy(
      policyText((d) => (d.limits = { clockSkewSeconds: 0 })),
      'p',
    ).limits,
    { ...defaults, clockSkewSeconds: 0 },
  );
  const ranges: [string, number, number][] = [
    ['maxBundleBytes', 1024, 67108864],
    ['maxSubjects', 1, 1000000],
    ['maxStatementLifetimeSeconds', 60, 31622400],
    ['clockSkewSeconds', 0, 3600],
    ['maxVersionStep', 1, 1000000],
  ];
  for (const [name, min, max] of ranges) {
    for (const n of [min, max])
      assert.deepEqual(
        parsePolicy(
          policyText((d) => (d.limits = { [name]: n })),
          'p',
        ).limits,
        { ...defaults, [name]: n },
        `${name} ${n}`,
      );
    for (const n of [min - 1, max + 1]) {
      const err = policyError(policyText((d) => (d.limits = { [name]: n })));
      assert.deepEqual(
        [err.code, err.message],
        [
          'policy-limit-out-of-range',
          `policy.json:32: limits.${name}: expected an integer from ${min} to ${max}, found ${n}`,
        ],
      );
    }
  }
  rejectsExactly([
    [
      policyText((d) => (d.limits = { maxSubjects: '10' })),
      'policy-malformed',
      'policy.json:32: limits.maxSubjects: expected an integer, found the string "10"',
    ],
    [
      policyText((d) => (d.limits = { maxSubjects: 10.5 })),
      'policy-malformed',
      'policy.json:32: limits.maxSubjects: expected an integer, found the number 10.5',
    ],
    [
      policyText((d) => (d.limits = { maxSubjects: null })),
      'policy-malformed',
      'policy.json:32: limits.maxSubjects: expected an integer, found null',
    ],
  ]);
});

test('PF8 validity times: RFC 3339 UTC with four-digit years only (no expanded years), at most 64 characters', () => {
  const validFrom = (value: string) => policyText((d) => (d.countersigners[0].validFrom = value));
  for (const value of [
    '+010000-01-01T00:00:00Z',
    '-000001-01-01T00:00:00Z',
    '+002026-01-01T00:00:00Z',
    '2026-01-01T00:00:00.000Z',
    '2026-01-01 00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-01-01T24:00:00Z',
    'yesterday',
  ]) {
    assert.equal(
      policyError(validFrom(value)).message,
      `policy.json:22: countersigners[0].validFrom: expected an RFC 3339 UTC time like 2026-01-01T00:00:00Z, found ${JSON.stringify(value)}`,
    );
  }
  assert.equal(
    policyError(validFrom('2'.repeat(65))).message,
    'policy.json:22: countersigners[0].validFrom: expected at most 64 characters, found 65',
  );
  assert.equal(
    parsePolicy(validFrom('9999-12-31T23:59:59Z'), 'p').countersigners[0]?.validFrom?.getTime(),
    Date.UTC(9999, 11, 31, 23, 59, 59),
  );
  assert.equal(
    parsePolicy(validFrom('0000-01-01T00:00:00Z'), 'p').countersigners[0]?.validFrom?.getTime(),
    -62167219200000,
  );
});

test('PF9 JSON errors: the line and offset of the problem, the size cap on text and on bytes, UTF-8 without a byte order mark', () => {
  const text = policyText();
  // " at offset 0" inside a key does not confuse the offset (the last one is the position).
  rejectsExactly([
    [
      '{\n  "a": 1,\n  " at offset 0": 1,\n  " at offset 0": 2\n}',
      'policy-duplicate-json-key',
      'policy.json:4: duplicate key " at offset 0" (offset 35)',
    ],
    [
      text.replace('"kinds": [', '"kinds": [,'),
      'policy-malformed',
      'policy.json:25: unexpected character "," (offset 819)',
    ],
    ['', 'policy-malformed', 'policy.json:1: unexpected end of input (offset 0)'],
    [' '.repeat(MiB + 1), 'policy-too-large', 'policy.json: 1048577 bytes is over the limit of 1048576 bytes'],
    // A 33rd level of nesting, at the line of its `[` (the trusted root is the only place for it); 32 levels pass.
    [
      policyText((d) => (d.trustedRoot.deep = JSON.parse(`${'['.repeat(31)}${']'.repeat(31)}`))),
      'policy-malformed',
      'policy.json:45: nesting deeper than 32 levels (offset 1594)',
    ],
  ]);
  assert.equal(
    parsePolicy(
      policyText((d) => (d.trustedRoot.deep = JSON.parse(`${'['.repeat(30)}${']'.repeat(30)}`))),
      'p',
    ).version,
    1,
  );
  // Exactly 1 MiB (as text and as bytes) is read; one byte more is too large, checked before the bytes are decoded.
  const padded = text + ' '.repeat(MiB - text.length);
  assert.equal(parsePolicy(padded, 'p').version, 1);
  assert.equal(parsePolicy(new TextEncoder().encode(padded), 'p').version, 1);
  const over = new Uint8Array(MiB + 1).fill(0xff);
  assert.deepEqual(
    [policyError(over, 'p').code, policyError(over, 'p').message],
    ['policy-too-large', 'p: 1048577 bytes is over the limit of 1048576 bytes'],
  );
  const notUtf8 = policyError(new Uint8Array([0x7b, 0xff, 0x7d]), 'p');
  assert.deepEqual([notUtf8.code, notUtf8.message], ['policy-malformed', 'p: not valid UTF-8']);
  // A byte order mark is not stripped: the document must start with JSON (POLICY.md §1).
  const bom = policyError(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'p');
  assert.deepEqual([bom.code, bom.message], ['policy-malformed', 'p:1: unexpected character "\ufeff" (offset 0)']);
});

test('PF10 trusted root: an object with a Sigstore trusted root media type; any other content (nulls included) is kept verbatim and frozen', () => {
  rejectsExactly([
    [
      policyText((d) => (d.trustedRoot = [])),
      'policy-malformed',
      'policy.json:13: trustedRoot: expected a Sigstore trusted root object, found an array',
    ],
    [
      policyText((d) => (d.trustedRoot = { mediaType: 3 })),
      'policy-malformed',
      'policy.json:14: trustedRoot.mediaType: expected a Sigstore trusted root media type (application/vnd.dev.sigstore.trustedroot...), found the number 3',
    ],
    [
      policyText((d) => (d.trustedRoot = { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' })),
      'policy-malformed',
      'policy.json:14: trustedRoot.mediaType: expected a Sigstore trusted root media type (application/vnd.dev.sigstore.trustedroot...), found the string "application/vnd.dev.sigstore.bundle.v0.3+json"',
    ],
  ]);
  const root = {
    mediaType: ROOT_MEDIA_TYPE,
    tlogs: [{ baseUrl: 'https://rekor.example', validFor: { start: '2026-01-01T00:00:00Z', end: null } }],
    note: null,
  };
  const policy = parsePolicy(
    policyText((d) => (d.trustedRoot = root)),
    'p',
  );
  assert.deepEqual(policy.trustedRoot, root);
  assert.ok(Object.isFrozen(policy.trustedRoot) && Object.isFrozen((policy.trustedRoot.tlogs as object[])[0]));
});

test('PF11 policy files: unreadable ones named in one line, exactly 1 MiB read, one byte more refused', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-policy-edges-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const unreadable = async (path: string, message: string) => {
    await assert.rejects(loadPolicyFile(path), (err: unknown) => {
      assert.ok(err instanceof PolicyError, String(err));
      assert.deepEqual([err.code, err.message], ['policy-unreadable', message]);
      return true;
    });
  };
  await unreadable(join(dir, 'missing.json'), `${join(dir, 'missing.json')}: cannot read the policy: no such file`);
  await unreadable(dir, `${dir}: cannot read the policy: a directory, not a file`);
  const file = join(dir, 'policy.json');
  await writeFile(file, policyText() + ' '.repeat(MiB - policyText().length));
  assert.equal((await loadPolicyFile(file)).version, 1);
  // Another error is named by the system's message (here: a file used as a directory).
  await unreadable(
    join(file, 'x'),
    `${join(file, 'x')}: cannot read the policy: ENOTDIR: not a directory, open '${join(file, 'x')}'`,
  );
  await writeFile(file, policyText() + ' '.repeat(MiB + 1 - policyText().length));
  await assert.rejects(loadPolicyFile(file), {
    name: 'PolicyError',
    code: 'policy-too-large',
    message: `${file}: over the limit of 1048576 bytes`,
  });
  // Errors inside the file name it as given.
  await writeFile(
    file,
    policyText((d) => (d.threshold = 0)),
  );
  await assert.rejects(loadPolicyFile(file), {
    code: 'policy-threshold',
    message: `${file}:24: threshold: expected an integer of at least 1, found the number 0`,
  });
});

/** True if `dir` and every directory above it can be entered by other users, and `dir` read. */
async function readableByOthers(dir: string): Promise<boolean> {
  if (((await stat(dir)).mode & 0o005) !== 0o005) return false;
  for (let d = dirname(dir); ; d = dirname(d)) {
    if (((await stat(d)).mode & 0o001) === 0) return false;
    if (d === dirname(d)) return true;
  }
}

test('PF11b a policy file without read permission', { skip: process.platform === 'win32' }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-policy-perm-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'policy.json');
  await writeFile(file, policyText(), { mode: 0o200 });
  const expected = {
    name: 'PolicyError',
    code: 'policy-unreadable',
    message: `${file}: cannot read the policy: permission denied`,
  };
  if (process.getuid?.() !== 0) {
    await assert.rejects(loadPolicyFile(file), expected);
    return;
  }
  // Root reads any file (CI containers run as root): read it as nobody (uid 65534) instead,
  // which needs the sources readable by others (not so in Stryker's private sandbox).
  const sources = new URL('../../src/lib/', import.meta.url);
  if (!(await readableByOthers(fileURLToPath(sources)))) {
    t.skip(`running as root and ${fileURLToPath(sources)} is not readable by other users`);
    return;
  }
  await chmod(dir, 0o755);
  const load = `import { loadPolicyFile } from ${JSON.stringify(new URL('formats/policy/index.ts', sources).href)};
    try { await loadPolicyFile(${JSON.stringify(file)}); console.log('{}'); } catch (e) { console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message })); }`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', load], {
    uid: 65534,
    gid: 65534,
    encoding: 'utf8',
  });
  assert.deepEqual(JSON.parse(out), expected);
});

test(
  'PF12 a policy read from a pipe (--policy <(...)) arrives in pieces: read to the end, the 1 MiB cap still applies',
  { skip: process.platform === 'win32' },
  async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'countersign-policy-fifo-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    /** Writes `parts` into a new FIFO with a pause after each, while loadPolicyFile reads it. */
    const throughPipe = async (name: string, parts: string[]) => {
      const fifo = join(dir, name);
      execFileSync('mkfifo', [fifo]);
      const writer = (async () => {
        const handle = await open(fifo, 'w');
        try {
          for (const part of parts) {
            await handle.write(part);
            await sleep(100);
          }
        } finally {
          await handle.close();
        }
      })();
      const result = await Promise.allSettled([loadPolicyFile(fifo), writer]);
      assert.equal(result[1].status, 'fulfilled');
      if (result[0].status === 'rejected') throw result[0].reason;
      return result[0].value;
    };
    const text = policyText();
    assert.equal((await throughPipe('two-parts', [text.slice(0, 100), text.slice(100)])).version, 1);
    // 1 MiB, a pause (the reader has everything so far), then one byte more: still too large.
    const padded = text + ' '.repeat(MiB - text.length);
    await assert.rejects(throughPipe('over', [padded, ' ']), { code: 'policy-too-large' });
    assert.equal((await throughPipe('exact', [padded])).version, 1);
  },
);

test(
  'PF13 reading policy files leaves no file descriptor open, whatever the outcome',
  { skip: process.platform !== 'linux' },
  async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'countersign-policy-fd-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    const big = join(dir, 'big.json');
    await writeFile(good, policyText());
    await writeFile(bad, '{');
    await writeFile(big, ' '.repeat(MiB + 1));
    // Counted right after each read (a FileHandle left open is only closed, with a warning,
    // whenever the garbage collector gets to it).
    const openFds = async () => (await readdir('/proc/self/fd')).length;
    for (const [file, code] of [
      [good, ''],
      [bad, 'policy-malformed'],
      [big, 'policy-too-large'],
    ] as const) {
      const before = await openFds();
      const outcome = await loadPolicyFile(file).then(
        () => '',
        (err: unknown) => (err instanceof PolicyError ? err.code : String(err)),
      );
      assert.deepEqual([outcome, await openFds()], [code, before], file);
    }
  },
);
