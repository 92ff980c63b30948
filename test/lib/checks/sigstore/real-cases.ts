// The real-bundle cases of test/vectors/real-sigstore/ (sources in its SOURCES.md), shared by
// the tests that read them: the case list, each instance's verifier thresholds, and the
// bundles a case's file holds.
import { readFileSync } from 'node:fs';

const DIR = new URL('../../../vectors/real-sigstore/', import.meta.url);

/** A file of test/vectors/real-sigstore/, by its path there. */
export const readReal = (path: string): Buffer => readFileSync(new URL(path, DIR));

export interface RealCase {
  name: string;
  instance: 'github' | 'public-good' | 'rekor-v2' | 'staging';
  bundle: string;
  trustedRoot: string;
  artifact?: string;
  digest?: { alg: string; hex: string };
  digestAlg?: string;
  san?: string;
  issuer?: string;
  expect: 'pass' | 'fail';
  why?: string;
}

export const REAL_CASES = JSON.parse(readReal('cases.json').toString('utf8')) as RealCase[];

// GitHub's instance has no CT log and no transparency log: its certificates carry no SCT and
// its time comes from one RFC 3161 timestamp. The others: one SCT, one tlog entry, one time.
export const THRESHOLDS = {
  github: { ctlogThreshold: 0, tlogThreshold: 0, timestampThreshold: 1 },
  'public-good': { ctlogThreshold: 1, tlogThreshold: 1, timestampThreshold: 1 },
  'rekor-v2': { ctlogThreshold: 1, tlogThreshold: 1, timestampThreshold: 1 },
  staging: { ctlogThreshold: 1, tlogThreshold: 1, timestampThreshold: 1 },
} as const;

/** A bundle file holds one bundle, or JSON lines of bundles (gh attestation download), bare or as {bundle}. */
export function bundlesOf(path: string): Record<string, unknown>[] {
  const text = readReal(path).toString('utf8').trim();
  const docs =
    text.startsWith('{') && !text.includes('\n{') ? [JSON.parse(text)] : text.split('\n').map((l) => JSON.parse(l));
  return (docs as Record<string, unknown>[]).map((d) =>
    'mediaType' in d ? d : ((d.bundle as Record<string, unknown> | undefined) ?? d),
  );
}
