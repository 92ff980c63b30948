// Shared by: cli-audit, cli-serve (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  consistencyProof,
  emptyRoot,
  inclusionPath,
  nodeHash,
  splitPoint
} from "./shared-98eab3f9.mjs";

// src/lib/checks/log/tree.ts
var MerkleTree = class {
  leaves = [];
  /** levels[h][i] = MTH of leaves [i * 2^h, (i + 1) * 2^h); levels[0] is the leaves. */
  levels = [this.leaves];
  get size() {
    return this.leaves.length;
  }
  append(leaf) {
    const index = this.size;
    this.leaves.push(leaf);
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
  removeLast() {
    const index = this.size - 1;
    if (index < 0) throw new RangeError("removeLast: the tree is empty");
    let h = 0;
    for (let i = index; i % 2 === 1; i = Math.floor(i / 2)) h += 1;
    for (let level = h; level >= 1; level -= 1) this.levels[level]?.pop();
    this.leaves.pop();
  }
  leaf(index) {
    const leaf = this.leaves[index];
    if (!leaf) throw new RangeError(`leaf ${index}: the tree has ${this.size} leaves`);
    return leaf;
  }
  /** MTH of the first `size` leaves (default: all). */
  root(size = this.size) {
    this.checkSize(size);
    return size === 0 ? emptyRoot() : this.mth(0, size);
  }
  inclusionProof(index, size = this.size) {
    this.checkSize(size);
    return inclusionPath(index, size, this.mth);
  }
  consistencyProof(from, to = this.size) {
    this.checkSize(to);
    return consistencyProof(from, to, this.mth);
  }
  /** levels[h][i], which the tree's shape guarantees exists (throws if not: a bug, never input). */
  node(h, i) {
    const node = this.levels[h]?.[i];
    if (!node) throw new Error(`MerkleTree: no node ${i} at level ${h}`);
    return node;
  }
  checkSize(size) {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size)
      throw new RangeError(`tree size ${size}: the tree has ${this.size} leaves`);
  }
  mth = (lo, hi) => {
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
};

export {
  MerkleTree
};
