// Line numbers for policy errors (src/lib/basics/json/lines.ts): found only when an error asks,
// by one walk of the text along the JSON path, linear in the text (issue 13 F2: an index keyed
// by path strings, built before any check, was quadratic for keys past 16 383 characters).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { childPath, jsonLines } from '../../../../src/lib/basics/json/lines.ts';

const TEXT = [
  '{',
  '  "a": {',
  '    "b": [',
  '      1,',
  '      {"c": "x\\"]}", "d e":',
  '        true}',
  '    ],',
  '    "deep": {"x": {"y": {"z": {"w":',
  '      0}}}}',
  '  },',
  '  "f":',
  '    null',
  '}',
].join('\n');

test('lines of values and keys along a path: names, indices, quoted names; a missing path names its nearest ancestor', () => {
  const lines = jsonLines(TEXT, 5);
  assert.equal(lines.valueLine(''), 1);
  assert.equal(lines.valueLine('a'), 2);
  assert.equal(lines.valueLine('a.b'), 3);
  assert.equal(lines.valueLine('a.b[0]'), 4);
  assert.equal(lines.valueLine('a.b[1].c'), 5);
  assert.equal(lines.valueLine(childPath('a.b[1]', 'd e')), 6);
  assert.equal(lines.keyLine(childPath('a.b[1]', 'd e')), 5);
  assert.equal(lines.valueLine('f'), 12);
  assert.equal(lines.keyLine('f'), 11);
  // Missing: the nearest ancestor's value; a key line only for the whole path.
  assert.equal(lines.valueLine('a.b[7]'), 3);
  assert.equal(lines.keyLine('a.nope'), 2);
  // Five levels at most: a deeper path names its ancestor at depth 5.
  assert.equal(lines.valueLine('a.deep.x.y.z'), 8);
  assert.equal(lines.valueLine('a.deep.x.y.z.w'), 8);
  assert.equal(jsonLines(TEXT, 2).valueLine('a.b[0]'), 3);
});

test('F2 line numbers: nothing is read until an error asks, and then one walk reads each character a bounded number of times', () => {
  /** The text behind a proxy that counts every read (an index, a length, a method). */
  const counted = (text: string) => {
    const target: object = new String(text); // a string object, which a proxy can wrap
    const counter = { reads: 0 };
    const proxy = new Proxy(target, {
      get(t, key) {
        counter.reads++;
        const v = Reflect.get(t, key) as unknown;
        return typeof v === 'function' ? (v as (...args: unknown[]) => unknown).bind(t) : v;
      },
    });
    return { text: proxy as unknown as string, counter };
  };
  const doc = (n: number) =>
    `{\n${Array.from({ length: n }, (_, i) => `  "${'k'.repeat(200)}${i}": [${'0,'.repeat(20)}{"v": "${'s'.repeat(50)}"}]`).join(',\n')},\n  "last": 1\n}`;
  const reads: number[] = [];
  for (const n of [100, 400]) {
    const { text, counter } = counted(doc(n));
    const lines = jsonLines(text, 5);
    assert.equal(counter.reads, 0, 'nothing read when the document is valid');
    assert.equal(lines.valueLine('last'), n + 2);
    assert.ok(counter.reads <= 4 * text.length, `${counter.reads} reads for ${text.length} characters`);
    reads.push(counter.reads);
  }
  // Four times the text, about four times the reads (linear, not quadratic).
  assert.ok(reads[1]! < 4.5 * reads[0]!, reads.join(' -> '));
});
