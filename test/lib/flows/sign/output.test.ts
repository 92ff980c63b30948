// `countersign sign` checks everything local before anything leaves the machine (issue 14 #9:
// a Rekor entry is permanent and public): an --out that cannot be written, a signing config
// without its trusted root, or a trusted root that cannot be read fails with exit 2 while the
// stack's token endpoint, Fulcio, Rekor and TSA have received no request at all. And the other
// way round: a signing config whose services are not the ones its trusted root pins signs, but
// the bundle is refused before it is written (signed-bundle-unverifiable).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../../../src/lib/basics/errors/errors.ts';
import { checkOutputWritable } from '../../../../src/lib/flows/sign/output.ts';
import { startStack, type Stack } from '../../../../src/stack/index.ts';

const MAIN = join(import.meta.dirname, '..', '..', '..', '..', 'src', 'cli', 'main.ts');

let stack: Stack;
let other: Stack;
let dir: string;
let statementPath: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      {
        cwd: dir,
        timeout: 60_000,
        env: {
          ...process.env,
          SIGSTORE_ID_TOKEN: '',
          ACTIONS_ID_TOKEN_REQUEST_URL: stack.description.tokenUrl,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: stack.description.requestToken,
        },
      },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'countersign-sign-out-'));
  stack = await startStack({ dir: join(dir, 'stack') });
  other = await startStack({ dir: join(dir, 'other') });
  await writeFile(join(dir, 'app.bin'), 'release bytes');
  statementPath = join(dir, 'statement.json');
  const built = await cli([
    'build',
    '--kind',
    'binary-digest',
    '--stream',
    'acme/app:stable',
    '--version',
    '1',
    '--out',
    statementPath,
    '--',
    'app.bin',
  ]);
  assert.equal(built.code, 0, built.stderr);
});

after(async () => {
  await stack?.close();
  await other?.close();
  await rm(dir, { recursive: true, force: true });
});

const nothingSent = () => assert.deepEqual(stack.requestCounts(), { oidc: 0, fulcio: 0, rekor: 0, tsa: 0 });

test('sign: an --out in a missing directory fails with exit 2 before any request (no Rekor entry)', async () => {
  const d = stack.description;
  await writeFile(join(dir, 'stack.json'), JSON.stringify(d));
  const typo = join(dir, 'relase', 'primary.sigstore.json');
  for (const sigstore of [
    ['--sigstore', join(dir, 'stack.json')],
    ['--sigstore', d.signingConfig ?? '', '--trusted-root', d.trustedRoot],
  ]) {
    const run = await cli(['sign', statementPath, ...sigstore, '--out', typo]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /--out .*relase.*: cannot write the bundle there: no directory/);
  }
  nothingSent();
  assert.equal(stack.logSize(), 0);
  await assert.rejects(stat(join(dir, 'relase')), 'nothing created');
});

test('sign: a directory as --out, or a read-only directory, fails before any request', async () => {
  await mkdir(join(dir, 'out-dir'));
  const asDir = await cli([
    'sign',
    statementPath,
    '--sigstore',
    join(dir, 'stack.json'),
    '--out',
    join(dir, 'out-dir'),
  ]);
  assert.equal(asDir.code, 2);
  assert.match(asDir.stderr, /it is a directory/);
  if (process.getuid?.() !== 0) {
    await mkdir(join(dir, 'ro'));
    await chmod(join(dir, 'ro'), 0o500);
    const ro = await cli([
      'sign',
      statementPath,
      '--sigstore',
      join(dir, 'stack.json'),
      '--out',
      join(dir, 'ro', 'p.json'),
    ]);
    assert.equal(ro.code, 2);
    assert.match(ro.stderr, /EACCES/);
  }
  nothingSent();
});

test('sign: a signing config needs its trusted root, and an unreadable root fails before any request', async () => {
  const d = stack.description;
  const out = join(dir, 'p.json');
  const noRoot = await cli(['sign', statementPath, '--sigstore', d.signingConfig ?? '', '--out', out]);
  assert.equal(noRoot.code, 2);
  assert.match(noRoot.stderr, /give its trusted root too \(--trusted-root FILE\)/);
  const missing = await cli([
    'sign',
    statementPath,
    '--sigstore',
    d.signingConfig ?? '',
    '--trusted-root',
    join(dir, 'nope.json'),
    '--out',
    out,
  ]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.json/);
  const stackWithRoot = await cli([
    'sign',
    statementPath,
    '--sigstore',
    join(dir, 'stack.json'),
    '--trusted-root',
    d.trustedRoot,
    '--out',
    out,
  ]);
  assert.equal(stackWithRoot.code, 2);
  assert.match(stackWithRoot.stderr, /names its own trusted root/);
  nothingSent();
  await assert.rejects(stat(out));
});

test('sign: through the signing config and its root the bundle verifies; under another root it is refused and not written', async () => {
  const d = stack.description;
  const out = join(dir, 'primary.sigstore.json');
  const ok = await cli([
    'sign',
    statementPath,
    '--sigstore',
    d.signingConfig ?? '',
    '--trusted-root',
    d.trustedRoot,
    '--out',
    out,
  ]);
  assert.equal(ok.code, 0, ok.stderr);
  const bundle = JSON.parse(await readFile(out, 'utf8')) as { mediaType: string };
  assert.equal(bundle.mediaType, 'application/vnd.dev.sigstore.bundle.v0.3+json');
  const verified = await cli([
    'verify-bundle',
    '--bundle',
    out,
    '--certificate-identity',
    d.identity,
    '--certificate-oidc-issuer',
    d.issuer,
    '--trusted-root',
    d.trustedRoot,
    join(dir, 'app.bin'),
  ]);
  // verify-bundle checks that the file is a subject of the signed statement.
  assert.equal(verified.code, 0, verified.stderr + verified.stdout);

  const wrong = join(dir, 'wrong.sigstore.json');
  const mismatch = await cli([
    'sign',
    statementPath,
    '--sigstore',
    d.signingConfig ?? '',
    '--trusted-root',
    other.description.trustedRoot,
    '--out',
    wrong,
  ]);
  assert.equal(mismatch.code, 2);
  assert.match(
    mismatch.stderr,
    /bundle just signed with signing config .*\(under the trusted root .*other.*\); nothing written/,
  );
  await assert.rejects(stat(wrong), 'nothing written');
});

test('checkOutputWritable leaves no probe file behind and names the input', async () => {
  const target = join(dir, 'probe-test', 'x.json');
  await mkdir(join(dir, 'probe-test'));
  await checkOutputWritable(target);
  assert.deepEqual(await (await import('node:fs/promises')).readdir(join(dir, 'probe-test')), []);
  await assert.rejects(
    checkOutputWritable(join(dir, 'missing', 'x.json'), 'bundle-path'),
    (err: unknown) =>
      err instanceof InputError && err.code === 'output-unwritable' && err.message.startsWith('bundle-path '),
  );
});
