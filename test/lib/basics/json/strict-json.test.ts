import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStrictJson } from '../../../../src/lib/basics/json/strict-json.ts';
import { StrictJsonError } from '../../../../src/lib/basics/errors/errors.ts';
import { parseBundleFile } from '../../../../src/lib/formats/bundle/bundle.ts';

const limits = { maxBytes: 1024, maxDepth: 4 };
const rejects = (text: string, code: string) =>
  assert.throws(
    () => parseStrictJson(text, 'doc.json', limits),
    (e: unknown) => e instanceof StrictJsonError && e.code === code,
    `${text} -> ${code}`,
  );

test('accepts ordinary JSON and returns what JSON.parse returns', () => {
  const text = '{"a":[1,2.5,-3e2,true,false,null,"x\\u00e9\\n"],"b":{"c":"\\ud83d\\ude00"}}';
  assert.deepEqual(parseStrictJson(text, 'doc.json', limits), JSON.parse(text));
  assert.deepEqual(parseStrictJson(new TextEncoder().encode(' [ ] '), 'doc.json', limits), []);
});

test('rejects duplicate keys, also when spelled with escapes', () => {
  rejects('{"a":1,"a":2}', 'duplicate-key');
  rejects('{"a":1,"\\u0061":2}', 'duplicate-key');
  rejects('{"x":{"k":1,"k":1}}', 'duplicate-key');
  // the same key in two different objects is fine
  assert.deepEqual(parseStrictJson('[{"a":1},{"a":2}]', 'doc.json', limits), [{ a: 1 }, { a: 2 }]);
});

test('rejects documents over the size cap before parsing', () => {
  rejects(`"${'x'.repeat(2000)}"`, 'too-large');
});

test('rejects nesting deeper than the cap without recursing further', () => {
  rejects('[[[[[1]]]]]', 'too-deep');
  assert.throws(
    () => parseStrictJson('['.repeat(100_000), 'doc.json', { maxBytes: 1 << 20, maxDepth: 64 }),
    (e: unknown) => e instanceof StrictJsonError && e.code === 'too-deep',
  );
});

test('rejects integers a verifier in another language would read differently', () => {
  rejects('9007199254740993', 'number-out-of-range');
  rejects('{"v":-9007199254740992}', 'number-out-of-range');
  rejects('1e400', 'number-out-of-range');
  assert.equal(parseStrictJson('9007199254740991', 'doc.json', limits), 9007199254740991);
});

test('rejects malformed JSON with the offset in the message', () => {
  for (const bad of [
    '{',
    '{"a" 1}',
    '[1,]',
    '{"a":1,}',
    "{'a':1}",
    '01',
    '"\\x"',
    '"a\tb"',
    'nul',
    '[1] 2',
    '"\\ud800"',
  ]) {
    assert.throws(
      () => parseStrictJson(bad, 'doc.json', limits),
      (e: unknown) =>
        e instanceof StrictJsonError && e.code === 'malformed-json' && /doc\.json: .* at offset \d+/.test(e.message),
      bad,
    );
  }
});

test('rejects invalid UTF-8 bytes', () => {
  assert.throws(
    () => parseStrictJson(new Uint8Array([0x22, 0xff, 0x22]), 'doc.json', limits),
    (e: unknown) => e instanceof StrictJsonError && e.code === 'malformed-json',
  );
});

test('F2 keys over 256 bytes (UTF-8, after unescaping) are key-too-long, before anything is built; a document may cap its strings', () => {
  const big = { maxBytes: 1 << 20, maxDepth: 4 };
  const code = (text: string, l: Parameters<typeof parseStrictJson>[2] = big) => {
    try {
      parseStrictJson(text, 'doc.json', l);
      return 'accepted';
    } catch (e) {
      return e instanceof StrictJsonError ? e.code : String(e);
    }
  };
  assert.equal(code(`{"${'k'.repeat(256)}":1}`), 'accepted');
  assert.equal(code(`{"${'k'.repeat(257)}":1}`), 'key-too-long');
  // Bytes, not characters: 128 two-byte characters fit, 129 do not; an escape counts what it stands for.
  assert.equal(code(`{"${'é'.repeat(128)}":1}`), 'accepted');
  assert.equal(code(`{"${'é'.repeat(129)}":1}`), 'key-too-long');
  assert.equal(code(`{"${'\\u00e9'.repeat(129)}":1}`), 'key-too-long');
  // The finding's key: 16 384 characters, the first length V8 hashes by length alone.
  assert.equal(code(`{"${'K'.repeat(16_384)}":[0,0]}`), 'key-too-long');
  assert.throws(() => parseStrictJson(`[{"a":1},{"${'K'.repeat(300)}":1}]`, 'doc.json', big), {
    message:
      'doc.json: key of 300 bytes is over the limit of 256 bytes (it starts "KKKKKKKKKKKKKKKKKKKK") at offset 10',
  });
  // A document's own key cap, and a string cap (none by default: a bundle's payload is as long as the bundle).
  assert.equal(code('{"abc":1}', { ...big, maxKeyBytes: 2 }), 'key-too-long');
  assert.equal(code(`["${'s'.repeat(100_000)}"]`), 'accepted');
  assert.equal(code(`["${'s'.repeat(100)}"]`, { ...big, maxStringBytes: 100 }), 'accepted');
  assert.equal(code(`["${'s'.repeat(101)}"]`, { ...big, maxStringBytes: 100 }), 'string-too-long');
  assert.equal(code(`["${'€'.repeat(34)}"]`, { ...big, maxStringBytes: 100 }), 'string-too-long'); // 102 bytes
  // Keys are not strings for the string cap, nor strings for the key cap.
  assert.equal(code(`{"a":"${'s'.repeat(300)}"}`), 'accepted');
});

test('F2 a document may cap its arrays: too-many-items while scanning, before JSON.parse builds the array', () => {
  const l = { maxBytes: 1 << 20, maxDepth: 4, maxArrayItems: 3 };
  assert.deepEqual(parseStrictJson('[[1,2,3],[]]', 'doc.json', l), [[1, 2, 3], []]);
  assert.throws(() => parseStrictJson('{"a":[1,2,3,4]}', 'doc.json', l), {
    code: 'too-many-items',
    message: 'doc.json: an array of more than 3 items at offset 12',
  });
  // A bundle: 1024 items at most (a huge array of zeros is refused without being built).
  assert.throws(
    () =>
      parseBundleFile(
        new TextEncoder().encode(
          `{"mediaType":"x","primary":{},"countersignatures":[${Array(1025).fill('0').join(',')}]}`,
        ),
        'b.json',
      ),
    { code: 'too-many-items' },
  );
});
