import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { InputError } from '../../../../src/lib/basics/errors/errors.ts';
import {
  buildStatement,
  parseStatement,
  serializeStatement,
  sourceFromGitHubEnv,
  MAX_EXPIRES_IN_SECONDS,
} from '../../../../src/lib/formats/statement/statement.ts';
import { parseDuration } from '../../../../src/lib/formats/core/duration.ts';
import { fleetKeyStatementParts, parseFleetKeys } from '../../../../src/lib/formats/statement/fleet-keys.ts';
import { PREDICATE_TYPE, STATEMENT_TYPE, type Statement } from '../../../../src/lib/formats/core/types.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const ISSUED = new Date('2025-03-01T12:00:00.789Z');

function sample(overrides: Partial<Parameters<typeof buildStatement>[0]> = {}): Statement {
  return buildStatement({
    kind: 'binary-digest',
    stream: 'acme/app:stable',
    version: 7,
    issuedAt: ISSUED,
    expiresIn: 30 * 86_400,
    subjects: [
      { name: 'dist/b.bin', digest: { sha256: B } },
      { name: 'dist/a.bin', digest: { sha256: A } },
    ],
    source: { repository: 'acme/app', commit: 'c'.repeat(40) },
    ...overrides,
  });
}

/** Serialises a good statement, lets `mutate` edit its JSON, and returns the bytes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests poke at arbitrary JSON
function mutated(mutate: (json: Record<string, any>) => void): Uint8Array {
  const json = JSON.parse(new TextDecoder().decode(serializeStatement(sample())));
  mutate(json);
  return new TextEncoder().encode(JSON.stringify(json));
}

function rejectsWith(bytes: Uint8Array, code: string, pattern?: RegExp): void {
  assert.throws(
    () => parseStatement(bytes, 'statement.json'),
    (err: unknown) => {
      assert.ok(err instanceof InputError, String(err));
      assert.equal(err.code, code, err.message);
      assert.match(err.message, /^statement\.json: /);
      if (pattern) assert.match(err.message, pattern);
      return true;
    },
  );
}

test('buildStatement: fields, times to the second in UTC, subjects sorted', () => {
  const s = sample();
  assert.equal(s._type, STATEMENT_TYPE);
  assert.equal(s.predicateType, PREDICATE_TYPE);
  assert.deepEqual(
    s.subject.map((x) => x.name),
    ['dist/a.bin', 'dist/b.bin'],
  );
  assert.equal(s.predicate.issuedAt, '2025-03-01T12:00:00Z');
  assert.equal(s.predicate.expiresAt, '2025-03-31T12:00:00Z');
  assert.deepEqual(s.predicate.source, { repository: 'acme/app', commit: 'c'.repeat(40) });
  assert.deepEqual(s.predicate.data, {});
});

test('serialize -> parse round trip is exact, keys in a fixed order', () => {
  const s = sample();
  const bytes = serializeStatement(s);
  const parsed = parseStatement(bytes, 'statement.json');
  assert.deepEqual(parsed, s);
  assert.deepEqual(serializeStatement(parsed), bytes);
  const text = new TextDecoder().decode(bytes);
  assert.ok(
    text.startsWith(`{"_type":"${STATEMENT_TYPE}","subject":[{"name":"dist/a.bin","digest":{"sha256":"${A}"}}`),
    text,
  );
  assert.match(
    text,
    /"predicate":\{"kind":"binary-digest","stream":"acme\/app:stable","version":7,"issuedAt":"2025-03-01T12:00:00Z","expiresAt":"2025-03-31T12:00:00Z","source":\{"repository":"acme\/app","commit":"c{40}"\},"data":\{\}\}\}$/,
  );
});

test('buildStatement: refuses bad stream, version, expiry, subjects', () => {
  const code = (c: string) => (err: unknown) => err instanceof InputError && err.code === c;
  for (const stream of ['acme/app', 'acme app:stable', 'acme/app:st/able', 'é/app:stable', `a:${'x'.repeat(200)}`]) {
    assert.throws(() => sample({ stream }), code('bad-stream'), stream);
  }
  for (const version of [0, -1, 1.5, 2 ** 53, Number.NaN])
    assert.throws(() => sample({ version }), code('bad-version'));
  for (const expiresIn of [0, -5, 1.5, MAX_EXPIRES_IN_SECONDS + 1])
    assert.throws(() => sample({ expiresIn }), code('bad-expiry'));
  assert.ok(sample({ expiresIn: MAX_EXPIRES_IN_SECONDS }));
  assert.throws(() => sample({ subjects: [] }), code('statement-malformed'));
  assert.throws(
    () => sample({ subjects: [{ name: 'x', digest: { sha256: A.toUpperCase() } }] }),
    code('statement-malformed'),
  );
  assert.throws(
    () =>
      sample({
        subjects: [
          { name: 'x', digest: { sha256: A } },
          { name: 'x', digest: { sha256: B } },
        ],
      }),
    code('statement-duplicate-subject'),
  );
  assert.throws(() => sample({ source: { repository: 'not a repo' } }), code('statement-malformed'));
  assert.throws(() => sample({ data: { extra: 1 } }), code('statement-unknown-field'));
  assert.throws(() => sample({ issuedAt: new Date(Number.NaN) }), code('bad-time'));
});

test('parseStatement: wrong _type or predicateType is unsupported', () => {
  rejectsWith(
    mutated((j) => (j._type = 'https://in-toto.io/Statement/v0.1')),
    'statement-unsupported-type',
    /_type/,
  );
  rejectsWith(
    mutated((j) => (j.predicateType = 'https://slsa.dev/provenance/v1')),
    'statement-unsupported-type',
    /predicateType/,
  );
});

test('parseStatement: unknown fields at every level', () => {
  rejectsWith(
    mutated((j) => (j.extra = 1)),
    'statement-unknown-field',
    /\$: unknown field "extra"/,
  );
  rejectsWith(
    mutated((j) => (j.predicate.note = 'x')),
    'statement-unknown-field',
    /\$\.predicate: /,
  );
  rejectsWith(
    mutated((j) => (j.subject[0].uri = 'x')),
    'statement-unknown-field',
    /\$\.subject\[0\]: /,
  );
  rejectsWith(
    mutated((j) => (j.subject[0].digest.sha512 = 'ab')),
    'statement-unknown-field',
    /digest/,
  );
  rejectsWith(
    mutated((j) => (j.predicate.source.branch = 'main')),
    'statement-unknown-field',
    /source/,
  );
  rejectsWith(
    mutated((j) => (j.predicate.data = { anything: true })),
    'statement-unknown-field',
    /data/,
  );
  rejectsWith(new TextEncoder().encode('{"__proto__":{}}'), 'statement-unknown-field');
});

test('parseStatement: subject deviations', () => {
  rejectsWith(
    mutated((j) => (j.subject[1].name = j.subject[0].name)),
    'statement-duplicate-subject',
  );
  rejectsWith(
    mutated((j) => j.subject.reverse()),
    'statement-unsorted-subjects',
  );
  rejectsWith(
    mutated((j) => (j.subject = [])),
    'statement-malformed',
    /at least one subject/,
  );
  rejectsWith(
    mutated((j) => (j.subject[0].name = '')),
    'statement-malformed',
  );
  rejectsWith(
    mutated((j) => (j.subject[0].name = '../etc/passwd')),
    'statement-malformed',
  );
  rejectsWith(
    mutated((j) => (j.subject[0].name = 'cafe\u0301')),
    'statement-malformed',
    /NFC/,
  );
  rejectsWith(
    mutated((j) => (j.subject[0].digest.sha256 = A.toUpperCase())),
    'statement-malformed',
  );
  rejectsWith(
    mutated((j) => (j.subject[0].digest.sha256 = 'a'.repeat(63))),
    'statement-malformed',
  );
  rejectsWith(
    mutated((j) => (j.subject[0].digest = {})),
    'statement-malformed',
    /missing field "sha256"/,
  );
  assert.throws(
    () => parseStatement(serializeStatement(sample()), 'statement.json', { maxBytes: 1 << 20, maxSubjects: 1 }),
    /at most 1 subjects/,
  );
});

test('parseStatement: predicate deviations', () => {
  rejectsWith(
    mutated((j) => (j.predicate.version = 0)),
    'statement-malformed',
  );
  rejectsWith(
    mutated((j) => (j.predicate.version = 1.5)),
    'statement-malformed',
  );
  rejectsWith(
    mutated((j) => (j.predicate.version = '7')),
    'statement-malformed',
  );
  rejectsWith(
    mutated((j) => (j.predicate.kind = 'firmware')),
    'statement-unknown-kind',
  );
  rejectsWith(
    mutated((j) => (j.predicate.stream = 'nostream')),
    'statement-malformed',
  );
  rejectsWith(
    mutated((j) => (j.predicate.expiresAt = j.predicate.issuedAt)),
    'statement-bad-time',
  );
  rejectsWith(
    mutated((j) => (j.predicate.expiresAt = '2027-03-01T12:00:00Z')),
    'statement-bad-time',
    /366 days/,
  );
  rejectsWith(
    mutated((j) => (j.predicate.issuedAt = '2025-03-01T12:00:00.000Z')),
    'statement-malformed',
  );
  rejectsWith(
    mutated((j) => (j.predicate.issuedAt = '2025-02-30T12:00:00Z')),
    'statement-malformed',
  );
  rejectsWith(
    mutated((j) => (j.predicate.issuedAt = '2025-03-01T12:00:00+00:00')),
    'statement-malformed',
  );
  rejectsWith(
    mutated((j) => delete j.predicate.source),
    'statement-malformed',
    /missing field "source"/,
  );
  rejectsWith(
    mutated((j) => (j.predicate.source.commit = 'xyz')),
    'statement-malformed',
  );
});

test('parseStatement: strict JSON (unsafe integer, duplicate key, size, not UTF-8)', () => {
  const text = new TextDecoder().decode(serializeStatement(sample()));
  const enc = (t: string) => new TextEncoder().encode(t);
  assert.throws(() => parseStatement(enc(text.replace('"version":7', '"version":9007199254740993')), 's'), {
    code: 'number-out-of-range',
  });
  assert.throws(() => parseStatement(enc(text.replace('"version":7', '"version":7,"version":8')), 's'), {
    code: 'duplicate-key',
  });
  assert.throws(() => parseStatement(enc(text), 's', { maxBytes: 100, maxSubjects: 10 }), { code: 'too-large' });
  assert.throws(() => parseStatement(new Uint8Array([0x7b, 0xff, 0x7d]), 's'), { code: 'malformed-json' });
  assert.throws(() => parseStatement(enc('[]'), 's'), { code: 'statement-malformed' });
});

test('fleet-key statement: subjects are SPKI digests, data lists the keys', () => {
  const pem = (type: 'ed25519' | 'ec', opts = {}) =>
    generateKeyPairSync(type as 'ed25519', opts).publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const list = [
    { id: 'hsm-us-01', algorithm: 'ecdsa-p256', publicKey: pem('ec', { namedCurve: 'P-256' }) },
    { id: 'hsm-eu-01', algorithm: 'ed25519', publicKey: pem('ed25519') },
  ];
  const parts = fleetKeyStatementParts(parseFleetKeys(new TextEncoder().encode(JSON.stringify(list)), 'keys.json'));
  const s = sample({ kind: 'fleet-key', subjects: parts.subjects, data: parts.data });
  assert.deepEqual(s.predicate.data, {
    keys: [
      { id: 'hsm-eu-01', algorithm: 'ed25519' },
      { id: 'hsm-us-01', algorithm: 'ecdsa-p256' },
    ],
  });
  assert.deepEqual(parseStatement(serializeStatement(s), 'statement.json'), s);
  // data must match the subjects exactly.
  const json = JSON.parse(new TextDecoder().decode(serializeStatement(s)));
  json.predicate.data.keys[0].id = 'hsm-xx-01';
  rejectsWith(new TextEncoder().encode(JSON.stringify(json)), 'statement-malformed', /expected the name of subject 0/);
  json.predicate.data.keys = [json.predicate.data.keys[1]];
  rejectsWith(new TextEncoder().encode(JSON.stringify(json)), 'statement-malformed');
});

test('sourceFromGitHubEnv', () => {
  assert.deepEqual(sourceFromGitHubEnv({}), {});
  assert.deepEqual(
    sourceFromGitHubEnv({
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_SHA: 'd'.repeat(40),
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '123',
      GITHUB_RUN_ATTEMPT: '2',
    }),
    {
      repository: 'acme/app',
      commit: 'd'.repeat(40),
      workflowRun: 'https://github.com/acme/app/actions/runs/123/attempts/2',
    },
  );
  assert.deepEqual(sourceFromGitHubEnv({ GITHUB_SHA: 'd'.repeat(40) }), { commit: 'd'.repeat(40) });
});

test('parseDuration', () => {
  assert.equal(parseDuration('30d'), 30 * 86_400);
  assert.equal(parseDuration('12h'), 43_200);
  assert.equal(parseDuration('90m'), 5_400);
  assert.equal(parseDuration('3600s'), 3_600);
  assert.equal(parseDuration('2w'), 1_209_600);
  for (const bad of ['', '30', 'd', '0d', '-1d', '1.5h', '1h30m', ' 1d', '1d ', '01d', '1D', '1y', '12345678901s']) {
    assert.throws(
      () => parseDuration(bad, '--expires-in'),
      (err: unknown) =>
        err instanceof InputError && err.code === 'bad-duration' && err.message.startsWith('--expires-in: '),
      bad,
    );
  }
});

test('parseFleetKeys: refuses duplicates, mismatched algorithms and anything but a canonical SPKI', () => {
  const ed = generateKeyPairSync('ed25519');
  const edPem = ed.publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const parse = (list: unknown) => parseFleetKeys(new TextEncoder().encode(JSON.stringify(list)), 'keys.json');
  const code = (c: string, pattern?: RegExp) => (err: unknown) =>
    err instanceof InputError &&
    err.code === c &&
    err.message.startsWith('keys.json: ') &&
    (!pattern || pattern.test(err.message));
  const key = (over: Record<string, unknown> = {}) => ({ id: 'k1', algorithm: 'ed25519', publicKey: edPem, ...over });

  assert.equal(parse([key()])[0]?.spki.length, 44);
  assert.throws(() => parse([]), code('fleet-keys-malformed', /at least one key/));
  assert.throws(() => parse([key(), key()]), code('fleet-keys-duplicate', /duplicate key id "k1"/));
  assert.throws(() => parse([key(), key({ id: 'k2' })]), code('fleet-keys-duplicate', /same key as "k1"/));
  assert.throws(
    () => parse([key({ algorithm: 'ecdsa-p256' })]),
    code('fleet-keys-bad-key', /algorithm says ecdsa-p256, the key is ed25519/),
  );
  assert.throws(() => parse([key({ algorithm: 'dsa' })]), code('fleet-keys-malformed'));
  assert.throws(() => parse([key({ id: '../x' })]), code('fleet-keys-malformed'));
  assert.throws(() => parse([key({ extra: 1 })]), code('fleet-keys-malformed', /unknown field "extra"/));
  // A private key would parse with createPublicKey (it derives the public key): refused by the PEM label.
  const privatePem = ed.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  assert.throws(() => parse([key({ publicKey: privatePem })]), code('fleet-keys-malformed', /PUBLIC KEY/));
  assert.throws(() => parse([key({ publicKey: edPem + edPem })]), code('fleet-keys-malformed'));
  assert.throws(
    () => parse([key({ publicKey: '-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n' })]),
    code('fleet-keys-bad-key', /not a valid SubjectPublicKeyInfo/),
  );
  // A compressed EC point is a valid SPKI but not the canonical encoding of the key.
  const uncompressed = ec.publicKey.export({ type: 'spki', format: 'der' });
  const jwk = ec.publicKey.export({ format: 'jwk' });
  const x = Buffer.from(jwk.x as string, 'base64url');
  const y = Buffer.from(jwk.y as string, 'base64url');
  const header = Buffer.from('3039301306072a8648ce3d020106082a8648ce3d030107032200', 'hex');
  const compressed = Buffer.concat([header, Buffer.from([2 + ((y[31] as number) & 1)]), x]);
  assert.equal(uncompressed.length, 91);
  const toPem = (d: Buffer) =>
    `-----BEGIN PUBLIC KEY-----\n${d.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----\n`;
  assert.throws(
    () => parse([key({ algorithm: 'ecdsa-p256', publicKey: toPem(compressed) })]),
    code('fleet-keys-bad-key', /canonical/),
  );
  assert.equal(parse([key({ algorithm: 'ecdsa-p256', publicKey: toPem(uncompressed) })])[0]?.algorithm, 'ecdsa-p256');
});
