import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStrictJson } from '../../../../src/lib/basics/json/strict-json.ts';
import { StrictJsonError } from '../../../../src/lib/basics/errors/errors.ts';

const limits = { maxBytes: 1024, maxDepth: 4 };
const rejects = (text: string, code: string) =>
  assert.throws(() => parseStrictJson(text, 'doc.json', limits), (e: unknown) => e instanceof StrictJsonError && e.code === code, `${text} -> ${code}`);

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
  assert.throws(() => parseStrictJson('['.repeat(100_000), 'doc.json', { maxBytes: 1 << 20, maxDepth: 64 }), (e: unknown) => e instanceof StrictJsonError && e.code === 'too-deep');
});

test('rejects integers a verifier in another language would read differently', () => {
  rejects('9007199254740993', 'number-out-of-range');
  rejects('{"v":-9007199254740992}', 'number-out-of-range');
  rejects('1e400', 'number-out-of-range');
  assert.equal(parseStrictJson('9007199254740991', 'doc.json', limits), 9007199254740991);
});

test('rejects malformed JSON with the offset in the message', () => {
  for (const bad of ['{', '{"a" 1}', '[1,]', '{"a":1,}', "{'a':1}", '01', '"\\x"', '"a\tb"', 'nul', '[1] 2', '"\\ud800"']) {
    assert.throws(() => parseStrictJson(bad, 'doc.json', limits), (e: unknown) => e instanceof StrictJsonError && e.code === 'malformed-json' && /doc\.json: .* at offset \d+/.test(e.message), bad);
  }
});

test('rejects invalid UTF-8 bytes', () => {
  assert.throws(() => parseStrictJson(new Uint8Array([0x22, 0xff, 0x22]), 'doc.json', limits), (e: unknown) => e instanceof StrictJsonError && e.code === 'malformed-json');
});
