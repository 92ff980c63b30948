// Sigstore conformance: the public bundle-verification cases of sigstore-conformance
// (data and rules in test/vectors/sigstore-conformance/README.md), each run with the artifact's path and
// with its sha256 digest, through the `verify-bundle` verb in-process; a few through a real
// process. Then the countersign primary check (verifyPrimary), which is narrower, on the same
// data, and the digest-only ECDSA check against node:crypto.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { run, verifyEcdsaPrehashed } from '../../../../src/cli/verify-bundle.ts';
import { InputError, VerificationError } from '../../../../src/lib/basics/errors/errors.ts';
import { loadTrustedRoot, loadTrustedRootBytes } from '../../../../src/lib/checks/sigstore/trusted-root.ts';
import { verifyPrimary } from '../../../../src/lib/checks/sigstore/verify-primary.ts';

const CONFORMANCE = new URL('../../../vectors/sigstore-conformance/', import.meta.url);
const CASES = new URL('bundle-verify/', CONFORMANCE);
const PUBLIC_GOOD_ROOT = fileURLToPath(new URL('public-good-trusted-root.json', CONFORMANCE));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DEFAULT_IDENTITY =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const DEFAULT_ISSUER = 'https://token.actions.githubusercontent.com';

interface Case {
  name: string;
  shouldPass: boolean;
  args: string[];
  artifactPath: string;
}

/** Builds the verify-bundle arguments of one case, exactly as README.md says. */
function loadCase(name: string): Case {
  const dir = fileURLToPath(new URL(`${name}/`, CASES));
  const file = (f: string) => `${dir}${f}`;
  const text = (f: string, fallback: string) => (existsSync(file(f)) ? readFileSync(file(f), 'utf8').trim() : fallback);
  const auth = existsSync(file('key.pub'))
    ? ['--key', file('key.pub')]
    : [
        '--certificate-identity',
        text('identity', DEFAULT_IDENTITY),
        '--certificate-oidc-issuer',
        text('issuer', DEFAULT_ISSUER),
      ];
  const trustedRoot = existsSync(file('trusted_root.json')) ? file('trusted_root.json') : PUBLIC_GOOD_ROOT;
  const artifactPath = existsSync(file('artifact')) ? file('artifact') : fileURLToPath(new URL('a.txt', CASES));
  return {
    name,
    shouldPass: !name.endsWith('_fail'),
    args: ['--bundle', file('bundle.sigstore.json'), ...auth, '--trusted-root', trustedRoot],
    artifactPath,
  };
}

const cases = readdirSync(CASES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => loadCase(d.name))
  .sort((a, b) => a.name.localeCompare(b.name));
const digestOf = (path: string) => `sha256:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;

test('the suite has its 70 cases', () => {
  assert.equal(cases.length, 70);
  assert.ok(cases.some((c) => c.shouldPass) && cases.some((c) => !c.shouldPass));
});

test('every case gives the expected result, by path and by digest (140 checks)', async (t) => {
  for (const c of cases) {
    for (const mode of ['path', 'digest'] as const) {
      await t.test(`${c.name} (${mode})`, async (st) => {
        // The verb prints one line per case; keep the test log readable.
        let stderr = '';
        st.mock.method(console, 'log', () => {});
        st.mock.method(console, 'error', (line: string) => (stderr += line));
        const code = await run([...c.args, mode === 'path' ? c.artifactPath : digestOf(c.artifactPath)]);
        if (c.shouldPass) assert.equal(code, 0, `expected verified, got exit ${code}: ${stderr}`);
        else assert.notEqual(code, 0, 'expected a rejection, got exit 0');
      });
    }
  }
});

test('the CLI process gives the same answers (cwd = repository root)', async () => {
  const exec = promisify(execFile);
  const cli = async (args: string[]) =>
    exec(process.execPath, ['src/cli/main.ts', 'verify-bundle', ...args], { cwd: REPO_ROOT }).then(
      (r) => ({ code: 0, ...r }),
      (err: unknown) => err as { code: number; stdout: string; stderr: string },
    );
  const pass = loadCase('happy-path-intoto-in-dsse-v3');
  const ok = await cli([...pass.args, digestOf(pass.artifactPath)]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /^OK: .*verified/);

  const fail = loadCase('dsse-mismatch-sig_fail');
  const rejected = await cli([...fail.args, fail.artifactPath]);
  assert.equal(rejected.code, 1);
  assert.match(rejected.stderr, /^countersign: rejected \[primary-tlog\]: /);

  const wrongIdentity = await cli([
    ...pass.args.slice(0, 2),
    '--certificate-identity',
    `${DEFAULT_IDENTITY}.evil`,
    '--certificate-oidc-issuer',
    DEFAULT_ISSUER,
    '--trusted-root',
    PUBLIC_GOOD_ROOT,
    pass.artifactPath,
  ]);
  assert.equal(wrongIdentity.code, 1);
  assert.match(wrongIdentity.stderr, /\[primary-identity\]/);

  const usage = await cli(['--bundle', 'x.json', pass.artifactPath]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /^countersign: verify-bundle: expected --key, or both/);
});

test('the trusted root may come from $COUNTERSIGN_TRUSTED_ROOT, and is required', async (t) => {
  t.mock.method(console, 'log', () => {});
  t.mock.method(console, 'error', () => {});
  const c = loadCase('happy-path-v0.3');
  const withoutRoot = c.args.slice(0, -2);
  const saved = process.env.COUNTERSIGN_TRUSTED_ROOT;
  try {
    delete process.env.COUNTERSIGN_TRUSTED_ROOT;
    assert.equal(await run([...withoutRoot, c.artifactPath]), 2);
    process.env.COUNTERSIGN_TRUSTED_ROOT = PUBLIC_GOOD_ROOT;
    assert.equal(await run([...withoutRoot, c.artifactPath]), 0);
  } finally {
    if (saved === undefined) delete process.env.COUNTERSIGN_TRUSTED_ROOT;
    else process.env.COUNTERSIGN_TRUSTED_ROOT = saved;
  }
});

test('a DSSE bundle does not verify for an artifact that is not its subject', async (t) => {
  t.mock.method(console, 'error', () => {});
  const c = loadCase('happy-path-intoto-in-dsse-v3');
  assert.equal(await run([...c.args, `sha256:${'00'.repeat(32)}`]), 1);
});

// ---- the countersign primary: only v0.3, keyless, DSSE ----------------------------------

const bundleOf = (name: string) => JSON.parse(readFileSync(new URL(`${name}/bundle.sigstore.json`, CASES), 'utf8'));
const publicGood = loadTrustedRootBytes(readFileSync(PUBLIC_GOOD_ROOT), 'public-good trusted root');
const isCode = (code: string) => (err: unknown) => err instanceof VerificationError && err.code === code;

test('verifyPrimary returns the exact bytes the countersignature binds', () => {
  const json = bundleOf('happy-path-intoto-in-dsse-v3');
  const primary = verifyPrimary(json, publicGood);
  assert.deepEqual(Buffer.from(primary.payload), Buffer.from(json.dsseEnvelope.payload, 'base64'));
  assert.deepEqual(Buffer.from(primary.signature), Buffer.from(json.dsseEnvelope.signatures[0].sig, 'base64'));
  assert.deepEqual(
    Buffer.from(primary.certificate),
    Buffer.from(json.verificationMaterial.certificate.rawBytes, 'base64'),
  );
  assert.equal(primary.payloadType, 'application/vnd.in-toto+json');
  assert.deepEqual(primary.tlogEntries, [
    { logId: json.verificationMaterial.tlogEntries[0].logId.keyId, logIndex: '155690850', integratedTime: 1734374576 },
  ]);
  assert.deepEqual(primary.timestamps, []);
  assert.equal(primary.signer.identity, DEFAULT_IDENTITY);
  assert.equal(primary.verifiedTime.toISOString(), '2024-12-16T18:42:56.000Z');
});

test('verifyPrimary accepts a Rekor v2 entry with an RFC 3161 timestamp', () => {
  const trust = loadTrustedRootBytes(
    readFileSync(new URL('rekor2-dsse-happy-path/trusted_root.json', CASES)),
    'trusted root',
  );
  const primary = verifyPrimary(bundleOf('rekor2-dsse-happy-path'), trust);
  assert.equal(primary.timestamps.length, 1);
  assert.equal(primary.tlogEntries[0]?.integratedTime, 0);
});

test('verifyPrimary accepts an RFC 3161 timestamp without a log entry, and refuses neither', () => {
  const trust = loadTrustedRootBytes(
    readFileSync(new URL('rekor2-dsse-happy-path/trusted_root.json', CASES)),
    'trusted root',
  );
  const tsaOnly = bundleOf('rekor2-dsse-happy-path');
  tsaOnly.verificationMaterial.tlogEntries = [];
  const primary = verifyPrimary(tsaOnly, trust);
  assert.deepEqual(primary.tlogEntries, []);
  assert.equal(primary.timestamps.length, 1);
  delete tsaOnly.verificationMaterial.timestampVerificationData;
  assert.throws(() => verifyPrimary(tsaOnly, trust), isCode('primary-timestamp'));
});

test('verifyPrimary refuses what a countersign primary must not be', () => {
  assert.throws(() => verifyPrimary(bundleOf('happy-path-v0.3'), publicGood), isCode('primary-not-dsse'));
  assert.throws(() => verifyPrimary(bundleOf('happy-path-v0.2'), publicGood), isCode('primary-unsupported-version'));
  assert.throws(
    () => verifyPrimary(bundleOf('bundle-unknown-version_fail'), publicGood),
    isCode('primary-unsupported-version'),
  );
  assert.throws(
    () => verifyPrimary({ ...bundleOf('happy-path-intoto-in-dsse-v3'), mediaType: undefined }, publicGood),
    isCode('primary-unsupported-version'),
  );
  assert.throws(() => verifyPrimary([], publicGood), isCode('primary-malformed'));

  const two = bundleOf('happy-path-intoto-in-dsse-v3');
  two.dsseEnvelope.signatures.push(two.dsseEnvelope.signatures[0]);
  assert.throws(() => verifyPrimary(two, publicGood), isCode('primary-malformed'));

  // Same bytes, another spelling: a stray character the lenient base64 reader would skip.
  const spelled = bundleOf('happy-path-intoto-in-dsse-v3');
  spelled.dsseEnvelope.payload = `${spelled.dsseEnvelope.payload.slice(0, 8)}!${spelled.dsseEnvelope.payload.slice(8)}`;
  assert.throws(() => verifyPrimary(spelled, publicGood), isCode('primary-malformed'));

  const tampered = bundleOf('happy-path-intoto-in-dsse-v3');
  const payload = Buffer.from(tampered.dsseEnvelope.payload, 'base64');
  payload[payload.length - 2]! ^= 1;
  tampered.dsseEnvelope.payload = payload.toString('base64');
  assert.throws(
    () => verifyPrimary(tampered, publicGood),
    (err: unknown) => err instanceof VerificationError && /^primary-(tlog|signature)$/.test(err.code),
  );

  // Untrusted: the same bundle under another instance's trusted root.
  const otherRoot = loadTrustedRootBytes(
    readFileSync(new URL('rekor2-dsse-happy-path/trusted_root.json', CASES)),
    'trusted root',
  );
  assert.throws(
    () => verifyPrimary(bundleOf('happy-path-intoto-in-dsse-v3'), otherRoot),
    (err: unknown) => err instanceof VerificationError && err.code.startsWith('primary-'),
  );
});

test('trusted roots: unknown versions and authorities without a start time are refused', () => {
  const root = JSON.parse(readFileSync(PUBLIC_GOOD_ROOT, 'utf8'));
  assert.throws(
    () => loadTrustedRoot({ ...root, mediaType: 'application/vnd.dev.sigstore.trustedroot.v0.9+json' }, 'root'),
    InputError,
  );
  assert.throws(() => loadTrustedRoot({ ...root, mediaType: undefined }, 'root'), InputError);
  assert.throws(() => loadTrustedRoot('root', 'root'), InputError);
  const noStart = structuredClone(root);
  delete noStart.certificateAuthorities[1].validFor.start;
  assert.throws(() => loadTrustedRoot(noStart, 'root'), InputError);
  assert.throws(() => loadTrustedRootBytes(Buffer.from('{"mediaType":1,"mediaType":2}'), 'root'), InputError);
});

test('digest-only ECDSA verification agrees with node:crypto (P-256, P-384)', () => {
  for (const namedCurve of ['P-256', 'P-384']) {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve });
    for (let i = 0; i < 4; i++) {
      const data = Buffer.from(`artifact ${namedCurve} ${i}`);
      const digest = createHash('sha256').update(data).digest();
      const signature = sign('sha256', data, privateKey);
      assert.equal(verifyEcdsaPrehashed(publicKey, digest, signature), true);
      const otherDigest = Buffer.from(digest);
      otherDigest[0]! ^= 1;
      assert.equal(verifyEcdsaPrehashed(publicKey, otherDigest, signature), false);
      const otherSignature = Buffer.from(signature);
      otherSignature[otherSignature.length - 1]! ^= 1;
      assert.equal(verifyEcdsaPrehashed(publicKey, digest, otherSignature), false);
      assert.equal(verifyEcdsaPrehashed(generateKeyPairSync('ec', { namedCurve }).publicKey, digest, signature), false);
      assert.equal(verifyEcdsaPrehashed(publicKey, digest, Buffer.concat([signature, Buffer.from([0])])), false);
    }
  }
  assert.throws(() =>
    verifyEcdsaPrehashed(generateKeyPairSync('ed25519').publicKey, Buffer.alloc(32), Buffer.alloc(64)),
  );
});
