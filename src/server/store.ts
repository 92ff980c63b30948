// The service's durable storage: one SQLite database (node:sqlite, built into Node 24; no
// other server to run) in the --data directory, which one process at a time may use (the
// lock, storage/lock.ts). WAL journal with synchronous=FULL: a transaction is on disk when
// COMMIT returns, so an answer is only sent for an entry that survives a crash or a SIGKILL
// (SQLite replays or discards the WAL on the next open).
//
// Tables:
//   entries    the log (leaf index = idx, dense from 0): statement, signature, certificate and
//              the columns derived from the statement, for lookups. One statement per stream
//              version is a property of the storage too: a trigger refuses a row whose
//              (stream, version) is stored with another payload digest. The same statement
//              may appear again (a re-run: a new primary over the same statement bytes).
//   nodes      the tree's completed perfect subtrees above the leaves (storage/stored-tree.ts)
//   streams    the last version countersigned per stream (storage/stream-state.ts)
//   checkpoint the latest signed checkpoint, with the signed note over `streams`
//   keys       countersigning public keys by key id (a key id is the key's digest)
//   meta       the log's verifier key
// Entries, their nodes, the stream heads and the checkpoint covering them are written in one
// transaction (`commit`): the storage never holds a checkpoint without its entries.
//
// Entries are handed out (`entries`, `findByPrimary`) only after the guard that the log
// installs has checked them (storage/entry-check.ts and the tree): a damaged row is never served.
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { keyIdOf } from '../lib/basics/crypto/ed25519-keys.ts';
import { storageError } from './storage/errors.ts';
import { DataDirLock } from './storage/lock.ts';
import type { TreeNode } from './storage/stored-tree.ts';
import type { StreamHead } from './storage/stream-state.ts';
import { entryFromRow } from './storage/entry-row.ts';

export const DATABASE_FILE = 'countersign-log.sqlite';

export interface StoredEntry {
  index: number;
  leafHash: Uint8Array;
  /** The exact countersignature statement bytes (the Merkle leaf data). */
  statement: Uint8Array;
  signature: Uint8Array;
  keyId: string;
  stream: string;
  version: number;
  /** sha256 hex of the primary's DSSE payload (the in-toto statement). */
  payloadDigest: string;
  /** sha256 hex of the primary's raw DSSE signature bytes. */
  primarySignatureDigest: string;
  /** DER of the primary's signing certificate (auditors read the identity from it). */
  certificate: Uint8Array;
  identity: string;
  signedAt: string;
}

export interface StoredCheckpoint {
  size: number;
  note: string;
  /** The signed note over the stream heads at `size`; absent in logs made before it existed. */
  state: string | undefined;
}

/** One group commit: entries, their tree nodes, the stream heads they change, the checkpoint. */
export interface CommitBatch {
  entries: readonly StoredEntry[];
  nodes: readonly TreeNode[];
  streams: ReadonlyMap<string, StreamHead>;
  checkpoint: { size: number; note: string; state: string };
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS entries (
  idx INTEGER PRIMARY KEY,
  leaf_hash BLOB NOT NULL,
  statement BLOB NOT NULL,
  signature BLOB NOT NULL,
  key_id TEXT NOT NULL,
  stream TEXT NOT NULL,
  version INTEGER NOT NULL,
  payload_digest TEXT NOT NULL,
  primary_signature_digest TEXT NOT NULL,
  certificate BLOB NOT NULL,
  identity TEXT NOT NULL,
  signed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS nodes (level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS streams (stream TEXT PRIMARY KEY, version INTEGER NOT NULL, idx INTEGER NOT NULL, payload_digest TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), size INTEGER NOT NULL, note TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS keys (key_id TEXT PRIMARY KEY, public_key BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** After the tables (and the upgrade from UNIQUE (stream, version), which rebuilds `entries`). */
const ENTRY_INDEXES = `
CREATE INDEX IF NOT EXISTS entries_by_primary ON entries (payload_digest, primary_signature_digest);
CREATE INDEX IF NOT EXISTS entries_by_stream_version ON entries (stream, version);
CREATE TRIGGER IF NOT EXISTS entries_one_statement_per_version BEFORE INSERT ON entries
WHEN EXISTS (SELECT 1 FROM entries WHERE stream = NEW.stream AND version = NEW.version AND payload_digest <> NEW.payload_digest)
BEGIN SELECT RAISE(ABORT, 'one statement per stream version: this version of the stream was countersigned for another statement'); END;
CREATE TRIGGER IF NOT EXISTS entries_one_statement_per_version_update BEFORE UPDATE OF stream, version, payload_digest ON entries
WHEN EXISTS (SELECT 1 FROM entries WHERE stream = NEW.stream AND version = NEW.version AND payload_digest <> NEW.payload_digest AND idx <> NEW.idx)
BEGIN SELECT RAISE(ABORT, 'one statement per stream version: this version of the stream was countersigned for another statement'); END;
`;

/** The entries columns, in order (the upgrade copies them). */
const ENTRY_COLUMNS =
  'idx, leaf_hash, statement, signature, key_id, stream, version, payload_digest, primary_signature_digest, certificate, identity, signed_at';

type Row = Record<string, unknown>;
/** Checks an entry before it is handed out; throws if it must not be served. */
export type EntryGuard = (entry: StoredEntry) => void;

export class LogStore {
  readonly path: string;
  readonly dataDir: string;
  private readonly db: DatabaseSync;
  private readonly lock: DataDirLock;
  private guard: EntryGuard = () => {
    throw new Error('the log is not open: no entry is served before its checks are installed');
  };
  private readonly insertEntry: StatementSync;
  private readonly insertNode: StatementSync;
  private readonly upsertStream: StatementSync;
  private readonly upsertCheckpoint: StatementSync;
  private readonly selectRange: StatementSync;
  private readonly selectByPrimary: StatementSync;
  private readonly selectLeaf: StatementSync;
  private readonly selectNode: StatementSync;

  private constructor(dataDir: string, lock: DataDirLock, db: DatabaseSync) {
    this.dataDir = dataDir;
    this.path = join(dataDir, DATABASE_FILE);
    this.lock = lock;
    this.db = db;
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');
    this.db.exec(SCHEMA);
    this.upgradeEntriesTable();
    this.db.exec(ENTRY_INDEXES);
    const columns = (this.db.prepare('PRAGMA table_info(checkpoint)').all() as Row[]).map((r) => String(r.name));
    if (!columns.includes('state')) this.db.exec('ALTER TABLE checkpoint ADD COLUMN state TEXT');
    this.insertEntry = this.db.prepare(
      `INSERT INTO entries (idx, leaf_hash, statement, signature, key_id, stream, version, payload_digest, primary_signature_digest, certificate, identity, signed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertNode = this.db.prepare('INSERT OR REPLACE INTO nodes (level, idx, hash) VALUES (?, ?, ?)');
    this.upsertStream = this.db.prepare(
      'INSERT INTO streams (stream, version, idx, payload_digest) VALUES (?, ?, ?, ?) ON CONFLICT (stream) DO UPDATE SET version = excluded.version, idx = excluded.idx, payload_digest = excluded.payload_digest',
    );
    this.upsertCheckpoint = this.db.prepare(
      'INSERT INTO checkpoint (id, size, note, state) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET size = excluded.size, note = excluded.note, state = excluded.state',
    );
    this.selectRange = this.db.prepare('SELECT * FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx');
    this.selectByPrimary = this.db.prepare(
      'SELECT * FROM entries WHERE payload_digest = ? AND primary_signature_digest = ?',
    );
    this.selectLeaf = this.db.prepare('SELECT leaf_hash FROM entries WHERE idx = ?');
    this.selectNode = this.db.prepare('SELECT hash FROM nodes WHERE level = ? AND idx = ?');
  }

  /**
   * Creates the directory (mode 0700) if missing, takes its exclusive lock and opens the
   * database. Failures are one-line InputErrors: `log-storage-locked`, `log-storage-unreadable`,
   * `disk-full`, `log-storage-inconsistent` (a damaged database file).
   */
  static async open(dataDir: string): Promise<LogStore> {
    try {
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw storageError(err, dataDir);
    }
    const lock = DataDirLock.take(dataDir);
    let db: DatabaseSync | undefined;
    try {
      db = new DatabaseSync(join(dataDir, DATABASE_FILE));
      return new LogStore(dataDir, lock, db);
    } catch (err) {
      try {
        db?.close();
      } finally {
        lock.release();
      }
      throw storageError(err, join(dataDir, DATABASE_FILE));
    }
  }

  close(): void {
    try {
      if (this.db.isOpen) this.db.close();
    } finally {
      this.lock.release();
    }
  }

  /**
   * Logs made before re-runs were countersigned have UNIQUE (stream, version) on `entries`,
   * which refuses a re-run's entry (the same statement again). SQLite cannot drop a table
   * constraint: the table is rebuilt once, in one transaction (its rows copied as they are),
   * and the trigger of ENTRY_INDEXES takes the constraint's place (one statement per version).
   */
  private upgradeEntriesTable(): void {
    const row = this.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'entries'").get() as
      Row | undefined;
    if (!row || !/UNIQUE\s*\(\s*stream\s*,\s*version\s*\)/i.test(String(row.sql))) return;
    const create = /CREATE TABLE IF NOT EXISTS entries \(([^;]*?)\);/.exec(SCHEMA)?.[1];
    if (create === undefined) throw new Error('the entries table definition is missing');
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.db.exec(`CREATE TABLE entries_rerun (${create})`);
      this.db.exec(`INSERT INTO entries_rerun (${ENTRY_COLUMNS}) SELECT ${ENTRY_COLUMNS} FROM entries`);
      this.db.exec('DROP TABLE entries');
      this.db.exec('ALTER TABLE entries_rerun RENAME TO entries');
      this.db.exec('COMMIT');
    } catch (err) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  /** Installs the check every entry passes before it is handed out (the log does, at open). */
  setGuard(guard: EntryGuard): void {
    this.guard = guard;
  }

  meta(name: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE name = ?').get(name) as Row | undefined;
    return row ? String(row.value) : undefined;
  }

  setMeta(name: string, value: string): void {
    this.db
      .prepare('INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value')
      .run(name, value);
  }

  /** How many entry rows there are and the largest index (dense: count = max + 1). */
  entryCount(): { count: number; maxIndex: number } {
    const row = this.db.prepare('SELECT COUNT(*) AS n, MAX(idx) AS m FROM entries').get() as Row;
    return { count: Number(row.n), maxIndex: row.m === null ? -1 : Number(row.m) };
  }

  /** A stored tree node: level 0 is an entry's leaf hash. */
  node(level: number, index: number): Uint8Array | undefined {
    const row = (level === 0 ? this.selectLeaf.get(index) : this.selectNode.get(level, index)) as Row | undefined;
    if (!row) return undefined;
    return new Uint8Array((level === 0 ? row.leaf_hash : row.hash) as Uint8Array);
  }

  /** Entries as stored, unchecked (the log's own checks and upgrades only). */
  rawEntries(start: number, end: number): StoredEntry[] {
    return (this.selectRange.all(start, end) as Row[]).map(entryFromRow);
  }

  /** Entries [start, end), each checked by the guard first (throws rather than serve a bad one). */
  entries(start: number, end: number): StoredEntry[] {
    const rows = this.rawEntries(start, end);
    for (const e of rows) this.guard(e);
    return rows;
  }

  /** The entry of this exact primary as stored, unchecked (the log's own sequencing only: never served). */
  findByPrimaryUnchecked(payloadDigest: string, primarySignatureDigest: string): StoredEntry | undefined {
    const row = this.selectByPrimary.get(payloadDigest, primarySignatureDigest) as Row | undefined;
    return row ? entryFromRow(row) : undefined;
  }

  findByPrimary(payloadDigest: string, primarySignatureDigest: string): StoredEntry | undefined {
    const row = this.selectByPrimary.get(payloadDigest, primarySignatureDigest) as Row | undefined;
    if (!row) return undefined;
    const entry = entryFromRow(row);
    this.guard(entry);
    return entry;
  }

  /** The last version countersigned per stream (the `streams` table; the log checks it against its signed note at open). */
  latestPerStream(): Map<string, StreamHead> {
    const rows = this.db.prepare('SELECT stream, version, idx, payload_digest FROM streams').all() as Row[];
    return new Map(
      rows.map((r) => [
        String(r.stream),
        { version: Number(r.version), payloadDigest: String(r.payload_digest), index: Number(r.idx) },
      ]),
    );
  }

  checkpoint(): StoredCheckpoint | undefined {
    const row = this.db.prepare('SELECT size, note, state FROM checkpoint WHERE id = 1').get() as Row | undefined;
    if (!row) return undefined;
    return {
      size: Number(row.size),
      note: String(row.note),
      state: typeof row.state === 'string' ? row.state : undefined,
    };
  }

  /** A countersigning key, if stored and its key id is its digest (a damaged row is no key). */
  publicKey(keyId: string): Uint8Array | undefined {
    const row = this.db.prepare('SELECT public_key FROM keys WHERE key_id = ?').get(keyId) as Row | undefined;
    if (!row) return undefined;
    const raw = new Uint8Array(row.public_key as Uint8Array);
    return raw.length === 32 && keyIdOf(raw) === keyId ? raw : undefined;
  }

  addPublicKey(rawPublicKey: Uint8Array): void {
    this.db
      .prepare('INSERT OR REPLACE INTO keys (key_id, public_key) VALUES (?, ?)')
      .run(keyIdOf(rawPublicKey), rawPublicKey);
  }

  /** Writes one batch in one durable transaction (see the header); all of it or nothing. */
  commit(batch: CommitBatch): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const e of batch.entries) {
        this.insertEntry.run(
          e.index,
          e.leafHash,
          e.statement,
          e.signature,
          e.keyId,
          e.stream,
          e.version,
          e.payloadDigest,
          e.primarySignatureDigest,
          e.certificate,
          e.identity,
          e.signedAt,
        );
      }
      // Level 0 is the entries' leaf_hash column.
      for (const n of batch.nodes) if (n.level > 0) this.insertNode.run(n.level, n.index, n.hash);
      for (const [stream, head] of batch.streams)
        this.upsertStream.run(stream, head.version, head.index, head.payloadDigest);
      this.upsertCheckpoint.run(batch.checkpoint.size, batch.checkpoint.note, batch.checkpoint.state);
      this.db.exec('COMMIT');
    } catch (err) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  /** Replaces the stream heads (a log upgraded from before the `streams` table). */
  replaceStreams(streams: ReadonlyMap<string, StreamHead>): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.db.exec('DELETE FROM streams');
      for (const [stream, head] of streams) this.upsertStream.run(stream, head.version, head.index, head.payloadDigest);
      this.db.exec('COMMIT');
    } catch (err) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  /** Stores tree nodes (upgrades only; commits store theirs in `commit`). */
  saveNodes(nodes: readonly TreeNode[]): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const n of nodes) if (n.level > 0) this.insertNode.run(n.level, n.index, n.hash);
      this.db.exec('COMMIT');
    } catch (err) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  saveCheckpoint(size: number, note: string, state: string): void {
    this.upsertCheckpoint.run(size, note, state);
  }
}
