// Attack catalogue, part 7 (spec/ATTACKS.md §11): every field error of the two signed
// documents, exactly. Mutation testing (npm run mutation) of src/lib/formats/statement/statement.ts,
// src/lib/basics/json/shape.ts and src/lib/formats/countersignature/statement.ts showed that the tests checked
// the error codes of the statement (FORMAT §3) and of the countersignature statement (§5)
// but rarely the JSON path and the message, which are what a user reads to find the field
// at fault. Here each field error has its code, path and one-line message pinned (including
// what is printed for each JSON type that can be found instead), each cap is tested on both
// sides (string lengths, item counts, the 366-day lifetime, the 1 MiB rotation policy, the
// 16 MiB statement, the 16 KiB countersignature statement), and the RFC 3339 rule (§2) on
// both anchors and on impossible dates. Pure functions only: the file runs in about a second.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { InputError } from '../../src/lib/basics/errors/errors.ts';
import type { Statement } from '../../src/lib/formats/core/types.ts';
import { buildStatement, parseStatement, serializeStatement } from '../../src/lib/formats/statement/statement.ts';
import {
  buildCountersignatureStatement,
  parseCountersignatureStatement,
  serializeCountersignatureStatement,
  type PrimaryBinding,
} from '../../src/lib/formats/countersignature/statement.ts';

/** A parsed document to vandalise freely (tests write any value anywhere). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the point is to write wrong types
type Loose = Record<string, any>;
type Edit = (doc: Loose) => void;

const T = Date.parse('2026-06-01T12:00:00Z');
const at = (seconds: number) => new Date(T + seconds * 1000);
const iso = (seconds: number) => at(seconds).toISOString().replace('.000Z', 'Z');
const enc = (text: string) => new TextEncoder().encode(text);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

// What the parsers print for each pattern (the regular expression's source).
/** What Shape.timestamp says before the value found (basics/json/shape.ts, the policy's wording too). */
const RFC3339 = 'expected an RFC 3339 UTC time like 2026-01-01T00:00:00Z, found';
const STREAM = '^[A-Za-z0-9._/-]+:[A-Za-z0-9._-]+$';
const HEX = '^[0-9a-f]{64}$';

/** The code and message of the InputError `fn` throws (fails if it returns or throws anything else). */
function failure(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof InputError, `not an InputError: ${String(err)}`);
    return [err.code, err.message];
  }
  assert.fail('accepted');
}

// --- the statement (FORMAT §3)

function statementJson(): Loose {
  const s = buildStatement({
    kind: 'binary-digest',
    stream: 'acme/app:stable',
    version: 1,
    issuedAt: at(0),
    expiresIn: 3600,
    subjects: [{ name: 'a', digest: { sha256: A } }],
  });
  return JSON.parse(new TextDecoder().decode(serializeStatement(s))) as Loose;
}

const fleet: Edit = (s) => {
  s.predicate.kind = 'fleet-key';
  s.subject = [
    { name: 'k1', digest: { sha256: A } },
    { name: 'k2', digest: { sha256: B } },
  ];
  s.predicate.data = {
    keys: [
      { id: 'k1', algorithm: 'ed25519' },
      { id: 'k2', algorithm: 'ecdsa-p256' },
    ],
  };
};
const POLICY = enc('{"the new policy":true}');
const rotation: Edit = (s) => {
  s.predicate.kind = 'authority-rotation';
  s.subject = [{ name: 'policy.json', digest: { sha256: sha256(POLICY) } }];
  s.predicate.data = { policy: Buffer.from(POLICY).toString('base64') };
};

const LIMITS = { maxBytes: 1 << 22, maxSubjects: 3 };
const parseEdited = (...edits: Edit[]) => {
  const s = statementJson();
  for (const edit of edits) edit(s);
  return parseStatement(enc(JSON.stringify(s)), 'statement.json', LIMITS);
};
const statementFailure = (...edits: Edit[]) => failure(() => parseEdited(...edits));

const MALFORMED = 'statement-malformed';
const UNKNOWN = 'statement-unknown-field';
const m = (path: string, message: string) => `statement.json: ${path}: ${message}`;

test('D1 statement: the document and its type identifiers, exactly (what describe() prints for each JSON type)', () => {
  const whole = (doc: unknown) => failure(() => parseStatement(enc(JSON.stringify(doc)), 'statement.json', LIMITS));
  assert.deepEqual(whole(null), [MALFORMED, m('$', 'expected an object, found null')]);
  assert.deepEqual(whole([]), [MALFORMED, m('$', 'expected an object, found an array')]);
  assert.deepEqual(whole('statement'), [MALFORMED, m('$', 'expected an object, found the string "statement"')]);
  assert.deepEqual(whole(7), [MALFORMED, m('$', 'expected an object, found the number 7')]);
  assert.deepEqual(whole(false), [MALFORMED, m('$', 'expected an object, found false')]);
  // A known type with an unknown field, an unknown type, a missing field.
  assert.deepEqual(
    statementFailure((s) => (s.extra = 1)),
    [UNKNOWN, m('$', 'unknown field "extra"')],
  );
  assert.deepEqual(
    statementFailure((s) => delete s._type),
    [MALFORMED, m('$', 'missing field "_type"')],
  );
  assert.deepEqual(
    statementFailure((s) => delete s.predicate),
    [MALFORMED, m('$', 'missing field "predicate"')],
  );
  assert.deepEqual(
    statementFailure((s) => delete s.predicateType),
    [MALFORMED, m('$', 'missing field "predicateType"')],
  );
  assert.deepEqual(
    statementFailure((s) => (s._type = 'https://in-toto.io/Statement/v0.1')),
    [
      'statement-unsupported-type',
      m('$._type', 'expected https://in-toto.io/Statement/v1, found "https://in-toto.io/Statement/v0.1"'),
    ],
  );
  assert.deepEqual(
    statementFailure((s) => (s._type = null)),
    ['statement-unsupported-type', m('$._type', 'expected https://in-toto.io/Statement/v1, found null')],
  );
  // A future version with new fields is "unsupported", not "unknown field".
  assert.deepEqual(
    statementFailure((s) => ((s.predicateType = 'https://slsa.dev/provenance/v1'), (s.extra = 1))),
    [
      'statement-unsupported-type',
      m(
        '$.predicateType',
        'expected https://countersign.dev/TrustStatement/v1, found "https://slsa.dev/provenance/v1"',
      ),
    ],
  );
  // Who is speaking: the builder and the serialiser name their own document.
  assert.deepEqual(
    failure(() =>
      buildStatement({
        kind: 'binary-digest',
        stream: 'a/b:c',
        version: 1,
        issuedAt: at(0),
        expiresIn: 1,
        subjects: [],
      }),
    ),
    [MALFORMED, 'new statement: $.subject: expected at least one subject, found none'],
  );
  const bad = parseEdited();
  bad.predicate.version = 0;
  assert.deepEqual(
    failure(() => serializeStatement(bad)),
    [MALFORMED, 'statement: $.predicate.version: expected a positive integer, found the number 0'],
  );
});

test('D2 statement subjects: each field error at its path, the order and the count', () => {
  const cases: [string, Edit, string, string][] = [
    [
      'not an array',
      (s) => (s.subject = { name: 'a' }),
      MALFORMED,
      m('$.subject', 'expected an array, found an object'),
    ],
    ['empty', (s) => (s.subject = []), MALFORMED, m('$.subject', 'expected at least one subject, found none')],
    [
      'item not an object',
      (s) => (s.subject = ['a']),
      MALFORMED,
      m('$.subject[0]', 'expected an object, found the string "a"'),
    ],
    ['unknown field', (s) => (s.subject[0].uri = 'x'), UNKNOWN, m('$.subject[0]', 'unknown field "uri"')],
    ['no digest', (s) => delete s.subject[0].digest, MALFORMED, m('$.subject[0]', 'missing field "digest"')],
    [
      'name a number',
      (s) => (s.subject[0].name = 1),
      MALFORMED,
      m('$.subject[0].name', 'expected a string, found the number 1'),
    ],
    [
      'name empty',
      (s) => (s.subject[0].name = ''),
      MALFORMED,
      m('$.subject[0].name', 'expected a relative path in NFC, found a name that is empty'),
    ],
    [
      'name absolute',
      (s) => (s.subject[0].name = '/etc/passwd'),
      MALFORMED,
      m('$.subject[0].name', 'expected a relative path in NFC, found a name that is absolute (starts with "/")'),
    ],
    [
      'name too long',
      (s) => (s.subject[0].name = 'a'.repeat(4097)),
      MALFORMED,
      m('$.subject[0].name', 'longer than 4096 characters'),
    ],
    [
      'digest null',
      (s) => (s.subject[0].digest = null),
      MALFORMED,
      m('$.subject[0].digest', 'expected an object, found null'),
    ],
    [
      'digest sha512',
      (s) => (s.subject[0].digest.sha512 = A),
      UNKNOWN,
      m('$.subject[0].digest', 'unknown field "sha512"'),
    ],
    [
      'sha256 upper case',
      (s) => (s.subject[0].digest.sha256 = A.toUpperCase()),
      MALFORMED,
      m('$.subject[0].digest.sha256', `expected to match ${HEX}, found "${A.toUpperCase()}"`),
    ],
    [
      'sha256 65 digits',
      (s) => (s.subject[0].digest.sha256 = `${A}a`),
      MALFORMED,
      m('$.subject[0].digest.sha256', 'longer than 64 characters'),
    ],
    [
      'second item',
      (s) => s.subject.push({ name: 'b', digest: { sha256: 'b' } }),
      MALFORMED,
      m('$.subject[1].digest.sha256', `expected to match ${HEX}, found "b"`),
    ],
    [
      'duplicate',
      (s) => s.subject.push({ name: 'a', digest: { sha256: B } }),
      'statement-duplicate-subject',
      m('$.subject[1].name', 'duplicate subject name "a"'),
    ],
    [
      'unsorted',
      (s) => s.subject.unshift({ name: 'b', digest: { sha256: B } }),
      'statement-unsorted-subjects',
      m('$.subject[1].name', 'subjects must be sorted by name (UTF-8 byte order), found "a" after "b"'),
    ],
    // UTF-16 order puts U+1F600 (a surrogate pair) before U+FFFD; UTF-8 byte order after.
    [
      'UTF-16 order',
      (s) =>
        (s.subject = [
          { name: '\u{1f600}', digest: { sha256: A } },
          { name: '\ufffd', digest: { sha256: A } },
        ]),
      'statement-unsorted-subjects',
      m('$.subject[1].name', 'subjects must be sorted by name (UTF-8 byte order), found "\ufffd" after "\u{1f600}"'),
    ],
    [
      'too many',
      (s) => (s.subject = ['a', 'b', 'c', 'd'].map((name) => ({ name, digest: { sha256: A } }))),
      'statement-too-many-subjects',
      m('$.subject', 'expected at most 3 subjects, found 4'),
    ],
  ];
  for (const [label, edit, code, message] of cases) assert.deepEqual(statementFailure(edit), [code, message], label);
  // The other side of each: a 4096-character name, three sorted subjects, the byte order.
  assert.equal(parseEdited((s) => (s.subject[0].name = 'a'.repeat(4096))).subject[0]!.name.length, 4096);
  assert.deepEqual(
    parseEdited((s) => (s.subject = ['a', 'b', 'c'].map((name) => ({ name, digest: { sha256: A } })))).subject.map(
      (x) => x.name,
    ),
    ['a', 'b', 'c'],
  );
  assert.deepEqual(
    parseEdited(
      (s) =>
        (s.subject = [
          { name: '\ufffd', digest: { sha256: A } },
          { name: '\u{1f600}', digest: { sha256: A } },
        ]),
    ).subject.length,
    2,
  );
});

test('D3 statement predicate: kind, stream, version, each at its path, with its cap on both sides', () => {
  const x = (n: number) => 'x'.repeat(n);
  const stream201 = `acme/${x(189)}:stable`;
  const cases: [string, Edit, string, string][] = [
    [
      'predicate a string',
      (s) => (s.predicate = 'abc'),
      MALFORMED,
      m('$.predicate', 'expected an object, found the string "abc"'),
    ],
    ['predicate unknown field', (s) => (s.predicate.note = 'x'), UNKNOWN, m('$.predicate', 'unknown field "note"')],
    ['predicate no data', (s) => delete s.predicate.data, MALFORMED, m('$.predicate', 'missing field "data"')],
    [
      'kind a number',
      (s) => (s.predicate.kind = 1),
      MALFORMED,
      m('$.predicate.kind', 'expected a string, found the number 1'),
    ],
    [
      'kind 65 characters',
      (s) => (s.predicate.kind = x(65)),
      MALFORMED,
      m('$.predicate.kind', 'longer than 64 characters'),
    ],
    [
      'kind 64 characters',
      (s) => (s.predicate.kind = x(64)),
      'statement-unknown-kind',
      m(
        '$.predicate.kind',
        `expected one of binary-digest, fleet-key, authority-rotation, config-change, found "${x(64)}"`,
      ),
    ],
    [
      'stream no channel',
      (s) => (s.predicate.stream = 'nostream'),
      MALFORMED,
      m('$.predicate.stream', `expected to match ${STREAM}, found "nostream"`),
    ],
    // The found value is cut at 100 characters.
    [
      'stream long and bad',
      (s) => (s.predicate.stream = x(150)),
      MALFORMED,
      m('$.predicate.stream', `expected to match ${STREAM}, found "${x(100)}"`),
    ],
    [
      'stream 201 characters',
      (s) => (s.predicate.stream = stream201),
      MALFORMED,
      m('$.predicate.stream', 'longer than 200 characters'),
    ],
    [
      'stream null',
      (s) => (s.predicate.stream = null),
      MALFORMED,
      m('$.predicate.stream', 'expected a string, found null'),
    ],
    [
      'version 0',
      (s) => (s.predicate.version = 0),
      MALFORMED,
      m('$.predicate.version', 'expected a positive integer, found the number 0'),
    ],
    [
      'version -1',
      (s) => (s.predicate.version = -1),
      MALFORMED,
      m('$.predicate.version', 'expected a positive integer, found the number -1'),
    ],
    [
      'version 1.5',
      (s) => (s.predicate.version = 1.5),
      MALFORMED,
      m('$.predicate.version', 'expected a positive integer, found the number 1.5'),
    ],
    [
      'version "7"',
      (s) => (s.predicate.version = '7'),
      MALFORMED,
      m('$.predicate.version', 'expected a positive integer, found the string "7"'),
    ],
    [
      'version true',
      (s) => (s.predicate.version = true),
      MALFORMED,
      m('$.predicate.version', 'expected a positive integer, found true'),
    ],
    [
      'version [1]',
      (s) => (s.predicate.version = [1]),
      MALFORMED,
      m('$.predicate.version', 'expected a positive integer, found an array'),
    ],
    [
      'version {}',
      (s) => (s.predicate.version = {}),
      MALFORMED,
      m('$.predicate.version', 'expected a positive integer, found an object'),
    ],
    [
      'version null',
      (s) => (s.predicate.version = null),
      MALFORMED,
      m('$.predicate.version', 'expected a positive integer, found null'),
    ],
    // describe() quotes a string up to 60 characters whole, a longer one cut with an ellipsis.
    [
      'version of 60 characters',
      (s) => (s.predicate.version = x(60)),
      MALFORMED,
      m('$.predicate.version', `expected a positive integer, found the string "${x(60)}"`),
    ],
    [
      'version of 61 characters',
      (s) => (s.predicate.version = `${x(60)}y`),
      MALFORMED,
      m('$.predicate.version', `expected a positive integer, found the string "${x(60)}…"`),
    ],
  ];
  for (const [label, edit, code, message] of cases) assert.deepEqual(statementFailure(edit), [code, message], label);
  const stream200 = stream201.slice(1);
  assert.equal(parseEdited((s) => (s.predicate.stream = stream200)).predicate.stream, stream200);
  assert.equal(parseEdited((s) => (s.predicate.version = 2 ** 53 - 1)).predicate.version, 2 ** 53 - 1);
  assert.equal(parseEdited((s) => (s.predicate.kind = 'config-change')).predicate.kind, 'config-change');
});

test('D4 statement times: RFC 3339 UTC to the second, anchored both ends; expiry after issue, at most 366 days', () => {
  const ISSUED = '$.predicate.issuedAt';
  const EXPIRES = '$.predicate.expiresAt';
  const issued =
    (v: unknown): Edit =>
    (s) =>
      (s.predicate.issuedAt = v);
  const cases: [string, Edit, string, string][] = [
    ['a number', issued(1), MALFORMED, m(ISSUED, 'expected a string, found the number 1')],
    ['milliseconds', issued('2026-06-01T12:00:00.000Z'), MALFORMED, m(ISSUED, `${RFC3339} "2026-06-01T12:00:00.000Z"`)],
    ['an offset', issued('2026-06-01T12:00:00+00:00'), MALFORMED, m(ISSUED, `${RFC3339} "2026-06-01T12:00:00+00:00"`)],
    ['something before', issued('x2026-06-01T12:00:00Z'), MALFORMED, m(ISSUED, `${RFC3339} "x2026-06-01T12:00:00Z"`)],
    ['something after', issued('2026-06-01T12:00:00Zx'), MALFORMED, m(ISSUED, `${RFC3339} "2026-06-01T12:00:00Zx"`)],
    ['February 30', issued('2026-02-30T12:00:00Z'), MALFORMED, m(ISSUED, `${RFC3339} "2026-02-30T12:00:00Z"`)],
    ['hour 24', issued('2026-06-01T24:00:00Z'), MALFORMED, m(ISSUED, `${RFC3339} "2026-06-01T24:00:00Z"`)],
    ['a leap second', issued('2026-06-30T23:59:60Z'), MALFORMED, m(ISSUED, `${RFC3339} "2026-06-30T23:59:60Z"`)],
    ['expiry not a time', (s) => (s.predicate.expiresAt = 'tomorrow'), MALFORMED, m(EXPIRES, `${RFC3339} "tomorrow"`)],
    [
      'expiry = issue',
      (s) => (s.predicate.expiresAt = iso(0)),
      'statement-bad-time',
      m(EXPIRES, `expected a time after issuedAt ${iso(0)}, found ${iso(0)}`),
    ],
    [
      'expiry before issue',
      (s) => (s.predicate.expiresAt = iso(-1)),
      'statement-bad-time',
      m(EXPIRES, `expected a time after issuedAt ${iso(0)}, found ${iso(-1)}`),
    ],
    [
      '366 days and a second',
      (s) => (s.predicate.expiresAt = iso(366 * 86_400 + 1)),
      'statement-bad-time',
      m(EXPIRES, 'expected at most 31622400 seconds (366 days) after issuedAt, found 31622401'),
    ],
  ];
  for (const [label, edit, code, message] of cases) assert.deepEqual(statementFailure(edit), [code, message], label);
  assert.equal(parseEdited((s) => (s.predicate.expiresAt = iso(1))).predicate.expiresAt, '2026-06-01T12:00:01Z');
  assert.equal(
    parseEdited((s) => (s.predicate.expiresAt = iso(366 * 86_400))).predicate.expiresAt,
    '2027-06-02T12:00:00Z',
  );
  assert.equal(
    parseEdited(issued('2024-02-29T00:00:00Z'), (s) => (s.predicate.expiresAt = '2024-03-01T00:00:00Z')).predicate
      .issuedAt,
    '2024-02-29T00:00:00Z',
  );
});

test('D5 statement source and data: each optional source field at its path and cap; data by kind', () => {
  const x = (n: number) => 'x'.repeat(n);
  const SRC = '$.predicate.source';
  const source =
    (v: unknown): Edit =>
    (s) =>
      (s.predicate.source = v);
  const cases: [string, Edit, string, string][] = [
    ['source an array', source([]), MALFORMED, m(SRC, 'expected an object, found an array')],
    ['source unknown field', source({ branch: 'main' }), UNKNOWN, m(SRC, 'unknown field "branch"')],
    [
      'repository',
      source({ repository: 'acme' }),
      MALFORMED,
      m(`${SRC}.repository`, String.raw`expected to match ^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$, found "acme"`),
    ],
    [
      'repository 201',
      source({ repository: `a/${x(199)}` }),
      MALFORMED,
      m(`${SRC}.repository`, 'longer than 200 characters'),
    ],
    [
      'commit',
      source({ commit: 'abc' }),
      MALFORMED,
      m(`${SRC}.commit`, 'expected to match ^(?:[0-9a-f]{40}|[0-9a-f]{64})$, found "abc"'),
    ],
    ['commit 65', source({ commit: `${A}a` }), MALFORMED, m(`${SRC}.commit`, 'longer than 64 characters')],
    [
      'workflowRun',
      source({ workflowRun: 'ftp://x' }),
      MALFORMED,
      m(`${SRC}.workflowRun`, String.raw`expected to match ^https?:\/\/[\x21-\x7e]+$, found "ftp://x"`),
    ],
    [
      'workflowRun 2049',
      source({ workflowRun: `https://${x(2041)}` }),
      MALFORMED,
      m(`${SRC}.workflowRun`, 'longer than 2048 characters'),
    ],
    ['data null', (s) => (s.predicate.data = null), MALFORMED, m('$.predicate.data', 'expected an object, found null')],
    [
      'data of binary-digest',
      (s) => (s.predicate.data = { keys: [] }),
      UNKNOWN,
      m('$.predicate.data', 'unknown field "keys"'),
    ],
  ];
  for (const [label, edit, code, message] of cases) assert.deepEqual(statementFailure(edit), [code, message], label);
  const longest = { repository: `a/${x(198)}`, commit: B, workflowRun: `https://${x(2040)}` };
  assert.deepEqual(parseEdited(source(longest)).predicate.source, longest);
});

test('D6 fleet-key data: the keys list at its paths; ids equal to the subject names; one key per subject', () => {
  const keys =
    (...list: unknown[]): Edit =>
    (s) =>
      (s.predicate.data.keys = list);
  const K = '$.predicate.data.keys';
  const cases: [string, Edit, string, string][] = [
    ['no keys', (s) => (s.predicate.data = {}), MALFORMED, m('$.predicate.data', 'missing field "keys"')],
    ['keys an object', (s) => (s.predicate.data.keys = {}), MALFORMED, m(K, 'expected an array, found an object')],
    [
      'more keys than subjects',
      keys({ id: 'k1', algorithm: 'ed25519' }, { id: 'k2', algorithm: 'ed25519' }, { id: 'k3', algorithm: 'ed25519' }),
      MALFORMED,
      m(K, 'more than 2 items (3)'),
    ],
    [
      'fewer keys than subjects',
      keys({ id: 'k1', algorithm: 'ed25519' }),
      MALFORMED,
      m(K, 'expected one key per subject (2), found 1'),
    ],
    ['key a string', keys('k1'), MALFORMED, m(`${K}[0]`, 'expected an object, found the string "k1"')],
    [
      'key with its public key',
      keys({ id: 'k1', algorithm: 'ed25519' }, { id: 'k2', algorithm: 'ed25519', publicKey: 'x' }),
      UNKNOWN,
      m(`${K}[1]`, 'unknown field "publicKey"'),
    ],
    [
      'id not an id',
      keys({ id: 'k1', algorithm: 'ed25519' }, { id: '-k2', algorithm: 'ed25519' }),
      MALFORMED,
      m(`${K}[1].id`, 'expected to match ^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$, found "-k2"'),
    ],
    [
      'id 129 characters',
      keys({ id: 'k1', algorithm: 'ed25519' }, { id: 'k'.repeat(129), algorithm: 'ed25519' }),
      MALFORMED,
      m(`${K}[1].id`, 'longer than 128 characters'),
    ],
    [
      'id of another subject',
      keys({ id: 'k1', algorithm: 'ed25519' }, { id: 'k3', algorithm: 'ed25519' }),
      MALFORMED,
      m(`${K}[1].id`, 'expected the name of subject 1 ("k2"), found "k3"'),
    ],
    [
      'algorithm unknown',
      keys({ id: 'k1', algorithm: 'ed25519' }, { id: 'k2', algorithm: 'dsa' }),
      MALFORMED,
      m(
        `${K}[1].algorithm`,
        'expected one of ecdsa-p256, ecdsa-p384, ed25519, rsa-2048, rsa-3072, rsa-4096, found "dsa"',
      ),
    ],
    [
      'algorithm 33 characters',
      keys({ id: 'k1', algorithm: 'ed25519' }, { id: 'k2', algorithm: 'r'.repeat(33) }),
      MALFORMED,
      m(`${K}[1].algorithm`, 'longer than 32 characters'),
    ],
  ];
  for (const [label, edit, code, message] of cases)
    assert.deepEqual(statementFailure(fleet, edit), [code, message], label);
  assert.deepEqual(parseEdited(fleet).predicate.data, {
    keys: [
      { id: 'k1', algorithm: 'ed25519' },
      { id: 'k2', algorithm: 'ecdsa-p256' },
    ],
  });
});

test('D7 authority-rotation data: canonical padded base64 of 1 byte to 1 MiB, one subject, its digest', () => {
  const policy =
    (v: unknown): Edit =>
    (s) =>
      (s.predicate.data.policy = v);
  const P = '$.predicate.data.policy';
  const cases: [string, Edit, string, string][] = [
    ['no policy', (s) => (s.predicate.data = {}), MALFORMED, m('$.predicate.data', 'missing field "policy"')],
    ['policy a number', policy(1), MALFORMED, m(P, 'expected a string, found the number 1')],
    ['unpadded', policy('QUFBQQ'), MALFORMED, m(P, 'expected standard padded base64')],
    ['a partial group', policy('QUFBQ'), MALFORMED, m(P, 'expected standard padded base64')],
    ['something before', policy('!QUFB'), MALFORMED, m(P, 'expected standard padded base64')],
    ['something after', policy('QUFB!'), MALFORMED, m(P, 'expected standard padded base64')],
    ['URL-safe alphabet', policy('-_-_'), MALFORMED, m(P, 'expected standard padded base64')],
    ['non-zero padding bits', policy('QR=='), MALFORMED, m(P, 'non-canonical base64 (non-zero padding bits)')],
    ['empty', policy(''), MALFORMED, m(P, 'expected 1 to 1048576 bytes of policy, found 0')],
    [
      'two subjects',
      (s) => s.subject.push({ name: 'policy.json.sig', digest: { sha256: A } }),
      MALFORMED,
      m('$.subject', 'expected exactly one subject (the new policy) for authority-rotation, found 2'),
    ],
    [
      'another document',
      policy(Buffer.from('{}').toString('base64')),
      'rotation-policy-digest',
      m(
        P,
        `expected the document whose sha256 is the subject's (${sha256(POLICY)}), found a document with sha256 ${sha256(enc('{}'))}`,
      ),
    ],
  ];
  for (const [label, edit, code, message] of cases)
    assert.deepEqual(statementFailure(rotation, edit), [code, message], label);
  assert.deepEqual(parseEdited(rotation).predicate.data, { policy: Buffer.from(POLICY).toString('base64') });
  // The caps: 1 MiB of policy passes; one byte more is refused by size; three bytes more (a
  // longer base64 text) by the text's length, before decoding.
  const ofSize = (n: number): Edit => {
    const bytes = new Uint8Array(n).fill(0x20);
    return (s) => (
      (s.subject[0].digest.sha256 = sha256(bytes)),
      (s.predicate.data.policy = Buffer.from(bytes).toString('base64'))
    );
  };
  assert.equal(parseEdited(rotation, ofSize(1 << 20)).predicate.kind, 'authority-rotation');
  assert.equal(parseEdited(rotation, ofSize(1)).predicate.kind, 'authority-rotation');
  assert.deepEqual(statementFailure(rotation, ofSize((1 << 20) + 1)), [
    MALFORMED,
    m(P, 'expected 1 to 1048576 bytes of policy, found 1048577'),
  ]);
  assert.deepEqual(statementFailure(rotation, ofSize((1 << 20) + 3)), [
    MALFORMED,
    m(P, 'longer than 1398104 characters'),
  ]);
});

test('D8 building: each refused input, exactly', () => {
  const input = {
    kind: 'binary-digest' as const,
    stream: 'acme/app:stable',
    version: 1,
    issuedAt: at(0),
    expiresIn: 60,
    subjects: [{ name: 'a', digest: { sha256: A } }],
  };
  const build = (over: Partial<typeof input>) => failure(() => buildStatement({ ...input, ...over }));
  const pattern =
    'stream: expected owner/name:channel (ASCII [A-Za-z0-9._/-]+:[A-Za-z0-9._-]+, at most 200 characters), found';
  assert.deepEqual(build({ stream: 'acme/app' }), ['bad-stream', `${pattern} "acme/app"`]);
  // A long stream is printed cut at 210 characters.
  assert.deepEqual(build({ stream: `acme/app:${'x'.repeat(300)}` }), [
    'bad-stream',
    `${pattern} "${`acme/app:${'x'.repeat(300)}`.slice(0, 210)}"`,
  ]);
  assert.deepEqual(build({ version: 0 }), [
    'bad-version',
    'version: expected a positive integer up to 2^53-1, found 0',
  ]);
  assert.deepEqual(build({ expiresIn: 366 * 86_400 + 1 }), [
    'bad-expiry',
    'expires-in: expected 1 to 31622400 seconds (366 days), found 31622401',
  ]);
  assert.deepEqual(build({ issuedAt: new Date(Number.NaN) }), [
    'bad-time',
    'issued-at: expected a time between 1970 and 9999, found an invalid date',
  ]);
  assert.deepEqual(build({ issuedAt: new Date(-1000) }), [
    'bad-time',
    'issued-at: expected a time between 1970 and 9999, found 1969-12-31T23:59:59.000Z',
  ]);
});

test('D9 the whole statement: the 16 MiB default cap, on both sides, when serialising and when parsing', () => {
  // 4000 subjects of long names (each under the 4096-character cap), the last one shortened so
  // that the canonical bytes are exactly 16 MiB.
  const CAP = 16 * 1024 * 1024;
  const statement = (lastNameLength: number): Statement => {
    const subject = Array.from({ length: 4000 }, (_, i) => ({
      name: `${String(i).padStart(4, '0')}${'x'.repeat(i === 3999 ? lastNameLength - 4 : 4092)}`,
      digest: { sha256: A },
    }));
    const s = parseEdited();
    return { ...s, subject };
  };
  const probe = JSON.stringify(statement(4)).length;
  const exact = statement(4 + CAP - probe);
  const bytes = serializeStatement(exact);
  assert.equal(bytes.length, CAP);
  assert.equal(parseStatement(bytes, 'statement.json').subject.length, 4000);
  assert.deepEqual(
    failure(() => serializeStatement(statement(5 + CAP - probe))),
    ['statement-too-large', `statement: ${CAP + 1} bytes is over the limit of ${CAP} bytes`],
  );
  const over = new Uint8Array(CAP + 1);
  over.set(bytes);
  over[CAP] = 0x20;
  assert.deepEqual(
    failure(() => parseStatement(over, 'statement.json')),
    ['too-large', `statement.json: ${CAP + 1} bytes is over the limit of ${CAP} bytes`],
  );
});

// --- the countersignature statement (FORMAT §5)

const primary: PrimaryBinding = {
  payload: enc('{"statement":"bytes"}'),
  payloadType: 'application/vnd.in-toto+json',
  signature: new Uint8Array(64).fill(1),
  certificate: new Uint8Array(600).fill(2),
  tlogEntries: [{ logId: Buffer.alloc(32, 3).toString('base64'), logIndex: '42' }],
  timestamps: [new Uint8Array(300).fill(4)],
};
const KEY_ID = `sha256:${'d'.repeat(64)}`;
function csJson(): Loose {
  const bytes = serializeCountersignatureStatement(
    buildCountersignatureStatement({ keyId: KEY_ID, primary, stream: 'acme/app:stable', version: 3, signedAt: at(0) }),
  );
  return JSON.parse(new TextDecoder().decode(bytes)) as Loose;
}
const csParse = (edit: Edit = () => {}) => {
  const o = csJson();
  edit(o);
  return parseCountersignatureStatement(enc(JSON.stringify(o)), 'cs');
};
const CS = 'countersignature-malformed';
const c = (path: string, message: string) => `cs: ${path}: ${message}`;

test('D10 countersignature statement: each field error at its path, exactly', () => {
  const digestCases = (field: string, set: (o: Loose, v: unknown) => void): [string, Edit, string][] => [
    [
      `${field} a string`,
      (o) => set(o, `sha256:${A}`),
      c(field, `expected an object, found the string "sha256:${A.slice(0, 53)}…"`),
    ],
    [`${field} empty`, (o) => set(o, {}), c(field, 'missing field "sha256"')],
    [`${field} two digests`, (o) => set(o, { sha256: A, sha512: A }), c(field, 'unknown field "sha512"')],
    [`${field} short`, (o) => set(o, { sha256: 'abc' }), c(`${field}.sha256`, `expected to match ${HEX}, found "abc"`)],
  ];
  const cases: [string, Edit, string][] = [
    ['unknown field', (o) => (o.note = 'x'), c('$', 'unknown field "note"')],
    ['no signedAt', (o) => delete o.signedAt, c('$', 'missing field "signedAt"')],
    [
      '_type v2',
      (o) => (o._type = 'https://countersign.dev/Countersignature/v2'),
      c(
        '$._type',
        'expected https://countersign.dev/Countersignature/v1, found "https://countersign.dev/Countersignature/v2" (unknown countersignature version)',
      ),
    ],
    [
      'keyId without prefix',
      (o) => (o.keyId = 'd'.repeat(64)),
      c('$.keyId', `expected to match ^sha256:[0-9a-f]{64}$, found "${'d'.repeat(64)}"`),
    ],
    ['payloadType a number', (o) => (o.payloadType = 1), c('$.payloadType', 'expected a string, found the number 1')],
    ['payloadType 257', (o) => (o.payloadType = 'p'.repeat(257)), c('$.payloadType', 'longer than 256 characters')],
    ...digestCases('$.payloadDigest', (o, v) => (o.payloadDigest = v)),
    ...digestCases('$.primarySignatureDigest', (o, v) => (o.primarySignatureDigest = v)),
    ...digestCases('$.certificateDigest', (o, v) => (o.certificateDigest = v)),
    ['tlogEntries an object', (o) => (o.tlogEntries = {}), c('$.tlogEntries', 'expected an array, found an object')],
    [
      '17 tlog entries',
      (o) => (o.tlogEntries = Array(17).fill(o.tlogEntries[0])),
      c('$.tlogEntries', 'more than 16 items (17)'),
    ],
    ['tlog entry null', (o) => o.tlogEntries.push(null), c('$.tlogEntries[1]', 'expected an object, found null')],
    [
      'tlog entry without index',
      (o) => delete o.tlogEntries[0].logIndex,
      c('$.tlogEntries[0]', 'missing field "logIndex"'),
    ],
    [
      'logId not base64',
      (o) => (o.tlogEntries[0].logId = 'a-b'),
      c('$.tlogEntries[0].logId', 'expected to match ^[A-Za-z0-9+/]+={0,2}$, found "a-b"'),
    ],
    [
      'logId 129',
      (o) => (o.tlogEntries[0].logId = 'l'.repeat(129)),
      c('$.tlogEntries[0].logId', 'longer than 128 characters'),
    ],
    [
      'logIndex a number',
      (o) => (o.tlogEntries[0].logIndex = 42),
      c('$.tlogEntries[0].logIndex', 'expected a string, found the number 42'),
    ],
    [
      'logIndex 042',
      (o) => (o.tlogEntries[0].logIndex = '042'),
      c('$.tlogEntries[0].logIndex', 'expected to match ^(0|[1-9][0-9]{0,18})$, found "042"'),
    ],
    [
      'logIndex 20 digits',
      (o) => (o.tlogEntries[0].logIndex = '1'.repeat(20)),
      c('$.tlogEntries[0].logIndex', `expected to match ^(0|[1-9][0-9]{0,18})$, found "${'1'.repeat(20)}"`),
    ],
    [
      'timestampDigests null',
      (o) => (o.timestampDigests = null),
      c('$.timestampDigests', 'expected an array, found null'),
    ],
    [
      '17 timestamps',
      (o) => (o.timestampDigests = Array(17).fill(o.timestampDigests[0])),
      c('$.timestampDigests', 'more than 16 items (17)'),
    ],
    [
      'second timestamp',
      (o) => o.timestampDigests.push({ sha256: 'x' }),
      c('$.timestampDigests[1].sha256', `expected to match ${HEX}, found "x"`),
    ],
    [
      'timestamp a string',
      (o) => (o.timestampDigests = ['abc']),
      c('$.timestampDigests[0]', 'expected an object, found the string "abc"'),
    ],
    ['stream', (o) => (o.stream = 'acme/app'), c('$.stream', `expected to match ${STREAM}, found "acme/app"`)],
    ['stream 201', (o) => (o.stream = `acme/${'x'.repeat(189)}:stable`), c('$.stream', 'longer than 200 characters')],
    ['version 0', (o) => (o.version = 0), c('$.version', 'expected a positive integer, found the number 0')],
    ['version "3"', (o) => (o.version = '3'), c('$.version', 'expected a positive integer, found the string "3"')],
    [
      'signedAt February 29',
      (o) => (o.signedAt = '2026-02-29T00:00:00Z'),
      c('$.signedAt', `${RFC3339} "2026-02-29T00:00:00Z"`),
    ],
    [
      'signedAt in milliseconds',
      (o) => (o.signedAt = '2026-06-01T12:00:00.000Z'),
      c('$.signedAt', `${RFC3339} "2026-06-01T12:00:00.000Z"`),
    ],
  ];
  for (const [label, edit, message] of cases)
    assert.deepEqual(
      failure(() => csParse(edit)),
      [CS, message],
      label,
    );
  assert.deepEqual(
    failure(() => parseCountersignatureStatement(enc('[]'), 'cs')),
    [CS, c('$', 'expected an object, found an array')],
  );
});

test('D11 countersignature statement: each cap on both sides; the document is kept as parsed', () => {
  const maxed = csParse((o) => {
    o.payloadType = 'p'.repeat(256);
    o.tlogEntries = Array.from({ length: 16 }, (_, i) => ({
      logId: 'l'.repeat(127) + '=',
      logIndex: i === 0 ? '0' : '9'.repeat(19),
    }));
    o.timestampDigests = Array(16).fill({ sha256: B });
    o.stream = `acme/${'x'.repeat(188)}:stable`;
    o.version = 2 ** 53 - 1;
  });
  assert.deepEqual(
    [
      maxed.payloadType.length,
      maxed.tlogEntries.length,
      maxed.tlogEntries[1]!.logIndex,
      maxed.timestampDigests.length,
      maxed.stream.length,
      maxed.version,
    ],
    [256, 16, '9'.repeat(19), 16, 200, 2 ** 53 - 1],
  );
  assert.deepEqual(csParse((o) => ((o.tlogEntries = []), (o.timestampDigests = []))).tlogEntries, []);
  assert.deepEqual(
    csParse(),
    buildCountersignatureStatement({ keyId: KEY_ID, primary, stream: 'acme/app:stable', version: 3, signedAt: at(0) }),
  );
  // 16 KiB with trailing whitespace (strict JSON allows it) passes; one byte more is too-large.
  const text = JSON.stringify(csJson());
  const padded = (n: number) => enc(text + ' '.repeat(n - text.length));
  assert.equal(parseCountersignatureStatement(padded(16 * 1024), 'cs').keyId, KEY_ID);
  assert.deepEqual(
    failure(() => parseCountersignatureStatement(padded(16 * 1024 + 1), 'cs')),
    ['too-large', 'cs: 16385 bytes is over the limit of 16384 bytes'],
  );
  assert.equal(
    failure(() => parseCountersignatureStatement(enc(text.replace('"version":3', '"version":3e0')), 'cs'))[0],
    'number-out-of-range',
  );
});
