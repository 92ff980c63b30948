// The storage faults of issue 15 through the real CLI (`node src/cli/main.ts serve ...`): a
// second server on the same --data refuses to start; a wiped database refuses to start with
// one line naming both sizes (exit 2, no stack trace); a full disk answers 503 disk-full and the same
// process recovers once space returns (a small tmpfs; skipped where it cannot be mounted).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../src/server/store.ts';
import { type Flow, startFlow } from '../../tools/flow.ts';
import { MAIN, type ServiceFiles, post, setUpService } from '../helpers/service.ts';

let flow: Flow;
let svc: ServiceFiles;
before(async () => {
  flow = await startFlow();
  svc = await setUpService(flow, { name: 'storage', streams: ['acme/app:stable'] });
});
after(async () => flow?.close());

function serveArgs(dataDir: string): string[] {
  return [
    '--key',
    svc.keyFile,
    '--log-key',
    svc.logKeyFile,
    '--origin',
    'countersign.test/b-release',
    '--policy',
    svc.policyFile,
    '--data',
    dataDir,
    '--listen',
    '127.0.0.1:0',
  ];
}

/** Runs `serve` expecting it to refuse to start: its exit code and stderr. */
async function refusedStart(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const proc = spawn(process.execPath, [MAIN, 'serve', ...serveArgs(dataDir)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  proc.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const timer = setTimeout(() => proc.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));
  clearTimeout(timer);
  assert.doesNotMatch(stdout, /"listening"/, 'it never listened');
  return { code, stderr };
}

async function countersign(url: string, version: number): Promise<number> {
  const primary = await flow.sign(flow.statement({ version }));
  const r = await post(url, primary);
  if (r.status !== 200) process.stderr.write(`POST v${version}: ${r.status} ${JSON.stringify(r.json)}\n`);
  return r.status;
}

test('a second server on the same --data refuses to start (log-storage-locked, exit 2); the first keeps serving', async () => {
  const server = await svc.start({ args: serveArgs(svc.dataDir) });
  try {
    assert.equal(await countersign(server.url, 1), 200);
    const second = await refusedStart(svc.dataDir);
    assert.equal(second.code, 2, second.stderr);
    assert.match(second.stderr, /another countersign server is using this data directory/);
    assert.equal(second.stderr.trim().split('\n').length, 1, `one line: ${second.stderr}`);
    assert.equal(await countersign(server.url, 2), 200, 'the first server still commits');
  } finally {
    await server.stop();
  }
  // SIGKILL releases the lock: the next server starts.
  const next = await svc.start({ args: serveArgs(svc.dataDir) });
  await next.kill();
  const after = await svc.start({ args: serveArgs(svc.dataDir) });
  await after.stop();
});

test('a wiped or deleted database refuses to start: one line naming both sizes, exit 2', async () => {
  const dataDir = join(svc.dir, 'wiped');
  const server = await svc.start({ args: serveArgs(dataDir) });
  assert.equal(await countersign(server.url, 1), 200);
  await server.stop();
  for (const wipe of [truncate, unlink]) {
    await rm(join(dataDir, `${DATABASE_FILE}-wal`), { force: true });
    await wipe(join(dataDir, DATABASE_FILE));
    const r = await refusedStart(dataDir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /has 0 entries but this service already signed a checkpoint of size 1/);
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line, no stack trace: ${r.stderr}`);
  }
});

function canMountTmpfs(dir: string): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('disk full: the commit fails with 503 disk-full and Retry-After, nothing is acknowledged, and the same process recovers when space returns', async (t) => {
  const mountPoint = join(svc.dir, 'small-disk');
  await mkdir(mountPoint, { recursive: true });
  if (!canMountTmpfs(mountPoint)) {
    t.skip('needs root and tmpfs (the in-process test of a failed commit runs everywhere: storage-log)');
    return;
  }
  try {
    const dataDir = join(mountPoint, 'data');
    const server = await svc.start({ args: serveArgs(dataDir) });
    try {
      assert.equal(await countersign(server.url, 1), 200);
      // Fill the disk to the last byte.
      const filler = join(mountPoint, 'filler');
      await writeFile(filler, '');
      const chunk = Buffer.alloc(64 * 1024);
      for (let size = 64 * 1024; size >= 1; size = Math.floor(size / 2)) {
        try {
          for (;;) await writeFile(filler, chunk.subarray(0, size), { flag: 'a' });
        } catch {
          // this size no longer fits: try a smaller one
        }
      }
      const full = await post(server.url, await flow.sign(flow.statement({ version: 2 })));
      assert.equal(full.status, 503, 'a full disk is a 503, not an acknowledgement');
      assert.equal(full.json.code, 'disk-full');
      assert.ok(!String(full.json.message).includes(dataDir), 'no path in the answer');
      const again = await fetch(`${server.url}/v1/countersign`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new Uint8Array(await flow.sign(flow.statement({ version: 2 }))),
      });
      assert.equal(again.status, 503);
      assert.equal(again.headers.get('retry-after'), '30');
      const health = await fetch(`${server.url}/healthz`);
      assert.equal(((await health.json()) as { treeSize: number }).treeSize, 1, 'nothing was added');
      await unlink(filler);
      assert.equal(await countersign(server.url, 2), 200, 'the same process commits once space returns');
    } finally {
      await server.stop();
    }
    const restarted = await svc.start({ args: serveArgs(dataDir) });
    const health = (await (await fetch(`${restarted.url}/healthz`)).json()) as { treeSize: number };
    assert.equal(health.treeSize, 2);
    await restarted.stop();
  } finally {
    execFileSync('umount', [mountPoint]);
  }
});
