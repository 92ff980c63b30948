// `countersign audit` (issue #4) as a real process against a running `serve`: lists what the
// service countersigned, keeps the last checkpoint, fails on an entry that is not expected,
// and detects a history that B's log key signed differently. The insider edits the SQLite
// storage directly: an entry edited behind the running server's back is never served (500);
// the server refuses to start on edited storage (issue 15), also without its high-water mark
// unless told it is unsafe; and an insider who holds the log key and starts a second history
// (a fresh data directory, the same key and origin) is caught by the audit's consistency
// check against the last checkpoint seen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { sha256Hex } from '../../../../src/lib/basics/crypto/sha256.ts';
import { ed25519PublicKeyOf } from '../../../../src/lib/basics/crypto/ed25519.ts';
import { leafHash, nodeHash } from '../../../../src/lib/checks/log/merkle.ts';
import { verifierKey } from '../../../../src/lib/checks/log/note.ts';
import { requestCountersignature } from '../../../../src/lib/flows/countersign/service-client.ts';
import { DATABASE_FILE } from '../../../../src/server/store.ts';
import { HIGH_WATER_FILE } from '../../../../src/server/storage/high-water.ts';
import { type Flow, startFlow } from '../../../../tools/flow.ts';
import { MAIN, ORIGIN, type RunningServe, type ServiceFiles, setUpService } from '../../../helpers/service.ts';

let flow: Flow;
let svc: ServiceFiles;
let server: RunningServe;
/** Every server this file started: all are killed in `after`, whatever failed. */
const started = new Set<RunningServe>();
before(async () => {
  flow = await startFlow();
  svc = await setUpService(flow);
  server = await start();
});
after(async () => {
  await Promise.allSettled([...started].map((s) => s.kill()));
  await flow?.close();
});

async function start(extra: string[] = [], dataDir = svc.dataDir): Promise<RunningServe> {
  const args = [
    ...['--key', svc.keyFile, '--log-key', svc.logKeyFile, '--origin', ORIGIN, '--policy', svc.policyFile],
    ...['--data', dataDir, '--listen', '127.0.0.1:0', ...extra],
  ];
  const s = await svc.start({ args });
  started.add(s);
  return s;
}

/** Starts serve and expects it to refuse; returns what it said. */
async function startRefused(): Promise<string> {
  try {
    await start();
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  assert.fail('serve started on storage it must refuse');
}

function audit(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Asynchronous: the server under audit runs in this test's process tree too.
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [MAIN, 'audit', '--url', server.url, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function release(version: number): Promise<string> {
  const statement = flow.statement({ version });
  await requestCountersignature(server.url, await flow.sign(statement), { retries: 0 });
  return `acme/app:stable ${version} sha256:${sha256Hex(statement)}`;
}

test('audit lists every countersignature, tracks the checkpoint, and flags the unexpected and the rewritten', async () => {
  const since = join(svc.dir, 'last-checkpoint.txt');
  const expect = join(svc.dir, 'expected.txt');
  const vkey = join(svc.dir, 'log.vkey');
  await writeFile(vkey, `${verifierKey(ORIGIN, ed25519PublicKeyOf(svc.logKey.seed))}\n`);
  const pinned = ['--since', since, '--expect', expect, '--log-key', vkey];

  const lines = [await release(1), await release(2)];
  await writeFile(expect, `# releases of acme/app\n${lines.join('\n')}\n`);
  let r = await audit(pinned);
  assert.equal(r.code, 0, r.stderr);
  const out = r.stdout.trim().split('\n');
  assert.equal(out.length, 2);
  assert.match(
    out[0]!,
    new RegExp(
      `^#0 acme/app:stable v1 statement ${lines[0]!.split(' ')[2]} identity ${flow.stack.description.identity.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} signed `,
    ),
  );
  const first = await readFile(since, 'utf8');
  assert.match(first, new RegExp(`^${ORIGIN}\\n2\\n`));

  // A release nobody at A expected: reported, exit 1, the checkpoint file is kept.
  const third = await release(3);
  r = await audit(pinned);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^#2 acme\/app:stable v3 .* UNEXPECTED$/m);
  assert.equal(await readFile(since, 'utf8'), first);
  await writeFile(expect, `${[...lines, third].join('\n')}\n`);
  r = await audit(pinned);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim().split('\n').length, 1, 'only the new entry is walked');
  assert.match(await readFile(since, 'utf8'), new RegExp(`^${ORIGIN}\\n3\\n`));

  // (a) An entry edited in the storage behind the running server's back: never served.
  const db = new DatabaseSync(join(svc.dataDir, DATABASE_FILE));
  const row = db.prepare('SELECT statement, leaf_hash FROM entries WHERE idx = 1').get() as {
    statement: Uint8Array;
    leaf_hash: Uint8Array;
  };
  const edited = Buffer.from(
    Buffer.from(row.statement)
      .toString('utf8')
      .replace(/"version":2/, '"version":9'),
  );
  assert.notDeepEqual(edited, Buffer.from(row.statement));
  db.prepare('UPDATE entries SET statement = ? WHERE idx = 1').run(edited);
  const res = await fetch(`${server.url}/v1/log/entries?start=0&end=3`);
  assert.equal(res.status, 500, 'an entry that fails its check is not served');
  assert.doesNotMatch(await res.text(), /"version":9|eyJ/);
  assert.ok(
    server.lines.some((l) => /log-storage-inconsistent|log entry 1 is not served/.test(l)),
    'the fault names the entry',
  );
  r = await audit(['--log-key', vkey]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /HTTP 500/);
  assert.doesNotMatch(r.stdout, /v9/, 'the edited entry is never listed');

  // (b) The server refuses to start on edited storage: the entry re-hashed into the tree...
  await server.stop();
  const leaf0 = (db.prepare('SELECT leaf_hash FROM entries WHERE idx = 0').get() as { leaf_hash: Uint8Array })
    .leaf_hash;
  db.prepare('UPDATE entries SET leaf_hash = ? WHERE idx = 1').run(leafHash(edited));
  db.prepare('UPDATE nodes SET hash = ? WHERE level = 1 AND idx = 0').run(nodeHash(leaf0, leafHash(edited)));
  assert.match(await startRefused(), /does not hash to the stored checkpoint/);
  // ...and with its derived column fixed and the checkpoint row deleted (the server would sign
  // a new one): the high-water mark, the last checkpoint it signed, is not extended.
  db.prepare('UPDATE entries SET version = 9 WHERE idx = 1').run();
  db.prepare('DELETE FROM checkpoint').run();
  assert.match(await startRefused(), /does not extend the high-water mark/);
  db.close();

  // Deleting the high-water mark does not help: refused, unless started with the unsafe
  // option, and even then the rewritten entry (its countersignature no longer verifies) is
  // never served.
  await rm(join(svc.dataDir, HIGH_WATER_FILE));
  assert.match(await startRefused(), /no high-water mark/);
  server = await start(['--unsafe-accept-log-without-high-water-mark']);
  assert.match(server.stderr(), /UNSAFE/);
  assert.equal((await fetch(`${server.url}/v1/log/entries?start=1&end=2`)).status, 500);
  await server.stop();

  // (c) An insider holding B's log key starts a second history: a fresh data directory with
  // the same log key and origin, three countersignatures. The audit from the last checkpoint
  // seen catches it: same size, different root; then a later size that does not extend it.
  server = await start([], join(svc.dir, 'second-history'));
  for (const version of [1, 2, 3]) await release(version);
  r = await audit(pinned);
  assert.equal(r.code, 1, r.stderr);
  assert.match(
    r.stderr,
    /FAILED \[log-inconsistent\]: the log is not an extension of the last checkpoint seen \(size 3\)/,
  );
  await release(4);
  r = await audit(pinned);
  assert.equal(r.code, 1, r.stderr);
  assert.match(
    r.stderr,
    /FAILED \[log-inconsistent\]: the log is not an extension of the last checkpoint seen \(size 3\)/,
  );
  assert.match(await readFile(since, 'utf8'), new RegExp(`^${ORIGIN}\\n3\\n`), 'the last good checkpoint is kept');
});

test('audit refuses a checkpoint signed by another key than the pinned one', async () => {
  const other = join(svc.dir, 'other.vkey');
  await writeFile(other, verifierKey(ORIGIN, ed25519PublicKeyOf(new Uint8Array(32).fill(9))));
  const r = await audit(['--log-key', other]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /FAILED \[log-note-signature\]/);
  const pem = join(svc.dir, 'log.pub');
  await writeFile(pem, svc.logKey.publicKeyPem);
  // With a PEM key and the origin the checkpoint verifies, and the second history is caught.
  const since = join(svc.dir, 'last-checkpoint.txt');
  const forked = await audit(['--log-key', pem, '--origin', ORIGIN, '--since', since]);
  assert.equal(forked.code, 1, forked.stderr);
  assert.match(forked.stderr, /FAILED \[log-inconsistent\]/);
  // Walked from the start, the second history checks out on its own: only the last
  // checkpoint seen tells it from the first one (keep --since).
  const full = await audit(['--log-key', pem, '--origin', ORIGIN]);
  assert.equal(full.code, 0, full.stderr);
  assert.match(full.stderr, /consistent; 4 new, 0 bad/);
});
