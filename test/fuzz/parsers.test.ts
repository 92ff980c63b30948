// Property: every parser of untrusted input (strict JSON, countersigned bundle, statement,
// policy, client state, countersignature statement) on arbitrary input either returns or
// throws one of the project's typed errors (InputError and its subclasses, VerificationError),
// never hangs (each call well under a second), and respects its caps (spec/ATTACKS.md
// §Fuzzing). Inputs: random bytes, random JSON, and mutants of a valid document of each kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseStrictJson } from '../../src/lib/basics/json/strict-json.ts';
import { parseBundleFile } from '../../src/lib/formats/bundle/bundle.ts';
import { buildStatement, parseStatement, serializeStatement } from '../../src/lib/formats/statement/statement.ts';
import { parsePolicy } from '../../src/lib/formats/policy/index.ts';
import { parseState } from '../../src/lib/formats/state/state.ts';
import {
  buildCountersignatureStatement,
  parseCountersignatureStatement,
  serializeCountersignatureStatement,
} from '../../src/lib/formats/countersignature/statement.ts';
import { InputError, VerificationError } from '../../src/lib/basics/errors/errors.ts';
import { budget } from './budget.ts';
import { type Json, applyJsonEdit, byteMutant, jsonEdit } from './mutate.ts';

const VECTORS = new URL('../../spec/vectors/', import.meta.url);
const read = (path: string) => new Uint8Array(readFileSync(new URL(path, VECTORS)));

const statementBytes = serializeStatement(
  buildStatement({
    kind: 'binary-digest',
    stream: 'acme/app:stable',
    version: 7,
    issuedAt: new Date('2026-01-01T00:00:00Z'),
    expiresIn: 86_400,
    subjects: [
      { name: 'a', digest: { sha256: 'a'.repeat(64) } },
      { name: 'b/c', digest: { sha256: 'b'.repeat(64) } },
    ],
    source: { repository: 'acme/app', commit: 'c'.repeat(40) },
  }),
);
const countersignatureBytes = serializeCountersignatureStatement(
  buildCountersignatureStatement({
    keyId: `sha256:${'d'.repeat(64)}`,
    primary: {
      payload: statementBytes,
      payloadType: 'application/vnd.in-toto+json',
      signature: new Uint8Array(64),
      certificate: new Uint8Array(10),
      tlogEntries: [{ logId: 'AAAA', logIndex: '12' }],
      timestamps: [new Uint8Array(3)],
    },
    stream: 'acme/app:stable',
    version: 7,
    signedAt: new Date('2026-01-01T00:05:00Z'),
  }),
);

interface Target {
  name: string;
  parse: (bytes: Uint8Array) => unknown;
  valid: Uint8Array;
  /** The parser's size cap and the code it reports over it. */
  cap: number;
  tooLarge: string;
}

const TARGETS: Target[] = [
  {
    name: 'parseStrictJson',
    parse: (b) => parseStrictJson(b, 'doc', { maxBytes: 1 << 20, maxDepth: 32 }),
    valid: read('happy-path/bundle.json'),
    cap: 1 << 20,
    tooLarge: 'too-large',
  },
  {
    name: 'parseBundleFile',
    parse: (b) => parseBundleFile(b, 'bundle', 1 << 20),
    valid: read('m-of-n-two-organisations/bundle.json'),
    cap: 1 << 20,
    tooLarge: 'too-large',
  },
  {
    name: 'parseStatement',
    parse: (b) => parseStatement(b, 'statement', { maxBytes: 1 << 16, maxSubjects: 10 }),
    valid: statementBytes,
    cap: 1 << 16,
    tooLarge: 'too-large',
  },
  {
    name: 'parsePolicy',
    parse: (b) => parsePolicy(b, 'policy.json'),
    valid: read('m-of-n-two-organisations/policy.json'),
    cap: 1 << 20,
    tooLarge: 'policy-too-large',
  },
  {
    name: 'parseState',
    parse: (b) => parseState(b, 'state.json'),
    valid: read('with-state/state.json'),
    cap: 1 << 20,
    tooLarge: 'too-large',
  },
  {
    name: 'parseCountersignatureStatement',
    parse: (b) => parseCountersignatureStatement(b, 'countersignature'),
    valid: countersignatureBytes,
    cap: 16 * 1024,
    tooLarge: 'too-large',
  },
];

/** Runs `parse`: returns, or throws a typed error; and within a time bound. */
function parsesSafely(
  parse: (bytes: Uint8Array) => unknown,
  bytes: Uint8Array,
): InputError | VerificationError | undefined {
  const started = performance.now();
  let error: InputError | VerificationError | undefined;
  try {
    parse(bytes);
  } catch (err) {
    if (!(err instanceof InputError) && !(err instanceof VerificationError)) {
      assert.fail(
        `untyped ${(err as Error)?.name}: ${(err as Error)?.message} on ${JSON.stringify(Buffer.from(bytes).toString('utf8').slice(0, 300))}`,
      );
    }
    assert.equal(typeof err.code, 'string');
    assert.ok(!err.message.includes('\n'), `one-line message: ${err.message}`);
    error = err;
  }
  const ms = performance.now() - started;
  assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
  return error;
}

const utf8 = (value: Json) => new TextEncoder().encode(JSON.stringify(value));

for (const target of TARGETS) {
  test(`${target.name}: the valid seed document parses`, () => {
    assert.equal(parsesSafely(target.parse, target.valid), undefined);
  });

  test(`${target.name}: random bytes and random JSON throw only typed errors, quickly`, () => {
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 512 }),
      fc.string({ unit: 'binary', maxLength: 256 }).map((s) => new TextEncoder().encode(s)),
      fc.jsonValue({ maxDepth: 6 }).map((v) => utf8(v as Json)),
    );
    fc.assert(
      fc.property(input, (bytes) => void parsesSafely(target.parse, bytes)),
      budget(150),
    );
  });

  test(`${target.name}: byte mutants of a valid document throw only typed errors, quickly`, () => {
    fc.assert(
      fc.property(byteMutant(target.valid), (bytes) => void parsesSafely(target.parse, bytes)),
      budget(150),
    );
  });

  test(`${target.name}: JSON edits of a valid document (delete, replace with odd values) throw only typed errors`, () => {
    const doc = JSON.parse(Buffer.from(target.valid).toString('utf8')) as Json;
    fc.assert(
      fc.property(jsonEdit(doc), (edit) => void parsesSafely(target.parse, utf8(applyJsonEdit(doc, edit)))),
      budget(150),
    );
  });

  test(`${target.name}: anything over the cap is rejected as too large, before parsing`, () => {
    const over = fc.tuple(fc.integer({ min: 1, max: 4096 }), fc.integer({ min: 0, max: 255 })).map(([extra, byte]) => {
      const bytes = new Uint8Array(target.cap + extra).fill(byte);
      bytes.set(target.valid.subarray(0, Math.min(target.valid.length, bytes.length)));
      return bytes;
    });
    fc.assert(
      fc.property(over, (bytes) => {
        const err = parsesSafely(target.parse, bytes);
        assert.equal(err?.code, target.tooLarge);
      }),
      budget(5),
    );
  });
}

test('parseStrictJson: nesting beyond maxDepth is too-deep, within it parses; never a stack overflow', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 64 }),
      fc.integer({ min: 0, max: 100_000 }),
      fc.constantFrom('[', '{"a":'),
      (maxDepth, depth, open) => {
        const close = open === '[' ? ']' : '}';
        const text = `${open.repeat(depth)}1${close.repeat(depth)}`;
        const err = parsesSafely(
          (b) => parseStrictJson(b, 'doc', { maxBytes: 1 << 21, maxDepth }),
          new TextEncoder().encode(text),
        );
        if (depth > maxDepth) assert.equal(err?.code, 'too-deep');
        else assert.equal(err, undefined);
      },
    ),
    budget(100),
  );
});

test('parseStrictJson: a document accepted is read alike by JSON.parse (no duplicate keys, exact integers)', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
      const text = JSON.stringify(value);
      const err = parsesSafely(
        (b) => parseStrictJson(b, 'doc', { maxBytes: 1 << 20, maxDepth: 64 }),
        new TextEncoder().encode(text),
      );
      if (err) {
        // Only the project's extra rules may refuse what JSON.parse accepts.
        assert.ok(['number-out-of-range', 'too-deep'].includes(err.code), err.message);
      } else {
        assert.deepEqual(parseStrictJson(text, 'doc', { maxBytes: 1 << 20, maxDepth: 64 }), JSON.parse(text));
      }
    }),
    budget(200),
  );
});
