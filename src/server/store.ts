// The service's durable storage: one SQLite database (node:sqlite, built into Node 24; no
// other server to run) in the --data directory. WAL journal with synchronous=FULL: a
// transaction is on disk when COMMIT returns, so an answer is only sent for an entry that
// survives a crash or a SIGKILL (SQLite replays or discards the WAL on the next open).
//
// The log is the `entries` table (leaf index = idx, dense from 0) and the latest signed
// checkpoint. UNIQUE(stream, version) makes "no stream version countersigned twice" a
// property of the storage itself, not only of the code in front of it.
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

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
  signed_at TEXT NOT NULL,
  UNIQUE (stream, version)
);
CREATE INDEX IF NOT EXISTS entries_by_primary ON entries (payload_digest, primary_signature_digest);
CREATE TABLE IF NOT EXISTS checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), size INTEGER NOT NULL, note TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

type Row = Record<string, unknown>;

export class LogStore {
  readonly path: string;
  private readonly db: DatabaseSync;
  private readonly insertEntry: StatementSync;
  private readonly upsertCheckpoint: StatementSync;
  private readonly selectRange: StatementSync;
  private readonly selectByPrimary: StatementSync;

  private constructor(path: string) {
    this.path = path;
    this.db = new DatabaseSync(path);
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');
    this.db.exec(SCHEMA);
    this.insertEntry = this.db.prepare(
      `INSERT INTO entries (idx, leaf_hash, statement, signature, key_id, stream, version, payload_digest, primary_signature_digest, certificate, identity, signed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.upsertCheckpoint = this.db.prepare(
      'INSERT INTO checkpoint (id, size, note) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET size = excluded.size, note = excluded.note',
    );
    this.selectRange = this.db.prepare('SELECT * FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx');
    this.selectByPrimary = this.db.prepare(
      'SELECT * FROM entries WHERE payload_digest = ? AND primary_signature_digest = ?',
    );
  }

  static async open(dataDir: string): Promise<LogStore> {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    return new LogStore(join(dataDir, DATABASE_FILE));
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
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

  /** Every leaf as stored, in index order (recovery at start). */
  *allEntries(batch = 1000): Generator<StoredEntry> {
    for (let start = 0; ; start += batch) {
      const rows = this.entries(start, start + batch);
      yield* rows;
      if (rows.length < batch) return;
    }
  }

  entries(start: number, end: number): StoredEntry[] {
    return (this.selectRange.all(start, end) as Row[]).map(toEntry);
  }

  findByPrimary(payloadDigest: string, primarySignatureDigest: string): StoredEntry | undefined {
    const row = this.selectByPrimary.get(payloadDigest, primarySignatureDigest) as Row | undefined;
    return row ? toEntry(row) : undefined;
  }

  /** The last version countersigned per stream, with its payload digest. */
  latestPerStream(): Map<string, { version: number; payloadDigest: string; index: number }> {
    const rows = this.db
      .prepare(
        'SELECT e.stream, e.version, e.payload_digest, e.idx FROM entries e JOIN (SELECT stream, MAX(version) AS v FROM entries GROUP BY stream) m ON e.stream = m.stream AND e.version = m.v',
      )
      .all() as Row[];
    return new Map(
      rows.map((r) => [
        String(r.stream),
        { version: Number(r.version), payloadDigest: String(r.payload_digest), index: Number(r.idx) },
      ]),
    );
  }

  checkpoint(): { size: number; note: string } | undefined {
    const row = this.db.prepare('SELECT size, note FROM checkpoint WHERE id = 1').get() as Row | undefined;
    return row ? { size: Number(row.size), note: String(row.note) } : undefined;
  }

  saveCheckpoint(size: number, note: string): void {
    this.upsertCheckpoint.run(size, note);
  }

  /** Appends one entry and the checkpoint that covers it in one durable transaction. */
  append(entry: StoredEntry, checkpointNote: string): void {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.insertEntry.run(
        entry.index,
        entry.leafHash,
        entry.statement,
        entry.signature,
        entry.keyId,
        entry.stream,
        entry.version,
        entry.payloadDigest,
        entry.primarySignatureDigest,
        entry.certificate,
        entry.identity,
        entry.signedAt,
      );
      this.upsertCheckpoint.run(entry.index + 1, checkpointNote);
      this.db.exec('COMMIT');
    } catch (err) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }
}

function toEntry(r: Row): StoredEntry {
  const bytes = (v: unknown) => new Uint8Array(v as Uint8Array);
  return {
    index: Number(r.idx),
    leafHash: bytes(r.leaf_hash),
    statement: bytes(r.statement),
    signature: bytes(r.signature),
    keyId: String(r.key_id),
    stream: String(r.stream),
    version: Number(r.version),
    payloadDigest: String(r.payload_digest),
    primarySignatureDigest: String(r.primary_signature_digest),
    certificate: bytes(r.certificate),
    identity: String(r.identity),
    signedAt: String(r.signed_at),
  };
}
