// The parallel hashing of large files in worker threads (src/lib/basics/io/hash-pool.ts): the
// same subjects as the main-thread path, in the same order, with the same errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HashPool, WORKER_MIN_FILE_BYTES, collectSubjects } from '../../../../src/lib/formats/subjects/index.ts';
import { InputError } from '../../../../src/lib/basics/errors/errors.ts';

async function tempTree(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-digest-parallel-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

test('collectSubjects: large files hashed in worker threads give the same subjects as the main thread', async (t) => {
  const dir = await tempTree(t);
  const expected: { name: string; digest: { sha256: string } }[] = [];
  // Sizes around the threshold and the worker's 256 KiB buffer, plus small files.
  const sizes = [
    WORKER_MIN_FILE_BYTES - 1,
    WORKER_MIN_FILE_BYTES,
    WORKER_MIN_FILE_BYTES + 1,
    3 * WORKER_MIN_FILE_BYTES + 12345,
    0,
    100,
    2 * WORKER_MIN_FILE_BYTES,
  ];
  for (const [i, size] of sizes.entries()) {
    const data = randomBytes(size);
    const name = `f${i}.bin`;
    await writeFile(join(dir, name), data);
    expected.push({ name, digest: { sha256: sha256(data) } });
  }
  expected.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const hashThreads of [0, 1, 2, 4]) {
    const seen: number[] = [];
    const subjects = await collectSubjects(['.'], {
      base: dir,
      hashThreads,
      onProgress: (done, total) => seen.push(done, total),
    });
    assert.deepEqual(subjects, expected, `hashThreads ${hashThreads}`);
    // One progress call per file, counting up to the total.
    assert.deepEqual(
      seen.filter((_, i) => i % 2 === 0),
      sizes.map((_, i) => i + 1),
    );
    assert.ok(seen.filter((_, i) => i % 2 === 1).every((total) => total === sizes.length));
  }
  await assert.rejects(collectSubjects(['.'], { base: dir, hashThreads: -1 }), RangeError);
});

test('HashPool: digests, and the same refusals as sha256File', { timeout: 20_000 }, async (t) => {
  const dir = await tempTree(t);
  const data = randomBytes(700_000);
  await writeFile(join(dir, 'a'), data);
  await writeFile(join(dir, 'b'), 'abc');
  const pool = new HashPool(2);
  t.after(() => pool.close());
  const a = await stat(join(dir, 'a'));
  const b = await stat(join(dir, 'b'));
  // More jobs than threads: queued, all answered, each with its own digest.
  const digests = await Promise.all([a, b, a, b, a].map((st, i) => pool.hash(join(dir, i % 2 === 0 ? 'a' : 'b'), st)));
  assert.deepEqual(digests, [
    sha256(data),
    sha256(Buffer.from('abc')),
    sha256(data),
    sha256(Buffer.from('abc')),
    sha256(data),
  ]);

  // The file the walker saw was replaced (another inode) before it was opened.
  await assert.rejects(
    pool.hash(join(dir, 'a'), b),
    (err: unknown) => err instanceof InputError && err.code === 'subject-changed',
  );
  // A missing file gives the errno code, which collectSubjects turns into subject-unreadable.
  await assert.rejects(
    pool.hash(join(dir, 'nope'), a),
    (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT',
  );
  try {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const p = await stat(join(dir, 'pipe'));
    await assert.rejects(
      pool.hash(join(dir, 'pipe'), p),
      (err: unknown) => err instanceof InputError && err.code === 'subject-not-regular',
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  // The pool still works after refusals; after close() it refuses new jobs.
  assert.equal(await pool.hash(join(dir, 'b'), b), sha256(Buffer.from('abc')));
  await pool.close();
  await assert.rejects(pool.hash(join(dir, 'b'), b), /closed/);
  assert.throws(() => new HashPool(0), RangeError);
});

test(
  'collectSubjects: a walk failure beside large files is refused, naming the path, and no thread is left running',
  { timeout: 20_000 },
  async (t) => {
    const dir = await tempTree(t);
    await writeFile(join(dir, 'big'), randomBytes(WORKER_MIN_FILE_BYTES));
    // A dangling symlink inside the tree: the walk fails, naming it; no hashing thread may outlive the call.
    const { symlink } = await import('node:fs/promises');
    await symlink('missing-target', join(dir, 'dangling'));
    await assert.rejects(
      collectSubjects(['.'], { base: dir, hashThreads: 2 }),
      (err: unknown) => err instanceof InputError && err.code === 'subject-unreadable' && /dangling/.test(err.message),
    );
    await rm(join(dir, 'dangling'));
    // Still usable afterwards, and the process is not held open by a leftover thread (the test would hang).
    assert.equal((await collectSubjects(['big'], { base: dir, hashThreads: 2 })).length, 1);
  },
);
