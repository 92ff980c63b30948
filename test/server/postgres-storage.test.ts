// Issue 16, the PostgreSQL engine in process: two logs (two instances, each with its own
// --data) on one database. Appends through either are ordered by the database and both
// serve the one history; two instances racing for one stream version with different
// statements: exactly one wins; the schema itself refuses a second statement for a version;
// a database that was wiped or rolled back below what an instance holds, or that belongs to
// another log key, is refused (never a fork).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { LogStore } from '../../src/server/store.ts';
import { PostgresSequencer, describePostgresUrl } from '../../src/server/storage/postgres.ts';
import { TransparencyLog } from '../../src/server/transparency-log.ts';
import { type TestPostgres, postgresMissing, startPostgres } from '../helpers/postgres.ts';
import { type Keys, makeEntry, makeKeys } from './storage-fixture.ts';

const missing = postgresMissing();
let postgres: TestPostgres | undefined;
const dirs: string[] = [];
const open: { store: LogStore; sequencer: PostgresSequencer }[] = [];
before(async () => {
  if (!missing) postgres = await startPostgres();
});
after(async () => {
  for (const o of open) {
    o.store.close();
    await o.sequencer.close().catch(() => undefined);
  }
  await postgres?.stop();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const keys = makeKeys(31);
let databases = 0;

async function database(): Promise<string> {
  assert.ok(postgres);
  databases += 1;
  return postgres.createDatabase(`storage_${databases}`);
}

async function instance(url: string, k: Keys = keys): Promise<{ log: TransparencyLog; close: () => Promise<void> }> {
  const d = await mkdtemp(join(tmpdir(), 'countersign-pg-instance-'));
  dirs.push(d);
  const store = await LogStore.open(join(d, 'data'));
  const sequencer = await PostgresSequencer.connect(url);
  const handle = { store, sequencer };
  open.push(handle);
  try {
    const log = await TransparencyLog.open(store, k.logSigner, { countersignerKeys: [k.csPublicKey], sequencer });
    return {
      log,
      close: async () => {
        open.splice(open.indexOf(handle), 1);
        store.close();
        await sequencer.close();
      },
    };
  } catch (err) {
    open.splice(open.indexOf(handle), 1);
    store.close();
    await sequencer.close();
    throw err;
  }
}

test(
  'two instances on one database: appends through both form one history that both serve; a version race has one winner; re-runs are appended',
  { skip: missing ?? false },
  async () => {
    const url = await database();
    const a = await instance(url);
    const b = await instance(url);
    await Promise.all([
      a.log.append(makeEntry(keys, 'acme/a:stable', 1)),
      b.log.append(makeEntry(keys, 'acme/b:stable', 1)),
      a.log.append(makeEntry(keys, 'acme/c:stable', 1)),
    ]);
    // Both race for v2 of one stream with different statements: one wins, the other is refused.
    const race = await Promise.allSettled([
      a.log.append(makeEntry(keys, 'acme/race:stable', 2)),
      b.log.append(makeEntry(keys, 'acme/race:stable', 2)),
    ]);
    assert.equal(race.filter((r) => r.status === 'fulfilled').length, 1, 'one winner');
    const lost = race.find((r) => r.status === 'rejected');
    assert.equal((lost?.reason as { code?: string } | undefined)?.code, 'statement-version-reused');
    // A re-run (the same statement) through the other instance is appended; an older version is not.
    const payload = randomBytes(64);
    await a.log.append(makeEntry(keys, 'acme/rerun:stable', 3, new Date(), payload));
    await b.log.append(makeEntry(keys, 'acme/rerun:stable', 3, new Date(), payload));
    await assert.rejects(b.log.append(makeEntry(keys, 'acme/rerun:stable', 2)), { code: 'statement-rollback' });
    await a.log.catchUp();
    await b.log.catchUp();
    assert.equal(a.log.size, 6);
    assert.equal(b.log.size, 6);
    assert.equal(a.log.checkpoint, b.log.checkpoint, 'one checkpoint for one history');
    assert.deepEqual(
      a.log.store.entries(0, 6).map((e) => e.statement),
      b.log.store.entries(0, 6).map((e) => e.statement),
    );
    // The schema refuses a second statement for a stream version, whoever writes it.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await assert.rejects(
        client.query(
          `INSERT INTO countersign_entries SELECT 99, leaf_hash, statement, signature, key_id, stream, version, repeat('0', 64), primary_signature_digest, certificate, identity, signed_at FROM countersign_entries WHERE idx = 0`,
        ),
        /foreign key/,
      );
      await assert.rejects(
        client.query(
          `INSERT INTO countersign_stream_versions (stream, version, payload_digest) VALUES ('acme/a:stable', 1, repeat('0', 64))`,
        ),
        /duplicate key/,
      );
    } finally {
      await client.end();
    }
    await a.close();
    await b.close();
  },
);

test(
  'a database wiped or rolled back below what an instance holds, or made with another log key, is refused',
  { skip: missing ?? false },
  async () => {
    const url = await database();
    const a = await instance(url);
    await a.log.append(makeEntry(keys, 'acme/w:stable', 1));
    await a.log.append(makeEntry(keys, 'acme/w:stable', 2));
    const local = a.log.store.dataDir;
    await a.close();
    // Rolled back: the last entry and its checkpoint gone from the database.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('DELETE FROM countersign_entries WHERE idx = 1');
      await client.query('DELETE FROM countersign_checkpoints WHERE size = 2');
    } finally {
      await client.end();
    }
    const store = await LogStore.open(local);
    const sequencer = await PostgresSequencer.connect(url);
    try {
      await assert.rejects(
        TransparencyLog.open(store, keys.logSigner, { countersignerKeys: [keys.csPublicKey], sequencer }),
        { code: 'log-storage-inconsistent', message: /has 1 entries but this instance already holds 2/ },
      );
    } finally {
      store.close();
      await sequencer.close();
    }
    // Another log key on the same database.
    await assert.rejects(instance(url, makeKeys(41)), { code: 'log-storage-inconsistent', message: /log key/ });
  },
);

test('--store takes postgres:// connection strings only, and never shows a password', async () => {
  await assert.rejects(PostgresSequencer.connect('mysql://db.example/countersign'), { code: 'bad-option' });
  await assert.rejects(PostgresSequencer.connect('/var/lib/countersign'), { code: 'bad-option' });
  assert.equal(
    describePostgresUrl('postgres://b:secret@db.example:5433/countersign'),
    'PostgreSQL database countersign on db.example:5433',
  );
  assert.equal(
    describePostgresUrl('postgresql:///countersign?host=/run/postgresql'),
    'PostgreSQL database countersign on /run/postgresql',
  );
});
