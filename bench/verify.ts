// Verification overhead (issue #7): the library's full verify (runPipeline: Sigstore,
// countersignature, policy, statement) per bundle against a bare @sigstore/verify of the same
// primary, in one process, trust material parsed once for both (batch verification passes
// `trust: trustMaterialOf(policy)`). Also: Ed25519 countersignature verification throughput,
// the strict rule beside node:crypto (OpenSSL) alone.
import { createPublicKey, generateKeyPairSync, sign as opensslSign, verify as opensslVerify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as ed from '@noble/ed25519';
import { bundleFromJSON } from '@sigstore/bundle';
import { Verifier, toSignedEntity } from '@sigstore/verify';
import { verifyEd25519Strict } from '../src/lib/basics/crypto/ed25519.ts';
import { runPipeline } from '../src/lib/pipeline/run.ts';
import { trustMaterialOf } from '../src/lib/checks/sigstore/trusted-root.ts';
import { type Fixture, type Row, fmt, median } from './lib.ts';

/** Bundles verified per timed batch; batches alternate between the two sides. */
const BATCH = 50;

export async function benchVerify(f: Fixture, budgetMs: number): Promise<Row[]> {
  const trust = trustMaterialOf(f.policy);
  const verifier = new Verifier(trust);
  const primaryText = new TextDecoder().decode(f.primaryBytes);
  const bare = () => {
    const bundle = bundleFromJSON(JSON.parse(primaryText));
    verifier.verify(toSignedEntity(bundle), { subjectAlternativeName: f.identity, extensions: { issuer: f.issuer } });
  };
  const full = async () => {
    const { report } = await runPipeline(f.bundleBytes, { policy: f.policy, trust });
    if (report.outcome !== 'verified')
      throw new Error(`bench: the fixture bundle did not verify: ${JSON.stringify(report.failure)}`);
  };
  // Warm-up: JIT, lazy module state, caches.
  for (let i = 0; i < 20; i++) {
    bare();
    await full();
  }
  const bareMs: number[] = [];
  const fullMs: number[] = [];
  const started = performance.now();
  while (bareMs.length < 5 || performance.now() - started < budgetMs) {
    let t = performance.now();
    for (let i = 0; i < BATCH; i++) bare();
    bareMs.push((performance.now() - t) / BATCH);
    t = performance.now();
    for (let i = 0; i < BATCH; i++) await full();
    fullMs.push((performance.now() - t) / BATCH);
  }
  const b = median(bareMs);
  const v = median(fullMs);
  return [
    {
      group: 'verify',
      name: 'full verify (runPipeline) / bare @sigstore/verify, per bundle',
      value: v / b,
      unit: 'x',
      target: { op: '<=', value: 1.15 },
      detail: `median per bundle: full ${fmt(v, 3)} ms, bare ${fmt(b, 3)} ms (${fullMs.length} batches of ${BATCH} each side, trust parsed once)`,
    },
  ];
}

/** Verifications per second of the strict rule, of OpenSSL alone and of noble alone. */
export function benchEd25519(budgetMs: number): Row[] {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(12));
  const message = new TextEncoder().encode('x'.repeat(400)); // about a countersignature statement's PAE
  const signature = new Uint8Array(opensslSign(null, message, privateKey));
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  const perSecond = (fn: () => boolean): number => {
    for (let i = 0; i < 200; i++) if (!fn()) throw new Error('bench: a valid signature did not verify');
    let n = 0;
    const started = performance.now();
    while (performance.now() - started < budgetMs / 4) {
      for (let i = 0; i < 100; i++) fn();
      n += 100;
    }
    return (n * 1000) / (performance.now() - started);
  };
  const strict = perSecond(() => verifyEd25519Strict(signature, message, raw));
  const opensslFresh = perSecond(() =>
    opensslVerify(null, message, createPublicKey({ key: spki, format: 'der', type: 'spki' }), signature),
  );
  const opensslReused = perSecond(() => opensslVerify(null, message, publicKey, signature));
  const noble = perSecond(() => ed.verify(signature, message, raw, { zip215: false }));
  const row = (name: string, value: number, detail: string): Row => ({
    group: 'ed25519',
    name,
    value,
    unit: 'verif/s',
    detail,
  });
  return [
    row(
      'verifyEd25519Strict (the strict rule, as shipped)',
      strict,
      `${fmt(opensslReused / strict, 1)}x slower than OpenSSL alone with a reused key`,
    ),
    row(
      'node:crypto verify, KeyObject built each time',
      opensslFresh,
      'OpenSSL, cofactorless, no strict encoding checks',
    ),
    row('node:crypto verify, KeyObject reused', opensslReused, 'OpenSSL alone'),
    row('@noble/ed25519 verify { zip215: false }', noble, 'noble alone (cofactored)'),
  ];
}

export async function readFixtureBytes(path: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path));
}
