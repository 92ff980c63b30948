// Comparing bytes: the one equality of digests, roots, keys and signatures. No early exit on
// the first difference (the time taken depends on the length only), and no Buffer or
// node:crypto, so the browser build needs no stand-in for it.

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  // A plain loop (a forEach callback costs ~10x more on a multi-megabyte payload). b[i] is
  // always present (the lengths are equal); were it not, the byte would count as different.
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0x100);
  return difference === 0;
}
