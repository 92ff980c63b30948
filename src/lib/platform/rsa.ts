// RSASSA-PKCS1-v1_5 verification (RFC 8017 §8.2.2) for the browser build, with BigInt
// arithmetic: Sigstore trusted roots may pin RSA keys (PublicKeyDetails PKIX_RSA_PKCS1V15_*),
// and @sigstore/verify's API is synchronous, so WebCrypto's asynchronous verify cannot be
// used. Verification only: no secret is involved, so variable time is fine.

/** DER of DigestInfo up to the digest (RFC 8017 §9.2, note 1). */
const DIGEST_INFO_PREFIX: Readonly<Record<string, string>> = {
  sha256: '3031300d060960864801650304020105000420',
  sha384: '3041300d060960864801650304020205000430',
  sha512: '3051300d060960864801650304020305000440',
};

export interface RsaPublicKey {
  n: bigint;
  e: bigint;
  /** Modulus length in bytes (k in RFC 8017). */
  size: number;
}

export function verifyRsaPkcs1v15(
  key: RsaPublicKey,
  hashName: string,
  digest: Uint8Array,
  signature: Uint8Array,
): boolean {
  const prefix = DIGEST_INFO_PREFIX[hashName];
  if (!prefix) return false;
  // §8.2.2 step 1: the signature is exactly k bytes; step 2: s < n.
  if (signature.length !== key.size) return false;
  const s = toBigInt(signature);
  if (s >= key.n) return false;
  const em = toBytes(modPow(s, key.e, key.n), key.size);
  // Step 3 and §9.2: EM' = 0x00 || 0x01 || PS (0xff..., at least 8) || 0x00 || DigestInfo; compare whole.
  const t = hexToBytes(prefix + Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''));
  if (key.size < t.length + 11) return false;
  const expected = new Uint8Array(key.size).fill(0xff);
  expected[0] = 0x00;
  expected[1] = 0x01;
  expected[key.size - t.length - 1] = 0x00;
  expected.set(t, key.size - t.length);
  return em.length === expected.length && expected.every((byte, i) => byte === em[i]);
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

function toBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

function toBytes(n: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = size - 1, v = n; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}
