// The service's witness wiring (issue 16): `countersign serve --witness URL=VKEY` submits each
// new checkpoint to the witnesses and hands out the cosigned checkpoint. A real witness
// (src/witness, organisation A's) and a real service process; a second configured witness
// accepts connections and never answers. A countersigned bundle from the service carries A's
// cosignature in its logProof (the silent witness holds the answer back by the bounded wait
// at most), verifies under a policy that requires A's witness, and fails
// (log-witness-threshold) under one that requires a witness the service was not given.
// GET /checkpoint carries the cosignature too, and still does after a restart with A's
// witness gone (the cosigned note is kept in the data directory).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { type Server, type Socket, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCountersignerKey, parsePrivateKeyPem } from '../../src/lib/basics/crypto/ed25519-keys.ts';
import { ed25519PublicKeyOf } from '../../src/lib/basics/crypto/ed25519.ts';
import { seedSigner } from '../../src/lib/basics/crypto/signer.ts';
import { type CosignatureSigner, verifyCosignatures } from '../../src/lib/checks/log/cosignature.ts';
import { requestCountersignature } from '../../src/lib/flows/countersign/service-client.ts';
import { cosignerVerifierKey } from '../../src/lib/formats/log/cosignature.ts';
import { buildPolicy, parsePolicy, type Policy } from '../../src/lib/formats/policy/index.ts';
import { type RunningWitness, startWitnessServer } from '../../src/witness/http.ts';
import { WitnessStore } from '../../src/witness/store.ts';
import { Witness } from '../../src/witness/witness.ts';
import { type Flow, readBundle, startFlow } from '../../tools/flow.ts';
import { ORIGIN, type RunningServe, type ServiceFiles, setUpService } from '../helpers/service.ts';

function witnessKey(name: string): CosignatureSigner {
  const key = parsePrivateKeyPem(generateCountersignerKey().privateKeyPem, name);
  return { name, rawPublicKey: key.publicKey, signer: seedSigner(key.seed, key.keyId) };
}

const keyA = witnessKey('witness.org-a.test/w1');
const keySilent = witnessKey('witness.silent.test/w1');
const keyOther = witnessKey('witness.not-configured.test/w1');
let flow: Flow;
let svc: ServiceFiles;
let server: RunningServe | undefined;
let dir: string;
let witnessA: RunningWitness | undefined;
let silent: Server;
const silentSockets = new Set<Socket>();

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'countersign-witness-wiring-'));
  flow = await startFlow();
  svc = await setUpService(flow);
  const store = await WitnessStore.open(join(dir, 'witness-a'));
  const witness = new Witness({
    signer: keyA,
    logs: new Map([[ORIGIN, { name: ORIGIN, rawPublicKey: ed25519PublicKeyOf(svc.logKey.seed) }]]),
    store,
  });
  witnessA = await startWitnessServer({ witness, origins: [ORIGIN], host: '127.0.0.1', port: 0 });
  // A witness that accepts the connection and never answers.
  silent = createServer((socket) => {
    silentSockets.add(socket);
    socket.on('close', () => silentSockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
});
after(async () => {
  await server?.stop();
  await witnessA?.close();
  for (const s of silentSockets) s.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
  await flow?.close();
  await rm(dir, { recursive: true, force: true });
});

const vkey = (k: CosignatureSigner) => cosignerVerifierKey(k.name, k.rawPublicKey);

function serveArgs(witnesses: string[]): string[] {
  return [
    '--key',
    svc.keyFile,
    '--log-key',
    svc.logKeyFile,
    '--origin',
    ORIGIN,
    '--policy',
    svc.policyFile,
    '--data',
    join(svc.dir, 'data'),
    '--listen',
    '127.0.0.1:0',
    ...witnesses.flatMap((w) => ['--witness', w]),
  ];
}

function witnessedPolicy(keys: string[]): Policy {
  return parsePolicy(
    JSON.stringify(
      buildPolicy({
        issuer: flow.stack.description.issuer,
        identity: flow.stack.description.identity,
        githubClaims: flow.stack.sourceRepository,
        trustedRoot: flow.trustedRoot,
        countersigners: [
          {
            name: flow.keys.b.name,
            organisation: flow.keys.b.organisation,
            publicKeyPem: flow.keys.b.publicKeyPem,
            log: { origin: ORIGIN, publicKeyPem: svc.logKey.publicKeyPem, witnesses: { threshold: 1, keys } },
          },
        ],
        streams: ['acme/app:stable'],
      }),
    ),
    'witnessed policy',
  );
}

test("a bundle countersigned by the service carries the configured witness's cosignature and verifies under a policy requiring it; a policy requiring another witness rejects it", async () => {
  assert.ok(witnessA);
  const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  server = await svc.start({ args: serveArgs([`${witnessA.url}=${vkey(keyA)}`, `${silentUrl}=${vkey(keySilent)}`]) });

  for (const version of [1, 2]) {
    const started = performance.now();
    const bundle = await requestCountersignature(server.url, await flow.sign(flow.statement({ version })), {
      retries: 0,
    });
    const elapsed = performance.now() - started;
    const proof = readBundle(bundle).countersignatures[0]?.logProof;
    assert.ok(proof);
    assert.equal(proof.treeSize, version);
    const found = verifyCosignatures(proof.checkpoint, [keyA, keySilent], 'logProof checkpoint');
    assert.deepEqual(
      found.map((c) => c.name),
      [keyA.name],
    );
    // Held back by the 2 s wait at most, not by the silent witness's 5 s request timeout
    // (generous: signing and verification run on a loaded machine too).
    assert.ok(elapsed < 4900, `answered in ${Math.round(elapsed)} ms`);

    assert.equal((await flow.verify(bundle, { policy: witnessedPolicy([vkey(keyA)]) })).outcome, 'verified');
    const other = await flow.verify(bundle, { policy: witnessedPolicy([vkey(keyOther)]) });
    assert.equal(other.outcome, 'rejected');
    assert.equal(other.failure?.code, 'log-witness-threshold');
  }

  const checkpoint = await (await fetch(`${server.url}/checkpoint`)).text();
  assert.equal(verifyCosignatures(checkpoint, [keyA], 'GET /checkpoint').length, 1);
  assert.equal(await (await fetch(`${server.url}/v1/log/checkpoint`)).text(), checkpoint);
  // The silent witness is reported in the request log, never with key material.
  await new Promise((resolve) => setTimeout(resolve, 5500));
  assert.ok(server.lines.some((l) => l.includes('"witness-failed"') && l.includes(keySilent.name)));
});

test("after a restart, with A's witness gone, the service still serves A's cosignature on its checkpoint", async () => {
  assert.ok(server && witnessA);
  const before = await (await fetch(`${server.url}/checkpoint`)).text();
  assert.equal(await server.stop(), 0);
  server = undefined;
  const url = witnessA.url;
  await witnessA.close();
  witnessA = undefined;
  server = await svc.start({ args: serveArgs([`${url}=${vkey(keyA)}`]) });
  const after = await (await fetch(`${server.url}/checkpoint`)).text();
  assert.equal(after, before);
  assert.equal(verifyCosignatures(after, [keyA], 'GET /checkpoint after restart').length, 1);
  // A new countersignature while the witness is gone: answered (after the bounded wait) with
  // the log's own checkpoint of size 3; never a cosignature of another size on it.
  const replay = await requestCountersignature(server.url, await flow.sign(flow.statement({ version: 3 })), {
    retries: 0,
  });
  const proof = readBundle(replay).countersignatures[0]?.logProof;
  assert.equal(proof?.treeSize, 3);
  // Size 3 was never cosigned (A is gone): the log's own checkpoint, no cosignature.
  assert.equal(verifyCosignatures(proof?.checkpoint ?? '', [keyA], 'size 3').length, 0);
});
