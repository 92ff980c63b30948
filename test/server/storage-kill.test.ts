// SIGKILL in the middle of concurrent appends (issue 15): a child process appends through the
// log API in bursts (group commits) and prints each acknowledged index; the parent kills it
// with SIGKILL mid-load, reopens the log, and checks that every acknowledged entry is there
// with the statement it was acknowledged for, that the log starts (the high-water mark and the
// database agree), and that no stream version is in the log twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseCountersignatureStatement } from '../../src/lib/formats/countersignature/statement.ts';
import { LogStore } from '../../src/server/store.ts';
import { TransparencyLog } from '../../src/server/transparency-log.ts';
import { makeEntry, makeKeys } from './storage-fixture.ts';

const keys = makeKeys(11);
const CHILD = process.env.COUNTERSIGN_STORAGE_KILL_CHILD;

async function child(dataDir: string): Promise<void> {
  const store = await LogStore.open(dataDir);
  const log = await TransparencyLog.open(store, keys.logSigner, { countersignerKeys: [keys.csPublicKey] });
  // 8 streams, each taking the next version; several appends per tick, and some retried
  // versions that must be refused.
  const next = new Map<string, number>();
  for (;;) {
    const burst = Array.from({ length: 16 }, (_, i) => {
      const stream = `kill/s${i % 8}:stable`;
      const version = (next.get(stream) ?? 0) + 1;
      next.set(stream, version);
      const entry = makeEntry(keys, stream, version);
      const digest = createHash('sha256').update(entry.statement).digest('hex');
      return log.append(entry).then(
        (index) => process.stdout.write(`ack ${index} ${digest}\n`),
        () => undefined,
      );
    });
    await Promise.all(burst);
  }
}

if (CHILD) await child(CHILD);

test('SIGKILL mid-load with concurrent appends: nothing acknowledged is lost, no version twice, the log starts', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'countersign-storage-kill-'));
  const dataDir = join(root, 'data');
  try {
    for (let round = 0; round < 2; round++) {
      const proc = spawn(process.execPath, [import.meta.filename], {
        env: { ...process.env, COUNTERSIGN_STORAGE_KILL_CHILD: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const acked = new Map<number, string>();
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      await new Promise<void>((resolve) => {
        createInterface({ input: proc.stdout }).on('line', (line) => {
          const [, index, digest] = line.split(' ');
          acked.set(Number(index), digest ?? '');
          if (acked.size === 150) {
            proc.kill('SIGKILL');
            resolve();
          }
        });
        void exited.then(() => resolve());
      });
      await exited;
      assert.ok(acked.size >= 150, `the child acknowledged ${acked.size} appends before it died: ${stderr}`);
      t.diagnostic(`round ${round}: ${acked.size} acknowledged before SIGKILL`);

      const store = await LogStore.open(dataDir);
      try {
        const log = await TransparencyLog.open(store, keys.logSigner, { countersignerKeys: [keys.csPublicKey] });
        const entries = store.entries(0, log.size);
        assert.equal(entries.length, log.size);
        for (const [index, digest] of acked) {
          const entry = entries[index];
          assert.ok(entry, `acknowledged entry ${index} is in the log (size ${log.size})`);
          assert.equal(
            createHash('sha256').update(entry.statement).digest('hex'),
            digest,
            `entry ${index} is what was acknowledged`,
          );
        }
        const seen = new Set<string>();
        for (const e of entries) {
          const s = parseCountersignatureStatement(e.statement, `entry ${e.index}`);
          const key = `${s.stream} v${s.version}`;
          assert.ok(!seen.has(key), `${key} is in the log once`);
          seen.add(key);
        }
      } finally {
        store.close();
      }
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
