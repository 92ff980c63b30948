// spec/ATTACKS.md is the index of the attack catalogue: every attack ID (A1, C1, P1, S1, T1, I1,
// E1, R1, D1, PF1, PI1, PL1, CL1, ST1, ...) is a table row whose ID links to its test file, and
// that file has a test whose name starts with the ID. Both ways: a row without a link or
// without its test fails, and so does a test named after an ID that no row lists. A finding
// (F1, F2, ...) links at least one test file. Test files cannot carry anchors, so the ID in
// the test's name is the anchor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const INDEX = 'spec/ATTACKS.md';
/** This file: its own examples are not tests of the catalogue. */
const SELF = relative(ROOT, fileURLToPath(import.meta.url))
  .split(sep)
  .join('/');
const ID = /^(?:A|C|P|S|T|I|E|R|D|PF|PI|PL|CL|ST)\d+[a-z]?$/;
const ID_AT_START = /^(?:A|C|P|S|T|I|E|R|D|PF|PI|PL|CL|ST)\d+[a-z]?(?![A-Za-z0-9])/;

/** The names given to test() and it() in a test file's source, as written. */
function testNames(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(/\b(?:test|it)\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g))
    names.push(m[2]!.replace(/\\(.)/g, '$1'));
  return names;
}

type Read = (repoPath: string) => string | undefined;

/** Every problem of the index `text` (at `indexPath`) against the test files `read` returns, and `testFiles` (repository paths) for the reverse check. */
function indexProblems(indexPath: string, text: string, read: Read, testFiles: string[]): string[] {
  const problems: string[] = [];
  const base = dirname(indexPath);
  const rows = new Map<string, string>();
  const namesOf = new Map<string, string[] | undefined>();
  const names = (file: string) => {
    if (!namesOf.has(file)) {
      const source = read(file);
      namesOf.set(file, source === undefined ? undefined : testNames(source));
    }
    return namesOf.get(file);
  };
  /** Checks one [ID](target) link; returns the target's repository path when it is a test file. */
  const checkLink = (id: string, target: string, where: string): string | undefined => {
    const file = join(base, target).split(sep).join('/');
    if (!file.endsWith('.test.ts')) {
      problems.push(`${where}: ${id} links ${target}, not a .test.ts file`);
      return undefined;
    }
    const found = names(file);
    if (found === undefined) problems.push(`${where}: ${id} links ${target}, which does not exist`);
    else if (!found.some((n) => n.match(ID_AT_START)?.[0] === id))
      problems.push(`${where}: ${target} has no test whose name starts with "${id}"`);
    return file;
  };
  text.split('\n').forEach((line, i) => {
    const where = `${indexPath}:${i + 1}`;
    let prose = line;
    const first = /^\|\s*([^|]*?)\s*\|/.exec(line);
    if (first) {
      const linked = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(first[1]!);
      const id = linked ? linked[1]! : first[1]!;
      if (ID.test(id)) {
        prose = line.slice(first[0].length);
        if (rows.has(id)) problems.push(`${where}: ${id} is listed twice`);
        if (!linked) {
          problems.push(`${where}: ${id} has no link to its test file`);
          rows.set(id, '');
        } else rows.set(id, checkLink(id, linked[2]!, where) ?? '');
      }
    }
    // IDs linked elsewhere (the findings cite the attacks that pin them).
    for (const m of prose.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)/g)) if (ID.test(m[1]!)) checkLink(m[1]!, m[2]!, where);
  });
  // Findings: each paragraph starting **Fn. links at least one existing test file.
  for (const m of text.matchAll(/^\*\*(F\d+)\.[\s\S]*?(?=\n\n|(?![\s\S]))/gm)) {
    const targets = [...m[0].matchAll(/\]\(([^)\s]+\.test\.ts)\)/g)].map((l) => join(base, l[1]!).split(sep).join('/'));
    if (targets.length === 0) problems.push(`${indexPath}: finding ${m[1]} links no test file`);
    for (const t of targets)
      if (read(t) === undefined) problems.push(`${indexPath}: finding ${m[1]} links ${t}, which does not exist`);
  }
  // The other way: a test named after an ID must be the one its row links.
  for (const file of testFiles) {
    for (const name of names(file) ?? []) {
      const id = name.match(ID_AT_START)?.[0];
      if (id === undefined) continue;
      const row = rows.get(id);
      if (row === undefined) problems.push(`${file}: test "${id} ..." is not listed in ${indexPath}`);
      else if (row !== '' && row !== file)
        problems.push(`${file}: test "${id} ..." is listed in ${indexPath} with ${row}`);
    }
  }
  return problems;
}

function repoTestFiles(): string[] {
  return readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' })
    .map((p) => `test/${p.split(sep).join('/')}`)
    .filter((p) => p.endsWith('.test.ts') && !p.startsWith('test/vectors/') && p !== SELF)
    .sort();
}

const readRepo: Read = (p) => {
  const abs = resolve(ROOT, p);
  if (relative(ROOT, abs).startsWith('..') || !existsSync(abs)) return undefined;
  return readFileSync(abs, 'utf8');
};

test('spec/ATTACKS.md: every attack ID links its test file, whose test is named after it; every ID-named test is listed', () => {
  const text = readFileSync(join(ROOT, INDEX), 'utf8');
  const files = repoTestFiles();
  assert.deepEqual(indexProblems(INDEX, text, readRepo, files), []);
  // Guards against a vacuous pass: the catalogue's rows are found.
  const rows = text.split('\n').filter((l) => /^\|\s*\[(?:A|C|P|S|T|I|E|R|D|PF|PI|PL|CL|ST)\d+[a-z]?\]\(/.test(l));
  assert.ok(rows.length >= 200, `${rows.length} ID rows`);
});

test('the check itself finds a row without a link, a missing file or test, a duplicate, an unlisted test and a finding without a test', () => {
  const files: Record<string, string> = {
    'test/a.test.ts':
      "test('X1 no'); test('A1 first, control', () => {}); test(\"A2 it's\", () => {}); test('A3 unlisted', () => {}); test('A10 ten', () => {});",
    'test/b.test.ts': "test('C1 elsewhere', () => {});",
  };
  const read: Read = (p) => files[p];
  const index = [
    '| id | attack |',
    '| --- | --- |',
    '| [A1](../test/a.test.ts) | fine |',
    '| [A2](../test/a.test.ts) | fine |',
    '| A4 | no link |',
    '| [A5](../test/missing.test.ts) | no file |',
    '| [A1](../test/a.test.ts) | twice |',
    '| [A6](../test/a.test.ts) | no test |',
    '| [A7](../docs/x.md) | not a test file |',
    '| [C1](../test/a.test.ts) | wrong file |',
    '',
    '**F1. A finding** pinned by [A2](../test/a.test.ts).',
    '',
    '**F2. Another** with [C2](../test/b.test.ts) and no test.',
    '',
    '**F3. No link at all.**',
  ].join('\n');
  assert.deepEqual(indexProblems('spec/X.md', index, read, Object.keys(files)), [
    'spec/X.md:5: A4 has no link to its test file',
    'spec/X.md:6: A5 links ../test/missing.test.ts, which does not exist',
    'spec/X.md:7: A1 is listed twice',
    'spec/X.md:8: ../test/a.test.ts has no test whose name starts with "A6"',
    'spec/X.md:9: A7 links ../docs/x.md, not a .test.ts file',
    'spec/X.md:10: ../test/a.test.ts has no test whose name starts with "C1"',
    'spec/X.md:14: ../test/b.test.ts has no test whose name starts with "C2"',
    'spec/X.md: finding F3 links no test file',
    'test/a.test.ts: test "A3 ..." is not listed in spec/X.md',
    'test/a.test.ts: test "A10 ..." is not listed in spec/X.md',
    'test/b.test.ts: test "C1 ..." is listed in spec/X.md with test/a.test.ts',
  ]);
  assert.deepEqual(testNames("test('a\\'b', () => {}); it(\"c\"); test(`d ${1}`)"), ["a'b", 'c', 'd ${1}']);
});
