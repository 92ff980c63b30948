// The browser build's `util` (scripts/build.ts aliases `util` and `node:util` here): only
// isDeepStrictEqual, which @sigstore/verify's Verifier uses to refuse duplicate timestamps,
// SCTs and log entries. A false "not equal" would let a duplicate count twice, so anything
// this comparison does not model (Map, Set, WeakMap, ...) throws instead of guessing.

/** Node's util.isDeepStrictEqual for plain data: SameValue primitives, same prototypes, own keys, typed-array contents. */
export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  return equal(a, b, new Map());
}

function equal(a: unknown, b: unknown, seen: Map<object, object>): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Object.prototype.toString.call(a) !== Object.prototype.toString.call(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Map || a instanceof Set || a instanceof WeakMap || a instanceof WeakSet || a instanceof Promise) {
    throw new Error('isDeepStrictEqual (browser build): Map, Set and other collections are not supported');
  }
  if (ArrayBuffer.isView(a)) {
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array(
      (b as ArrayBufferView).buffer,
      (b as ArrayBufferView).byteOffset,
      (b as ArrayBufferView).byteLength,
    );
    if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
  } else if (a instanceof Date) {
    if (!Object.is(a.getTime(), (b as Date).getTime())) return false;
  } else if (a instanceof RegExp) {
    if (a.source !== (b as RegExp).source || a.flags !== (b as RegExp).flags || a.lastIndex !== (b as RegExp).lastIndex)
      return false;
  } else if (a instanceof Error) {
    if (a.message !== (b as Error).message || a.name !== (b as Error).name) return false;
  }
  const keysA = ownEnumerableKeys(a);
  const keysB = ownEnumerableKeys(b);
  if (keysA.length !== keysB.length) return false;
  const setB = new Set(keysB);
  for (const key of keysA) {
    if (!setB.has(key)) return false;
    // Typed arrays' index keys were compared above as bytes.
    if (ArrayBuffer.isView(a) && typeof key === 'string' && /^\d+$/.test(key)) continue;
    if (!equal((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key], seen)) return false;
  }
  return true;
}

function ownEnumerableKeys(o: object): PropertyKey[] {
  return Reflect.ownKeys(o).filter((k) => Object.prototype.propertyIsEnumerable.call(o, k));
}

export default { isDeepStrictEqual };
