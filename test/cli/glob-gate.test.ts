// Issue 13 finding 5 (spec/ATTACKS.md): a gate script that globs the release, as in
// `cd dist && countersign verify ../b.json --policy ../p.json *`, turns every file name into an
// argument. A file named `--help` made the gate print help and exit 0 on a tampered release;
// files named `--policy=evil.json` and `evil.json` replaced the pinned policy (the last
// --policy won) and the gate verified a bundle made entirely by the attacker. Each case here is
// a real release signed on the local Sigstore stack and a real `bash -c '... *'` glob.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VerificationReport } from '../../src/lib/pipeline/report.ts';
import { type Stack, sourceRepositoryOf, startStack } from '../../src/stack/index.ts';

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const STREAM = 'acme/app:stable';
const EVIL_WORKFLOW = 'evil/app/.github/workflows/release.yml@refs/heads/main';
/** The release files, by name and content. */
const FILES: Record<string, string> = {
  'app-linux-amd64': 'ELF pretend binary\n'.repeat(50),
  'app-darwin-arm64': 'Mach-O pretend binary\n'.repeat(50),
};

let stack: Stack;
let dir: string;
let env: NodeJS.ProcessEnv;
const at = (...p: string[]) => join(dir, ...p);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a bash script in `cwd` where `$CS` is the countersign command (node src/cli/main.ts), so
 * that an unquoted `*` is the shell's own glob, as in a release job.
 */
function sh(cwd: string, script: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      'bash',
      ['-c', `CS() { "$NODE" "$CLI" "$@"; }; ${script}`],
      { cwd, env: { ...env, NODE: process.execPath, CLI }, timeout: 60_000, maxBuffer: 8 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') {
          reject(new Error(err.message, { cause: err })); // not run at all (a run that exits non-zero is a result)
          return;
        }
        resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
      },
    );
  });
}

async function ok(cwd: string, script: string): Promise<Run> {
  const run = await sh(cwd, script);
  assert.equal(run.code, 0, `${script}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  return run;
}

/** A case directory: CASE/p.json (the pinned policy), CASE/dist/ with the release files and `extra`. */
async function releaseCase(name: string, extra: Record<string, string> = {}): Promise<{ root: string; dist: string }> {
  const root = at(name);
  const dist = join(root, 'dist');
  await mkdir(dist, { recursive: true });
  await copyFile(at('p.json'), join(root, 'p.json'));
  for (const [file, content] of Object.entries({ ...FILES, ...extra })) await writeFile(join(dist, file), content);
  return { root, dist };
}

/** Organisation A's release over everything in `dist` (built with `-- *`), countersigned by B: ../b.json. */
async function signRelease(dist: string): Promise<void> {
  await ok(dist, `CS build --kind binary-digest --stream ${STREAM} --version 1 --out ../s.json -- *`);
  await ok(dist, 'CS sign ../s.json --sigstore "$STACK" --out ../a.json');
  await ok(dist, 'CS countersign ../a.json --key "$KEYS/b.key" --policy ../p.json --out ../b.json');
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'countersign-glob-gate-'));
  stack = await startStack({ dir: at('stack') });
  await writeFile(at('stack.json'), JSON.stringify(stack.description, null, 2));
  env = { ...process.env };
  for (const name of [
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'SIGSTORE_ID_TOKEN',
    'NODE_TEST_CONTEXT',
    'NODE_OPTIONS',
  ])
    Reflect.deleteProperty(env, name);
  Object.assign(env, {
    ACTIONS_ID_TOKEN_REQUEST_URL: stack.description.tokenUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: stack.description.requestToken,
    STACK: at('stack.json'),
    KEYS: at('keys'),
  });
  await mkdir(at('keys'));
  await ok(dir, 'CS keygen --out keys/b.key && CS keygen --out keys/rogue.key');
  const d = stack.description;
  const pin = (repository: string) =>
    `--source-repository-id ${sourceRepositoryOf(repository).repositoryId} --source-repository-owner-id ${sourceRepositoryOf(repository).repositoryOwnerId}`;
  await ok(
    dir,
    `CS policy init --identity '${d.identity}' --issuer '${d.issuer}' ${pin('acme/app')} --trusted-root '${d.trustedRoot}' --countersigner b-release=keys/b.key.pub --stream ${STREAM} --out p.json`,
  );
  // The attacker's own policy: its workflow, its countersigning key.
  await ok(
    dir,
    `CS policy init --identity 'https://github.com/${EVIL_WORKFLOW}' --issuer '${d.issuer}' ${pin(EVIL_WORKFLOW.split('/').slice(0, 2).join('/'))} --trusted-root '${d.trustedRoot}' --countersigner rogue=keys/rogue.key.pub --stream ${STREAM} --out evil.json`,
  );
});

after(async () => {
  await stack?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('F5 a file named --help in a globbed release is not help', async () => {
  const { dist } = await releaseCase('help');
  await signRelease(dist);
  await ok(dist, 'CS verify --policy ../p.json ../b.json -- *'); // the control: the release as signed
  // The attack: a tampered binary, and a file named --help beside it.
  await writeFile(join(dist, 'app-linux-amd64'), 'a backdoored binary\n');
  await writeFile(join(dist, '--help'), '');

  const unsafe = await sh(dist, 'CS verify ../b.json --policy ../p.json *');
  assert.notEqual(unsafe.code, 0, 'the gate must not pass a tampered release');
  assert.equal(unsafe.code, 2, unsafe.stderr);
  assert.equal(unsafe.stdout, '', 'no help text');
  assert.equal(
    unsafe.stderr,
    "countersign: verify: --help cannot be combined with other arguments (see 'countersign verify --help')\n",
  );

  // The safe form: after `--`, --help is a file, and not a subject; the tampered binary fails too.
  const safe = await sh(dist, 'CS verify --policy ../p.json --json ../b.json -- *');
  assert.equal(safe.code, 1, safe.stderr);
  const report = JSON.parse(safe.stdout) as VerificationReport;
  assert.equal(report.outcome, 'rejected');
  assert.equal(report.failure?.check, 'subjects');
});

test('F5 --policy given twice is refused', async () => {
  // Everything is the attacker's: the files, the policy evil.json, and the bundle ../b.json
  // (its own workflow identity, countersigned with its own key), over exactly the files the
  // unsafe gate line would have checked: the binaries and evil.json.
  const { root, dist } = await releaseCase('twice', {
    'app-linux-amd64': 'a backdoored binary\n',
    '--policy=evil.json': '',
  });
  await copyFile(at('evil.json'), join(dist, 'evil.json'));
  const token = stack.mintToken({ audience: 'sigstore', jobWorkflowRef: EVIL_WORKFLOW });
  await ok(
    dist,
    `CS build --kind binary-digest --stream ${STREAM} --version 9 --out ../s.json -- app-darwin-arm64 app-linux-amd64 evil.json`,
  );
  await ok(dist, `CS sign ../s.json --sigstore "$STACK" --identity-token '${token}' --out ../a.json`);
  await ok(dist, 'CS countersign ../a.json --key "$KEYS/rogue.key" --policy evil.json --out ../b.json');
  // What "the last --policy wins" gave the attacker: this bundle verifies under evil.json.
  await ok(dist, 'CS verify ../b.json --policy evil.json -- app-darwin-arm64 app-linux-amd64 evil.json');

  const unsafe = await sh(dist, 'CS verify ../b.json --policy ../p.json *');
  assert.equal(unsafe.code, 2, unsafe.stderr);
  assert.equal(unsafe.stdout, '');
  assert.equal(
    unsafe.stderr,
    "countersign: verify: option --policy given more than once (see 'countersign verify --help')\n",
  );
  // Also when the script's own --policy comes last, and in the --policy=FILE spelling.
  const last = await sh(root, 'cd dist && CS verify ../b.json * --policy=../p.json');
  assert.equal(last.code, 2, last.stderr);
  assert.match(last.stderr, /option --policy given more than once/);
});

test('F5 files named --policy=evil.json after -- are files', async () => {
  // The attacker's release of the previous case, through the safe form: rejected (exit 1),
  // because the pinned policy is the script's and the attacker's files are only files.
  const attacked = await sh(at('twice', 'dist'), 'CS verify --policy ../p.json --json ../b.json -- *');
  assert.equal(attacked.code, 1, attacked.stderr);
  const rejected = JSON.parse(attacked.stdout) as VerificationReport;
  assert.equal(rejected.outcome, 'rejected');
  // Rejected for the attacker's signer, not for anything the glob did to the command line.
  assert.equal(rejected.failure?.check, 'primary-identity', JSON.stringify(rejected.failure));

  // A genuine release that ships files with such names: built and verified as files.
  const { dist } = await releaseCase('names', {
    '--policy=evil.json': 'a file\n',
    'evil.json': '{}\n',
    '--help': 'also a file\n',
  });
  await signRelease(dist);
  const run = await sh(dist, 'CS verify --policy ../p.json --json ../b.json -- *');
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as VerificationReport;
  assert.equal(report.outcome, 'verified');
  assert.deepEqual(report.statement?.subjects.map((s) => s.name).sort(), [
    '--help',
    '--policy=evil.json',
    'app-darwin-arm64',
    'app-linux-amd64',
    'evil.json',
  ]);
});
