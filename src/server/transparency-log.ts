// The service's transparency log: the RFC 6962 tree over every countersignature statement it
// handed out, kept in the durable store (tree nodes included: storage/stored-tree.ts), with
// the latest checkpoint signed by the log key (C2SP tlog-checkpoint).
//
// Start (`open`) is O(streams + log n), not O(n): it checks that the entry rows are dense,
// that the stored nodes hash to the stored signed checkpoint, that the stream heads match
// their signed note (storage/stream-state.ts), and that the database extends the durable
// high-water mark (storage/high-water.ts); it refuses (`log-storage-inconsistent`, one line)
// otherwise. Each entry is checked in full (statement, derived columns, certificate,
// countersignature, and its leaf in the signed tree) before it is first served: a bad entry is
// never served, and the request that met it fails with a line naming its index.
//
// Group commit (issue 15): see `append`.
//
// Several instances on one shared log (issue 16, `sequencer`: storage/sequencer.ts,
// PostgreSQL): each instance keeps the log in its own store as above and serves from it; the
// shared database orders the appends. A commit takes the database's write lock, first catches
// up (the entries other instances appended since, each chunk checked against the signed
// checkpoint and stream state of its size, then kept in the local store), re-checks and
// re-numbers its own pending appends on top of them, then writes them and their checkpoint to
// the database, commits there, then locally, then writes the high-water mark and answers.
// Reads catch up first (`catchUp`). The database must always extend what this instance
// holds: shorter, or another root at this instance's size, is refused (never a fork).
import { createHash } from 'node:crypto';
import { equalBytes } from '../lib/basics/crypto/bytes.ts';
import { carried } from '../lib/basics/errors/codes.ts';
import { InputError } from '../lib/basics/errors/errors.ts';
import { signCheckpoint, verifyCheckpoint } from '../lib/checks/log/checkpoint.ts';
import { leafHash, verifyInclusion } from '../lib/checks/log/merkle.ts';
import { type NoteSigner, type NoteVerifier, verifierKey } from '../lib/checks/log/note.ts';
import { parseCountersignatureStatement } from '../lib/formats/countersignature/statement.ts';
import { Refusal } from './refusal.ts';
import type { CommitBatch, LogStore, StoredEntry } from './store.ts';
import type { LogSequencer, SequencerReader, SharedCheckpoint } from './storage/sequencer.ts';
import { entryProblem } from './storage/entry-check.ts';
import { StorageFault, storageError, storageFault } from './storage/errors.ts';
import { HIGH_WATER_FILE, readHighWater, writeHighWater } from './storage/high-water.ts';
import { StoredTree, type TreeNode } from './storage/stored-tree.ts';
import { type StreamHead, signStreamState, streamStateProblem } from './storage/stream-state.ts';

/** The stored log does not check out: the service refuses to start rather than serve it. */
export class LogRecoveryError extends InputError {
  constructor(message: string) {
    super('log-storage-inconsistent', message);
    this.name = 'LogRecoveryError';
  }
}

export interface LogOpenOptions {
  /** Raw Ed25519 keys whose countersignatures this log holds (stored by key id, to check entries before serving them). */
  countersignerKeys?: readonly Uint8Array[];
  /**
   * Unsafe: start on a non-empty database that has no high-water mark file (an upgrade from a
   * version without it). Without the mark a rolled-back or replaced database cannot be told
   * from the real one; the mark is written at once, so this is needed one start only.
   */
  unsafeAcceptLogWithoutHighWaterMark?: boolean;
  /** The shared database that sequences appends across instances (PostgreSQL); none: this store is the log. */
  sequencer?: LogSequencer;
}

/**
 * The primary of an append was appended meanwhile by another instance (found when catching
 * up before the commit): nothing was appended; the caller answers with the logged entry.
 */
export class AlreadyInLog extends Error {
  readonly index: number;
  constructor(index: number) {
    super(`this primary is already in the log at index ${index}`);
    this.name = 'AlreadyInLog';
    this.index = index;
  }
}

interface BuiltCommit {
  batch: CommitBatch;
  heads: Map<string, StreamHead>;
  root: Uint8Array;
}

/** Entries read from the shared database per chunk when catching up. */
const CATCH_UP_CHUNK = 2_000;

interface PendingAppend {
  entry: StoredEntry;
  nodes: TreeNode[];
  resolve: (index: number) => void;
  reject: (err: unknown) => void;
  done: Promise<number>;
}

/** Upgrade batch size: leaves hashed and nodes stored per transaction. */
const UPGRADE_CHUNK = 10_000;

export class TransparencyLog {
  readonly store: LogStore;
  readonly signer: NoteSigner;
  private tree: StoredTree;
  /** What is served: the last checkpoint that is both committed and in the high-water mark. */
  private published: { size: number; note: string; root: Uint8Array } = { size: 0, note: '', root: new Uint8Array() };
  private committed: { note: string; root: Uint8Array } = { note: '', root: new Uint8Array() };
  /** Stream heads committed; `pendingHeads` adds the appends not yet committed. */
  private heads = new Map<string, StreamHead>();
  private readonly pendingHeads = new Map<string, StreamHead>();
  private readonly pendingByDigest = new Map<string, PendingAppend>();
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private flushing = false;
  private sequencer: LogSequencer | undefined;
  /** Commits and catch-ups run one at a time, in order. */
  private tail: Promise<unknown> = Promise.resolve();
  /** A catch-up queued and not started yet: later callers share it. */
  private nextCatchUp: Promise<void> | undefined;
  /**
   * Entries checked in full: 16 bytes of the digest of everything served from the row, by
   * index (all zero: not checked). A row changed after its check no longer matches and is
   * checked again; the digest costs one SHA-256, the full check a parse and an Ed25519
   * verification. 16 MiB per million entries served.
   */
  private checked: Uint8Array = new Uint8Array(0);
  private readonly bad = new Set<number>();

  private constructor(store: LogStore, signer: NoteSigner) {
    this.store = store;
    this.signer = signer;
    this.tree = new StoredTree((level, index) => store.node(level, index), 0);
  }

  get origin(): string {
    return this.signer.name;
  }

  /** The size of the published tree (what checkpoints, proofs and entry lists cover). */
  get size(): number {
    return this.published.size;
  }

  /** The latest published signed checkpoint (a signed note). */
  get checkpoint(): string {
    return this.published.note;
  }

  private get verifier(): NoteVerifier {
    return { name: this.signer.name, rawPublicKey: this.signer.rawPublicKey };
  }

  static async open(store: LogStore, signer: NoteSigner, options: LogOpenOptions = {}): Promise<TransparencyLog> {
    const log = new TransparencyLog(store, signer);
    try {
      await log.recover(options);
    } catch (err) {
      if (err instanceof InputError) throw err;
      const mapped = storageError(err, store.path);
      if (mapped !== err) throw mapped;
      // A signature or a node that does not check out, a missing node: the storage, not us.
      throw new LogRecoveryError(`${store.path}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (options.sequencer) {
      log.sequencer = options.sequencer;
      const vkey = verifierKey(signer.name, signer.rawPublicKey);
      const shared = await options.sequencer.claimMeta('verifier-key', vkey);
      if (shared !== vkey)
        throw new LogRecoveryError(
          `${options.sequencer.description}: this log was created with the log key ${shared}, not ${vkey}; every instance signs with the same log key and origin`,
        );
      try {
        await options.sequencer.read((reader) => log.catchUpFrom(reader));
      } catch (err) {
        const f = err instanceof StorageFault ? err : storageFault(err, options.sequencer.description);
        throw new InputError(f.code, f.message);
      }
    }
    store.setGuard((entry) => {
      log.checkEntry(entry);
    });
    return log;
  }

  /**
   * Brings this instance up to date with the shared log (entries other instances appended),
   * before a read that must not be behind (a checkpoint, an entry or proof of a size it has
   * not seen). Nothing to do without a sequencer. Concurrent callers share one catch-up.
   */
  catchUp(): Promise<void> {
    const sequencer = this.sequencer;
    if (!sequencer) return Promise.resolve();
    this.nextCatchUp ??= this.exclusively(async () => {
      this.nextCatchUp = undefined;
      let changed = true;
      try {
        changed = await sequencer.read((reader) => this.catchUpFrom(reader));
      } finally {
        // The pending appends go back on top of whatever was kept (also after a failure).
        if (changed) this.resequence([]);
      }
    });
    return this.nextCatchUp;
  }

  /** Runs `fn` after every commit and catch-up before it, alone. */
  private exclusively<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * Reads what the shared log has beyond this instance's committed size, chunk by chunk, and
   * keeps each chunk once it checks out. Pending (uncommitted) appends are dropped from the
   * tree first when there is anything to read: the caller puts them back (`resequence`).
   * Returns whether anything was read. Throws StorageFault('log-storage-inconsistent') when the
   * shared log does not extend this instance's (shorter, or another root at its size).
   */
  private async catchUpFrom(reader: SequencerReader): Promise<boolean> {
    const where = this.sequencer?.description ?? 'the shared database';
    const fork = (why: string): never => {
      throw new StorageFault('log-storage-inconsistent', `${where}: ${why}; refusing to fork the log`);
    };
    const latest = (await reader.latestSize()) ?? 0;
    const mine = this.tree.committed;
    if (latest < mine)
      fork(
        `the database's log has ${latest} entries but this instance already holds ${mine} (the database was wiped or rolled back)`,
      );
    if (mine > 0) {
      const at = await reader.checkpointAt(mine);
      if (!at) return fork(`the database has no checkpoint at this instance's size ${mine}`);
      const cp = verifyCheckpoint(at.note, this.verifier, `${where}: checkpoint at size ${mine}`);
      if (!equalBytes(cp.root, this.committed.root)) fork(`its tree at this instance's size ${mine} has another root`);
    }
    if (latest === mine) return false;
    this.tree.rollback();
    while (this.tree.committed < latest) {
      const chunk = await reader.chunkAfter(this.tree.committed, CATCH_UP_CHUNK);
      this.keepRemoteChunk(chunk.entries, chunk.checkpoint, fork);
      await this.publish(this.tree.committed, this.committed.note, this.committed.root);
    }
    return true;
  }

  /** Checks a chunk of entries appended by other instances against its signed checkpoint and stream state, then stores it. */
  private keepRemoteChunk(
    entries: readonly StoredEntry[],
    checkpoint: SharedCheckpoint,
    fork: (why: string) => never,
  ): void {
    const base = this.tree.committed;
    const heads = new Map(this.heads);
    const changed = new Map<string, StreamHead>();
    const nodes: TreeNode[] = [];
    const kept: StoredEntry[] = [];
    try {
      for (const e of entries) {
        if (e.index !== this.tree.size) fork(`entry ${this.tree.size} is missing (found ${e.index})`);
        // The leaf hash is recomputed, never taken from the database.
        const leaf = leafHash(e.statement);
        nodes.push(...this.tree.append(leaf).nodes);
        const head = { version: e.version, index: e.index, payloadDigest: e.payloadDigest };
        heads.set(e.stream, head);
        changed.set(e.stream, head);
        kept.push({ ...e, leafHash: leaf });
      }
      const size = this.tree.size;
      const cp = verifyCheckpoint(checkpoint.note, this.verifier, `checkpoint at size ${checkpoint.size}`);
      if (cp.size !== size || checkpoint.size !== size)
        fork(`the checkpoint of size ${cp.size} ends a chunk of ${size - base} entries after ${base}`);
      const root = this.tree.root(size);
      if (!equalBytes(root, cp.root))
        fork(`entries ${base}..${size - 1} do not hash to the signed checkpoint of size ${size}`);
      const stateProblem = streamStateProblem(heads, size, checkpoint.state, this.verifier);
      if (stateProblem) fork(`stream versions at size ${size}: ${stateProblem}`);
      this.store.commit({ entries: kept, nodes, streams: changed, checkpoint });
      this.tree.committedUpTo(size, nodes);
      this.heads = heads;
      this.committed = { note: checkpoint.note, root };
    } catch (err) {
      this.tree.rollback();
      throw err;
    }
  }

  /**
   * Puts the pending appends (`batch`, then the queue) back on top of the tree after a
   * catch-up: each is checked again against the stream heads (now including other instances'
   * appends) and numbered anew; one that no longer passes is rejected (409, or AlreadyInLog
   * when its primary was appended meanwhile). Returns what is left of `batch`.
   */
  private resequence(batch: PendingAppend[]): PendingAppend[] {
    this.tree.rollback();
    this.pendingHeads.clear();
    this.pendingByDigest.clear();
    // On a shared log only the batch being committed gets its place in the tree; the others wait
    // for their own commit (appends may arrive during any await of a commit or a catch-up).
    const keep = (list: PendingAppend[], sequence: boolean) =>
      list.filter((p) => {
        const logged = this.store.findByPrimaryUnchecked(p.entry.payloadDigest, p.entry.primarySignatureDigest);
        const refusal = logged ? new AlreadyInLog(logged.index) : this.versionRefusal(p.entry);
        if (refusal) {
          p.reject(refusal);
          return false;
        }
        const { index, nodes } = sequence ? this.tree.append(p.entry.leafHash) : { index: -1, nodes: [] };
        p.entry = { ...p.entry, index };
        p.nodes = nodes;
        this.pendingHeads.set(p.entry.stream, {
          version: p.entry.version,
          index,
          payloadDigest: p.entry.payloadDigest,
        });
        this.pendingByDigest.set(`${p.entry.payloadDigest} ${p.entry.primarySignatureDigest}`, p);
        return true;
      });
    const kept = keep(batch, true);
    this.queue = keep(this.queue, this.sequencer === undefined);
    return kept;
  }

  private async recover(options: LogOpenOptions): Promise<void> {
    const where = this.store.path;
    const refuse = (why: string): never => {
      throw new LogRecoveryError(`${where}: ${why}`);
    };
    // One log, one origin, one key: a different one over existing entries would make every
    // auditor's pinned key or last checkpoint fail, so refuse it (rotate = new --data).
    const vkey = verifierKey(this.signer.name, this.signer.rawPublicKey);
    const storedKey = this.store.meta('verifier-key');
    if (storedKey !== undefined && storedKey !== vkey) {
      refuse(
        `this log was created with the log key ${storedKey}, not ${vkey}; a log keeps one origin and key for life (start a new --data directory to rotate)`,
      );
    }
    for (const key of options.countersignerKeys ?? []) this.store.addPublicKey(key);

    const { count, maxIndex } = this.store.entryCount();
    if (count !== maxIndex + 1)
      refuse(
        `${count} entry rows but the largest index is ${maxIndex}: entries are missing (damaged or edited storage)`,
      );
    let saved = this.store.checkpoint();
    if (count > 0 && saved?.state === undefined) {
      await this.upgrade(count, saved?.note);
      saved = this.store.checkpoint();
    }
    if (!saved) {
      // A new log: the empty tree's checkpoint.
      const note = await signCheckpoint({ size: 0, root: this.tree.root(0) }, this.signer);
      const state = await signStreamState(new Map(), 0, this.signer);
      this.store.saveCheckpoint(0, note, state);
      saved = { size: 0, note, state };
    }
    const cp = verifyCheckpoint(saved.note, this.verifier, `${where}: stored checkpoint`);
    if (cp.size !== saved.size) refuse(`the stored checkpoint's size ${cp.size} differs from its record ${saved.size}`);
    if (cp.size > count)
      refuse(`the stored checkpoint covers ${cp.size} entries but only ${count} are stored: entries were lost`);
    if (cp.size < count)
      refuse(
        `${count} entries are stored but the stored checkpoint covers ${cp.size}: entries were added outside the service`,
      );
    this.tree = new StoredTree((level, index) => this.store.node(level, index), count);
    if (!equalBytes(this.tree.root(count), cp.root))
      refuse(
        `the stored tree does not hash to the stored checkpoint's root at size ${count}: the log storage was edited or damaged`,
      );
    const heads = this.store.latestPerStream();
    const stateProblem = streamStateProblem(heads, count, saved.state ?? '', this.verifier);
    if (stateProblem) refuse(`stream versions: ${stateProblem}`);
    await this.checkHighWater(count, options);
    if (storedKey === undefined) this.store.setMeta('verifier-key', vkey);
    this.heads = heads;
    this.committed = { note: saved.note, root: cp.root };
    if ((await readHighWater(this.store.dataDir)) !== saved.note) await writeHighWater(this.store.dataDir, saved.note);
    this.published = { size: count, note: saved.note, root: cp.root };
  }

  /** Refuses a database that is shorter than, or does not extend, what this service already signed. */
  private async checkHighWater(count: number, options: LogOpenOptions): Promise<void> {
    const where = this.store.dataDir;
    const note = await readHighWater(where);
    if (note === undefined) {
      if (count > 0 && !options.unsafeAcceptLogWithoutHighWaterMark)
        throw new LogRecoveryError(
          `${where}: the database has ${count} entries but there is no high-water mark (${HIGH_WATER_FILE}): it cannot be told from a rolled-back or replaced database; if this is an upgrade from a version without the mark, start once with --unsafe-accept-log-without-high-water-mark`,
        );
      return;
    }
    let mark;
    try {
      mark = verifyCheckpoint(note, this.verifier, `${where}/${HIGH_WATER_FILE}`);
    } catch (err) {
      throw new LogRecoveryError(
        `${where}: the high-water mark does not verify (${err instanceof Error ? err.message : String(err)})`,
      );
    }
    if (mark.size > count)
      throw new LogRecoveryError(
        `${where}: the database has ${count} entries but this service already signed a checkpoint of size ${mark.size} (high-water mark): the database was wiped, truncated or rolled back; starting would fork the log`,
      );
    if (!equalBytes(this.tree.root(mark.size), mark.root))
      throw new LogRecoveryError(
        `${where}: the database (size ${count}) does not extend the high-water mark (size ${mark.size}): its root at size ${mark.size} differs; starting would fork the log`,
      );
  }

  /**
   * A log from before stored nodes and signed stream heads: one pass over every entry checks
   * its leaf hash and derived columns, stores the tree's nodes and the stream heads, and signs
   * them (with a stored checkpoint, only if the entries hash to it).
   */
  private async upgrade(count: number, oldNote: string | undefined): Promise<void> {
    const where = this.store.path;
    const tree = new StoredTree((level, index) => this.store.node(level, index), 0);
    const heads = new Map<string, StreamHead>();
    for (let start = 0; start < count; start += UPGRADE_CHUNK) {
      const nodes: TreeNode[] = [];
      for (const e of this.store.rawEntries(start, start + UPGRADE_CHUNK)) {
        if (e.index !== tree.size) throw new LogRecoveryError(`${where}: entry ${tree.size} is missing`);
        if (!equalBytes(leafHash(e.statement), e.leafHash))
          throw new LogRecoveryError(`${where}: entry ${e.index}'s statement does not match its leaf hash`);
        const s = parseCountersignatureStatement(e.statement, `${where}: entry ${e.index}`);
        if (s.stream !== e.stream || s.version !== e.version || s.payloadDigest.sha256 !== e.payloadDigest)
          throw new LogRecoveryError(`${where}: entry ${e.index}'s stored columns are not its statement's`);
        const head = heads.get(s.stream);
        if (!head || s.version > head.version)
          heads.set(s.stream, { version: s.version, index: e.index, payloadDigest: s.payloadDigest.sha256 });
        nodes.push(...tree.append(e.leafHash).nodes);
      }
      this.store.saveNodes(nodes);
      tree.committedUpTo(tree.size, nodes);
    }
    const root = tree.root(count);
    if (oldNote !== undefined) {
      const old = verifyCheckpoint(oldNote, this.verifier, `${where}: stored checkpoint`);
      if (old.size !== count || !equalBytes(tree.root(old.size), old.root))
        throw new LogRecoveryError(
          `${where}: the stored entries (${count}) do not hash to the stored checkpoint (size ${old.size}): the log storage was edited`,
        );
    }
    const note = oldNote ?? (await signCheckpoint({ size: count, root }, this.signer));
    const state = await signStreamState(heads, count, this.signer);
    this.store.replaceStreams(heads);
    this.store.saveCheckpoint(count, note, state);
  }

  /**
   * The last version of `stream` countersigned or being appended (pending appends are seen
   * from the moment `append` is called), or undefined. The check "is this version already
   * taken?" reads this; `append` applies it too.
   */
  pendingOrStoredVersion(stream: string): StreamHead | undefined {
    return this.pendingHeads.get(stream) ?? this.heads.get(stream);
  }

  /** The index of a pending (not yet committed) append of this exact primary, and its completion. */
  pendingAppendOf(payloadDigest: string, primarySignatureDigest: string): Promise<number> | undefined {
    return this.pendingByDigest.get(`${payloadDigest} ${primarySignatureDigest}`)?.done;
  }

  /** Every stream's last version, pending appends included. */
  latestPerStream(): Map<string, StreamHead> {
    return new Map([...this.heads, ...this.pendingHeads]);
  }

  /**
   * Appends an entry; resolves with its index once it is durable and published.
   *
   * The contract (issue 15, group commit):
   * - Synchronously, before any await: the version is checked against
   *   `pendingOrStoredVersion` (one statement per stream version: an older version is
   *   rejected with 409 `statement-rollback`, the same version for another statement with 409
   *   `statement-version-reused`, nothing appended; the same version for the same statement is
   *   a re-run and is appended), the leaf index is assigned and the entry is
   *   pending: `pendingOrStoredVersion` and `pendingAppendOf` see it at once, so callers'
   *   checks need no lock of their own across the commit.
   * - Appends made in the same turn of the event loop (and those made while the previous batch
   *   commits) are committed together: one signed checkpoint, one transaction
   *   (synchronous=FULL: one fsync), then the high-water mark is replaced (its own fsyncs).
   * - Resolves only after that: the entry is on disk, the checkpoint covering it is in the
   *   high-water mark, and `size`, `checkpoint` and proofs include it.
   * - If the commit fails (a full disk, an I/O error), every append of the batch and every
   *   append made after it rejects, and the tree returns to the last committed state; the log
   *   keeps working and the next append commits normally once the cause is gone. If only the
   *   high-water mark cannot be written, the batch is committed but rejected (not
   *   acknowledged); a retry of the same primary finds it once a later mark covers it.
   */
  append(entry: Omit<StoredEntry, 'index' | 'leafHash'>): Promise<number> {
    const refusal = this.versionRefusal(entry);
    if (refusal) return Promise.reject(refusal);
    const leaf = leafHash(entry.statement);
    // On a shared log the index is only known under the database's write lock (commitBatch:
    // resequence); until then the entry is pending without a place in the tree (index -1).
    const { index, nodes } = this.sequencer ? { index: -1, nodes: [] } : this.tree.append(leaf);
    let resolve!: (index: number) => void;
    let reject!: (err: unknown) => void;
    const done = new Promise<number>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const pending: PendingAppend = { entry: { ...entry, index, leafHash: leaf }, nodes, resolve, reject, done };
    // A caller that drops the promise must not crash the process on a failed commit.
    done.catch(() => undefined);
    this.queue.push(pending);
    this.pendingHeads.set(entry.stream, { version: entry.version, index, payloadDigest: entry.payloadDigest });
    this.pendingByDigest.set(`${entry.payloadDigest} ${entry.primarySignatureDigest}`, pending);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        void this.flush();
      });
    }
    return done;
  }

  /** One statement per stream version: the refusal of `entry`'s version, or undefined (newer, or a re-run of the same statement). */
  private versionRefusal(entry: Pick<StoredEntry, 'stream' | 'version' | 'payloadDigest'>): Refusal | undefined {
    const last = this.pendingOrStoredVersion(entry.stream);
    const rerun = last?.version === entry.version && last.payloadDigest === entry.payloadDigest;
    if (!last || entry.version > last.version || rerun) return undefined;
    const where = last.index < 0 ? 'being committed' : `log index ${last.index}`;
    return new Refusal(
      409,
      entry.version < last.version ? 'statement-rollback' : carried('statement-version-reused'),
      entry.version < last.version
        ? `version ${entry.version} of ${entry.stream} is older than version ${last.version}, which this service already countersigned (${where})`
        : `version ${entry.version} of ${entry.stream} was already countersigned (${where}) for another statement`,
    );
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    if (this.flushing) return;
    this.flushing = true;
    try {
      await this.exclusively(async () => {
        while (this.queue.length > 0) {
          const batch = this.queue;
          this.queue = [];
          await this.commitBatch(batch);
        }
      });
    } finally {
      this.flushing = false;
    }
  }

  private async commitBatch(initial: PendingAppend[]): Promise<void> {
    let batch = initial;
    let built: BuiltCommit | undefined;
    try {
      const sequencer = this.sequencer;
      if (sequencer) {
        // The database's write lock: catch up, re-check and re-number, write, commit there first.
        built = await sequencer.write(async (writer) => {
          await this.catchUpFrom(writer);
          batch = this.resequence(batch);
          if (batch.length === 0) return undefined;
          const b = await this.build(batch);
          await writer.append(b.batch.entries, b.batch.checkpoint);
          return b;
        });
      } else {
        built = await this.build(batch);
      }
      if (built) this.store.commit(built.batch);
    } catch (err) {
      // Everything pending was built on this batch: it all goes, the tree returns to the last commit.
      const failed = [...batch, ...this.queue];
      this.queue = [];
      this.tree.rollback();
      this.pendingHeads.clear();
      this.pendingByDigest.clear();
      const fault = storageFault(err, this.sequencer?.description ?? this.store.path);
      for (const p of failed) p.reject(fault);
      return;
    }
    if (!built) return;
    const { size, note } = built.batch.checkpoint;
    this.tree.committedUpTo(size, built.batch.nodes);
    this.heads = built.heads;
    this.committed = { note, root: built.root };
    for (const { entry } of batch) {
      if (this.pendingHeads.get(entry.stream)?.index === entry.index) this.pendingHeads.delete(entry.stream);
      const key = `${entry.payloadDigest} ${entry.primarySignatureDigest}`;
      if (this.pendingByDigest.get(key)?.entry.index === entry.index) this.pendingByDigest.delete(key);
    }
    try {
      await this.publish(size, note, built.root);
    } catch (err) {
      const fault = storageFault(err, this.store.dataDir);
      for (const p of batch) p.reject(fault);
      return;
    }
    for (const p of batch) p.resolve(p.entry.index);
  }

  /** The commit of `batch` (the first pending appends): its nodes, stream heads and signed checkpoint. */
  private async build(batch: PendingAppend[]): Promise<BuiltCommit> {
    const size = this.tree.committed + batch.length;
    const heads = new Map(this.heads);
    const changed = new Map<string, StreamHead>();
    for (const { entry } of batch) {
      const head = { version: entry.version, index: entry.index, payloadDigest: entry.payloadDigest };
      heads.set(entry.stream, head);
      changed.set(entry.stream, head);
    }
    const root = this.tree.root(size);
    const [note, state] = await Promise.all([
      signCheckpoint({ size, root }, this.signer),
      signStreamState(heads, size, this.signer),
    ]);
    return {
      batch: {
        entries: batch.map((p) => p.entry),
        nodes: batch.flatMap((p) => p.nodes),
        streams: changed,
        checkpoint: { size, note, state },
      },
      heads,
      root,
    };
  }

  /** Writes the high-water mark for a committed checkpoint, then serves it. */
  private async publish(size: number, note: string, root: Uint8Array): Promise<void> {
    await writeHighWater(this.store.dataDir, note);
    if (size > this.published.size) this.published = { size, note, root };
  }

  inclusionProof(index: number, size = this.size): Uint8Array[] {
    if (size > this.size) throw new RangeError(`tree size ${size}: the published tree has ${this.size} leaves`);
    return this.tree.inclusionProof(index, size);
  }

  consistencyProof(from: number, to = this.size): Uint8Array[] {
    if (to > this.size) throw new RangeError(`tree size ${to}: the published tree has ${this.size} leaves`);
    return this.tree.consistencyProof(from, to);
  }

  /** The guard of every entry the store hands out: throws unless it checks out in full (once per index). */
  private checkEntry(entry: StoredEntry): void {
    const { index } = entry;
    if (index >= this.published.size) {
      // Committed but not yet in the high-water mark (its write failed): publish it again.
      if (this.tree.committed > this.published.size)
        void this.publish(this.tree.committed, this.committed.note, this.committed.root).catch(() => undefined);
      throw new StorageFault(
        'log-storage-unreadable',
        `log entry ${index} is not published yet (published size ${this.published.size}): its high-water mark is being written again`,
      );
    }
    const digest = rowDigest(entry);
    if (this.isChecked(index, digest)) return;
    let problem = this.bad.has(index)
      ? 'it failed its check before'
      : entryProblem(entry, (k) => this.store.publicKey(k));
    if (!problem) {
      const size = this.published.size;
      let inTree = false;
      try {
        inTree = verifyInclusion(
          entry.leafHash,
          index,
          size,
          this.tree.inclusionProof(index, size),
          this.published.root,
        );
      } catch {
        inTree = false; // a missing node: not provably in the tree
      }
      if (!inTree) problem = `its leaf is not in the signed tree of size ${size}`;
    }
    if (problem) {
      this.bad.add(index);
      throw new StorageFault(
        'log-storage-inconsistent',
        `${this.store.path}: log entry ${index} is not served: ${problem}`,
      );
    }
    this.markChecked(index, digest);
  }

  private isChecked(index: number, digest: Uint8Array): boolean {
    const at = index * ROW_DIGEST_BYTES;
    return (
      at + ROW_DIGEST_BYTES <= this.checked.length &&
      equalBytes(this.checked.subarray(at, at + ROW_DIGEST_BYTES), digest)
    );
  }

  private markChecked(index: number, digest: Uint8Array): void {
    const at = index * ROW_DIGEST_BYTES;
    if (at + ROW_DIGEST_BYTES > this.checked.length) {
      const grown = new Uint8Array(Math.max(at + ROW_DIGEST_BYTES, this.checked.length * 2));
      grown.set(this.checked);
      this.checked = grown;
    }
    this.checked.set(digest, at);
  }

  /**
   * Read-only, for the tlog-tiles API (src/server/tiles.ts): the stored hashes of the complete
   * subtrees at tree `level` with indices [from, from + count), or undefined unless all of them
   * lie within the published tree. Published nodes are committed, so they are read from storage.
   */
  publishedNodes(level: number, from: number, count: number): Uint8Array[] | undefined {
    if ((from + count) * 2 ** level > this.published.size) return undefined;
    const out: Uint8Array[] = [];
    for (let i = from; i < from + count; i++) {
      const hash = this.store.node(level, i);
      if (!hash)
        throw new StorageFault('log-storage-inconsistent', `the log storage has no tree node ${i} at level ${level}`);
      out.push(hash);
    }
    return out;
  }
}

const ROW_DIGEST_BYTES = 16;

/** A digest of every field of the row that is served or checked (length-prefixed, so fields cannot run into each other). */
function rowDigest(e: StoredEntry): Uint8Array {
  const hash = createHash('sha256');
  for (const field of [e.leafHash, e.statement, e.signature, e.certificate]) {
    hash.update(String(field.length)).update(':').update(field);
  }
  hash.update(
    JSON.stringify([e.keyId, e.stream, e.version, e.payloadDigest, e.primarySignatureDigest, e.identity, e.signedAt]),
  );
  return new Uint8Array(hash.digest().subarray(0, ROW_DIGEST_BYTES));
}
