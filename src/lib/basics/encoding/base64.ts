// Standard base64 (RFC 4648 §4) with padding, in its one canonical spelling: the alphabet and
// `=` padding only (no whitespace, no URL-safe letters, no stray character, which Node's
// Buffer and protobuf readers skip), and zero padding bits ("QQ==", never "QR=="). Bytes that
// a signature or a digest binds must have exactly one spelling: two spellings of the same
// bytes are a parser differential (docs/design.md §2). The one decoder of signed base64 text:
// JSON fields (json/shape.ts), the primary bundle's bytes fields and its Rekor checkpoint,
// signed notes, PEM bodies and a rotation's new policy.

const PADDED = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** True when `text` is standard padded base64 (the alphabet, length and padding; not yet the padding bits). */
export function isPaddedBase64(text: string): boolean {
  return PADDED.test(text);
}

/** The bytes of canonical padded base64; undefined for any other text (decoded in no other way). */
export function decodeCanonicalBase64(text: string): Uint8Array | undefined {
  // Decoded leniently, then re-encoded: only canonical padded base64 re-encodes as itself (the
  // encoder writes nothing else), so a stray or URL-safe character, missing padding or non-zero
  // padding bits ("QR==" decodes like "QQ==", and re-encodes as "QQ==") all differ. Two native
  // passes: a regular expression over a megabytes-long payload first cost more than both.
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : undefined;
}
