// One statement per stream version (issue 14 item 5, re-runs): the log appends a new primary
// over a statement it already countersigned (a re-run of A's workflow signs the same statement
// bytes again), refuses another statement at a signed version and older versions, and the
// SQLite schema refuses a second statement at a version even when written past the log. Logs
// made with the old UNIQUE (stream, version) constraint are upgraded once at open.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE, LogStore } from '../../src/server/store.ts';
import { TransparencyLog } from '../../src/server/transparency-log.ts';
import { makeEntry, makeKeys } from './storage-fixture.ts';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const keys = makeKeys(21);

async function openLog(dataDir: string) {
  const store = await LogStore.open(dataDir);
  try {
    return { store, log: await TransparencyLog.open(store, keys.logSigner, { countersignerKeys: [keys.csPublicKey] }) };
  } catch (err) {
    store.close();
    throw err;
  }
}

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'countersign-rerun-'));
  dirs.push(d);
  return join(d, 'data');
}

test('a re-run (same statement, new primary) is appended; another statement at that version and older versions are refused', async () => {
  const dataDir = await tempDir();
  const { store, log } = await openLog(dataDir);
  try {
    const payload = randomBytes(64);
    const first = makeEntry(keys, 'acme/r:stable', 1, new Date(), payload);
    const rerun = makeEntry(keys, 'acme/r:stable', 1, new Date(), payload);
    assert.equal(first.payloadDigest, rerun.payloadDigest);
    assert.notEqual(first.primarySignatureDigest, rerun.primarySignatureDigest);
    assert.deepEqual(await Promise.all([log.append(first), log.append(rerun)]), [0, 1]);
    await assert.rejects(log.append(makeEntry(keys, 'acme/r:stable', 1)), { code: 'statement-version-reused' });
    assert.equal(await log.append(makeEntry(keys, 'acme/r:stable', 2)), 2);
    await assert.rejects(log.append(makeEntry(keys, 'acme/r:stable', 1, new Date(), payload)), {
      code: 'statement-rollback',
    });
    assert.equal(log.size, 3);
    assert.equal(store.entries(0, 3).length, 3, 'every entry is served');
  } finally {
    store.close();
  }
  // The schema itself: a row for a signed version with another payload digest is refused.
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE));
  try {
    const copy = (set: string) =>
      db.exec(
        `INSERT INTO entries SELECT 99, leaf_hash, statement, signature, key_id, stream, version, ${set}, primary_signature_digest, certificate, identity, signed_at FROM entries WHERE idx = 0`,
      );
    assert.throws(() => {
      copy("'0000000000000000000000000000000000000000000000000000000000000000'");
    }, /one statement per stream version/);
    assert.throws(() => {
      db.exec(`UPDATE entries SET payload_digest = 'ff' WHERE idx = 1`);
    }, /one statement per stream version/);
    copy('payload_digest'); // the same statement again is allowed by the schema
  } finally {
    db.close();
  }
});

test('a log made with UNIQUE (stream, version) is upgraded once at open: rows kept, re-runs appended', async () => {
  const dataDir = await tempDir();
  const payload = randomBytes(64);
  let opened = await openLog(dataDir);
  await Promise.all([
    opened.log.append(makeEntry(keys, 'acme/u:stable', 1, new Date(), payload)),
    opened.log.append(makeEntry(keys, 'acme/v:stable', 1)),
  ]);
  opened.store.close();
  // The table as earlier versions made it.
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE));
  const columns =
    'idx, leaf_hash, statement, signature, key_id, stream, version, payload_digest, primary_signature_digest, certificate, identity, signed_at';
  db.exec(`
    DROP TRIGGER entries_one_statement_per_version;
    DROP TRIGGER entries_one_statement_per_version_update;
    DROP INDEX entries_by_stream_version;
    CREATE TABLE entries_old (idx INTEGER PRIMARY KEY, leaf_hash BLOB NOT NULL, statement BLOB NOT NULL,
      signature BLOB NOT NULL, key_id TEXT NOT NULL, stream TEXT NOT NULL, version INTEGER NOT NULL,
      payload_digest TEXT NOT NULL, primary_signature_digest TEXT NOT NULL, certificate BLOB NOT NULL,
      identity TEXT NOT NULL, signed_at TEXT NOT NULL, UNIQUE (stream, version));
    INSERT INTO entries_old (${columns}) SELECT ${columns} FROM entries;
    DROP TABLE entries;
    ALTER TABLE entries_old RENAME TO entries;
    CREATE INDEX entries_by_primary ON entries (payload_digest, primary_signature_digest);
  `);
  db.close();

  opened = await openLog(dataDir);
  try {
    assert.equal(opened.log.size, 2);
    assert.equal(await opened.log.append(makeEntry(keys, 'acme/u:stable', 1, new Date(), payload)), 2);
    await assert.rejects(opened.log.append(makeEntry(keys, 'acme/u:stable', 1)), { code: 'statement-version-reused' });
    assert.deepEqual(
      opened.store.entries(0, 3).map((e) => [e.index, e.stream, e.version]),
      [
        [0, 'acme/u:stable', 1],
        [1, 'acme/v:stable', 1],
        [2, 'acme/u:stable', 1],
      ],
    );
  } finally {
    opened.store.close();
  }
  const after = new DatabaseSync(join(dataDir, DATABASE_FILE));
  try {
    const sql = (after.prepare("SELECT sql FROM sqlite_master WHERE name = 'entries'").get() as { sql: string }).sql;
    assert.doesNotMatch(sql, /UNIQUE/);
    const triggers = after.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all();
    assert.equal(triggers.length, 2);
  } finally {
    after.close();
  }
});
