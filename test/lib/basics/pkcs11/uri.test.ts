// RFC 7512 PKCS#11 URIs: the RFC's own examples (test/vectors/rfc7512/) parse to what they
// name; everything outside the grammar, unknown or repeated attributes, and oversize input
// are refused with pkcs11-uri-malformed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { InputError } from '../../../../src/lib/basics/errors/errors.ts';
import {
  MAX_PKCS11_URI_CHARS,
  isPkcs11Uri,
  parsePkcs11Uri,
  redactPkcs11Uri,
} from '../../../../src/lib/basics/pkcs11/uri.ts';

interface Case {
  uri: string;
  expect?: Record<string, unknown> & { idHex?: string };
  /** The attribute the refusal names, for an example this tool refuses on purpose. */
  refused?: string;
  /** Why it is refused: required with `refused`. */
  reason?: string;
}
const vectors = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'vectors', 'rfc7512', 'examples.json'), 'utf8'),
) as { cases: Case[] };

const refused = (pattern: RegExp) => (err: unknown) =>
  err instanceof InputError && err.code === 'pkcs11-uri-malformed' && pattern.test(err.message);

test('the RFC 7512 §3.3 vectors hold all 13 examples, each with what it names or why it is refused', () => {
  assert.equal(vectors.cases.length, 13);
  assert.equal(vectors.cases[0]?.uri, 'pkcs11:');
  for (const c of vectors.cases) assert.ok((c.expect === undefined) !== (c.refused === undefined), c.uri);
});

for (const [i, c] of vectors.cases.entries()) {
  test(`RFC 7512 §3.3 example ${i + 1}: ${c.uri.slice(0, 70)}`, () => {
    if (c.refused !== undefined) {
      // A deliberate refusal is recorded with its reason, and the message names that attribute
      // as unknown (not some other fault of the URI).
      assert.ok(c.reason !== undefined && c.reason.length > 0, 'a refused example records its reason');
      assert.equal(c.expect, undefined);
      const name = JSON.stringify(c.refused);
      assert.throws(
        () => parsePkcs11Uri(c.uri, 'uri'),
        (err: unknown) => refused(/does not know/)(err) && err instanceof Error && err.message.includes(name),
      );
      return;
    }
    const parsed = parsePkcs11Uri(c.uri, 'uri');
    const { idHex, ...rest } = c.expect ?? {};
    const { id, ...got } = parsed;
    assert.deepEqual(got, rest);
    assert.equal(id === undefined ? undefined : Buffer.from(id).toString('hex'), idHex);
  });
}

test('the key names this project uses: token, object, id bytes, module and PIN file', () => {
  const u = parsePkcs11Uri(
    'pkcs11:token=countersign-b;object=b-release;id=%00%ff?module-path=/usr/lib/softhsm/libsofthsm2.so&pin-source=file:/run/secrets/pin',
    'k',
  );
  assert.deepEqual(u, {
    token: 'countersign-b',
    object: 'b-release',
    id: Uint8Array.from([0, 255]),
    modulePath: '/usr/lib/softhsm/libsofthsm2.so',
    pinSource: 'file:/run/secrets/pin',
  });
  assert.ok(isPkcs11Uri('PKCS11:token=x'));
  assert.ok(!isPkcs11Uri('./pkcs11:token=x'));
  assert.ok(!isPkcs11Uri('b.key'));
});

test('refused: unknown, repeated or vendor attributes, characters to encode, bad escapes, both PIN forms, bad values', () => {
  const cases: [string, RegExp][] = [
    ['pkcs11:tokn=x', /"tokn".*does not know/],
    ['pkcs11:object=a;object=b', /object twice/],
    ['pkcs11:object=a?module-path=/a&module-path=/b', /module-path twice/],
    ['pkcs11:x-vendor=1', /"x-vendor"/],
    ['pkcs11:object=a?pin-source=file:/p&pin-value=1', /both pin-source and pin-value/],
    ['pkcs11:object=a b', /character " " in object/],
    ['pkcs11:object=a/b', /character "\/" in object/],
    ['pkcs11:object=a?module-path=/a&b', /"b", not name=value|not name=value/],
    ['pkcs11:object=%zz', /bad percent-encoding/],
    ['pkcs11:object=%4', /bad percent-encoding/],
    ['pkcs11:object=%ff', /not UTF-8/],
    ['pkcs11:type=secret', /type="secret"/],
    ['pkcs11:slot-id=-1', /slot-id/],
    ['pkcs11:library-version=1.2.3', /library-version/],
    ['pkcs11:=x', /not name=value/],
    ['pkcs11:object', /not name=value/],
    ['pkcs11:object=a#frag', /fragment/],
    ['file:/etc/key', /no pkcs11: scheme/],
    [`pkcs11:object=${'a'.repeat(1025)}`, /over the limit of 1024 octets/],
    [`pkcs11:object=${'a'.repeat(MAX_PKCS11_URI_CHARS)}`, /over the limit of 4096/],
    ['pkcs11:object=a\u0000', /character/],
  ];
  for (const [uri, message] of cases) assert.throws(() => parsePkcs11Uri(uri, 'k'), refused(message), uri);
});

test('the query may hold / ? | unencoded and the path &; a PIN value is redacted from what is shown', () => {
  assert.equal(parsePkcs11Uri('pkcs11:object=a&b?pin-value=x/y?z|w', 'k').pinValue, 'x/y?z|w');
  assert.equal(parsePkcs11Uri('pkcs11:object=a&b', 'k').object, 'a&b');
  assert.equal(
    redactPkcs11Uri('pkcs11:object=a?module-path=/m.so&pin-value=1234'),
    'pkcs11:object=a?module-path=/m.so&pin-value=***',
  );
  // The message of a malformed URI never carries the PIN when the caller passes the redacted form.
  assert.throws(
    () => parsePkcs11Uri('pkcs11:bogus=1?pin-value=1234', redactPkcs11Uri('pkcs11:bogus=1?pin-value=1234')),
    (err: unknown) => err instanceof InputError && !err.message.includes('1234'),
  );
});

test('no message of a refused URI shows the PIN, wherever the URI puts it or however it is spelled', () => {
  const pin = 'S3cr3tPin';
  const uris = [
    `pkcs11:token=b;object=k;pin-value=${pin}`, // in the path, where it does not belong
    `pkcs11:token=b;object=k?PIN-VALUE=${pin}`, // another letter case: an unknown attribute
    `pkcs11:token=b;object=k?pin%2Dvalue=${pin}`, // a percent-encoded name: an unknown attribute
    `pkcs11:bogus=1?pin-value=${pin}`,
    `pkcs11:object=k?pin-value=${pin}%zz`, // a bad percent-encoding inside the PIN
    `pkcs11:object=k?pin-value=${pin}"`, // a character that must be encoded inside the PIN
  ];
  for (const uri of uris) {
    const shown = redactPkcs11Uri(uri);
    assert.ok(!shown.includes(pin), `redacted form still shows the PIN: ${shown}`);
    assert.throws(
      () => parsePkcs11Uri(uri, `--key ${shown}`),
      (err: unknown) => err instanceof InputError && !err.message.includes(pin) && !err.message.includes('"\\""'),
      uri,
    );
  }
});
