// `countersign trusted-root` and `countersign policy check-trusted-root` as a user runs them: real
// `node src/cli/main.ts` processes fetching from a real TUF repository that this test serves on
// 127.0.0.1 (test/helpers/tuf-repo.ts). The file is written only after every TUF check passed,
// atomically; each failure is one line with its code's words and exit 2; a changed root is exit 1
// with a one-line summary of what changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TufRepo, serveTufRepo, type PublishOptions, type TufMirror } from '../helpers/tuf-repo.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ROOTS = join(ROOT, 'test/vectors/real-sigstore/trusted-roots');
const PUBLIC_GOOD = join(ROOTS, 'public-good-trusted-root.json');
/** An older public-good root (sigstore-go's test copy): one transparency log fewer. */
const OLDER_PUBLIC_GOOD = join(ROOTS, 'sigstore-go-public-good-trusted-root.json');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['src/cli/main.ts', ...args],
      { cwd: ROOT, timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') {
          reject(new Error(err.message, { cause: err }));
          return;
        }
        resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
      },
    );
  });
}

interface Setup {
  dir: string;
  repo: TufRepo;
  initialRoot: string;
  serve(options: PublishOptions): Promise<TufMirror>;
}

async function setup(t: { after: (fn: () => Promise<void>) => void }): Promise<Setup> {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-trusted-root-'));
  const mirrors: TufMirror[] = [];
  t.after(async () => {
    for (const m of mirrors) await m.close();
    await rm(dir, { recursive: true, force: true });
  });
  const repo = new TufRepo();
  const initialRoot = join(dir, 'tuf-root.json');
  await writeFile(initialRoot, repo.initialRoot);
  return {
    dir,
    repo,
    initialRoot,
    serve: async (options) => {
      const m = await serveTufRepo(repo.publish(options));
      mirrors.push(m);
      return m;
    },
  };
}

const target = async (path: string): Promise<PublishOptions> => ({
  targets: { 'trusted_root.json': new Uint8Array(await readFile(path)) },
});

test('trusted-root: fetches through TUF and writes the target byte for byte (exit 0)', async (t) => {
  const s = await setup(t);
  const mirror = await s.serve(await target(PUBLIC_GOOD));
  const out = join(s.dir, 'trusted_root.json');
  const r = await cli(['trusted-root', '--tuf-url', mirror.url, '--tuf-root', s.initialRoot, '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(await readFile(out), await readFile(PUBLIC_GOOD));
  assert.equal(r.stdout.trim(), out);
  assert.match(
    r.stderr,
    /^wrote .*: the trusted root of http:\/\/127\.0\.0\.1:\d+ \(sha256:[0-9a-f]{64}\): 2 certificate authorities, 1 timestamp authorities, 2 transparency logs, 2 CT logs\n$/,
  );
});

test('trusted-root: follows a TUF root rotation (v1 -> v2) to the target', async (t) => {
  const s = await setup(t);
  s.repo.rotateRoot();
  const mirror = await s.serve(await target(PUBLIC_GOOD));
  const out = join(s.dir, 'trusted_root.json');
  const r = await cli([
    'trusted-root',
    '--instance',
    'github',
    '--tuf-url',
    mirror.url,
    '--tuf-root',
    s.initialRoot,
    '--out',
    out,
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(mirror.requests.includes('2.root.json') && mirror.requests.includes('3.root.json'));
  assert.deepEqual(await readFile(out), await readFile(PUBLIC_GOOD));
});

test('trusted-root: an expired timestamp is refused, exit 2, one line, and the old --out file is left as it was', async (t) => {
  const s = await setup(t);
  const mirror = await s.serve({ ...(await target(PUBLIC_GOOD)), expiresInDays: { timestamp: -2 } });
  const out = join(s.dir, 'trusted_root.json');
  await writeFile(out, 'previous');
  const r = await cli(['trusted-root', '--tuf-url', mirror.url, '--tuf-root', s.initialRoot, '--out', out]);
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    /^countersign: TUF repository http:\/\/127\.0\.0\.1:\d+ \(target trusted_root\.json\): refused expired metadata: .*timestamp\.json is expired\n$/,
  );
  assert.equal(await readFile(out, 'utf8'), 'previous');
  // No temporary file beside it either.
  assert.deepEqual((await readdir(s.dir)).sort(), ['trusted_root.json', 'tuf-root.json']);
});

test('trusted-root: a target whose hash does not match is refused, and nothing is written', async (t) => {
  const s = await setup(t);
  const bytes = new Uint8Array(await readFile(PUBLIC_GOOD));
  const swapped = Uint8Array.from(bytes);
  swapped[bytes.length - 3] = 0x20; // same length
  const mirror = await s.serve({
    targets: { 'trusted_root.json': bytes },
    servedTargets: { 'trusted_root.json': swapped },
  });
  const out = join(s.dir, 'trusted_root.json');
  const r = await cli(['trusted-root', '--tuf-url', mirror.url, '--tuf-root', s.initialRoot, '--out', out]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /refused a target whose length or hash is not the one its signed metadata lists/);
  assert.deepEqual(await readdir(s.dir), ['tuf-root.json']);
});

test('trusted-root: usage errors name the flag (missing --out, unknown instance, --tuf-url without --tuf-root, plain http)', async () => {
  const cases: [string[], RegExp][] = [
    [['trusted-root'], /missing --out FILE/],
    [
      ['trusted-root', '--instance', 'staging', '--out', 'x'],
      /--instance: expected public-good or github, found "staging"/,
    ],
    [
      ['trusted-root', '--tuf-url', 'https://tuf.example', '--out', 'x'],
      /--tuf-url https:\/\/tuf\.example needs --tuf-root FILE/,
    ],
    [
      ['trusted-root', '--tuf-url', 'http://tuf.example', '--tuf-root', 'r', '--out', 'x'],
      /--tuf-url: expected an https URL/,
    ],
  ];
  for (const [args, message] of cases) {
    const r = await cli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
  }
});

test('trusted-root --help and help trusted-root print the usage (exit 0)', async () => {
  for (const args of [
    ['trusted-root', '--help'],
    ['help', 'trusted-root'],
  ]) {
    const r = await cli(args);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^usage: countersign trusted-root /);
    assert.match(r.stdout, /never your home directory/);
  }
});

/** A policy pinning `rootFile`, written with `policy init`. */
async function policyPinning(dir: string, rootFile: string): Promise<string> {
  const { publicKey } = generateKeyPairSync('ed25519');
  const pub = join(dir, 'b.key.pub');
  await writeFile(pub, publicKey.export({ format: 'pem', type: 'spki' }));
  const out = join(dir, 'policy.json');
  const r = await cli([
    'policy',
    'init',
    '--identity',
    'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
    '--source-repository-id',
    '1',
    '--source-repository-owner-id',
    '2',
    '--trusted-root',
    rootFile,
    '--countersigner',
    `b=${pub}`,
    '--stream',
    'acme/app:stable',
    '--out',
    out,
  ]);
  assert.equal(r.code, 0, r.stderr);
  return out;
}

test('policy check-trusted-root: the pinned root is the current one (exit 0), even re-serialised', async (t) => {
  const s = await setup(t);
  // The mirror's copy has other whitespace than the policy's: content decides, not bytes.
  const policy = await policyPinning(s.dir, PUBLIC_GOOD);
  const compact = new TextEncoder().encode(JSON.stringify(JSON.parse(await readFile(PUBLIC_GOOD, 'utf8'))));
  const mirror = await s.serve({ targets: { 'trusted_root.json': compact } });
  const r = await cli(['policy', 'check-trusted-root', policy, '--tuf-url', mirror.url, '--tuf-root', s.initialRoot]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /the pinned trusted root is public-good's current one \(sha256:[0-9a-f]{64}\)\n$/);
});

test('policy check-trusted-root: a rotated Sigstore root is exit 1 with a one-line summary of what changed, and --out writes the new root', async (t) => {
  const s = await setup(t);
  const policy = await policyPinning(s.dir, OLDER_PUBLIC_GOOD);
  const mirror = await s.serve(await target(PUBLIC_GOOD));
  const out = join(s.dir, 'new-root.json');
  const r = await cli([
    'policy',
    'check-trusted-root',
    policy,
    '--tuf-url',
    mirror.url,
    '--tuf-root',
    s.initialRoot,
    '--out',
    out,
  ]);
  assert.equal(r.code, 1, r.stderr);
  const [summary, ...details] = r.stdout.trimEnd().split('\n');
  assert.match(
    summary ?? '',
    /policy\.json: the pinned trusted root \(sha256:[0-9a-f]{64}\) is not public-good's current one \(sha256:[0-9a-f]{64}\): .*transparency logs: \+log [A-Za-z0-9+/=]{12}\.\.\. \(valid from 20/,
  );
  assert.ok(details.length > 0 && details.every((l) => l.startsWith('  ')), r.stdout);
  assert.ok(
    details.some((l) => /Sigstore trusted root transparency log "log /.test(l)),
    r.stdout,
  );
  assert.match(
    r.stderr,
    /countersign policy rotate --trusted-root .*new-root\.json --current .*policy\.json --out NEW_POLICY/,
  );
  assert.deepEqual(await readFile(out), await readFile(PUBLIC_GOOD));

  // What examples/workflows/trusted-root-watch.yml does next: the next policy carries the new
  // root (policy rotate), and that policy's pinned root is current.
  const next = join(s.dir, 'policy.next.json');
  const rotate = await cli(['policy', 'rotate', '--trusted-root', out, '--current', policy, '--out', next]);
  assert.equal(rotate.code, 0, rotate.stderr);
  const again = await cli(['policy', 'check-trusted-root', next, '--tuf-url', mirror.url, '--tuf-root', s.initialRoot]);
  assert.equal(again.code, 0, again.stdout + again.stderr);
});

test('policy check-trusted-root: TUF failures are exit 2 (an unreachable mirror), and a bad policy is reported first', async (t) => {
  const s = await setup(t);
  const policy = await policyPinning(s.dir, PUBLIC_GOOD);
  const mirror = await s.serve(await target(PUBLIC_GOOD));
  const url = mirror.url;
  await mirror.close();
  const r = await cli(['policy', 'check-trusted-root', policy, '--tuf-url', url, '--tuf-root', s.initialRoot]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^countersign: TUF repository .*: cannot fetch from the mirror: /);
  assert.equal(r.stdout, '');
  const missing = await cli([
    'policy',
    'check-trusted-root',
    join(s.dir, 'nope.json'),
    '--tuf-url',
    url,
    '--tuf-root',
    s.initialRoot,
  ]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.json/);
});
