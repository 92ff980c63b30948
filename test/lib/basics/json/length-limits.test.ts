// The strict JSON parser's caps on one string and one key (src/lib/basics/json/strict-json.ts):
// counted in UTF-8 bytes of the decoded text, exactly at the limit accepted, and the error
// says which token it was, its size, the limit, its first characters and where it starts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStrictJson } from '../../../../src/lib/basics/json/strict-json.ts';
import { StrictJsonError } from '../../../../src/lib/basics/errors/errors.ts';

const limits = { maxBytes: 1 << 20, maxDepth: 8, maxStringBytes: 30, maxKeyBytes: 12 };

function rejects(text: string, code: string, message: string): void {
  assert.throws(
    () => parseStrictJson(text, 'doc.json', limits),
    (err: unknown) => {
      assert.ok(err instanceof StrictJsonError, `expected a StrictJsonError, got ${String(err)}`);
      assert.equal(err.code, code);
      assert.equal(err.message, message);
      return true;
    },
  );
}

test('a string value over maxStringBytes is string-too-long, named as a string with its size and start', () => {
  assert.deepEqual(parseStrictJson(`{"a":"${'s'.repeat(30)}"}`, 'doc.json', limits), { a: 's'.repeat(30) });
  rejects(
    `{"a":"${'s'.repeat(31)}"}`,
    'string-too-long',
    `doc.json: string of 31 bytes is over the limit of 30 bytes (it starts "${'s'.repeat(20)}") at offset 5`,
  );
  // Ten 3-byte characters are 30 bytes; eleven are 33 (UTF-8 bytes are counted, not characters).
  assert.deepEqual(parseStrictJson(`["${'€'.repeat(10)}"]`, 'doc.json', limits), ['€'.repeat(10)]);
  rejects(
    `["${'€'.repeat(11)}"]`,
    'string-too-long',
    `doc.json: string of 33 bytes is over the limit of 30 bytes (it starts "${'€'.repeat(11)}") at offset 1`,
  );
  // An escape counts as the character it decodes to.
  rejects(
    `["${'\\u20ac'.repeat(11)}"]`,
    'string-too-long',
    `doc.json: string of 33 bytes is over the limit of 30 bytes (it starts "${'€'.repeat(11)}") at offset 1`,
  );
});

test('a key over maxKeyBytes is key-too-long, named as a key', () => {
  assert.deepEqual(parseStrictJson(`{"${'k'.repeat(12)}":1}`, 'doc.json', limits), { ['k'.repeat(12)]: 1 });
  rejects(
    `{"${'k'.repeat(13)}":1}`,
    'key-too-long',
    `doc.json: key of 13 bytes is over the limit of 12 bytes (it starts "${'k'.repeat(13)}") at offset 1`,
  );
});
