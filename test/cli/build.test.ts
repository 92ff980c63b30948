import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type BuildIo } from '../../src/cli/build.ts';
import { parseStatement } from '../../src/lib/formats/statement/statement.ts';

const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

interface Captured {
  io: BuildIo;
  stdout: string[];
  stderr: string[];
}

function capture(env: Record<string, string | undefined> = {}): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    io: {
      stdout: (l) => stdout.push(l),
      stderr: (l) => stderr.push(l),
      env,
      now: () => new Date('2025-06-01T00:00:00Z'),
      stderrIsTTY: false,
    },
  };
}

async function setup(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-build-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'dist'));
  await writeFile(join(dir, 'dist', 'app.bin'), 'abc');
  await writeFile(join(dir, 'dist', 'app.sig'), '');
  return dir;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

test('build binary-digest: writes the statement, digest on stdout, summary on stderr', async (t) => {
  const dir = await setup(t);
  const out = join(dir, 'statement.json');
  const c = capture({ GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: 'e'.repeat(40) });
  const code = await run(
    [
      '--kind',
      'binary-digest',
      '--stream',
      'acme/app:stable',
      '--version',
      '42',
      '--expires-in',
      '2w',
      '--base',
      dir,
      '--out',
      out,
      'dist',
    ],
    c.io,
  );
  assert.equal(code, 0, c.stderr.join('\n'));
  const bytes = await readFile(out);
  const digest = createHash('sha256').update(bytes).digest('hex');
  assert.deepEqual(c.stdout, [`sha256:${digest}`]);
  assert.equal(c.stderr.length, 1);
  assert.match(
    c.stderr[0] as string,
    new RegExp(`^countersign build: binary-digest acme/app:stable version 42, 2 subjects, statement sha256:${digest}`),
  );
  const s = parseStatement(bytes, out);
  assert.deepEqual(s.subject, [
    { name: 'dist/app.bin', digest: { sha256: ABC } },
    { name: 'dist/app.sig', digest: { sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } },
  ]);
  assert.equal(s.predicate.version, 42);
  assert.equal(s.predicate.issuedAt, '2025-06-01T00:00:00Z');
  assert.equal(s.predicate.expiresAt, '2025-06-15T00:00:00Z');
  assert.deepEqual(s.predicate.source, { repository: 'acme/app', commit: 'e'.repeat(40) });
});

test('build config-change with the default expiry (30d)', async (t) => {
  const dir = await setup(t);
  const out = join(dir, 'st.json');
  const c = capture();
  assert.equal(
    await run(
      [
        '--kind',
        'config-change',
        '--stream',
        'acme/cfg:prod',
        '--version',
        '1',
        '--base',
        dir,
        '--out',
        out,
        'dist/app.bin',
      ],
      c.io,
    ),
    0,
  );
  const s = parseStatement(await readFile(out), out);
  assert.equal(s.predicate.kind, 'config-change');
  assert.equal(s.predicate.expiresAt, '2025-07-01T00:00:00Z');
  assert.deepEqual(s.predicate.source, {});
});

test('build fleet-key from a key list', async (t) => {
  const dir = await setup(t);
  const keyPem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const keyDer = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'der' });
  const ecPem = `-----BEGIN PUBLIC KEY-----\n${keyDer.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----\n`;
  const keys = join(dir, 'keys.json');
  await writeFile(
    keys,
    JSON.stringify([
      { id: 'hsm-eu-02', algorithm: 'ecdsa-p384', publicKey: ecPem },
      { id: 'hsm-eu-01', algorithm: 'ed25519', publicKey: keyPem },
    ]),
  );
  const out = join(dir, 'fleet.json');
  const c = capture();
  assert.equal(
    await run(
      ['--kind', 'fleet-key', '--stream', 'acme/fleet:prod', '--version', '3', '--keys', keys, '--out', out],
      c.io,
    ),
    0,
    c.stderr.join('\n'),
  );
  const s = parseStatement(await readFile(out), out);
  assert.deepEqual(
    s.subject.map((x) => x.name),
    ['hsm-eu-01', 'hsm-eu-02'],
  );
  assert.equal(s.subject[1]?.digest.sha256, createHash('sha256').update(keyDer).digest('hex'));
  assert.deepEqual(s.predicate.data, {
    keys: [
      { id: 'hsm-eu-01', algorithm: 'ed25519' },
      { id: 'hsm-eu-02', algorithm: 'ecdsa-p384' },
    ],
  });
});

test('build: bad arguments exit 2 with one line, and write nothing', async (t) => {
  const dir = await setup(t);
  const out = join(dir, 'never.json');
  await writeFile(join(dir, 'bad-keys.json'), '[{"id":"a","id":"b"}]');
  const common = ['--stream', 'acme/app:stable', '--version', '1', '--out', out];
  const base = [...common, '--base', dir];
  const cases: [string[], RegExp][] = [
    [['--kind', 'binary-digest', ...base], /at least one file or directory/],
    [['--kind', 'authority-rotation', ...base, 'dist'], /--policy is required/],
    [['--kind', 'firmware', ...base, 'dist'], /--kind: expected one of/],
    [['--stream', 'acme/app:stable', '--version', '1', '--out', out, 'dist'], /--kind is required/],
    [
      ['--kind', 'binary-digest', '--stream', 'acme/app:stable', '--base', dir, '--out', out, 'dist'],
      /--version is required/,
    ],
    [
      ['--kind', 'binary-digest', '--stream', 'acme/app:stable', '--version', '1', '--base', dir, 'dist'],
      /--out is required/,
    ],
    [['--kind', 'binary-digest', ...base, '--bogus', 'dist'], /Unknown option '--bogus'/],
    [
      [
        '--kind',
        'binary-digest',
        '--stream',
        'acme/app:stable',
        '--version',
        '01',
        '--base',
        dir,
        '--out',
        out,
        'dist',
      ],
      /--version: expected a positive whole number/,
    ],
    [
      [
        '--kind',
        'binary-digest',
        '--stream',
        'acme/app:stable',
        '--version',
        '9007199254740992',
        '--base',
        dir,
        '--out',
        out,
        'dist',
      ],
      /--version/,
    ],
    [
      ['--kind', 'binary-digest', '--stream', 'nostream', '--version', '1', '--base', dir, '--out', out, 'dist'],
      /stream: expected owner\/name:channel/,
    ],
    [['--kind', 'binary-digest', ...base, '--expires-in', '30', 'dist'], /--expires-in: expected/],
    [['--kind', 'binary-digest', ...base, '--expires-in', '400d', 'dist'], /expires-in: expected 1 to/],
    [['--kind', 'binary-digest', ...base, '../etc'], /"\.\." segments are refused/],
    [['--kind', 'binary-digest', ...base, 'missing'], /missing: no such file/],
    [['--kind', 'binary-digest', ...base, '--keys', 'k.json', 'dist'], /--keys applies only to --kind fleet-key/],
    [['--kind', 'fleet-key', ...common], /--keys is required/],
    [['--kind', 'fleet-key', ...base, '--keys', join(dir, 'bad-keys.json')], /--base does not apply/],
    [
      ['--kind', 'fleet-key', ...common, '--keys', join(dir, 'bad-keys.json'), 'dist'],
      /takes its subjects from --keys/,
    ],
    [['--kind', 'fleet-key', ...common, '--keys', join(dir, 'nope.json')], /fleet keys \S*nope\.json: no such file/],
    [['--kind', 'fleet-key', ...common, '--keys', join(dir, 'bad-keys.json')], /duplicate key "id"/],
  ];
  for (const [argv, pattern] of cases) {
    const c = capture();
    assert.equal(await run(argv, c.io), 2, `${argv.join(' ')}: ${c.stderr.join('\n')}`);
    assert.deepEqual(c.stdout, [], argv.join(' '));
    assert.equal(c.stderr.length, 1, argv.join(' '));
    assert.match(c.stderr[0] as string, /^countersign: [^\n]+$/);
    assert.match(c.stderr[0] as string, pattern, argv.join(' '));
    assert.equal(await exists(out), false, `${argv.join(' ')} left an output file`);
  }
});

test('build: an unwritable --out exits 2 and leaves no file', async (t) => {
  const dir = await setup(t);
  const out = join(dir, 'no-such-dir', 'st.json');
  const c = capture();
  assert.equal(
    await run(
      ['--kind', 'binary-digest', '--stream', 'acme/app:stable', '--version', '1', '--base', dir, '--out', out, 'dist'],
      c.io,
    ),
    2,
  );
  assert.match(c.stderr[0] as string, /no-such-dir\/st\.json: cannot write the statement/);
  assert.equal(await exists(out), false);
});

test('build --help prints usage and exits 0', async () => {
  const c = capture();
  assert.equal(await run(['--help'], c.io), 0);
  assert.match(c.stdout.join('\n'), /usage: countersign build/);
});

test('build: absolute paths inside --base are accepted, with the same subject names as relative ones (issue 14 #8)', async (t) => {
  const dir = await setup(t);
  const dist = join(dir, 'dist');
  const build = async (args: string[]) => {
    const out = join(dir, `st-${args.length}-${Math.random().toString(36).slice(2)}.json`);
    const c = capture();
    const base = ['--kind', 'binary-digest', '--stream', 'acme/app:stable', '--version', '1', '--out', out];
    assert.equal(await run([...base, ...args], c.io), 0, c.stderr.join('\n'));
    return parseStatement(await readFile(out), out).subject;
  };
  // countersign build --base "$PWD/dist" ... "$PWD/dist"
  const absolute = await build(['--base', dist, '--', dist]);
  assert.deepEqual(await build(['--base', dist, '--', '.']), absolute);
  assert.deepEqual(
    absolute.map((s) => s.name),
    ['app.bin', 'app.sig'],
  );
  assert.deepEqual(await build(['--base', dist, '--', join(dist, 'app.bin')]), [absolute[0]]);
  // Without --base the base is the current directory: an absolute path outside it is refused below.
});

test('build: a path outside --base is refused with an error that names --base, and nothing is written', async (t) => {
  const dir = await setup(t);
  const out = join(dir, 'st.json');
  const c = capture();
  const code = await run(
    [
      '--kind',
      'binary-digest',
      '--stream',
      'acme/app:stable',
      '--version',
      '1',
      '--base',
      join(dir, 'dist'),
      '--out',
      out,
      '--',
      join(dir, 'other'),
    ],
    c.io,
  );
  assert.equal(code, 2);
  assert.equal(c.stderr.length, 1);
  assert.match(c.stderr[0] ?? '', /other: outside the base directory .*dist \(--base\): expected a path inside it/);
  assert.equal(await exists(out), false);
});
