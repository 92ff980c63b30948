// The witness requirement in a policy (spec/POLICY.md §3.5.3, src/lib/formats/policy/witnesses.ts):
// strict parse (unknown fields, duplicate witness names or keys, a threshold outside 1..n, a
// key of another type, an age outside its range, too many keys: each refused with its code and
// the line of the value), and a rotation that changes it is a change (describe, diff, control).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { verifierKey } from '../../../../src/lib/checks/log/note.ts';
import { cosignerVerifierKey } from '../../../../src/lib/formats/log/cosignature.ts';
import { buildPolicy, describePolicy, parsePolicy } from '../../../../src/lib/formats/policy/index.ts';
import { controlChanges } from '../../../../src/lib/formats/policy/control.ts';
import { diffPolicies } from '../../../../src/lib/formats/policy/diff.ts';

const TRUSTED_ROOT_FILE = fileURLToPath(
  new URL('../../../../spec/vectors/artifact-missing_fail/trusted_root.json', import.meta.url),
);
const trustedRoot = JSON.parse(await readFile(TRUSTED_ROOT_FILE, 'utf8')) as Record<string, unknown>;

function newKey(): { pem: string; raw: Uint8Array } {
  const { publicKey } = generateKeyPairSync('ed25519');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const raw = new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url'));
  return { pem, raw };
}
const keyB = newKey();
const logKey = newKey();
const [w1, w2, w3] = [newKey(), newKey(), newKey()];
const vkey = (name: string, k: { raw: Uint8Array }) => cosignerVerifierKey(name, k.raw);

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function policyText(witnesses: unknown): string {
  const doc = buildPolicy({
    identity: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
    githubClaims: { repository: 'acme/app', repositoryId: '123', repositoryOwnerId: '456' },
    trustedRoot: structuredClone(trustedRoot),
    countersigners: [
      { name: 'b', organisation: 'B', publicKeyPem: keyB.pem, log: { origin: 'b.test/log', publicKeyPem: logKey.pem } },
    ],
    streams: ['acme/app:stable'],
  }) as Doc;
  if (witnesses !== undefined) doc.countersigners[0].log.witnesses = witnesses;
  return JSON.stringify(doc, null, 2);
}

const good = { threshold: 2, keys: [vkey('w1.test/w', w1), vkey('w2.test/w', w2)], maxAgeSeconds: 86_400 };

test('a policy with a witness requirement parses into names, keys, threshold and age', () => {
  const policy = parsePolicy(policyText(good), 'policy.json');
  const log = policy.countersigners[0]?.log;
  assert.equal(log?.witnesses?.threshold, 2);
  assert.equal(log.witnesses.maxAgeSeconds, 86_400);
  assert.deepEqual(
    log.witnesses.witnesses.map((w) => [w.name, Buffer.from(w.rawPublicKey).toString('hex')]),
    [
      ['w1.test/w', Buffer.from(w1.raw).toString('hex')],
      ['w2.test/w', Buffer.from(w2.raw).toString('hex')],
    ],
  );
  assert.match(describePolicy(policy), /cosigned by 2 of 2 witness\(es\) w1\.test\/w\+/);
});

test('the witness requirement is parsed strictly: each problem with its code and the line of the value', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['unknown field', { ...good, quorum: 1 }, 'policy-unknown-field', /witnesses\.quorum/],
    ['no keys', { threshold: 1, keys: [] }, 'policy-malformed', /keys: expected at least one item/],
    ['threshold 0', { ...good, threshold: 0 }, 'policy-threshold', /from 1 to 2/],
    ['threshold above n', { ...good, threshold: 3 }, 'policy-threshold', /from 1 to 2/],
    ['threshold not an integer', { ...good, threshold: '2' }, 'policy-threshold', /found the string "2"/],
    [
      'the same name twice',
      { threshold: 1, keys: [vkey('w.test/w', w1), vkey('w.test/w', w2)] },
      'policy-duplicate-entry',
      /each witness name once/,
    ],
    [
      'one key under two names',
      { threshold: 2, keys: [vkey('w1.test/w', w1), vkey('w9.test/w', w1)] },
      'policy-duplicate-entry',
      /each witness public key once/,
    ],
    [
      'a log (type 0x01) key',
      { threshold: 1, keys: [verifierKey('w1.test/w', w1.raw)] },
      'policy-bad-key',
      /type 0x04/,
    ],
    [
      'a wrong key hash',
      { threshold: 1, keys: [vkey('w1.test/w', w1).replace(/\+[0-9a-f]{8}\+/, '+00000000+')] },
      'policy-bad-key',
      /key hash/,
    ],
    ['not a vkey', { threshold: 1, keys: ['w1.test/w'] }, 'policy-bad-key', /not of the form/],
    ['age below a minute', { ...good, maxAgeSeconds: 59 }, 'policy-limit-out-of-range', /from 60/],
    ['age above a year', { ...good, maxAgeSeconds: 367 * 86_400 }, 'policy-limit-out-of-range', /from 60/],
    [
      'more than 32 keys',
      { threshold: 1, keys: Array.from({ length: 33 }, (_, i) => vkey(`w${i}.test/w`, newKey())) },
      'policy-malformed',
      /at most 32/,
    ],
  ];
  for (const [name, witnesses, code, message] of cases) {
    const text = policyText(witnesses);
    assert.throws(
      () => parsePolicy(text, 'policy.json'),
      (err: Error & { code?: string }) => {
        assert.equal(err.code, code, `${name}: ${err.message}`);
        assert.match(err.message, message, name);
        // The line of the value, inside the witnesses object, not the countersigner's.
        const line = Number(/^policy\.json:(\d+):/.exec(err.message)?.[1]);
        const at = text.split('\n').findIndex((l) => l.includes('"witnesses"')) + 1;
        assert.ok(line >= at, `${name}: line ${line} is not inside witnesses (line ${at})`);
        return true;
      },
    );
  }
});

test('a rotation that changes the witness requirement is a change: in the diff, and not one a machine may countersign', () => {
  const before = parsePolicy(policyText(good), 'before');
  const after = parsePolicy(policyText({ ...good, threshold: 1 }), 'after');
  const swapped = parsePolicy(policyText({ ...good, keys: [vkey('w1.test/w', w1), vkey('w2.test/w', w3)] }), 'swap');
  const none = parsePolicy(policyText(undefined), 'none');
  for (const next of [after, swapped, none]) {
    const changes = diffPolicies(before, next).changes;
    assert.ok(
      changes.some((c) => c.path.endsWith('.log')),
      JSON.stringify(changes),
    );
    assert.ok(controlChanges(before, next, 'B').length > 0, 'not a change that keeps B as it was');
  }
  assert.deepEqual(diffPolicies(before, parsePolicy(policyText(good), 'same')).changes, []);
});

test("a witness key that is the log's own key or a countersigner key is refused: the log's operator would witness itself", () => {
  // B holds its log key and its countersigning key: a "witness" with either key is B alone,
  // and the split-view protection of k witnesses would be B's word.
  const cases: [string, { raw: Uint8Array }][] = [
    ["the log's own key", logKey],
    ["B's countersigner key", keyB],
  ];
  for (const [name, key] of cases) {
    const text = policyText({ threshold: 1, keys: [vkey('w1.test/w', w1), vkey('w.test/self', key)] });
    assert.throws(
      () => parsePolicy(text, 'policy.json'),
      (err: Error & { code?: string }) => {
        assert.equal(err.code, 'policy-bad-key', `${name}: ${err.message}`);
        assert.match(err.message, /witnesses\.keys\[1\]/, name);
        assert.match(err.message, /not a countersigner or log key/, name);
        return true;
      },
      name,
    );
  }
});

test('a witness key that is a fallback key is refused too: the fallback set is the operator as much as its countersigners', () => {
  const fallbackKey = newKey();
  const doc = JSON.parse(
    policyText({ threshold: 1, keys: [vkey('w1.test/w', w1), vkey('w.test/f', fallbackKey)] }),
  ) as Doc;
  const { log: _log, ...template } = doc.countersigners[0] as Doc;
  doc.kinds = [...new Set([...(doc.kinds as string[]), 'authority-rotation'])];
  doc.fallback = {
    countersigners: [
      {
        ...template,
        name: 'b-fallback',
        publicKey: fallbackKey.pem,
        keyId: `sha256:${createHash('sha256').update(fallbackKey.raw).digest('hex')}`,
      },
    ],
    threshold: 1,
  };
  assert.throws(
    () => parsePolicy(JSON.stringify(doc, null, 2), 'policy.json'),
    (err: Error & { code?: string }) => {
      assert.equal(err.code, 'policy-bad-key', err.message);
      assert.match(err.message, /countersigners\[0\]\.log\.witnesses\.keys\[1\]/);
      assert.match(err.message, /fallback\.countersigners\[0\]\.publicKey/);
      return true;
    },
  );
  // The same policy with an independent witness parses: the refusal is about the key.
  doc.countersigners[0].log.witnesses = { threshold: 1, keys: [vkey('w1.test/w', w1)] };
  assert.equal(parsePolicy(JSON.stringify(doc, null, 2), 'policy.json').fallback?.countersigners.length, 1);
});
