// The policy's emergency fallback signer set (spec/POLICY.md §3.10) and the rotation
// statement format (spec/ROTATION.md §2), without any network or Sigstore: what parses, what
// is refused with which code, what `policy show` and `policy init --fallback` say, and that a
// v1 policy without the new field stays exactly as valid as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStatement, parseStatement, serializeStatement } from '../../../../src/lib/formats/statement/statement.ts';
import {
  buildPolicy,
  describePolicy,
  parsePolicy,
  type PolicyInput,
} from '../../../../src/lib/formats/policy/index.ts';
import { newPolicyOf, rotationStatementParts } from '../../../../src/lib/flows/rotation/index.ts';
import {
  emptyState,
  parseState,
  recordAccepted,
  recordPolicyVersion,
  serializeState,
} from '../../../../src/lib/formats/state/state.ts';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const trustedRoot = {
  mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  tlogs: [],
  certificateAuthorities: [],
  ctlogs: [],
  timestampAuthorities: [],
};
const pem = () => generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }) as string;
const [b, c, recovery, other] = [pem(), pem(), pem(), pem()];

function policy(
  edit: (input: PolicyInput) => void = () => {},
  editDoc: (doc: Record<string, unknown>) => void = () => {},
): string {
  const input: PolicyInput = {
    version: 1,
    identity: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
    githubClaims: { repository: 'acme/app', repositoryId: '123', repositoryOwnerId: '456' },
    trustedRoot,
    countersigners: [
      { name: 'b-release', organisation: 'B', publicKeyPem: b },
      { name: 'c-release', organisation: 'C', publicKeyPem: c },
    ],
    kinds: ['binary-digest', 'authority-rotation'],
    streams: ['acme/app:stable', 'acme/app:policy'],
    fallback: { countersigners: [{ name: 'b-recovery', organisation: 'B', publicKeyPem: recovery }], threshold: 1 },
  };
  edit(input);
  const doc = buildPolicy(input);
  editDoc(doc);
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function refused(text: string, code: string, message?: RegExp): void {
  assert.throws(
    () => parsePolicy(text, 'policy.json'),
    (err: Error & { code?: string }) => {
      assert.equal(err.code, code, err.message);
      if (message) assert.match(err.message, message);
      return true;
    },
  );
}

test('a fallback set parses; a policy without one is unchanged (no fallback field at all)', () => {
  const p = parsePolicy(policy(), 'policy.json');
  assert.deepEqual(
    p.fallback?.countersigners.map((k) => [k.name, k.organisation]),
    [['b-recovery', 'B']],
  );
  assert.equal(p.fallback?.threshold, 1);
  const plain = parsePolicy(
    policy((i) => delete i.fallback),
    'policy.json',
  );
  assert.equal(plain.fallback, undefined);
  assert.equal(Object.hasOwn(plain, 'fallback'), false);
  assert.ok(Object.isFrozen(p.fallback));
});

test('fallback rules: one role per key and name, one spelling per organisation, a threshold it can meet, rotations allowed', () => {
  refused(
    policy((i) => (i.fallback!.countersigners[0]!.publicKeyPem = b)),
    'policy-duplicate-entry',
    /fallback\.countersigners\[0\]\.publicKey: expected a key that is not also a usual countersigner/,
  );
  refused(
    policy((i) => (i.fallback!.countersigners[0]!.name = 'c-release')),
    'policy-duplicate-entry',
    /fallback\.countersigners\[0\]\.name/,
  );
  refused(
    policy((i) => (i.fallback!.countersigners[0]!.organisation = 'b')),
    'policy-ambiguous',
  );
  // The same fold as within countersigners (POLICY §3.5.2): spaces, punctuation and ASCII look-alikes are one spelling.
  refused(
    policy(
      (i) => ((i.countersigners[1]!.organisation = 'Org C'), (i.fallback!.countersigners[0]!.organisation = '0rg-C')),
    ),
    'policy-ambiguous',
    /"0rg-C" and "Org C"/,
  );
  // And the same form (issue 13 F7): no other script in the fallback set either.
  refused(
    policy(
      (i) => (
        (i.countersigners[1]!.organisation = 'Straße'),
        (i.fallback!.countersigners[0]!.organisation = 'STRASSE')
      ),
    ),
    'policy-bad-organisation',
    /countersigners\[1\]\.organisation: .*found "Stra\\u\{df\}e"/,
  );
  refused(
    policy((i) => (i.fallback!.countersigners[0]!.organisation = '\u039f\u0394\u039f\u03a3')),
    'policy-bad-organisation',
    /fallback\.countersigners\[0\]\.organisation/,
  );
  refused(
    policy((i) => (i.fallback!.threshold = 2)),
    'policy-threshold',
    /fallback\.threshold/,
  );
  refused(
    policy((i) => (i.kinds = ['binary-digest'])),
    'policy-malformed',
    /authority-rotation/,
  );
  refused(
    policy(undefined, (d) => ((d.fallback as Record<string, unknown>).extra = 1)),
    'policy-unknown-field',
    /fallback\.extra/,
  );
  refused(
    policy(undefined, (d) => delete (d.fallback as Record<string, unknown>).threshold),
    'policy-malformed',
    /missing field "threshold"/,
  );
  refused(
    policy(undefined, (d) => ((d.fallback as { countersigners: unknown[] }).countersigners = [])),
    'policy-malformed',
  );
  // Two fallback organisations, threshold 2: fine.
  const two = parsePolicy(
    policy((i) => i.fallback!.countersigners.push({ name: 'd-recovery', organisation: 'D', publicKeyPem: other })),
    'p',
  );
  assert.equal(two.fallback?.countersigners.length, 2);
});

test('policy show says what the fallback set may and may not do', () => {
  const text = describePolicy(parsePolicy(policy(), 'p'));
  assert.match(
    text,
    /Emergency fallback: an authority-rotation bundle \(and nothing else\) may instead be countersigned by at least 1 of 1 fallback organisation:\n {2}- B: key b-recovery sha256:[0-9a-f]{64}, valid at any time/,
  );
  assert.doesNotMatch(
    describePolicy(
      parsePolicy(
        policy((i) => delete i.fallback),
        'p',
      ),
    ),
    /fallback/i,
  );
});

test('the rotation statement carries the new policy, and its digest is the subject', () => {
  const next = new TextEncoder().encode(policy((i) => (i.version = 2)));
  const parts = rotationStatementParts(next, 'policy.json', 'v2');
  assert.equal(parts.version, 2);
  const statement = buildStatement({
    kind: 'authority-rotation',
    stream: 'acme/app:policy',
    version: 2,
    issuedAt: new Date(),
    expiresIn: 3600,
    subjects: parts.subjects,
    data: parts.data,
  });
  const bytes = serializeStatement(statement);
  const parsed = parseStatement(bytes, 's');
  assert.deepEqual(newPolicyOf(parsed, 's').bytes, next);
  const text = new TextDecoder().decode(bytes);
  const edited = (from: string, to: string) => new TextEncoder().encode(text.replace(from, to));
  const code = (bytesIn: Uint8Array) => {
    try {
      parseStatement(bytesIn, 's');
      return 'parsed';
    } catch (err) {
      return (err as { code: string }).code;
    }
  };
  const v3 = Buffer.from(policy((i) => (i.version = 3))).toString('base64');
  assert.equal(code(edited(parts.data.policy, v3)), 'rotation-policy-digest');
  assert.equal(
    code(edited(`"policy":"${parts.data.policy}"`, `"policy":"${parts.data.policy}","note":"x"`)),
    'statement-unknown-field',
  );
  assert.equal(code(edited(`{"policy":"`, `{"policy":"A`)), 'statement-malformed', 'not canonical base64');
  // Two subjects (the policy and something else) is not a rotation.
  assert.throws(
    () =>
      buildStatement({
        kind: 'authority-rotation',
        stream: 'acme/app:policy',
        version: 2,
        issuedAt: new Date(),
        expiresIn: 3600,
        subjects: [...parts.subjects, { name: 'x', digest: { sha256: '0'.repeat(64) } }],
        data: parts.data,
      }),
    { code: 'statement-malformed' },
  );
  // build's early version check against the current policy.
  assert.throws(
    () =>
      rotationStatementParts(new TextEncoder().encode(policy((i) => (i.version = 3))), 'p.json', 'v3', {
        bytes: new Uint8Array(),
        digest: '',
        policy: parsePolicy(policy(), 'v1'),
      }),
    { code: 'rotation-gap' },
  );
});

test('state: the policy version is optional, recorded, never lowered, and old state files still parse', () => {
  const old = '{"mediaType": "application/vnd.countersign.state.v1+json", "streams": {}}';
  const parsedOld = parseState(new TextEncoder().encode(old), 's');
  assert.equal(parsedOld.policyVersion, undefined);
  assert.equal(Object.hasOwn(parsedOld, 'policyVersion'), false);
  const s1 = recordAccepted(emptyState(), 'acme/app:stable', 3, 'a'.repeat(64), 2);
  assert.equal(s1.policyVersion, 2);
  assert.equal(recordAccepted(s1, 'acme/app:stable', 4, 'b'.repeat(64), 1).policyVersion, 2, 'never lowered');
  assert.equal(recordAccepted(s1, 'acme/app:stable', 4, 'b'.repeat(64)).policyVersion, 2, 'kept when not given');
  assert.equal(recordPolicyVersion(s1, 5).policyVersion, 5);
  const text = serializeState(s1);
  assert.match(text, /"policyVersion": 2/);
  assert.equal(serializeState(parseState(new TextEncoder().encode(text), 's')), text);
  assert.throws(
    () => parseState(new TextEncoder().encode(text.replace('"policyVersion": 2', '"policyVersion": 0')), 's'),
    { code: 'state-malformed' },
  );
});

test('policy init --fallback writes a fallback set that loads', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-fallback-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'root.json'), JSON.stringify(trustedRoot));
  await writeFile(join(dir, 'b.pub'), b);
  await writeFile(join(dir, 'r.pub'), recovery);
  const args = [
    'src/cli/main.ts',
    'policy',
    'init',
    '--identity',
    'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
    '--source-repository-id',
    '123',
    '--source-repository-owner-id',
    '456',
    '--trusted-root',
    join(dir, 'root.json'),
    '--countersigner',
    `b-release=${join(dir, 'b.pub')}`,
    '--organisation',
    'b-release=Org B',
    '--fallback',
    `b-recovery=${join(dir, 'r.pub')}`,
    '--organisation',
    'b-recovery=Org B',
    '--kind',
    'binary-digest',
    '--kind',
    'authority-rotation',
    '--stream',
    'acme/app:stable',
    '--stream',
    'acme/app:policy',
    '--out',
    join(dir, 'policy.json'),
  ];
  const run = await new Promise<{ code: number; stderr: string }>((resolve) =>
    execFile(process.execPath, args, { cwd: ROOT }, (err, _out, stderr) =>
      resolve({ code: err ? Number(err.code) : 0, stderr }),
    ),
  );
  assert.equal(run.code, 0, run.stderr);
  const p = parsePolicy(await readFile(join(dir, 'policy.json')), 'policy.json');
  assert.deepEqual(
    p.fallback?.countersigners.map((k) => [k.name, k.organisation]),
    [['b-recovery', 'Org B']],
  );
  assert.match(run.stderr, /Emergency fallback/);
});
