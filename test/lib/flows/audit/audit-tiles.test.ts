// `countersign audit` through the tlog-tiles API (issue 16): on a good log (300 real
// countersignatures, then one through the service) it passes from scratch and from a saved
// checkpoint; on a log whose tiles or entry bundles disagree with its signed checkpoint (a
// proxy in front of the real service changes one bit of one resource) it fails, from scratch
// and incrementally, with the library and with the CLI.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ed25519PublicKeyOf } from '../../../../src/lib/basics/crypto/ed25519.ts';
import { VerificationError } from '../../../../src/lib/basics/errors/errors.ts';
import { verifierKey } from '../../../../src/lib/checks/log/note.ts';
import { auditLog } from '../../../../src/lib/flows/audit/audit.ts';
import { requestCountersignature } from '../../../../src/lib/flows/countersign/service-client.ts';
import { type Flow, startFlow } from '../../../../tools/flow.ts';
import { MAIN, ORIGIN, type RunningServe, type ServiceFiles, setUpService } from '../../../helpers/service.ts';
import { type Proxy, fillLog, flipByte, startProxy } from '../../../server/tiles-fixture.ts';

let flow: Flow;
let svc: ServiceFiles;
let server: RunningServe;
let proxy: Proxy;
/** Path -> the change the proxy makes to its answer (none: passed through). */
const tamper = new Map<string, (body: Uint8Array) => Uint8Array>();
let at300 = '';

before(async () => {
  flow = await startFlow();
  svc = await setUpService(flow);
  await fillLog(flow, svc, 300);
  server = await svc.start();
  at300 = await (await fetch(`${server.url}/checkpoint`)).text();
  await requestCountersignature(server.url, await flow.sign(flow.statement({ version: 301 })), { retries: 0 });
  proxy = await startProxy(server.url, (path, body) => tamper.get(path)?.(body));
});
after(async () => {
  await proxy?.close();
  await server?.stop();
  await flow?.close();
});

const logKey = () => ({ name: ORIGIN, rawPublicKey: ed25519PublicKeyOf(svc.logKey.seed) });

async function auditFails(options: Parameters<typeof auditLog>[0], code: string): Promise<string> {
  try {
    await auditLog(options);
  } catch (err) {
    assert.ok(err instanceof VerificationError, String(err));
    assert.equal(err.code, code, err.message);
    return err.message;
  }
  assert.fail('the audit passed');
}

test('a good log passes through its tiles: from scratch (every entry checked) and from a saved checkpoint (only the new one)', async () => {
  const full = await auditLog({ url: server.url, log: logKey() });
  assert.equal(full.size, 301);
  assert.equal(full.entries.length, 301);
  assert.equal(full.countersignaturesChecked, true);
  assert.deepEqual(
    full.entries.filter((e) => e.problem),
    [],
  );
  assert.equal(full.entries.at(-1)?.version, 301);
  const since = await auditLog({ url: server.url, log: logKey(), since: at300 });
  assert.equal(since.previousSize, 300);
  assert.deepEqual(
    since.entries.map((e) => e.index),
    [300],
  );
  // Tiles from elsewhere (the proxy passing everything through), statements only.
  const tilesOnly = await auditLog({ tilesUrl: proxy.url, log: logKey(), since: at300 });
  assert.equal(tilesOnly.countersignaturesChecked, false);
  assert.equal(tilesOnly.entries[0]?.stream, 'acme/app:stable');
});

test('a level-0 hash tile that disagrees with the entries fails the audit from scratch', async () => {
  tamper.set('/tile/0/000', (b) => flipByte(b, 40));
  try {
    const message = await auditFails({ url: server.url, tilesUrl: proxy.url, log: logKey() }, 'log-entry-not-in-tree');
    assert.match(message, /tile\/0\/000: hash 1 is not the hash of the log's entries/);
  } finally {
    tamper.clear();
  }
});

test('tiles of the old part that disagree with the saved checkpoint fail the incremental audit (log-inconsistent)', async () => {
  // From 300, the first 256 leaves are the level-1 tile's first hash; leaves 256..299 come from level-0 tile 1.
  for (const path of ['/tile/1/000.p/1', '/tile/0/001.p/45']) {
    tamper.set(path, (b) => flipByte(b, 0));
    try {
      await auditFails({ url: server.url, tilesUrl: proxy.url, log: logKey(), since: at300 }, 'log-inconsistent');
    } finally {
      tamper.clear();
    }
  }
});

test('an entry bundle that is not the signed tree fails the audit; so does a JSON entry that is not the leaf', async () => {
  tamper.set('/tile/entries/001.p/45', (b) => flipByte(b, b.length - 3));
  try {
    await auditFails({ url: server.url, tilesUrl: proxy.url, log: logKey(), since: at300 }, 'log-inconsistent');
  } finally {
    tamper.clear();
  }
  // The proxy serves the JSON API too: a statement changed there, the tiles untouched.
  tamper.set('/v1/log/entries?start=300&end=301', (b) => {
    const page = JSON.parse(new TextDecoder().decode(b)) as { entries: { statement: string }[] };
    const first = page.entries[0];
    assert.ok(first);
    first.statement = Buffer.from(flipByte(new Uint8Array(Buffer.from(first.statement, 'base64')), 10)).toString(
      'base64',
    );
    return new TextEncoder().encode(JSON.stringify(page));
  });
  try {
    await auditFails({ url: proxy.url, log: logKey(), since: at300 }, 'log-entry-not-in-tree');
  } finally {
    tamper.clear();
  }
});

test('the CLI audits through the tiles: exit 0 on the log, 1 when its tiles disagree with its checkpoint', async () => {
  const keyFile = join(svc.dir, 'log.vkey');
  await writeFile(keyFile, `${verifierKey(ORIGIN, ed25519PublicKeyOf(svc.logKey.seed))}\n`);
  // Asynchronous: the proxy answers from this process's event loop.
  const run = (args: string[]) =>
    new Promise<{ status: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [MAIN, 'audit', ...args], { encoding: 'utf8' }, (err, _stdout, stderr) => {
        resolve({ status: err ? (typeof err.code === 'number' ? err.code : null) : 0, stderr });
      });
    });
  const good = await run(['--url', server.url, '--log-key', keyFile]);
  assert.equal(good.status, 0, good.stderr);
  assert.match(good.stderr, /301 entries \(0 before\), consistent/);
  tamper.set('/tile/0/001.p/45', (b) => flipByte(b, 100));
  tamper.set('/tile/0/001', (b) => flipByte(b, 100));
  try {
    const bad = await run(['--tiles', proxy.url, '--log-key', keyFile]);
    assert.equal(bad.status, 1, bad.stderr);
    assert.match(bad.stderr, /FAILED \[log-entry-not-in-tree\]/);
  } finally {
    tamper.clear();
  }
});
