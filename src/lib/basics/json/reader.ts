// Fail-closed shape checks for the parsed policy, with errors that point into the file:
// `policy.json:14: countersigners[0].keyId: expected ..., found ...` (docs/design.md §8). Every
// check names the JSON path; the line comes from the index of the source text.
import { rfc3339 } from './shape.ts';
import { PolicyError } from '../errors/errors.ts';
import { childPath, type JsonLines } from './lines.ts';

export class PolicyReader {
  readonly what: string;
  private readonly lines: JsonLines;

  constructor(what: string, lines: JsonLines) {
    this.what = what;
    this.lines = lines;
  }

  /** Throws a PolicyError about the value at `path` (use keyLine for a field's name). */
  fail(code: string, path: string, message: string, atKey = false): never {
    const line = atKey ? this.lines.keyLine(path) : this.lines.valueLine(path);
    throw new PolicyError(code, `${this.what}:${line}: ${path === '' ? '' : `${path}: `}${message}`);
  }

  /** An object with all of `required` and any of `optional`; unknown fields are rejected. */
  object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail('policy-malformed', path, `expected an object, found ${describeValue(value)}`);
    }
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (!required.includes(key) && !optional.includes(key)) {
        const known = [...required, ...optional].join(', ');
        this.fail('policy-unknown-field', childPath(path, key), `unknown field (expected only: ${known})`, true);
      }
    }
    for (const key of required) {
      if (!Object.hasOwn(obj, key)) this.fail('policy-malformed', path, `missing field ${JSON.stringify(key)}`);
    }
    return obj;
  }

  /** A non-empty string of printable characters (no control characters), at most `maxLength`. */
  string(value: unknown, path: string, maxLength = 4096): string {
    if (typeof value !== 'string') this.fail('policy-malformed', path, `expected a string, found ${describeValue(value)}`);
    if (value.length === 0) this.fail('policy-malformed', path, 'expected a non-empty string, found ""');
    if (value.length > maxLength) this.fail('policy-malformed', path, `expected at most ${maxLength} characters, found ${value.length}`);
    // Control characters (including newlines) in names and identities only ever confuse the
    // people reading logs and reports; PEM keys are checked separately.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) this.fail('policy-malformed', path, 'expected no control characters');
    return value;
  }

  /** An integer from `min` to 2^53-1 (the largest the strict JSON parser reads). */
  integer(value: unknown, path: string, min: number): number {
    if (!isSafeInteger(value)) this.fail('policy-malformed', path, `expected an integer, found ${describeValue(value)}`);
    if (value < min) this.fail('policy-malformed', path, `expected an integer from ${min} to ${Number.MAX_SAFE_INTEGER}, found ${value}`);
    return value;
  }

  /** An array of 1 to `maxItems` items. */
  nonEmptyArray(value: unknown, path: string, maxItems: number): unknown[] {
    if (!Array.isArray(value)) this.fail('policy-malformed', path, `expected an array, found ${describeValue(value)}`);
    if (value.length === 0) this.fail('policy-malformed', path, 'expected at least one item, found an empty array');
    if (value.length > maxItems) this.fail('policy-malformed', path, `expected at most ${maxItems} items, found ${value.length}`);
    return value;
  }

  /** RFC 3339 UTC with second precision, `YYYY-MM-DDTHH:MM:SSZ` (one spelling per instant). */
  timestamp(value: unknown, path: string): Date {
    const s = this.string(value, path, 64);
    const date = new Date(s);
    // The canonical spelling of its instant (toISOString without the milliseconds) is exactly
    // YYYY-MM-DDTHH:MM:SSZ, except for years before 0000 or after 9999 (-YYYYYY, +YYYYYY).
    if (Number.isNaN(date.getTime()) || rfc3339(date) !== s || !/^\d{4}-/.test(s)) {
      this.fail('policy-malformed', path, `expected an RFC 3339 UTC time like 2026-01-01T00:00:00Z, found ${JSON.stringify(s)}`);
    }
    return date;
  }
}

/** Number.isSafeInteger as a type guard (it is false for anything but a number). */
export function isSafeInteger(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** The one RFC 3339 formatter (src/lib/basics/json/shape.ts), re-exported for the policy module. */
export { rfc3339 };
