// The CLI side of issue 18, as a user runs it (real processes, real files, the local stack):
// `policy rotate` writes the next policy with only the Sigstore trusted root changed, shows
// the diff, and refuses what is not a new valid root; `policy update` takes rotations in any
// order with their history, or the rotations a release bundle carries (--rotations-from).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attachRotations } from '../../src/lib/flows/rotation/carry.ts';
import type { PolicyDocument } from '../../src/lib/flows/rotation/index.ts';
import { type Flow, makeKey, startFlow } from '../../tools/flow.ts';
import { timedPolicy, timedRelease, timedRotation } from '../helpers/timed-rotations.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'src/cli/main.ts');
const REAL_ROOT = join(ROOT, 'test/vectors/real-sigstore/trusted-roots/public-good-trusted-root.json');

let flow: Flow;
let v1: PolicyDocument;
let v3: PolicyDocument;
const files: Record<string, string> = {};

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: flow.dir }, (err, stdout, stderr) => {
      resolve({ code: err ? Number(err.code) : 0, stdout, stderr });
    });
  });
}

before(async () => {
  flow = await startFlow();
  // Issued seven minutes ago: countersigned (five minutes after issue) two minutes ago, by the real clock the CLI reads.
  const now = new Date(Math.floor(Date.now() / 1000) * 1000 - 7 * 60_000);
  const { b, c } = flow.keys;
  const bNext = makeKey('b-release-next', 'Org B');
  v1 = timedPolicy({ version: 1, root: flow, countersigners: [b] });
  const v2 = timedPolicy({ version: 2, root: flow, countersigners: [bNext] });
  v3 = timedPolicy({ version: 3, root: flow, countersigners: [bNext, c], threshold: 2 });
  const r12 = await timedRotation(v1, v2, [b, bNext], { at: now, signer: flow });
  const r23 = await timedRotation(v2, v3, [bNext, c], { at: now, signer: flow });
  const release = await timedRelease(v3, [bNext, c], 4, { at: now, signer: flow });
  const write = async (name: string, bytes: Uint8Array | string) => {
    files[name] = join(flow.dir, name);
    await writeFile(files[name], bytes);
  };
  await write('v1.json', v1.bytes);
  await write('v3.json', v3.bytes);
  await write('r12.json', r12);
  await write('r23.json', r23);
  await write('release.json', attachRotations(release, [r23, r12]));
});

after(async () => {
  await flow?.close();
});

test('policy rotate: the next version with only the trusted root changed, the diff shown; refuses a non-root, the same root, an existing file', async () => {
  const out = join(flow.dir, 'v2-root.json');
  const run = await cli([
    'policy',
    'rotate',
    '--trusted-root',
    REAL_ROOT,
    '--current',
    files['v1.json']!,
    '--out',
    out,
  ]);
  assert.equal(run.code, 0, run.stderr);
  const next = JSON.parse(await readFile(out, 'utf8')) as Record<string, unknown>;
  const current = JSON.parse(new TextDecoder().decode(v1.bytes)) as Record<string, unknown>;
  assert.equal(next.version, 2);
  assert.deepEqual(next.trustedRoot, JSON.parse(await readFile(REAL_ROOT, 'utf8')));
  assert.deepEqual(
    { ...next, version: 1, trustedRoot: null },
    { ...current, trustedRoot: null },
    'nothing else changed, field order kept',
  );
  assert.deepEqual(Object.keys(next), Object.keys(current));
  assert.match(run.stdout, /policy version 1 -> 2|version/);
  assert.match(run.stdout, /trusted root|authorit|log/i);
  assert.match(run.stderr, /countersign build --kind authority-rotation/);

  const again = await cli([
    'policy',
    'rotate',
    '--trusted-root',
    REAL_ROOT,
    '--current',
    files['v1.json']!,
    '--out',
    out,
  ]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /already exists/);
  const notRoot = await cli([
    'policy',
    'rotate',
    '--trusted-root',
    files['r12.json']!,
    '--current',
    files['v1.json']!,
    '--out',
    join(flow.dir, 'x.json'),
  ]);
  assert.equal(notRoot.code, 2);
  assert.match(notRoot.stderr, /expected mediaType one of application\/vnd.dev.sigstore.trustedroot/);
  const same = join(flow.dir, 'same-root.json');
  await writeFile(same, JSON.stringify(flow.trustedRoot));
  const unchanged = await cli([
    'policy',
    'rotate',
    '--trusted-root',
    same,
    '--current',
    files['v1.json']!,
    '--out',
    join(flow.dir, 'y.json'),
  ]);
  assert.equal(unchanged.code, 2);
  assert.match(unchanged.stderr, /nothing to rotate/);
});

test('policy update: rotations in any order, history skipped, or those a release bundle carries', async () => {
  const out = join(flow.dir, 'updated.json');
  const sorted = await cli([
    'policy',
    'update',
    '--current',
    files['v1.json']!,
    '--rotation',
    files['r23.json']!,
    '--rotation',
    files['r12.json']!,
    '--out',
    out,
  ]);
  assert.equal(sorted.code, 0, sorted.stderr);
  assert.deepEqual(new Uint8Array(await readFile(out)), v3.bytes);
  const history = await cli([
    'policy',
    'update',
    '--current',
    files['v3.json']!,
    '--rotation',
    files['r12.json']!,
    '--rotation',
    files['r23.json']!,
    '--out',
    out,
  ]);
  assert.equal(history.code, 0, history.stderr);
  assert.match(history.stderr, /already at version 3/);
  const carried = join(flow.dir, 'from-release.json');
  const fromRelease = await cli([
    'policy',
    'update',
    '--current',
    files['v1.json']!,
    '--rotations-from',
    files['release.json']!,
    '--out',
    carried,
  ]);
  assert.equal(fromRelease.code, 0, fromRelease.stderr);
  assert.deepEqual(new Uint8Array(await readFile(carried)), v3.bytes);
  const downgrade = await cli([
    'policy',
    'update',
    '--current',
    files['v3.json']!,
    '--rotation',
    files['r12.json']!,
    '--out',
    join(flow.dir, 'z.json'),
  ]);
  assert.equal(downgrade.code, 1);
  assert.match(downgrade.stderr, /rotation-downgrade/);
  const none = await cli([
    'policy',
    'update',
    '--current',
    files['v1.json']!,
    '--rotations-from',
    files['r12.json']!,
    '--out',
    join(flow.dir, 'z.json'),
  ]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /carries no rotations/);
});
