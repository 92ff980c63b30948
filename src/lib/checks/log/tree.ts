// An append-only RFC 6962 tree over leaf hashes, kept in memory with every perfect subtree
// cached (about 2 hashes per leaf), so that roots and proofs for any past size cost
// O(log n) hashes. The server rebuilds it from its stored leaves at start; the audit client
// uses it to recompute a whole log.
import { type SubtreeHash, consistencyProof, emptyRoot, inclusionPath, nodeHash, splitPoint } from './merkle.ts';

export class MerkleTree {
  private readonly leaves: Uint8Array[] = [];
  /** levels[h][i] = MTH of leaves [i * 2^h, (i + 1) * 2^h); levels[0] is the leaves. */
  private readonly levels: Uint8Array[][] = [this.leaves];

  get size(): number {
    return this.leaves.length;
  }

  append(leaf: Uint8Array): number {
    const index = this.size;
    this.leaves.push(leaf);
    // Each time a level gains its second node of a pair, the pair's parent is complete.
    let h = 0;
    let i = index;
    let node = leaf;
    while (i % 2 === 1) {
      node = nodeHash(this.node(h, i - 1), node);
      (this.levels[h + 1] ??= []).push(node);
      h += 1;
      i = Math.floor(i / 2);
    }
    return index;
  }

  /** Undoes the last append (a storage commit that failed must not leave the leaf behind). */
  removeLast(): void {
    const index = this.size - 1;
    if (index < 0) throw new RangeError('removeLast: the tree is empty');
    // append(index) added one parent per trailing 1-bit of index, at levels 1, 2, ...
    let h = 0;
    for (let i = index; i % 2 === 1; i = Math.floor(i / 2)) h += 1;
    for (let level = h; level >= 1; level -= 1) this.levels[level]?.pop();
    this.leaves.pop();
  }

  leaf(index: number): Uint8Array {
    const leaf = this.leaves[index];
    if (!leaf) throw new RangeError(`leaf ${index}: the tree has ${this.size} leaves`);
    return leaf;
  }

  /** MTH of the first `size` leaves (default: all). */
  root(size = this.size): Uint8Array {
    this.checkSize(size);
    return size === 0 ? emptyRoot() : this.mth(0, size);
  }

  inclusionProof(index: number, size = this.size): Uint8Array[] {
    this.checkSize(size);
    return inclusionPath(index, size, this.mth);
  }

  consistencyProof(from: number, to = this.size): Uint8Array[] {
    this.checkSize(to);
    return consistencyProof(from, to, this.mth);
  }

  /** levels[h][i], which the tree's shape guarantees exists (throws if not: a bug, never input). */
  private node(h: number, i: number): Uint8Array {
    const node = this.levels[h]?.[i];
    if (!node) throw new Error(`MerkleTree: no node ${i} at level ${h}`);
    return node;
  }

  private checkSize(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size)
      throw new RangeError(`tree size ${size}: the tree has ${this.size} leaves`);
  }

  private readonly mth: SubtreeHash = (lo, hi) => {
    const n = hi - lo;
    if (n === 1) return this.node(0, lo);
    const h = Math.log2(n);
    if (Number.isInteger(h) && lo % n === 0) {
      const cached = this.levels[h]?.[lo / n];
      if (cached) return cached;
    }
    const k = splitPoint(n);
    return nodeHash(this.mth(lo, lo + k), this.mth(lo + k, hi));
  };
}
