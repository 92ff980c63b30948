// Strict JSON for signed and pinned documents (docs/design.md §3: "no duplicate JSON keys in signed
// documents"). JSON.parse silently keeps the last of two equal keys while other parsers keep
// the first: a classic parser differential. So before JSON.parse builds the value, one linear
// scan checks the whole text against RFC 8259 plus our rules:
//   - size cap (bytes) and nesting-depth cap, checked before any work that could blow up;
//   - key-length cap (256 bytes by default) and, where a document asks for them, caps on the
//     length of strings and arrays (stopped while scanning, before JSON.parse builds them): keys
//     past 16 383 characters all hash alike in V8, so sets and maps of them (the
//     duplicate-key check, JSON.parse's objects, any index keyed by them) turn quadratic
//     (spec/ATTACKS.md, issue 13 F2); no document of this project has a key over 40 bytes;
//   - no duplicate keys in any object (compared after unescaping: "a" and "\u0061" collide);
//   - no lone UTF-16 surrogates in strings (they do not round-trip through UTF-8);
//   - numbers must be exactly representable: integers within ±(2^53-1), since a verifier in
//     another language would read 2^53+1 differently.
import { StrictJsonError } from '../errors/errors.ts';
import type { StrictJsonCode } from '../errors/codes.ts';

export interface StrictJsonLimits {
  /** Maximum size of the document in bytes. */
  maxBytes: number;
  /** Maximum nesting depth of arrays and objects. */
  maxDepth: number;
  /**
   * For documents whose numbers are all integers: an integer value must be written as an
   * integer literal. JSON.parse reads `1.0` or `1e0` as the integer 1, a typed reader (Go
   * int, serde u64) rejects it and Python reads a float: a parser differential (ATTACKS.md).
   */
  integersOnly?: boolean;
  /** Maximum UTF-8 bytes of a key, decoded (default MAX_KEY_BYTES). */
  maxKeyBytes?: number;
  /** Maximum UTF-8 bytes of a string value, decoded (default: only the size cap). */
  maxStringBytes?: number;
  /** Maximum items of any one array (default: only the size cap). */
  maxArrayItems?: number;
}

/** The key-length cap of every strict JSON document (spec/FORMAT.md §2): the longest key of any format here is 27 bytes. */
export const MAX_KEY_BYTES = 256;

export const DEFAULT_JSON_LIMITS: StrictJsonLimits = { maxBytes: 16 * 1024 * 1024, maxDepth: 64 };

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
/** What the string loop must look at: an escape, a control character or a UTF-16 surrogate (code units: no `u` flag). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const SPECIAL_IN_STRING = /[\\\u0000-\u001f\ud800-\udfff]/;

/**
 * Parses `input` (bytes or text) as strict JSON. `what` names the input in error messages
 * (for example "bundle.json"). Throws StrictJsonError with a code and the byte offset.
 */
export function parseStrictJson(
  input: Uint8Array | string,
  what: string,
  limits: StrictJsonLimits = DEFAULT_JSON_LIMITS,
): unknown {
  const size = Buffer.byteLength(input); // UTF-8 bytes of a string, byteLength of bytes
  if (size > limits.maxBytes) {
    throw new StrictJsonError('too-large', `${what}: ${size} bytes is over the limit of ${limits.maxBytes} bytes`);
  }
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
    } catch {
      throw new StrictJsonError('malformed-json', `${what}: not valid UTF-8`);
    }
  }
  new Scanner(text, what, limits).document();
  return JSON.parse(text);
}

class Scanner {
  private pos = 0;
  private readonly text: string;
  private readonly what: string;
  private readonly maxDepth: number;
  private readonly integersOnly: boolean;
  private readonly maxKeyBytes: number;
  private readonly maxStringBytes: number;
  private readonly maxArrayItems: number;

  constructor(text: string, what: string, limits: StrictJsonLimits) {
    this.text = text;
    this.what = what;
    this.maxDepth = limits.maxDepth;
    this.integersOnly = limits.integersOnly === true;
    this.maxKeyBytes = limits.maxKeyBytes ?? MAX_KEY_BYTES;
    this.maxStringBytes = limits.maxStringBytes ?? Infinity;
    this.maxArrayItems = limits.maxArrayItems ?? Infinity;
  }

  document(): void {
    this.ws();
    this.value(0);
    this.ws();
    if (this.pos !== this.text.length) this.fail('malformed-json', 'unexpected data after the JSON value');
  }

  private fail(code: StrictJsonCode, message: string): never {
    throw new StrictJsonError(code, `${this.what}: ${message} at offset ${this.pos}`);
  }

  private ws(): void {
    // Past the end charCodeAt is NaN, which is not whitespace: the loop stops there.
    while (WS.has(this.text.charCodeAt(this.pos))) this.pos++;
  }

  private value(depth: number): void {
    const c = this.text[this.pos];
    if (c === '{') {
      this.object(depth + 1);
      return;
    }
    if (c === '[') {
      this.array(depth + 1);
      return;
    }
    if (c === '"') {
      this.string(this.maxStringBytes, 'string-too-long', 'string');
      return;
    }
    const code = this.text.charCodeAt(this.pos); // NaN at the end: no comparison holds
    if (code === 0x2d || (code >= 0x30 && code <= 0x39)) {
      this.number(); // '-' or '0'-'9'
      return;
    }
    for (const lit of ['true', 'false', 'null']) {
      if (this.text.startsWith(lit, this.pos)) {
        this.pos += lit.length;
        return;
      }
    }
    this.fail(
      'malformed-json',
      c === undefined ? 'unexpected end of input' : `unexpected character ${JSON.stringify(c)}`,
    );
  }

  /** Past the opening bracket; true (and past `close` too) when the object or array is empty. */
  private enter(depth: number, close: '}' | ']'): boolean {
    if (depth > this.maxDepth) this.fail('too-deep', `nesting deeper than ${this.maxDepth} levels`);
    this.pos++;
    this.ws();
    if (this.text[this.pos] !== close) return false;
    this.pos++;
    return true;
  }

  /** After a member or an element: true past `close`, false past the ',' before the next one. */
  private closes(close: '}' | ']'): boolean {
    this.ws();
    const c = this.text[this.pos++];
    if (c === close) return true;
    if (c !== ',') this.fail('malformed-json', `expected ',' or '${close}'`);
    this.ws();
    return false;
  }

  private object(depth: number): void {
    const keys = new Set<string>();
    if (this.enter(depth, '}')) return;
    for (;;) {
      if (this.text[this.pos] !== '"') this.fail('malformed-json', 'expected a string key');
      const keyStart = this.pos;
      const key = this.string(this.maxKeyBytes, 'key-too-long', 'key');
      if (keys.has(key)) {
        this.pos = keyStart;
        this.fail('duplicate-key', `duplicate key ${JSON.stringify(key)}`);
      }
      keys.add(key);
      this.ws();
      if (this.text[this.pos] !== ':') this.fail('malformed-json', "expected ':'");
      this.pos++;
      this.ws();
      this.value(depth);
      if (this.closes('}')) return;
    }
  }

  private array(depth: number): void {
    if (this.enter(depth, ']')) return;
    for (let items = 1; ; items++) {
      if (items > this.maxArrayItems) this.fail('too-many-items', `an array of more than ${this.maxArrayItems} items`);
      this.value(depth);
      if (this.closes(']')) return;
    }
  }

  /** Scans a string token and returns its decoded value, at most `maxBytes` UTF-8 bytes (else `tooLongCode`). */
  private string(maxBytes: number, tooLongCode: StrictJsonCode, noun: string): string {
    const start = this.pos;
    this.pos++;
    // Most strings (base64 payloads of megabytes among them) hold no escape, control character
    // or surrogate up to their closing quote: two native scans (indexOf, one regular expression)
    // find that at once. Anything else takes the loop below from the start, which decides
    // exactly as before (the same value, the same error at the same position).
    const close = this.text.indexOf('"', this.pos);
    // Stryker disable next-line EqualityOperator,ConditionalExpression,BlockStatement: equivalent, the fast path only (close is never 0; without it every string takes the loop, which decides the same); `true` is killed by the unterminated-string tests
    if (close >= 0 && !SPECIAL_IN_STRING.test(this.text.slice(this.pos, close))) {
      this.pos = close + 1;
      return this.checkedLength(this.text.slice(start + 1, close), start, maxBytes, tooLongCode, noun);
    }
    // Here the string holds an escape, a control character or a surrogate before its first
    // quote (or has none): the loop fails on what is not allowed, and a string it accepts is
    // decoded by JSON.parse (its escapes) and checked for lone surrogates.
    for (;;) {
      const code = this.text.charCodeAt(this.pos);
      if (Number.isNaN(code)) this.fail('malformed-json', 'unterminated string');
      if (code === 0x22) break;
      if (code < 0x20) this.fail('malformed-json', 'control character in string');
      if (code === 0x5c) {
        const e = this.text[this.pos + 1];
        // Stryker disable next-line ConditionalExpression: equivalent, includes(undefined) looks for "undefined" (false); the test narrows the type
        const oneCharacterEscape = e !== undefined && '"\\/bfnrt'.includes(e);
        if (e === 'u') {
          // The slice is at most 4 characters: four hex digits must be all of it (no anchors needed).
          if (!/[0-9a-fA-F]{4}/.test(this.text.slice(this.pos + 2, this.pos + 6)))
            this.fail('malformed-json', 'bad \\u escape');
          this.pos += 6;
        } else if (oneCharacterEscape) {
          this.pos += 2;
        } else {
          this.fail('malformed-json', 'bad escape in string');
        }
        continue;
      }
      this.pos++;
    }
    this.pos++;
    const decoded = JSON.parse(this.text.slice(start, this.pos)) as string;
    if (!decoded.isWellFormed()) {
      this.pos = start;
      this.fail('malformed-json', 'lone UTF-16 surrogate in string');
    }
    return this.checkedLength(decoded, start, maxBytes, tooLongCode, noun);
  }

  /** `decoded` (the string token at `start`) if at most `maxBytes` UTF-8 bytes; else fails with `tooLongCode`. */
  private checkedLength(
    decoded: string,
    start: number,
    maxBytes: number,
    tooLongCode: StrictJsonCode,
    noun: string,
  ): string {
    // A UTF-16 code unit is at most 3 UTF-8 bytes: only a long string needs counting.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a shortcut only: counting more strings (true, or >= at length * 3 = maxBytes, where bytes <= maxBytes) finds none over the limit
    if (decoded.length * 3 > maxBytes) {
      const bytes = Buffer.byteLength(decoded);
      if (bytes > maxBytes) {
        this.pos = start;
        this.fail(
          tooLongCode,
          `${noun} of ${bytes} bytes is over the limit of ${maxBytes} bytes (it starts ${JSON.stringify(decoded.slice(0, 20))})`,
        );
      }
    }
    return decoded;
  }

  private number(): void {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!m) this.fail('malformed-json', 'bad number');
    const n = Number(m[0]);
    if (!Number.isFinite(n)) this.fail('number-out-of-range', `number ${m[0].slice(0, 40)} is not finite`);
    // A non-integer (1.5) is left to the field's own type check; an integer value spelled
    // with a fraction or exponent (1.0, 1e0) is what readers disagree on.
    if (this.integersOnly && (m[2] || m[3]) && Number.isInteger(n)) {
      this.fail(
        'number-out-of-range',
        `number ${m[0].slice(0, 40)} is an integer spelled with a fraction or exponent (integers only here)`,
      );
    }
    if (!m[2] && !m[3] && !Number.isSafeInteger(n)) {
      this.fail('number-out-of-range', `integer ${m[0].slice(0, 40)} is outside ±(2^53-1)`);
    }
    this.pos += m[0].length;
  }
}
