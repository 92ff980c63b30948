// The policy file (spec/POLICY.md): a round trip through `policy init`, and every rejection
// rule with its stable code, including line numbers in the messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PolicyError } from '../../../../src/lib/basics/errors/errors.ts';
import {
  POLICY_DEFAULT_LIMITS,
  buildPolicy,
  describePolicy,
  loadPolicyFile,
  parsePolicy,
} from '../../../../src/lib/formats/policy/index.ts';
import { run } from '../../../../src/cli/policy.ts';

// Any valid Sigstore trusted root will do; this one is in the repository (the local stack's,
// pinned by the spec vectors), so the suite runs from any clone and from Stryker's sandbox.
const TRUSTED_ROOT_FILE = fileURLToPath(
  new URL('../../../../spec/vectors/artifact-missing_fail/trusted_root.json', import.meta.url),
);
const trustedRoot = JSON.parse(await readFile(TRUSTED_ROOT_FILE, 'utf8')) as Record<string, unknown>;
const IDENTITY = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';

function newKey(): { pem: string; keyId: string } {
  const { publicKey } = generateKeyPairSync('ed25519');
  const pem = publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
  return { pem, keyId: `sha256:${createHash('sha256').update(raw).digest('hex')}` };
}
const keyB = newKey();
const keyC = newKey();

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A valid policy document; `edit` mutates it before it is serialised (pretty, 2 spaces). */
function policyText(edit: (doc: Doc) => void = () => {}): string {
  const doc = buildPolicy({
    identity: IDENTITY,
    githubClaims: { repository: 'acme/app', repositoryId: '123', repositoryOwnerId: '456' },
    trustedRoot: structuredClone(trustedRoot),
    countersigners: [
      {
        name: 'b-release-2026',
        organisation: 'B',
        publicKeyPem: keyB.pem,
        validFrom: new Date('2026-01-01T00:00:00Z'),
        validUntil: new Date('2027-01-01T00:00:00Z'),
      },
      { name: 'c-release', organisation: 'C', publicKeyPem: keyC.pem },
    ],
    streams: ['acme/app:stable'],
  }) as Doc;
  edit(doc);
  return JSON.stringify(doc, null, 2);
}

/** The 1-based line of the first line of `text` containing `needle` (after `after`, if given). */
function lineOf(text: string, needle: string, after = ''): number {
  const start = after ? text.indexOf(after) : 0;
  return text.slice(0, text.indexOf(needle, start)).split('\n').length;
}

function rejects(text: string, code: string, message?: RegExp): PolicyError {
  let caught: unknown;
  try {
    parsePolicy(text, 'policy.json');
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof PolicyError, `expected a PolicyError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  assert.doesNotMatch(caught.message, /\n/, 'one line');
  if (message) assert.match(caught.message, message);
  return caught;
}

test('a valid policy parses into a frozen, typed object with default limits', () => {
  const policy = parsePolicy(policyText(), 'policy.json');
  assert.equal(policy.version, 1);
  assert.deepEqual(policy.primary, {
    issuer: 'https://token.actions.githubusercontent.com',
    identity: IDENTITY,
    githubClaims: { repository: 'acme/app', repositoryId: '123', repositoryOwnerId: '456' },
  });
  assert.equal(policy.countersigners.length, 2);
  const [b] = policy.countersigners;
  assert.equal(b?.keyId, keyB.keyId);
  assert.equal(b?.rawPublicKey.length, 32);
  assert.equal(b?.validFrom?.toISOString(), '2026-01-01T00:00:00.000Z');
  assert.equal(policy.threshold, 1);
  assert.deepEqual(policy.kinds, ['binary-digest']);
  assert.deepEqual(policy.limits, POLICY_DEFAULT_LIMITS);
  assert.deepEqual(policy.trustedRoot, trustedRoot);
  assert.ok(
    Object.isFrozen(policy) &&
      Object.isFrozen(policy.countersigners) &&
      Object.isFrozen(policy.primary) &&
      Object.isFrozen(policy.trustedRoot),
  );
  // Bytes and text parse alike.
  assert.deepEqual(parsePolicy(new TextEncoder().encode(policyText()), 'p'), parsePolicy(policyText(), 'p'));
});

test('limits: each optional, defaults filled in, caps on the caps', () => {
  const policy = parsePolicy(
    policyText((d) => (d.limits = { maxSubjects: 10 })),
    'p',
  );
  assert.deepEqual(policy.limits, { ...POLICY_DEFAULT_LIMITS, maxSubjects: 10 });
  assert.equal(
    parsePolicy(
      policyText((d) => (d.limits = {})),
      'p',
    ).limits.maxBundleBytes,
    4 * 1024 * 1024,
  );
  rejects(
    policyText((d) => (d.limits = { maxBundleBytes: 64 * 1024 * 1024 + 1 })),
    'policy-limit-out-of-range',
    /limits\.maxBundleBytes: expected an integer from 1024 to 67108864/,
  );
  rejects(
    policyText((d) => (d.limits = { clockSkewSeconds: -1 })),
    'policy-limit-out-of-range',
  );
  rejects(
    policyText((d) => (d.limits = { maxSubjects: 1.5 })),
    'policy-malformed',
  );
  rejects(
    policyText((d) => (d.limits = { maxSubjects: '10' })),
    'policy-malformed',
  );
  rejects(
    policyText((d) => (d.limits = { maxFiles: 10 })),
    'policy-unknown-field',
  );
});

test('key id mismatch: policy-key-mismatch, with the line of the keyId and both ids', () => {
  const wrong = `sha256:${'f'.repeat(64)}`;
  const text = policyText((d) => (d.countersigners[1].keyId = wrong));
  const err = rejects(text, 'policy-key-mismatch');
  const line = lineOf(text, '"keyId"', '"c-release"');
  assert.equal(
    err.message,
    `policy.json:${line}: countersigners[1].keyId: expected sha256 of the public key (${keyC.keyId}), found ${wrong}`,
  );
  // Another key's id is just as wrong (key confusion).
  rejects(
    policyText((d) => (d.countersigners[1].keyId = keyB.keyId)),
    'policy-key-mismatch',
  );
  rejects(
    policyText((d) => (d.countersigners[1].keyId = keyC.keyId.toUpperCase())),
    'policy-malformed',
  );
});

test('unknown fields are rejected at every level, with the line of the field', () => {
  const text = policyText((d) => (d.primary.workflow = 'release.yml'));
  const err = rejects(text, 'policy-unknown-field');
  assert.match(
    err.message,
    new RegExp(`^policy\\.json:${lineOf(text, '"workflow"')}: primary\\.workflow: unknown field`),
  );
  const top = policyText((d) => (d.recovery = {}));
  assert.match(
    rejects(top, 'policy-unknown-field').message,
    new RegExp(`^policy\\.json:${lineOf(top, '"recovery"')}: recovery: `),
  );
  rejects(
    policyText((d) => (d.countersigners[0].algorithm = 'ed25519')),
    'policy-unknown-field',
    /countersigners\[0\]\.algorithm/,
  );
  rejects(
    policyText((d) => (d.primary.githubClaims.workflowRef = 'x')),
    'policy-unknown-field',
    /primary\.githubClaims\.workflowRef/,
  );
  rejects(
    policyText((d) => (d['odd key'] = 1)),
    'policy-unknown-field',
    /\["odd key"\]/,
  );
  // The trusted root's content belongs to the Sigstore loader: extra fields pass here.
  parsePolicy(
    policyText((d) => (d.trustedRoot.somethingNew = [1])),
    'p',
  );
});

test('malformed JSON and duplicate keys fail with the line of the problem', () => {
  const text = policyText();
  const dup = text.replace('"threshold": 1,', '"threshold": 1,\n  "threshold": 2,');
  assert.match(
    rejects(dup, 'policy-duplicate-json-key').message,
    new RegExp(`^policy\\.json:${lineOf(dup, '"threshold"') + 1}: duplicate key "threshold"`),
  );
  const broken = text.replace('"kinds": [', '"kinds": [,');
  assert.match(
    rejects(broken, 'policy-malformed').message,
    new RegExp(`^policy\\.json:${lineOf(broken, '"kinds"')}: `),
  );
  rejects('', 'policy-malformed');
  rejects(text.replace('"version": 1', '"version": 9007199254740993'), 'policy-malformed');
  rejects(new Uint8Array([0x7b, 0xff, 0x7d]) as unknown as string, 'policy-malformed', /UTF-8/);
  rejects(' '.repeat(1024 * 1024 + 1), 'policy-too-large');
  rejects('[]', 'policy-malformed', /expected an object/);
});

test('media type and version', () => {
  rejects(
    policyText((d) => (d.mediaType = 'application/vnd.countersign.policy.v2+json')),
    'policy-unsupported-version',
    /mediaType: expected application\/vnd\.countersign\.policy\.v1\+json/,
  );
  // A later format with fields v1 does not know is reported as a version, not a field, problem.
  rejects(
    policyText((d) => Object.assign(d, { mediaType: 'application/vnd.countersign.policy.v2+json', fallback: {} })),
    'policy-unsupported-version',
  );
  rejects(
    policyText((d) => (d.mediaType = 1)),
    'policy-unsupported-version',
  );
  rejects(
    policyText((d) => delete d.mediaType),
    'policy-malformed',
    /missing field "mediaType"/,
  );
  for (const v of [0, -1, 1.5, '1', null])
    rejects(
      policyText((d) => (d.version = v)),
      'policy-malformed',
      /version: /,
    );
  assert.equal(
    parsePolicy(
      policyText((d) => (d.version = 7)),
      'p',
    ).version,
    7,
  );
});

test('primary: issuer, exactly one of identity or identityPattern, anchored patterns, claims', () => {
  rejects(
    policyText((d) => (d.primary.issuer = 'http://token.actions.githubusercontent.com')),
    'policy-malformed',
    /primary\.issuer: expected an https URL/,
  );
  rejects(
    policyText((d) => delete d.primary.issuer),
    'policy-malformed',
    /missing field "issuer"/,
  );
  const both = policyText((d) => (d.primary.identityPattern = '^https://github\\.com/acme/.*$'));
  assert.match(
    rejects(both, 'policy-ambiguous').message,
    new RegExp(`^policy\\.json:${lineOf(both, '"identityPattern"')}: primary\\.identityPattern: `),
  );
  rejects(
    policyText((d) => delete d.primary.identity),
    'policy-malformed',
    /missing field "identity"/,
  );
  rejects(
    policyText((d) => (d.primary.identity = '')),
    'policy-malformed',
  );

  const withPattern = (pattern: string): string =>
    policyText((d) => {
      delete d.primary.identity;
      d.primary.identityPattern = pattern;
    });
  const tags = '^https://github\\.com/acme/app/\\.github/workflows/release\\.yml@refs/tags/v[0-9.]+$';
  const ok = parsePolicy(withPattern(tags), 'p');
  assert.equal(ok.primary.identityPattern, tags);
  assert.equal(ok.primary.identity, undefined);
  for (const bad of [
    'https://github\\.com/acme/.*$',
    '^https://github\\.com/acme/.*',
    '^https://github\\.com/acme/.*\\$',
    '^a$|^b$',
    '^a|b$',
    '^(unclosed$',
    '^[a-z$',
  ]) {
    rejects(withPattern(bad), 'policy-bad-pattern', /primary\.identityPattern: expected/);
  }
  parsePolicy(withPattern('^(?:a|b)$'), 'p');
  parsePolicy(withPattern('^[|$]x$'), 'p');

  rejects(
    policyText((d) => (d.primary.githubClaims.ref = '')),
    'policy-malformed',
  );
  rejects(
    policyText((d) => (d.primary.githubClaims.repositoryId = 'acme/app')),
    'policy-malformed',
    /expected a numeric id/,
  );
  rejects(
    policyText((d) => (d.primary.githubClaims.ref = 'main')),
    'policy-malformed',
    /refs\/heads\/main/,
  );
  rejects(
    policyText((d) => (d.primary.githubClaims = 'acme/app')),
    'policy-malformed',
  );
  const claims = {
    repository: 'acme/app',
    repositoryId: '123',
    repositoryOwner: 'acme',
    repositoryOwnerId: '456',
    ref: 'refs/heads/main',
    runnerEnvironment: 'github-hosted',
    eventName: 'push',
  };
  assert.deepEqual(
    parsePolicy(
      policyText((d) => (d.primary.githubClaims = claims)),
      'p',
    ).primary.githubClaims,
    claims,
  );
});

test('countersigners: keys, names, organisations, validity windows', () => {
  rejects(
    policyText((d) => (d.countersigners = [])),
    'policy-malformed',
    /countersigners: expected at least one item/,
  );
  rejects(
    policyText((d) => (d.countersigners[1].name = 'b-release-2026')),
    'policy-duplicate-entry',
    /countersigners\[1\]\.name: expected a unique name/,
  );
  rejects(
    policyText((d) => (d.countersigners[1] = { ...d.countersigners[0], name: 'again' })),
    'policy-duplicate-entry',
    /the key sha256:/,
  );
  rejects(
    policyText((d) => (d.countersigners[1].name = 'b=c')),
    'policy-malformed',
  );
  rejects(
    policyText((d) => (d.countersigners[1].organisation = '')),
    'policy-malformed',
  );
  rejects(
    policyText((d) => (d.countersigners[1].organisation = 'b')),
    'policy-ambiguous',
    /one spelling per organisation/,
  );
  rejects(
    policyText((d) => delete d.countersigners[0].keyId),
    'policy-malformed',
    /countersigners\[0\]: missing field "keyId"/,
  );

  const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
    type: 'spki',
    format: 'pem',
  }) as string;
  rejects(
    policyText((d) => (d.countersigners[1].publicKey = p256)),
    'policy-bad-key',
    /countersigners\[1\]\.publicKey: expected an Ed25519 SPKI public key, found an EC P-256 key/,
  );
  const privatePem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  rejects(
    policyText((d) => (d.countersigners[1].publicKey = privatePem)),
    'policy-bad-key',
    /expected a PEM block "PUBLIC KEY"/,
  );
  rejects(
    policyText((d) => (d.countersigners[1].publicKey = keyC.pem + keyB.pem)),
    'policy-bad-key',
  );
  rejects(
    policyText((d) => (d.countersigners[1].publicKey = 42)),
    'policy-malformed',
  );

  rejects(
    policyText((d) => (d.countersigners[0].validUntil = '2026-01-01T00:00:00Z')),
    'policy-validity-window',
    /countersigners\[0\]\.validUntil: expected a time after validFrom/,
  );
  rejects(
    policyText((d) => (d.countersigners[0].validFrom = '2026-01-01T00:00:00+01:00')),
    'policy-malformed',
    /RFC 3339 UTC/,
  );
  rejects(
    policyText((d) => (d.countersigners[0].validFrom = '2026-02-30T00:00:00Z')),
    'policy-malformed',
  );
  rejects(
    policyText((d) => (d.countersigners[0].validFrom = '2026-01-01T00:00:00.5Z')),
    'policy-malformed',
  );
  const onlyFrom = parsePolicy(
    policyText((d) => delete d.countersigners[0].validUntil),
    'p',
  );
  assert.equal(onlyFrom.countersigners[0]?.validUntil, undefined);
});

test('threshold counts distinct organisations, not keys', () => {
  assert.equal(
    parsePolicy(
      policyText((d) => (d.threshold = 2)),
      'p',
    ).threshold,
    2,
  );
  const oneOrg = policyText((d) => {
    d.countersigners[1].organisation = 'B';
    d.threshold = 2;
  });
  const err = rejects(
    oneOrg,
    'policy-threshold',
    /threshold: expected at most 1 \(the threshold counts distinct organisations: B\), found 2/,
  );
  assert.match(err.message, new RegExp(`^policy\\.json:${lineOf(oneOrg, '"threshold"')}:`));
  for (const t of [0, 3, 1.5, '1'])
    rejects(
      policyText((d) => (d.threshold = t)),
      'policy-threshold',
    );
});

test('kinds and streams: non-empty, known, no duplicates', () => {
  assert.deepEqual(
    parsePolicy(
      policyText((d) => (d.kinds = ['fleet-key', 'authority-rotation'])),
      'p',
    ).kinds,
    ['fleet-key', 'authority-rotation'],
  );
  rejects(
    policyText((d) => (d.kinds = [])),
    'policy-malformed',
  );
  rejects(
    policyText((d) => (d.kinds = ['binary-digest', 'anything'])),
    'policy-unknown-kind',
    /kinds\[1\]: expected one of binary-digest/,
  );
  rejects(
    policyText((d) => (d.kinds = ['fleet-key', 'fleet-key'])),
    'policy-duplicate-entry',
    /kinds\[1\]/,
  );
  rejects(
    policyText((d) => (d.streams = [])),
    'policy-malformed',
  );
  rejects(
    policyText((d) => (d.streams = ['acme/app'])),
    'policy-malformed',
    /streams\[0\]: expected a stream name/,
  );
  rejects(
    policyText((d) => (d.streams = ['acme/app:stable', 'acme/app:stable'])),
    'policy-duplicate-entry',
  );
  rejects(
    policyText((d) => (d.streams = [`${'a'.repeat(190)}:${'b'.repeat(10)}`])),
    'policy-malformed',
  );
  rejects(
    policyText((d) => (d.streams = 'acme/app:stable')),
    'policy-malformed',
  );
});

test('trustedRoot must be an embedded Sigstore trusted root object', () => {
  rejects(
    policyText((d) => (d.trustedRoot = 'trusted_root.json')),
    'policy-malformed',
    /trustedRoot: expected a Sigstore trusted root object/,
  );
  rejects(
    policyText((d) => (d.trustedRoot = { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' })),
    'policy-malformed',
    /trustedRoot\.mediaType/,
  );
  rejects(
    policyText((d) => delete d.trustedRoot),
    'policy-malformed',
    /missing field "trustedRoot"/,
  );
});

test('line numbers also count CRLF line ends', () => {
  const text = policyText((d) => (d.threshold = 5)).replace(/\n/g, '\r\n');
  assert.match(rejects(text, 'policy-threshold').message, new RegExp(`^policy\\.json:${lineOf(text, '"threshold"')}:`));
});

test('describePolicy says every condition in plain words', () => {
  const text = describePolicy(
    parsePolicy(
      policyText((d) => (d.threshold = 2)),
      'p',
    ),
  );
  assert.match(text, /Accepts binary-digest statements for stream acme\/app:stable/);
  assert.match(
    text,
    new RegExp(
      `signed by the GitHub workflow ${IDENTITY.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(issuer https://token\\.actions\\.githubusercontent\\.com\\), with GitHub claims repository=acme/app, repositoryId=123`,
    ),
  );
  assert.match(text, /AND countersigned by at least 2 of 2 organisations/);
  assert.ok(text.includes(`B: key b-release-2026 ${keyB.keyId}, valid 2026-01-01T00:00:00Z to 2027-01-01T00:00:00Z`));
  assert.ok(text.includes(`C: key c-release ${keyC.keyId}, valid at any time`));
});

test('policy init writes a policy that round-trips; policy show explains it; bad input exits 2', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-policy-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const out: string[] = [];
  const err: string[] = [];
  t.mock.method(console, 'log', (s: string) => out.push(s));
  t.mock.method(console, 'error', (s: string) => err.push(s));
  await writeFile(join(dir, 'b.pub'), keyB.pem);
  await writeFile(join(dir, 'b2.pub'), keyC.pem);
  const policyPath = join(dir, 'policy.json');
  const args = [
    'init',
    '--identity',
    IDENTITY,
    '--trusted-root',
    TRUSTED_ROOT_FILE,
    '--countersigner',
    `b-release=${join(dir, 'b.pub')}`,
    '--countersigner',
    `b-backup=${join(dir, 'b2.pub')}`,
    '--organisation',
    'b-release=Org B',
    '--organisation',
    'b-backup=Org B',
    '--kind',
    'binary-digest',
    '--kind',
    'config-change',
    '--stream',
    'acme/app:stable',
    '--github-claim',
    'repositoryId=123',
    '--source-repository-owner-id',
    '456',
    '--out',
    policyPath,
  ];
  assert.equal(await run(args), 0, err.join('\n'));
  const written = await readFile(policyPath, 'utf8');
  assert.ok(written.startsWith('{\n  "mediaType": "application/vnd.countersign.policy.v1+json",\n  "version": 1,\n'));
  const policy = await loadPolicyFile(policyPath);
  assert.equal(policy.primary.identity, IDENTITY);
  assert.equal(policy.primary.issuer, 'https://token.actions.githubusercontent.com');
  // The repository comes from the exact identity; the ids from the flags.
  assert.deepEqual(policy.primary.githubClaims, {
    repository: 'acme/app',
    repositoryId: '123',
    repositoryOwnerId: '456',
  });
  assert.deepEqual(policy.trustedRoot, trustedRoot);
  assert.deepEqual(
    policy.countersigners.map((k) => [k.name, k.organisation, k.keyId]),
    [
      ['b-release', 'Org B', keyB.keyId],
      ['b-backup', 'Org B', keyC.keyId],
    ],
  );
  assert.deepEqual(policy.kinds, ['binary-digest', 'config-change']);
  assert.equal(policy.threshold, 1);

  out.length = 0;
  assert.equal(await run(['show', policyPath]), 0);
  assert.match(out.join('\n'), /countersigned by at least 1 of 1 organisation .*\n {2}- Org B: key b-release/);

  // Refuses to overwrite without --force; two keys of one organisation cannot meet threshold 2.
  err.length = 0;
  assert.equal(await run(args), 2);
  assert.match(err.join('\n'), /already exists/);
  assert.equal(await run([...args, '--force', '--threshold', '2']), 2);
  assert.match(err.at(-1) ?? '', /policy-threshold|threshold: expected at most 1/);
  assert.equal(await readFile(policyPath, 'utf8'), written, 'a rejected init leaves the old file alone');
  assert.equal(await run([...args, '--force', '--threshold', 'two']), 2);

  // Bad inputs: one clear line each, exit 2.
  const base = [
    'init',
    '--identity',
    IDENTITY,
    '--source-repository-id',
    '123',
    '--source-repository-owner-id',
    '456',
    '--trusted-root',
    TRUSTED_ROOT_FILE,
    '--out',
    join(dir, 'p2.json'),
  ];
  assert.equal(await run([...base, '--countersigner', `b=${join(dir, 'b.pub')}`]), 2); // no --stream
  assert.equal(
    await run([...base, '--stream', 'acme/app:stable', '--countersigner', `b=${join(dir, 'missing.pub')}`]),
    2,
  );
  assert.equal(await run([...base, '--stream', 'acme/app:stable', '--countersigner', `b=${TRUSTED_ROOT_FILE}`]), 2);
  assert.equal(
    await run([
      ...base,
      '--stream',
      'acme/app:stable',
      '--countersigner',
      `b=${join(dir, 'b.pub')}`,
      '--identity-pattern',
      '^x$',
    ]),
    2,
  );
  assert.equal(
    await run([...base, '--stream', 'acme/app:stable', '--countersigner', `b=${join(dir, 'b.pub')}`, '--bogus']),
    2,
  );
  assert.equal(await run(['show', TRUSTED_ROOT_FILE]), 2);
  assert.match(
    err.at(-1) ?? '',
    /trusted_root\.json:2: mediaType: expected application\/vnd\.countersign\.policy\.v1\+json, found the string "application\/vnd\.dev\.sigstore\.trustedroot/,
  );
  assert.equal(await run(['show', dir]), 2);
  assert.match(err.at(-1) ?? '', /cannot read the policy: a directory/);
  await assert.rejects(loadPolicyFile(join(dir, 'nope.json')), { code: 'policy-unreadable' });
  await writeFile(join(dir, 'big.json'), ' '.repeat(1024 * 1024 + 1));
  await assert.rejects(loadPolicyFile(join(dir, 'big.json')), { code: 'policy-too-large' });
  assert.equal(await run(['frobnicate']), 2);
  await assert.rejects(readFile(join(dir, 'p2.json')), { code: 'ENOENT' });

  // --countersigner-log pins the countersigner's transparency log (origin and log key).
  const withLog = [...base, '--stream', 'acme/app:stable', '--countersigner', `b=${join(dir, 'b.pub')}`];
  assert.equal(
    await run([...withLog, '--countersigner-log', `b=countersign.b.example/log,${join(dir, 'b2.pub')}`]),
    0,
    err.join('\n'),
  );
  const logged = await loadPolicyFile(join(dir, 'p2.json'));
  assert.equal(logged.countersigners[0]?.log?.origin, 'countersign.b.example/log');
  assert.equal(logged.countersigners[0]?.log?.publicKey, keyC.pem);
  assert.equal(await run([...withLog, '--force', '--countersigner-log', `c=origin,${join(dir, 'b2.pub')}`]), 2);
  assert.match(err.at(-1) ?? '', /no --countersigner named c/);
  assert.equal(await run([...withLog, '--force', '--countersigner-log', 'b=no-file-given']), 2);

  // An identity pattern policy through init.
  const patternPath = join(dir, 'pattern.json');
  const pin = [
    '--source-repository',
    'https://github.com/acme/app',
    '--source-repository-id',
    '123',
    '--source-repository-owner-id',
    '456',
  ];
  assert.equal(
    await run([
      'init',
      '--identity-pattern',
      '^https://github\\.com/acme/app/.*$',
      ...pin,
      '--trusted-root',
      TRUSTED_ROOT_FILE,
      '--countersigner',
      `b=${join(dir, 'b.pub')}`,
      '--stream',
      'acme/app:stable',
      '--out',
      patternPath,
    ]),
    0,
  );
  assert.equal((await loadPolicyFile(patternPath)).primary.identityPattern, '^https://github\\.com/acme/app/.*$');
  assert.equal(
    await run([
      'init',
      '--identity-pattern',
      'https://github\\.com/acme/app/.*',
      ...pin,
      '--trusted-root',
      TRUSTED_ROOT_FILE,
      '--countersigner',
      `b=${join(dir, 'b.pub')}`,
      '--stream',
      'acme/app:stable',
      '--out',
      join(dir, 'p3.json'),
    ]),
    2,
  );
  assert.match(err.at(-1) ?? '', /identityPattern: expected an anchored pattern/);
});

test('F9 the parser refuses a policy without the source-repository pin unless it says "unsafeNoSourceRepositoryPin": true', () => {
  // Neither the pin nor the opt-out: refused, at the claims (or at primary when there are none), naming what is missing.
  const none = policyText((d) => delete d.primary.githubClaims);
  const err = rejects(
    none,
    'policy-source-repository-unpinned',
    /^policy\.json:\d+: primary: expected the source repository pinned .*missing repository, repositoryId, repositoryOwnerId; .*"unsafeNoSourceRepositoryPin": true$/,
  );
  assert.equal(err.message.split(':')[1], String(lineOf(none, '"primary"')));
  // The name alone, or a name and one id, is no pin: a name can be re-registered.
  rejects(
    policyText((d) => (d.primary.githubClaims = { repository: 'acme/app' })),
    'policy-source-repository-unpinned',
    /primary\.githubClaims: .*missing repositoryId, repositoryOwnerId/,
  );
  rejects(
    policyText((d) => delete d.primary.githubClaims.repositoryOwnerId),
    'policy-source-repository-unpinned',
    /missing repositoryOwnerId/,
  );
  rejects(
    policyText((d) => delete d.primary.githubClaims.repository),
    'policy-source-repository-unpinned',
    /missing repository;/,
  );
  rejects(
    policyText((d) => (d.primary.githubClaims = { ref: 'refs/heads/main', eventName: 'push' })),
    'policy-source-repository-unpinned',
  );
  // The explicit opt-out: only the value true, never beside a whole pin.
  const unsafe = parsePolicy(
    policyText(
      (d) => ((d.primary.githubClaims = { repositoryOwnerId: '456' }), (d.primary.unsafeNoSourceRepositoryPin = true)),
    ),
    'p',
  );
  assert.deepEqual(unsafe.primary, {
    issuer: 'https://token.actions.githubusercontent.com',
    identity: IDENTITY,
    githubClaims: { repositoryOwnerId: '456' },
    unsafeNoSourceRepositoryPin: true,
  });
  assert.match(describePolicy(unsafe), /run from ANY source repository/);
  assert.equal(
    parsePolicy(
      policyText((d) => ((d.primary.unsafeNoSourceRepositoryPin = true), delete d.primary.githubClaims)),
      'p',
    ).primary.unsafeNoSourceRepositoryPin,
    true,
  );
  for (const value of [false, 'true', 1, null]) {
    rejects(
      policyText((d) => ((d.primary.unsafeNoSourceRepositoryPin = value), delete d.primary.githubClaims)),
      'policy-malformed',
      /primary\.unsafeNoSourceRepositoryPin: expected true/,
    );
  }
  rejects(
    policyText((d) => (d.primary.unsafeNoSourceRepositoryPin = true)),
    'policy-ambiguous',
    /primary\.unsafeNoSourceRepositoryPin: expected either the source-repository pin or/,
  );
  // A whole pin, written by buildPolicy and described.
  assert.match(
    describePolicy(parsePolicy(policyText(), 'p')),
    /repository=acme\/app, repositoryId=123, repositoryOwnerId=456/,
  );
});

test('F9 policy init pins the source repository by default and refuses without it unless --unsafe-no-source-repository-pin', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-policy-f9-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const err: string[] = [];
  t.mock.method(console, 'log', () => {});
  t.mock.method(console, 'error', (s: string) => err.push(s));
  await writeFile(join(dir, 'b.pub'), keyB.pem);
  const common = [
    '--trusted-root',
    TRUSTED_ROOT_FILE,
    '--countersigner',
    `b=${join(dir, 'b.pub')}`,
    '--stream',
    'acme/app:stable',
  ];
  const init = (out: string, ...flags: string[]) => run(['init', ...flags, ...common, '--out', join(dir, out)]);
  const refused = async (out: string, message: RegExp, ...flags: string[]) => {
    assert.equal(await init(out, ...flags), 2, flags.join(' '));
    const line = err.at(-1) ?? '';
    assert.ok(line !== '' && !line.includes('\n'), 'one line');
    assert.match(line, message);
    await assert.rejects(readFile(join(dir, out)), { code: 'ENOENT' });
  };

  // No ids: refused, naming the flags, the risk and the opt-out.
  await refused(
    'a.json',
    /^countersign policy init: missing --source-repository-id N and --source-repository-owner-id N: without the source repository pinned, any repository that calls the workflow \(on: workflow_call\) signs with its identity .*--unsafe-no-source-repository-pin\)/,
    '--identity',
    IDENTITY,
  );
  await refused(
    'a.json',
    /missing --source-repository-owner-id N:/,
    '--identity',
    IDENTITY,
    '--source-repository-id',
    '123',
  );
  // A pattern or an identity elsewhere than github.com: the repository is not derived.
  await refused(
    'a.json',
    /missing --source-repository URL:/,
    '--identity-pattern',
    '^https://github\\.com/acme/app/.*$',
    '--source-repository-id',
    '123',
    '--source-repository-owner-id',
    '456',
  );
  await refused(
    'a.json',
    /missing --source-repository URL:/,
    '--identity',
    'https://ghe.example/acme/app/.github/workflows/release.yml@refs/heads/main',
    '--source-repository-id',
    '123',
    '--source-repository-owner-id',
    '456',
  );
  // Flags that disagree, a name where an id belongs, the opt-out beside a whole pin.
  await refused(
    'a.json',
    /--source-repository-id "123" and --github-claim repositoryId="124" disagree/,
    '--identity',
    IDENTITY,
    '--github-claim',
    'repositoryId=124',
    '--source-repository-id',
    '123',
    '--source-repository-owner-id',
    '456',
  );
  await refused(
    'a.json',
    /githubClaims\.repositoryId: expected a numeric id, found "acme\/app"/,
    '--identity',
    IDENTITY,
    '--source-repository-id',
    'acme/app',
    '--source-repository-owner-id',
    '456',
  );
  await refused(
    'a.json',
    /--unsafe-no-source-repository-pin with the whole source-repository pin/,
    '--identity',
    IDENTITY,
    '--source-repository',
    'acme/app',
    '--source-repository-id',
    '123',
    '--source-repository-owner-id',
    '456',
    '--unsafe-no-source-repository-pin',
  );

  // The pin: the repository derived from the exact identity, or given as a URL (any host: the check compares OWNER/REPO).
  assert.equal(
    await init(
      'derived.json',
      '--identity',
      IDENTITY,
      '--source-repository-id',
      '123',
      '--source-repository-owner-id',
      '456',
    ),
    0,
    err.join('\n'),
  );
  assert.deepEqual((await loadPolicyFile(join(dir, 'derived.json'))).primary.githubClaims, {
    repository: 'acme/app',
    repositoryId: '123',
    repositoryOwnerId: '456',
  });
  assert.equal(
    await init(
      'caller.json',
      '--identity',
      IDENTITY,
      '--source-repository',
      'https://github.com/acme/app-platform',
      '--source-repository-id',
      '7',
      '--source-repository-owner-id',
      '456',
    ),
    0,
    err.join('\n'),
  );
  assert.deepEqual((await loadPolicyFile(join(dir, 'caller.json'))).primary.githubClaims, {
    repository: 'acme/app-platform',
    repositoryId: '7',
    repositoryOwnerId: '456',
  });

  // The opt-out: written as the explicit field, with whatever part of the pin was given (nothing derived).
  assert.equal(
    await init(
      'unsafe.json',
      '--identity',
      IDENTITY,
      '--source-repository-owner-id',
      '456',
      '--unsafe-no-source-repository-pin',
    ),
    0,
    err.join('\n'),
  );
  const text = await readFile(join(dir, 'unsafe.json'), 'utf8');
  assert.match(
    text,
    /"githubClaims": \{\n\s+"repositoryOwnerId": "456"\n\s+\},\n\s+"unsafeNoSourceRepositoryPin": true\n/,
  );
  assert.equal((await loadPolicyFile(join(dir, 'unsafe.json'))).primary.unsafeNoSourceRepositoryPin, true);
});

test("F7 policy init refuses each look-alike organisation of the finding (policy-bad-organisation, the parser's rule); policy show escapes every unusual character", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-policy-f7-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const out: string[] = [];
  const err: string[] = [];
  t.mock.method(console, 'log', (s: string) => out.push(s));
  t.mock.method(console, 'error', (s: string) => err.push(s));
  await writeFile(join(dir, 'b.pub'), keyB.pem);
  await writeFile(join(dir, 'b2.pub'), keyC.pem);
  const init = (organisation: string, out: string) =>
    run([
      'init',
      '--identity',
      IDENTITY,
      '--source-repository-id',
      '123',
      '--source-repository-owner-id',
      '456',
      '--trusted-root',
      TRUSTED_ROOT_FILE,
      '--countersigner',
      `b-release=${join(dir, 'b.pub')}`,
      '--countersigner',
      `b-backup=${join(dir, 'b2.pub')}`,
      '--organisation',
      'b-release=Org B',
      '--organisation',
      `b-backup=${organisation}`,
      '--threshold',
      '2',
      '--stream',
      'acme/app:stable',
      '--out',
      join(dir, out),
    ]);
  // Each look-alike of "Org B" in the finding: with threshold 2, B's two keys met it alone.
  const lookAlikes = ['\u041erg B', 'Org\u200bB', 'Org B\u200f', 'Org\u2060 B', 'Org B\u034f', 'Org\u3164B', 'Org  B'];
  for (const lookAlike of lookAlikes) {
    assert.equal(await init(lookAlike, 'p.json'), 2, JSON.stringify(lookAlike));
    const line = err.at(-1) ?? '';
    assert.match(
      line,
      /^countersign: policy init: --organisation b-backup=\.\.\.: expected an organisation name of ASCII letters and digits/,
      line,
    );
    assert.match(line, /^[\x20-\x7e]*$/, 'the refusal shows the name escaped');
    await assert.rejects(readFile(join(dir, 'p.json')), { code: 'ENOENT' });
  }
  // A look-alike in ASCII is one organisation spelled two ways; a name of another organisation passes.
  assert.equal(await init('0rg-B', 'p.json'), 2);
  assert.match(
    err.at(-1) ?? '',
    /countersigners\[1\]\.organisation: expected one spelling per organisation, found "0rg-B" and "Org B"/,
  );
  assert.equal(await init('Org C', 'p.json'), 0, err.join('\n'));

  // policy show: every value outside printable ASCII as \u{HEX} (identities, patterns, claims): a Cyrillic е, a right-to-left override and a line separator in the pattern.
  const unusual = policyText((d) => {
    delete d.primary.identity;
    d.primary.identityPattern =
      '^https://github\\.com/acme/app/\\.github/workflows/rel\u0435ase\u202e\u2028\\.yml@refs/heads/main$';
  });
  await writeFile(join(dir, 'unusual.json'), unusual);
  out.length = 0;
  assert.equal(await run(['show', join(dir, 'unusual.json')]), 0, err.join('\n'));
  const shown = out.join('\n');
  assert.ok(
    shown.split('\n').every((l) => /^[\x20-\x7e]*$/.test(l)),
    shown,
  );
  assert.ok(shown.includes('rel\\u{435}ase\\u{202e}\\u{2028}\\.yml'), shown);
});

test('F10 limits.maxVersionStep: default 1000, from 1 to 1 000 000, said by policy show', () => {
  assert.equal(POLICY_DEFAULT_LIMITS.maxVersionStep, 1000);
  assert.equal(parsePolicy(policyText(), 'p').limits.maxVersionStep, 1000);
  assert.equal(
    parsePolicy(
      policyText((d) => (d.limits = { maxVersionStep: 1 })),
      'p',
    ).limits.maxVersionStep,
    1,
  );
  rejects(
    policyText((d) => (d.limits = { maxVersionStep: 0 })),
    'policy-limit-out-of-range',
    /limits\.maxVersionStep: expected an integer from 1 to 1000000, found 0/,
  );
  rejects(
    policyText((d) => (d.limits = { maxVersionStep: 2 ** 53 - 1 })),
    'policy-limit-out-of-range',
  );
  assert.match(
    describePolicy(
      parsePolicy(
        policyText((d) => (d.limits = { maxVersionStep: 50 })),
        'p',
      ),
    ),
    /each version at most 50 above the last one accepted in its stream\./,
  );
});
