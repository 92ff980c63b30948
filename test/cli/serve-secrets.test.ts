// Issue 15 F7 and F8, `countersign serve`'s secrets and files: keys are never read from the
// environment (it stays readable in /proc/PID/environ for the life of the process, whatever
// the process deletes from process.env), and the key files and the policy file must be ones
// only their owner can change. Each refusal: exit 2, one line, its code, nothing created.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type Flow, startFlow } from '../../tools/flow.ts';
import { MAIN, type ServiceFiles, setUpService } from '../helpers/service.ts';

let flow: Flow;
let svc: ServiceFiles;
before(async () => {
  flow = await startFlow();
  svc = await setUpService(flow, { name: 'secrets' });
});
after(async () => {
  await flow.close();
});

const isRoot = process.geteuid?.() === 0;

function serve(args: string[], env: Record<string, string> = {}, data = join(svc.dir, 'never')) {
  const run = spawnSync(process.execPath, [MAIN, 'serve', ...args, '--data', data, '--listen', '127.0.0.1:0'], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  return run;
}

async function refused(run: ReturnType<typeof serve>, pattern: RegExp): Promise<void> {
  assert.equal(run.status, 2, `${run.stdout}\n${run.stderr}`);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0] ?? '', pattern);
  await assert.rejects(stat(join(svc.dir, 'never')), 'nothing created before the refusal');
}

test("F7 COUNTERSIGN_KEY and COUNTERSIGN_LOG_KEY are refused, naming the file and PKCS#11 alternatives; no key is left in a running server's /proc/PID/environ", async () => {
  await refused(
    serve(['--key', svc.keyFile, '--policy', svc.policyFile], { COUNTERSIGN_KEY: flow.keys.b.privateKeyPem }),
    /^countersign: COUNTERSIGN_KEY: keys are not read from the environment .*\/proc\/PID\/environ.*--key FILE \(mode 0600\) or --key pkcs11:/,
  );
  await refused(
    serve(['--policy', svc.policyFile], { COUNTERSIGN_LOG_KEY: svc.logKey.privateKeyPem }),
    /^countersign: COUNTERSIGN_LOG_KEY: keys are not read from the environment/,
  );
  const server = await svc.start();
  try {
    const pid = server.proc.pid ?? 0;
    const environ = await readFile(`/proc/${pid}/environ`, 'latin1');
    assert.doesNotMatch(environ, /PRIVATE KEY/);
    assert.ok(!environ.includes(flow.keys.b.privateKeyPem.split('\n')[1] ?? 'x'));
  } finally {
    await server.stop();
  }
});

test('F8 a key file that is a symlink, in a directory others can write, or owned by another user is refused', async () => {
  const link = join(svc.dir, 'link.key');
  await symlink(svc.keyFile, link);
  await refused(
    serve(['--key', link, '--policy', svc.policyFile]),
    /link\.key: expected a private key file that is not a symbolic link/,
  );
  const open = join(svc.dir, 'open-dir');
  await mkdir(open);
  await chmod(open, 0o777);
  await writeFile(join(open, 'b.key'), flow.keys.b.privateKeyPem, { mode: 0o600 });
  await refused(
    serve(['--key', join(open, 'b.key'), '--policy', svc.policyFile]),
    /in a directory only its owner can write, found .*open-dir with mode 0777, writable by group and others/,
  );
  await chmod(open, 0o1777); // sticky, like /tmp: still refused (others can add files beside it)
  await refused(serve(['--key', join(open, 'b.key'), '--policy', svc.policyFile]), /mode 01777/);
  await refused(
    serve(['--key', svc.keyFile, '--log-key', join(open, 'b.key'), '--policy', svc.policyFile]),
    /open-dir/,
  );
  if (isRoot) {
    const theirs = join(svc.dir, 'theirs.key');
    await writeFile(theirs, flow.keys.b.privateKeyPem, { mode: 0o600 });
    await chown(theirs, 65534, 65534);
    await refused(
      serve(['--key', theirs, '--policy', svc.policyFile]),
      /owned by the user running countersign \(uid 0\), found uid 65534; run 'chown 0 /,
    );
  }
});

test('F8 a policy file writable by group or others, or in a directory others can write, is refused; mode 0644 starts', async () => {
  await chmod(svc.policyFile, 0o666);
  try {
    await refused(
      serve(['--key', svc.keyFile, '--policy', svc.policyFile]),
      /policy\.json: expected a policy file only its owner can change \(it decides what B countersigns\), found mode 0666, writable by group and others; run 'chmod go-w/,
    );
    await chmod(svc.policyFile, 0o620);
    await refused(serve(['--key', svc.keyFile, '--policy', svc.policyFile]), /mode 0620, writable by group/);
  } finally {
    await chmod(svc.policyFile, 0o644);
  }
  const open = join(svc.dir, 'open-policy-dir');
  await mkdir(open);
  await writeFile(join(open, 'policy.json'), await readFile(svc.policyFile), { mode: 0o644 });
  await chmod(open, 0o757);
  await refused(
    serve(['--key', svc.keyFile, '--policy', join(open, 'policy.json')]),
    /open-policy-dir with mode 0757, writable by others/,
  );
  if (isRoot) {
    const theirs = join(svc.dir, 'theirs-policy.json');
    await writeFile(theirs, await readFile(svc.policyFile), { mode: 0o644 });
    await chown(theirs, 65534, 65534);
    await refused(serve(['--key', svc.keyFile, '--policy', theirs]), /owned by uid 65534 \(neither this user/);
  }
  const server = await svc.start();
  await server.stop();
});
