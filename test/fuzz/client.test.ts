// Property (issue 13 F4): "never throws for bad input" holds for every function the client
// library exports (src/client/index.ts, the package @countersign/verify). followPolicyRotations
// threw an InvalidCharacterError (atob) on a rotation whose DSSE payload had one character
// outside base64; this pins the promise for each export, not only for that input:
//
// - verifyBundle and followPolicyRotations never throw and never reject: every input gives a
//   result of the documented shape (an outcome, and for "error" or "rejected" a code of
//   src/lib/basics/errors/codes.ts with a one-line message);
// - isVerifiedSubject never throws: it is a boolean, true only for a verified result;
// - pinPolicy is the explicit set-up step, documented to throw when the policy is unusable
//   (docs/client.md): it returns a pinned policy or throws an InputError (PolicyError and
//   StrictJsonError are subclasses) with a known code and a one-line message, nothing else;
// - every call ends within a time bound.
//
// Inputs: anything (fc.anything with BigInt, boxed values, maps, sets, dates, typed arrays,
// sparse arrays, null prototypes), random bytes and strings, values JSON.stringify refuses
// (cycles, BigInt, nesting 100 000 deep), huge and deep documents, and valid inputs (from
// spec/vectors) with one field replaced by those or by a byte or JSON mutant of itself, for
// each parameter. No proxies or throwing getters: an app's own exotic objects are its own.
// The same properties run on the Node build (scripts/build.ts buildClientNode), with a smaller
// budget. A new function export without a contract here fails the first test.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import * as sourceClient from '../../src/client/index.ts';
import { isErrorCode } from '../../src/lib/basics/errors/codes.ts';
import { buildClientNode } from '../../scripts/build.ts';
import { loadClientVectors } from '../helpers/client-vectors.ts';
import { budget } from './budget.ts';
import { type Json, applyJsonEdit, byteMutant, jsonEdit } from './mutate.ts';

type Client = typeof sourceClient;

/** What each exported function promises (see the header); the test below holds this list to the module's exports. */
const CONTRACTS = ['verifyBundle', 'followPolicyRotations', 'pinPolicy', 'isVerifiedSubject'] as const;
/** Exported functions that take no input to judge: the error classes the others throw or report. */
const ERROR_CLASSES = ['InputError', 'PolicyError', 'VerificationError'];
/** A call's time bound (two test files run at once on two cores; a valid rotation chain takes well under a second). */
const BOUND_MS = 5000;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const vectors = loadClientVectors();
const byName = (name: string) => {
  const c = vectors.find((v) => v.name === name);
  assert.ok(c, `spec/vectors/${name}`);
  return c;
};
const release = byName('with-artifacts');
const withState = byName('with-state');
const chain = byName('rotation-chain-v1-to-v3');
const now = new Date(release.expected.verifyAt);
const chainNow = new Date(chain.expected.verifyAt);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const encode = (s: string) => new TextEncoder().encode(s);
const rotations = chain.rotations!.map((r) => r.bytes);

// --- Hostile values -------------------------------------------------------------------------

function cyclicObject(): object {
  const o: Record<string, unknown> = { mediaType: 'application/vnd.countersign.policy.v1+json' };
  o.self = o;
  return o;
}
function cyclicArray(): unknown[] {
  const a: unknown[] = [1];
  a.push(a);
  return a;
}
function deepObject(depth: number): object {
  let o: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) o = { a: o };
  return o;
}

/** Values no type describes: each is made fresh (some are mutable). */
const SPECIALS: (() => unknown)[] = [
  () => undefined,
  () => null,
  () => NaN,
  () => -0,
  () => Infinity,
  () => '',
  () => 10n,
  () => Symbol('x'),
  () => () => 1,
  () => new Date(NaN),
  () => new Date(8.64e15),
  () => new Uint8Array(0),
  () => new Uint16Array([0x7b7d]),
  () => new ArrayBuffer(8),
  () => new DataView(new ArrayBuffer(4)),
  () => Buffer.from('{}'),
  () => new Uint8Array(new ArrayBuffer(64), 8, 16),
  () => Object.create(null),
  () => Object.freeze({}),
  () => new Map([['policy', 1]]),
  () => new Set([1]),
  () => [],
  () => [[[]]],
  () => ({ toJSON: () => undefined }),
  () => ({ toJSON: () => 10n }),
  () => new String('{}'),
  cyclicObject,
  cyclicArray,
  () => deepObject(100_000),
  () => deepObject(5000),
  () => 'x'.repeat(8 << 20),
  () => new Uint8Array(8 << 20).fill(0x7b),
  () => '['.repeat(1 << 20),
  () => `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
  () => '\ufeff{}',
  () => '\ud800',
  () => encode('{"mediaType": "application/vnd.countersign.bundle.v1+json"}'),
];

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    stringUnit: 'binary',
  }),
  fc.uint8Array({ maxLength: 256 }),
  fc.string({ unit: 'binary', maxLength: 128 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(...SPECIALS).map((make) => make()),
);

/** A JSON document as an app may hold it: its bytes, its text, or parsed. */
function documentForms(bytes: Uint8Array): fc.Arbitrary<unknown>[] {
  const doc = JSON.parse(decode(bytes)) as Json;
  return [fc.constant(bytes), fc.constant(decode(bytes)), fc.constant(doc).map((d) => structuredClone(d))];
}
/** The document changed: a byte mutant (as bytes or text) or a JSON edit (parsed). */
function documentMutants(bytes: Uint8Array): fc.Arbitrary<unknown>[] {
  const doc = JSON.parse(decode(bytes)) as Json;
  return [byteMutant(bytes), byteMutant(bytes).map(decode), jsonEdit(doc).map((edit) => applyJsonEdit(doc, edit))];
}
/** The bundle with one character inserted into its primary's DSSE payload (the bug of F4: atob threw). */
function payloadMutant(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  const bundle = JSON.parse(decode(bytes)) as { primary: { dsseEnvelope: { payload: string } } };
  const { payload } = bundle.primary.dsseEnvelope;
  return fc
    .tuple(fc.nat({ max: payload.length }), fc.constantFrom('!', '.', '-', '_', '\n', ' ', '=', '\u00e9', '%', '*'))
    .map(([at, c]) =>
      encode(
        JSON.stringify({
          ...bundle,
          primary: {
            ...bundle.primary,
            dsseEnvelope: { ...bundle.primary.dsseEnvelope, payload: payload.slice(0, at) + c + payload.slice(at) },
          },
        }),
      ),
    );
}
/** Inputs every function must survive, tried first: not an object, and the valid `base` with one field JSON.stringify refuses or of the wrong type. */
function edgeInputs(base: Record<string, unknown>): [unknown][] {
  const edges: [unknown][] = [[undefined], [null], [{}], ['{}'], [42], [[]]];
  for (const key of Object.keys(base))
    for (const value of [cyclicObject(), cyclicArray(), deepObject(100_000), 10n, Symbol('x'), 'not a date'])
      edges.push([{ ...base, [key]: value }]);
  return edges;
}

/** Mostly one of `valid`, often one of `mutants`, sometimes anything at all. */
function field(valid: fc.Arbitrary<unknown>[], mutants: fc.Arbitrary<unknown>[] = []): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.oneof(...valid), weight: 6 },
    ...(mutants.length > 0 ? [{ arbitrary: fc.oneof(...mutants), weight: 3 }] : []),
    { arbitrary: hostile, weight: 1 },
  );
}

const ABSENT = Symbol('absent');

/**
 * An argument object for a function: mostly the valid `base` with one or two of its fields
 * replaced (by an alternative of that field, anything at all, or nothing), sometimes every
 * field drawn at once, and sometimes not an object of that kind at all.
 */
function argument(
  base: Record<string, unknown>,
  alternatives: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<unknown> {
  const keys = Object.keys(alternatives);
  const perturbed = fc.subarray(keys, { minLength: 1, maxLength: 2 }).chain((chosen) =>
    fc
      .tuple(
        ...chosen.map((k) =>
          fc.oneof(
            { arbitrary: alternatives[k]!, weight: 4 },
            { arbitrary: hostile, weight: 1 },
            { arbitrary: fc.constant<unknown>(ABSENT), weight: 1 },
          ),
        ),
      )
      .map((values) => {
        const out: Record<string, unknown> = { ...base };
        chosen.forEach((k, i) => {
          if (values[i] === ABSENT) Reflect.deleteProperty(out, k);
          else out[k] = values[i];
        });
        return out;
      }),
  );
  const drawn = fc
    .record(
      Object.fromEntries(
        keys.map((k) => [k, fc.option(fc.oneof(alternatives[k]!, hostile), { nil: undefined, freq: 4 })]),
      ),
    )
    .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
  return fc.oneof(
    { arbitrary: fc.constant(base), weight: 1 },
    { arbitrary: perturbed, weight: 8 },
    { arbitrary: drawn, weight: 2 },
    { arbitrary: hostile, weight: 1 },
  );
}

// --- The checks of each contract ------------------------------------------------------------

function oneLine(message: unknown, label: string): void {
  assert.equal(typeof message, 'string', `${label}: a message`);
  assert.ok(
    !(message as string).includes('\n') && (message as string).length > 0,
    `${label}: one line: ${JSON.stringify(message)}`,
  );
}
function knownCode(code: unknown, label: string): void {
  assert.ok(isErrorCode(code), `${label}: a code of codes.ts, found ${JSON.stringify(code)}`);
}
/** Runs `call`, failing on any throw or rejection (with the input described), and on the time bound. */
async function settles<T>(label: string, call: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  let value: T;
  try {
    value = await call();
  } catch (err) {
    assert.fail(`${label} threw ${(err as Error)?.name}: ${(err as Error)?.message}`);
  }
  const ms = performance.now() - started;
  assert.ok(ms < BOUND_MS, `${label} took ${ms.toFixed(0)} ms`);
  return value;
}

const OUTCOMES = ['verified', 'rejected', 'pending-countersign', 'error'];

function checkVerifyResult(r: sourceClient.VerifyBundleResult): void {
  assert.equal(typeof r, 'object');
  assert.ok(OUTCOMES.includes(r.report.outcome), r.report.outcome);
  assert.ok(Array.isArray(r.report.checks));
  assert.equal(r.report.outcome === 'error', r.error !== undefined, 'error exactly when the outcome is "error"');
  assert.equal(r.report.outcome === 'verified', typeof r.newState === 'string', 'a new state exactly when verified');
  if (r.error) {
    knownCode(r.error.code, 'verifyBundle error');
    oneLine(r.error.message, 'verifyBundle error');
  }
  if (r.report.outcome === 'rejected') {
    knownCode(r.report.failure?.code, 'verifyBundle failure');
    oneLine(r.report.failure?.message, 'verifyBundle failure');
  }
  if (r.report.outcome !== 'error')
    assert.equal(typeof r.expected?.stream, 'string', 'the expected stream unless "error"');
}

function checkFollowResult(r: sourceClient.FollowPolicyRotationsResult): void {
  assert.equal(typeof r, 'object');
  if (r.outcome === 'error') {
    knownCode(r.error.code, 'followPolicyRotations error');
    oneLine(r.error.message, 'followPolicyRotations error');
  } else if (r.outcome === 'rejected') {
    knownCode(r.failure.code, 'followPolicyRotations failure');
    oneLine(r.failure.message, 'followPolicyRotations failure');
  } else {
    assert.ok(r.outcome === 'updated' || r.outcome === 'unchanged', String((r as { outcome: unknown }).outcome));
    assert.ok(r.policy instanceof Uint8Array);
    assert.equal(typeof r.newState, 'string');
  }
}

// --- The properties, for one build of the client ----------------------------------------------

interface Fixtures {
  pinned: sourceClient.PinnedPolicy;
  verified: sourceClient.VerifyBundleResult;
  rejected: sourceClient.VerifyBundleResult;
  errored: sourceClient.VerifyBundleResult;
}

async function fixtures(lib: Client): Promise<Fixtures> {
  const pinned = lib.pinPolicy(release.policy);
  const verified = await lib.verifyBundle({ bundle: release.bundle, policy: pinned, now });
  assert.equal(verified.report.outcome, 'verified', JSON.stringify(verified.report.failure ?? verified.error));
  assert.equal(
    lib.isVerifiedSubject(verified, release.artifacts![0]!),
    true,
    'the control: a subject of a verified result',
  );
  const rejected = await lib.verifyBundle({
    bundle: release.bundle,
    policy: pinned,
    now: new Date('2040-01-01T00:00:00Z'),
  });
  assert.equal(rejected.report.outcome, 'rejected');
  const errored = await lib.verifyBundle({
    bundle: release.bundle,
    policy: pinned,
    expect: { stream: 'acme/app:nope' },
  });
  assert.equal(errored.report.outcome, 'error');
  return { pinned, verified, rejected, errored };
}

/** Outcomes met, by kind (printed with FUZZ_VERBOSE=1, to see that the inputs reach every path). */
const outcomes = new Map<string, number>();
const seen = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
after(() => {
  if (process.env.FUZZ_VERBOSE)
    console.log(
      [...outcomes]
        .sort()
        .map(([k, n]) => `${n}\t${k}`)
        .join('\n'),
    );
});

type Property = (lib: Client, f: Fixtures, runs: number) => Promise<void>;

const PROPERTIES: Record<(typeof CONTRACTS)[number], Property> = {
  async verifyBundle(lib, f, runs) {
    const [file] = release.artifacts!;
    const input = argument(
      {
        bundle: release.bundle,
        policy: f.pinned,
        artifacts: release.artifacts,
        now,
        expect: { stream: 'acme/app:stable' },
      },
      {
        bundle: field(
          [...documentForms(release.bundle), fc.constant(rotations[0]!)],
          [...documentMutants(release.bundle), payloadMutant(release.bundle)],
        ),
        policy: field(
          [fc.constant(f.pinned), ...documentForms(release.policy), fc.constant(chain.policy)],
          documentMutants(release.policy),
        ),
        trustedRoot: field(documentForms(release.trustedRoot), documentMutants(release.trustedRoot)),
        state: field([fc.constant(null), ...documentForms(withState.state!)], documentMutants(withState.state!)),
        artifacts: field(
          [fc.constant(release.artifacts!), fc.constant([])],
          [
            fc.array(
              field(
                [fc.constantFrom(...release.artifacts!)],
                [
                  fc.record({ name: fc.constant(file!.name), sha256: hostile }),
                  fc.record({ name: hostile, bytes: fc.constant(file!.bytes) }),
                ],
              ),
              { maxLength: 4 },
            ),
            fc.constant(Array.from({ length: 10_001 }, (_, i) => ({ name: `f${i}`, sha256: '0'.repeat(64) }))),
          ],
        ),
        now: field([fc.constant(now)], [fc.date({ noInvalidDate: false })]),
        what: field([fc.string({ maxLength: 40 })], [fc.constant('x'.repeat(100_000))]),
        expect: field(
          [
            fc.constant({ stream: 'acme/app:stable' }),
            fc.constant({ stream: 'acme/app:stable', kind: 'binary-digest' }),
          ],
          [
            fc.record(
              {
                stream: field([fc.constantFrom('acme/app:stable', 'acme/app:policy', 'acme/app:beta')]),
                kind: field([fc.constantFrom('binary-digest', 'fleet-key', 'nope')]),
              },
              { requiredKeys: [] },
            ),
          ],
        ),
      },
    );
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const r = await settles('verifyBundle', () => lib.verifyBundle(value as sourceClient.VerifyBundleInput));
        checkVerifyResult(r);
        seen(`verifyBundle ${r.report.outcome} ${r.error?.code ?? r.report.failure?.code ?? ''}`);
      }),
      { ...budget<[unknown]>(runs), examples: edgeInputs({ bundle: release.bundle, policy: f.pinned, now }) },
    );
  },

  async followPolicyRotations(lib, _f, runs) {
    const rotation = field(
      [
        fc.constantFrom(...rotations),
        fc.constantFrom(...rotations).map(decode),
        fc.record({ bytes: fc.constantFrom(...rotations), name: fc.string({ minLength: 1, maxLength: 20 }) }),
      ],
      [
        ...rotations.flatMap((r) => [...documentMutants(r), payloadMutant(r)]),
        fc.record({ bytes: hostile, name: fc.constant('r') }),
        fc.record({ bytes: fc.constant(rotations[0]!), name: fc.constantFrom('', 'x'.repeat(201)) }),
      ],
    );
    const input = argument(
      { policy: chain.policy, rotations, now: chainNow },
      {
        policy: field(
          [fc.constant(chain.policy), fc.constant(decode(chain.policy)), fc.constant(release.policy)],
          documentMutants(chain.policy).slice(0, 2),
        ),
        rotations: field(
          [fc.constant(rotations), fc.constant(rotations.slice(0, 1)), fc.constant([])],
          [fc.array(rotation, { maxLength: 3 }), fc.constant(Array.from({ length: 65 }, () => rotations[0]!))],
        ),
        state: field([fc.constant(null), ...documentForms(withState.state!)], documentMutants(withState.state!)),
        now: field([fc.constant(chainNow)], [fc.date({ noInvalidDate: false })]),
      },
    );
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const r = await settles('followPolicyRotations', () =>
          lib.followPolicyRotations(value as sourceClient.FollowPolicyRotationsInput),
        );
        checkFollowResult(r);
        seen(
          `followPolicyRotations ${r.outcome} ${r.outcome === 'error' ? r.error.code : r.outcome === 'rejected' ? r.failure.code : ''}`,
        );
      }),
      { ...budget<[unknown]>(runs), examples: edgeInputs({ policy: chain.policy, rotations, now: chainNow }) },
    );
  },

  async pinPolicy(lib, _f, runs) {
    const args = fc.tuple(
      field([...documentForms(release.policy), fc.constant(chain.policy)], documentMutants(release.policy)),
      fc.option(
        field(documentForms(release.trustedRoot), [
          ...documentMutants(release.trustedRoot),
          fc.constant(chain.trustedRoot),
        ]),
        { nil: undefined, freq: 2 },
      ),
    );
    await fc.assert(
      fc.asyncProperty(args, async ([policy, trustedRoot]) => {
        const outcome = await settles('pinPolicy', (): { pinned: sourceClient.PinnedPolicy } | { err: unknown } => {
          try {
            return {
              pinned: lib.pinPolicy(
                policy as sourceClient.JsonInput,
                trustedRoot as sourceClient.JsonInput | undefined,
              ),
            };
          } catch (err) {
            return { err };
          }
        });
        if ('pinned' in outcome) {
          assert.equal(typeof outcome.pinned.policy.version, 'number');
          assert.ok(Object.isFrozen(outcome.pinned));
          return;
        }
        const { err } = outcome;
        assert.ok(
          err instanceof lib.InputError,
          `pinPolicy threw ${(err as Error)?.name}: ${(err as Error)?.message}, not an InputError`,
        );
        knownCode(err.code, 'pinPolicy');
        oneLine(err.message, 'pinPolicy');
      }),
      {
        ...budget<[[unknown, unknown]]>(runs),
        examples: [
          [[cyclicObject(), undefined]],
          [[deepObject(100_000), undefined]],
          [[{ toJSON: () => 10n }, undefined]],
          [[release.policy, cyclicArray()]],
          [[undefined, undefined]],
          [[Symbol('p'), undefined]],
        ],
      },
    );
  },

  async isVerifiedSubject(lib, f, runs) {
    const [file] = release.artifacts!;
    const hex = f.verified.report
      .statement!.subjects.find((s) => s.name === file!.name)!
      .digest.replace(/^sha256:/, '');
    const plain = JSON.parse(JSON.stringify(f.verified)) as Json;
    const result = field(
      [fc.constantFrom(f.verified, f.rejected, f.errored)],
      [
        jsonEdit(plain).map((edit) => applyJsonEdit(plain, edit)),
        fc.constant(f.verified.report),
        fc.constant({ ...f.verified, expected: { stream: 'acme/app:beta' } }),
      ],
    );
    const artifact = field(
      [
        fc.constant(file!),
        fc.constant({ name: file!.name, sha256: hex }),
        fc.constant({ name: file!.name, sha256: Uint8Array.from(Buffer.from(hex, 'hex')) }),
      ],
      [
        fc.record({ name: field([fc.constant(file!.name)]), bytes: hostile }),
        fc.record({ name: field([fc.constant(file!.name)]), sha256: hostile }),
        fc.record({ name: hostile, sha256: fc.constant(hex) }),
      ],
    );
    await fc.assert(
      fc.asyncProperty(result, artifact, async (r, a) => {
        const answer = await settles('isVerifiedSubject', () =>
          lib.isVerifiedSubject(r as sourceClient.VerifyBundleResult, a as sourceClient.ArtifactInput),
        );
        assert.equal(typeof answer, 'boolean');
        if (answer) assert.equal((r as sourceClient.VerifyBundleResult).report.outcome, 'verified');
      }),
      {
        ...budget<[unknown, unknown]>(runs),
        examples: [
          [undefined, undefined],
          [null, release.artifacts![0]],
          [f.verified, undefined],
          [f.verified, { name: release.artifacts![0]!.name }],
          [{ report: null }, release.artifacts![0]],
        ],
      },
    );
  },
};

// --- The tests ------------------------------------------------------------------------------

test('F4 every function the client exports has a contract here (a new export needs its property)', () => {
  const functions = Object.entries(sourceClient)
    .filter(([, v]) => typeof v === 'function')
    .map(([k]) => k)
    .sort();
  assert.deepEqual(functions, [...CONTRACTS, ...ERROR_CLASSES].sort());
  for (const name of ERROR_CLASSES) {
    const cls = (sourceClient as Record<string, unknown>)[name] as { prototype?: unknown };
    assert.ok(cls.prototype instanceof Error, `${name} is an error class`);
  }
});

let sourceFixtures: Fixtures;
before(async () => {
  sourceFixtures = await fixtures(sourceClient);
});

const RUNS: Record<(typeof CONTRACTS)[number], number> = {
  verifyBundle: 120,
  followPolicyRotations: 60,
  pinPolicy: 120,
  isVerifiedSubject: 300,
};

for (const name of CONTRACTS) {
  test(`F4 ${name} on hostile input: ${name === 'pinPolicy' ? 'returns a pinned policy or throws only an InputError with a code and one line' : 'never throws'}, the result has its documented shape, within ${BOUND_MS / 1000} s`, async () => {
    await PROPERTIES[name](sourceClient, sourceFixtures, RUNS[name]);
  });
}

// The Node build (packages/verify/dist/verify.mjs as `npm run build` makes it), built from the
// current sources into a scratch directory: the same properties, a quarter of the runs.
let dir: string | undefined;
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('F4 the Node build keeps the same promises (the same properties, fewer runs)', async () => {
  dir = await mkdtemp(join(tmpdir(), 'countersign-client-fuzz-'));
  await buildClientNode(dir, ROOT);
  const built = (await import(pathToFileURL(join(dir, 'verify.mjs')).href)) as Client;
  const functions = Object.keys(built)
    .filter((k) => typeof (built as Record<string, unknown>)[k] === 'function')
    .sort();
  assert.deepEqual(functions, [...CONTRACTS, ...ERROR_CLASSES].sort(), 'the build exports what the sources do');
  const f = await fixtures(built);
  for (const name of CONTRACTS) await PROPERTIES[name](built, f, Math.ceil(RUNS[name] / 4));
});
