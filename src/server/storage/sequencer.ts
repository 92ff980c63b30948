// The storage engine interface for a log shared by several instances (issue 16). Every instance
// keeps its own local SQLite copy of the log (store.ts, in its --data directory: the entries,
// the stored tree nodes, the stream heads and the instance's high-water mark), from which it
// serves reads and builds proofs, and the one implementation of the tree, checkpoints and
// their checks (transparency-log.ts) runs over it. A sequencer is where appends are ordered:
// the shared database that holds the authoritative log. It only stores and returns rows; it
// checks nothing a log needs to trust (the instance checks every chunk it reads against the
// signed checkpoint and stream state of that size before it keeps it).
//
// The single-node deployment (SQLite only) has no sequencer: the local store is the log.
// PostgreSQL (storage/postgres.ts) is the one shared engine.
import type { StoredEntry } from '../store.ts';

/** A signed checkpoint as the shared database holds it: the checkpoint and stream-state notes. */
export interface SharedCheckpoint {
  size: number;
  note: string;
  /** The signed stream-state note at `size` (storage/stream-state.ts). */
  state: string;
}

/** Reads of the shared log, inside one consistent snapshot or under the write lock. */
export interface SequencerReader {
  /** The largest checkpoint size in the shared log; undefined when it has none (a new log). */
  latestSize(): Promise<number | undefined>;
  /** The checkpoint stored for exactly `size`, if any. */
  checkpointAt(size: number): Promise<SharedCheckpoint | undefined>;
  /**
   * The entries after `from` up to one stored checkpoint: the largest checkpoint size at most
   * `from + max` (or the smallest above `from` when none is that close), with that checkpoint.
   */
  chunkAfter(from: number, max: number): Promise<{ checkpoint: SharedCheckpoint; entries: StoredEntry[] }>;
}

/** Writes, only under the write lock (one writer at a time across every instance). */
export interface SequencerWriter extends SequencerReader {
  /**
   * Appends entries (indices from the current size, dense) and the checkpoint covering them.
   * The schema refuses a second statement for a stream version, an index already taken, and a
   * checkpoint size already stored.
   */
  append(entries: readonly StoredEntry[], checkpoint: SharedCheckpoint): Promise<void>;
}

export interface LogSequencer {
  /** For messages: the engine and the database (never a password). */
  readonly description: string;
  /** Reads in one consistent snapshot, without the write lock. */
  read<T>(fn: (reader: SequencerReader) => Promise<T>): Promise<T>;
  /** Runs `fn` holding the write lock; its writes commit when it returns, or none of them. */
  write<T>(fn: (writer: SequencerWriter) => Promise<T>): Promise<T>;
  /** A value of the log's own metadata (the verifier key); set once, first writer wins. */
  claimMeta(name: string, value: string): Promise<string>;
  close(): Promise<void>;
}
