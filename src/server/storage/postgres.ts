// The PostgreSQL engine (issue 16): the shared log of several `countersign serve` instances
// (`--store postgres://...`), with the maintained client for Node (`pg`). Standard connection
// strings, Unix sockets included (`postgres:///DB?host=/run/postgresql`).
//
// Appends are sequenced in the database: a writer holds a transaction-scoped advisory lock
// (pg_advisory_xact_lock) for the whole append (read the head, write entries and checkpoint,
// COMMIT), so there is one writer at a time across every instance; the lock goes with the
// transaction, so an instance killed mid-append (SIGKILL) releases it and leaves nothing of its
// append behind. The schema enforces the log's rules whatever a writer does:
//   entries (idx PRIMARY KEY)            an index is taken once;
//   stream_versions PRIMARY KEY (stream, version), and entries' foreign key
//     (stream, version, payload_digest)  one statement per stream version (a re-run's entry,
//                                        the same statement again, is allowed);
//   checkpoints (size PRIMARY KEY)       one signed checkpoint per size.
// Reads run in REPEATABLE READ snapshots: a chunk of entries and its checkpoint are consistent.
import pg from 'pg';
import { InputError } from '../../lib/basics/errors/errors.ts';
import { StorageFault } from './errors.ts';
import type { LogSequencer, SequencerReader, SequencerWriter, SharedCheckpoint } from './sequencer.ts';
import { entryFromRow } from './entry-row.ts';

/** The advisory lock key of the log's one writer ("countersign" in the low bits). */
const WRITE_LOCK_KEY = 0x636f756e7473;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS countersign_stream_versions (
  stream TEXT NOT NULL,
  version BIGINT NOT NULL,
  payload_digest TEXT NOT NULL,
  PRIMARY KEY (stream, version),
  UNIQUE (stream, version, payload_digest)
);
CREATE TABLE IF NOT EXISTS countersign_entries (
  idx BIGINT PRIMARY KEY CHECK (idx >= 0),
  leaf_hash BYTEA NOT NULL,
  statement BYTEA NOT NULL,
  signature BYTEA NOT NULL,
  key_id TEXT NOT NULL,
  stream TEXT NOT NULL,
  version BIGINT NOT NULL,
  payload_digest TEXT NOT NULL,
  primary_signature_digest TEXT NOT NULL,
  certificate BYTEA NOT NULL,
  identity TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  FOREIGN KEY (stream, version, payload_digest) REFERENCES countersign_stream_versions (stream, version, payload_digest)
);
CREATE INDEX IF NOT EXISTS countersign_entries_by_primary ON countersign_entries (payload_digest, primary_signature_digest);
CREATE TABLE IF NOT EXISTS countersign_checkpoints (size BIGINT PRIMARY KEY CHECK (size >= 0), note TEXT NOT NULL, state TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS countersign_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

type Queryable = pg.PoolClient;
type Row = Record<string, unknown>;

/** A postgres:// or postgresql:// connection string, as the database it names (no password), or undefined. */
export function describePostgresUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') return undefined;
  const socket = u.searchParams.get('host');
  const host = socket ?? (u.hostname ? `${u.hostname}${u.port ? `:${u.port}` : ''}` : 'the default socket');
  const db = decodeURIComponent(u.pathname.replace(/^\//, '')) || '(default database)';
  return `PostgreSQL database ${db} on ${host}`;
}

export class PostgresSequencer implements LogSequencer {
  readonly description: string;
  private readonly pool: pg.Pool;

  private constructor(pool: pg.Pool, description: string) {
    this.pool = pool;
    this.description = description;
  }

  /** Connects, creates the tables if missing (under the write lock: instances may start together). */
  static async connect(url: string): Promise<PostgresSequencer> {
    const description = describePostgresUrl(url);
    if (!description)
      throw new InputError(
        'bad-option',
        '--store: expected a postgres:// or postgresql:// connection string (e.g. postgres:///countersign?host=/run/postgresql)',
      );
    const pool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 10_000 });
    // An idle client's connection error (the server restarted) must not end the process.
    pool.on('error', () => undefined);
    const sequencer = new PostgresSequencer(pool, description);
    try {
      await sequencer.transaction('READ COMMITTED', true, async (c) => {
        await c.query(SCHEMA);
      });
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw startError(err, description);
    }
    return sequencer;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  read<T>(fn: (reader: SequencerReader) => Promise<T>): Promise<T> {
    return this.transaction('REPEATABLE READ', false, (c) => fn(reader(c)), 'READ ONLY');
  }

  write<T>(fn: (writer: SequencerWriter) => Promise<T>): Promise<T> {
    return this.transaction('READ COMMITTED', true, (c) => fn(writer(c)));
  }

  async claimMeta(name: string, value: string): Promise<string> {
    return this.transaction('READ COMMITTED', true, async (c) => {
      await c.query('INSERT INTO countersign_meta (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
        name,
        value,
      ]);
      const r = await c.query<Row>('SELECT value FROM countersign_meta WHERE name = $1', [name]);
      return String(r.rows[0]?.value);
    });
  }

  private async transaction<T>(
    isolation: 'READ COMMITTED' | 'REPEATABLE READ',
    locked: boolean,
    fn: (c: Queryable) => Promise<T>,
    mode = 'READ WRITE',
  ): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw runtimeFault(err, this.description);
    }
    let broken = false;
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation} ${mode}`);
      if (locked) await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
      const value = await fn(client);
      await client.query('COMMIT');
      return value;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true; // the connection is gone: the server rolls the transaction back
      }
      throw err instanceof StorageFault || err instanceof InputError ? err : runtimeFault(err, this.description);
    } finally {
      client.release(broken);
    }
  }
}

function reader(c: Queryable): SequencerReader {
  return {
    async latestSize() {
      const r = await c.query<Row>('SELECT max(size) AS size FROM countersign_checkpoints');
      const size = r.rows[0]?.size;
      return size === null || size === undefined ? undefined : Number(size);
    },
    async checkpointAt(size) {
      const r = await c.query<Row>('SELECT size, note, state FROM countersign_checkpoints WHERE size = $1', [size]);
      const row = r.rows[0];
      return row ? toCheckpoint(row) : undefined;
    },
    async chunkAfter(from, max) {
      let r = await c.query<Row>(
        'SELECT size, note, state FROM countersign_checkpoints WHERE size > $1 AND size <= $2 ORDER BY size DESC LIMIT 1',
        [from, from + max],
      );
      if (r.rows.length === 0)
        r = await c.query<Row>(
          'SELECT size, note, state FROM countersign_checkpoints WHERE size > $1 ORDER BY size LIMIT 1',
          [from],
        );
      const row = r.rows[0];
      if (!row) throw new StorageFault('log-storage-inconsistent', `no checkpoint after size ${from} in the database`);
      const checkpoint = toCheckpoint(row);
      const entries = await c.query<Row>(
        'SELECT * FROM countersign_entries WHERE idx >= $1 AND idx < $2 ORDER BY idx',
        [from, checkpoint.size],
      );
      return { checkpoint, entries: entries.rows.map(entryFromRow) };
    },
  };
}

function writer(c: Queryable): SequencerWriter {
  return {
    ...reader(c),
    async append(entries, checkpoint) {
      for (const e of entries) {
        await c.query(
          'INSERT INTO countersign_stream_versions (stream, version, payload_digest) VALUES ($1, $2, $3) ON CONFLICT (stream, version) DO NOTHING',
          [e.stream, e.version, e.payloadDigest],
        );
        await c.query(
          `INSERT INTO countersign_entries (idx, leaf_hash, statement, signature, key_id, stream, version, payload_digest, primary_signature_digest, certificate, identity, signed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            e.index,
            Buffer.from(e.leafHash),
            Buffer.from(e.statement),
            Buffer.from(e.signature),
            e.keyId,
            e.stream,
            e.version,
            e.payloadDigest,
            e.primarySignatureDigest,
            Buffer.from(e.certificate),
            e.identity,
            e.signedAt,
          ],
        );
      }
      await c.query('INSERT INTO countersign_checkpoints (size, note, state) VALUES ($1, $2, $3)', [
        checkpoint.size,
        checkpoint.note,
        checkpoint.state,
      ]);
    },
  };
}

function toCheckpoint(row: Row): SharedCheckpoint {
  return { size: Number(row.size), note: String(row.note), state: String(row.state) };
}

/** SQLSTATE classes (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
function sqlState(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

function detail(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 300);
}

/** A failure while serving, as a StorageFault with the storage codes of spec/ERRORS.md §10. */
function runtimeFault(err: unknown, what: string): StorageFault {
  const state = sqlState(err);
  if (state === '53100') return new StorageFault('disk-full', `${what}: the database's disk is full (${detail(err)})`);
  if (state.startsWith('23'))
    return new StorageFault('log-storage-inconsistent', `${what}: the schema refused a write (${detail(err)})`);
  return new StorageFault('log-storage-unreadable', `${what}: ${detail(err)}`);
}

/** A failure at start, as a one-line InputError (exit 2). */
function startError(err: unknown, what: string): InputError {
  const f = runtimeFault(err, what);
  return new InputError(f.code, `cannot use the ${f.message}`);
}
