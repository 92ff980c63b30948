// Issue 15: SIGKILL under load, through HTTP. `countersign serve` (worker threads on) as a
// child process, many concurrent clients sending valid countersigning requests (several
// versions of several streams, so that versions race), SIGKILL in the middle, a restart on
// the same --data. Then every countersignature a client received is in the log at its index,
// no stream version is in the log twice, and `countersign audit` walks the whole log and
// checks it against the log key.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ed25519PublicKeyOf } from '../../src/lib/basics/crypto/ed25519.ts';
import { verifierKey } from '../../src/lib/checks/log/note.ts';
import { parseCountersignatureStatement } from '../../src/lib/formats/countersignature/statement.ts';
import { requestCountersignature } from '../../src/lib/flows/countersign/service-client.ts';
import type { WireEntry } from '../../src/lib/formats/service/api.ts';
import { type Flow, readBundle, startFlow } from '../../tools/flow.ts';
import { MAIN, ORIGIN, type ServiceFiles, setUpService } from '../helpers/service.ts';

const STREAMS = Array.from({ length: 8 }, (_, i) => `sigkill/s${i}:stable`);
const VERSIONS = 5;

let flow: Flow;
let svc: ServiceFiles;
before(async () => {
  flow = await startFlow();
  svc = await setUpService(flow, { streams: STREAMS });
});
after(async () => flow?.close());

const args = () => [
  '--key',
  svc.keyFile,
  '--log-key',
  svc.logKeyFile,
  '--origin',
  ORIGIN,
  '--policy',
  svc.policyFile,
  '--data',
  svc.dataDir,
  '--listen',
  '127.0.0.1:0',
  '--workers',
  '2',
  '--rate-limit',
  '0',
];

function run(argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [MAIN, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function allEntries(url: string, size: number): Promise<WireEntry[]> {
  const out: WireEntry[] = [];
  while (out.length < size) {
    const res = await fetch(`${url}/v1/log/entries?start=${out.length}&end=${size}`);
    out.push(...((await res.json()) as { entries: WireEntry[] }).entries);
  }
  return out;
}

test('SIGKILL under concurrent load: every acknowledged countersignature survives, no version twice, audit passes', async (t) => {
  const primaries = await Promise.all(
    STREAMS.flatMap((stream) =>
      Array.from({ length: VERSIONS }, (_, v) => flow.sign(flow.statement({ stream, version: v + 1 }))),
    ),
  );
  const server = await svc.start({ args: args() });
  const received: Uint8Array[] = [];
  let killed: Promise<void> | undefined;
  // 16 clients at once over a shuffled list: versions of one stream race each other.
  const queue = [...primaries].sort(() => Math.random() - 0.5);
  await Promise.allSettled(
    Array.from({ length: 16 }, async () => {
      for (let p = queue.pop(); p; p = queue.pop()) {
        try {
          received.push(await requestCountersignature(server.url, p, { retries: 0, timeoutMs: 20_000 }));
        } catch {
          // refused (an older version after a newer one) or cut off by the kill
        }
        if (received.length === 12 && !killed) killed = server.kill();
      }
    }),
  );
  await killed;
  assert.ok(received.length >= 12, `at least 12 answers before the kill, got ${received.length}`);
  t.diagnostic(`${received.length} of ${primaries.length} acknowledged before SIGKILL`);

  const restarted = await svc.start({ args: args() });
  try {
    const size = ((await (await fetch(`${restarted.url}/healthz`)).json()) as { treeSize: number }).treeSize;
    const entries = await allEntries(restarted.url, size);
    for (const bytes of received) {
      const c = readBundle(bytes).countersignatures[0];
      assert.ok(c?.logProof);
      assert.equal(entries[c.logProof.logIndex]?.statement, c.statement, `index ${c.logProof.logIndex} is in the log`);
    }
    const seen = new Set<string>();
    for (const e of entries) {
      const s = parseCountersignatureStatement(new Uint8Array(Buffer.from(e.statement, 'base64')), `entry ${e.index}`);
      assert.ok(!seen.has(`${s.stream} v${s.version}`), `${s.stream} v${s.version} is in the log once`);
      seen.add(`${s.stream} v${s.version}`);
    }
    const vkey = join(svc.dir, 'sigkill-log.vkey');
    await writeFile(vkey, `${verifierKey(ORIGIN, ed25519PublicKeyOf(svc.logKey.seed))}\n`);
    const audit = await run(['audit', '--url', restarted.url, '--log-key', vkey]);
    assert.equal(audit.code, 0, audit.stderr);
    assert.equal(audit.stdout.trim().split('\n').length, size, 'audit walked every entry');
  } finally {
    await restarted.stop();
  }
});
