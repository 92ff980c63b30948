// The log's storage, in process (issue 15): group commit and its failure contract, the
// high-water mark (wiped, deleted, rolled-back databases), the data directory's lock, start-up
// errors with stable codes, and entries whose stored bytes were changed (never served).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCheckpoint } from '../../src/lib/checks/log/checkpoint.ts';
import { verifyConsistency, verifyInclusion } from '../../src/lib/checks/log/merkle.ts';
import { DATABASE_FILE, LogStore } from '../../src/server/store.ts';
import { HIGH_WATER_FILE } from '../../src/server/storage/high-water.ts';
import { type LogOpenOptions, TransparencyLog } from '../../src/server/transparency-log.ts';
import { type Keys, makeEntry, makeKeys } from './storage-fixture.ts';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'countersign-storage-'));
  dirs.push(d);
  return join(d, 'data');
}

const keys = makeKeys();

async function openLog(dataDir: string, k: Keys = keys, options: LogOpenOptions = {}) {
  const store = await LogStore.open(dataDir);
  try {
    const log = await TransparencyLog.open(store, k.logSigner, { countersignerKeys: [k.csPublicKey], ...options });
    return { store, log };
  } catch (err) {
    store.close();
    throw err;
  }
}

/** A log of `n` entries in streams s0..s3, closed. */
async function logOf(n: number): Promise<string> {
  const dataDir = await tempDir();
  const { store, log } = await openLog(dataDir);
  await Promise.all(
    Array.from({ length: n }, (_, i) => log.append(makeEntry(keys, `acme/s${i % 4}:stable`, Math.floor(i / 4) + 1))),
  );
  store.close();
  return dataDir;
}

function codeOf(err: unknown): string | undefined {
  return (err as { code?: string }).code;
}

test('group commit: appends of one tick share one transaction and one checkpoint; each resolves after the commit', async () => {
  const dataDir = await tempDir();
  let signatures = 0;
  const counting: Keys = {
    ...keys,
    logSigner: {
      ...keys.logSigner,
      signer: {
        keyId: keys.logSigner.signer.keyId,
        sign: (m) => {
          signatures += 1;
          return keys.logSigner.signer.sign(m);
        },
      },
    },
  };
  const { store, log } = await openLog(dataDir, counting);
  try {
    signatures = 0;
    const appends = Array.from({ length: 40 }, (_, i) => log.append(makeEntry(keys, `acme/g${i}:stable`, 1)));
    // Pending at once: indices assigned and versions visible before anything is committed.
    assert.equal(log.pendingOrStoredVersion('acme/g7:stable')?.version, 1);
    assert.equal(log.pendingOrStoredVersion('acme/g7:stable')?.index, 7);
    assert.equal(log.size, 0, 'nothing is published before the commit');
    await assert.rejects(log.append(makeEntry(keys, 'acme/g7:stable', 1)), { code: 'statement-version-reused' });
    const indices = await Promise.all(appends);
    assert.deepEqual(
      indices,
      Array.from({ length: 40 }, (_, i) => i),
    );
    assert.equal(signatures, 2, 'one checkpoint and one stream-state note for the whole batch');
    assert.equal(log.size, 40);
    const cp = verifyCheckpoint(log.checkpoint, keys.logSigner);
    assert.equal(cp.size, 40);
    for (const i of [0, 17, 39])
      assert.ok(verifyInclusion(store.node(0, i) ?? new Uint8Array(), i, 40, log.inclusionProof(i), cp.root));
    const entries = store.entries(0, 40);
    assert.equal(entries.length, 40);
    await assert.rejects(log.append(makeEntry(keys, 'acme/g3:stable', 1)), { code: 'statement-version-reused' });
    await assert.rejects(log.append(makeEntry(keys, 'acme/g3:stable', 0 + 1)), { code: 'statement-version-reused' });
  } finally {
    store.close();
  }
});

test('a failed commit rejects the whole batch and what came after it, rolls the tree back, and the log keeps working', async () => {
  const dataDir = await tempDir();
  const { store, log } = await openLog(dataDir);
  try {
    await log.append(makeEntry(keys, 'acme/f:stable', 1));
    const before = log.checkpoint;
    const original = store.commit.bind(store);
    let failures = 1;
    store.commit = (batch) => {
      if (failures-- > 0) throw Object.assign(new Error('database or disk is full'), { errcode: 13 });
      original(batch);
    };
    const failed = [2, 3, 4].map((v) => log.append(makeEntry(keys, 'acme/f:stable', v)));
    for (const p of failed) await assert.rejects(p, { code: 'disk-full' });
    assert.equal(log.size, 1);
    assert.equal(log.checkpoint, before);
    assert.equal(log.pendingOrStoredVersion('acme/f:stable')?.version, 1, 'the failed versions are free again');
    assert.equal(await log.append(makeEntry(keys, 'acme/f:stable', 2)), 1, 'the next append takes the next index');
    assert.equal(log.size, 2);
    const cp = verifyCheckpoint(log.checkpoint, keys.logSigner);
    const old = verifyCheckpoint(before, keys.logSigner);
    assert.ok(verifyConsistency(1, 2, old.root, cp.root, log.consistencyProof(1, 2)));
  } finally {
    store.close();
  }
  const reopened = await openLog(dataDir);
  assert.equal(reopened.log.size, 2);
  reopened.store.close();
});

test('a wiped database (0 bytes or deleted) refuses to start, naming both sizes', async () => {
  for (const wipe of [(p: string) => truncate(p, 0), (p: string) => unlink(p)]) {
    const dataDir = await logOf(6);
    await rm(join(dataDir, `${DATABASE_FILE}-wal`), { force: true });
    await rm(join(dataDir, `${DATABASE_FILE}-shm`), { force: true });
    await wipe(join(dataDir, DATABASE_FILE));
    await assert.rejects(openLog(dataDir), (err: Error) => {
      assert.equal(codeOf(err), 'log-storage-inconsistent');
      assert.match(err.message, /the database has 0 entries but this service already signed a checkpoint of size 6/);
      assert.doesNotMatch(err.message, /\n/);
      return true;
    });
  }
});

test('a rolled-back database (last entry and checkpoint row deleted) refuses to start', async () => {
  const dataDir = await logOf(5);
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE));
  db.exec('DELETE FROM entries WHERE idx = 4; DELETE FROM checkpoint');
  db.close();
  await assert.rejects(openLog(dataDir), (err: Error) => {
    assert.equal(codeOf(err), 'log-storage-inconsistent');
    assert.match(err.message, /has 4 entries but this service already signed a checkpoint of size 5/);
    return true;
  });
});

test('a database that does not extend the high-water mark (a rewritten entry, re-hashed) refuses to start', async () => {
  const dataDir = await logOf(4);
  // Another log of the same size under the same key: the root differs.
  const other = await logOf(4);
  await rm(dataDir, { recursive: true });
  const { cp } = await import('node:fs/promises');
  await cp(other, dataDir, { recursive: true });
  const mark = (await import('node:fs/promises')).readFile;
  const first = await logOf(4);
  await writeFile(join(dataDir, HIGH_WATER_FILE), await mark(join(first, HIGH_WATER_FILE)));
  await assert.rejects(openLog(dataDir), (err: Error) => {
    assert.equal(codeOf(err), 'log-storage-inconsistent');
    assert.match(err.message, /\(size 4\) does not extend the high-water mark \(size 4\)/);
    return true;
  });
});

test('no high-water mark with a non-empty database: refused, unless the unsafe upgrade option is given once', async () => {
  const dataDir = await logOf(3);
  await unlink(join(dataDir, HIGH_WATER_FILE));
  await assert.rejects(openLog(dataDir), /no high-water mark .*--unsafe-accept-log-without-high-water-mark/);
  const opened = await openLog(dataDir, keys, { unsafeAcceptLogWithoutHighWaterMark: true });
  assert.equal(opened.log.size, 3);
  opened.store.close();
  const again = await openLog(dataDir);
  assert.equal(again.log.size, 3, 'the mark was written: the next start needs no option');
  again.store.close();
});

test('a second open of the same data directory is refused (log-storage-locked) until the first closes', async () => {
  const dataDir = await tempDir();
  const first = await openLog(dataDir);
  await assert.rejects(openLog(dataDir), (err: Error) => {
    assert.equal(codeOf(err), 'log-storage-locked');
    assert.match(err.message, /another countersign server is using this data directory/);
    return true;
  });
  first.store.close();
  const second = await openLog(dataDir);
  second.store.close();
});

test('start-up errors are one line with a stable code: damaged database file, unreadable data directory', async () => {
  const dataDir = await logOf(2);
  await writeFile(join(dataDir, DATABASE_FILE), Buffer.alloc(8192, 0x5a));
  await rm(join(dataDir, `${DATABASE_FILE}-wal`), { force: true });
  await assert.rejects(openLog(dataDir), (err: Error) => {
    assert.equal(codeOf(err), 'log-storage-inconsistent');
    assert.match(err.message, /damaged/);
    return true;
  });
  const notADir = join(await tempDir(), '..', 'a-file');
  await writeFile(notADir, 'x');
  await assert.rejects(openLog(join(notADir, 'data')), { code: 'log-storage-unreadable' });
});

test('a flipped byte in any stored column: refused at start or the entry is never served', async () => {
  const columns = [
    'statement',
    'signature',
    'certificate',
    'leaf_hash',
    'key_id',
    'stream',
    'payload_digest',
    'primary_signature_digest',
    'signed_at',
  ];
  for (const column of columns) {
    const dataDir = await logOf(8);
    const db = new DatabaseSync(join(dataDir, DATABASE_FILE));
    const row = db.prepare(`SELECT ${column} AS v FROM entries WHERE idx = 5`).get() as { v: Uint8Array | string };
    const bytes = Buffer.from(row.v);
    const at = Math.floor(bytes.length / 2);
    bytes.writeUInt8((bytes[at] ?? 0) ^ 0x01, at);
    db.prepare(`UPDATE entries SET ${column} = ? WHERE idx = 5`).run(
      typeof row.v === 'string' ? bytes.toString('latin1') : bytes,
    );
    db.close();
    let opened;
    try {
      opened = await openLog(dataDir);
    } catch (err) {
      assert.equal(codeOf(err), 'log-storage-inconsistent', `${column}: ${String(err)}`);
      continue;
    }
    try {
      assert.throws(
        () => opened.store.entries(5, 6),
        { code: 'log-storage-inconsistent', message: /log entry 5 is not served/ },
        column,
      );
      // A damaged leaf hash also breaks its neighbour's proof (entry 4): that one is withheld too.
      assert.throws(
        () => opened.store.entries(0, 8),
        /log entry [45] is not served/,
        `${column}: a page holding it fails too`,
      );
      assert.equal(opened.store.entries(0, 4).length, 4, `${column}: the others are served`);
      assert.equal(opened.store.entries(6, 8).length, 2, `${column}: the others are served`);
    } finally {
      opened.store.close();
    }
  }
});

test('a lowered version never lets a second statement for a signed version through', async () => {
  // In the entries: the entry is not served, and the signed stream heads still say version 2.
  const dataDir = await logOf(8); // acme/s1 has versions 1 and 2 (indices 1 and 5)
  let db = new DatabaseSync(join(dataDir, DATABASE_FILE));
  db.exec('DELETE FROM entries WHERE idx = 1; UPDATE entries SET version = 1 WHERE idx = 5');
  db.close();
  await assert.rejects(openLog(dataDir), /entries are missing/);
  const second = await logOf(8);
  db = new DatabaseSync(join(second, DATABASE_FILE));
  db.exec('UPDATE entries SET version = 0 WHERE idx = 5');
  db.close();
  const opened = await openLog(second);
  try {
    assert.equal(opened.log.pendingOrStoredVersion('acme/s1:stable')?.version, 2);
    await assert.rejects(opened.log.append(makeEntry(keys, 'acme/s1:stable', 2)), { code: 'statement-version-reused' });
    assert.throws(() => opened.store.entries(5, 6), /stored version is not the statement's/);
  } finally {
    opened.store.close();
  }
  // In the stream heads: refused at start.
  const third = await logOf(8);
  db = new DatabaseSync(join(third, DATABASE_FILE));
  db.exec("UPDATE streams SET version = 1 WHERE stream = 'acme/s1:stable'");
  db.close();
  await assert.rejects(openLog(third), {
    code: 'log-storage-inconsistent',
    message: /stream versions: .*signed digest/,
  });
});

test('a row changed after it was first served is checked again, and withheld', async () => {
  const dataDir = await logOf(8);
  const { store } = await openLog(dataDir);
  try {
    assert.equal(store.entries(0, 8).length, 8);
    const db = new DatabaseSync(join(dataDir, DATABASE_FILE));
    const row = db.prepare('SELECT statement FROM entries WHERE idx = 3').get() as { statement: Uint8Array };
    const edited = Buffer.from(row.statement)
      .toString('utf8')
      .replace(/"version":1/, '"version":9');
    db.prepare('UPDATE entries SET statement = ? WHERE idx = 3').run(Buffer.from(edited));
    db.close();
    assert.throws(() => store.entries(3, 4), /log entry 3 is not served: its statement does not match its leaf hash/);
    assert.equal(store.entries(4, 8).length, 4);
  } finally {
    store.close();
  }
});
