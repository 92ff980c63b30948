// Identity-token resolution (explicit > SIGSTORE_ID_TOKEN > GitHub Actions' token endpoint)
// and `--sigstore` instance resolution (public-good, github, a stack description file).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../../src/lib/basics/errors/errors.ts';
import { GITHUB, PUBLIC_GOOD, resolveInstance } from '../../../../src/lib/flows/sign/instances.ts';
import { STACK_DESCRIPTION_MEDIA_TYPE } from '../../../../src/lib/formats/stack/description.ts';
import { resolveIdentityToken } from '../../../../src/lib/flows/sign/oidc-token.ts';
import { startStack } from '../../../../src/stack/index.ts';
import type { Stack } from '../../../../src/stack/index.ts';

let stack: Stack;
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'countersign-sign-test-'));
  stack = await startStack({ dir });
});

after(async () => {
  await stack?.close();
  await rm(dir, { recursive: true, force: true });
});

/** An unsigned JWT-shaped token; resolution checks only the shape, Fulcio checks the rest. */
function fakeJwt(sub: string): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'ES256' })}.${part({ sub })}.c2ln`;
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

function githubEnv(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    ACTIONS_ID_TOKEN_REQUEST_URL: stack.description.tokenUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: stack.description.requestToken,
    ...overrides,
  };
}

async function withServer(
  handler: Parameters<typeof createServer>[1],
  fn: (url: string) => Promise<void>,
): Promise<void> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}/token?api-version=2.0`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

function inputError(code: RegExp | string, message: RegExp) {
  return (err: unknown) => {
    assert.ok(err instanceof InputError, `expected an InputError, got ${String(err)}`);
    if (typeof code === 'string') assert.equal(err.code, code);
    else assert.match(err.code, code);
    assert.match(err.message, message);
    assert.ok(!err.message.includes('\n'), 'one line');
    return true;
  };
}

test('token: --identity-token wins over SIGSTORE_ID_TOKEN and GitHub', async () => {
  const token = await resolveIdentityToken({
    explicit: fakeJwt('explicit'),
    env: githubEnv({ SIGSTORE_ID_TOKEN: fakeJwt('env') }),
  });
  assert.equal(claimsOf(token).sub, 'explicit');
});

test('token: SIGSTORE_ID_TOKEN wins over GitHub', async () => {
  const token = await resolveIdentityToken({ env: githubEnv({ SIGSTORE_ID_TOKEN: fakeJwt('env') }) });
  assert.equal(claimsOf(token).sub, 'env');
});

test("token: GitHub's endpoint with audience sigstore and bearer auth", async () => {
  const token = await resolveIdentityToken({ env: githubEnv({ SIGSTORE_ID_TOKEN: '' }) });
  const claims = claimsOf(token);
  assert.equal(claims.aud, 'sigstore');
  assert.equal(claims.iss, stack.description.issuer);
  assert.equal(claims.job_workflow_ref, stack.description.jobWorkflowRef);
  await assert.rejects(
    resolveIdentityToken({ env: githubEnv({ ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'wrong' }) }),
    inputError('identity-token-request-failed', /expected HTTP 200, found HTTP 401/),
  );
});

test('token: no source says to add permissions id-token: write', async () => {
  await assert.rejects(
    resolveIdentityToken({ env: {} }),
    inputError('no-identity-token', /permissions: id-token: write.*--identity-token/),
  );
  await assert.rejects(
    resolveIdentityToken({ env: { ACTIONS_ID_TOKEN_REQUEST_URL: stack.description.tokenUrl } }),
    inputError('no-identity-token', /id-token: write.*only ACTIONS_ID_TOKEN_REQUEST_URL is set/),
  );
});

test('token: a malformed token is refused without echoing it', async () => {
  const secret = 'not-a-jwt-secret-value';
  await assert.rejects(resolveIdentityToken({ explicit: secret, env: {} }), (err: unknown) => {
    assert.ok(err instanceof InputError && err.code === 'bad-identity-token');
    assert.match(err.message, /^--identity-token: expected a JWT/);
    assert.ok(!err.message.includes(secret));
    return true;
  });
  await assert.rejects(
    resolveIdentityToken({ explicit: '', env: githubEnv() }),
    inputError('bad-identity-token', /empty/),
  );
  await assert.rejects(
    resolveIdentityToken({ env: { SIGSTORE_ID_TOKEN: 'a.b' } }),
    inputError('bad-identity-token', /^SIGSTORE_ID_TOKEN:/),
  );
});

test('token: the GitHub request has a timeout and a size cap, and plain http only to loopback', async () => {
  await withServer(
    () => {
      /* never answers */
    },
    async (url) => {
      await assert.rejects(
        resolveIdentityToken({ env: githubEnv({ ACTIONS_ID_TOKEN_REQUEST_URL: url }), timeoutMs: 200 }),
        inputError('identity-token-request-failed', /no answer within 200 ms/),
      );
    },
  );
  await withServer(
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ value: 'x'.repeat(100 * 1024) }));
    },
    async (url) => {
      await assert.rejects(
        resolveIdentityToken({ env: githubEnv({ ACTIONS_ID_TOKEN_REQUEST_URL: url }) }),
        inputError('too-large', /over the limit/),
      );
    },
  );
  await withServer(
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"value": "a", "value": "b"}');
    },
    async (url) => {
      await assert.rejects(
        resolveIdentityToken({ env: githubEnv({ ACTIONS_ID_TOKEN_REQUEST_URL: url }) }),
        inputError('duplicate-key', /duplicate key/),
      );
    },
  );
  await assert.rejects(
    resolveIdentityToken({
      env: githubEnv({ ACTIONS_ID_TOKEN_REQUEST_URL: 'http://token.example.test/x?api-version=2.0' }),
    }),
    inputError('bad-service-url', /https/),
  );
});

test('instance: public-good is the default, github uses a TSA and no tlog', async () => {
  assert.equal(await resolveInstance(), PUBLIC_GOOD);
  assert.deepEqual(await resolveInstance('public-good'), {
    kind: 'public-good',
    name: 'public-good',
    fulcioUrl: 'https://fulcio.sigstore.dev',
    rekorUrl: 'https://rekor.sigstore.dev',
    tsaUrl: undefined,
    trustedRootPath: undefined,
  });
  assert.equal(await resolveInstance('github'), GITHUB);
  assert.equal(GITHUB.fulcioUrl, 'https://fulcio.githubapp.com');
  assert.equal(GITHUB.tsaUrl, 'https://timestamp.githubapp.com');
  assert.equal(GITHUB.rekorUrl, undefined);
});

test('instance: a stack description file uses its Fulcio, Rekor and TSA', async () => {
  const path = join(dir, 'stack.json');
  await writeFile(path, JSON.stringify(stack.description));
  const instance = await resolveInstance(path);
  assert.deepEqual(instance, {
    kind: 'stack',
    name: `stack ${path}`,
    fulcioUrl: stack.description.fulcioUrl,
    rekorUrl: stack.description.rekorUrl,
    tsaUrl: stack.description.tsaUrl,
    trustedRootPath: stack.description.trustedRoot,
  });
  await writeFile(path, JSON.stringify({ ...stack.description, useRekor: false }));
  const tsaOnly = await resolveInstance(path);
  assert.equal(tsaOnly.rekorUrl, undefined);
  assert.equal(tsaOnly.tsaUrl, stack.description.tsaUrl);
});

test('instance: bad stack files are refused with the file named', async () => {
  const path = join(dir, 'bad.json');
  const d = { ...stack.description };
  const cases: [string, string | RegExp, RegExp][] = [
    ['{"mediaType": "a", "mediaType": "b"}', 'duplicate-key', /duplicate key "mediaType"/],
    ['[]', 'sigstore-instance-invalid', /\$: expected an object, found an array/],
    [JSON.stringify({ ...d, extra: 1 }), 'sigstore-instance-invalid', /unknown field "extra"/],
    [
      JSON.stringify({ ...d, mediaType: 'application/json' }),
      'sigstore-instance-invalid',
      /expected mediaType application\/vnd\.countersign\.stack\.v1\+json/,
    ],
    [
      JSON.stringify({ ...d, fulcioUrl: 5 }),
      'sigstore-instance-invalid',
      /\$\.fulcioUrl: expected a string, found the number 5/,
    ],
    [JSON.stringify({ ...d, issuer: undefined }), 'sigstore-instance-invalid', /\$: missing field "issuer"/],
    [
      JSON.stringify({ ...d, rekorUrl: 'http://rekor.example.test' }),
      'bad-service-url',
      /rekorUrl: expected an https URL/,
    ],
    [JSON.stringify({ ...d, trustedRoot: 'trusted_root.json' }), 'sigstore-instance-invalid', /absolute path/],
    [JSON.stringify({ ...d, useRekor: false, useTsa: false }), 'sigstore-instance-invalid', /both false/],
    [
      JSON.stringify({ ...d, useTsa: 'no' }),
      'sigstore-instance-invalid',
      /\$\.useTsa: expected true or false, found the string "no"/,
    ],
    [' '.repeat(70 * 1024), 'too-large', /over the limit/],
  ];
  for (const [text, code, message] of cases) {
    await writeFile(path, text);
    await assert.rejects(resolveInstance(path), inputError(code, message), text.slice(0, 60));
    await assert.rejects(resolveInstance(path), (err: Error) => err.message.includes(path));
  }
  await assert.rejects(
    resolveInstance(join(dir, 'missing.json')),
    inputError(
      'sigstore-instance-invalid',
      /expected public-good, github, a stack description or a signing config file, found no such file/,
    ),
  );
  await assert.rejects(resolveInstance('staging'), inputError('sigstore-instance-invalid', /^--sigstore staging:/));
  assert.equal(STACK_DESCRIPTION_MEDIA_TYPE, stack.description.mediaType);
});
