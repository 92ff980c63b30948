// A minimal DER reader (ITU-T X.690 §8, §10) for the browser build's key parsing: just enough
// to take apart a SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) and an RSAPublicKey (RFC 8017
// §A.1.1). Definite lengths only, minimal length encodings only; anything else throws.

export interface Tlv {
  tag: number;
  /** The value's bytes (a view into the input). */
  value: Uint8Array;
  /** Offset just past this element. */
  end: number;
}

export const TAG_INTEGER = 0x02;
export const TAG_BIT_STRING = 0x03;
export const TAG_NULL = 0x05;
export const TAG_OID = 0x06;
export const TAG_SEQUENCE = 0x30;

/** Reads one element at `offset`; throws if it is not well-formed DER or overruns `bytes`. */
export function readTlv(bytes: Uint8Array, offset: number, expectedTag?: number): Tlv {
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  if (tag === undefined || length === undefined) throw new Error('DER: truncated element');
  if ((tag & 0x1f) === 0x1f) throw new Error('DER: multi-byte tags are not supported');
  if (expectedTag !== undefined && tag !== expectedTag)
    throw new Error(`DER: expected tag 0x${expectedTag.toString(16)}, found 0x${tag.toString(16)}`);
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new Error('DER: indefinite or oversized length');
    if (start + count > bytes.length) throw new Error('DER: truncated length');
    const lengthBytes = bytes.subarray(start, start + count);
    length = lengthBytes.reduce((n, b) => n * 256 + b, 0);
    if (length < 0x80 || lengthBytes[0] === 0) throw new Error('DER: non-minimal length');
    start += count;
  }
  const end = start + length;
  if (end > bytes.length) throw new Error('DER: element overruns its container');
  return { tag, value: bytes.subarray(start, end), end };
}

/** The elements of a SEQUENCE's value, in order. */
export function readSequence(value: Uint8Array): Tlv[] {
  const out: Tlv[] = [];
  for (let offset = 0; offset < value.length;) {
    const tlv = readTlv(value, offset);
    out.push(tlv);
    offset = tlv.end;
  }
  return out;
}

/** Reads a whole DER document that must be exactly one element. */
export function readOnly(bytes: Uint8Array, expectedTag: number): Tlv {
  const tlv = readTlv(bytes, 0, expectedTag);
  if (tlv.end !== bytes.length) throw new Error('DER: trailing data');
  return tlv;
}

/** A non-negative INTEGER's value. */
export function unsignedInteger(value: Uint8Array): bigint {
  const first = value[0];
  if (first === undefined || (first & 0x80) !== 0) throw new Error('DER: expected a non-negative INTEGER');
  let n = 0n;
  for (const b of value) n = (n << 8n) | BigInt(b);
  return n;
}

export function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
