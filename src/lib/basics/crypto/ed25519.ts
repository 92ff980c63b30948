// Strict Ed25519 (RFC 8032 §5.1) for countersignatures: the one verification rule of the
// project, specified normatively in spec/ED25519.md ("the strict rule"). In short: exact
// lengths, S < L, canonical encodings of A and R, A and R not of small order, and the
// cofactorless equation [S]B = R + [k]A; the same acceptance set as libsodium's
// crypto_sign_verify_detached.
//
// Who checks what: steps 1-4 (lengths, S < L, strict decoding and small order of A and R)
// are ours, with @noble/ed25519's strict point decoding; step 5, the equation, is OpenSSL's
// (node:crypto), which is cofactorless. So every signature this project accepts is accepted by
// OpenSSL by construction (docs/design.md §4: no verifier differential between the gate and clients;
// "Taming the many EdDSAs", Chalkias et al. 2020; C2SP CCTV). Until issue #7 noble's strict
// verify (cofactored) ran as well; it is implied by steps 1-4 plus OpenSSL's cofactorless
// equation (spec/ED25519.md §4 has the argument), so it only cost time: it made the rule 16x
// slower than OpenSSL and added ~30 ms to every CLI start (its base-point table).
import * as ed from '@noble/ed25519';
import { createHash, createPublicKey, verify as opensslVerify } from 'node:crypto';
import { InputError } from '../errors/errors.ts';

// noble v3 needs a synchronous SHA-512 wired in before sign()/verify() (its README).
// OpenSSL's SHA-512 (FIPS 180-4) rather than @noble/hashes: faster, and one module less to
// load at every CLI start (issue #7); noble uses it only to sign (verification is OpenSSL's).
ed.hashes.sha512 = (message) => {
  const digest = createHash('sha512').update(message).digest();
  const out = new Uint8Array(new ArrayBuffer(digest.length));
  out.set(digest);
  return out;
};

export const ED25519_PUBLIC_KEY_LENGTH = 32;
export const ED25519_SIGNATURE_LENGTH = 64;
export const ED25519_SEED_LENGTH = 32;

/** L, the order of the prime-order subgroup (RFC 8032 §5.1). */
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

/**
 * SubjectPublicKeyInfo prefix for Ed25519 (RFC 8410 §4): what OpenSSL needs around the raw key.
 * SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING (0 unused bits, 32 bytes) }.
 */
export const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * The strict rule of spec/ED25519.md §2. Returns true only if every step passes; any
 * malformed input returns false (never throws), so callers fail closed on a single boolean.
 */
export function verifyEd25519Strict(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  // Step 1: exact lengths (RFC 8032 §5.1.7 step 1 decodes exactly 64 and 32 octets).
  // Defence in depth (spec/ED25519.md §2: the conjunction is the point): OpenSSL, step 5,
  // refuses wrong lengths and S >= L again, so mutation testing cannot see steps 1 and 2 from
  // outside; isReducedScalar is tested on its own, and the lengths by the vectors.
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, OpenSSL refuses a 63- or 65-byte signature too
  if (!isBytes(signature) || signature.length !== ED25519_SIGNATURE_LENGTH) return false;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, createPublicKey refuses a key of another length too
  if (!isBytes(publicKey) || publicKey.length !== ED25519_PUBLIC_KEY_LENGTH) return false;
  if (!isBytes(message)) return false;
  try {
    // Step 2: S must be canonical, 0 <= S < L (RFC 8032 §5.1.7 step 1; Wycheproof
    // SignatureMalleability): otherwise S + L is a second valid signature.
    // Stryker disable next-line ConditionalExpression: equivalent, OpenSSL refuses S >= L too
    if (!isReducedScalar(signature.subarray(32))) return false;
    // Steps 3 and 4: A and R decode strictly (y < p, and no x = 0 with the sign bit set;
    // RFC 8032 §5.1.3) and are not of small order ([8]P != identity). Small-order A lets one
    // signature verify for many messages; small-order R lets a signer craft signatures that
    // cofactored and cofactorless verifiers judge differently (CCTV low_order_* flags).
    // Under Node, OpenSSL 3 refuses every small-order A and R case of the CCTV vectors too
    // (mutation testing shows it); these checks are ours so that the rule holds whatever the
    // OpenSSL build, and in the browser build, whose verifier re-implements OpenSSL's equation
    // (src/lib/platform/node-crypto.ts).
    // Stryker disable next-line ConditionalExpression: equivalent under Node's OpenSSL (see above)
    if (!isStrictNonSmallOrderPoint(publicKey)) return false;
    // Stryker disable next-line ConditionalExpression: equivalent under Node's OpenSSL (see above)
    if (!isStrictNonSmallOrderPoint(signature.subarray(0, 32))) return false;
    // Step 5: OpenSSL, cofactorless: it recomputes R' = [S]B - [k]A, with k hashed from the
    // received R_enc || A_enc || M, and compares the encoding of R' with R_enc byte for byte.
    // Whatever OpenSSL rejects, we reject.
    const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
    return opensslVerify(null, message, key, signature);
  } catch {
    // A fail-closed guard for an OpenSSL that throws (say, one built without Ed25519) or an
    // input whose reading throws (test/lib/basics/crypto/ed25519-fail-closed.test.ts).
    return false;
  }
}

/**
 * Signs `message` with the 32-byte RFC 8032 private key (the seed). Deterministic (RFC 8032
 * §5.1.6). The signature is checked with verifyEd25519Strict before it is returned, so this
 * project never emits a countersignature its own verifiers (or OpenSSL) would reject.
 */
export function signEd25519(message: Uint8Array, privateKey: Uint8Array): Uint8Array {
  if (!isBytes(privateKey) || privateKey.length !== ED25519_SEED_LENGTH) {
    throw new InputError(
      'ed25519-private-key',
      `Ed25519 private key: expected a ${ED25519_SEED_LENGTH}-byte seed, found ${describeLength(privateKey)}`,
    );
  }
  if (!isBytes(message)) throw new InputError('ed25519-message', 'Ed25519 message: expected bytes');
  const signature = ed.sign(message, privateKey);
  const publicKey = ed.getPublicKey(privateKey);
  if (!verifyEd25519Strict(signature, message, publicKey)) {
    // Unreachable with a correct implementation; fail closed rather than emit it (a fault or
    // a mis-wired hash would show up here).
    throw new Error('Ed25519: the signature just made does not pass strict verification');
  }
  return signature;
}

/** The raw public key of a 32-byte seed (RFC 8032 §5.1.5). */
export function ed25519PublicKeyOf(privateKey: Uint8Array): Uint8Array {
  if (!isBytes(privateKey) || privateKey.length !== ED25519_SEED_LENGTH) {
    throw new InputError(
      'ed25519-private-key',
      `Ed25519 private key: expected a ${ED25519_SEED_LENGTH}-byte seed, found ${describeLength(privateKey)}`,
    );
  }
  return ed.getPublicKey(privateKey);
}

/**
 * True if `encoding` is a canonical RFC 8032 point encoding (y < p, not x = 0 with the sign
 * bit set, on the curve) of a point that is not of small order. Used for A and R, and by the
 * key parsers to refuse public keys that could never verify.
 */
export function isStrictNonSmallOrderPoint(encoding: Uint8Array): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, Point.fromBytes throws on any other length (caught below)
  if (!isBytes(encoding) || encoding.length !== 32) return false;
  try {
    return !ed.Point.fromBytes(encoding, false).isSmallOrder();
  } catch {
    return false;
  }
}

/**
 * Stricter than the verification rule, for key files only (spec/ED25519.md §6): a canonical
 * encoding of a point of order exactly L (neither small-order nor mixed-order). Every key an
 * honest RFC 8032 key generation produces passes.
 */
export function isPrimeOrderPoint(encoding: Uint8Array): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, Point.fromBytes throws on any other length (caught below)
  if (!isBytes(encoding) || encoding.length !== 32) return false;
  try {
    // Stryker disable next-line BooleanLiteral: equivalent, no non-canonical encoding decodes to a point of order L (all 38 are tried in bundle-edges E33)
    const point = ed.Point.fromBytes(encoding, false);
    return !point.is0() && point.isTorsionFree();
  } catch {
    return false;
  }
}

/** True if the 32-byte little-endian scalar is below L (the canonical S of RFC 8032 §5.1.7). */
export function isReducedScalar(scalar: Uint8Array): boolean {
  return isBytes(scalar) && scalar.length === 32 && BigInt(`0x${Buffer.from(scalar).reverse().toString('hex')}`) < L;
}

function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

function describeLength(value: unknown): string {
  return isBytes(value) ? `${value.length} bytes` : typeof value;
}
