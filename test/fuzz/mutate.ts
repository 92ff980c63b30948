// Arbitraries that turn a valid document into a malicious one (spec/ATTACKS.md §Fuzzing):
// byte edits (flip, insert, delete, duplicate a slice), and JSON edits at a random path
// (delete the field, replace it with a random JSON value, or take the value at the same path
// from a second valid document).
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Path = (string | number)[];

/** Every path to a value inside `doc` (the root excluded), in document order. */
export function pathsOf(doc: Json, prefix: Path = []): Path[] {
  if (doc === null || typeof doc !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(doc) ? doc.map((v, i) => [i, v]) : Object.entries(doc);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
}

export function getAt(doc: Json, path: Path): Json | undefined {
  let cur: Json | undefined = doc;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, Json>)[k];
  }
  return cur;
}

/** A deep copy of `doc` with the value at `path` deleted (spliced out of an array) or replaced. */
export function editAt(doc: Json, path: Path, replacement: { delete: true } | { value: Json }): Json {
  const copy = structuredClone(doc);
  const parent = getAt(copy, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (parent === null || typeof parent !== 'object' || parent === undefined) return copy;
  if ('delete' in replacement) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else Reflect.deleteProperty(parent, key);
  } else {
    (parent as Record<string | number, Json>)[key] = replacement.value;
  }
  return copy;
}

export type ByteEdit =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; byte: number }
  | { op: 'insert'; at: number; byte: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number };

export function applyByteEdits(bytes: Uint8Array, edits: ByteEdit[]): Uint8Array {
  let out = Buffer.from(bytes);
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % out.length;
    if (e.op === 'flip') out[at] = (out[at] ?? 0) ^ (1 << e.bit);
    else if (e.op === 'set') out[at] = e.byte;
    else if (e.op === 'insert') out = Buffer.concat([out.subarray(0, at), Buffer.from([e.byte]), out.subarray(at)]);
    else if (e.op === 'delete') out = Buffer.concat([out.subarray(0, at), out.subarray(at + e.length)]);
    else
      out = Buffer.concat([
        out.subarray(0, at + e.length),
        out.subarray(at, at + e.length),
        out.subarray(at + e.length),
      ]);
  }
  return new Uint8Array(out);
}

/** Bytes that matter to JSON parsers: structure, quotes, escapes, digits, high bytes, BOM parts. */
const interestingByte = fc.constantFrom(
  0x00,
  0x09,
  0x0a,
  0x20,
  0x22,
  0x2c,
  0x2d,
  0x2e,
  0x30,
  0x31,
  0x39,
  0x3a,
  0x5b,
  0x5c,
  0x5d,
  0x65,
  0x75,
  0x7b,
  0x7d,
  0x7f,
  0x80,
  0xbf,
  0xc0,
  0xed,
  0xef,
  0xff,
);

export const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    op: fc.constant('set' as const),
    at: fc.nat(),
    byte: fc.oneof(interestingByte, fc.integer({ min: 0, max: 255 })),
  }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    byte: fc.oneof(interestingByte, fc.integer({ min: 0, max: 255 })),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
);

/** 1 to 4 byte edits of `bytes`. */
export function byteMutant(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc.array(byteEdit, { minLength: 1, maxLength: 4 }).map((edits) => applyByteEdits(bytes, edits));
}

/** Values that parsers read differently or that break type assumptions. */
export const oddJson: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    false,
    0,
    -1,
    1,
    2 ** 53 - 1,
    -(2 ** 53 - 1),
    '',
    '\u0000',
    '\ufeff',
    'a'.repeat(5000),
    [],
    {},
    [[[]]],
    { sha256: '0'.repeat(64) },
  ),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
);

export type JsonEdit =
  { kind: 'delete'; path: Path } | { kind: 'replace'; path: Path; value: Json } | { kind: 'swap'; path: Path };

/** A JSON edit of `doc` at one of its paths; `swap` takes the value at that path from `other`. */
export function jsonEdit(doc: Json, other?: Json): fc.Arbitrary<JsonEdit> {
  const paths = pathsOf(doc);
  const swappable = other === undefined ? [] : paths.filter((p) => getAt(other, p) !== undefined);
  const path = fc.constantFrom(...paths);
  const options: fc.Arbitrary<JsonEdit>[] = [
    path.map((p) => ({ kind: 'delete' as const, path: p })),
    fc.tuple(path, oddJson).map(([p, value]) => ({ kind: 'replace' as const, path: p, value })),
  ];
  if (swappable.length > 0)
    options.push(fc.constantFrom(...swappable).map((p) => ({ kind: 'swap' as const, path: p })));
  return fc.oneof(...options);
}

export function applyJsonEdit(doc: Json, edit: JsonEdit, other?: Json): Json {
  if (edit.kind === 'delete') return editAt(doc, edit.path, { delete: true });
  if (edit.kind === 'replace') return editAt(doc, edit.path, { value: edit.value });
  return editAt(doc, edit.path, { value: structuredClone(getAt(other as Json, edit.path) as Json) });
}

export type { Json };
