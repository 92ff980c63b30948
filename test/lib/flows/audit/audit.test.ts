// `countersign audit` (issue #4) as a real process against a running `serve`: lists what the
// service countersigned, keeps the last checkpoint, fails on an entry that is not expected,
// and detects a log edited or rewritten behind the server's back (the test edits the SQLite
// storage directly, as an insider would).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { sha256Hex } from '../../../../src/lib/basics/crypto/sha256.ts';
import { ed25519PublicKeyOf } from '../../../../src/lib/basics/crypto/ed25519.ts';
import { leafHash } from '../../../../src/lib/checks/log/merkle.ts';
import { verifierKey } from '../../../../src/lib/checks/log/note.ts';
import { requestCountersignature } from '../../../../src/lib/flows/countersign/service-client.ts';
import { DATABASE_FILE } from '../../../../src/server/store.ts';
import { type Flow, startFlow } from '../../../../tools/flow.ts';
import { MAIN, ORIGIN, type RunningServe, type ServiceFiles, setUpService } from '../../../helpers/service.ts';

let flow: Flow;
let svc: ServiceFiles;
let server: RunningServe;
before(async () => {
  flow = await startFlow();
  svc = await setUpService(flow);
  server = await svc.start();
});
after(async () => {
  await server?.stop();
  await flow?.close();
});

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

  // An entry edited in the storage behind the running server's back.
  const db = new DatabaseSync(join(svc.dataDir, DATABASE_FILE));
  const row = db.prepare('SELECT statement FROM entries WHERE idx = 1').get() as { statement: Uint8Array };
  const edited = Buffer.from(
    Buffer.from(row.statement)
      .toString('utf8')
      .replace(/"version":2/, '"version":9'),
  );
  db.prepare('UPDATE entries SET statement = ? WHERE idx = 1').run(edited);
  r = await audit(['--log-key', vkey]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /FAILED \[log-entry-not-in-tree\]/);

  // The server refuses to start on that storage...
  await server.stop();
  await assert.rejects(svc.start(), /log-storage-inconsistent|does not match its leaf hash/);
  // ...so an insider rewrites it thoroughly (leaf hash too, checkpoint re-signed at start).
  db.prepare('UPDATE entries SET leaf_hash = ? WHERE idx = 1').run(leafHash(edited));
  db.prepare('DELETE FROM checkpoint').run();
  db.close();
  server = await svc.start();
  r = await audit(pinned);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /FAILED \[log-inconsistent\]: .*same size, different root hash/);
  await release(4);
  r = await audit(pinned);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /FAILED \[log-inconsistent\]: .*consistency proof does not verify/);
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
  // With a PEM key and the origin the log verifies; walked from the start, the entry the
  // insider rewrote in the first test carries a countersignature that no longer verifies.
  const full = await audit(['--log-key', pem, '--origin', ORIGIN]);
  assert.equal(full.code, 1, full.stderr);
  assert.match(full.stderr, /consistent; 4 new, 1 bad, 0 unexpected/);
  assert.match(full.stdout, /^#1 acme\/app:stable v9 .* BAD: the countersignature does not verify$/m);
});
