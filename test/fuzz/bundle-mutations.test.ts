// Property (spec/ATTACKS.md §Fuzzing): any mutation of a valid countersigned bundle (byte
// edits, field deletions and odd replacements, field swaps with a second valid bundle, edits of
// the signed documents inside it) either leaves it semantically unchanged or is rejected. The
// pipeline always returns a report (it never throws), and a mutant that verifies carries the
// primary of one of the two genuine bundles and only countersignatures genuinely made for it:
// no mutation makes a forgery verify. One local stack.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Policy } from '../../src/lib/formats/policy/index.ts';
import type { VerificationReport } from '../../src/lib/pipeline/report.ts';
import { type Flow, startFlow } from '../../tools/flow.ts';
import { budget } from './budget.ts';
import { type Json, applyJsonEdit, byteMutant, jsonEdit } from './mutate.ts';

let flow: Flow;
let policy: Policy;
/** v1 countersigned by B and C; v2 (TSA only) countersigned by B. */
let bundleA: Uint8Array;
let bundleB: Uint8Array;
let jsonA: Json;
let jsonB: Json;

before(async () => {
  flow = await startFlow();
  policy = flow.makePolicy({ countersigners: [flow.keys.b, flow.keys.c], threshold: 1 });
  const [p1, p2] = await Promise.all([
    flow.sign(flow.statement({ version: 1 })),
    flow.sign(flow.statement({ version: 2 }), { instance: flow.tsaOnly }),
  ]);
  bundleA = await flow.countersign(await flow.countersign(p1, flow.keys.b, { policy }), flow.keys.c, { policy });
  bundleB = await flow.countersign(p2, flow.keys.b, { policy });
  jsonA = JSON.parse(Buffer.from(bundleA).toString('utf8'));
  jsonB = JSON.parse(Buffer.from(bundleB).toString('utf8'));
});

after(async () => {
  await flow?.close();
});

type Bundleish = {
  primary?: {
    dsseEnvelope?: unknown;
    verificationMaterial?: {
      certificate?: unknown;
      tlogEntries?: { logIndex?: unknown; logId?: unknown }[];
      timestampVerificationData?: unknown;
    };
  };
  countersignatures?: unknown[];
};

/** What a verified bundle asserts: the signed primary (payload, signature, certificate, log entries, timestamps). */
function primaryKey(doc: Bundleish): string {
  const p = doc.primary ?? (doc as Bundleish['primary']);
  const vm = p?.verificationMaterial;
  return JSON.stringify([
    p?.dsseEnvelope,
    vm?.certificate,
    (vm?.tlogEntries ?? []).map((e) => [e.logIndex, e.logId]),
    vm?.timestampVerificationData,
  ]);
}

/** Verified => one genuine primary, and only countersignatures genuinely made for it. */
function assertNoForgery(report: VerificationReport, bytes: Uint8Array): void {
  if (report.outcome !== 'verified') {
    assert.ok(['rejected', 'pending-countersign'].includes(report.outcome), report.outcome);
    if (report.outcome === 'rejected') assert.ok(report.failure?.code, 'a rejection names its code');
    return;
  }
  const doc = JSON.parse(Buffer.from(bytes).toString('utf8')) as Bundleish;
  const origin = [jsonA, jsonB].find((g) => primaryKey(g as Bundleish) === primaryKey(doc)) as Bundleish | undefined;
  assert.ok(origin, `a mutant with a changed primary verified: ${Buffer.from(bytes).toString('utf8').slice(0, 400)}`);
  const genuine = new Set((origin.countersignatures ?? []).map((c) => JSON.stringify(c)));
  for (const c of doc.countersignatures ?? [])
    assert.ok(genuine.has(JSON.stringify(c)), `a non-genuine countersignature verified: ${JSON.stringify(c)}`);
}

async function check(bytes: Uint8Array): Promise<void> {
  let report: VerificationReport;
  try {
    report = await flow.verify(bytes, { policy });
  } catch (err) {
    assert.fail(`runPipeline threw instead of returning a report: ${(err as Error)?.stack ?? String(err)}`);
  }
  assertNoForgery(report, bytes);
}

const utf8 = (value: Json) => new TextEncoder().encode(JSON.stringify(value, null, 2));

test('control: both genuine bundles verify under the fuzzing policy', async () => {
  assert.equal((await flow.verify(bundleA, { policy })).outcome, 'verified');
  assert.equal((await flow.verify(bundleB, { policy })).outcome, 'verified');
});

test('byte edits of a valid bundle (flip, set, insert, delete, duplicate) never forge', async () => {
  await fc.assert(fc.asyncProperty(fc.oneof(byteMutant(bundleA), byteMutant(bundleB)), check), budget(120));
});

test('field deletions, odd replacements and swaps between two valid bundles never forge', async () => {
  const edits = fc.oneof(
    jsonEdit(jsonA, jsonB).map((e) => applyJsonEdit(jsonA, e, jsonB)),
    jsonEdit(jsonB, jsonA).map((e) => applyJsonEdit(jsonB, e, jsonA)),
  );
  await fc.assert(
    fc.asyncProperty(edits, (doc) => check(utf8(doc))),
    budget(150),
  );
});

test('two edits at once (swap then delete or replace) never forge', async () => {
  const edits = fc.tuple(jsonEdit(jsonA, jsonB), fc.nat()).chain(([first]) => {
    const once = applyJsonEdit(jsonA, first, jsonB);
    return jsonEdit(once, jsonB).map((second) => applyJsonEdit(once, second, jsonB));
  });
  await fc.assert(
    fc.asyncProperty(edits, (doc) => check(utf8(doc))),
    budget(60),
  );
});

/** The signed documents inside: the DSSE payload (A's statement) and B's countersignature statements. */
function innerFields(doc: Json): { get: () => string; set: (v: string) => Json }[] {
  const d = doc as { primary: { dsseEnvelope: { payload: string } }; countersignatures: { statement: string }[] };
  const fields = [
    {
      get: () => d.primary.dsseEnvelope.payload,
      set: (v: string) =>
        ({
          ...d,
          primary: { ...d.primary, dsseEnvelope: { ...d.primary.dsseEnvelope, payload: v } },
        }) as unknown as Json,
    },
    ...d.countersignatures.map((c, i) => ({
      get: () => c.statement,
      set: (v: string): Json => ({
        ...d,
        countersignatures: d.countersignatures.map((x, j) => (j === i ? { ...x, statement: v } : x)),
      }),
    })),
  ];
  return fields;
}

test('edits of the signed documents inside (statement, countersignature statements), re-encoded, never forge', async () => {
  const mutants = fc.constantFrom(jsonA, jsonB).chain((doc) =>
    fc.constantFrom(...innerFields(doc)).chain((field) => {
      const inner = new Uint8Array(Buffer.from(field.get(), 'base64'));
      const innerJson = JSON.parse(Buffer.from(inner).toString('utf8')) as Json;
      return fc
        .oneof(
          byteMutant(inner),
          jsonEdit(innerJson).map((e) => new TextEncoder().encode(JSON.stringify(applyJsonEdit(innerJson, e)))),
        )
        .map((bytes) => field.set(Buffer.from(bytes).toString('base64')));
    }),
  );
  await fc.assert(
    fc.asyncProperty(mutants, (doc) => check(utf8(doc))),
    budget(120),
  );
});
