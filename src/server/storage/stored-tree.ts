// The log's RFC 6962 tree over stored nodes (issue 15, scale): the leaf hashes (level 0) and
// every completed perfect subtree (level h >= 1, index i covers leaves [i*2^h, (i+1)*2^h)) are
// rows in the database, written in the same transaction as the entries they cover. Start
// reads only the right edge (one node per set bit of the size), roots and proofs read
// O(log n) nodes, and memory does not grow with the log. Appends not yet committed live in an
// overlay: their leaves and nodes are visible to roots and proofs at once (the next checkpoint
// is computed over them) and are dropped if their commit fails.
//
// Proof shapes and hashing are the library's (src/lib/checks/log/merkle.ts): this file only
// says where subtree hashes come from.
import {
  type SubtreeHash,
  consistencyProof,
  emptyRoot,
  inclusionPath,
  nodeHash,
  splitPoint,
} from '../../lib/checks/log/merkle.ts';

/** A stored node: level 0 is a leaf hash; undefined if it is not stored. */
export type ReadNode = (level: number, index: number) => Uint8Array | undefined;

export interface TreeNode {
  level: number;
  index: number;
  hash: Uint8Array;
}

export class StoredTree {
  private readonly read: ReadNode;
  /** Size covered by the stored nodes (committed). */
  private committedSize: number;
  private pendingSize: number;
  /** Uncommitted nodes by `level:index` (leaves included). */
  private readonly overlay = new Map<string, Uint8Array>();

  constructor(read: ReadNode, committedSize: number) {
    this.read = read;
    this.committedSize = committedSize;
    this.pendingSize = committedSize;
  }

  /** Size including uncommitted appends. */
  get size(): number {
    return this.pendingSize;
  }

  get committed(): number {
    return this.committedSize;
  }

  /** Adds a leaf (uncommitted); returns its index and the nodes to store with it. */
  append(leaf: Uint8Array): { index: number; nodes: TreeNode[] } {
    const index = this.pendingSize;
    const nodes: TreeNode[] = [{ level: 0, index, hash: leaf }];
    let node = leaf;
    // Each 1-bit at the bottom of the index closes a pair: its parent is complete.
    for (let level = 0, i = index; i % 2 === 1; level += 1, i = Math.floor(i / 2)) {
      node = nodeHash(this.node(level, i - 1), node);
      nodes.push({ level: level + 1, index: Math.floor(i / 2), hash: node });
    }
    for (const n of nodes) this.overlay.set(key(n.level, n.index), n.hash);
    this.pendingSize = index + 1;
    return { index, nodes };
  }

  /** The appends up to `size` are committed: their nodes are now read from storage. */
  committedUpTo(size: number, nodes: readonly TreeNode[]): void {
    for (const n of nodes) this.overlay.delete(key(n.level, n.index));
    this.committedSize = size;
  }

  /** Drops every uncommitted append (their commit failed). */
  rollback(): void {
    this.overlay.clear();
    this.pendingSize = this.committedSize;
  }

  /** MTH of the first `size` leaves (default: all, including uncommitted). */
  root(size = this.pendingSize): Uint8Array {
    this.checkSize(size);
    return size === 0 ? emptyRoot() : this.mth(0, size);
  }

  leaf(index: number): Uint8Array {
    return this.node(0, index);
  }

  inclusionProof(index: number, size: number): Uint8Array[] {
    this.checkSize(size);
    return inclusionPath(index, size, this.mth);
  }

  consistencyProof(from: number, to: number): Uint8Array[] {
    this.checkSize(to);
    return consistencyProof(from, to, this.mth);
  }

  private node(level: number, index: number): Uint8Array {
    const hash = this.overlay.get(key(level, index)) ?? this.read(level, index);
    // Missing nodes mean missing rows: the storage was damaged (start checks the right edge).
    if (!hash) throw new Error(`the log storage has no tree node ${index} at level ${level}`);
    return hash;
  }

  private checkSize(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.pendingSize)
      throw new RangeError(`tree size ${size}: the tree has ${this.pendingSize} leaves`);
  }

  /** Perfect aligned ranges are one stored node; others split as RFC 6962 does. */
  private readonly mth: SubtreeHash = (lo, hi) => {
    const n = hi - lo;
    if (isPowerOfTwo(n) && lo % n === 0) return this.node(Math.log2(n), lo / n);
    const k = splitPoint(n);
    return nodeHash(this.mth(lo, lo + k), this.mth(lo + k, hi));
  };
}

function key(level: number, index: number): string {
  return `${level}:${index}`;
}

function isPowerOfTwo(n: number): boolean {
  return n >= 1 && Number.isInteger(Math.log2(n)) && 2 ** Math.log2(n) === n;
}
