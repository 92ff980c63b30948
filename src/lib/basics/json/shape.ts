// The one set of fail-closed shape checks for parsed JSON: an object must have exactly the
// allowed keys (unknown fields are rejected, docs/design.md §3; a key is present only as the
// object's own property, never an inherited name like `constructor`), and each field its type.
// Errors name the document and the JSON path (with a line locator, also the line: the policy's
// `policy.json:14: countersigners[0].keyId: …`, docs/design.md §8), and say what was expected
// and what was found, in the words of `describe`.
import { InputError } from '../errors/errors.ts';
import type { InputCode } from '../errors/codes.ts';
import { decodeCanonicalBase64, isPaddedBase64 } from '../encoding/base64.ts';
import { childPath, type JsonLines } from './lines.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface ShapeOptions<C extends InputCode> {
  /** The lines of the source text: messages then say `<what>:<line>:` (the policy). */
  lines?: JsonLines;
  /** Builds the error (default InputError; the policy's is PolicyError). */
  error?: (code: C, message: string) => Error;
}

export class Shape<C extends InputCode = InputCode> {
  readonly what: string;
  readonly code: C;
  readonly unknownFieldCode: C;
  private readonly lines: JsonLines | undefined;
  private readonly error: (code: C, message: string) => Error;

  /**
   * `what` names the document (a file name); `code` is the error code for every failure,
   * `unknownFieldCode` the one for an unknown field when that has its own (the statement's,
   * the policy's).
   */
  constructor(
    what: string,
    code: NoInfer<C>,
    unknownFieldCode: NoInfer<C> = code,
    options: ShapeOptions<NoInfer<C>> = {},
  ) {
    this.what = what;
    this.code = code;
    this.unknownFieldCode = unknownFieldCode;
    this.lines = options.lines;
    this.error = options.error ?? ((c, message) => new InputError(c, message));
  }

  fail(path: string, message: string): never {
    this.failWith(this.code, path, message);
  }

  /**
   * Fails with a code of its own (the document's semantic checks). With a line locator, the
   * line is the value's at `path`, or with `atKey` the line of the key that names it.
   */
  failWith(code: C, path: string, message: string, atKey = false): never {
    const where = this.lines
      ? `${this.what}:${atKey ? this.lines.keyLine(path) : this.lines.valueLine(path)}`
      : this.what;
    throw this.error(code, `${where}: ${path === '' ? '' : `${path}: `}${message}`);
  }

  /**
   * An object with exactly the `required` keys plus any of the `optional` ones. An unknown
   * field is named in the object (`unknown field "x"`), or, with a line locator, at its own
   * key's line with the fields expected.
   */
  object(
    value: unknown,
    path: string,
    required: readonly string[],
    optional: readonly string[] = [],
  ): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, `expected an object, found ${describe(value)}`);
    }
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (required.includes(key) || optional.includes(key)) continue;
      if (this.lines)
        this.failWith(
          this.unknownFieldCode,
          childPath(path, key),
          `unknown field (expected only: ${[...required, ...optional].join(', ')})`,
          true,
        );
      this.failWith(this.unknownFieldCode, path, `unknown field ${JSON.stringify(key)}`);
    }
    for (const key of required) {
      if (!Object.hasOwn(obj, key)) this.fail(path, `missing field ${JSON.stringify(key)}`);
    }
    return obj;
  }

  /** A string of at most `maxLength` characters matching `pattern` (a format of the document). */
  string(value: unknown, path: string, pattern?: RegExp, maxLength = 4096): string {
    if (typeof value !== 'string') this.fail(path, `expected a string, found ${describe(value)}`);
    if (value.length > maxLength) this.fail(path, `longer than ${maxLength} characters`);
    if (pattern && !pattern.test(value))
      this.fail(path, `expected to match ${pattern.source}, found ${JSON.stringify(value.slice(0, 100))}`);
    return value;
  }

  /** Free text (a name, an identity): a non-empty string of printable characters, at most `maxLength`. */
  text(value: unknown, path: string, maxLength = 4096): string {
    if (typeof value !== 'string') this.fail(path, `expected a string, found ${describe(value)}`);
    if (value.length === 0) this.fail(path, 'expected a non-empty string, found ""');
    if (value.length > maxLength) this.fail(path, `expected at most ${maxLength} characters, found ${value.length}`);
    // Control characters (including newlines) in names and identities only ever confuse the
    // people reading logs and reports; PEM keys are checked separately.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) this.fail(path, 'expected no control characters');
    return value;
  }

  /** A positive safe integer. */
  positiveInteger(value: unknown, path: string): number {
    // Number.isSafeInteger is false for every non-number: no typeof test is needed.
    if (!Number.isSafeInteger(value) || (value as number) < 1) {
      this.fail(path, `expected a positive integer, found ${describe(value)}`);
    }
    return value as number;
  }

  /** An integer from `min` to 2^53-1 (the largest the strict JSON parser reads). */
  integer(value: unknown, path: string, min: number): number {
    if (!isSafeInteger(value)) this.fail(path, `expected an integer, found ${describe(value)}`);
    if (value < min) this.fail(path, `expected an integer from ${min} to ${Number.MAX_SAFE_INTEGER}, found ${value}`);
    return value;
  }

  array(value: unknown, path: string, maxItems: number): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `expected an array, found ${describe(value)}`);
    if (value.length > maxItems) this.fail(path, `more than ${maxItems} items (${value.length})`);
    return value;
  }

  /** An array of 1 to `maxItems` items. */
  nonEmptyArray(value: unknown, path: string, maxItems: number): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `expected an array, found ${describe(value)}`);
    if (value.length === 0) this.fail(path, 'expected at least one item, found an empty array');
    if (value.length > maxItems) this.fail(path, `expected at most ${maxItems} items, found ${value.length}`);
    return value;
  }

  /** RFC 3339 UTC with second precision, `YYYY-MM-DDTHH:MM:SSZ` (one spelling per instant). */
  timestamp(value: unknown, path: string): Date {
    const s = this.text(value, path, 64);
    const date = new Date(s);
    // The canonical spelling of its instant (toISOString without the milliseconds) is exactly
    // YYYY-MM-DDTHH:MM:SSZ, except for years before 0000 or after 9999 (-YYYYYY, +YYYYYY).
    if (Number.isNaN(date.getTime()) || rfc3339(date) !== s || !/^\d{4}-/.test(s)) {
      this.fail(path, `expected an RFC 3339 UTC time like 2026-01-01T00:00:00Z, found ${JSON.stringify(s)}`);
    }
    return date;
  }

  /** Standard base64 (RFC 4648 §4, padded) in its canonical spelling, decoded (basics/encoding/base64.ts). */
  base64(value: unknown, path: string, maxLength = 1 << 20): Uint8Array {
    const s = this.string(value, path, undefined, maxLength);
    const bytes = decodeCanonicalBase64(s);
    // "QQ==" and "QR==" decode alike: accepting both is a parser differential.
    if (!bytes)
      this.fail(
        path,
        isPaddedBase64(s) ? 'non-canonical base64 (non-zero padding bits)' : 'expected standard padded base64',
      );
    return bytes;
  }
}

/** Number.isSafeInteger as a type guard (it is false for anything but a number). */
export function isSafeInteger(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

/**
 * The one description of a value found where another was expected: `true`, `the number 5`,
 * `the string "x"` (cut after 60 characters), `an object`, `an array`, `null`, `undefined`.
 */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Formats a Date as RFC 3339 UTC with second precision. */
export function rfc3339(date: Date): string {
  // toISOString has one ".sssZ", at its end.
  return date.toISOString().replace(/\.\d{3}Z/, 'Z');
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
export const KEY_ID = /^sha256:[0-9a-f]{64}$/;
