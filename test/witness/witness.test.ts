// `countersign witness` (C2SP tlog-witness, src/witness/): real HTTP on 127.0.0.1, a real log
// (an RFC 6962 tree whose checkpoints a log key signs), real files. A witness cosigns a
// consistent sequence; refuses a split view (the same size with another root, a smaller
// tree, a proof from a forked tree) with the statuses of the spec, without moving its state;
// refuses a checkpoint signed by another key before looking at the proof; and, restarted from
// its data (the CLI, killed with SIGKILL), keeps refusing the fork.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { generateCountersignerKey, parsePrivateKeyPem } from '../../src/lib/basics/crypto/ed25519-keys.ts';
import { seedSigner } from '../../src/lib/basics/crypto/signer.ts';
import { sha256Hex } from '../../src/lib/basics/crypto/sha256.ts';
import { signCheckpoint } from '../../src/lib/checks/log/checkpoint.ts';
import { verifyCosignatures } from '../../src/lib/checks/log/cosignature.ts';
import { leafHash } from '../../src/lib/checks/log/merkle.ts';
import { type NoteSigner, verifierKey } from '../../src/lib/checks/log/note.ts';
import { MerkleTree } from '../../src/lib/checks/log/tree.ts';
import { type Cosigner, cosignerVerifierKey, parseCosignerKey } from '../../src/lib/formats/log/cosignature.ts';
import { type RunningWitness, startWitnessServer } from '../../src/witness/http.ts';
import { WitnessStore } from '../../src/witness/store.ts';
import { Witness } from '../../src/witness/witness.ts';

const ORIGIN = 'countersign.test/b-release';
const MAIN = join(import.meta.dirname, '..', '..', 'src', 'cli', 'main.ts');

interface TestLog {
  tree: MerkleTree;
  signer: NoteSigner;
  vkey: string;
  append(n: number, tag?: string): void;
  checkpoint(size?: number): Promise<string>;
}

function makeSigner(name: string): NoteSigner & { pem: string } {
  const pair = generateCountersignerKey();
  const key = parsePrivateKeyPem(pair.privateKeyPem, name);
  return { name, rawPublicKey: key.publicKey, signer: seedSigner(key.seed, key.keyId), pem: pair.privateKeyPem };
}

function makeLog(signer: NoteSigner = makeSigner(ORIGIN)): TestLog {
  const tree = new MerkleTree();
  return {
    tree,
    signer,
    vkey: verifierKey(signer.name, signer.rawPublicKey),
    append(n, tag = 'entry') {
      for (let i = 0; i < n; i++) tree.append(leafHash(new TextEncoder().encode(`${tag} ${tree.size}`)));
    },
    checkpoint: (size = tree.size) => signCheckpoint({ size, root: tree.root(size) }, signer),
  };
}

async function submit(
  url: string,
  old: number,
  proof: Uint8Array[],
  note: string,
): Promise<{ status: number; type: string; body: string }> {
  const body = `old ${old}\n${proof.map((h) => `${Buffer.from(h).toString('base64')}\n`).join('')}\n${note}`;
  const res = await fetch(`${url}/add-checkpoint`, { method: 'POST', body });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text() };
}

/** The cosignatures by `witness` in `note + answer`, verified. */
function cosigned(note: string, answer: string, witness: Cosigner): { name: string; timestamp: number }[] {
  return verifyCosignatures(`${note}${answer}`, [witness], 'answer').map((c) => ({
    name: c.name,
    timestamp: c.timestamp,
  }));
}

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'countersign-witness-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function inProcessWitness(
  name: string,
  logs: TestLog[],
): Promise<{ running: RunningWitness; cosigner: Cosigner; data: string }> {
  const key = makeSigner(name);
  const data = join(dir, name.replace(/\W/g, '_'));
  const store = await WitnessStore.open(data);
  const witness = new Witness({
    signer: key,
    logs: new Map(logs.map((l) => [l.signer.name, { name: l.signer.name, rawPublicKey: l.signer.rawPublicKey }])),
    store,
  });
  const running = await startWitnessServer({
    witness,
    origins: logs.map((l) => l.signer.name),
    host: '127.0.0.1',
    port: 0,
  });
  return { running, cosigner: { name, rawPublicKey: key.rawPublicKey }, data };
}

test('a witness cosigns a consistent sequence of checkpoints, and answers a wrong old size with 409 and its size', async () => {
  const log = makeLog();
  const { running, cosigner } = await inProcessWitness('witness.test/w1', [log]);
  try {
    log.append(3);
    const first = await log.checkpoint();
    let r = await submit(running.url, 0, [], first);
    assert.equal(r.status, 200, r.body);
    const [c] = cosigned(first, r.body, cosigner);
    assert.equal(c?.name, cosigner.name);
    assert.ok(Math.abs((c?.timestamp ?? 0) - Date.now() / 1000) < 60, 'timestamped now');

    log.append(4);
    const second = await log.checkpoint();
    // The client's idea of the witness is stale (old 0): 409, the body is the size it cosigned.
    r = await submit(running.url, 0, [], second);
    assert.deepEqual([r.status, r.type, r.body], [409, 'text/x.tlog.size', '3\n']);
    r = await submit(running.url, 3, log.tree.consistencyProof(3), second);
    assert.equal(r.status, 200, r.body);
    assert.equal(cosigned(second, r.body, cosigner).length, 1);
    // The same checkpoint again is consistent with itself: cosigned again.
    r = await submit(running.url, 7, [], second);
    assert.equal(r.status, 200, r.body);
    log.append(13);
    const third = await log.checkpoint();
    r = await submit(running.url, 7, log.tree.consistencyProof(7), third);
    assert.equal(r.status, 200, r.body);

    // The monitor endpoint serves the latest cosigned checkpoint, with the log's line and the witness's.
    const latest = await fetch(`${running.url}/${sha256Hex(ORIGIN)}/checkpoint`);
    const text = await latest.text();
    assert.equal(latest.status, 200);
    assert.match(text, new RegExp(`^${ORIGIN}\\n20\\n`));
    assert.equal(cosigned(text, '', cosigner).length, 1);
    assert.ok(text.includes(`— ${ORIGIN} `));
  } finally {
    await running.close();
  }
});

test('a witness refuses a split view: the same size with another root (422), a smaller tree (400/409), a proof from a forked tree (422), and its state does not move', async () => {
  const log = makeLog();
  const { running, cosigner } = await inProcessWitness('witness.test/w2', [log]);
  // The fork: the same log key signs another history with the same first 4 entries.
  const fork = makeLog(log.signer);
  try {
    log.append(7);
    fork.append(4);
    fork.append(3, 'forked');
    const honest = await log.checkpoint();
    assert.equal((await submit(running.url, 0, [], honest)).status, 200);

    const forked7 = await fork.checkpoint();
    assert.notEqual(forked7, honest);
    let r = await submit(running.url, 7, [], forked7);
    assert.equal(r.status, 422, 'same size, different root');
    assert.equal(r.body.includes('— '), false, 'no cosignature in a refusal');

    const smaller = await log.checkpoint(5);
    r = await submit(running.url, 7, log.tree.consistencyProof(5, 7), smaller);
    assert.equal(r.status, 400, 'old size above the checkpoint size');
    r = await submit(running.url, 5, [], smaller);
    assert.deepEqual([r.status, r.body], [409, '7\n']);

    fork.append(2, 'forked');
    const forked9 = await fork.checkpoint();
    r = await submit(running.url, 7, fork.tree.consistencyProof(7), forked9);
    assert.equal(r.status, 422, 'a consistency proof from the fork, not from what was cosigned');
    r = await submit(running.url, 0, [], forked9);
    assert.deepEqual([r.status, r.body], [409, '7\n'], 'no trust on first use twice');

    // Still the honest history: it extends, the fork never does.
    const latest = await (await fetch(`${running.url}/${sha256Hex(ORIGIN)}/checkpoint`)).text();
    assert.ok(latest.startsWith(honest.slice(0, honest.indexOf('\n\n') + 1)));
    log.append(2);
    r = await submit(running.url, 7, log.tree.consistencyProof(7), await log.checkpoint());
    assert.equal(r.status, 200);
    assert.equal(cosigned(await log.checkpoint(), r.body, cosigner).length, 1);
  } finally {
    await running.close();
  }
});

test('a checkpoint signed by another key is refused (403) before its proof is looked at; unknown logs 404, malformed bodies 400, oversized 413', async () => {
  const log = makeLog();
  const { running, data } = await inProcessWitness('witness.test/w3', [log]);
  try {
    log.append(9);
    const impostor = makeLog(makeSigner(ORIGIN)); // the same origin, another key
    impostor.append(9);
    // 63 proof lines that would fail the consistency check: 403 says the signature came first.
    const junk = Array.from({ length: 63 }, (_, i) => new Uint8Array(32).fill(i));
    let r = await submit(running.url, 0, junk, await impostor.checkpoint());
    assert.equal(r.status, 403);
    r = await submit(running.url, 0, [], await impostor.checkpoint());
    assert.equal(r.status, 403);
    assert.deepEqual(await readdir(data), [], 'nothing recorded');

    const other = makeLog(makeSigner('other.test/log'));
    other.append(1);
    assert.equal((await submit(running.url, 0, [], await other.checkpoint())).status, 404);

    const good = await log.checkpoint();
    for (const body of [
      `old 01\n\n${good}`,
      `old -1\n\n${good}`,
      `new 0\n\n${good}`,
      `old 0\nnot base64!\n\n${good}`,
      `old 0\n${Buffer.alloc(31).toString('base64')}\n\n${good}`,
      `old 0\n${good}`,
      `old 0\n\n`,
      `old 0\n${`${Buffer.alloc(32).toString('base64')}\n`.repeat(64)}\n${good}`,
      `old 0\n\n${good.replace('\n\n', '\n')}`,
    ]) {
      const res = await fetch(`${running.url}/add-checkpoint`, { method: 'POST', body });
      assert.equal(res.status, 400, JSON.stringify(body.slice(0, 60)));
    }
    const res = await fetch(`${running.url}/add-checkpoint`, { method: 'POST', body: 'x'.repeat(64 * 1024) });
    assert.equal(res.status, 413);
    assert.equal((await fetch(`${running.url}/add-checkpoint`)).status, 405);
    assert.equal((await fetch(`${running.url}/nope`)).status, 404);
    // An empty tree must have the empty root.
    const bad0 = await signCheckpoint({ size: 0, root: new Uint8Array(32) }, log.signer);
    assert.equal((await submit(running.url, 0, [], bad0)).status, 422);
    assert.equal((await submit(running.url, 0, [], good)).status, 200, 'the witness still works');
  } finally {
    await running.close();
  }
});

interface WitnessProcess {
  proc: ChildProcess;
  url: string;
  vkey: string;
  exited: Promise<number | null>;
}

function startCli(args: string[]): Promise<WitnessProcess> {
  const proc = spawn(process.execPath, [MAIN, 'witness', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
    rl.once('line', (line) => {
      const event = JSON.parse(line) as { event: string; url: string; verifierKey: string };
      if (event.event === 'listening') resolve({ proc, url: event.url, vkey: event.verifierKey, exited });
      else reject(new Error(line));
    });
    void exited.then((code) => reject(new Error(`witness exited with ${code}: ${stderr}`)));
  });
}

test('countersign witness, killed (SIGKILL) and restarted from its data, keeps refusing the fork', async () => {
  const log = makeLog();
  const fork = makeLog(log.signer);
  log.append(5);
  fork.append(2);
  fork.append(3, 'forked');
  const wkey = generateCountersignerKey();
  const keyFile = join(dir, 'w.key');
  await writeFile(keyFile, wkey.privateKeyPem, { mode: 0o600 });
  const data = join(dir, 'cli-data');
  const args = [
    '--key',
    keyFile,
    '--name',
    'witness.test/cli',
    '--log',
    `${ORIGIN}=${log.vkey}`,
    '--data',
    data,
    '--listen',
    '127.0.0.1:0',
  ];
  let w = await startCli(args);
  try {
    const parsed = parseCosignerKey(w.vkey);
    assert.ok(!('problem' in parsed));
    assert.equal(cosignerVerifierKey(parsed.name, parsed.rawPublicKey), w.vkey);
    const r = await submit(w.url, 0, [], await log.checkpoint());
    assert.equal(r.status, 200);
    assert.equal(
      cosigned(await log.checkpoint(), r.body, parsed).length,
      1,
      'the cosignature verifies under the printed key',
    );
    w.proc.kill('SIGKILL');
    await w.exited;

    w = await startCli(args);
    assert.equal((await submit(w.url, 5, [], await fork.checkpoint())).status, 422, 'the fork, after a restart');
    assert.deepEqual(
      [(await submit(w.url, 0, [], await fork.checkpoint())).body],
      ['5\n'],
      'it remembers the size it cosigned',
    );
    log.append(1);
    assert.equal((await submit(w.url, 5, log.tree.consistencyProof(5), await log.checkpoint())).status, 200);
  } finally {
    w.proc.kill('SIGKILL');
    await w.exited;
  }

  // A record edited behind its back: the witness refuses to start rather than forget.
  const [file] = (await readdir(data)).filter((f) => f.endsWith('.json'));
  assert.ok(file);
  await writeFile(join(data, file), '{"origin":"x"}\n');
  await assert.rejects(startCli(args), /witness-state-invalid|refuses|will not start/);
});
