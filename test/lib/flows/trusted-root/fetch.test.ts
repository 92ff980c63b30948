// fetchTrustedRoot against a real TUF repository served on loopback (test/helpers/tuf-repo.ts):
// real signed metadata, real HTTP, the @sigstore/tuf client. What it must accept (a fetch, a
// root rotation) and what it must refuse, each with its code (spec/ERRORS.md §8).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchTrustedRoot } from '../../../../src/lib/flows/trusted-root/fetch.ts';
import { TUF_INSTANCES } from '../../../../src/lib/flows/trusted-root/instances.ts';
import { InputError } from '../../../../src/lib/basics/errors/errors.ts';
import { TufRepo, serveTufRepo, tufKey, type PublishOptions } from '../../../helpers/tuf-repo.ts';

const ROOT_FILE = new URL(
  '../../../vectors/real-sigstore/trusted-roots/public-good-trusted-root.json',
  import.meta.url,
);
const GITHUB_ROOT_FILE = new URL(
  '../../../vectors/real-sigstore/trusted-roots/github-trusted-root.json',
  import.meta.url,
);

async function withMirror<T>(
  repo: TufRepo,
  options: PublishOptions,
  body: (url: string, requests: string[]) => Promise<T>,
): Promise<T> {
  const mirror = await serveTufRepo(repo.publish(options));
  try {
    return await body(mirror.url, mirror.requests);
  } finally {
    await mirror.close();
  }
}

async function refused(promise: Promise<unknown>, code: string): Promise<InputError> {
  const err = await promise.then(
    () => assert.fail(`expected a refusal with ${code}`),
    (e: unknown) => e,
  );
  assert.ok(err instanceof InputError, `expected an InputError, got ${String(err)}`);
  assert.equal(err.code, code, err.message);
  assert.doesNotMatch(err.message, /\n/);
  return err;
}

test('fetches the trusted_root.json target, byte for byte, through a TUF repository on loopback', async () => {
  const bytes = new Uint8Array(await readFile(ROOT_FILE));
  const repo = new TufRepo();
  await withMirror(repo, { targets: { 'trusted_root.json': bytes } }, async (url, requests) => {
    const got = await fetchTrustedRoot({ instance: 'public-good', mirrorUrl: url, initialRoot: repo.initialRoot });
    assert.deepEqual(Buffer.from(got.bytes), Buffer.from(bytes));
    assert.equal(got.json.mediaType, 'application/vnd.dev.sigstore.trustedroot+json;version=0.1');
    assert.equal(got.mirrorUrl, url);
    // The TUF client workflow, in order: the next root (none), timestamp, snapshot, targets, target.
    assert.deepEqual(requests.slice(0, 4), ['2.root.json', 'timestamp.json', '1.snapshot.json', '1.targets.json']);
    assert.match(requests[4] ?? '', /^targets\/[0-9a-f]{64}\.trusted_root\.json$/);
  });
});

test('follows a root rotation: trusting root v1, it reaches v2 (signed by the old and new root keys) and the target its keys sign', async () => {
  const bytes = new Uint8Array(await readFile(GITHUB_ROOT_FILE));
  const repo = new TufRepo();
  const initialRoot = repo.initialRoot;
  repo.rotateRoot(); // new root and timestamp keys: the timestamp verifies only under v2
  await withMirror(repo, { targets: { 'trusted_root.json': bytes } }, async (url, requests) => {
    const got = await fetchTrustedRoot({ instance: 'github', mirrorUrl: url, initialRoot });
    assert.deepEqual(Buffer.from(got.bytes), Buffer.from(bytes));
    assert.deepEqual(requests.slice(0, 3), ['2.root.json', '3.root.json', 'timestamp.json']);
  });
});

test('refuses a root rotation that the old root keys did not sign (tuf-bad-signature)', async () => {
  const repo = new TufRepo();
  const initialRoot = repo.initialRoot;
  repo.rotateRoot({ signedBy: ['new'] });
  const bytes = new Uint8Array(await readFile(ROOT_FILE));
  await withMirror(repo, { targets: { 'trusted_root.json': bytes } }, async (url) => {
    const err = await refused(
      fetchTrustedRoot({ instance: 'public-good', mirrorUrl: url, initialRoot }),
      'tuf-bad-signature',
    );
    assert.match(err.message, /root was signed by 0\/1 keys/);
  });
});

test('refuses an expired timestamp (tuf-metadata-expired)', async () => {
  const repo = new TufRepo();
  const bytes = new Uint8Array(await readFile(ROOT_FILE));
  await withMirror(repo, { targets: { 'trusted_root.json': bytes }, expiresInDays: { timestamp: -1 } }, async (url) => {
    const err = await refused(
      fetchTrustedRoot({ instance: 'public-good', mirrorUrl: url, initialRoot: repo.initialRoot }),
      'tuf-metadata-expired',
    );
    assert.match(err.message, new RegExp(`^TUF repository ${url} \\(target trusted_root\\.json\\): refused expired`));
    assert.match(err.message, /timestamp\.json is expired/);
  });
});

test('refuses an expired snapshot too (tuf-metadata-expired)', async () => {
  const repo = new TufRepo();
  const bytes = new Uint8Array(await readFile(ROOT_FILE));
  await withMirror(repo, { targets: { 'trusted_root.json': bytes }, expiresInDays: { snapshot: -1 } }, async (url) => {
    await refused(
      fetchTrustedRoot({ instance: 'public-good', mirrorUrl: url, initialRoot: repo.initialRoot }),
      'tuf-metadata-expired',
    );
  });
});

test('refuses a timestamp signed by a key the root does not name (tuf-bad-signature)', async () => {
  const repo = new TufRepo();
  const bytes = new Uint8Array(await readFile(ROOT_FILE));
  await withMirror(repo, { targets: { 'trusted_root.json': bytes }, timestampSignedBy: tufKey() }, async (url) => {
    await refused(
      fetchTrustedRoot({ instance: 'public-good', mirrorUrl: url, initialRoot: repo.initialRoot }),
      'tuf-bad-signature',
    );
  });
});

test('refuses a target whose bytes are not the ones the signed targets metadata lists (tuf-target-mismatch)', async () => {
  const repo = new TufRepo();
  const bytes = new Uint8Array(await readFile(ROOT_FILE));
  const swapped = Uint8Array.from(bytes);
  // Same length, one byte changed: only the hash can tell.
  const at = swapped.indexOf('"'.charCodeAt(0), 10);
  swapped[at + 1] = (swapped[at + 1] ?? 0) ^ 1;
  await withMirror(
    repo,
    { targets: { 'trusted_root.json': bytes }, servedTargets: { 'trusted_root.json': swapped } },
    async (url) => {
      const err = await refused(
        fetchTrustedRoot({ instance: 'public-good', mirrorUrl: url, initialRoot: repo.initialRoot }),
        'tuf-target-mismatch',
      );
      assert.match(err.message, /Expected hash/);
    },
  );
});

test('refuses a repository without trusted_root.json (tuf-target-missing)', async () => {
  const repo = new TufRepo();
  await withMirror(repo, { targets: { 'other.json': new TextEncoder().encode('{}') } }, async (url) => {
    await refused(
      fetchTrustedRoot({ instance: 'public-good', mirrorUrl: url, initialRoot: repo.initialRoot }),
      'tuf-target-missing',
    );
  });
});

test('a signed target that is not a usable trusted root is refused (trusted-root-malformed)', async () => {
  const repo = new TufRepo();
  const notARoot = new TextEncoder().encode(
    '{"mediaType":"application/vnd.dev.sigstore.trustedroot+json;version=0.1","tlogs":[{}]}',
  );
  await withMirror(repo, { targets: { 'trusted_root.json': notARoot } }, async (url) => {
    await refused(
      fetchTrustedRoot({ instance: 'public-good', mirrorUrl: url, initialRoot: repo.initialRoot }),
      'trusted-root-malformed',
    );
  });
});

test('an unreachable mirror is one clear error (tuf-mirror-unreachable)', async () => {
  // A port that was free a moment ago: nothing listens there.
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const repo = new TufRepo();
  const err = await refused(
    fetchTrustedRoot({
      instance: 'public-good',
      mirrorUrl: `http://127.0.0.1:${port}`,
      initialRoot: repo.initialRoot,
      retries: 0,
    }),
    'tuf-mirror-unreachable',
  );
  assert.match(err.message, /ECONNREFUSED/);
});

test('a mirror that answers 404 for the timestamp is unreachable, not "no target"', async () => {
  const repo = new TufRepo();
  const files = repo.publish({ targets: {} });
  files.delete('timestamp.json');
  const mirror = await serveTufRepo(files);
  try {
    const err = await refused(
      fetchTrustedRoot({ instance: 'public-good', mirrorUrl: mirror.url, initialRoot: repo.initialRoot, retries: 0 }),
      'tuf-mirror-unreachable',
    );
    assert.match(err.message, /HTTP 404/);
  } finally {
    await mirror.close();
  }
});

test('another mirror without an initial root is refused before any request', async () => {
  await refused(fetchTrustedRoot({ instance: 'public-good', mirrorUrl: 'http://127.0.0.1:9' }), 'usage');
});

test('an initial root that is not TUF root metadata is refused (tuf-metadata-invalid)', async () => {
  await refused(
    fetchTrustedRoot({
      instance: 'github',
      mirrorUrl: 'http://127.0.0.1:9',
      initialRoot: new TextEncoder().encode('{"signed":{"_type":"timestamp"},"signatures":[]}'),
    }),
    'tuf-metadata-invalid',
  );
});

test('with --tuf-cache, the metadata stays in that directory; without, nothing is left in the temporary directory', async () => {
  const repo = new TufRepo();
  const bytes = new Uint8Array(await readFile(ROOT_FILE));
  const cacheDir = await mkdtemp(join(tmpdir(), 'tuf-cache-test-'));
  try {
    const before = (await readdir(tmpdir())).filter((n) => n.startsWith('countersign-tuf-')).sort();
    await withMirror(repo, { targets: { 'trusted_root.json': bytes } }, async (url) => {
      await fetchTrustedRoot({ instance: 'public-good', mirrorUrl: url, initialRoot: repo.initialRoot, cacheDir });
      await fetchTrustedRoot({ instance: 'public-good', mirrorUrl: url, initialRoot: repo.initialRoot });
    });
    const after = (await readdir(tmpdir())).filter((n) => n.startsWith('countersign-tuf-')).sort();
    assert.deepEqual(after, before);
    const [mirrorDir] = await readdir(cacheDir);
    assert.ok(mirrorDir !== undefined);
    const cached = await readdir(join(cacheDir, mirrorDir));
    assert.ok(cached.includes('root.json') && cached.includes('timestamp.json'), cached.join(', '));
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
});

test("GitHub's shipped initial root loads in the TUF client; left as the final root (no newer one on the mirror) it is refused as expired", async () => {
  const initialRoot = TUF_INSTANCES.github.initialRoot;
  assert.ok(initialRoot !== undefined);
  const repo = new TufRepo();
  const mirror = await serveTufRepo(repo.publish({ targets: {} }));
  try {
    const err = await refused(
      fetchTrustedRoot({
        instance: 'github',
        mirrorUrl: mirror.url,
        initialRoot: new TextEncoder().encode(initialRoot),
      }),
      'tuf-metadata-expired',
    );
    assert.match(err.message, /Final root\.json is expired/);
    assert.deepEqual(mirror.requests, ['2.root.json', 'timestamp.json']);
  } finally {
    await mirror.close();
  }
});
