// Small fail-closed shape checks for parsed JSON: an object must have exactly the allowed
// keys (unknown fields are rejected, docs/design.md §3), and each field its type. Errors name the
// document and the JSON path, and say what was expected and what was found.
import { InputError } from '../errors/errors.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export class Shape {
  readonly what: string;
  readonly code: string;
  readonly unknownFieldCode: string;

  /**
   * `what` names the document (a file name); `code` is the error code for every failure,
   * `unknownFieldCode` the one for an unknown field when that has its own (the statement's).
   */
  constructor(what: string, code: string, unknownFieldCode = code) {
    this.what = what;
    this.code = code;
    this.unknownFieldCode = unknownFieldCode;
  }

  fail(path: string, message: string): never {
    this.failWith(this.code, path, message);
  }

  /** Fails with a code of its own (the document's semantic checks). */
  failWith(code: string, path: string, message: string): never {
    throw new InputError(code, `${this.what}: ${path}: ${message}`);
  }

  /** An object with exactly the `required` keys plus any of the `optional` ones. */
  object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, `expected an object, found ${describe(value)}`);
    }
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (!required.includes(key) && !optional.includes(key)) this.failWith(this.unknownFieldCode, path, `unknown field ${JSON.stringify(key)}`);
    }
    for (const key of required) {
      if (!(key in obj)) this.fail(path, `missing field ${JSON.stringify(key)}`);
    }
    return obj;
  }

  string(value: unknown, path: string, pattern?: RegExp, maxLength = 4096): string {
    if (typeof value !== 'string') this.fail(path, `expected a string, found ${describe(value)}`);
    if (value.length > maxLength) this.fail(path, `longer than ${maxLength} characters`);
    if (pattern && !pattern.test(value)) this.fail(path, `expected to match ${pattern.source}, found ${JSON.stringify(value.slice(0, 100))}`);
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

  array(value: unknown, path: string, maxItems: number): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `expected an array, found ${describe(value)}`);
    if (value.length > maxItems) this.fail(path, `more than ${maxItems} items (${value.length})`);
    return value;
  }

  /** An RFC 3339 UTC timestamp with second precision, `YYYY-MM-DDTHH:MM:SSZ`. */
  timestamp(value: unknown, path: string): Date {
    const s = this.string(value, path, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const d = new Date(s);
    if (Number.isNaN(d.getTime()) || d.toISOString().replace('.000Z', 'Z') !== s) this.fail(path, `not a valid time: ${s}`);
    return d;
  }

  /** Standard base64 (RFC 4648 §4, padded), decoded. */
  base64(value: unknown, path: string, maxLength = 1 << 20): Uint8Array {
    const s = this.string(value, path, undefined, maxLength);
    if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) this.fail(path, 'expected standard padded base64');
    const bytes = Buffer.from(s, 'base64');
    // Canonical only: "QQ==" and "QR==" decode alike; accepting both is a parser differential.
    if (bytes.toString('base64') !== s) this.fail(path, 'non-canonical base64 (non-zero padding bits)');
    return new Uint8Array(bytes);
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return typeof value === 'object' ? 'an object' : String(typeof value);
}

/** Formats a Date as RFC 3339 UTC with second precision. */
export function rfc3339(date: Date): string {
  // toISOString has one ".sssZ", at its end.
  return date.toISOString().replace(/\.\d{3}Z/, 'Z');
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
export const KEY_ID = /^sha256:[0-9a-f]{64}$/;
