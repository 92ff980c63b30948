// The countersigning service end to end (issue #4): `countersign serve` as a real process on
// the local Sigstore stack, the CLI's `countersign countersign --url` and the library client
// against it, the result verified with and without the policy's log requirement, and every
// refusal a 4xx {code, message} that appends nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, stat, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { requestCountersignature, ServiceRefusedError } from '../../src/lib/flows/countersign/service-client.ts';
import { sha256Hex } from '../../src/lib/basics/crypto/sha256.ts';
import { parseCountersignatureStatement } from '../../src/lib/formats/countersignature/statement.ts';
import { type Flow, flipBase64, primaryJson, readBundle, startFlow, writeBundle } from '../../tools/flow.ts';
import {
  MAIN,
  ORIGIN,
  type RunningServe,
  type ServiceFiles,
  post,
  setUpService,
  startServe,
  treeSize,
} from '../helpers/service.ts';

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

const signVersion = async (version: number, o: { jobWorkflowRef?: string; issuedAt?: Date; expiresIn?: number } = {}) =>
  flow.sign(
    flow.statement({
      version,
      ...(o.issuedAt ? { issuedAt: o.issuedAt } : {}),
      ...(o.expiresIn ? { expiresIn: o.expiresIn } : {}),
    }),
    o.jobWorkflowRef ? { jobWorkflowRef: o.jobWorkflowRef } : {},
  );

test('round trip with the CLI: countersign --url writes a bundle that verifies with and without the log requirement', async () => {
  const primary = await signVersion(1);
  const inFile = join(svc.dir, 'v1.sigstore.json');
  const outFile = join(svc.dir, 'v1.countersigned.json');
  await writeFile(inFile, primary);
  const r = spawnSync(process.execPath, [MAIN, 'countersign', inFile, '--url', server.url, '--out', outFile], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const bytes = new Uint8Array(await readFile(outFile));
  const bundle = readBundle(bytes);
  assert.equal(bundle.countersignatures.length, 1);
  assert.equal(bundle.countersignatures[0]!.logProof?.logIndex, 0);
  assert.equal((await flow.verify(bytes, { policy: svc.policy })).outcome, 'verified');
  const logged = await flow.verify(bytes, { policy: svc.loggedPolicy });
  assert.equal(logged.outcome, 'verified', JSON.stringify(logged.failure));
  assert.match(
    logged.checks.find((c) => c.check === 'countersignatures')!.message,
    new RegExp(`logged at ${ORIGIN} #0`),
  );

  // Without its proof, or with a proof of another entry, the log requirement rejects it.
  const stripped = structuredClone(bundle);
  delete stripped.countersignatures[0]!.logProof;
  assert.equal(
    (await flow.verify(writeBundle(stripped), { policy: svc.loggedPolicy })).failure?.code,
    'countersignature-log-missing',
  );
  assert.equal((await flow.verify(writeBundle(stripped), { policy: svc.policy })).outcome, 'verified');
  const moved = structuredClone(bundle);
  moved.countersignatures[0]!.logProof!.hashes = [Buffer.alloc(32).toString('base64')];
  moved.countersignatures[0]!.logProof!.treeSize = 2;
  assert.equal(
    (await flow.verify(writeBundle(moved), { policy: svc.loggedPolicy })).failure?.code,
    'countersignature-log-inclusion',
  );
});

test('round trip with the library client; the same bundle again gets the same answer and appends nothing', async () => {
  const primary = await signVersion(2);
  const first = await requestCountersignature(server.url, primary, { retries: 0 });
  const size = await treeSize(server.url);
  const again = await requestCountersignature(server.url, primary, { retries: 0 });
  assert.equal(await treeSize(server.url), size);
  const [a, b] = [readBundle(first).countersignatures[0]!, readBundle(again).countersignatures[0]!];
  assert.equal(a.statement, b.statement);
  assert.equal(a.signature, b.signature);
  assert.equal((await flow.verify(again, { policy: svc.loggedPolicy })).outcome, 'verified');
  // Sending the countersigned bundle back keeps one countersignature (a retried CI step).
  const third = await requestCountersignature(server.url, first, { retries: 0 });
  assert.equal(readBundle(third).countersignatures.length, 1);
  assert.equal((await flow.verify(third, { policy: svc.loggedPolicy })).outcome, 'verified');
});

test('refusals are 4xx {code, message} and append nothing; the service goes on serving', async () => {
  const before = await treeSize(server.url);
  const expectRefusal = async (
    name: string,
    body: Uint8Array | string,
    status: number,
    code?: string,
    contentType?: string,
  ) => {
    const r = await post(server.url, body, contentType);
    assert.equal(r.status, status, `${name}: ${JSON.stringify(r.json)}`);
    if (code) assert.equal(r.json.code, code, `${name}: ${JSON.stringify(r.json)}`);
    assert.equal(typeof r.json.message, 'string', name);
    assert.ok(!String(r.json.message).includes('\n'), `${name}: one line`);
    assert.equal(await treeSize(server.url), before, `${name}: nothing appended`);
  };
  await expectRefusal(
    'wrong workflow identity',
    await signVersion(10, { jobWorkflowRef: 'acme/app/.github/workflows/other.yml@refs/heads/main' }),
    422,
    'primary-identity',
  );
  await expectRefusal('rollback', await signVersion(1), 409, 'statement-rollback');
  const expired = await signVersion(11, { issuedAt: new Date(Date.now() - 3 * 86_400_000), expiresIn: 86_400 });
  await expectRefusal('expired statement', expired, 422, 'statement-expired');
  await expectRefusal('oversized body', new Uint8Array(1024 * 1024 + 10).fill(0x20), 413, 'too-large');
  await expectRefusal('malformed JSON', '{"mediaType": ', 400, 'malformed-json');
  await expectRefusal('not JSON', 'hello', 415, 'unsupported-media-type', 'text/plain');
  const forged = primaryJson(await signVersion(12));
  forged.verificationMaterial.certificate.rawBytes = flipBase64(forged.verificationMaterial.certificate.rawBytes, -40);
  await expectRefusal('forged certificate', JSON.stringify(forged), 422);
  // The same statement again under a new primary signature (a re-run of A's workflow):
  // countersigned again, a new entry. Another statement at that version is still refused.
  const statement = flow.statement({ version: 3 });
  const firstRun = await post(server.url, await flow.sign(statement));
  assert.equal(firstRun.status, 200, JSON.stringify(firstRun.json));
  const sizeNow = await treeSize(server.url);
  const r = await post(server.url, await flow.sign(statement));
  assert.equal(r.status, 200, JSON.stringify(r.json));
  assert.equal(r.json.replayed, false);
  const rerun = r.json.countersignature as { statement: string; signature: string; logProof: { logIndex: number } };
  assert.equal(rerun.logProof.logIndex, sizeNow);
  assert.notEqual(rerun.signature, (firstRun.json.countersignature as { signature: string }).signature);
  const rerunStatement = parseCountersignatureStatement(Buffer.from(rerun.statement, 'base64'), 'rerun');
  assert.equal(rerunStatement.version, 3);
  assert.equal(rerunStatement.payloadDigest.sha256, sha256Hex(statement));
  assert.equal(await treeSize(server.url), sizeNow + 1);
  const other = await post(server.url, await flow.sign(flow.statement({ version: 3 })));
  assert.deepEqual([other.status, other.json.code], [409, 'statement-version-reused']);
  assert.equal(await treeSize(server.url), sizeNow + 1);
  // The client surfaces a refusal as one line with the service's code, without retrying.
  await assert.rejects(
    requestCountersignature(server.url, await signVersion(1), { retries: 3, backoffMs: 5000 }),
    (err: unknown) => {
      assert.ok(err instanceof ServiceRefusedError);
      assert.equal(err.code, 'statement-rollback');
      assert.equal(err.status, 409);
      assert.match(
        err.message,
        /^http:\/\/127\.0\.0\.1:\d+\/v1\/countersign: the service refused \(HTTP 409 statement-rollback\): /,
      );
      return true;
    },
  );
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
});

test('log endpoints, metrics, and request logs without key material', async () => {
  const size = await treeSize(server.url);
  const checkpoint = await (await fetch(`${server.url}/v1/log/checkpoint`)).text();
  assert.match(checkpoint, new RegExp(`^${ORIGIN}\\n${size}\\n[A-Za-z0-9+/=]{44}\\n\\n— ${ORIGIN} `));
  const key = (await (await fetch(`${server.url}/v1/log/key`)).json()) as {
    origin: string;
    logPublicKey: string;
    countersignerKeyId: string;
  };
  assert.equal(key.origin, ORIGIN);
  assert.equal(key.logPublicKey.trim(), svc.logKey.publicKeyPem.trim());
  assert.equal(key.countersignerKeyId, flow.keys.b.keyId);
  const entries = (await (await fetch(`${server.url}/v1/log/entries?start=0&end=2`)).json()) as {
    entries: { index: number }[];
  };
  assert.deepEqual(
    entries.entries.map((e) => e.index),
    [0, 1],
  );
  assert.equal((await fetch(`${server.url}/v1/log/proof/inclusion?index=${size}&size=${size}`)).status, 400);
  assert.equal((await fetch(`${server.url}/v1/log/proof/consistency?from=1&to=${size}`)).status, 200);
  assert.equal((await fetch(`${server.url}/v1/log/proof/consistency?from=x`)).status, 400);
  assert.equal((await fetch(`${server.url}/nope`)).status, 404);
  assert.equal((await fetch(`${server.url}/v1/countersign`)).status, 405);
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  assert.match(metrics, new RegExp(`^countersign_log_size ${size}$`, 'm'));
  assert.match(metrics, /^countersign_requests_total\{endpoint="\/v1\/countersign",outcome="countersigned"\} \d+$/m);
  assert.match(metrics, /^countersign_refusals_total\{code="statement-rollback"\} \d+$/m);
  assert.match(metrics, /^countersign_signing_seconds_count \d+$/m);

  const log = server.lines.join('\n');
  const secrets = [flow.keys.b.privateKeyPem, svc.logKey.privateKeyPem].flatMap((pem) =>
    pem.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----')),
  );
  for (const s of secrets) assert.ok(!log.includes(s), 'no key material in the request log');
  const lines = server.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.ok(lines.some((l) => l.path === '/v1/countersign' && l.status === 200 && typeof l.logIndex === 'number'));
  assert.ok(lines.some((l) => l.path === '/v1/countersign' && l.status === 409 && l.code === 'statement-rollback'));
});

test('keys: a key file others can read is refused; without --log-key the countersigning key signs the checkpoints (keys from the environment: test/cli/serve-secrets)', async () => {
  await chmod(svc.keyFile, 0o644);
  const refused = spawnSync(
    process.execPath,
    [MAIN, 'serve', '--key', svc.keyFile, '--policy', svc.policyFile, '--data', join(svc.dir, 'data2')],
    { encoding: 'utf8' },
  );
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /mode 0600/);
  await assert.rejects(stat(join(svc.dir, 'data2')), 'nothing created before the key is accepted');
  await chmod(svc.keyFile, 0o600);
  const fromEnv = await startServe([
    '--key',
    svc.keyFile,
    '--policy',
    svc.policyFile,
    '--data',
    join(svc.dir, 'data3'),
    '--listen',
    '127.0.0.1:0',
  ]);
  try {
    const out = await requestCountersignature(fromEnv.url, await signVersion(1), { retries: 0 });
    // The countersigning key signs the checkpoints too when there is no --log-key.
    const key = (await (await fetch(`${fromEnv.url}/v1/log/key`)).json()) as { logPublicKey: string; origin: string };
    assert.equal(key.logPublicKey.trim(), flow.keys.b.publicKeyPem.trim());
    assert.equal(readBundle(out).countersignatures[0]!.logProof!.checkpoint.split('\n')[0], key.origin);
  } finally {
    await fromEnv.stop();
  }
});

test('F10 the service refuses a version beyond maxVersionStep above the last it countersigned (from its log, across a restart), and 2^53-1 in a stream it has no record of', async () => {
  const own = await setUpService(flow, { name: 'service-f10' });
  let f10 = await own.start();
  try {
    const refused = async (version: number, message: RegExp) => {
      const before = await treeSize(f10.url);
      const r = await post(f10.url, await signVersion(version));
      assert.deepEqual([r.status, r.json.code], [422, 'statement-version-step'], JSON.stringify(r.json));
      assert.match(String(r.json.message), message);
      assert.equal(await treeSize(f10.url), before, 'nothing appended');
    };
    // No record of the stream: 2^53-1 would end it.
    await refused(
      Number.MAX_SAFE_INTEGER,
      /^refusing to countersign: version 9007199254740991 of acme\/app:stable is above 35184372088832, the highest first version/,
    );
    await requestCountersignature(f10.url, await signVersion(7), { retries: 0 });
    await refused(
      1008,
      /^refusing to countersign: statement check failed: version 1008 of acme\/app:stable is 1001 above the last accepted version 7, more than the policy's maxVersionStep of 1000$/,
    );
    // Its log is its record: after a restart, the same.
    await f10.stop();
    f10 = await own.start();
    await refused(Number.MAX_SAFE_INTEGER, /is 9007199254740984 above the last accepted version 7/);
    await requestCountersignature(f10.url, await signVersion(1007), { retries: 0 });
    assert.equal(await treeSize(f10.url), 2);
  } finally {
    await f10.stop();
  }
});
