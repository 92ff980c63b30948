// Issue 16: three `countersign serve` instances on one log in PostgreSQL (a real server, started
// by test/helpers/postgres.ts on a Unix socket), under concurrent load from clients that
// spread their requests over the instances as a load balancer would (and move on to the next
// instance when one does not answer), one instance killed with SIGKILL mid-load. Afterwards:
// every acknowledged countersignature verifies and is in the log at its index, the log is one
// linear history (`countersign audit` passes against each instance, each from the last
// checkpoint of another), no stream version holds two statements, the survivors keep
// answering, the killed instance restarts on its own data and catches up, and a second
// statement for a signed version is refused by every instance.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ed25519PublicKeyOf, verifyEd25519Strict } from '../../src/lib/basics/crypto/ed25519.ts';
import { preAuthEncoding } from '../../src/lib/basics/crypto/pae.ts';
import { verifyCheckpoint } from '../../src/lib/checks/log/checkpoint.ts';
import { leafHash, verifyInclusion } from '../../src/lib/checks/log/merkle.ts';
import { verifierKey } from '../../src/lib/checks/log/note.ts';
import { parsePublicKeyPem } from '../../src/lib/basics/crypto/ed25519-keys.ts';
import { parseCountersignatureStatement } from '../../src/lib/formats/countersignature/statement.ts';
import { COUNTERSIGNATURE_PAYLOAD_TYPE } from '../../src/lib/formats/core/types.ts';
import type { WireEntry } from '../../src/lib/formats/service/api.ts';
import { type Flow, startFlow } from '../../tools/flow.ts';
import { type TestPostgres, postgresMissing, startPostgres } from '../helpers/postgres.ts';
import { MAIN, ORIGIN, type RunningServe, type ServiceFiles, post, setUpService } from '../helpers/service.ts';

const streamOf = (i: number) => `ha/s${i}:stable`;
const STREAMS = Array.from({ length: 8 }, (_, i) => streamOf(i));
const VERSIONS = 5;
const INSTANCES = 3;
const missing = postgresMissing();

let flow: Flow | undefined;
let svc: ServiceFiles;
let postgres: TestPostgres | undefined;
let url = '';
const started = new Set<RunningServe>();
before(async () => {
  if (missing) return;
  postgres = await startPostgres();
  if (!postgres) return;
  url = await postgres.createDatabase('countersign_ha');
  flow = await startFlow();
  svc = await setUpService(flow, { streams: STREAMS });
});
after(async () => {
  await Promise.allSettled([...started].map((s) => s.kill()));
  await flow?.close();
  await postgres?.stop();
});

async function instance(i: number): Promise<RunningServe> {
  const s = await svc.start({
    args: [
      ...['--key', svc.keyFile, '--log-key', svc.logKeyFile, '--origin', ORIGIN, '--policy', svc.policyFile],
      ...['--data', join(svc.dir, `instance-${i}`), '--store', url, '--listen', '127.0.0.1:0'],
      ...['--workers', '1', '--rate-limit', '0'],
    ],
  });
  started.add(s);
  return s;
}

function run(argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [MAIN, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The servers' fault lines (for a failure's message). */
function faults(): string {
  return [...started].flatMap((s) => s.lines.filter((l) => l.includes('"fault"'))).join('\n');
}

async function allEntries(base: string): Promise<WireEntry[]> {
  const size = ((await (await fetch(`${base}/v1/log/checkpoint`)).text()).split('\n')[1] ?? '0').trim();
  const out: WireEntry[] = [];
  while (out.length < Number(size)) {
    const res = await fetch(`${base}/v1/log/entries?start=${out.length}&end=${size}`);
    assert.equal(res.status, 200);
    out.push(...((await res.json()) as { entries: WireEntry[] }).entries);
  }
  return out;
}

interface Acknowledged {
  stream: string;
  version: number;
  countersignature: {
    keyId: string;
    statement: string;
    signature: string;
    logProof: { logIndex: number; treeSize: number; hashes: string[]; checkpoint: string };
  };
}

test(
  'three instances on one PostgreSQL log, one SIGKILLed under load: nothing acknowledged lost, one linear history, one statement per version, survivors serve',
  { skip: missing ?? false, timeout: 600_000 },
  async (t) => {
    assert.ok(flow);
    const f = flow;
    const servers: (RunningServe | undefined)[] = [];
    for (let i = 0; i < INSTANCES; i++) servers.push(await instance(i));
    // Signed one after another: the local Sigstore stack is not what is under load here.
    const primaries = new Map<string, Uint8Array[]>();
    for (const stream of STREAMS) {
      const list: Uint8Array[] = [];
      for (let v = 1; v <= VERSIONS; v++) list.push(await f.sign(f.statement({ stream, version: v })));
      primaries.set(stream, list);
    }

    // One client per stream, its versions in order; request k of a client goes to instance
    // (client + k) mod 3, and on to the next one when an instance does not answer.
    const acknowledged: Acknowledged[] = [];
    let killed: Promise<void> | undefined;
    let turn = 0;
    await Promise.all(
      STREAMS.map(async (stream, client) => {
        for (const [v, primary] of (primaries.get(stream) ?? []).entries()) {
          for (let attempt = 0; ; attempt++) {
            assert.ok(attempt < 20, `${stream} v${v + 1}: no instance answered`);
            const server = servers[(client + turn++) % INSTANCES];
            if (!server) continue;
            let r;
            try {
              r = await post(server.url, primary);
            } catch {
              continue; // killed: a load balancer sends the request elsewhere
            }
            if (r.status === 503) continue;
            assert.equal(r.status, 200, `${stream} v${v + 1}: ${JSON.stringify(r.json)} ${faults()}`);
            acknowledged.push({ stream, version: v + 1, countersignature: r.json.countersignature as never });
            break;
          }
          if (acknowledged.length === 12 && !killed) {
            const victim = servers[0];
            servers[0] = undefined;
            killed = victim?.kill();
          }
        }
      }),
    );
    await killed;
    assert.equal(acknowledged.length, STREAMS.length * VERSIONS);
    const appendedBy = [...started].map((s) => s.lines.filter((l) => l.includes('"outcome":"countersigned"')).length);
    assert.ok(
      appendedBy.filter((n) => n > 0).length >= 2,
      `appends through several instances: ${appendedBy.join(', ')}`,
    );
    t.diagnostic(`countersigned per instance: ${appendedBy.join(', ')}`);
    t.diagnostic(`${acknowledged.length} acknowledged; instance 0 SIGKILLed after 12`);

    const survivors = servers.filter((s): s is RunningServe => s !== undefined);
    assert.equal(survivors.length, INSTANCES - 1);
    const [first, second] = survivors;
    assert.ok(first && second);
    const entries = await allEntries(first.url);
    assert.deepEqual(
      (await allEntries(second.url)).map((e) => e.statement),
      entries.map((e) => e.statement),
      'both survivors serve the same log',
    );

    // Every acknowledged countersignature verifies, and is in the log at its index.
    const bKey = parsePublicKeyPem(f.keys.b.publicKeyPem, 'B');
    const logVerifier = { name: ORIGIN, rawPublicKey: ed25519PublicKeyOf(svc.logKey.seed) };
    for (const a of acknowledged) {
      const c = a.countersignature;
      const statement = new Uint8Array(Buffer.from(c.statement, 'base64'));
      assert.ok(
        verifyEd25519Strict(
          new Uint8Array(Buffer.from(c.signature, 'base64')),
          preAuthEncoding(COUNTERSIGNATURE_PAYLOAD_TYPE, statement),
          bKey,
        ),
      );
      const cp = verifyCheckpoint(c.logProof.checkpoint, logVerifier, 'checkpoint');
      assert.ok(
        verifyInclusion(
          leafHash(statement),
          c.logProof.logIndex,
          cp.size,
          c.logProof.hashes.map((h) => new Uint8Array(Buffer.from(h, 'base64'))),
          cp.root,
        ),
        `${a.stream} v${a.version}: inclusion proof`,
      );
      assert.equal(entries[c.logProof.logIndex]?.statement, c.statement, `${a.stream} v${a.version} at its index`);
    }
    // One statement per stream version in the whole log.
    const statementOf = new Map<string, string>();
    for (const e of entries) {
      const s = parseCountersignatureStatement(new Uint8Array(Buffer.from(e.statement, 'base64')), `entry ${e.index}`);
      const key = `${s.stream} v${s.version}`;
      assert.ok([undefined, s.payloadDigest.sha256].includes(statementOf.get(key)), `${key}: one statement`);
      statementOf.set(key, s.payloadDigest.sha256);
    }

    // One linear history: audit each survivor, the second from the first's checkpoint.
    const vkey = join(svc.dir, 'ha-log.vkey');
    const since = join(svc.dir, 'ha-last-checkpoint');
    await writeFile(vkey, `${verifierKey(ORIGIN, logVerifier.rawPublicKey)}\n`);
    let audit = await run(['audit', '--url', first.url, '--log-key', vkey, '--since', since]);
    assert.equal(audit.code, 0, audit.stderr);
    assert.equal(audit.stdout.trim().split('\n').length, entries.length, 'audit walked every entry');

    // The survivors keep answering; the killed instance restarts on its data and catches up.
    const more = await post(second.url, await f.sign(f.statement({ stream: streamOf(0), version: 50 })));
    assert.equal(more.status, 200, JSON.stringify(more.json));
    const restarted = await instance(0);
    audit = await run(['audit', '--url', restarted.url, '--log-key', vkey, '--since', since]);
    assert.equal(audit.code, 0, audit.stderr);
    const again = await post(first.url, await f.sign(f.statement({ stream: streamOf(1), version: 50 })));
    assert.equal(again.status, 200, JSON.stringify(again.json));

    // A second statement for a signed version: refused by every instance.
    for (const server of [first, second, restarted]) {
      for (const [stream, version] of [
        [streamOf(0), 50],
        [streamOf(1), 50],
        [streamOf(2), VERSIONS],
      ] as const) {
        const r = await post(server.url, await f.sign(f.statement({ stream, version })));
        assert.deepEqual(
          [r.status, r.json.code],
          [409, 'statement-version-reused'],
          `${server.url} ${stream} v${version}`,
        );
      }
    }
    // And all three serve the one history, audited from the last checkpoint seen.
    audit = await run(['audit', '--url', second.url, '--log-key', vkey, '--since', since]);
    assert.equal(audit.code, 0, audit.stderr);
    const finalEntries = await allEntries(restarted.url);
    assert.equal(finalEntries.length, entries.length + 2);
  },
);
