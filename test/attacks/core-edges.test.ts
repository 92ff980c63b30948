// Attack catalogue, part 6 (spec/ATTACKS.md §11): the boundaries of the verification core,
// tested without a stack. Mutation testing (npm run mutation) showed which comparisons and
// messages no test pinned: each time boundary is tested on both sides of the exact second
// (with the clock skew), each cap on both sides, and each error's code, message, expected
// and found exactly (they are what a user reads to decide what went wrong).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Statement, Subject } from '../../src/lib/formats/core/types.ts';
import type { Policy } from '../../src/lib/formats/policy/index.ts';
import { VerificationError, InputError } from '../../src/lib/basics/errors/errors.ts';
import { checkStatement } from '../../src/lib/checks/statement/statement.ts';
import { compareSubjects } from '../../src/lib/checks/statement/subjects.ts';
import { checkNotRolledBack } from '../../src/lib/checks/statement/rollback.ts';
import {
  emptyState,
  parseState,
  recordAccepted,
  serializeState,
  STATE_MEDIA_TYPE,
} from '../../src/lib/formats/state/state.ts';
import { createCountersignature } from '../../src/lib/formats/countersignature/create.ts';
import { seedSigner } from '../../src/lib/basics/crypto/signer.ts';
import type { PrimaryBinding } from '../../src/lib/formats/countersignature/statement.ts';
import {
  type CountersignatureContext,
  type PinnedKey,
  verifyCountersignatures,
} from '../../src/lib/checks/countersignatures/verify.ts';
import { parseStrictJson } from '../../src/lib/basics/json/strict-json.ts';
import {
  parseStatement,
  buildStatement,
  serializeStatement,
  sourceFromGitHubEnv,
} from '../../src/lib/formats/statement/statement.ts';
import {
  parseCountersignatureStatement,
  serializeCountersignatureStatement,
  buildCountersignatureStatement,
} from '../../src/lib/formats/countersignature/statement.ts';
import { parseBundleFile } from '../../src/lib/formats/bundle/bundle.ts';
import {
  isPrimeOrderPoint,
  isStrictNonSmallOrderPoint,
  signEd25519,
  verifyEd25519Strict,
  ed25519PublicKeyOf,
} from '../../src/lib/basics/crypto/ed25519.ts';

const T = Date.parse('2026-06-01T12:00:00Z');
const at = (seconds: number) => new Date(T + seconds * 1000);
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

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

// --- statement checks: kind, stream, issuedAt, expiresAt, lifetime (FORMAT §7 step 5)

const policy = {
  kinds: ['binary-digest'],
  streams: ['acme/app:stable', 'acme/app:beta'],
  limits: { clockSkewSeconds: 300, maxStatementLifetimeSeconds: 3600, maxBundleBytes: 1 << 20, maxSubjects: 10 },
} as unknown as Policy;

function statement(over: { kind?: string; stream?: string; issuedAt?: Date; expiresAt?: Date } = {}): Statement {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'a', digest: { sha256: 'a'.repeat(64) } }],
    predicateType: 'https://countersign.dev/TrustStatement/v1',
    predicate: {
      kind: (over.kind ?? 'binary-digest') as 'binary-digest',
      stream: over.stream ?? 'acme/app:stable',
      version: 1,
      issuedAt: iso(over.issuedAt ?? at(-60)),
      expiresAt: iso(over.expiresAt ?? at(600)),
      source: {},
      data: {},
    },
  };
}

test('E1 statement kind and stream not allowed: exact code, message, expected and found', () => {
  throwsExactly(() => checkStatement(statement({ kind: 'fleet-key' }), policy, at(0)), {
    code: 'statement-kind',
    message: 'kind fleet-key is not allowed by the policy',
    expected: 'binary-digest',
    found: 'fleet-key',
  });
  throwsExactly(() => checkStatement(statement({ stream: 'acme/app:dev' }), policy, at(0)), {
    code: 'statement-stream',
    message: 'stream acme/app:dev is not allowed by the policy',
    expected: 'acme/app:stable, acme/app:beta',
    found: 'acme/app:dev',
  });
  checkStatement(statement({ stream: 'acme/app:beta' }), policy, at(0));
});

test('E2 issuedAt: at now + skew passes, one second later is statement-not-yet-valid (now printed without milliseconds)', () => {
  checkStatement(statement({ issuedAt: at(300), expiresAt: at(900) }), policy, at(0));
  const now = new Date(T + 123);
  throwsExactly(() => checkStatement(statement({ issuedAt: at(301), expiresAt: at(900) }), policy, now), {
    code: 'statement-not-yet-valid',
    message: `the statement was issued at ${iso(at(301))}, in the future (now ${iso(at(0))})`,
    expected: `issuedAt <= ${iso(at(0))} (+300s skew)`,
    found: iso(at(301)),
  });
});

test('E3 expiresAt: one second after now - skew passes, at now - skew is statement-expired', () => {
  checkStatement(statement({ issuedAt: at(-1000), expiresAt: at(-299) }), policy, at(0));
  throwsExactly(() => checkStatement(statement({ issuedAt: at(-1000), expiresAt: at(-300) }), policy, at(0)), {
    code: 'statement-expired',
    message: `the statement expired at ${iso(at(-300))} (now ${iso(at(0))})`,
    expected: `expiresAt > ${iso(at(0))} (-300s skew)`,
    found: iso(at(-300)),
  });
});

test("E4 lifetime: exactly the policy's maximum passes, one second more is statement-lifetime", () => {
  checkStatement(statement({ issuedAt: at(-60), expiresAt: at(3540) }), policy, at(0));
  throwsExactly(() => checkStatement(statement({ issuedAt: at(-60), expiresAt: at(3541) }), policy, at(0)), {
    code: 'statement-lifetime',
    message: "the statement lives 3601s, longer than the policy's maximum of 3600s",
    expected: 'expiresAt - issuedAt <= 3600s',
    found: '3601s',
  });
});

// --- subjects against files (FORMAT §7 step 6)

const subjects: Subject[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({
  name,
  digest: { sha256: name.repeat(64) },
}));

test('E5 subjects: an unexpected file, a different digest, and missing files (five named, then an ellipsis)', () => {
  compareSubjects(subjects, [...subjects].reverse());
  throwsExactly(() => compareSubjects(subjects, [{ name: 'z', digest: { sha256: '0'.repeat(64) } }]), {
    code: 'subject-unexpected-file',
    message: 'z is not a subject of the statement',
    expected: "one of the statement's subjects",
    found: 'z',
  });
  throwsExactly(() => compareSubjects(subjects, [{ name: 'a', digest: { sha256: '0'.repeat(64) } }]), {
    code: 'subject-digest',
    message: "a: the file's digest differs from the signed one",
    expected: `sha256:${'a'.repeat(64)}`,
    found: `sha256:${'0'.repeat(64)}`,
  });
  throwsExactly(() => compareSubjects(subjects, []), {
    code: 'subject-missing',
    message: '6 subject(s) of the statement are not among the files: a, b, c, d, e, …',
    expected: '6 file(s)',
    found: '0 file(s)',
  });
  throwsExactly(() => compareSubjects(subjects, subjects.slice(0, 1)), {
    code: 'subject-missing',
    message: '5 subject(s) of the statement are not among the files: b, c, d, e, f',
    expected: '6 file(s)',
    found: '1 file(s)',
  });
});

// --- client state (FORMAT §8)

const D1 = '1'.repeat(64);
const D2 = '2'.repeat(64);

test('E6 rollback and version reuse: exact errors; same version and bytes, newer versions and other streams pass', () => {
  const state = recordAccepted(emptyState(), 'acme/app:stable', 5, D1);
  checkNotRolledBack(state, 'acme/app:stable', 5, D1);
  checkNotRolledBack(state, 'acme/app:stable', 6, D2);
  checkNotRolledBack(state, 'acme/app:beta', 1, D2);
  throwsExactly(() => checkNotRolledBack(state, 'acme/app:stable', 4, D1), {
    code: 'statement-rollback',
    message: 'version 4 of acme/app:stable is older than the last accepted version 5',
    expected: 'version >= 5',
    found: '4',
  });
  throwsExactly(() => checkNotRolledBack(state, 'acme/app:stable', 5, D2), {
    code: 'statement-version-reused',
    message: 'version 5 of acme/app:stable was already accepted for a different statement',
    expected: `statement sha256:${D1}`,
    found: `statement sha256:${D2}`,
  });
  // A stream named like an Object.prototype member is not "already accepted".
  checkNotRolledBack(emptyState(), 'constructor', 1, D1);
});

test('E7 state file: round trip, sorted and exact; recordAccepted does not change its input', () => {
  assert.deepEqual(emptyState(), { streams: {} });
  const one = recordAccepted(emptyState(), 'z/z:z', 2, D2);
  const two = recordAccepted(one, 'a/a:a', 1, D1);
  assert.deepEqual(one, { streams: { 'z/z:z': { version: 2, statementDigest: D2 } } });
  const text = serializeState(two);
  assert.equal(
    text,
    `${JSON.stringify({ mediaType: STATE_MEDIA_TYPE, streams: { 'a/a:a': { version: 1, statementDigest: D1 }, 'z/z:z': { version: 2, statementDigest: D2 } } }, null, 2)}\n`,
  );
  assert.deepEqual({ streams: { ...parseState(new TextEncoder().encode(text), 'state.json').streams } }, two);
});

function stateError(text: string): InputError {
  try {
    parseState(new TextEncoder().encode(text), 'state.json');
  } catch (err) {
    assert.ok(err instanceof InputError);
    return err;
  }
  assert.fail(`accepted: ${text.slice(0, 80)}`);
}

test('E8 state file: each malformation is state-malformed and names its path', () => {
  const entry = (v: unknown) =>
    JSON.stringify({ mediaType: STATE_MEDIA_TYPE, streams: { 'a/a:a': { version: v, statementDigest: D1 } } });
  const cases: [string, RegExp][] = [
    [
      JSON.stringify({ mediaType: 'application/vnd.countersign.state.v2+json', streams: {} }),
      /^state\.json: \$\.mediaType: expected application\/vnd\.countersign\.state\.v1\+json, found "application\/vnd\.countersign\.state\.v2\+json"$/,
    ],
    [
      JSON.stringify({ mediaType: STATE_MEDIA_TYPE, streams: { 'not a stream': { version: 1, statementDigest: D1 } } }),
      /^state\.json: \$\.streams: invalid stream name "not a stream"$/,
    ],
    [entry(0), /^state\.json: \$\.streams\["a\/a:a"\]\.version: expected a positive integer/],
    [
      JSON.stringify({ mediaType: STATE_MEDIA_TYPE, streams: { 'a/a:a': { version: 1, statementDigest: 'x' } } }),
      /^state\.json: \$\.streams\["a\/a:a"\]\.statementDigest: expected to match/,
    ],
    [
      JSON.stringify({ mediaType: STATE_MEDIA_TYPE, streams: { 'a/a:a': { version: 1 } } }),
      /^state\.json: \$\.streams\["a\/a:a"\]: missing field "statementDigest"/,
    ],
    [JSON.stringify({ mediaType: STATE_MEDIA_TYPE, streams: [] }), /^state\.json: \$\.streams: expected an object/],
    [JSON.stringify({ mediaType: STATE_MEDIA_TYPE }), /^state\.json: \$: missing field "streams"/],
  ];
  for (const [text, message] of cases) {
    const err = stateError(text);
    assert.equal(err.code, 'state-malformed', err.message);
    assert.match(err.message, message);
  }
  // The depth cap is 8, the integers must be literal integers.
  assert.equal(
    stateError(
      JSON.stringify({
        mediaType: STATE_MEDIA_TYPE,
        streams: { 'a/a:a': { version: [[[[[[[1]]]]]]], statementDigest: D1 } },
      }),
    ).code,
    'too-deep',
  );
  assert.equal(stateError(entry(1).replace('"version":1', '"version":1.0')).code, 'number-out-of-range');
});

test('E9 state file: the 1 MiB cap binds before the 10 000-stream cap (10 001 of the shortest entries are over it)', () => {
  const text = (n: number) =>
    JSON.stringify({
      mediaType: STATE_MEDIA_TYPE,
      streams: Object.fromEntries(Array.from({ length: n }, (_, i) => [`a:${i}`, { version: 1, statementDigest: D1 }])),
    });
  assert.equal(Object.keys(parseState(new TextEncoder().encode(text(9_000)), 'state.json').streams).length, 9_000);
  assert.equal(stateError(text(10_001)).code, 'too-large');
});

// --- countersignatures: windows, times, labels, thresholds (FORMAT §7 step 4)

function newKey(name: string, organisation: string, window: Partial<Pick<PinnedKey, 'validFrom' | 'validUntil'>> = {}) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = new Uint8Array(Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url'));
  const raw = new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url'));
  const keyId = `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  return {
    pinned: { name, organisation, keyId, rawPublicKey: raw, ...window } as PinnedKey,
    signer: seedSigner(seed, keyId),
  };
}

const primary: PrimaryBinding = {
  payload: new TextEncoder().encode('{"statement":"bytes"}'),
  payloadType: 'application/vnd.in-toto+json',
  signature: randomBytes(71),
  certificate: randomBytes(700),
  tlogEntries: [
    { logId: 'bG9nMQ==', logIndex: '42' },
    { logId: 'bG9nMg==', logIndex: '7' },
  ],
  timestamps: [randomBytes(300), randomBytes(200)],
};
const ctx: CountersignatureContext = {
  primary,
  stream: 'acme/app:stable',
  version: 3,
  primaryTime: at(-600),
  now: at(0),
  clockSkewSeconds: 60,
};

async function input(key: ReturnType<typeof newKey>, signedAt: Date, binding: PrimaryBinding = primary) {
  const c = await createCountersignature({
    signer: key.signer,
    primary: binding,
    stream: ctx.stream,
    version: ctx.version,
    signedAt,
  });
  return {
    keyId: c.keyId,
    statement: new Uint8Array(Buffer.from(c.statement, 'base64')),
    signature: new Uint8Array(Buffer.from(c.signature, 'base64')),
  };
}

test('E10 key window: signed exactly at validFrom and at validUntil passes; a second outside fails, with exact details', async () => {
  const key = newKey('b', 'Org B', { validFrom: at(-120), validUntil: at(-60) });
  const label = `countersignature #1 (${key.pinned.keyId})`;
  verifyCountersignatures([await input(key, at(-120))], [key.pinned], 1, ctx);
  verifyCountersignatures([await input(key, at(-60))], [key.pinned], 1, ctx);
  const early = await input(key, at(-121));
  const late = await input(key, at(-59));
  throwsExactly(() => verifyCountersignatures([early], [key.pinned], 1, ctx), {
    code: 'countersignature-key-not-yet-valid',
    message: `${label}: signed at ${iso(at(-121))}, before the key b became valid`,
    expected: `signedAt >= ${at(-120).toISOString()}`,
    found: iso(at(-121)),
  });
  throwsExactly(() => verifyCountersignatures([late], [key.pinned], 1, ctx), {
    code: 'countersignature-key-expired',
    message: `${label}: signed at ${iso(at(-59))}, after the key b expired`,
    expected: `signedAt <= ${at(-60).toISOString()}`,
    found: iso(at(-59)),
  });
});

test('E11 key expiry against now: valid until validUntil + skew, expired one second later', async () => {
  const key = newKey('b', 'Org B', { validUntil: at(-60) });
  const c = await input(key, at(-90));
  verifyCountersignatures([c], [key.pinned], 1, ctx); // now = validUntil + 60 s skew
  throwsExactly(() => verifyCountersignatures([c], [key.pinned], 1, { ...ctx, now: at(1) }), {
    code: 'countersignature-key-expired',
    message: `countersignature #1 (${key.pinned.keyId}): the key b expired at ${at(-60).toISOString()}`,
    expected: `now <= ${at(-60).toISOString()}`,
    found: at(1).toISOString(),
  });
});

test('E12 signedAt: up to now + skew and down to primaryTime - skew pass; a second beyond either is countersignature-time', async () => {
  const key = newKey('b', 'Org B');
  const label = `countersignature #1 (${key.pinned.keyId})`;
  verifyCountersignatures([await input(key, at(60))], [key.pinned], 1, ctx);
  verifyCountersignatures([await input(key, at(-660))], [key.pinned], 1, ctx);
  const future = await input(key, at(61));
  throwsExactly(() => verifyCountersignatures([future], [key.pinned], 1, ctx), {
    code: 'countersignature-time',
    message: `${label}: signedAt ${iso(at(61))} is in the future`,
    expected: `signedAt <= ${at(0).toISOString()} (+60s skew)`,
    found: iso(at(61)),
  });
  const before = await input(key, at(-661));
  throwsExactly(() => verifyCountersignatures([before], [key.pinned], 1, ctx), {
    code: 'countersignature-time',
    message: `${label}: signedAt ${iso(at(-661))} is before the primary signature existed`,
    expected: `signedAt >= ${at(-600).toISOString()}`,
    found: iso(at(-661)),
  });
});

test('E13 labels count from 1; duplicate, unpinned and bad-signature errors carry exact details', async () => {
  const b = newKey('b', 'Org B');
  const c = newKey('c', 'Org C');
  const rogue = newKey('rogue', 'Org R');
  const first = await input(b, at(-30));
  const second = { ...first };
  throwsExactly(() => verifyCountersignatures([first, second], [b.pinned, c.pinned], 1, ctx), {
    code: 'countersignature-duplicate',
    message: `countersignature #2 (${b.pinned.keyId}): this key already countersigned this bundle`,
    expected: 'at most one countersignature per key',
    found: `a second countersignature from ${b.pinned.keyId}`,
  });
  const byRogue = await input(rogue, at(-30));
  throwsExactly(() => verifyCountersignatures([first, byRogue], [b.pinned, c.pinned], 1, ctx), {
    code: 'countersignature-unpinned-key',
    message: `countersignature #2 (${rogue.pinned.keyId}): the key is not pinned in the policy`,
    expected: `one of b (${b.pinned.keyId}), c (${c.pinned.keyId})`,
    found: rogue.pinned.keyId,
  });
  const bad = { ...(await input(c, at(-30))), signature: first.signature };
  throwsExactly(() => verifyCountersignatures([first, bad], [b.pinned, c.pinned], 1, ctx), {
    code: 'countersignature-signature',
    message: `countersignature #2 (${c.pinned.keyId}): the Ed25519 signature does not verify under c's pinned key`,
    expected: 'a valid Ed25519 signature by c',
    found: 'an invalid signature',
  });
});

test('E14 binding: log entries and timestamps compare as sets (order-free), and an empty list reads "none"', async () => {
  const key = newKey('b', 'Org B');
  const reordered = {
    ...primary,
    tlogEntries: [...primary.tlogEntries].reverse(),
    timestamps: [...primary.timestamps].reverse(),
  };
  verifyCountersignatures([await input(key, at(-30), reordered)], [key.pinned], 1, ctx);
  const label = `countersignature #1 (${key.pinned.keyId})`;
  const why = 'does not match this bundle (the countersignature was made for another primary or statement)';
  const noLog = await input(key, at(-30), { ...primary, tlogEntries: [] });
  const oneLog = await input(key, at(-30), { ...primary, tlogEntries: primary.tlogEntries.slice(0, 1) });
  const noTs = await input(key, at(-30), { ...primary, timestamps: [] });
  const oneTs = await input(key, at(-30), { ...primary, timestamps: primary.timestamps.slice(0, 1) });
  const tlogText = (list: PrimaryBinding['tlogEntries']) =>
    list
      .map((e) => `${e.logId}/${e.logIndex}`)
      .sort()
      .join(',');
  throwsExactly(() => verifyCountersignatures([noLog], [key.pinned], 1, ctx), {
    code: 'countersignature-binding',
    message: `${label}: tlogEntries ${why}`,
    expected: tlogText(primary.tlogEntries),
    found: 'none',
  });
  throwsExactly(
    () => verifyCountersignatures([oneLog], [key.pinned], 1, { ...ctx, primary: { ...primary, tlogEntries: [] } }),
    {
      code: 'countersignature-binding',
      message: `${label}: tlogEntries ${why}`,
      expected: 'none',
      found: tlogText(primary.tlogEntries.slice(0, 1)),
    },
  );
  const tsText = (list: Uint8Array[]) =>
    list
      .map((t) => createHash('sha256').update(t).digest('hex'))
      .sort()
      .join(',');
  throwsExactly(() => verifyCountersignatures([noTs], [key.pinned], 1, ctx), {
    code: 'countersignature-binding',
    message: `${label}: timestampDigests ${why}`,
    expected: tsText(primary.timestamps),
    found: 'none',
  });
  throwsExactly(
    () => verifyCountersignatures([oneTs], [key.pinned], 1, { ...ctx, primary: { ...primary, timestamps: [] } }),
    {
      code: 'countersignature-binding',
      message: `${label}: timestampDigests ${why}`,
      expected: 'none',
      found: tsText(primary.timestamps.slice(0, 1)),
    },
  );
});

test('E15 thresholds: none present is countersignature-missing; organisations and missing ones are distinct and sorted', async () => {
  const keys = [newKey('z', 'Org Z'), newKey('c', 'Org C'), newKey('c2', 'Org C'), newKey('b', 'Org B')];
  const pinned = keys.map((k) => k.pinned);
  throwsExactly(() => verifyCountersignatures([], pinned, 1, ctx), {
    code: 'countersignature-missing',
    message: 'no countersignature: the bundle carries only the primary signature',
    expected: '1 of: Org B, Org C, Org Z',
    found: 'none',
  });
  const byZ = await input(keys[0]!, at(-30));
  const byC = await input(keys[1]!, at(-30));
  const byC2 = await input(keys[2]!, at(-30));
  const outcome = verifyCountersignatures([byZ, byC, byC2], pinned, 2, ctx);
  assert.deepEqual(outcome.organisations, ['Org C', 'Org Z']);
  assert.deepEqual(outcome.missing, ['Org B']);
  assert.deepEqual(
    outcome.valid.map((v) => [v.name, v.organisation, v.signedAt]),
    [
      ['z', 'Org Z', iso(at(-30))],
      ['c', 'Org C', iso(at(-30))],
      ['c2', 'Org C', iso(at(-30))],
    ],
  );
  throwsExactly(() => verifyCountersignatures([byC, byZ, byC2], pinned, 3, ctx), {
    code: 'countersignature-threshold',
    message: 'countersigned by 2 distinct organisation(s), the policy requires 3',
    expected: '3 of: Org B, Org C, Org Z',
    found: 'Org C, Org Z',
  });
});

// --- strict JSON: every malformation has its code and says what it found (FORMAT §2)

/** A parsed document to vandalise freely (tests write any value anywhere). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the point is to write wrong types
type Loose = Record<string, any>;

function jsonError(input: string | Uint8Array, limits = { maxBytes: 1 << 16, maxDepth: 4 }): InputError {
  try {
    parseStrictJson(input, 'doc.json', limits);
  } catch (err) {
    assert.ok(err instanceof InputError, `untyped: ${String(err)}`);
    return err;
  }
  assert.fail(`accepted: ${String(input).slice(0, 60)}`);
}

test('E16 strict JSON: each syntax error, exactly', () => {
  const cases: [string, string, string][] = [
    ['', 'malformed-json', 'doc.json: unexpected end of input at offset 0'],
    ['x', 'malformed-json', 'doc.json: unexpected character "x" at offset 0'],
    ['{1:2}', 'malformed-json', 'doc.json: expected a string key at offset 1'],
    ['{"a" 1}', 'malformed-json', "doc.json: expected ':' at offset 5"],
    ['{"a":1 "b":2}', 'malformed-json', "doc.json: expected ',' or '}' at offset 8"],
    ['[1 2]', 'malformed-json', "doc.json: expected ',' or ']' at offset 4"],
    ['"abc', 'malformed-json', 'doc.json: unterminated string at offset 4'],
    ['"a\u0001"', 'malformed-json', 'doc.json: control character in string at offset 2'],
    ['"\\u12G4"', 'malformed-json', 'doc.json: bad \\u escape at offset 1'],
    ['"\\x"', 'malformed-json', 'doc.json: bad escape in string at offset 1'],
    ['"\\ud800"', 'malformed-json', 'doc.json: lone UTF-16 surrogate in string at offset 0'],
    ['-', 'malformed-json', 'doc.json: bad number at offset 0'],
    ['1 2', 'malformed-json', 'doc.json: unexpected data after the JSON value at offset 2'],
    ['1e999', 'number-out-of-range', 'doc.json: number 1e999 is not finite at offset 0'],
    [
      '-9007199254740992',
      'number-out-of-range',
      'doc.json: integer -9007199254740992 is outside ±(2^53-1) at offset 0',
    ],
    ['[[[[[1]]]]]', 'too-deep', 'doc.json: nesting deeper than 4 levels at offset 4'],
    ['{"a":1,"\\u0061":2}', 'duplicate-key', 'doc.json: duplicate key "a" at offset 7'],
  ];
  for (const [text, code, message] of cases) {
    const err = jsonError(text);
    assert.deepEqual([err.code, err.message], [code, message], text);
  }
  // A lone surrogate given as text (not escaped: only a string input can carry one).
  assert.equal(
    jsonError(`"a${String.fromCharCode(0xd800)}"`).message,
    'doc.json: lone UTF-16 surrogate in string at offset 0',
  );
  assert.deepEqual(parseStrictJson('"\u00e9\ud83d\ude00"', 'doc.json', { maxBytes: 64, maxDepth: 1 }), 'é😀');
  // Whitespace of all four kinds around tokens; exponents and fractions where integers are not required.
  assert.deepEqual(
    parseStrictJson(' \t\r\n{ "a" : [ 1 , -2.5e+3 , 1E2 ] } \n', 'doc.json', { maxBytes: 64, maxDepth: 2 }),
    { a: [1, -2500, 100] },
  );
});

test('E17 strict JSON: exactly at the size and depth caps passes; one over fails; integersOnly refuses only integral fractions', () => {
  const text = '[[[["abcdef"]]]]';
  assert.deepEqual(parseStrictJson(text, 'doc.json', { maxBytes: text.length, maxDepth: 4 }), [[[['abcdef']]]]);
  assert.deepEqual(
    parseStrictJson(new TextEncoder().encode(text), 'doc.json', { maxBytes: text.length, maxDepth: 4 }),
    [[[['abcdef']]]],
  );
  assert.equal(
    jsonError(text, { maxBytes: text.length - 1, maxDepth: 4 }).message,
    `doc.json: ${text.length} bytes is over the limit of ${text.length - 1} bytes`,
  );
  assert.equal(jsonError(text, { maxBytes: 64, maxDepth: 3 }).code, 'too-deep');
  assert.equal(jsonError(new Uint8Array([0x22, 0xc3, 0x22])).message, 'doc.json: not valid UTF-8');
  const ints = { maxBytes: 64, maxDepth: 2, integersOnly: true };
  assert.deepEqual(parseStrictJson('[1, 1.5, -0, 2e-1]', 'doc.json', ints), [1, 1.5, -0, 0.2]);
  for (const n of ['1.0', '1e0', '-2.00', '1E+2', '100e-2']) {
    let err: unknown;
    try {
      parseStrictJson(`[${n}]`, 'doc.json', ints);
    } catch (e) {
      err = e;
    }
    assert.ok(
      err instanceof InputError &&
        err.code === 'number-out-of-range' &&
        err.message ===
          `doc.json: number ${n} is an integer spelled with a fraction or exponent (integers only here) at offset 1`,
      `${n}: ${String(err)}`,
    );
  }
});

// --- the statement and countersignature statement parsers: fields, anchors, types

const baseStatement = () =>
  JSON.parse(
    new TextDecoder().decode(
      serializeStatement(
        buildStatement({
          kind: 'binary-digest',
          stream: 'acme/app:stable',
          version: 1,
          issuedAt: at(0),
          expiresIn: 3600,
          subjects: [{ name: 'a', digest: { sha256: 'a'.repeat(64) } }],
        }),
      ),
    ),
  ) as Loose;
function statementCode(
  edit: (s: Loose) => unknown,
  limits = { maxBytes: 1 << 20, maxSubjects: 10 },
  whole?: { doc: unknown },
): string | undefined {
  const s = baseStatement();
  edit(s);
  try {
    parseStatement(new TextEncoder().encode(JSON.stringify(whole ? whole.doc : s)), 'statement.json', limits);
    return undefined;
  } catch (err) {
    assert.ok(err instanceof InputError, `untyped: ${String(err)}`);
    assert.match(err.message, /^statement\.json: \S/);
    return err.code;
  }
}

test('E18 statement: source fields are anchored, optional and kept; non-object documents are malformed', () => {
  assert.equal(
    statementCode(
      (s) =>
        (s.predicate.source = {
          repository: 'acme/app',
          commit: 'a'.repeat(40),
          workflowRun: 'http://ci.example/run/1',
        }),
    ),
    undefined,
  );
  assert.equal(
    statementCode((s) => (s.predicate.source = { commit: 'b'.repeat(64) })),
    undefined,
  );
  for (const source of [
    { repository: 'x acme/app' },
    { repository: 'acme/app x' },
    { commit: `x${'a'.repeat(40)}` },
    { commit: `${'a'.repeat(40)}x` },
    { commit: 'a'.repeat(41) },
    { commit: 'A'.repeat(40) },
    { workflowRun: ' https://x' },
    { workflowRun: 'https://x y' },
    { workflowRun: 'ftp://x' },
  ]) {
    assert.equal(
      statementCode((s) => (s.predicate.source = source)),
      'statement-malformed',
      JSON.stringify(source),
    );
  }
  const kept = parseStatement(
    new TextEncoder().encode(
      JSON.stringify({
        ...baseStatement(),
        predicate: {
          ...baseStatement().predicate,
          source: { repository: 'a/b', commit: 'c'.repeat(40), workflowRun: 'https://x/y' },
        },
      }),
    ),
    's',
  );
  assert.deepEqual(kept.predicate.source, { repository: 'a/b', commit: 'c'.repeat(40), workflowRun: 'https://x/y' });
  for (const doc of [null, [], 'statement', 1])
    assert.equal(
      statementCode(() => {}, undefined, { doc }),
      'statement-malformed',
      JSON.stringify(doc),
    );
  assert.equal(
    statementCode((s) => (s.predicate = 'abc')),
    'statement-malformed',
  );
  assert.equal(
    statementCode((s) => (s.subject = [])),
    'statement-malformed',
  );
});

test('E19 statement: exactly maxSubjects subjects pass, one more is statement-too-many-subjects', () => {
  const subjects = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      name: `f${String(i).padStart(3, '0')}`,
      digest: { sha256: 'a'.repeat(64) },
    }));
  assert.equal(
    statementCode((s) => (s.subject = subjects(3)), { maxBytes: 1 << 20, maxSubjects: 3 }),
    undefined,
  );
  assert.equal(
    statementCode((s) => (s.subject = subjects(4)), { maxBytes: 1 << 20, maxSubjects: 3 }),
    'statement-too-many-subjects',
  );
});

test('E20 fleet-key statements: algorithms known, ids equal to the subject names, one key per subject', () => {
  const fleet = (keys: unknown) => (s: Loose) => {
    s.predicate.kind = 'fleet-key';
    s.subject = [
      { name: 'k1', digest: { sha256: 'a'.repeat(64) } },
      { name: 'k2', digest: { sha256: 'b'.repeat(64) } },
    ];
    s.predicate.data = { keys };
  };
  assert.equal(
    statementCode(
      fleet([
        { id: 'k1', algorithm: 'ed25519' },
        { id: 'k2', algorithm: 'ecdsa-p256' },
      ]),
    ),
    undefined,
  );
  assert.equal(
    statementCode(
      fleet([
        { id: 'k1', algorithm: 'ed25519' },
        { id: 'k2', algorithm: 'dsa' },
      ]),
    ),
    'statement-malformed',
  );
  assert.equal(
    statementCode(
      fleet([
        { id: 'k1', algorithm: 'ed25519' },
        { id: 'k3', algorithm: 'ed25519' },
      ]),
    ),
    'statement-malformed',
  );
  assert.equal(statementCode(fleet([{ id: 'k1', algorithm: 'ed25519' }])), 'statement-malformed');
});

test('E21 building: the edges of expiresIn and issuedAt; the GitHub source needs all four variables for the run URL', () => {
  const input = {
    kind: 'binary-digest' as const,
    stream: 'acme/app:stable',
    version: 1,
    subjects: [{ name: 'a', digest: { sha256: 'a'.repeat(64) } }],
  };
  assert.equal(
    buildStatement({ ...input, issuedAt: new Date(0), expiresIn: 1 }).predicate.expiresAt,
    '1970-01-01T00:00:01Z',
  );
  assert.throws(
    () => buildStatement({ ...input, issuedAt: new Date(-1000), expiresIn: 60 }),
    (e: unknown) => e instanceof InputError && e.code === 'bad-time',
  );
  assert.equal(
    buildStatement({ ...input, issuedAt: new Date(253402300799_000 - 60_000), expiresIn: 60 }).predicate.expiresAt,
    '9999-12-31T23:59:59Z',
  );
  assert.throws(
    () => buildStatement({ ...input, issuedAt: new Date(253402300799_000 - 59_000), expiresIn: 60 }),
    (e: unknown) => e instanceof InputError && e.code === 'bad-time',
  );
  assert.throws(
    () => buildStatement({ ...input, issuedAt: new Date(0), expiresIn: 0 }),
    (e: unknown) => e instanceof InputError && e.code === 'bad-expiry',
  );
  const env = {
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: 'c'.repeat(40),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '9',
    GITHUB_RUN_ATTEMPT: '2',
  };
  assert.deepEqual(sourceFromGitHubEnv(env), {
    repository: 'acme/app',
    commit: 'c'.repeat(40),
    workflowRun: 'https://github.com/acme/app/actions/runs/9/attempts/2',
  });
  for (const missing of ['GITHUB_SERVER_URL', 'GITHUB_REPOSITORY', 'GITHUB_RUN_ID', 'GITHUB_RUN_ATTEMPT']) {
    assert.equal(sourceFromGitHubEnv({ ...env, [missing]: undefined }).workflowRun, undefined, missing);
  }
  assert.deepEqual(sourceFromGitHubEnv({}), {});
});

const csBytes = (edit: (o: Loose) => void = () => {}) => {
  const o = JSON.parse(
    new TextDecoder().decode(
      serializeCountersignatureStatement(
        buildCountersignatureStatement({
          keyId: `sha256:${'d'.repeat(64)}`,
          primary,
          stream: 'acme/app:stable',
          version: 3,
          signedAt: at(0),
        }),
      ),
    ),
  ) as Loose;
  edit(o);
  return new TextEncoder().encode(JSON.stringify(o));
};
function csCode(bytes: Uint8Array): string | undefined {
  try {
    parseCountersignatureStatement(bytes, 'cs');
    return undefined;
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    return err.code;
  }
}

test('E22 countersignature statement: version and type, anchored log ids, indexes and digests, literal integers', () => {
  assert.equal(csCode(csBytes()), undefined);
  assert.equal(
    csCode(csBytes((o) => (o._type = 'https://countersign.dev/Countersignature/v2'))),
    'countersignature-malformed',
  );
  assert.equal(
    csCode(new TextEncoder().encode(new TextDecoder().decode(csBytes()).replace('"version":3', '"version":3.0'))),
    'number-out-of-range',
  );
  for (const edit of [
    (o: Loose) => (o.tlogEntries[0].logId = `${o.tlogEntries[0].logId} `),
    (o: Loose) => (o.tlogEntries[0].logId = `-${o.tlogEntries[0].logId}`),
    (o: Loose) => (o.tlogEntries[0].logIndex = '042'),
    (o: Loose) => (o.tlogEntries[0].logIndex = '42x'),
    (o: Loose) => (o.tlogEntries[0].logIndex = 'x42'),
    (o: Loose) => (o.payloadDigest.sha256 = `x${o.payloadDigest.sha256}`),
    (o: Loose) => (o.payloadDigest.sha256 = `${o.payloadDigest.sha256}x`),
    (o: Loose) => (o.keyId = `x${o.keyId}`),
    (o: Loose) => (o.keyId = `${o.keyId}0`),
  ]) {
    assert.equal(csCode(csBytes(edit)), 'countersignature-malformed', edit.toString());
  }
});

test('E23 bundle file: a non-object document, a plain primary, a short signature', () => {
  for (const doc of ['null', '[]', '"x"', '1']) {
    assert.throws(
      () => parseBundleFile(new TextEncoder().encode(doc), 'b'),
      (e: unknown) => e instanceof InputError && e.code === 'bundle-malformed',
      doc,
    );
  }
  const plain = parseBundleFile(
    new TextEncoder().encode('{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json"}'),
    'b',
  );
  assert.deepEqual([plain.bundle.countersignatures, plain.statements, plain.signatures], [[], [], []]);
  const entry = {
    keyId: `sha256:${'d'.repeat(64)}`,
    statement: 'e30=',
    signature: Buffer.alloc(63).toString('base64'),
  };
  const doc = (e: unknown) =>
    new TextEncoder().encode(
      JSON.stringify({
        mediaType: 'application/vnd.countersign.bundle.v1+json',
        primary: { mediaType: 'x', verificationMaterial: {} },
        countersignatures: [e],
      }),
    );
  assert.throws(
    () => parseBundleFile(doc(entry), 'b'),
    (e: unknown) =>
      e instanceof InputError &&
      e.code === 'bundle-malformed' &&
      /64-byte Ed25519 signature, found 63 bytes/.test(e.message),
  );
  assert.equal(
    parseBundleFile(doc({ ...entry, signature: Buffer.alloc(64).toString('base64') }), 'b').signatures[0]!.length,
    64,
  );
});

// --- Ed25519 (spec/ED25519.md): the explicit checks before noble and OpenSSL

test('E24 Ed25519: point checks, lengths and types; signing refuses bad seeds', () => {
  const seed = new Uint8Array(32).fill(7);
  const pub = ed25519PublicKeyOf(seed);
  const message = new TextEncoder().encode('m');
  const sig = signEd25519(message, seed);
  assert.equal(verifyEd25519Strict(sig, message, pub), true);
  assert.equal(isStrictNonSmallOrderPoint(pub), true);
  assert.equal(isPrimeOrderPoint(pub), true);
  const identity = new Uint8Array(32);
  identity[0] = 1;
  const nonCanonical = new Uint8Array(
    Buffer.from('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', 'hex'),
  );
  for (const bad of [
    identity,
    nonCanonical,
    new Uint8Array(31),
    new Uint8Array(33),
    'x'.repeat(32) as unknown as Uint8Array,
  ]) {
    assert.equal(isStrictNonSmallOrderPoint(bad), false);
    assert.equal(isPrimeOrderPoint(bad), false);
  }
  // A mixed-order point (prime-order key + a point of order 2) is not small-order, but not prime-order.
  for (const [s, p, m] of [
    [sig.subarray(0, 63), pub, message],
    [new Uint8Array([...sig, 0]), pub, message],
    [sig, pub.subarray(0, 31), message],
    [sig, new Uint8Array([...pub, 0]), message],
    [Array.from(sig), pub, message],
    [sig, Array.from(pub), message],
    [sig, pub, 'm'],
  ] as [Uint8Array, Uint8Array, Uint8Array][]) {
    assert.equal(verifyEd25519Strict(s, m, p), false);
  }
  for (const badSeed of [new Uint8Array(31), new Uint8Array(33), 'x' as unknown as Uint8Array]) {
    assert.throws(
      () => signEd25519(message, badSeed),
      (e: unknown) => e instanceof InputError && e.code === 'ed25519-private-key',
    );
    assert.throws(
      () => ed25519PublicKeyOf(badSeed),
      (e: unknown) => e instanceof InputError && e.code === 'ed25519-private-key',
    );
  }
  assert.throws(
    () => signEd25519('m' as unknown as Uint8Array, seed),
    (e: unknown) => e instanceof InputError && e.code === 'ed25519-message',
  );
});
