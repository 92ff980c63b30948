// Offline guarantee (spec/ATTACKS.md §12): verification makes no network connection at all.
// A genuine bundle is made on the local stack in this process; then the verify CLI runs in a
// child process whose every network entry point (sockets, TLS, HTTP(S), fetch, DNS, UDP) is
// replaced by a recorder that throws (test/attacks/offline-guard.ts), and, where the system
// allows it, inside a new network namespace with no interface but a down loopback
// (`unshare -rn`). The child must verify with zero recorded attempts. A control run proves
// the guard records what it blocks.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildPolicy } from '../../src/lib/formats/policy/index.ts';
import { type Flow, startFlow } from '../../tools/flow.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GUARD = fileURLToPath(new URL('./offline-guard.ts', import.meta.url));
const CLI = join(ROOT, 'src/cli/main.ts');

let flow: Flow;
let bundlePath: string;
let policyPath: string;
let statePath: string;

before(async () => {
  flow = await startFlow();
  const bundle = await flow.countersign(await flow.sign(flow.statement({ version: 1 })), flow.keys.b);
  bundlePath = join(flow.dir, 'release.countersigned.json');
  policyPath = join(flow.dir, 'policy.json');
  statePath = join(flow.dir, 'state.json');
  await writeFile(bundlePath, bundle);
  const d = flow.stack.description;
  const policy = buildPolicy({
    issuer: d.issuer,
    identity: d.identity,
    githubClaims: flow.stack.sourceRepository,
    trustedRoot: flow.trustedRoot,
    countersigners: [
      { name: flow.keys.b.name, organisation: flow.keys.b.organisation, publicKeyPem: flow.keys.b.publicKeyPem },
    ],
    streams: ['acme/app:stable'],
  });
  await writeFile(policyPath, JSON.stringify(policy, null, 2));
});

after(async () => {
  await flow?.close();
});

/** Runs `node --import guard ARGS` (optionally under `unshare -rn`); returns exit code, stdout and the recorded attempts. */
async function guarded(
  args: string[],
  options: { unshare?: boolean; log: string },
): Promise<{ code: number; stdout: string; attempts: string[] }> {
  await writeFile(options.log, '');
  const command = options.unshare ? 'unshare' : process.execPath;
  const argv = [...(options.unshare ? ['-rn', process.execPath] : []), '--import', GUARD, ...args];
  let code = 0;
  let stdout = '';
  try {
    ({ stdout } = await run(command, argv, {
      cwd: ROOT,
      env: { ...process.env, OFFLINE_GUARD_LOG: options.log, NO_PROXY: '', HTTPS_PROXY: '', HTTP_PROXY: '' },
      timeout: 30_000,
    }));
  } catch (err) {
    const e = err as { code?: number; stdout?: string };
    code = typeof e.code === 'number' ? e.code : -1;
    stdout = e.stdout ?? '';
  }
  const attempts = (await readFile(options.log, 'utf8')).split('\n').filter(Boolean);
  return { code, stdout, attempts };
}

test('control: the guard records and blocks a connection, even to 127.0.0.1', async () => {
  const script = "import('node:net').then((net) => net.connect(80, '127.0.0.1')).catch(() => process.exit(3))";
  const result = await guarded(['--input-type=module', '-e', script], { log: join(flow.dir, 'control.log') });
  assert.equal(result.code, 3);
  assert.equal(result.attempts.length, 1);
  assert.match(result.attempts[0]!, /net\.connect/);
});

test('verify (with --json and --state) makes no network attempt and verifies', async () => {
  const result = await guarded([CLI, 'verify', bundlePath, '--policy', policyPath, '--state', statePath, '--json'], {
    log: join(flow.dir, 'verify.log'),
  });
  assert.deepEqual(result.attempts, [], 'no network attempt');
  assert.equal(result.code, 0, result.stdout);
  assert.equal((JSON.parse(result.stdout) as { outcome: string }).outcome, 'verified');
  assert.match(await readFile(statePath, 'utf8'), /"version": 1/);
});

test(
  'verify in a namespace without network (unshare -rn), where available, verifies',
  { skip: spawnSync('unshare', ['-rn', 'true']).status !== 0 && 'unshare -rn not permitted here' },
  async () => {
    const result = await guarded([CLI, 'verify', bundlePath, '--policy', policyPath, '--json'], {
      unshare: true,
      log: join(flow.dir, 'unshare.log'),
    });
    assert.deepEqual(result.attempts, []);
    assert.equal(result.code, 0, result.stdout);
    assert.equal((JSON.parse(result.stdout) as { outcome: string }).outcome, 'verified');
  },
);

test('a rejected bundle is also decided offline (no fetch of missing material)', async () => {
  const tampered = join(flow.dir, 'tampered.json');
  const text = await readFile(bundlePath, 'utf8');
  await writeFile(
    tampered,
    text.replace(/"sig": "(.)/, (_m, c: string) => `"sig": "${c === 'A' ? 'B' : 'A'}`),
  );
  const result = await guarded([CLI, 'verify', tampered, '--policy', policyPath, '--json'], {
    log: join(flow.dir, 'tampered.log'),
  });
  assert.deepEqual(result.attempts, []);
  assert.equal(result.code, 1, result.stdout);
  assert.equal((JSON.parse(result.stdout) as { outcome: string }).outcome, 'rejected');
});
