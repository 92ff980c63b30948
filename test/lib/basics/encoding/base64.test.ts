// Canonical padded base64 (src/lib/basics/encoding/base64.ts, RFC 4648 §4): which texts are
// padded base64 at all (the alphabet, whole groups, `=` only as the last one or two
// characters) and which of them decode (only the one canonical spelling of their bytes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCanonicalBase64, isPaddedBase64 } from '../../../../src/lib/basics/encoding/base64.ts';

test('isPaddedBase64 accepts whole groups with no, one or two padding characters, and the empty text', () => {
  for (const text of ['', 'AAAA', 'QUJD', 'AAA=', 'QUI=', 'AA==', 'QQ==', 'ab+/cd09', 'AAAAAAA=', 'AAAAAA==', 'QR==']) {
    assert.equal(isPaddedBase64(text), true, JSON.stringify(text));
  }
});

test('isPaddedBase64 refuses a stray character, a short group, misplaced or extra padding', () => {
  const refused = [
    'A',
    'AA',
    'AAA',
    'A===',
    'A=',
    'AA=',
    '====',
    '!!!=',
    'AA!=',
    '!AA=',
    '!!==',
    'AAAA=',
    'AAAA==',
    'AA==AAAA',
    'AAA=AAAA',
    ' AAAA',
    'AAAA\n',
    'ab-_',
    'AAA==',
  ];
  for (const text of refused) assert.equal(isPaddedBase64(text), false, JSON.stringify(text));
});

test('decodeCanonicalBase64 decodes only the canonical spelling of its bytes', () => {
  assert.deepEqual(decodeCanonicalBase64(''), new Uint8Array(0));
  assert.deepEqual(decodeCanonicalBase64('QQ=='), new Uint8Array([0x41]));
  assert.deepEqual(decodeCanonicalBase64('QUI='), new Uint8Array([0x41, 0x42]));
  assert.deepEqual(decodeCanonicalBase64('QUJD'), new Uint8Array([0x41, 0x42, 0x43]));
  // Non-zero padding bits, missing padding, stray or URL-safe characters: another spelling.
  for (const text of ['QR==', 'QUJ=', 'QQ', 'QQ=', 'Q Q==', 'QQ==\n', '-_8=', 'QQ==QQ==', '!QQ==']) {
    assert.equal(decodeCanonicalBase64(text), undefined, JSON.stringify(text));
  }
});
