// The Wycheproof and C2SP CCTV Ed25519 vectors (test/vectors/ed25519/) as one flat list
// of (key, signature, message, expected verdict under the strict rule of spec/ED25519.md), so
// that a build of the rule other than Node's (the browser build, test/client/browser-build.test.ts
// and test/client/browser/) is judged exactly as test/lib/basics/crypto/ed25519-vectors.test.ts judges the Node one.
import { readFileSync } from 'node:fs';

const VECTORS = new URL('../vectors/ed25519/', import.meta.url);

export interface Ed25519Case {
  label: string;
  /** Hex. */
  publicKey: string;
  signature: string;
  message: string;
  /** The strict rule's verdict: accept (true) or reject. */
  expected: boolean;
}

/** spec/ED25519.md §2.1: the CCTV flags that make a case invalid under the strict rule. */
const REJECTING_FLAGS = new Set([
  'non_canonical_A',
  'non_canonical_R',
  'low_order_A',
  'low_order_R',
  'low_order_residue',
]);

interface WycheproofFile {
  testGroups: {
    publicKey: { pk: string };
    tests: { tcId: number; comment: string; msg: string; sig: string; result: string }[];
  }[];
}
interface CctvCase {
  number: number;
  key: string;
  sig: string;
  msg: string;
  flags: string[] | null;
}

export function loadEd25519Cases(): Ed25519Case[] {
  const wycheproof = JSON.parse(
    readFileSync(new URL('wycheproof-ed25519_test.json', VECTORS), 'utf8'),
  ) as WycheproofFile;
  const cctv = JSON.parse(readFileSync(new URL('cctv-ed25519vectors.json', VECTORS), 'utf8')) as CctvCase[];
  const out: Ed25519Case[] = [];
  for (const group of wycheproof.testGroups) {
    for (const t of group.tests) {
      if (t.result === 'acceptable') continue; // spec/ED25519.md §2.2: either way (the file has none)
      out.push({
        label: `wycheproof tcId ${t.tcId} (${t.comment})`,
        publicKey: group.publicKey.pk,
        signature: t.sig,
        message: t.msg,
        expected: t.result === 'valid',
      });
    }
  }
  for (const c of cctv) {
    const flags = c.flags ?? [];
    out.push({
      label: `cctv #${c.number} [${flags.join(',')}]`,
      publicKey: c.key,
      signature: c.sig,
      message: Buffer.from(c.msg, 'utf8').toString('hex'),
      expected: !flags.some((f) => REJECTING_FLAGS.has(f)),
    });
  }
  return out;
}

/** The same tallies test/lib/basics/crypto/ed25519-vectors.test.ts pins: guards against a vacuous loop. */
export const ED25519_TALLY = { cases: 151 + 914, accepted: 88 + 43 };
