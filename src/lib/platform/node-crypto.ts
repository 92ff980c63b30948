// The browser build's `node:crypto` (scripts/build.ts aliases `crypto` and `node:crypto` to
// this file): the few synchronous primitives the verification path calls, on @noble/*.
// @sigstore/verify's API is synchronous, so WebCrypto's promises cannot stand in.
//
// - createHash: SHA-256/384/512 (FIPS 180-4), @noble/hashes.
// - createPublicKey: SPKI DER or PEM (RFC 5280 §4.1.2.7), PKCS#1 RSAPublicKey for RSA log keys.
// - verify: ECDSA P-256/P-384/P-521 with a DER signature (as OpenSSL: any S, the key's
//   default digest SHA-256 when none is named), Ed25519, RSASSA-PKCS1-v1_5.
// - Ed25519 is OpenSSL's check, not noble's verify: cofactorless, S < L, A decoded strictly,
//   then the encoding of [S]B - [k]A compared with R byte for byte (spec/ED25519.md §2 step
//   5). src/lib/basics/crypto/ed25519.ts runs steps 1-4 before calling it, exactly as in Node,
//   so the strict rule is the same in both builds (test/client-platform.test.ts and the
//   browser test run the Wycheproof and CCTV vectors through this file).
//
// Everything that signs or makes keys throws: the client build only verifies.
import * as ed from '@noble/ed25519';
import { p256, p384, p521 } from '@noble/curves/nist.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { Buffer } from './buffer.ts';
import {
  TAG_BIT_STRING,
  TAG_INTEGER,
  TAG_OID,
  TAG_SEQUENCE,
  hexOf,
  readOnly,
  readSequence,
  unsignedInteger,
} from './der.ts';
import { type RsaPublicKey, verifyRsaPkcs1v15 } from './rsa.ts';

type HashName = 'sha256' | 'sha384' | 'sha512';
const HASHES = { sha256, sha384, sha512 } as const;

/** OIDs by their DER content (RFC 5480 §2.1.1, RFC 8410 §3, RFC 8017 §A.1). */
const OID_EC_PUBLIC_KEY = '2a8648ce3d0201';
const OID_ED25519 = '2b6570';
const OID_RSA = '2a864886f70d010101';
const CURVES: Readonly<Record<string, { name: string; ecdsa: typeof p256 }>> = {
  '2a8648ce3d030107': { name: 'prime256v1', ecdsa: p256 },
  '2b81040022': { name: 'secp384r1', ecdsa: p384 },
  '2b81040023': { name: 'secp521r1', ecdsa: p521 },
};

/** L, the order of the Ed25519 prime-order subgroup (RFC 8032 §5.1). */
const ED25519_L = 2n ** 252n + 27742317777372353535851937790883648493n;

class Hash {
  private readonly state: ReturnType<(typeof HASHES)[HashName]['create']>;
  constructor(name: HashName) {
    this.state = HASHES[name].create();
  }
  update(data: string | Uint8Array, encoding?: 'utf8' | 'utf-8' | 'hex' | 'base64' | 'latin1'): this {
    this.state.update(typeof data === 'string' ? Buffer.from(data, encoding ?? 'utf8') : data);
    return this;
  }
  digest(): Buffer;
  digest(encoding: 'hex' | 'base64'): string;
  digest(encoding?: 'hex' | 'base64'): Buffer | string {
    const out = Buffer.from(this.state.digest());
    return encoding ? out.toString(encoding) : out;
  }
}

export function createHash(algorithm: string): Hash {
  return new Hash(hashName(algorithm));
}

export interface AsymmetricKeyDetails {
  namedCurve?: string;
  modulusLength?: number;
  publicExponent?: bigint;
}

/** The subset of Node's public KeyObject that the verifier and @sigstore/* read. */
export class KeyObject {
  readonly type = 'public';
  readonly asymmetricKeyType: 'ec' | 'ed25519' | 'rsa';
  readonly asymmetricKeyDetails: AsymmetricKeyDetails;
  /** EC: the SEC 1 point; Ed25519: the 32-byte key. */
  readonly point: Uint8Array;
  readonly rsa: RsaPublicKey | undefined;
  readonly curve: string | undefined;
  private readonly spki: Uint8Array;

  constructor(
    spki: Uint8Array,
    type: KeyObject['asymmetricKeyType'],
    details: AsymmetricKeyDetails,
    point: Uint8Array,
    rsa?: RsaPublicKey,
    curve?: string,
  ) {
    this.spki = spki;
    this.asymmetricKeyType = type;
    this.asymmetricKeyDetails = details;
    this.point = point;
    this.rsa = rsa;
    this.curve = curve;
  }

  // Typed as what callers may pass (the bundled @sigstore/* code is untyped JavaScript), so that the check stays.
  export(options?: { format?: string; type?: string }): Buffer {
    if (options?.format !== 'der' || options.type !== 'spki')
      throw new Error(`the browser build exports public keys as SPKI DER only`);
    return Buffer.from(this.spki);
  }
}

type KeyInput =
  string | Uint8Array | KeyObject | { key: string | Uint8Array; format?: 'pem' | 'der'; type?: 'spki' | 'pkcs1' };

export function createPublicKey(input: KeyInput): KeyObject {
  if (input instanceof KeyObject) return input;
  if (typeof input === 'string') return fromPem(input);
  if (input instanceof Uint8Array) return fromSpki(input);
  const { key, format, type } = input;
  if (key instanceof KeyObject) return key;
  if (typeof key === 'string' || format === 'pem')
    return fromPem(typeof key === 'string' ? key : new TextDecoder().decode(key));
  return type === 'pkcs1' ? fromPkcs1(key) : fromSpki(key);
}

export function verify(
  algorithm: string | null | undefined,
  data: Uint8Array,
  key: KeyInput,
  signature: Uint8Array,
): boolean {
  const k = createPublicKey(key);
  switch (k.asymmetricKeyType) {
    case 'ed25519':
      if (algorithm !== null && algorithm !== undefined) throw new Error('Ed25519 takes no digest algorithm');
      return verifyEd25519Cofactorless(signature, data, k.point);
    case 'ec': {
      // OpenSSL's default digest for EC keys is SHA-256, whatever the curve.
      const digest = HASHES[hashName(algorithm ?? 'sha256')](data);
      const curve = k.curve === undefined ? undefined : CURVES[k.curve];
      if (!curve) return false;
      try {
        return curve.ecdsa.verify(signature, digest, k.point, { prehash: false, lowS: false, format: 'der' });
      } catch {
        return false;
      }
    }
    case 'rsa': {
      const name = hashName(algorithm ?? 'sha256');
      if (!k.rsa) return false;
      return verifyRsaPkcs1v15(k.rsa, name, HASHES[name](data), signature);
    }
  }
}

/** Node throws when the lengths differ; so does this (callers rely on it). */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) throw new RangeError('Input buffers must have the same byte length');
  return sameBytes(a, b);
}

/** Equal lengths and bytes, in a time that depends on the length only. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  // b[i] is always present (the lengths are equal); were it not, the byte would count as different.
  a.forEach((x, i) => {
    diff |= x ^ (b[i] ?? 0x100);
  });
  return diff === 0;
}

// Signing and key generation: never in the client build. Exported only so that shared modules
// that also hold signing code (basics/crypto/ed25519-keys.ts) still link; calling them is a bug.
export function createPrivateKey(): never {
  throw unavailable('createPrivateKey');
}
export function generateKeyPairSync(): never {
  throw unavailable('generateKeyPairSync');
}
export function sign(): never {
  throw unavailable('sign');
}
export function randomBytes(): never {
  throw unavailable('randomBytes');
}

export default {
  createHash,
  createPublicKey,
  verify,
  timingSafeEqual,
  createPrivateKey,
  generateKeyPairSync,
  sign,
  randomBytes,
  KeyObject,
};

/**
 * spec/ED25519.md §2 step 5 as OpenSSL computes it (crypto/ec/curve25519.c,
 * ossl_ed25519_verify): S < L, A decoded, k = SHA-512(R || A || M) mod L, and the encoding
 * of [S]B - [k]A equal to R octet for octet. Cofactorless: no multiplication by 8.
 */
function verifyEd25519Cofactorless(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  try {
    const s = littleEndian(signature.subarray(32));
    if (s >= ED25519_L) return false;
    const a = ed.Point.fromBytes(publicKey, false);
    const k = littleEndian(sha512(concat(signature.subarray(0, 32), publicKey, message))) % ED25519_L;
    const r = ed.Point.BASE.multiply(s, false).subtract(a.multiply(k, false));
    return sameBytes(r.toBytes(), signature.subarray(0, 32));
  } catch {
    return false;
  }
}

function fromPem(pem: string): KeyObject {
  const m = /-----BEGIN (PUBLIC KEY|RSA PUBLIC KEY)-----([A-Za-z0-9+/=\s]+)-----END \1-----/.exec(pem);
  if (!m) throw new Error('the browser build reads "PUBLIC KEY" and "RSA PUBLIC KEY" PEM blocks only');
  const [, label, body = ''] = m;
  const der = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  return label === 'PUBLIC KEY' ? fromSpki(der) : fromPkcs1(der);
}

/** SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }. */
function fromSpki(der: Uint8Array): KeyObject {
  const spki = readSequence(readOnly(der, TAG_SEQUENCE).value);
  const [algorithmId, subjectPublicKey] = spki;
  if (spki.length !== 2 || algorithmId?.tag !== TAG_SEQUENCE || subjectPublicKey?.tag !== TAG_BIT_STRING)
    throw new Error('SPKI: expected SEQUENCE { AlgorithmIdentifier, BIT STRING }');
  const algorithm = readSequence(algorithmId.value);
  const [algorithmOid, parameters] = algorithm;
  if (algorithmOid?.tag !== TAG_OID) throw new Error('SPKI: expected an algorithm OID');
  const bits = subjectPublicKey.value;
  if (bits.length < 1 || bits[0] !== 0) throw new Error('SPKI: expected a BIT STRING with no unused bits');
  const key = bits.subarray(1);
  const oid = hexOf(algorithmOid.value);
  if (oid === OID_ED25519) {
    if (algorithm.length !== 1 || key.length !== 32) throw new Error('SPKI: malformed Ed25519 key');
    return new KeyObject(der, 'ed25519', {}, key);
  }
  if (oid === OID_EC_PUBLIC_KEY) {
    const curveOid = algorithm.length === 2 && parameters?.tag === TAG_OID ? hexOf(parameters.value) : '';
    const curve = CURVES[curveOid];
    if (!curve) throw new Error('SPKI: unsupported elliptic curve (P-256, P-384 and P-521 are supported)');
    curve.ecdsa.Point.fromBytes(key); // throws unless the point is on the curve
    return new KeyObject(der, 'ec', { namedCurve: curve.name }, key, undefined, curveOid);
  }
  if (oid === OID_RSA) return fromPkcs1(key, der);
  throw new Error(`SPKI: unsupported key algorithm (OID content ${oid})`);
}

/** RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 §A.1.1). */
function fromPkcs1(der: Uint8Array, spki?: Uint8Array): KeyObject {
  const fields = readSequence(readOnly(der, TAG_SEQUENCE).value);
  const [modulus, exponent] = fields;
  if (fields.length !== 2 || modulus?.tag !== TAG_INTEGER || exponent?.tag !== TAG_INTEGER)
    throw new Error('RSAPublicKey: expected SEQUENCE { INTEGER, INTEGER }');
  const n = unsignedInteger(modulus.value);
  const e = unsignedInteger(exponent.value);
  const bitLength = n.toString(2).length;
  if (bitLength < 2048 || e < 3n || e % 2n === 0n)
    throw new Error('RSAPublicKey: expected a modulus of at least 2048 bits and an odd exponent');
  const size = Math.ceil(bitLength / 8);
  return new KeyObject(spki ?? der, 'rsa', { modulusLength: bitLength, publicExponent: e }, new Uint8Array(0), {
    n,
    e,
    size,
  });
}

function hashName(algorithm: string): HashName {
  const name = algorithm.toLowerCase().replace(/^rsa-/, '').replace(/^sha-/, 'sha');
  if (name !== 'sha256' && name !== 'sha384' && name !== 'sha512')
    throw new Error(`Digest method not supported in the browser build: ${algorithm}`);
  return name;
}

function littleEndian(bytes: Uint8Array): bigint {
  let n = 0n;
  let shift = 0n;
  for (const b of bytes) {
    n |= BigInt(b) << shift;
    shift += 8n;
  }
  return n;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function unavailable(name: string): Error {
  return new Error(`crypto.${name} is not available in the countersign client build: it only verifies`);
}
