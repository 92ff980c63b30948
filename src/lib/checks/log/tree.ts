// An append-only RFC 6962 tree over leaf hashes, kept in memory with every perfect subtree
// cached (about 2 hashes per leaf), so that roots and proofs for any past size cost
// O(log n) hashes. The server rebuilds it from its stored leaves at start; the audit client
// uses it to recompute a whole log.
import { type SubtreeHash, consistencyProof, emptyRoot, inclusionPath, nodeHash, splitPoint } from './merkle.ts';

export class MerkleTree {
  /** levels[h][i] = MTH of leaves [i * 2^h, (i + 1) * 2^h). */
  private readonly levels: Uint8Array[][] = [[]];

  get size(): number {
    return this.levels[0]!.length;
  }

  append(leaf: Uint8Array): number {
    const index = this.size;
    this.levels[0]!.push(leaf);
    // Each time a level gains its second node of a pair, the pair's parent is complete.
    let h = 0;
    let i = index;
    while (i % 2 === 1) {
      const level = this.levels[h]!;
      const parent = nodeHash(level[i - 1]!, level[i]!);
      if (this.levels.length === h + 1) this.levels.push([]);
      this.levels[h + 1]!.push(parent);
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
    for (let level = h; level >= 1; level -= 1) this.levels[level]!.pop();
    this.levels[0]!.pop();
  }

  leaf(index: number): Uint8Array {
    const leaf = this.levels[0]![index];
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

  private checkSize(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size) throw new RangeError(`tree size ${size}: the tree has ${this.size} leaves`);
  }

  private readonly mth: SubtreeHash = (lo, hi) => {
    const n = hi - lo;
    if (n === 1) return this.levels[0]![lo]!;
    const h = Math.log2(n);
    if (Number.isInteger(h) && lo % n === 0) {
      const cached = this.levels[h]?.[lo / n];
      if (cached) return cached;
    }
    const k = splitPoint(n);
    return nodeHash(this.mth(lo, lo + k), this.mth(lo + k, hi));
  };
}
