// Comparing bytes: the one equality of digests, roots, keys and signatures. No early exit on
// the first difference (the time taken depends on the length only), and no Buffer or
// node:crypto, so the browser build needs no stand-in for it.

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
