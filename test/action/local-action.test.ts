// The step actions under GitHub's own local runner for JavaScript actions, @github/local-action
// (`local-action run <action dir> <entrypoint> <dotenv file>`). It supports untranspiled code
// only (its README): it runs the entry point through tsx with @actions/core and @actions/github
// replaced by its stubs (quibble), imports it and calls its exported `run()`. So it is given the
// TypeScript entry points, src/action/main-<step>.ts, which export run() and do nothing when
// loaded; the runner itself starts the bundled dist/action-<step>.mjs (test/action/harness/).
// local-action exits 0 even when the step failed: the step's outcome is its `::error::` lines
// and its "Action Outputs" table.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { REPO_ROOT } from './harness/checkout.ts';
import { type Fixture, STREAM, startFixture, transcript } from './harness/fixture.ts';

const LOCAL_ACTION = join(REPO_ROOT, 'node_modules/.bin/local-action');
const TIMEOUT_MS = 180_000;

let f: Fixture;
let goodBundle: string;

before(async () => {
  f = await startFixture();
  const gate = await f.run('', {
    kind: 'binary-digest',
    'subject-path': 'release/*',
    stream: STREAM,
    version: '1',
    policy: 'policy.json',
    sigstore: 'stack.json',
    'countersign-key': f.keys.b.privateKeyPem,
  });
  assert.equal(gate.success, true, transcript(gate));
  goodBundle = gate.outputs['bundle-path']!;
});
after(async () => {
  await f?.close();
});

interface LocalRun {
  errors: string[];
  outputs: Record<string, string>;
  stdout: string;
}

/** Runs `local-action run <step> ../src/action/main-<step>.ts <env file>` with the inputs as INPUT_<NAME>. */
async function localAction(step: 'build' | 'verify', inputs: Record<string, string>, name: string): Promise<LocalRun> {
  const dir = join(f.workspace, `local-action-${name}`);
  await mkdir(join(dir, 'tmp'), { recursive: true });
  const summary = join(dir, 'summary.md');
  await writeFile(summary, '');
  const env = {
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    GITHUB_WORKSPACE: f.workspace,
    RUNNER_TEMP: join(dir, 'tmp'),
    GITHUB_STEP_SUMMARY: summary,
  };
  const dotenv = join(dir, '.env');
  await writeFile(
    dotenv,
    Object.entries(env)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}\n`)
      .join(''),
  );
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      LOCAL_ACTION,
      ['run', step, `../src/action/main-${step}.ts`, dotenv],
      {
        cwd: REPO_ROOT,
        timeout: TIMEOUT_MS,
        killSignal: 'SIGKILL',
        maxBuffer: 16 * 1024 * 1024,
        // Node 24 first on PATH: local-action starts `npm exec tsx`, whose `node` is the first on PATH.
        env: {
          PATH: `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
          HOME: process.env.HOME ?? '/tmp',
          NO_COLOR: '1',
          FORCE_COLOR: '0',
          npm_config_offline: 'true',
          npm_config_update_notifier: 'false',
        },
      },
      (err, out, stderr) => {
        if (err) reject(new Error(`local-action ${step}: ${err.message}\n${out}\n${stderr}`));
        else resolve(out);
      },
    );
  });
  const errors = stdout
    .split('\n')
    .filter((l) => l.startsWith('::error::'))
    .map((l) => l.slice('::error::'.length));
  // The "Action Outputs" table: │ <index> │ '<name>' │ '<value>' │
  const table = stdout.slice(stdout.lastIndexOf('Action Outputs'));
  const outputs = Object.fromEntries(
    [...table.matchAll(/│\s*\d+\s*│\s*'([^']*)'\s*│\s*'([^']*)'\s*│/g)].map((m) => [m[1]!, m[2]!]),
  );
  return { errors, outputs, stdout };
}

test('local-action runs verify/ on a good bundle and its files: the step passes, outcome verified', async () => {
  const run = await localAction(
    'verify',
    { bundle: goodBundle, policy: 'policy.json', 'subject-path': 'release/*' },
    'verify-good',
  );
  assert.deepEqual(run.errors, [], run.stdout);
  assert.equal(run.outputs.outcome, 'verified', run.stdout);
  assert.equal(run.outputs.verified, 'true');
});

test('local-action runs verify/ on a tampered release: the step fails (an error annotation), outcome rejected', async () => {
  await cp(join(f.workspace, 'release'), join(f.workspace, 'tampered'), { recursive: true });
  await writeFile(join(f.workspace, 'tampered', 'app-linux-amd64'), 'a backdoored binary\n');
  const files = await localAction(
    'verify',
    { bundle: goodBundle, policy: 'policy.json', 'subject-path': 'tampered/*' },
    'verify-tampered-files',
  );
  assert.equal(files.outputs.outcome, 'rejected', files.stdout);
  assert.match(files.errors.join('\n'), /countersign verify: .*rejected by the subjects check/);

  // The bundle itself tampered: one byte of B's countersignature flipped.
  const bundle = JSON.parse(await readFile(goodBundle, 'utf8')) as { countersignatures: { signature: string }[] };
  const sig = Buffer.from(bundle.countersignatures[0]!.signature, 'base64');
  sig[10] = sig[10]! ^ 1;
  bundle.countersignatures[0]!.signature = sig.toString('base64');
  await writeFile(join(f.workspace, 'tampered.bundle.json'), JSON.stringify(bundle));
  const forged = await localAction(
    'verify',
    { bundle: 'tampered.bundle.json', policy: 'policy.json' },
    'verify-tampered-bundle',
  );
  assert.equal(forged.outputs.outcome, 'rejected', forged.stdout);
  assert.match(forged.errors.join('\n'), /countersign verify: .*rejected by the countersignatures check/);
});

test('local-action runs build/: the statement over the release files, its digest as an output', async () => {
  const run = await localAction(
    'build',
    {
      kind: 'binary-digest',
      'subject-path': 'release/*',
      stream: STREAM,
      version: '9',
      'statement-path': 'local-action-statement.json',
    },
    'build',
  );
  assert.deepEqual(run.errors, [], run.stdout);
  const bytes = await readFile(join(f.workspace, 'local-action-statement.json'));
  assert.equal(run.outputs['statement-digest'], `sha256:${createHash('sha256').update(bytes).digest('hex')}`);
  assert.equal(run.outputs['subject-count'], '2');
  const bad = await localAction(
    'build',
    { kind: 'binary-digest', 'subject-path': 'release/*.exe', stream: STREAM, version: '9' },
    'build-bad',
  );
  assert.match(
    bad.errors.join('\n'),
    /countersign build: input subject-path: the pattern "release\/\*\.exe" matched no file/,
  );
});
