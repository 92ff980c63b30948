// Crash safety of the service (issue #4): a burst of concurrent countersigning requests,
// SIGKILL of the server process in the middle of it, a restart on the same --data. Then:
// every countersignature a client received is in the log at the index its proof names; the
// tree is consistent with every checkpoint handed out; no stream version is in the log twice,
// even after every request is sent again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ed25519PublicKeyOf } from '../../src/lib/basics/crypto/ed25519.ts';
import { parseCountersignatureStatement } from '../../src/lib/formats/countersignature/statement.ts';
import { verifyCheckpoint } from '../../src/lib/checks/log/checkpoint.ts';
import { verifyConsistency } from '../../src/lib/checks/log/merkle.ts';
import { requestCountersignature } from '../../src/lib/flows/countersign/service-client.ts';
import type { WireEntry } from '../../src/lib/formats/service/api.ts';
import { type Flow, readBundle, startFlow } from '../../tools/flow.ts';
import { ORIGIN, type ServiceFiles, setUpService } from '../helpers/service.ts';

const STREAMS = Array.from({ length: 6 }, (_, i) => `crash/s${i}:stable`);
const VERSIONS = 4;

let flow: Flow;
let svc: ServiceFiles;
before(async () => {
  flow = await startFlow();
  svc = await setUpService(flow, { streams: STREAMS });
});
after(async () => flow?.close());

async function allEntries(url: string, size: number): Promise<WireEntry[]> {
  const out: WireEntry[] = [];
  while (out.length < size) {
    const page = (
      (await (await fetch(`${url}/v1/log/entries?start=${out.length}&end=${size}`)).json()) as { entries: WireEntry[] }
    ).entries;
    out.push(...page);
  }
  return out;
}

test('SIGKILL mid-burst: nothing handed out is lost, the log stays consistent, no version is signed twice', async (t) => {
  const primaries = await Promise.all(
    STREAMS.flatMap((stream) =>
      Array.from({ length: VERSIONS }, (_, v) => flow.sign(flow.statement({ stream, version: v + 1 }))),
    ),
  );
  const logVerifier = { name: ORIGIN, rawPublicKey: ed25519PublicKeyOf(svc.logKey.seed) };

  const server = await svc.start();
  const received: Uint8Array[] = [];
  let killed: Promise<void> | undefined;
  await Promise.allSettled(
    primaries.map(async (p) => {
      const out = await requestCountersignature(server.url, p, { retries: 0, timeoutMs: 20_000 });
      received.push(out);
      if (received.length === 6) killed = server.kill();
    }),
  );
  await killed;
  assert.ok(received.length >= 6, `at least 6 answers before the kill, got ${received.length}`);
  t.diagnostic(`${received.length} of ${primaries.length} answered before SIGKILL`);

  const restarted = await svc.start();
  try {
    const checkpoint = await (await fetch(`${restarted.url}/v1/log/checkpoint`)).text();
    const current = verifyCheckpoint(checkpoint, logVerifier);
    const entries = await allEntries(restarted.url, current.size);

    for (const bytes of received) {
      const c = readBundle(bytes).countersignatures[0]!;
      const proof = c.logProof!;
      assert.equal(
        entries[proof.logIndex]?.statement,
        c.statement,
        `countersignature at index ${proof.logIndex} is in the log`,
      );
      const handedOut = verifyCheckpoint(proof.checkpoint, logVerifier);
      const consistency = (await (
        await fetch(`${restarted.url}/v1/log/proof/consistency?from=${handedOut.size}&to=${current.size}`)
      ).json()) as { hashes: string[] };
      assert.ok(
        verifyConsistency(
          handedOut.size,
          current.size,
          handedOut.root,
          current.root,
          consistency.hashes.map((h) => new Uint8Array(Buffer.from(h, 'base64'))),
        ),
        `checkpoint ${handedOut.size} is a prefix of ${current.size}`,
      );
    }
    assert.equal((await flow.verify(received[0]!, { policy: svc.loggedPolicy })).outcome, 'verified');

    // Every request again: the logged ones are replayed identically; nothing is signed twice.
    const byPrimary = new Map(
      received.map((b) => [JSON.stringify(readBundle(b).primary), readBundle(b).countersignatures[0]!.statement]),
    );
    for (const p of primaries) {
      try {
        const out = await requestCountersignature(restarted.url, p, { retries: 0 });
        const before = byPrimary.get(JSON.stringify(readBundle(p).primary));
        if (before)
          assert.equal(readBundle(out).countersignatures[0]!.statement, before, 'same answer after the restart');
      } catch (err) {
        assert.equal((err as { status?: number }).status, 409, String(err));
      }
    }
    const size = ((await (await fetch(`${restarted.url}/healthz`)).json()) as { treeSize: number }).treeSize;
    const seen = new Set<string>();
    for (const e of await allEntries(restarted.url, size)) {
      const s = parseCountersignatureStatement(new Uint8Array(Buffer.from(e.statement, 'base64')), `entry ${e.index}`);
      const key = `${s.stream} v${s.version}`;
      assert.ok(!seen.has(key), `${key} is in the log once`);
      seen.add(key);
    }
    assert.ok(size >= received.length);
  } finally {
    await restarted.stop();
  }
});
