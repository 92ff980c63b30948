// The local Sigstore stack over real loopback HTTP: the GitHub-shaped token endpoint, Fulcio's
// token and proof-of-possession checks, and bundles signed through it (src/lib/flows/sign/sign.ts)
// that verify with @sigstore/verify against the stack's trusted_root.json.
import { after, before, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, generateKeyPairSync, sign } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle';
import { X509Certificate as SigstoreX509 } from '@sigstore/core';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { DSSEBundleBuilder, FulcioSigner, RekorWitness } from '@sigstore/sign';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import type { VerificationPolicy } from '@sigstore/verify';
import { instanceFromStackDescription } from '../../src/lib/formats/stack/description.ts';
import type { ResolvedInstance } from '../../src/lib/formats/stack/description.ts';
import { SigstoreServiceError, signStatement } from '../../src/lib/flows/sign/sign.ts';
import { run as runStackCli } from '../../src/cli/stack.ts';
import {
  DEFAULT_JOB_WORKFLOW_REF,
  GITHUB_ISSUER,
  fetchToken,
  sourceRepositoryOf,
  startStack,
} from '../../src/stack/index.ts';
import type { Stack } from '../../src/stack/index.ts';
import { signJwtES256 } from '../../src/stack/jwt.ts';

const STATEMENT = Buffer.from(
  JSON.stringify({
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'a', digest: { sha256: '00'.repeat(32) } }],
    predicateType: 'https://example.test/p',
    predicate: {},
  }),
);
const OTHER_WORKFLOW = 'other/repo/.github/workflows/build.yaml@refs/tags/v1.2.3';

let stack: Stack;
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'countersign-stack-test-'));
  const started = Date.now();
  stack = await startStack({ dir });
  assert.ok(Date.now() - started < 2000, `stack start took ${Date.now() - started} ms`);
});

after(async () => {
  await stack?.close();
  await rm(dir, { recursive: true, force: true });
});

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

/** A Fulcio v2 request like FulcioSigner's: a fresh key and its signature over the token's sub. */
async function requestCertificate(
  fulcioUrl: string,
  token: string,
  sub = String(claimsOf(token).sub),
): Promise<{ status: number; body: string }> {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const res = await fetch(`${fulcioUrl}/api/v2/signingCert`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      credentials: { oidcIdentityToken: token },
      publicKeyRequest: {
        publicKey: { algorithm: 'ECDSA', content: publicKey.export({ format: 'pem', type: 'spki' }) },
        proofOfPossession: sign('sha256', Buffer.from(sub), privateKey).toString('base64'),
      },
    }),
  });
  return { status: res.status, body: await res.text() };
}

async function verifyBundle(
  json: unknown,
  trustedRootPath: string,
  thresholds: { tlogThreshold: number; timestampThreshold: number },
  policy: VerificationPolicy,
) {
  const root = TrustedRoot.fromJSON(JSON.parse(await readFile(trustedRootPath, 'utf8')));
  const verifier = new Verifier(toTrustMaterial(root), { ctlogThreshold: 1, ...thresholds });
  return verifier.verify(toSignedEntity(bundleFromJSON(json)), policy);
}

function modes(instance: ResolvedInstance) {
  return {
    rekor: { ...instance, tsaUrl: undefined },
    tsa: { ...instance, rekorUrl: undefined },
  };
}

test('token endpoint: bearer required, audience respected, GitHub claims', async () => {
  const d = stack.description;
  assert.ok(d.tokenUrl.includes('?'), 'tokenUrl carries a query like ACTIONS_ID_TOKEN_REQUEST_URL');
  const noBearer = await fetch(`${d.tokenUrl}&audience=sigstore`);
  assert.equal(noBearer.status, 401);
  const wrongBearer = await fetch(`${d.tokenUrl}&audience=sigstore`, {
    headers: { authorization: 'bearer not-the-token' },
  });
  assert.equal(wrongBearer.status, 401);

  const claims = claimsOf(await fetchToken(d, { audience: 'custom-aud' }));
  assert.equal(claims.aud, 'custom-aud');
  assert.equal(claims.iss, GITHUB_ISSUER);
  assert.equal(claims.job_workflow_ref, DEFAULT_JOB_WORKFLOW_REF);
  assert.equal(claims.sub, 'repo:acme/app:ref:refs/heads/main');
  assert.equal(claims.repository, 'acme/app');
  assert.equal(claims.repository_owner, 'acme');
  assert.equal(claims.ref, 'refs/heads/main');
  assert.equal(claims.runner_environment, 'github-hosted');
  assert.match(String(claims.sha), /^[0-9a-f]{40}$/);
  assert.match(String(claims.repository_id), /^\d+$/);
  for (const name of [
    'workflow_ref',
    'workflow_sha',
    'job_workflow_sha',
    'repository_owner_id',
    'event_name',
    'run_id',
    'run_attempt',
  ]) {
    assert.equal(typeof claims[name], 'string', name);
  }
  const exp = claims.exp as number;
  const iat = claims.iat as number;
  assert.ok(exp > iat && exp - iat <= 600, 'short lifetime');
  assert.equal(claims.nbf, iat);
});

test('token endpoint: job_workflow_ref overrides the identity for one token', async () => {
  const claims = claimsOf(await fetchToken(stack.description, { jobWorkflowRef: OTHER_WORKFLOW }));
  assert.equal(claims.job_workflow_ref, OTHER_WORKFLOW);
  assert.equal(claims.repository, 'other/repo');
  assert.equal(claims.ref, 'refs/tags/v1.2.3');
  assert.equal(claims.sub, 'repo:other/repo:ref:refs/tags/v1.2.3');
  assert.equal(claims.aud, 'sigstore');
  // The next token is the default identity again.
  assert.equal(claimsOf(await fetchToken(stack.description)).job_workflow_ref, DEFAULT_JOB_WORKFLOW_REF);
  await assert.rejects(fetchToken(stack.description, { jobWorkflowRef: 'not a ref' }), /HTTP 400/);
});

test("F9 token endpoint: caller_workflow_ref mints a reusable-workflow call (A's job_workflow_ref, the caller's repository)", async () => {
  const CALLER = 'evil/fork/.github/workflows/ci.yml@refs/heads/dev';
  const own = claimsOf(await fetchToken(stack.description));
  const claims = claimsOf(await fetchToken(stack.description, { callerWorkflowRef: CALLER }));
  // What stays A's: the called workflow (Fulcio's SAN and Build Signer URI/Digest).
  assert.equal(claims.job_workflow_ref, DEFAULT_JOB_WORKFLOW_REF);
  assert.equal(claims.job_workflow_sha, own.job_workflow_sha);
  // What is the caller's: the run, its repository and ids, ref, sha, sub, workflow_ref.
  const evil = sourceRepositoryOf('evil/fork');
  assert.deepEqual(
    [
      claims.repository,
      claims.repository_id,
      claims.repository_owner,
      claims.repository_owner_id,
      claims.ref,
      claims.sub,
      claims.workflow_ref,
      claims.workflow,
    ],
    [
      'evil/fork',
      evil.repositoryId,
      'evil',
      evil.repositoryOwnerId,
      'refs/heads/dev',
      'repo:evil/fork:ref:refs/heads/dev',
      CALLER,
      'ci',
    ],
  );
  assert.notEqual(claims.sha, own.sha);
  assert.deepEqual([own.repository, own.repository_id, own.repository_owner_id], Object.values(stack.sourceRepository));
  assert.deepEqual(stack.sourceRepository, sourceRepositoryOf('acme/app'));
  // Without an audience, the caller's owner (GitHub's default); a bad caller is a 400.
  const res = await fetch(`${stack.description.tokenUrl}&caller_workflow_ref=${encodeURIComponent(CALLER)}`, {
    headers: { authorization: `bearer ${stack.description.requestToken}` },
  });
  assert.equal(claimsOf(((await res.json()) as { value: string }).value).aud, 'https://github.com/evil');
  await assert.rejects(fetchToken(stack.description, { callerWorkflowRef: 'evil/fork' }), /HTTP 400/);
  // Fulcio certifies it: the SAN is A's workflow, the source-repository extensions the caller's.
  const cert = await requestCertificate(
    stack.description.fulcioUrl,
    await fetchToken(stack.description, { callerWorkflowRef: CALLER }),
  );
  assert.equal(cert.status, 201, cert.body);
  const [leafPem] = (JSON.parse(cert.body) as { signedCertificateEmbeddedSct: { chain: { certificates: [string] } } })
    .signedCertificateEmbeddedSct.chain.certificates;
  const leaf = new X509Certificate(leafPem);
  assert.equal(leaf.subjectAltName, `URI:https://github.com/${DEFAULT_JOB_WORKFLOW_REF}`);
  const parsed = SigstoreX509.parse(leaf.raw);
  const ext = (oid: string) => parsed.extension(oid)?.valueObj.subs[0]?.value.toString('utf8');
  assert.equal(ext('1.3.6.1.4.1.57264.1.12'), 'https://github.com/evil/fork');
  assert.equal(ext('1.3.6.1.4.1.57264.1.15'), evil.repositoryId);
  assert.equal(ext('1.3.6.1.4.1.57264.1.17'), evil.repositoryOwnerId);
  assert.equal(ext('1.3.6.1.4.1.57264.1.9'), `https://github.com/${DEFAULT_JOB_WORKFLOW_REF}`);
});

test('OIDC discovery and JWKS are served', async () => {
  const base = new URL(stack.description.tokenUrl).origin;
  const config = (await (await fetch(`${base}/.well-known/openid-configuration`)).json()) as {
    issuer: string;
    jwks_uri: string;
  };
  assert.equal(config.issuer, GITHUB_ISSUER);
  const jwks = (await (await fetch(config.jwks_uri)).json()) as { keys: { kty: string; crv: string; alg: string }[] };
  assert.deepEqual(
    jwks.keys.map((k) => [k.kty, k.crv, k.alg]),
    [['EC', 'P-256', 'ES256']],
  );
});

test('Fulcio issues for a valid token and checks the proof of possession', async () => {
  const token = await fetchToken(stack.description);
  const ok = await requestCertificate(stack.description.fulcioUrl, token);
  assert.equal(ok.status, 201, ok.body);
  const chain = (JSON.parse(ok.body) as { signedCertificateEmbeddedSct: { chain: { certificates: string[] } } })
    .signedCertificateEmbeddedSct.chain.certificates;
  assert.equal(chain.length, 2);
  assert.equal(new X509Certificate(chain[0] as string).subjectAltName, `URI:${stack.description.identity}`);

  const badPop = await requestCertificate(stack.description.fulcioUrl, token, 'repo:someone/else:ref:refs/heads/main');
  assert.equal(badPop.status, 400);
  assert.match(badPop.body, /signature supplied in the request could not be verified/);
});

test('Fulcio refuses unsigned, forged, expired and wrong-audience tokens', async () => {
  const { fulcioUrl } = stack.description;
  const claims = claimsOf(await fetchToken(stack.description));
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

  const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
  const r1 = await requestCertificate(fulcioUrl, unsigned);
  assert.equal(r1.status, 401, r1.body);
  assert.match(r1.body, /not ES256/);

  const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const forged = signJwtES256(claims, otherKey, 'any');
  const r2 = await requestCertificate(fulcioUrl, forged);
  assert.equal(r2.status, 401, r2.body);
  const forgedSameKid = signJwtES256(
    claims,
    otherKey,
    JSON.parse(Buffer.from(unsigned.split('.')[0] as string, 'base64url').toString()).kid,
  );
  const r2b = await requestCertificate(fulcioUrl, forgedSameKid);
  assert.equal(r2b.status, 401, r2b.body);
  assert.match(r2b.body, /does not verify/);

  const now = Math.floor(Date.now() / 1000);
  const expired = stack.mintToken({ audience: 'sigstore', nowSeconds: now - 3600, lifetimeSeconds: 300 });
  const r3 = await requestCertificate(fulcioUrl, expired);
  assert.equal(r3.status, 401, r3.body);
  assert.match(r3.body, /expired/);

  const wrongAudience = await fetchToken(stack.description, { audience: 'https://github.com/acme' });
  const r4 = await requestCertificate(fulcioUrl, wrongAudience);
  assert.equal(r4.status, 401, r4.body);
  assert.match(r4.body, /audience/);
});

test('signed bundle verifies in Rekor mode, with the SAN and issuer of the token', async () => {
  const instance = modes(instanceFromStackDescription(stack.description, 'stack.json')).rekor;
  const json = (await signStatement(STATEMENT, { instance, identityToken: await fetchToken(stack.description) })) as {
    mediaType: string;
    verificationMaterial: {
      certificate?: unknown;
      tlogEntries?: { kindVersion: { kind: string } }[];
      timestampVerificationData?: { rfc3161Timestamps?: unknown[] };
    };
  };
  assert.equal(json.mediaType, 'application/vnd.dev.sigstore.bundle.v0.3+json');
  assert.ok(json.verificationMaterial.certificate);
  // The protobuf JSON mapping omits empty lists.
  assert.deepEqual(
    json.verificationMaterial.tlogEntries?.map((e) => e.kindVersion.kind),
    ['dsse'],
  );
  assert.equal(json.verificationMaterial.timestampVerificationData?.rfc3161Timestamps?.length ?? 0, 0);

  const { identity, issuer, trustedRoot } = stack.description;
  const signer = await verifyBundle(
    json,
    trustedRoot,
    { tlogThreshold: 1, timestampThreshold: 1 },
    { subjectAlternativeName: identity, extensions: { issuer } },
  );
  assert.equal(signer.identity?.subjectAlternativeName, `https://github.com/${DEFAULT_JOB_WORKFLOW_REF}`);
  assert.equal(signer.identity?.extensions?.issuer, GITHUB_ISSUER);
  // The same bundle under another identity policy is rejected: the check is real.
  await assert.rejects(
    verifyBundle(
      json,
      trustedRoot,
      { tlogThreshold: 1, timestampThreshold: 1 },
      { subjectAlternativeName: `https://github.com/${OTHER_WORKFLOW}` },
    ),
  );
});

test('signed bundle verifies in TSA mode, and as another workflow when the token says so', async () => {
  const instance = modes(instanceFromStackDescription(stack.description, 'stack.json')).tsa;
  const json = (await signStatement(STATEMENT, {
    instance,
    identityToken: await fetchToken(stack.description, { jobWorkflowRef: OTHER_WORKFLOW }),
  })) as {
    verificationMaterial: { tlogEntries?: unknown[]; timestampVerificationData?: { rfc3161Timestamps?: unknown[] } };
  };
  assert.equal(json.verificationMaterial.tlogEntries?.length ?? 0, 0);
  assert.equal(json.verificationMaterial.timestampVerificationData?.rfc3161Timestamps?.length, 1);
  const signer = await verifyBundle(
    json,
    stack.description.trustedRoot,
    { tlogThreshold: 0, timestampThreshold: 1 },
    { subjectAlternativeName: `https://github.com/${OTHER_WORKFLOW}` },
  );
  assert.equal(signer.identity?.extensions?.issuer, GITHUB_ISSUER);
  // Without a tlog entry the default verifier (tlogThreshold 1) refuses it.
  await assert.rejects(
    verifyBundle(json, stack.description.trustedRoot, { tlogThreshold: 1, timestampThreshold: 1 }, {}),
    /tlog/,
  );
});

test('a configured issuer goes into the token and the certificate; another stack does not verify', async () => {
  const issuer = 'https://issuer.example.test';
  const other = await startStack({ issuer, jobWorkflowRef: OTHER_WORKFLOW });
  try {
    const instance = instanceFromStackDescription(other.description, 'other.json');
    const json = await signStatement(STATEMENT, { instance, identityToken: await fetchToken(other.description) });
    const signer = await verifyBundle(
      json,
      other.description.trustedRoot,
      { tlogThreshold: 1, timestampThreshold: 2 },
      { subjectAlternativeName: other.description.identity, extensions: { issuer } },
    );
    assert.equal(signer.identity?.extensions?.issuer, issuer);
    // Fulcio's extensions (docs/oid-info.md): legacy ones are raw bytes, V2 ones DER UTF8String.
    const cert = SigstoreX509.parse(
      Buffer.from(
        (json as { verificationMaterial: { certificate: { rawBytes: string } } }).verificationMaterial.certificate
          .rawBytes,
        'base64',
      ),
    );
    const v2 = (oid: string) => cert.extension(`1.3.6.1.4.1.57264.1.${oid}`)?.valueObj.subs[0]?.value.toString('utf8');
    assert.equal(cert.extension('1.3.6.1.4.1.57264.1.1')?.value.toString('utf8'), issuer);
    assert.equal(v2('8'), issuer);
    assert.equal(v2('9'), `https://github.com/${OTHER_WORKFLOW}`);
    assert.equal(v2('11'), 'github-hosted');
    assert.equal(v2('12'), 'https://github.com/other/repo');
    assert.equal(v2('14'), 'refs/tags/v1.2.3');
    assert.match(v2('21') ?? '', /^https:\/\/github\.com\/other\/repo\/actions\/runs\/\d+\/attempts\/1$/);
    // Keys are fresh per stack: the first stack's trust root does not verify it.
    await assert.rejects(
      verifyBundle(json, stack.description.trustedRoot, { tlogThreshold: 1, timestampThreshold: 1 }, {}),
    );
  } finally {
    await other.close();
  }
});

test('signing errors name the service and its HTTP status in one line', async () => {
  const instance = instanceFromStackDescription(stack.description, 'stack.json');
  const expired = stack.mintToken({ audience: 'sigstore', nowSeconds: Math.floor(Date.now() / 1000) - 3600 });
  await assert.rejects(signStatement(STATEMENT, { instance, identityToken: expired }), (err: unknown) => {
    assert.ok(err instanceof SigstoreServiceError);
    assert.equal(err.service, 'Fulcio');
    assert.equal(err.status, 401);
    assert.match(
      err.message,
      /^Fulcio \(http:\/\/127\.0\.0\.1:\d+\): HTTP 401: There was an error processing the identity token: token expired/,
    );
    assert.ok(!err.message.includes('\n'));
    assert.ok(!err.message.includes(expired), 'the token is never echoed');
    return true;
  });
});

test('Rekor also logs intoto v0.0.2 entries in the canonical form @sigstore/verify checks', async () => {
  const { fulcioUrl, rekorUrl, trustedRoot, identity } = stack.description;
  const token = await fetchToken(stack.description);
  const builder = new DSSEBundleBuilder({
    signer: new FulcioSigner({
      fulcioBaseURL: fulcioUrl,
      identityProvider: { getToken: () => Promise.resolve(token) },
    }),
    witnesses: [new RekorWitness({ rekorBaseURL: rekorUrl ?? assert.fail('no Rekor'), entryType: 'intoto' })],
  });
  const json = bundleToJSON(await builder.create({ data: STATEMENT, type: 'application/vnd.in-toto+json' }));
  const entry = json.verificationMaterial.tlogEntries[0];
  assert.deepEqual(entry?.kindVersion, { kind: 'intoto', version: '0.0.2' });
  const body = JSON.parse(Buffer.from(entry?.canonicalizedBody ?? '', 'base64').toString('utf8')) as {
    spec: { content: { envelope: Record<string, unknown> } };
  };
  assert.equal(body.spec.content.envelope.payload, undefined, 'the payload is not stored');
  await verifyBundle(
    json,
    trustedRoot,
    { tlogThreshold: 1, timestampThreshold: 1 },
    { subjectAlternativeName: identity },
  );
});

test('Rekor refuses an entry whose DSSE signature does not verify', async () => {
  const instance = modes(instanceFromStackDescription(stack.description, 'stack.json')).rekor;
  const json = (await signStatement(STATEMENT, { instance, identityToken: await fetchToken(stack.description) })) as {
    dsseEnvelope: { payload: string; payloadType: string; signatures: { sig: string }[] };
    verificationMaterial: { certificate: { rawBytes: string } };
  };
  const certPem = new X509Certificate(Buffer.from(json.verificationMaterial.certificate.rawBytes, 'base64')).toString();
  const entry = (payload: string) => ({
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      proposedContent: {
        envelope: JSON.stringify({ ...json.dsseEnvelope, payload }),
        verifiers: [Buffer.from(certPem).toString('base64')],
      },
    },
  });
  const post = (body: unknown) =>
    fetch(`${stack.description.rekorUrl}/api/v1/log/entries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  assert.equal((await post(entry(json.dsseEnvelope.payload))).status, 201);
  const tampered = await post(entry(Buffer.from('{"tampered":true}').toString('base64')));
  assert.equal(tampered.status, 400);
  assert.match(await tampered.text(), /verifies/);
});

test('countersign stack: writes the description, serves, and closes on SIGTERM', async () => {
  const out = join(dir, 'cli', 'stack.json');
  await mkdir(dirname(out), { recursive: true });
  const log = mock.method(console, 'log', () => {});
  try {
    // Every token a reusable-workflow call of OTHER_WORKFLOW by a workflow of acme/caller.
    const exit = runStackCli([
      '--out',
      out,
      '--job-workflow-ref',
      OTHER_WORKFLOW,
      '--caller-workflow-ref',
      'acme/caller/.github/workflows/ci.yml@refs/heads/main',
    ]);
    let text: string | undefined;
    for (let i = 0; i < 100 && text === undefined; i++) {
      text = await readFile(out, 'utf8').catch(() => undefined);
      if (text === undefined) await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(text, 'description written');
    const d = instanceFromStackDescription(JSON.parse(text), out);
    assert.equal(d.trustedRootPath, join(dirname(out), 'trusted_root.json'));
    const claims = claimsOf(await fetchToken(JSON.parse(text)));
    assert.deepEqual(
      [claims.job_workflow_ref, claims.repository, claims.repository_id],
      [OTHER_WORKFLOW, 'acme/caller', sourceRepositoryOf('acme/caller').repositoryId],
    );
    // It says the pin a policy needs for its tokens.
    const caller = sourceRepositoryOf('acme/caller');
    assert.ok(
      log.mock.calls.some((c) =>
        String(c.arguments[0]).includes(
          `source   acme/caller (policy init --source-repository-id ${caller.repositoryId} --source-repository-owner-id ${caller.repositoryOwnerId})`,
        ),
      ),
    );
    assert.equal((await stat(out)).mode & 0o777, 0o600, 'the description holds the request token');
    process.emit('SIGTERM', 'SIGTERM');
    assert.equal(await exit, 0);
    await assert.rejects(fetch(`${d.fulcioUrl}/api/v2/signingCert`, { method: 'POST' }), 'servers are closed');
  } finally {
    log.mock.restore();
  }
  const error = mock.method(console, 'error', () => {});
  try {
    assert.equal(await runStackCli(['--issuer', 'not a url']), 2);
    assert.match(
      String(error.mock.calls[0]?.arguments[0]),
      /^countersign stack: issuer "not a url" is not an http\(s\) URL/,
    );
  } finally {
    error.mock.restore();
  }
});
