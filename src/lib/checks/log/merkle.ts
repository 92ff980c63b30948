// RFC 6962 / RFC 9162 Merkle trees: hashes, proof generation over any source of subtree
// hashes, and proof verification. Pure functions: the verifier, the audit client and the
// server all use them, so the three can never disagree on what a proof means.
//
//   leaf hash  = SHA-256(0x00 || data)             (RFC 6962 §2.1, domain-separated leaves)
//   node hash  = SHA-256(0x01 || left || right)
//   MTH({})    = SHA-256("")
import { createHash } from 'node:crypto';
import { equalBytes } from '../../basics/crypto/bytes.ts';
import { HASH_SIZE, MAX_PROOF_HASHES } from '../../formats/log/proof.ts';

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export function leafHash(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(LEAF_PREFIX).update(data).digest());
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest());
}

export function emptyRoot(): Uint8Array {
  return new Uint8Array(createHash('sha256').digest());
}

/** The largest power of two strictly smaller than n (n >= 2), the split point k of RFC 6962 §2.1. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over the leaf-hash range [lo, hi): what a tree store provides (cached or recomputed). */
export type SubtreeHash = (lo: number, hi: number) => Uint8Array;

/** MTH(D[n]) straight from RFC 6962 §2.1, for tests and small trees. */
export function rootOfLeafHashes(leaves: readonly Uint8Array[]): Uint8Array {
  // MTH({}) is the empty root, MTH({d0}) the one leaf hash.
  if (leaves.length <= 1) return leaves[0] ?? emptyRoot();
  const k = splitPoint(leaves.length);
  return nodeHash(rootOfLeafHashes(leaves.slice(0, k)), rootOfLeafHashes(leaves.slice(k)));
}

/** PATH(m, D[n]) of RFC 6962 §2.1.1: the audit path of leaf `index` in the tree of `size` leaves. */
export function inclusionPath(index: number, size: number, mth: SubtreeHash): Uint8Array[] {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new RangeError(`inclusion proof: expected 0 <= index < size, found index ${index}, size ${size}`);
  }
  const path: Uint8Array[] = [];
  const walk = (m: number, lo: number, hi: number): void => {
    if (hi - lo <= 1) return;
    const k = splitPoint(hi - lo);
    if (m < k) {
      walk(m, lo, lo + k);
      path.push(mth(lo + k, hi));
    } else {
      walk(m - k, lo + k, hi);
      path.push(mth(lo, lo + k));
    }
  };
  walk(index, 0, size);
  return path;
}

/** PROOF(m, D[n]) of RFC 6962 §2.1.2: that the tree of `from` leaves is a prefix of the tree of `to`. */
export function consistencyProof(from: number, to: number, mth: SubtreeHash): Uint8Array[] {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to) {
    throw new RangeError(`consistency proof: expected 0 <= from <= to, found from ${from}, to ${to}`);
  }
  if (from === 0 || from === to) return [];
  const proof: Uint8Array[] = [];
  const sub = (m: number, lo: number, hi: number, complete: boolean): void => {
    const n = hi - lo;
    if (m === n) {
      if (!complete) proof.push(mth(lo, hi));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, lo, lo + k, complete);
      proof.push(mth(lo + k, hi));
    } else {
      sub(m - k, lo + k, hi, false);
      proof.push(mth(lo, lo + k));
    }
  };
  sub(from, 0, to, true);
  return proof;
}

/** The root that an inclusion proof implies (RFC 9162 §2.1.3.2), or undefined if the proof is malformed. */
export function rootFromInclusionProof(
  leaf: Uint8Array,
  index: number,
  size: number,
  path: readonly Uint8Array[],
): Uint8Array | undefined {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return undefined;
  if (path.length > MAX_PROOF_HASHES || path.some((p) => p.length !== HASH_SIZE)) return undefined;
  // Plain arithmetic rather than >> : sizes may exceed 2^32.
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return undefined;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      [fn, sn] = shiftWhileEven(fn, sn);
    } else {
      r = nodeHash(r, p);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 ? r : undefined;
}

export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  path: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  const computed = rootFromInclusionProof(leaf, index, size, path);
  return computed !== undefined && equalBytes(computed, root);
}

/** RFC 9162 §2.1.4.2: does `proof` show that the tree (from, fromRoot) is a prefix of (to, toRoot)? */
export function verifyConsistency(
  from: number,
  to: number,
  fromRoot: Uint8Array,
  toRoot: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || from > to) return false;
  if (proof.length > MAX_PROOF_HASHES || proof.some((p) => p.length !== HASH_SIZE)) return false;
  if (from === to) return proof.length === 0 && equalBytes(fromRoot, toRoot);
  if (from === 0) return proof.length === 0; // the empty tree is a prefix of every tree
  const [first, ...rest] = isPowerOfTwo(from) ? [fromRoot, ...proof] : proof;
  if (!first) return false;
  let fn = from - 1;
  let sn = to - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = first;
  let sr = first;
  for (const c of rest) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      [fn, sn] = shiftWhileEven(fn, sn);
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  }
  return sn === 0 && equalBytes(fr, fromRoot) && equalBytes(sr, toRoot);
}

/** RFC 9162 §2.1.3.2 and §2.1.4.2: "until LSB(fn) is set or fn is equal to 0, right-shift fn and sn" (plain arithmetic: sizes may exceed 2^32). */
function shiftWhileEven(fn: number, sn: number): [number, number] {
  while (fn % 2 === 0 && fn !== 0) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  return [fn, sn];
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}
