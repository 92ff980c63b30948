// The service's transparency log: the RFC 6962 tree over every countersignature statement it
// handed out, in memory for proofs, backed by the durable store, with the latest checkpoint
// signed by the log key (C2SP tlog-checkpoint). Recovery at start re-hashes every stored
// statement, rebuilds the tree and checks it against the stored signed checkpoint, and
// refuses to serve a log that does not match (edited storage, a lost tail, another key).
import { InputError } from '../lib/basics/errors/errors.ts';
import { verifierKey, type NoteSigner } from '../lib/checks/log/note.ts';
import { signCheckpoint, verifyCheckpoint } from '../lib/checks/log/checkpoint.ts';
import { equalBytes } from '../lib/basics/crypto/bytes.ts';
import { leafHash } from '../lib/checks/log/merkle.ts';
import { MerkleTree } from '../lib/checks/log/tree.ts';
import type { LogStore, StoredEntry } from './store.ts';

/** The stored log does not check out: the service refuses to start rather than serve it. */
export class LogRecoveryError extends InputError {
  constructor(message: string) {
    super('log-storage-inconsistent', message);
    this.name = 'LogRecoveryError';
  }
}

export class TransparencyLog {
  readonly store: LogStore;
  readonly signer: NoteSigner;
  readonly tree = new MerkleTree();
  private note = '';

  private constructor(store: LogStore, signer: NoteSigner) {
    this.store = store;
    this.signer = signer;
  }

  get origin(): string {
    return this.signer.name;
  }

  get size(): number {
    return this.tree.size;
  }

  /** The latest signed checkpoint (a signed note). */
  get checkpoint(): string {
    return this.note;
  }

  static async open(store: LogStore, signer: NoteSigner): Promise<TransparencyLog> {
    const log = new TransparencyLog(store, signer);
    await log.recover();
    return log;
  }

  private async recover(): Promise<void> {
    const where = this.store.path;
    // One log, one origin, one key: a different one over existing entries would make every
    // auditor's pinned key or last checkpoint fail, so refuse it (rotate = new --data).
    const vkey = verifierKey(this.signer.name, this.signer.rawPublicKey);
    const stored = this.store.meta('verifier-key');
    if (stored !== undefined && stored !== vkey) {
      throw new LogRecoveryError(
        `${where}: this log was created with the log key ${stored}, not ${vkey}; a log keeps one origin and key for life (start a new --data directory to rotate)`,
      );
    }
    for (const entry of this.store.allEntries()) {
      if (entry.index !== this.tree.size)
        throw new LogRecoveryError(
          `${where}: entry ${this.tree.size} is missing (found ${entry.index} next): the log storage was damaged or edited`,
        );
      if (!equalBytes(leafHash(entry.statement), entry.leafHash)) {
        throw new LogRecoveryError(
          `${where}: entry ${entry.index}'s statement does not match its leaf hash: the log storage was edited`,
        );
      }
      this.tree.append(entry.leafHash);
    }
    const saved = this.store.checkpoint();
    if (saved) {
      let root: Uint8Array;
      try {
        const cp = verifyCheckpoint(
          saved.note,
          { name: this.signer.name, rawPublicKey: this.signer.rawPublicKey },
          `${where}: stored checkpoint`,
        );
        if (cp.size !== saved.size)
          throw new LogRecoveryError(
            `${where}: stored checkpoint size ${cp.size} differs from its record ${saved.size}`,
          );
        root = cp.root;
      } catch (err) {
        throw new LogRecoveryError(err instanceof Error ? err.message : String(err));
      }
      if (saved.size > this.tree.size)
        throw new LogRecoveryError(
          `${where}: the stored checkpoint covers ${saved.size} entries but only ${this.tree.size} are stored: entries were lost`,
        );
      if (!equalBytes(this.tree.root(saved.size), root))
        throw new LogRecoveryError(
          `${where}: the stored entries do not hash to the stored checkpoint's root at size ${saved.size}: the log storage was edited`,
        );
      this.note = saved.note;
    }
    if (!saved || saved.size !== this.tree.size) {
      this.note = await signCheckpoint({ size: this.tree.size, root: this.tree.root() }, this.signer);
      this.store.saveCheckpoint(this.tree.size, this.note);
    }
    if (stored === undefined) this.store.setMeta('verifier-key', vkey);
  }

  /**
   * Appends an entry and makes it durable with its new signed checkpoint, in one commit.
   * Callers serialise appends (one at a time). Returns the entry's index.
   */
  async append(entry: Omit<StoredEntry, 'index' | 'leafHash'>): Promise<number> {
    const leaf = leafHash(entry.statement);
    const index = this.tree.append(leaf);
    try {
      const note = await signCheckpoint({ size: this.tree.size, root: this.tree.root() }, this.signer);
      this.store.append({ ...entry, index, leafHash: leaf }, note);
      this.note = note;
      return index;
    } catch (err) {
      this.tree.removeLast();
      throw err;
    }
  }

  inclusionProof(index: number, size = this.size): Uint8Array[] {
    return this.tree.inclusionProof(index, size);
  }

  consistencyProof(from: number, to = this.size): Uint8Array[] {
    return this.tree.consistencyProof(from, to);
  }
}
