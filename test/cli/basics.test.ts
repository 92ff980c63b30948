// The CLI's basics: `--version`, `help [VERB [SUBVERB]]`, and the Node.js version check that runs
// before anything else. Each case is a real process: `node src/cli/main.ts ...` on the Node
// running the tests, and, for the version check, the CLI bundled into a scratch directory
// (scripts/build.ts `buildCli`, as dist/cli.mjs is built) run by an older Node found on the
// machine (Node 20 cannot run the .ts sources).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../../scripts/build.ts';
import { VERBS } from '../../src/cli/dispatch.ts';
import { MIN_NODE_MAJOR, nodeVersionProblem, nodeVersionSupported } from '../../src/cli/node-version.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'src/cli/main.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== 'NODE_TEST_CONTEXT' && name !== 'NODE_OPTIONS'),
);

/** Runs `node ...args` (by default the Node running the tests) and collects exit code and output. */
function node(args: string[], nodePath = process.execPath): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(nodePath, args, { cwd: ROOT, env, timeout: 30_000 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') {
        reject(new Error(err.message, { cause: err })); // not run at all (a run that exits non-zero is a result)
        return;
      }
      resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
    });
  });
}

const cli = (...args: string[]) => node([CLI, ...args]);

async function packageJson(): Promise<{ version: string; engines: { node: string } }> {
  return JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
    engines: { node: string };
  };
}

test('--version prints the package.json version and exits 0', async () => {
  const { version } = await packageJson();
  for (const flag of ['--version', '-V']) {
    const run = await cli(flag);
    assert.deepEqual(run, { code: 0, stdout: `countersign ${version}\n`, stderr: '' }, flag);
  }
});

test('help, --help and -h print the top-level usage, naming --version and help; no verb prints it and exits 2', async () => {
  const runs = await Promise.all([cli('help'), cli('--help'), cli('-h'), cli('help', '--help'), cli()]);
  const usage = runs[0]?.stdout ?? '';
  assert.match(usage, /^usage: countersign <verb>/);
  assert.match(usage, /countersign --version/);
  assert.match(usage, /countersign help <verb>/);
  for (const name of Object.keys(VERBS)) assert.match(usage, new RegExp(`^  ${name} `, 'm'), name);
  for (const [i, run] of runs.entries()) {
    assert.equal(run.stdout, usage, `run ${i}`);
    assert.equal(run.stderr, '', `run ${i}`);
    assert.equal(run.code, i === runs.length - 1 ? 2 : 0, `run ${i}`);
  }
});

test('help VERB prints exactly what VERB --help prints, for every verb and policy subverb', async () => {
  const targets = [
    ...Object.keys(VERBS).map((verb) => [verb]),
    ['policy', 'init'],
    ['policy', 'show'],
    ['policy', 'update'],
    ['policy', 'check-trusted-root'],
  ];
  assert.ok(targets.length > 10);
  await Promise.all(
    targets.map(async (words) => {
      const [viaHelp, viaFlag] = await Promise.all([cli('help', ...words), cli(...words, '--help')]);
      const label = words.join(' ');
      assert.equal(viaFlag.code, 0, `${label} --help: ${viaFlag.stderr}`);
      assert.match(viaFlag.stdout, /^usage: countersign /, label);
      assert.deepEqual(viaHelp, viaFlag, label);
    }),
  );
  // A subverb has its own help where the verb has one for it.
  const [update, policy] = await Promise.all([cli('help', 'policy', 'update'), cli('help', 'policy')]);
  assert.notEqual(update.stdout, policy.stdout);
});

test('verify --help shows how to check a release directory, with a command line to copy', async () => {
  const run = await cli('verify', '--help');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /\nChecking a release directory: every file under the PATHs must be a subject/);
  assert.match(
    run.stdout,
    /\n {2}countersign verify --policy policy\.json --stream acme\/app:stable release\.countersigned\.json -- dist\/\n/,
  );
  assert.match(run.stdout, /--base dist release\.countersigned\.json -- \./);
  assert.match(run.stdout, /subjects: not-checked/);
});

test('help NOSUCH is one line on stderr and exit 2', async () => {
  for (const word of ['nosuch', 'constructor', '--version']) {
    const run = await cli('help', word);
    assert.equal(run.code, 2, word);
    assert.equal(run.stdout, '', word);
    assert.match(run.stderr, /^countersign help: unknown verb '[^'\n]+' \(verbs: [^\n]+\)\n$/, word);
  }
});

test('countersign --url: the one service-URL rule of the action too (https, or plain http to loopback only): http://remote.example is refused, exit 2', async () => {
  // Any readable file as the bundle: the URL is refused before the bundle is read as one, and before any request.
  const run = await cli(
    'countersign',
    join(ROOT, 'package.json'),
    '--url',
    'http://remote.example',
    '--out',
    join(tmpdir(), 'countersign-never-written.json'),
  );
  assert.equal(run.code, 2, run.stderr);
  assert.equal(run.stdout, '');
  assert.equal(
    run.stderr,
    'countersign: service URL: expected an https URL (plain http only to a loopback address), found http://remote.example\n',
  );
});

test('the Node.js version rule', async () => {
  for (const v of ['24.0.0', '24.21.0', 'v24.1.0', '25.0.0-pre', '26.3.1', '100.0.0', '24'])
    assert.equal(nodeVersionSupported(v), true, v);
  // 3 > 24 as strings: the rule compares numbers.
  for (const v of [
    '23.11.1',
    '22.5.0',
    '20.20.2',
    'v18.0.0',
    '3.0.0',
    '2.40.0',
    '0.10.48',
    '',
    'x24.0.0',
    'v',
    '24x.0',
  ])
    assert.equal(nodeVersionSupported(v), false, v);
  assert.equal(nodeVersionProblem('24.0.0'), undefined);
  assert.equal(
    nodeVersionProblem('20.20.2'),
    `countersign needs Node.js >= ${MIN_NODE_MAJOR} (this is 20.20.2): install Node.js ${MIN_NODE_MAJOR} or newer`,
  );
  assert.equal(
    nodeVersionProblem('22.5.0', 'use npx'),
    `countersign needs Node.js >= ${MIN_NODE_MAJOR} (this is 22.5.0): use npx`,
  );
  // One rule, stated twice: package.json "engines" must say the same.
  assert.equal((await packageJson()).engines.node, `>=${MIN_NODE_MAJOR}`);
});

/** The first `node` on PATH (or in /usr/bin, /usr/local/bin) older than Node MIN_NODE_MAJOR, with its version. */
function findOldNode(): { path: string; version: string } | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin'].filter(Boolean);
  for (const dir of new Set(dirs)) {
    const path = join(dir, 'node');
    try {
      accessSync(path, constants.X_OK);
      const version = execFileSync(path, ['-e', 'process.stdout.write(process.versions.node)'], {
        encoding: 'utf8',
        timeout: 10_000,
        env,
      }).trim();
      const major = Number(version.split('.')[0]);
      // Older than the rule, and new enough to load an ES module at all.
      if (major < MIN_NODE_MAJOR && major >= 16) return { path, version };
    } catch {
      // not there, not executable, or not a Node
    }
  }
  return undefined;
}

let outdir: string;
let bundle: string;

before(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'countersign-cli-basics-'));
  // buildCli names its entry relative to the working directory, as `npm run build` runs it.
  if (process.cwd() !== ROOT.replace(/\/$/, '')) process.chdir(ROOT);
  await buildCli(outdir);
  bundle = join(outdir, 'cli.mjs');
});

after(async () => {
  if (outdir) await rm(outdir, { recursive: true, force: true });
});

/** The static import specifiers of an ES module's source (not `import(...)`). */
const staticImports = (source: string) =>
  [...source.matchAll(/^\s*import\s*(?:[^'"()]*?\s*from\s*)?["']([^"']+)["']/gm)].map((m) => m[1] as string);

test('bundled CLI: what loads before the version check is small and needs no recent built-in', async () => {
  // cli.mjs and the chunks it imports statically (esbuild's runtime helpers); the dispatcher
  // and the verbs are import()ed, after the check.
  const seen = new Map<string, string>();
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    const source = await readFile(file, 'utf8');
    seen.set(file, source);
    for (const spec of staticImports(source)) {
      if (spec.startsWith('.')) await visit(join(dirname(file), spec));
      else assert.equal(spec, 'node:module', `${file} imports ${spec} before the version check`);
    }
  };
  await visit(bundle);
  const bytes = [...seen.values()].reduce((n, s) => n + s.length, 0);
  assert.ok(bytes < 16 * 1024, `${bytes} bytes load before the version check: ${[...seen.keys()].join(', ')}`);
  assert.match(
    seen.get(bundle) ?? '',
    /nodeVersionProblem\(process\.versions\.node\)[\s\S]*import\(["']\.\/chunks\/cli-dispatch\.mjs["']/,
  );
});

test('bundled CLI on this Node: --version and help work', async () => {
  const { version } = await packageJson();
  assert.deepEqual(await node([bundle, '--version']), { code: 0, stdout: `countersign ${version}\n`, stderr: '' });
  const [viaHelp, viaFlag] = await Promise.all([node([bundle, 'help', 'serve']), node([bundle, 'serve', '--help'])]);
  assert.equal(viaFlag.code, 0, viaFlag.stderr);
  assert.deepEqual(viaHelp, viaFlag);
});

test('bundled CLI on a Node older than the rule: one line naming the version it needs, exit 2', async (t) => {
  const old = findOldNode();
  if (!old) {
    t.skip(`no node older than ${MIN_NODE_MAJOR} found on PATH, /usr/bin or /usr/local/bin`);
    return;
  }
  t.diagnostic(`old node: ${old.path} ${old.version}`);
  const cases: string[][] = [
    ['--version'],
    ['verify', 'bundle.json', '--policy', 'policy.json'],
    ['serve', '--key', 'k.pem'],
    ['help', 'serve'],
    [],
  ];
  for (const args of cases) {
    const run = await node([bundle, ...args], old.path);
    const label: string = `node ${old.version} cli.mjs ${args.join(' ')}`;
    assert.equal(run.code, 2, `${label}: ${run.stderr}`);
    assert.equal(run.stdout, '', label);
    assert.equal(
      run.stderr,
      `countersign needs Node.js >= ${MIN_NODE_MAJOR} (this is ${old.version}): install Node.js ${MIN_NODE_MAJOR} or newer\n`,
      label,
    );
  }
});
