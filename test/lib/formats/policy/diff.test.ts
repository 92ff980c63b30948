// Issue 13 finding 1 (spec/ROTATION.md §3.1): what a rotation changes, field by field, in words
// (formats/policy/diff.ts, diff-text.ts), and when a new policy keeps an organisation in
// control (formats/policy/control.ts), the one condition of the service's unsafe opt-in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildPolicy, parsePolicy, type Policy } from '../../../../src/lib/formats/policy/index.ts';
import type { PolicyCountersignerInput, PolicyInput } from '../../../../src/lib/formats/policy/build.ts';
import { diffPolicies, type PolicyChange } from '../../../../src/lib/formats/policy/diff.ts';
import { escapeUnusual, quote, renderPolicyDiff } from '../../../../src/lib/formats/policy/diff-text.ts';
import { controlChanges, keepsOrganisationControl } from '../../../../src/lib/formats/policy/control.ts';
import { makeKey, type TestKey } from '../../../../tools/flow.ts';

const TRUSTED_ROOT_FILE = fileURLToPath(
  new URL('../../../../spec/vectors/happy-path-tsa/trusted_root.json', import.meta.url),
);
const trustedRoot = JSON.parse(await readFile(TRUSTED_ROOT_FILE, 'utf8')) as Record<string, unknown>;
const IDENTITY = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';

const b = makeKey('b-release', 'Org B');
const b2 = makeKey('b-backup', 'Org B');
const c = makeKey('c-release', 'Org C');
const d = makeKey('d-release', 'Org D');
const aRogue = makeKey('b-release', 'Org B'); // A's own key, dressed as B's
const recovery = makeKey('b-recovery', 'Org B');
const logKey = makeKey('b-log', 'Org B');

type KeyOptions = Omit<PolicyCountersignerInput, 'name' | 'organisation' | 'publicKeyPem'>;
const key = (k: TestKey, o: KeyOptions & { organisation?: string } = {}): PolicyCountersignerInput => ({
  name: k.name,
  organisation: k.organisation,
  publicKeyPem: k.publicKeyPem,
  ...o,
});

const PIN = { repository: 'acme/app', repositoryId: '123', repositoryOwnerId: '456' };

function policy(o: Partial<PolicyInput> = {}): Policy {
  const input: PolicyInput = {
    version: 1,
    issuer: ISSUER,
    identity: IDENTITY,
    githubClaims: PIN,
    trustedRoot,
    countersigners: [key(b, { validUntil: new Date('2027-01-01T00:00:00Z') }), key(c)],
    threshold: 2,
    kinds: ['binary-digest', 'authority-rotation'],
    streams: ['acme/app:stable', 'acme/app:policy'],
    ...o,
  };
  return parsePolicy(JSON.stringify(buildPolicy(input)), 'test policy');
}

const current = policy();
const paths = (changes: readonly PolicyChange[]) => changes.map((ch) => `${ch.action} ${ch.path}`);
const lines = (next: Policy, from = current) => renderPolicyDiff(diffPolicies(from, next));

test('policy diff: two policies that say the same thing have no changes', () => {
  const diff = diffPolicies(current, policy());
  assert.deepEqual(diff.changes, []);
  assert.equal(diff.from.trustedRootDigest, diff.to.trustedRootDigest);
  assert.deepEqual(renderPolicyDiff(diff), ['no changes: the two policies say the same thing']);
  // Key order in the trusted root is not a change (its digest is of the canonical form).
  const reordered = Object.fromEntries(Object.entries(trustedRoot).reverse());
  assert.deepEqual(diffPolicies(current, policy({ trustedRoot: reordered })).changes, []);
});

test('policy diff: the version and the primary signer (issuer, identity, pattern, each GitHub claim)', () => {
  const next = policy({
    version: 2,
    issuer: 'https://issuer.example',
    identity: undefined,
    identityPattern: '^https://github\\.com/acme/.*$',
    githubClaims: { ...PIN, repositoryId: '42', ref: 'refs/heads/main' },
  });
  assert.deepEqual(paths(diffPolicies(current, next).changes), [
    'changed version',
    'changed primary.issuer',
    'removed primary.identity',
    'added primary.identityPattern',
    'changed primary.githubClaims.repositoryId',
    'added primary.githubClaims.ref',
  ]);
  const text = lines(next);
  assert.ok(text.includes('policy version: changed from 1 to 2'), text.join('\n'));
  assert.ok(text.includes(`primary signer's exact identity: removed "${IDENTITY}"`));
  assert.ok(
    text.includes(
      'primary signer\'s identity pattern (a regular expression): added "^https://github\\\\.com/acme/.*$"',
    ),
    text.join('\n'),
  );
  assert.ok(
    text.includes('primary signer\'s pinned GitHub claim repositoryId: changed from "123" to "42"'),
    text.join('\n'),
  );
  assert.ok(text.includes('primary signer\'s pinned GitHub claim ref: added "refs/heads/main"'));
});

test('F9 policy diff: dropping the source-repository pin for the explicit opt-out is said in words', () => {
  const next = policy({ version: 2, githubClaims: { repository: 'acme/app' }, unsafeNoSourceRepositoryPin: true });
  assert.deepEqual(paths(diffPolicies(current, next).changes), [
    'changed version',
    'removed primary.githubClaims.repositoryId',
    'removed primary.githubClaims.repositoryOwnerId',
    'added primary.unsafeNoSourceRepositoryPin',
  ]);
  assert.ok(
    lines(next).includes(
      'primary signer\'s opt-out of the source-repository pin (any repository calling the workflow may sign): added "true"',
    ),
    lines(next).join('\n'),
  );
});

test('policy diff: countersigner keys by key id (added, removed, organisation, name, validity, log requirement) and the organisations that count', () => {
  const next = policy({
    countersigners: [
      key(b, {
        organisation: 'Org A',
        validUntil: new Date('2028-01-01T00:00:00Z'),
        log: { origin: 'countersign.b.example/b', publicKeyPem: logKey.publicKeyPem },
      }),
      key(d),
    ],
  });
  const changes = diffPolicies(current, next).changes;
  assert.deepEqual(paths(changes), [
    `changed countersigners[${b.keyId}].organisation`,
    `changed countersigners[${b.keyId}].validUntil`,
    `added countersigners[${b.keyId}].log`,
    `removed countersigners[${c.keyId}]`,
    `added countersigners[${d.keyId}]`,
    'removed countersigners.organisations',
    'removed countersigners.organisations',
    'added countersigners.organisations',
    'added countersigners.organisations',
  ]);
  const text = lines(next).join('\n');
  assert.match(text, new RegExp(`organisation of countersigner key ${b.keyId}: changed from "Org B" to "Org A"`));
  assert.match(
    text,
    new RegExp(`validUntil of countersigner key ${b.keyId}: changed from 2027-01-01T00:00:00Z to 2028-01-01T00:00:00Z`),
  );
  assert.match(
    text,
    /log requirement of countersigner key sha256:[0-9a-f]{64}: added \(origin "countersign.b.example\/b", keyId sha256:/,
  );
  assert.match(
    text,
    new RegExp(
      `countersigner keys: removed key "c-release" ${c.keyId} of organisation "Org C", valid at any time, no log requirement`,
    ),
  );
  assert.match(text, new RegExp(`countersigner keys: added key "d-release" ${d.keyId} of organisation "Org D"`));
  assert.match(text, /organisations that count towards the countersignature threshold: added "Org A"/);
  // A key replaced under the same name and organisation is one key removed and another added.
  const replaced = diffPolicies(current, policy({ countersigners: [key(aRogue), key(c)] })).changes;
  assert.deepEqual(paths(replaced), [`removed countersigners[${b.keyId}]`, `added countersigners[${aRogue.keyId}]`]);
});

test('policy diff: the threshold, the fallback set (added, its keys, its threshold), kinds, streams and limits', () => {
  const next = policy({
    threshold: 1,
    fallback: { countersigners: [key(recovery)], threshold: 1 },
    kinds: ['authority-rotation', 'config-change'],
    streams: ['acme/app:policy', 'acme/app:beta'],
    limits: { maxBundleBytes: 2048, clockSkewSeconds: 60 },
  });
  assert.deepEqual(paths(diffPolicies(current, next).changes), [
    'changed threshold',
    'added fallback',
    `added fallback.countersigners[${recovery.keyId}]`,
    'added fallback.organisations',
    'added fallback.threshold',
    'removed kinds',
    'added kinds',
    'removed streams',
    'added streams',
    'changed limits.maxBundleBytes',
    'changed limits.clockSkewSeconds',
  ]);
  const text = lines(next).join('\n');
  assert.match(text, /countersignature threshold \(distinct organisations required\): changed from 2 to 1/);
  assert.match(
    text,
    /emergency fallback signer set \(may authorise authority rotations\): added \(threshold 1, keys 1\)/,
  );
  assert.match(
    text,
    new RegExp(`emergency fallback keys: added key "b-recovery" ${recovery.keyId} of organisation "Org B"`),
  );
  assert.match(text, /allowed statement kinds: removed "binary-digest"/);
  assert.match(text, /allowed streams: added "acme\/app:beta"/);
  assert.match(text, /limit maxBundleBytes: changed from 4194304 to 2048/);
  // And back: the fallback set removed.
  assert.deepEqual(
    paths(diffPolicies(next, current).changes).filter((p) => p.includes('fallback')),
    [
      'removed fallback',
      `removed fallback.countersigners[${recovery.keyId}]`,
      'removed fallback.organisations',
      'removed fallback.threshold',
    ],
  );
});

test("policy diff: the trusted root by digest and by authority (a log's URL and key, a CA added, a TSA removed, another field)", () => {
  const root = structuredClone(trustedRoot) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  root.tlogs[0].baseUrl = 'https://rekor.evil.example';
  root.tlogs[0].publicKey.validFor.end = '2030-01-01T00:00:00Z';
  root.certificateAuthorities.push({
    ...root.certificateAuthorities[0],
    uri: 'https://fulcio.evil.example',
    certChain: { certificates: [{ rawBytes: 'AAAA' }] },
  });
  root.timestampAuthorities = [];
  root.extra = 'x';
  const changes = diffPolicies(current, policy({ trustedRoot: root })).changes;
  assert.ok(changes.every((ch) => ch.area === 'trustedRoot'));
  assert.deepEqual(
    paths(changes).map((p) => p.replace(/sha256:[0-9a-f]{64}/, 'sha256:X').replace(/log [A-Za-z0-9+/=]+/, 'log X')),
    [
      'changed trustedRoot',
      'added trustedRoot.certificateAuthorities["certificate sha256:X"]',
      'removed trustedRoot.timestampAuthorities["certificate sha256:X"]',
      'changed trustedRoot.tlogs["log X"].baseUrl',
      'added trustedRoot.tlogs["log X"].validUntil',
      'added trustedRoot."extra"',
    ],
  );
  const text = lines(policy({ trustedRoot: root })).join('\n');
  assert.match(
    text,
    /^Sigstore trusted root \(digest of its content\): changed from sha256:[0-9a-f]{64} to sha256:[0-9a-f]{64}$/m,
  );
  assert.match(
    text,
    /baseUrl of Sigstore trusted root transparency log "log [^"]+": changed from "http:\/\/127\.0\.0\.1:\d+" to "https:\/\/rekor\.evil\.example"/,
  );
  assert.match(
    text,
    /Sigstore trusted root certificate authority "certificate sha256:[0-9a-f]{64}": added \(uri "https:\/\/fulcio\.evil\.example"/,
  );
  // A change the named fields do not cover still shows.
  const hidden = structuredClone(trustedRoot) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  hidden.tlogs[0].operator = 'someone else';
  assert.deepEqual(
    paths(diffPolicies(current, policy({ trustedRoot: hidden })).changes).map((p) =>
      p.replace(/"log [^"]+"/, '"log X"'),
    ),
    ['changed trustedRoot', 'changed trustedRoot.tlogs["log X"].otherFields'],
  );
});

test('policy diff in words: values quoted, every character outside printable ASCII escaped, nothing can break a line', () => {
  const cyrillic = 'Оrg B'; // a Cyrillic О
  // The parser refuses such names now (issue 13 F7, POLICY.md §3.5.2); the words escape them all the same.
  const parsed = policy({ countersigners: [key(b, { validUntil: new Date('2027-01-01T00:00:00Z') }), key(c)] });
  const renamed = [cyrillic, 'Org C\u202e"x\\'];
  const next: Policy = {
    ...parsed,
    countersigners: parsed.countersigners.map((k, i) => ({ ...k, organisation: renamed[i] ?? k.organisation })),
  };
  const text = lines(next);
  assert.ok(
    text.every((l) => /^[\x20-\x7e]*$/.test(l)),
    text.join('\n'),
  );
  assert.ok(
    text.some((l) => l.includes('changed from "Org B" to "\\u{41e}rg B"')),
    text.join('\n'),
  );
  assert.ok(
    text.some((l) => l.includes('"Org C\\u{202e}\\"x\\\\"')),
    text.join('\n'),
  );
  assert.equal(quote('a\nb'), '"a\\u{a}b"');
  assert.equal(escapeUnusual('\u2028\u200b\t'), '\\u{2028}\\u{200b}\\u{9}');
});

test("F1 keepsOrganisationControl: a rotation that only extends B's key validity keeps B in control", () => {
  const extended = policy({
    version: 2,
    countersigners: [key(b, { validUntil: new Date('2029-01-01T00:00:00Z') }), key(c)],
  });
  assert.deepEqual(controlChanges(current, extended, 'Org B'), []);
  assert.equal(keepsOrganisationControl(current, extended, 'Org B'), true);
  const unbounded = policy({ version: 2, countersigners: [key(b), key(c)] });
  assert.equal(keepsOrganisationControl(current, unbounded, 'Org B'), true);
});

test("F1 keepsOrganisationControl: a rotation that changes A's side is for a person (B's key alone must never come to suffice)", () => {
  const identity = policy({
    version: 2,
    identity: 'https://github.com/acme/app/.github/workflows/ship.yml@refs/heads/main',
  });
  assert.deepEqual(controlChanges(current, identity, 'Org B'), [
    'changes the primary identity (who may sign as organisation A)',
  ]);
  const streams = policy({ version: 2, streams: ['acme/app:stable', 'acme/app:policy', 'acme/app:beta'] });
  assert.deepEqual(controlChanges(current, streams, 'Org B'), ['changes the allowed streams']);
  assert.equal(keepsOrganisationControl(current, identity, 'Org B'), false);
});

test("F1 keepsOrganisationControl is false when B's key is replaced, the threshold changes, a fallback or an organisation is added", () => {
  const cases: [string, Policy, RegExp][] = [
    [
      'B\'s key replaced by A\'s own key named "Org B"',
      policy({ countersigners: [key(aRogue), key(c)] }),
      /removes countersigner key "b-release" .*; adds countersigner key "b-release" /,
    ],
    ['threshold lowered', policy({ threshold: 1 }), /changes the countersignature threshold from 2 to 1/],
    [
      'a fallback signer added',
      policy({ fallback: { countersigners: [key(d)], threshold: 1 } }),
      /adds an emergency fallback signer set/,
    ],
    [
      'an organisation added',
      policy({ countersigners: [key(b, { validUntil: new Date('2027-01-01T00:00:00Z') }), key(c), key(d)] }),
      /adds countersigner key "d-release"/,
    ],
    [
      'a second key of B added',
      policy({ countersigners: [key(b, { validUntil: new Date('2027-01-01T00:00:00Z') }), key(b2), key(c)] }),
      /adds countersigner key "b-backup"/,
    ],
    [
      "B's key moved to another organisation",
      policy({
        countersigners: [key(b, { organisation: 'Org A', validUntil: new Date('2027-01-01T00:00:00Z') }), key(c)],
      }),
      /moves countersigner key .* to organisation "Org A"/,
    ],
    [
      "B's validity narrowed",
      policy({ countersigners: [key(b, { validUntil: new Date('2026-06-01T00:00:00Z') }), key(c)] }),
      /narrows the validity/,
    ],
    [
      "B's log requirement added",
      policy({
        countersigners: [
          key(b, {
            validUntil: new Date('2027-01-01T00:00:00Z'),
            log: { origin: 'x.example/b', publicKeyPem: logKey.publicKeyPem },
          }),
          key(c),
        ],
      }),
      /changes the log requirement/,
    ],
    [
      "another organisation's key window changed",
      policy({
        countersigners: [
          key(b, { validUntil: new Date('2027-01-01T00:00:00Z') }),
          key(c, { validFrom: new Date('2020-01-01T00:00:00Z') }),
        ],
      }),
      /changes the validity of .*another organisation's key/,
    ],
  ];
  for (const [name, next, reason] of cases) {
    assert.equal(keepsOrganisationControl(current, next, 'Org B'), false, name);
    assert.match(controlChanges(current, next, 'Org B').join('; '), reason, name);
  }
  // Of an organisation with no key, nothing is kept; a change of the fallback set is a change.
  assert.equal(keepsOrganisationControl(current, current, 'Org Z'), false);
  const withFallback = policy({ fallback: { countersigners: [key(recovery)], threshold: 1 } });
  assert.equal(keepsOrganisationControl(withFallback, withFallback, 'Org B'), true);
  assert.equal(keepsOrganisationControl(withFallback, current, 'Org B'), false);
  assert.equal(
    keepsOrganisationControl(
      withFallback,
      policy({ fallback: { countersigners: [key(recovery), key(d)], threshold: 1 } }),
      'Org B',
    ),
    false,
  );
});
