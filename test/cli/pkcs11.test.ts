// B's key in a PKCS#11 token, end to end through the CLI as a user runs it (real processes,
// SoftHSM2 as the token, the local Sigstore stack): keygen in the token, a policy pinning its
// public key, countersign with --key pkcs11:..., serve with the token key, verify; then each
// failure, one line with its code and exit 2 (503 with the code in the service). Skipped,
// saying why, only when SoftHSM2 or pkcs11js is missing (.ci/run installs SoftHSM2).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildPolicy, parsePolicy } from '../../src/lib/formats/policy/index.ts';
import { requestCountersignature } from '../../src/lib/flows/countersign/service-client.ts';
import { type Flow, startFlow } from '../../tools/flow.ts';
import { MAIN, post, startServe } from '../helpers/service.ts';
import { type SoftHsm, softHsm, softHsmSkipReason } from '../helpers/softhsm.ts';

const skip = softHsmSkipReason();
const TOKENS = ['b', 'serve', 'errors', 'removed'];

let flow: Flow;
let hsm: SoftHsm;

before(async () => {
  if (skip !== undefined) return;
  hsm = await softHsm(TOKENS);
  flow = await startFlow();
});
after(async () => {
  await flow?.close();
  await hsm?.cleanup();
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [MAIN, ...args],
      { env: { ...process.env, ...hsm.env, ...env }, timeout: 60_000 },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') {
          reject(new Error(err.message, { cause: err }));
          return;
        }
        resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
      },
    );
  });
}

/** The policy of this flow with `pubFile`'s key as B's countersigner. */
async function policyFor(pubFile: string, name: string): Promise<string> {
  const json = buildPolicy({
    issuer: flow.stack.description.issuer,
    identity: flow.stack.description.identity,
    githubClaims: flow.stack.sourceRepository,
    trustedRoot: flow.trustedRoot,
    countersigners: [{ name: 'b-release', organisation: 'Org B', publicKeyPem: await readFile(pubFile, 'utf8') }],
    streams: ['acme/app:stable'],
  });
  const path = join(flow.dir, `${name}.policy.json`);
  await writeFile(path, JSON.stringify(json, null, 2), { mode: 0o644 });
  return path;
}

async function primary(version: number, name: string): Promise<string> {
  const path = join(flow.dir, `${name}.sigstore.json`);
  await writeFile(path, await flow.sign(flow.statement({ version })));
  return path;
}

/** One line on stderr, naming the code's problem, exit 2. */
function assertOneLine(run: Run, pattern: RegExp): void {
  assert.equal(run.code, 2, `${run.stdout}\n${run.stderr}`);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0] ?? '', pattern);
  assert.doesNotMatch(run.stderr, /internal error|\n\s+at /);
}

test(
  'keygen in the token, a policy with its public key, countersign --key pkcs11:..., verify',
  { skip: skip ?? false },
  async () => {
    const token = hsm.token('b');
    const uri = token.uri('b-release');
    const out = join(flow.dir, 'b-hsm');
    const made = await cli(['keygen', '--key', uri, '--out', out]);
    assert.equal(made.code, 0, made.stderr);
    const keyId = made.stdout.trim();
    assert.match(keyId, /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(
      (await readdir(flow.dir)).filter((f) => f.startsWith('b-hsm')),
      ['b-hsm.pub'],
      'only NAME.pub',
    );
    const policyFile = await policyFor(`${out}.pub`, 'b');
    const bundle = await primary(1, 'b');
    const signed = join(flow.dir, 'b.countersigned.json');
    const run = await cli(['countersign', bundle, '--key', uri, '--policy', policyFile, '--out', signed]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, new RegExp(`with ${keyId}`));
    const policy = parsePolicy(await readFile(policyFile, 'utf8'), 'policy');
    const report = await flow.verify(await readFile(signed), { policy });
    assert.equal(report.outcome, 'verified', JSON.stringify(report.failure));
    // The gate through the CLI too.
    const gate = await cli(['verify', '--policy', policyFile, signed]);
    assert.equal(gate.code, 0, gate.stderr);
    // A second keygen under the same name: refused, one line, nothing written.
    const again = await cli(['keygen', '--key', uri, '--out', join(flow.dir, 'b-hsm2')]);
    assertOneLine(again, /already has a key with this name/);
    assert.ok(!(await readdir(flow.dir)).includes('b-hsm2.pub'));
    // A policy pinning another key: the token's key is checked against it before signing.
    await writeFile(join(flow.dir, 'rogue.pub'), flow.keys.rogue.publicKeyPem);
    const roguePolicy = await policyFor(join(flow.dir, 'rogue.pub'), 'rogue');
    const mismatch = await cli([
      'countersign',
      bundle,
      '--key',
      uri,
      '--policy',
      roguePolicy,
      '--out',
      join(flow.dir, 'x.json'),
    ]);
    assert.equal(mismatch.code, 1, mismatch.stderr);
    assert.match(mismatch.stderr, /countersigner-not-pinned|not a countersigner in the policy/);
  },
);

test(
  'serve with its key in the token: countersigns, logs, and the result verifies; a key the policy does not pin is refused at start',
  { skip: skip ?? false },
  async () => {
    const token = hsm.token('serve');
    const uri = token.uri('b-service');
    const out = join(flow.dir, 'serve-hsm');
    const made = await cli(['keygen', '--key', uri, '--out', out]);
    assert.equal(made.code, 0, made.stderr);
    const policyFile = await policyFor(`${out}.pub`, 'serve');
    const server = await startServe(
      [
        '--key',
        uri,
        '--log-key',
        token.uri('b-service'),
        '--policy',
        policyFile,
        '--data',
        join(flow.dir, 'serve-data'),
        '--listen',
        '127.0.0.1:0',
      ],
      hsm.env,
    );
    try {
      const listening = JSON.parse(server.lines[0] ?? '{}') as { keyId?: string; logKeyId?: string };
      assert.equal(listening.keyId, made.stdout.trim(), 'the key id read from the token');
      assert.equal(listening.logKeyId, made.stdout.trim(), 'the same token key signs the checkpoints');
      for (const version of [1, 2]) {
        const bytes = await flow.sign(flow.statement({ version }));
        const result = await requestCountersignature(server.url, bytes, { retries: 0 });
        const policy = parsePolicy(await readFile(policyFile, 'utf8'), 'policy');
        const report = await flow.verify(result, { policy });
        assert.equal(report.outcome, 'verified', JSON.stringify(report.failure));
      }
    } finally {
      await server.stop();
    }
    const refused = await cli([
      'serve',
      '--key',
      uri,
      '--policy',
      await policyFor(join(flow.dir, 'b-hsm.pub'), 'serve-other'),
      '--data',
      join(flow.dir, 'serve-data2'),
      '--listen',
      '127.0.0.1:0',
    ]);
    assertOneLine(refused, /not a countersigner in the policy/);
  },
);

test(
  'token removed while serving: 503 with pkcs11-token-error, nothing appended, the service keeps answering',
  { skip: skip ?? false },
  async () => {
    const token = hsm.token('removed');
    const uri = token.uri('b');
    const out = join(flow.dir, 'removed-hsm');
    assert.equal((await cli(['keygen', '--key', uri, '--out', out])).code, 0);
    const policyFile = await policyFor(`${out}.pub`, 'removed');
    const logKey = join(flow.dir, 'removed-log.key');
    await writeFile(logKey, flow.makeKey('log', 'Org B').privateKeyPem, { mode: 0o600 });
    const server = await startServe(
      [
        '--key',
        uri,
        '--log-key',
        logKey,
        '--policy',
        policyFile,
        '--data',
        join(flow.dir, 'removed-data'),
        '--listen',
        '127.0.0.1:0',
      ],
      hsm.env,
    );
    try {
      const first = await post(server.url, await flow.sign(flow.statement({ version: 1 })));
      assert.equal(first.status, 200, JSON.stringify(first.json));
      // The token goes away (its directory: SoftHSM then has no such token).
      const tokens = join(hsm.dir, 'tokens');
      for (const d of await readdir(tokens)) {
        const object = await readFile(join(tokens, d, 'token.object')).catch(() => Buffer.alloc(0));
        if (object.includes(Buffer.from(token.label))) await rename(join(tokens, d), join(hsm.dir, `removed-${d}`));
      }
      const failed = await post(server.url, await flow.sign(flow.statement({ version: 2 })));
      assert.equal(failed.status, 503, JSON.stringify(failed.json));
      assert.equal(failed.json.code, 'pkcs11-token-error');
      assert.match(String(failed.json.message), /is the token still there\?/);
      const health = await fetch(`${server.url}/healthz`);
      assert.equal(health.status, 200);
      assert.equal(((await health.json()) as { treeSize: number }).treeSize, 1, 'nothing appended');
    } finally {
      await server.stop();
    }
  },
);

test(
  'errors, one line each with exit 2: wrong PIN, missing object, P-256 key, missing module, pkcs11js not installed, bad URI',
  { skip: skip ?? false },
  async () => {
    const token = hsm.token('errors');
    const uri = token.uri('b');
    assert.equal((await cli(['keygen', '--key', uri, '--out', join(flow.dir, 'errors-hsm')])).code, 0);
    const policyFile = await policyFor(join(flow.dir, 'errors-hsm.pub'), 'errors');
    const bundle = await primary(1, 'errors');
    const countersign = (key: string, env: Record<string, string> = {}) =>
      cli(
        ['countersign', bundle, '--key', key, '--policy', policyFile, '--out', join(flow.dir, 'errors.out.json')],
        env,
      );
    const wrongPin = join(hsm.dir, 'secrets', 'errors-wrong.pin');
    await writeFile(wrongPin, 'wrong\n', { mode: 0o600 });
    const base = `pkcs11:token=${token.label};object=b?module-path=${hsm.module}`;
    assertOneLine(
      await countersign(`${base}&pin-source=file:${wrongPin}`),
      /the token refused the PIN \(CKR_PIN_INCORRECT/,
    );
    assertOneLine(await countersign(token.uri('missing')), /no private key object with this name/);
    assertOneLine(
      await countersign(
        `pkcs11:token=${token.label};object=b?module-path=/nonexistent/module.so&pin-source=file:${token.pinFile}`,
      ),
      /could not load the PKCS#11 module \/nonexistent\/module.so/,
    );
    assertOneLine(await countersign('pkcs11:token=x;objekt=b'), /"objekt", which this tool does not know/);
    // A P-256 key with the label p256, made with the binding in this process (stored on disk: the
    // child process sees it).
    const { openSession } = await import('../../src/lib/basics/pkcs11/session.ts');
    const { parsePkcs11Uri } = await import('../../src/lib/basics/pkcs11/uri.ts');
    const { CKA } = await import('../../src/lib/basics/pkcs11/constants.ts');
    const open = await openSession({
      modulePath: hsm.module,
      uri: parsePkcs11Uri(uri, 'k'),
      pin: token.pin,
      what: 'k',
      readWrite: true,
    });
    try {
      open.lib.C_GenerateKeyPair(
        open.session,
        { mechanism: 0x1040 },
        [
          { type: CKA.LABEL, value: 'p256' },
          { type: CKA.TOKEN, value: true },
          { type: CKA.EC_PARAMS, value: Buffer.from('06082a8648ce3d030107', 'hex') },
        ],
        [
          { type: CKA.LABEL, value: 'p256' },
          { type: CKA.TOKEN, value: true },
          { type: CKA.SIGN, value: true },
          { type: CKA.PRIVATE, value: true },
        ],
      );
    } finally {
      open.close();
    }
    assertOneLine(await countersign(token.uri('p256')), /expected an Ed25519 private key .*P-256/);
    // pkcs11js missing: a resolve hook makes the package unfindable, as on an installation without it.
    const hook = `data:text/javascript,${encodeURIComponent(
      "import { registerHooks } from 'node:module'; registerHooks({ resolve(s, c, next) { if (s === 'pkcs11js') throw Object.assign(new Error('Cannot find package pkcs11js'), { code: 'ERR_MODULE_NOT_FOUND' }); return next(s, c); } });",
    )}`;
    assertOneLine(
      await countersign(uri, { NODE_OPTIONS: `--import=${hook}` }),
      /install the optional dependency pkcs11js/,
    );
    // ...and a key file still works without it: nothing loads pkcs11js at start.
    const fileKey = join(flow.dir, 'errors-file.key');
    await writeFile(fileKey, flow.keys.b.privateKeyPem, { mode: 0o600 });
    const keygen = await cli(['keygen', '--out', join(flow.dir, 'errors-file2.key')], {
      NODE_OPTIONS: `--import=${hook}`,
    });
    assert.equal(keygen.code, 0, keygen.stderr);
  },
);
