// `countersign build` in a release job that is re-run: SOURCE_DATE_EPOCH fixes the time and the
// source names the run, so two attempts build the same statement bytes (docs/action.md "Re-runs").
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { run } from '../../src/cli/build.ts';
import { parseStatement } from '../../src/lib/formats/statement/statement.ts';

async function build(dir: string, env: Record<string, string>, now: string, out: string) {
  const stderr: string[] = [];
  const code = await run(
    [
      '--kind',
      'binary-digest',
      '--stream',
      'acme/app:stable',
      '--version',
      '7',
      '--out',
      join(dir, out),
      '--base',
      dir,
      join(dir, 'dist'),
    ],
    { stdout: () => {}, stderr: (l) => stderr.push(l), env, now: () => new Date(now), stderrIsTTY: false },
  );
  assert.equal(code, 0, stderr.join('\n'));
  return readFile(join(dir, out));
}

test('two attempts of one run with SOURCE_DATE_EPOCH build byte-identical statements; without it the clock decides', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-build-rerun-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'dist'));
  await writeFile(join(dir, 'dist', 'app.bin'), 'abc');
  const env = {
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: 'e'.repeat(40),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '77',
    SOURCE_DATE_EPOCH: '1748736000', // 2025-06-01T00:00:00Z
  };
  const first = await build(dir, { ...env, GITHUB_RUN_ATTEMPT: '1' }, '2025-06-01T00:05:00Z', 'a.json');
  const second = await build(dir, { ...env, GITHUB_RUN_ATTEMPT: '2' }, '2025-06-01T00:09:30Z', 'b.json');
  assert.deepEqual(first, second);
  const statement = parseStatement(new Uint8Array(first), 'a.json');
  assert.equal(statement.predicate.issuedAt, '2025-06-01T00:00:00Z');
  assert.equal(statement.predicate.source.workflowRun, 'https://github.com/acme/app/actions/runs/77');

  const { SOURCE_DATE_EPOCH: _unset, ...clock } = env;
  const third = await build(dir, { ...clock, GITHUB_RUN_ATTEMPT: '3' }, '2025-06-01T00:09:30Z', 'c.json');
  assert.equal(parseStatement(new Uint8Array(third), 'c.json').predicate.issuedAt, '2025-06-01T00:09:30Z');
});

test('a malformed SOURCE_DATE_EPOCH is refused (exit 2), naming the variable', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-build-rerun-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'app.bin'), 'abc');
  const stderr: string[] = [];
  const code = await run(
    [
      '--kind',
      'binary-digest',
      '--stream',
      'acme/app:stable',
      '--version',
      '7',
      '--out',
      join(dir, 's.json'),
      '--base',
      dir,
      join(dir, 'app.bin'),
    ],
    {
      stdout: () => {},
      stderr: (l) => stderr.push(l),
      env: { SOURCE_DATE_EPOCH: 'yesterday' },
      now: () => new Date(),
      stderrIsTTY: false,
    },
  );
  assert.equal(code, 2);
  assert.match(stderr.join('\n'), /SOURCE_DATE_EPOCH: expected whole seconds since 1970/);
});
