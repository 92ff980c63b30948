// The browser build's `Buffer` (scripts/build.ts injects it wherever the verifier's code or
// its @sigstore/* dependencies name `Buffer`; nothing is added to the page's globals). Only
// what the verification path uses, with Node's semantics where a verdict could depend on
// them: base64 and hex decode as leniently as Node's (verify-primary.ts compares a decode
// and re-encode to refuse non-canonical base64, so a stricter decoder here would judge a
// bundle differently from the CLI), `slice` is a view as in Node, and `from(Uint8Array)`
// copies. test/client-platform.test.ts checks it against Node's Buffer.

type Encoding = 'utf8' | 'utf-8' | 'base64' | 'base64url' | 'hex' | 'ascii' | 'latin1' | 'binary';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Both alphabets decode, as in Node (RFC 4648 §4 and §5). -1: skipped, -2: '=' ends the data. */
const B64_VALUES = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) {
    table[B64.charCodeAt(i)] = i;
    table[B64URL.charCodeAt(i)] = i;
  }
  table['='.charCodeAt(0)] = -2;
  return table;
})();

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8');

export class Buffer extends Uint8Array {
  // Node's signature, spelled with `unknown` so that it stays compatible with Uint8Array.from's.
  static override from(value: unknown, encodingOrOffset?: unknown, length?: unknown): Buffer {
    if (typeof value === 'string') return fromString(value, (encodingOrOffset as Encoding | undefined) ?? 'utf8');
    // Node: an ArrayBuffer is shared (a view); an array, typed array or iterable is copied.
    if (value instanceof ArrayBuffer) {
      const offset = (encodingOrOffset as number | undefined) ?? 0;
      return new Buffer(value, offset, (length as number | undefined) ?? value.byteLength - offset);
    }
    return new Buffer(value as ArrayLike<number>);
  }

  static alloc(size: number, fill?: number): Buffer {
    const b = new Buffer(size);
    if (fill !== undefined) b.fill(fill);
    return b;
  }

  static allocUnsafe(size: number): Buffer {
    return new Buffer(size);
  }

  static isBuffer(value: unknown): value is Buffer {
    return value instanceof Buffer;
  }

  static byteLength(value: string | ArrayBufferView | ArrayBuffer, encoding: Encoding = 'utf8'): number {
    if (typeof value === 'string') return fromString(value, encoding).length;
    return value.byteLength;
  }

  static concat(list: readonly Uint8Array[], totalLength?: number): Buffer {
    const total = totalLength ?? list.reduce((n, b) => n + b.length, 0);
    const out = new Buffer(total);
    let offset = 0;
    for (const b of list) {
      if (offset >= total) break;
      const part = b.subarray(0, total - offset);
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }

  static compare(a: Uint8Array, b: Uint8Array): number {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const x = a[i] ?? 0;
      const y = b[i] ?? 0;
      if (x !== y) return x < y ? -1 : 1;
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  }

  equals(other: Uint8Array): boolean {
    return Buffer.compare(this, other) === 0;
  }

  compare(other: Uint8Array): number {
    return Buffer.compare(this, other);
  }

  copy(target: Uint8Array, targetStart = 0, sourceStart = 0, sourceEnd = this.length): number {
    const part = this.subarray(sourceStart, Math.min(sourceEnd, sourceStart + (target.length - targetStart)));
    target.set(part, targetStart);
    return part.length;
  }

  /** A view, as Node's Buffer#slice (not a copy like Uint8Array#slice). */
  override slice(start?: number, end?: number): Buffer {
    const view = this.subarray(start, end);
    return new Buffer(view.buffer, view.byteOffset, view.length);
  }

  override toString(encoding: Encoding = 'utf8', start = 0, end = this.length): string {
    const bytes = this.subarray(start, end);
    switch (encoding) {
      case 'utf8':
      case 'utf-8':
        return utf8Decoder.decode(bytes);
      case 'base64':
        return toBase64(bytes, B64, true);
      case 'base64url':
        return toBase64(bytes, B64URL, false);
      case 'hex':
        return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
      case 'ascii':
        return latin1(bytes, 0x7f);
      case 'latin1':
      case 'binary':
        return latin1(bytes, 0xff);
      default:
        throw new TypeError(`Unknown encoding: ${String(encoding)}`);
    }
  }

  /** A signed 64-bit big-endian integer (the SCT timestamp, RFC 6962 §3.2). */
  readBigInt64BE(offset = 0): bigint {
    if (offset < 0 || offset + 8 > this.length)
      throw new RangeError(`readBigInt64BE: offset ${offset} is out of range`);
    return new DataView(this.buffer, this.byteOffset, this.byteLength).getBigInt64(offset, false);
  }

  toJSON(): { type: 'Buffer'; data: number[] } {
    return { type: 'Buffer', data: Array.from(this) };
  }
}

function fromString(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
    case 'utf-8':
      return Buffer.from(utf8Encoder.encode(text));
    case 'base64':
    case 'base64url':
      return fromBase64(text);
    case 'hex':
      return fromHex(text);
    case 'ascii':
    case 'latin1':
    case 'binary': {
      const out = new Buffer(text.length);
      for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
      return out;
    }
    default:
      throw new TypeError(`Unknown encoding: ${String(encoding)}`);
  }
}

/** Node's lenient decoding: characters outside both alphabets are skipped; the first '=' ends the data. */
function fromBase64(text: string): Buffer {
  // The platform's decoder first (native: a payload is megabytes). Where atob accepts the text
  // (the standard alphabet, ASCII whitespace, '=' only at the end of a whole quantum) it decodes
  // it as Node does; anything else (URL-safe letters, stray characters, '=' inside) throws and
  // takes the lenient path below.
  let binary: string | undefined;
  try {
    binary = atob(text);
  } catch {
    binary = undefined;
  }
  if (binary !== undefined) {
    const bytes = new Buffer(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  // One pass into an array of the largest size (no list of sextets).
  const out = new Buffer(Math.floor((text.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const v = B64_VALUES[text.charCodeAt(i)] ?? -1;
    if (v === -2) break;
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  if (j === out.length) return out;
  // A buffer of its own, as Node's (not a view of a larger one).
  const exact = new Buffer(j);
  exact.set(out.subarray(0, j));
  return exact;
}

/** Node's hex decoding: pairs up to the first pair that is not two hex digits. */
function fromHex(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i + 1 < text.length; i += 2) {
    const pair = text.slice(i, i + 2);
    if (!/^[0-9a-fA-F]{2}$/.test(pair)) break;
    bytes.push(parseInt(pair, 16));
  }
  return Buffer.from(bytes);
}

// Native btoa over latin1 text, a chunk of whole 3-byte groups at a time (each chunk encodes
// without padding, so the pieces join into the encoding of the whole): a character-by-character
// encoder took about 0.3 s for the 4 MiB payload that verify-primary.ts re-encodes to check its
// canonical spelling, a third of the browser build's time to reject an unsigned bundle at the cap.
const BASE64_CHUNK = 3 * 8192;

function toBase64(bytes: Uint8Array, alphabet: string, pad: boolean): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += BASE64_CHUNK) out += btoa(latin1(bytes.subarray(i, i + BASE64_CHUNK), 0xff));
  if (alphabet !== B64) out = out.replaceAll('+', '-').replaceAll('/', '_');
  return pad ? out : out.replace(/=+$/, '');
}

function latin1(bytes: Uint8Array, mask: number): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    // apply takes the typed array as an array-like (a spread would walk its iterator, 5x slower);
    // only ASCII needs the copy that masks.
    out += String.fromCharCode.apply(null, (mask === 0xff ? chunk : chunk.map((b) => b & mask)) as unknown as number[]);
  }
  return out;
}
