// The browser build's stand-ins for Node built-ins (src/lib/platform/), each checked against
// the Node original it replaces: Buffer (fast-check differential, base64/hex leniency
// included, since verify-primary.ts's canonical-base64 check depends on it), node:crypto's
// hashes, key parsing and verification (ECDSA P-256/P-384/P-521 as Sigstore uses them, RSA
// PKCS#1 v1.5, Ed25519), and util.isDeepStrictEqual.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as nodeCrypto from 'node:crypto';
import { isDeepStrictEqual as nodeDeepEqual } from 'node:util';
import fc from 'fast-check';
import { Buffer as ShimBuffer } from '../../../src/lib/platform/buffer.ts';
import * as shim from '../../../src/lib/platform/node-crypto.ts';
import { isDeepStrictEqual as shimDeepEqual } from '../../../src/lib/platform/node-util.ts';

const RUNS = { numRuns: 300 };
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const base64ish = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_= .\n\t%é'.split('')),
  maxLength: 40,
});
const hexish = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFxg '.split('')), maxLength: 20 });

test('Buffer: decoding base64, hex, utf8 and latin1 text as Node does, lenient parts included', () => {
  for (const s of ['QUJD', 'QU JD', 'QUJ', 'Q', 'QU=JD', 'QUJ.D', '_-8', '=QUJD', 'QR==', 'QUI=QUJD', '']) {
    assert.equal(hex(ShimBuffer.from(s, 'base64')), hex(Buffer.from(s, 'base64')), JSON.stringify(s));
  }
  fc.assert(
    fc.property(base64ish, (s) => hex(ShimBuffer.from(s, 'base64')) === hex(Buffer.from(s, 'base64'))),
    RUNS,
  );
  fc.assert(
    fc.property(hexish, (s) => hex(ShimBuffer.from(s, 'hex')) === hex(Buffer.from(s, 'hex'))),
    RUNS,
  );
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
      for (const enc of ['utf8', 'latin1', 'ascii'] as const) {
        if (hex(ShimBuffer.from(s, enc)) !== hex(Buffer.from(s, enc))) return false;
        if (ShimBuffer.byteLength(s, enc) !== Buffer.byteLength(s, enc)) return false;
      }
      return true;
    }),
    RUNS,
  );
});

test('Buffer: encoding, comparing, copying and slicing as Node does', () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ maxLength: 50 }),
      fc.uint8Array({ maxLength: 50 }),
      fc.nat(60),
      fc.nat(60),
      (a, b, i, j) => {
        const [sa, na] = [ShimBuffer.from(a), Buffer.from(a)];
        for (const enc of ['base64', 'base64url', 'hex', 'utf8', 'latin1', 'ascii'] as const)
          assert.equal(sa.toString(enc), na.toString(enc), enc);
        assert.equal(
          sa.toString('hex', Math.min(i, j), Math.max(i, j)),
          na.toString('hex', Math.min(i, j), Math.max(i, j)),
        );
        assert.equal(sa.equals(b), na.equals(b));
        assert.equal(ShimBuffer.compare(a, b), Buffer.compare(a, b));
        assert.equal(hex(ShimBuffer.concat([a, b])), hex(Buffer.concat([a, b])));
        assert.equal(hex(ShimBuffer.concat([a, b], i)), hex(Buffer.concat([a, b], i)));
        const [ts, tn] = [new Uint8Array(j), new Uint8Array(j)];
        assert.equal(sa.copy(ts, 0, Math.min(i, a.length)), na.copy(tn, 0, Math.min(i, a.length)));
        assert.equal(hex(ts), hex(tn));
        if (a.length >= 8) assert.equal(sa.readBigInt64BE(0), na.readBigInt64BE(0));
      },
    ),
    RUNS,
  );
  // from(Uint8Array) copies; from(ArrayBuffer) and slice() are views (Node's semantics).
  const bytes = new Uint8Array([1, 2, 3, 4]);
  const copy = ShimBuffer.from(bytes);
  copy[0] = 9;
  assert.equal(bytes[0], 1);
  const view = ShimBuffer.from(bytes.buffer);
  view[0] = 9;
  assert.equal(bytes[0], 9);
  const sliced = view.slice(1, 3);
  sliced[0] = 8;
  assert.equal(bytes[1], 8);
  assert.ok(sliced instanceof ShimBuffer && view.subarray(1) instanceof ShimBuffer, 'views stay Buffers');
  assert.ok(ShimBuffer.alloc(3, 7).every((b) => b === 7));
  assert.throws(() => ShimBuffer.from(bytes).readBigInt64BE(0), RangeError);
});

test('createHash and timingSafeEqual: the same digests and the same length rule as node:crypto', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ maxLength: 40 }), (data, text) => {
      for (const alg of ['sha256', 'sha384', 'sha512', 'SHA256']) {
        const want = nodeCrypto.createHash(alg).update(data).update(text, 'utf8').digest('hex');
        if (shim.createHash(alg).update(data).update(text, 'utf8').digest('hex') !== want) return false;
        if (hex(shim.createHash(alg).update(data).update(text).digest()) !== want) return false;
      }
      return true;
    }),
    { numRuns: 100 },
  );
  assert.equal(shim.timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2])), true);
  assert.equal(shim.timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3])), false);
  assert.throws(() => shim.timingSafeEqual(new Uint8Array(1), new Uint8Array(2)), RangeError);
  assert.throws(() => shim.createHash('md5'), /not supported/);
});

test('ECDSA as Sigstore uses it: node:crypto signatures verify with the shim for P-256, P-384 and P-521, tampering never does', () => {
  for (const namedCurve of ['prime256v1', 'secp384r1', 'secp521r1']) {
    const { publicKey, privateKey } = nodeCrypto.generateKeyPairSync('ec', { namedCurve });
    const spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
    const pem = publicKey.export({ format: 'pem', type: 'spki' });
    const key = shim.createPublicKey({ key: spki, format: 'der', type: 'spki' });
    assert.equal(key.asymmetricKeyType, 'ec');
    assert.equal(key.asymmetricKeyDetails.namedCurve, namedCurve);
    assert.equal(hex(key.export({ format: 'der', type: 'spki' })), hex(spki));
    for (let i = 0; i < 10; i++) {
      const data = nodeCrypto.randomBytes(i * 13);
      // @sigstore/core passes the certificate's digest name, or none (OpenSSL then uses SHA-256 for EC keys).
      for (const alg of [undefined, 'sha256', 'sha384', 'sha512']) {
        const sig = nodeCrypto.sign(alg ?? null, data, privateKey);
        assert.equal(shim.verify(alg, data, key, sig), true, `${namedCurve} ${alg}`);
        assert.equal(shim.verify(alg, data, pem, sig), true, `${namedCurve} ${alg} PEM`);
        assert.equal(nodeCrypto.verify(alg ?? null, data, publicKey, sig), true);
        const tampered = Uint8Array.from(sig);
        tampered[tampered.length - 1]! ^= 1;
        assert.equal(
          shim.verify(alg, data, key, tampered),
          nodeCrypto.verify(alg ?? null, data, publicKey, tampered),
          `${namedCurve} tampered signature`,
        );
        assert.equal(
          shim.verify(alg, Buffer.concat([data, Buffer.from([0])]), key, sig),
          false,
          `${namedCurve} other data`,
        );
      }
      assert.equal(
        shim.verify('sha384', data, key, nodeCrypto.sign('sha256', data, privateKey)),
        false,
        'digest mismatch',
      );
    }
  }
});

test('RSA PKCS#1 v1.5 and Ed25519 keys (SPKI and PKCS#1) verify as node:crypto does', () => {
  const rsa = nodeCrypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = new Uint8Array(rsa.publicKey.export({ format: 'der', type: 'spki' }));
  const pkcs1 = new Uint8Array(rsa.publicKey.export({ format: 'der', type: 'pkcs1' }));
  for (const key of [shim.createPublicKey(spki), shim.createPublicKey({ key: pkcs1, format: 'der', type: 'pkcs1' })]) {
    assert.equal(key.asymmetricKeyType, 'rsa');
    assert.equal(key.asymmetricKeyDetails.modulusLength, 2048);
    for (const alg of ['sha256', 'sha384', 'sha512']) {
      const data = nodeCrypto.randomBytes(50);
      const sig = nodeCrypto.sign(alg, data, rsa.privateKey);
      assert.equal(shim.verify(alg, data, key, sig), true, alg);
      const tampered = Uint8Array.from(sig);
      tampered[100]! ^= 4;
      assert.equal(shim.verify(alg, data, key, tampered), false, `${alg} tampered`);
      assert.equal(shim.verify(alg, data, key, sig.subarray(1)), false, `${alg} short`);
    }
  }
  const ed = nodeCrypto.generateKeyPairSync('ed25519');
  const key = shim.createPublicKey(new Uint8Array(ed.publicKey.export({ format: 'der', type: 'spki' })));
  assert.equal(key.asymmetricKeyType, 'ed25519');
  const data = nodeCrypto.randomBytes(77);
  const sig = nodeCrypto.sign(null, data, ed.privateKey);
  assert.equal(shim.verify(null, data, key, sig), true);
  assert.equal(shim.verify(undefined, data.subarray(1), key, sig), false);
  // Malformed keys throw, as node:crypto's createPublicKey does.
  for (const bad of [new Uint8Array(0), spki.subarray(0, spki.length - 1)]) {
    assert.throws(() => shim.createPublicKey(bad));
    assert.throws(() => nodeCrypto.createPublicKey({ key: Buffer.from(bad), format: 'der', type: 'spki' }));
  }
  // Stricter than OpenSSL on one point, failing closed: bytes after the DER (a pinned key in a
  // trusted root, never attacker input) are refused rather than ignored.
  assert.throws(() => shim.createPublicKey(Uint8Array.from([...spki, 0])), /trailing data/);
  assert.throws(() => shim.createPrivateKey(), /only verifies/);
  assert.throws(() => shim.sign(), /only verifies/);
});

test('isDeepStrictEqual agrees with node:util on the shapes @sigstore/verify compares', () => {
  class Entry {
    logIndex: string;
    body: Uint8Array;
    constructor(logIndex: string, body: Uint8Array) {
      this.logIndex = logIndex;
      this.body = body;
    }
  }
  const samples: unknown[] = [
    1,
    '1',
    0,
    -0,
    NaN,
    null,
    undefined,
    [1, 2],
    [1, 2, 3],
    { a: 1 },
    { a: 1, b: undefined },
    { b: 1 },
    new Uint8Array([1, 2]),
    new Uint8Array([1, 3]),
    Buffer.from([1, 2]),
    new Date(5),
    new Date(6),
    new Entry('1', new Uint8Array([1])),
    new Entry('1', new Uint8Array([2])),
    { type: 'transparency-log', tlogEntry: { logIndex: '7', integratedTime: '1' } },
    { type: 'transparency-log', tlogEntry: { logIndex: '7', integratedTime: '2' } },
  ];
  for (const a of samples) {
    for (const b of samples) {
      assert.equal(shimDeepEqual(a, b), nodeDeepEqual(a, b), `${String(a)} vs ${String(b)}`);
      assert.equal(
        shimDeepEqual(structuredClone(a), b),
        nodeDeepEqual(structuredClone(a), b),
        `clone of ${String(a)} vs ${String(b)}`,
      );
    }
  }
  assert.throws(() => shimDeepEqual(new Map(), new Map()), /not supported/);
});
