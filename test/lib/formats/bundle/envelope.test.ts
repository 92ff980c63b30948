// The primary's DSSE envelope read for its statement bytes (src/lib/formats/bundle/envelope.ts):
// what is primary-malformed, the payload type, and the two modes for a payload that is not
// canonical base64: "refuse" (the rotation walk: primary-malformed here) and "defer" (the
// parse step: decoded as Node does, refused later by the primary check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { envelopeStatementBytes } from '../../../../src/lib/formats/bundle/envelope.ts';
import { InputError } from '../../../../src/lib/basics/errors/errors.ts';

const INTOTO = 'application/vnd.in-toto+json';
const statement = new TextEncoder().encode('{"_type":"https://in-toto.io/Statement/v1"}');
const primaryWith = (payload: unknown, payloadType: unknown = INTOTO) => ({
  mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  dsseEnvelope: { payload, payloadType, signatures: [] },
});
const NOT_CANONICAL =
  'r.json: $.primary.dsseEnvelope.payload: expected canonical base64 (RFC 4648 §4, padded), found other text';

function rejects(fn: () => unknown, code: string, message: string, label = ''): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof InputError, `${label}: expected an InputError, got ${String(err)}`);
    assert.equal(err.code, code, label);
    assert.equal(err.message, message, label);
    return true;
  });
}

test('a canonical payload gives its exact bytes in both modes', () => {
  const primary = primaryWith(Buffer.from(statement).toString('base64'));
  for (const nonCanonical of ['refuse', 'defer'] as const) {
    assert.deepEqual(envelopeStatementBytes(primary, 'r.json', { nonCanonical }), statement, nonCanonical);
  }
});

test('no envelope, no object, or a payload that is not a string is primary-malformed, never a TypeError', () => {
  const expected = 'r.json: $.primary: expected a DSSE envelope carrying the statement';
  const primaries: unknown[] = [
    null,
    undefined,
    42,
    'text',
    {},
    { dsseEnvelope: null },
    { dsseEnvelope: {} },
    primaryWith(7),
    primaryWith(null),
    { messageSignature: {} },
  ];
  for (const primary of primaries) {
    for (const nonCanonical of ['refuse', 'defer'] as const) {
      rejects(
        () => envelopeStatementBytes(primary, 'r.json', { nonCanonical }),
        'primary-malformed',
        expected,
        `${JSON.stringify(primary) ?? 'undefined'} (${nonCanonical})`,
      );
    }
  }
});

test('a payload type other than in-toto is statement-unsupported-type, naming what was found', () => {
  const payload = Buffer.from(statement).toString('base64');
  rejects(
    () => envelopeStatementBytes(primaryWith(payload, 'text/plain'), 'r.json', { nonCanonical: 'refuse' }),
    'statement-unsupported-type',
    `r.json: DSSE payloadType: expected ${INTOTO}, found "text/plain"`,
  );
  rejects(
    () => envelopeStatementBytes({ dsseEnvelope: { payload } }, 'r.json', { nonCanonical: 'defer' }),
    'statement-unsupported-type',
    `r.json: DSSE payloadType: expected ${INTOTO}, found undefined`,
  );
});

// Each decodes (leniently, as Node's Buffer does) to bytes whose canonical spelling differs.
const nonCanonical: [string, string][] = [
  ['non-zero padding bits', 'QR=='],
  ['missing padding', 'QQ'],
  ['a stray character', 'Q!Q=='],
  ['a space', 'QUJD QUJD'],
  ['a trailing newline', 'QUJD\n'],
  ['URL-safe letters', '-_8='],
  ['padding inside', 'QQ==QUJD'],
  ['too much padding', 'QUI=='],
];

test('"refuse": a payload that is not canonical padded base64 is primary-malformed', () => {
  for (const [label, payload] of nonCanonical) {
    rejects(
      () => envelopeStatementBytes(primaryWith(payload), 'r.json', { nonCanonical: 'refuse' }),
      'primary-malformed',
      NOT_CANONICAL,
      label,
    );
  }
});

test('"defer": the same payloads decode as Node decodes them (the primary check refuses them later)', () => {
  for (const [label, payload] of nonCanonical) {
    assert.deepEqual(
      envelopeStatementBytes(primaryWith(payload), 'r.json', { nonCanonical: 'defer' }),
      new Uint8Array(Buffer.from(payload, 'base64')),
      label,
    );
  }
});
