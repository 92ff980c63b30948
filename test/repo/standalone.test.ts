// The repository stands on its own: a plain clone, with nothing beside it, passes
// `npm ci && npm test` (.ci/run proves that on every run by testing a clone made in an empty
// temporary directory). This file keeps it so: no file of the repository (dist/ aside, which
// only the build writes) may name the project's former reference directory beside the
// checkout, and the test data copied from it lives in test/vectors/, each set with a README
// that records where it came from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SELF = relative(ROOT, fileURLToPath(import.meta.url))
  .split(sep)
  .join('/');
const SHARED = 'shared';
/** Built from parts so that this file does not match itself (it is also left out by name). */
const FORBIDDEN: RegExp[] = [
  new RegExp(`\\.\\./${SHARED}\\b`),
  new RegExp(`/work/${SHARED}\\b`),
  new RegExp(`\\b${SHARED}/(conformance|vectors)\\b`),
];
/** Never scanned: build output, installed packages, and the local outputs .gitignore names. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules', 'dist', 'coverage', 'reports', 'out', 'tmp', '.stryker-tmp']);

/** The repository's files: tracked ones and new ones not ignored (so a file about to be
 * committed counts too); without git (an exported tree), every file outside SKIPPED_DIRS. */
function repositoryFiles(): string[] {
  let listed: string;
  try {
    listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
  } catch {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
        const path = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name)) walk(path);
        } else if (entry.isFile()) files.push(path);
      }
    };
    walk('');
    return files;
  }
  return [...new Set(listed.split('\0').filter(Boolean))].filter((path) => !SKIPPED_DIRS.has(path.split('/')[0]!));
}

test('no file of the repository reads or cites the reference directory beside the checkout', () => {
  const files = repositoryFiles().filter((path) => path !== SELF);
  assert.ok(files.length > 100, `only ${files.length} files found: is ROOT (${ROOT}) the repository?`);
  const offending: string[] = [];
  for (const path of files) {
    const full = join(ROOT, path);
    if (!existsSync(full) || !statSync(full).isFile()) continue; // deleted, not yet committed
    const lines = readFileSync(full, 'latin1').split('\n');
    lines.forEach((line, i) => {
      if (FORBIDDEN.some((re) => re.test(line))) offending.push(`${path}:${i + 1}: ${line.trim().slice(0, 160)}`);
    });
  }
  assert.deepEqual(
    offending,
    [],
    'the repository must not depend on anything beside it: copy the data into test/vectors/ instead',
  );
});

/** Each copied data set: its directory, the files the tests read, its upstream licence files. */
const VECTOR_SETS = [
  {
    dir: 'test/vectors/sigstore-conformance',
    files: ['bundle-verify/a.txt', 'public-good-trusted-root.json', 'LICENSE'],
    commits: ['a73de4970176d258e0154c530b89d20b89444e4d'],
    repositories: ['sigstore/sigstore-conformance'],
  },
  {
    dir: 'test/vectors/ed25519',
    files: ['wycheproof-ed25519_test.json', 'cctv-ed25519vectors.json', 'wycheproof-LICENSE', 'cctv-LICENSE'],
    commits: ['dac1dd4729fd1f8dd9e1e9f3dce51d783da6c166', '1e3d2860d46e94e777e1b17c7a6f2436387e3ecc'],
    repositories: ['C2SP/wycheproof', 'C2SP/CCTV'],
  },
];

for (const set of VECTOR_SETS) {
  test(`${set.dir}: the data is in the repository, with a README naming its source, commit and licence`, () => {
    const dir = join(ROOT, set.dir);
    for (const file of set.files) assert.ok(existsSync(join(dir, file)), `${set.dir}/${file} is missing`);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    assert.match(readme, /\b[0-9a-f]{40}\b/, 'the README names the upstream commit');
    for (const commit of set.commits) assert.ok(readme.includes(commit), `the README names commit ${commit}`);
    for (const repo of set.repositories) assert.ok(readme.includes(`github.com/${repo}`), `the README names ${repo}`);
    assert.match(readme, /licen[cs]e/i, 'the README names the licence');
    assert.match(readme, /2026-12-06/, 'the README says when the data was copied');
  });
}

test('test/vectors/sigstore-conformance: all 70 cases are there', () => {
  const cases = readdirSync(join(ROOT, 'test/vectors/sigstore-conformance/bundle-verify'), {
    withFileTypes: true,
  }).filter((e) => e.isDirectory());
  assert.equal(cases.length, 70);
  for (const c of cases)
    assert.ok(
      existsSync(join(ROOT, 'test/vectors/sigstore-conformance/bundle-verify', c.name, 'bundle.sigstore.json')),
      `${c.name}/bundle.sigstore.json`,
    );
});
