import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  HASH_BUFFER_BYTES,
  collectSubjects,
  compareSubjectNames,
  sha256File,
  subjectNameProblem,
} from '../../../../src/lib/formats/subjects/index.ts';
import { InputError } from '../../../../src/lib/basics/errors/errors.ts';

const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'; // FIPS 180-2 example
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

async function tempTree(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-digest-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function inputError(code: string, pattern?: RegExp) {
  return (err: unknown) => {
    assert.ok(err instanceof InputError, `expected an InputError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    if (pattern) assert.match(err.message, pattern);
    return true;
  };
}

test('sha256File: known values, and a file larger than the read buffer', async (t) => {
  const dir = await tempTree(t);
  await writeFile(join(dir, 'abc'), 'abc');
  await writeFile(join(dir, 'empty'), '');
  const big = Buffer.alloc(HASH_BUFFER_BYTES * 3 + 17);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7 + (i >> 9)) & 0xff;
  await writeFile(join(dir, 'big'), big);
  assert.equal(await sha256File(join(dir, 'abc')), ABC);
  assert.equal(await sha256File(join(dir, 'empty')), EMPTY);
  assert.equal(await sha256File(join(dir, 'big')), createHash('sha256').update(big).digest('hex'));
});

test('collectSubjects: walks directories, relative POSIX names, sorted, no ./ prefix', async (t) => {
  const dir = await tempTree(t);
  await mkdir(join(dir, 'dist', 'sub'), { recursive: true });
  await writeFile(join(dir, 'dist', 'b.bin'), 'abc');
  await writeFile(join(dir, 'dist', 'a.bin'), '');
  await writeFile(join(dir, 'dist', 'sub', 'c'), 'abc');
  await writeFile(join(dir, 'README'), 'abc');
  const subjects = await collectSubjects(['./dist/', 'README'], { base: dir });
  assert.deepEqual(subjects, [
    { name: 'README', digest: { sha256: ABC } },
    { name: 'dist/a.bin', digest: { sha256: EMPTY } },
    { name: 'dist/b.bin', digest: { sha256: ABC } },
    { name: 'dist/sub/c', digest: { sha256: ABC } },
  ]);
  // '.' means the whole base.
  assert.equal((await collectSubjects(['.'], { base: dir })).length, 4);
});

test('collectSubjects: sorted by code point (UTF-8 bytes), not by UTF-16 code units', async (t) => {
  const dir = await tempTree(t);
  // U+FFFD sorts after U+10000 in JavaScript's default order, before it by code point.
  await writeFile(join(dir, '\u{10000}'), 'x');
  await writeFile(join(dir, '\ufffd'), 'x');
  await writeFile(join(dir, 'Z'), 'x');
  await writeFile(join(dir, 'a'), 'x');
  const names = (await collectSubjects(['.'], { base: dir })).map((s) => s.name);
  assert.deepEqual(names, ['Z', 'a', '\ufffd', '\u{10000}']);
  assert.ok(compareSubjectNames('\ufffd', '\u{10000}') < 0);
  assert.ok(compareSubjectNames('ab', 'a') > 0);
  assert.equal(compareSubjectNames('é', 'é'), 0);
  const byBytes = [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  assert.deepEqual(names, byBytes);
});

test('collectSubjects: an absolute path inside the base gives the same subject as the relative one (issue 14 #8)', async (t) => {
  const dir = await tempTree(t);
  await mkdir(join(dir, 'sub'));
  await writeFile(join(dir, 'sub', 'f'), 'x');
  const relative = await collectSubjects(['sub/f'], { base: dir });
  assert.deepEqual(await collectSubjects([join(dir, 'sub', 'f')], { base: dir }), relative);
  assert.deepEqual(await collectSubjects([join(dir, 'sub')], { base: join(dir, 'sub') }), [
    { name: 'f', digest: relative[0]?.digest },
  ]);
  assert.deepEqual(await collectSubjects([dir], { base: dir }), relative);
});

test('collectSubjects: an absolute path outside the base is refused, naming the base as the caller calls it', async (t) => {
  const outside = await tempTree(t);
  const dir = await tempTree(t);
  await writeFile(join(outside, 'f'), 'x');
  await assert.rejects(
    collectSubjects([join(outside, 'f')], { base: dir, baseLabel: '--base' }),
    inputError('subject-outside-base', /\/f: outside the base directory .* \(--base\)/),
  );
});

test('collectSubjects: refuses .. segments (relative or absolute) and empty paths, naming the path', async (t) => {
  const dir = await tempTree(t);
  await writeFile(join(dir, 'f'), 'x');
  await assert.rejects(collectSubjects([`${dir}/x/../f`], { base: dir }), inputError('subject-path-invalid', /"\.\."/));
  await assert.rejects(collectSubjects(['../f'], { base: dir }), inputError('subject-path-invalid', /\.\.\/f.*"\.\."/));
  await assert.rejects(collectSubjects(['a/../f'], { base: dir }), inputError('subject-path-invalid'));
  await assert.rejects(collectSubjects([''], { base: dir }), inputError('subject-path-invalid'));
});

test('collectSubjects: a symlink leaving the base is refused; one inside is followed', async (t) => {
  const outside = await tempTree(t);
  const dir = await tempTree(t);
  await writeFile(join(outside, 'secret'), 'abc');
  await writeFile(join(dir, 'real'), 'abc');
  await mkdir(join(dir, 'd'));
  await symlink('../real', join(dir, 'd', 'inside-link'));
  const subjects = await collectSubjects(['d'], { base: dir });
  assert.deepEqual(subjects, [{ name: 'd/inside-link', digest: { sha256: ABC } }]);

  await symlink(join(outside, 'secret'), join(dir, 'd', 'escape'));
  await assert.rejects(
    collectSubjects(['d'], { base: dir }),
    inputError('subject-outside-base', /d\/escape.*outside the base/),
  );
  // Named directly, and through a directory link that leaves the tree.
  await assert.rejects(collectSubjects(['d/escape'], { base: dir }), inputError('subject-outside-base'));
  await symlink(outside, join(dir, 'outdir'));
  await assert.rejects(collectSubjects(['outdir/secret'], { base: dir }), inputError('subject-outside-base'));
});

test('collectSubjects: symlink loops and links to directories cannot hang the walk', async (t) => {
  const dir = await tempTree(t);
  await mkdir(join(dir, 'd'));
  await writeFile(join(dir, 'd', 'f'), 'x');
  await symlink('.', join(dir, 'd', 'self'));
  await assert.rejects(collectSubjects(['d'], { base: dir }), inputError('subject-not-regular', /self.*directory/));
  await rm(join(dir, 'd', 'self'));
  await symlink('b', join(dir, 'd', 'a'));
  await symlink('a', join(dir, 'd', 'b'));
  await assert.rejects(collectSubjects(['d'], { base: dir }), inputError('subject-unreadable', /loop/));
});

test('collectSubjects: names equal after NFC are duplicates; the same file twice too', async (t) => {
  const dir = await tempTree(t);
  await writeFile(join(dir, 'caf\u00e9'), 'x'); // NFC
  await writeFile(join(dir, 'cafe\u0301'), 'y'); // NFD: a different file on Linux
  await assert.rejects(collectSubjects(['.'], { base: dir }), inputError('subject-duplicate', /NFC/));
  await rm(join(dir, 'caf\u00e9'));
  // The NFD file alone is named in NFC.
  assert.deepEqual(
    (await collectSubjects(['.'], { base: dir })).map((s) => s.name),
    ['caf\u00e9'],
  );
  await mkdir(join(dir, 'x'));
  await writeFile(join(dir, 'x', 'f'), 'x');
  await assert.rejects(collectSubjects(['x', 'x/f'], { base: dir }), inputError('subject-duplicate', /"x".*"x\/f"/));
});

test('collectSubjects: a FIFO is refused without blocking', { timeout: 10_000 }, async (t) => {
  const dir = await tempTree(t);
  await writeFile(join(dir, 'f'), 'x');
  try {
    execFileSync('mkfifo', [join(dir, 'pipe')]);
  } catch {
    t.skip('mkfifo is not available');
    return;
  }
  await assert.rejects(collectSubjects(['.'], { base: dir }), inputError('subject-not-regular', /pipe/));
  await assert.rejects(collectSubjects(['pipe'], { base: dir }), inputError('subject-not-regular'));
  // Even when the FIFO is reached directly by the hasher, opening it does not block.
  await assert.rejects(sha256File(join(dir, 'pipe')), inputError('subject-not-regular'));
});

test('collectSubjects: empty input, empty directory, missing file, cap on files', async (t) => {
  const dir = await tempTree(t);
  await mkdir(join(dir, 'empty', 'deeper'), { recursive: true });
  await mkdir(join(dir, 'many'));
  for (let i = 0; i < 5; i++) await writeFile(join(dir, 'many', `f${i}`), String(i));
  await assert.rejects(collectSubjects([], { base: dir }), inputError('subject-empty'));
  await assert.rejects(
    collectSubjects(['empty'], { base: dir }),
    inputError('subject-empty', /empty: the directory contains no files/),
  );
  await assert.rejects(
    collectSubjects(['nope'], { base: dir }),
    inputError('subject-unreadable', /nope: no such file/),
  );
  await assert.rejects(
    collectSubjects(['many'], { base: dir, maxFiles: 4 }),
    inputError('subject-too-many', /more than 4 files/),
  );
  assert.equal((await collectSubjects(['many'], { base: dir, maxFiles: 5 })).length, 5);
});

test('collectSubjects: progress is reported once per file', async (t) => {
  const dir = await tempTree(t);
  for (let i = 0; i < 9; i++) await writeFile(join(dir, `f${i}`), String(i));
  const seen: string[] = [];
  await collectSubjects(['.'], { base: dir, onProgress: (done, total, name) => seen.push(`${done}/${total}:${name}`) });
  assert.equal(seen.length, 9);
  assert.deepEqual(
    seen.map((s) => s.split(':')[0]),
    ['1/9', '2/9', '3/9', '4/9', '5/9', '6/9', '7/9', '8/9', '9/9'],
  );
  assert.deepEqual(seen.map((s) => s.split(':')[1]).sort(), ['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8']);
});

test('subjectNameProblem: the name rules', () => {
  assert.equal(subjectNameProblem('dist/app.bin'), undefined);
  for (const bad of ['', '/abs', 'a//b', './a', 'a/..', 'a\nb', 'cafe\u0301', '\ud800', 'a/']) {
    assert.ok(subjectNameProblem(bad), `expected ${JSON.stringify(bad)} to be refused`);
  }
  // A Windows separator is refused wherever it is (ATTACKS.md F3), with the reason.
  for (const bad of ['a\\b', '..\\..\\x', '\\', 'release/app\\']) {
    assert.equal(subjectNameProblem(bad), 'contains a backslash (only "/" separates path segments)', bad);
  }
  // The cap is 4096 bytes of UTF-8 (FORMAT §3), not 4096 UTF-16 code units (ATTACKS.md F4).
  assert.equal(subjectNameProblem('a'.repeat(4096)), undefined);
  assert.equal(subjectNameProblem('é'.repeat(2048)), undefined);
  assert.equal(subjectNameProblem('😀'.repeat(1024)), undefined);
  for (const long of ['a'.repeat(4097), 'é'.repeat(2049), `${'😀'.repeat(1024)}a`]) {
    assert.equal(subjectNameProblem(long), 'is longer than 4096 bytes in UTF-8', `${long.length} code units`);
  }
});

test('collectSubjects: a control character in a name is refused in a one-line error', async (t) => {
  const dir = await tempTree(t);
  await writeFile(join(dir, 'evil\nname'), 'x');
  await assert.rejects(collectSubjects(['.'], { base: dir }), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.equal(err.code, 'subject-path-invalid');
    assert.doesNotMatch(err.message, /\n/);
    assert.match(err.message, /control character/);
    return true;
  });
});

test('collectSubjects: a directory link named on the command line is walked under its own name', async (t) => {
  const dir = await tempTree(t);
  await mkdir(join(dir, 'build', 'out'), { recursive: true });
  await writeFile(join(dir, 'build', 'out', 'app'), 'abc');
  await symlink('build/out', join(dir, 'dist'));
  assert.deepEqual(await collectSubjects(['dist'], { base: dir }), [{ name: 'dist/app', digest: { sha256: ABC } }]);
});
