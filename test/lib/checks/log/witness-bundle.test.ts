// Witnesses end to end (issue 16): a real countersigning service (test/helpers/service.ts), a
// real witness run by organisation A on 127.0.0.1, bundles through the whole pipeline. A policy
// that requires A's witness rejects a bundle whose log proof's checkpoint lacks its
// cosignature (log-witness-threshold), accepts it once the witness cosigned, counts k of n
// over distinct witnesses, and bounds the checkpoint's age. And the attack witnesses stop:
// B (or whoever holds B's countersigning and log keys) countersigns outside its log and
// shows the bundle a forked log (its own tree of the same size, signed with B's log key):
// without witnesses it verifies; A's witness, which cosigned the real log, refuses to
// cosign the fork, so under a policy that requires the witness it is rejected.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCountersignerKey, parsePrivateKeyPem } from '../../../../src/lib/basics/crypto/ed25519-keys.ts';
import { seedSigner } from '../../../../src/lib/basics/crypto/signer.ts';
import { ed25519PublicKeyOf } from '../../../../src/lib/basics/crypto/ed25519.ts';
import { signCheckpoint } from '../../../../src/lib/checks/log/checkpoint.ts';
import type { CosignatureSigner } from '../../../../src/lib/checks/log/cosignature.ts';
import { leafHash } from '../../../../src/lib/checks/log/merkle.ts';
import { verifierKey } from '../../../../src/lib/checks/log/note.ts';
import { MerkleTree } from '../../../../src/lib/checks/log/tree.ts';
import { requestCountersignature } from '../../../../src/lib/flows/countersign/service-client.ts';
import {
  type WitnessEndpoint,
  cosignWithWitnesses,
  requestCosignature,
} from '../../../../src/lib/flows/witness/submit.ts';
import { cosignerVerifierKey } from '../../../../src/lib/formats/log/cosignature.ts';
import { buildPolicy, parsePolicy, type Policy } from '../../../../src/lib/formats/policy/index.ts';
import { type RunningWitness, startWitnessServer } from '../../../../src/witness/http.ts';
import { WitnessStore } from '../../../../src/witness/store.ts';
import { Witness } from '../../../../src/witness/witness.ts';
import { type Flow, forgeCountersigned, readBundle, startFlow, writeBundle } from '../../../../tools/flow.ts';
import { ORIGIN, type RunningServe, type ServiceFiles, setUpService } from '../../../helpers/service.ts';

function witnessKey(name: string): CosignatureSigner {
  const pair = generateCountersignerKey();
  const key = parsePrivateKeyPem(pair.privateKeyPem, name);
  return { name, rawPublicKey: key.publicKey, signer: seedSigner(key.seed, key.keyId) };
}

let flow: Flow;
let svc: ServiceFiles;
let server: RunningServe;
let dir: string;
let witnessA: RunningWitness;
let witnessC: RunningWitness;
const keyA = witnessKey('witness.org-a.test/w1');
const keyC = witnessKey('witness.third-party.test/w1');
let endpointA: WitnessEndpoint;
let endpointC: WitnessEndpoint;

async function runWitness(key: CosignatureSigner, logPublicKey: Uint8Array): Promise<RunningWitness> {
  const store = await WitnessStore.open(join(dir, key.name.replace(/\W/g, '_')));
  const witness = new Witness({
    signer: key,
    logs: new Map([[ORIGIN, { name: ORIGIN, rawPublicKey: logPublicKey }]]),
    store,
  });
  return startWitnessServer({ witness, origins: [ORIGIN], host: '127.0.0.1', port: 0 });
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'countersign-witness-e2e-'));
  flow = await startFlow();
  svc = await setUpService(flow);
  server = await svc.start();
  const logPublicKey = ed25519PublicKeyOf(svc.logKey.seed);
  witnessA = await runWitness(keyA, logPublicKey);
  witnessC = await runWitness(keyC, logPublicKey);
  endpointA = { url: witnessA.url, cosigner: keyA };
  endpointC = { url: witnessC.url, cosigner: keyC };
});
after(async () => {
  await witnessA?.close();
  await witnessC?.close();
  await server?.stop();
  await flow?.close();
  await rm(dir, { recursive: true, force: true });
});

/** B's policy with a log requirement that names witnesses (POLICY.md §3.5.3). */
function witnessedPolicy(witnesses: { threshold: number; keys: string[]; maxAgeSeconds?: number }): Policy {
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
            log: { origin: ORIGIN, publicKeyPem: svc.logKey.publicKeyPem, witnesses },
          },
        ],
        streams: ['acme/app:stable'],
      }),
    ),
    'witnessed policy',
  );
}

const vkeyA = () => cosignerVerifierKey(keyA.name, keyA.rawPublicKey);
const vkeyC = () => cosignerVerifierKey(keyC.name, keyC.rawPublicKey);

/** The bundle with its first countersignature's checkpoint replaced. */
function withCheckpoint(bundle: Uint8Array, checkpoint: string): Uint8Array {
  const b = readBundle(bundle);
  const [first] = b.countersignatures;
  assert.ok(first?.logProof);
  return writeBundle({ ...b, countersignatures: [{ ...first, logProof: { ...first.logProof, checkpoint } }] });
}

const knownSizes = new Map<string, number>();

test('a bundle whose log proof lacks the required cosignature is rejected (log-witness-threshold), and verifies once the witness cosigned its checkpoint', async () => {
  const bundle = await requestCountersignature(server.url, await flow.sign(flow.statement({ version: 1 })), {
    retries: 0,
  });
  const policy = witnessedPolicy({ threshold: 1, keys: [vkeyA()] });
  assert.equal((await flow.verify(bundle, { policy: svc.loggedPolicy })).outcome, 'verified');
  let report = await flow.verify(bundle, { policy });
  assert.equal(report.outcome, 'rejected');
  assert.equal(report.failure?.code, 'log-witness-threshold');

  const note = readBundle(bundle).countersignatures[0]?.logProof?.checkpoint ?? '';
  const outcome = await cosignWithWitnesses(note, [endpointA], { consistencyProof: () => [], knownSizes });
  assert.deepEqual(outcome.failed, []);
  assert.deepEqual(
    outcome.cosigned.map((c) => c.name),
    [keyA.name],
  );
  report = await flow.verify(withCheckpoint(bundle, outcome.note), { policy });
  assert.equal(report.outcome, 'verified', JSON.stringify(report.failure));

  // k of n over distinct witnesses: 2 of {A, C} with A alone is short; with C too, met.
  const twoOfTwo = witnessedPolicy({ threshold: 2, keys: [vkeyA(), vkeyC()] });
  report = await flow.verify(withCheckpoint(bundle, outcome.note), { policy: twoOfTwo });
  assert.equal(report.failure?.code, 'log-witness-threshold');
  // A's line twice is still one witness.
  const doubled = `${outcome.note}${outcome.note.slice(outcome.note.lastIndexOf('\n— ') + 1)}`;
  report = await flow.verify(withCheckpoint(bundle, doubled), { policy: twoOfTwo });
  assert.equal(report.failure?.code, 'log-witness-threshold');
  const both = await cosignWithWitnesses(outcome.note, [endpointC], { consistencyProof: () => [], knownSizes });
  assert.deepEqual(both.failed, []);
  report = await flow.verify(withCheckpoint(bundle, both.note), { policy: twoOfTwo });
  assert.equal(report.outcome, 'verified', JSON.stringify(report.failure));

  // The checkpoint's age: cosigned now, verified two days later under a one-day bound.
  const fresh = witnessedPolicy({ threshold: 1, keys: [vkeyA()], maxAgeSeconds: 86_400 });
  assert.equal((await flow.verify(withCheckpoint(bundle, both.note), { policy: fresh })).outcome, 'verified');
  report = await flow.verify(withCheckpoint(bundle, both.note), {
    policy: fresh,
    now: new Date(Date.now() + 2 * 86_400_000),
  });
  assert.equal(report.failure?.code, 'log-witness-threshold');
  assert.match(report.failure?.message ?? '', /older than 86400 s/);
});

test("B cannot get a forked checkpoint cosigned by A's witness: a countersignature kept out of B's log verifies without witnesses, never with them", async () => {
  // The real log moves on and A's witness follows it (it last cosigned size 1, the log is now
  // 2: the client sends old 1 and the consistency proof).
  const second = await requestCountersignature(server.url, await flow.sign(flow.statement({ version: 2 })), {
    retries: 0,
  });
  const [realCs] = readBundle(second).countersignatures;
  const real = realCs?.logProof;
  assert.ok(realCs && real);
  assert.equal(real.treeSize, 2);
  // RFC 6962 PROOF(1, D[2]) is [MTH(D[1:2])]: the new leaf's hash, that of the statement.
  const cosigned = await cosignWithWitnesses(real.checkpoint, [endpointA], {
    consistencyProof: () => [leafHash(new Uint8Array(Buffer.from(realCs.statement, 'base64')))],
    knownSizes,
  });
  assert.deepEqual(cosigned.failed, []);

  // B countersigns version 3 outside the service: its log never sees it.
  const primary = await flow.sign(flow.statement({ version: 3 }));
  const forged = readBundle(await forgeCountersigned(primary, flow.keys.b.signer));
  const [cs] = forged.countersignatures;
  assert.ok(cs);
  const statement = new Uint8Array(Buffer.from(cs.statement, 'base64'));
  // A tree of the same size as the real log, whose last leaf is that statement, signed with B's log key.
  const fork = new MerkleTree();
  fork.append(leafHash(new TextEncoder().encode('a history nobody else saw')));
  fork.append(leafHash(statement));
  const logSigner = {
    name: ORIGIN,
    rawPublicKey: ed25519PublicKeyOf(svc.logKey.seed),
    signer: seedSigner(svc.logKey.seed, svc.logKey.keyId),
  };
  const forkCheckpoint = await signCheckpoint({ size: 2, root: fork.root() }, logSigner);
  const forkedBundle = writeBundle({
    ...forged,
    countersignatures: [
      {
        ...cs,
        logProof: {
          logIndex: 1,
          treeSize: 2,
          hashes: fork.inclusionProof(1).map((h) => Buffer.from(h).toString('base64')),
          checkpoint: forkCheckpoint,
        },
      },
    ],
  });
  assert.equal(verifierKey(ORIGIN, logSigner.rawPublicKey).split('+')[0], ORIGIN);
  assert.equal(
    (await flow.verify(forkedBundle, { policy: svc.loggedPolicy })).outcome,
    'verified',
    'without witnesses the fork is indistinguishable',
  );

  // A's witness refuses the fork: the same size with another root (422).
  await assert.rejects(requestCosignature(forkCheckpoint, endpointA, { consistencyProof: () => [], knownSizes }), {
    code: 'service-refused',
    message: /HTTP 422/,
  });
  // Nor as an extension of the fork (a proof from the fork's own tree).
  fork.append(leafHash(new TextEncoder().encode('more')));
  const forkNext = await signCheckpoint({ size: 3, root: fork.root() }, logSigner);
  await assert.rejects(
    requestCosignature(forkNext, endpointA, { consistencyProof: (from) => fork.consistencyProof(from), knownSizes }),
    { code: 'service-refused', message: /HTTP 422/ },
  );

  const policy = witnessedPolicy({ threshold: 1, keys: [vkeyA()] });
  const report = await flow.verify(forkedBundle, { policy });
  assert.equal(report.outcome, 'rejected');
  assert.equal(report.failure?.code, 'log-witness-threshold');
  // Grafting the real checkpoint's cosignature onto the fork does not help: it signs another root.
  const grafted = `${forkCheckpoint}${cosigned.note.slice(cosigned.note.lastIndexOf('\n— ') + 1)}`;
  const graftedReport = await flow.verify(withCheckpoint(forkedBundle, grafted), { policy });
  assert.equal(graftedReport.failure?.code, 'log-witness-cosignature');
  // And the real log, cosigned, still verifies.
  assert.equal((await flow.verify(withCheckpoint(second, cosigned.note), { policy })).outcome, 'verified');
});
