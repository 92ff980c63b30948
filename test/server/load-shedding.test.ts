// Issue 15 (admission: cheap refusals before expensive ones): with the verification queue
// full, the countersigner refuses a request that needs a worker with 503 overloaded before it
// reads the certificate (the costliest check on the main thread) or asks a worker, while a
// replay is still answered from the log and a malformed body still gets its 400. A real log
// (SQLite, in a temporary directory) and the spec's happy-path primary; the verifiers are a
// stand-in that only says whether the queue is full, and fails the test if asked to verify.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/lib/basics/errors/errors.ts';
import { parsePolicy } from '../../src/lib/formats/policy/index.ts';
import { Countersigner } from '../../src/server/countersigner.ts';
import { Refusal } from '../../src/server/refusal.ts';
import { LogStore } from '../../src/server/store.ts';
import { TransparencyLog } from '../../src/server/transparency-log.ts';
import type { Verifiers } from '../../src/server/workers/verifiers.ts';
import { makeEntry, makeKeys } from './storage-fixture.ts';

const VECTOR = new URL('../../spec/vectors/happy-path/', import.meta.url);
const policy = parsePolicy(readFileSync(new URL('policy.json', VECTOR)), 'happy-path policy');
const primary = (
  JSON.parse(readFileSync(new URL('bundle.json', VECTOR), 'utf8')) as { primary: Record<string, unknown> }
).primary;
const body = new TextEncoder().encode(JSON.stringify(primary));
const keys = makeKeys();
const dirs: string[] = [];
const stores: LogStore[] = [];
after(async () => {
  for (const s of stores) s.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function countersignerWith(full: boolean): Promise<{ countersigner: Countersigner; log: TransparencyLog }> {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-shedding-'));
  dirs.push(dir);
  const store = await LogStore.open(dir);
  stores.push(store);
  const log = await TransparencyLog.open(store, keys.logSigner, { countersignerKeys: [keys.csPublicKey] });
  const verifiers = {
    full,
    verify: () => {
      throw new Error('a worker was asked to verify');
    },
    workers: 1,
    queued: full ? 1 : 0,
    running: full ? 1 : 0,
    maxQueue: 1,
    crashes: 0,
    close: () => Promise.resolve(),
  } satisfies Verifiers;
  const signer = {
    keyId: keys.csKeyId,
    sign: () => Promise.reject(new Error('nothing may be signed here')),
  };
  return { countersigner: new Countersigner({ policy, signer, log, verifiers }), log };
}

/** Logs a countersignature of the happy-path primary, as if this service had made it earlier. */
async function logged(log: TransparencyLog): Promise<void> {
  const envelope = primary.dsseEnvelope as { payload: string; signatures: { sig: string }[] };
  const vm = primary.verificationMaterial as { certificate: { rawBytes: string } };
  await log.append(
    makeEntry(keys, 'acme/app:stable', 1, new Date(), Buffer.from(envelope.payload, 'base64'), {
      signature: Buffer.from(envelope.signatures[0]?.sig ?? '', 'base64'),
      certificate: Buffer.from(vm.certificate.rawBytes, 'base64'),
    }),
  );
}

const isOverloaded = (err: unknown) =>
  err instanceof Refusal &&
  err.status === 503 &&
  err.code === 'overloaded' &&
  err.message === 'too many requests are waiting to be verified; retry later';

test('a full queue refuses a new primary with 503 overloaded, before any worker is asked', async () => {
  const { countersigner } = await countersignerWith(true);
  await assert.rejects(countersigner.countersign(body), isOverloaded);
});

test('with room, the same primary goes on to a worker', async () => {
  const { countersigner } = await countersignerWith(false);
  await assert.rejects(countersigner.countersign(body), /a worker was asked to verify/);
});

test('a full queue still answers a replay from the log (a retry stays safe under load)', async () => {
  const { countersigner, log } = await countersignerWith(true);
  await logged(log);
  const outcome = await countersigner.countersign(body);
  assert.equal(outcome.response.replayed, true);
  assert.equal(outcome.stage, 'screened');
  const digest = createHash('sha256')
    .update(Buffer.from((primary.dsseEnvelope as { payload: string }).payload, 'base64'))
    .digest('hex');
  assert.equal(
    JSON.parse(Buffer.from(outcome.response.countersignature.statement, 'base64').toString('utf8')).payloadDigest
      .sha256,
    digest,
  );
});

test('a full queue still gives a malformed body its own refusal (400 class), not 503', async () => {
  const { countersigner } = await countersignerWith(true);
  await assert.rejects(
    countersigner.countersign(new TextEncoder().encode('{"not": "a bundle"}')),
    (err: unknown) => err instanceof InputError && err.code === 'bundle-malformed',
  );
});
