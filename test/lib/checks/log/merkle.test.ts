// RFC 6962 Merkle trees and proofs (src/lib/checks/log): against the certificate-transparency test
// vectors (the 8 leaves and roots of CT's merkle_tree_test / transparency-dev testonly), and
// exhaustively against a direct transcription of RFC 6962 §2.1 for every size up to 64.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  consistencyProof,
  emptyRoot,
  inclusionPath,
  leafHash,
  nodeHash,
  rootFromInclusionProof,
  rootOfLeafHashes,
  verifyConsistency,
  verifyInclusion,
} from '../../../../src/lib/checks/log/merkle.ts';
import { MerkleTree } from '../../../../src/lib/checks/log/tree.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const fromHex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));

// Source: google/certificate-transparency merkle_tree_test.cc; transparency-dev/merkle testonly/constants.go.
const CT_LEAVES = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(fromHex);
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const CT_INCLUSION: { index: number; size: number; path: string[] }[] = [
  {
    index: 0,
    size: 8,
    path: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    path: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const CT_CONSISTENCY: { from: number; to: number; proof: string[] }[] = [
  { from: 1, to: 1, proof: [] },
  {
    from: 1,
    to: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    from: 6,
    to: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    from: 2,
    to: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

function ctTree(n: number): MerkleTree {
  const tree = new MerkleTree();
  for (const leaf of CT_LEAVES.slice(0, n)) tree.append(leafHash(leaf));
  return tree;
}

test('roots of the CT test vectors, sizes 0 to 8', () => {
  assert.equal(hex(emptyRoot()), CT_ROOTS[0]);
  for (let n = 0; n <= 8; n += 1) {
    assert.equal(hex(ctTree(n).root()), CT_ROOTS[n], `size ${n}`);
    assert.equal(hex(rootOfLeafHashes(CT_LEAVES.slice(0, n).map(leafHash))), CT_ROOTS[n], `reference, size ${n}`);
  }
});

test('inclusion and consistency proofs of the CT test vectors', () => {
  const tree = ctTree(8);
  for (const v of CT_INCLUSION) {
    assert.deepEqual(tree.inclusionProof(v.index, v.size).map(hex), v.path);
    assert.ok(
      verifyInclusion(leafHash(CT_LEAVES[v.index]!), v.index, v.size, v.path.map(fromHex), fromHex(CT_ROOTS[v.size]!)),
    );
  }
  for (const v of CT_CONSISTENCY) {
    assert.deepEqual(tree.consistencyProof(v.from, v.to).map(hex), v.proof, `${v.from} -> ${v.to}`);
    assert.ok(
      verifyConsistency(v.from, v.to, fromHex(CT_ROOTS[v.from]!), fromHex(CT_ROOTS[v.to]!), v.proof.map(fromHex)),
    );
  }
});

// RFC 6962 §2.1, transcribed literally (D[k1:k2] as arrays), as the reference for PATH and PROOF.
function refMth(d: Uint8Array[]): Uint8Array {
  if (d.length === 0) return emptyRoot();
  if (d.length === 1) return d[0]!;
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return nodeHash(refMth(d.slice(0, k)), refMth(d.slice(k)));
}
function refPath(m: number, d: Uint8Array[]): Uint8Array[] {
  if (d.length <= 1) return [];
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return m < k
    ? [...refPath(m, d.slice(0, k)), refMth(d.slice(k))]
    : [...refPath(m - k, d.slice(k)), refMth(d.slice(0, k))];
}
function refSubproof(m: number, d: Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) return b ? [] : [refMth(d)];
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return m <= k
    ? [...refSubproof(m, d.slice(0, k), b), refMth(d.slice(k))]
    : [...refSubproof(m - k, d.slice(k), false), refMth(d.slice(0, k))];
}

test('every size up to 64: roots, inclusion and consistency match RFC 6962 §2.1 and verify (RFC 9162 §2.1.3.2, §2.1.4.2)', () => {
  const leaves = Array.from({ length: 64 }, (_, i) => leafHash(new TextEncoder().encode(`leaf ${i}`)));
  const tree = new MerkleTree();
  const roots: Uint8Array[] = [emptyRoot()];
  for (const leaf of leaves) {
    tree.append(leaf);
    roots.push(refMth(leaves.slice(0, tree.size)));
  }
  for (let n = 1; n <= 64; n += 1) {
    const d = leaves.slice(0, n);
    assert.equal(hex(tree.root(n)), hex(roots[n]!), `root ${n}`);
    for (let m = 0; m < n; m += 1) {
      const path = tree.inclusionProof(m, n);
      assert.deepEqual(path.map(hex), refPath(m, d).map(hex), `PATH(${m}, ${n})`);
      assert.ok(verifyInclusion(leaves[m]!, m, n, path, roots[n]!), `inclusion ${m} in ${n}`);
      assert.ok(!verifyInclusion(leaves[(m + 1) % n]!, m, n, path, roots[n]!) || n === 1, `wrong leaf ${m} in ${n}`);
      if (path.length > 0) {
        const flipped = path.map((h, i) =>
          i === path.length - 1 ? Uint8Array.from(h, (x, j) => (j === 0 ? x ^ 1 : x)) : h,
        );
        assert.ok(!verifyInclusion(leaves[m]!, m, n, flipped, roots[n]!), `flipped path ${m} in ${n}`);
      }
    }
    for (let m = 0; m <= n; m += 1) {
      const proof = tree.consistencyProof(m, n);
      assert.deepEqual(proof.map(hex), m === 0 || m === n ? [] : refSubproof(m, d, true).map(hex), `PROOF(${m}, ${n})`);
      assert.ok(verifyConsistency(m, n, roots[m]!, roots[n]!, proof), `consistency ${m} -> ${n}`);
      if (m > 0 && m < n) {
        assert.ok(!verifyConsistency(m, n, roots[m - 1]!, roots[n]!, proof), `wrong old root ${m} -> ${n}`);
        assert.ok(!verifyConsistency(m, n, roots[m]!, roots[n - 1]!, proof), `wrong new root ${m} -> ${n}`);
        assert.ok(!verifyConsistency(m, n, roots[m]!, roots[n]!, proof.slice(0, -1)), `short proof ${m} -> ${n}`);
        assert.ok(!verifyConsistency(m, n, roots[m]!, roots[n]!, [...proof, roots[0]!]), `long proof ${m} -> ${n}`);
      }
    }
  }
});

test('malformed proofs are rejected, never thrown', () => {
  const tree = ctTree(8);
  const root = tree.root();
  const leaf = leafHash(CT_LEAVES[0]!);
  assert.equal(rootFromInclusionProof(leaf, 8, 8, []), undefined);
  assert.equal(rootFromInclusionProof(leaf, -1, 8, []), undefined);
  assert.ok(!verifyInclusion(leaf, 0, 8, [new Uint8Array(31), ...tree.inclusionProof(0).slice(1)], root));
  assert.ok(!verifyConsistency(8, 4, root, tree.root(4), []));
  assert.ok(!verifyConsistency(4, 8, tree.root(4), root, []));
  assert.ok(!verifyConsistency(8, 8, root, tree.root(7), []));
  assert.throws(() => inclusionPath(3, 3, () => root), RangeError);
  assert.throws(() => consistencyProof(5, 4, () => root), RangeError);
});

test('removeLast undoes an append exactly', () => {
  const tree = new MerkleTree();
  for (let i = 0; i < 37; i += 1) {
    const before = hex(tree.root());
    tree.append(leafHash(new Uint8Array([i])));
    tree.removeLast();
    assert.equal(hex(tree.root()), before);
    tree.append(leafHash(new Uint8Array([i])));
  }
  assert.equal(
    hex(tree.root()),
    hex(rootOfLeafHashes(Array.from({ length: 37 }, (_, i) => leafHash(new Uint8Array([i]))))),
  );
});
