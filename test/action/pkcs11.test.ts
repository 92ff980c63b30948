// The release gate with B's key in a PKCS#11 token (a self-hosted runner with an HSM): the
// countersign step's countersign-key holds a PKCS#11 URI, SoftHSM2 is the token, and pkcs11js
// is installed in an ancestor directory of the action's checkout (as `npm install --prefix
// "$HOME" pkcs11js` does on a runner), where Node finds it from the action's bundle. Then: the
// gate verifies; a token key the policy does not pin is refused; a PIN in the URI is refused.
// Skipped, saying why, only when SoftHSM2 or pkcs11js is missing (.ci/run installs SoftHSM2).
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { generateKeyInToken } from '../../src/lib/basics/io/key-ref.ts';
import { buildPolicy, loadPolicyFile } from '../../src/lib/formats/policy/index.ts';
import { runPipeline } from '../../src/lib/pipeline/run.ts';
import { type SoftHsm, softHsm, softHsmSkipReason } from '../helpers/softhsm.ts';
import { type Fixture, STREAM, startFixture, transcript } from './harness/fixture.ts';
import type { ActionRun } from './harness/runner.ts';

const skip = softHsmSkipReason();

let f: Fixture;
let hsm: SoftHsm;
let pinnedKeyId: string;

before(async () => {
  if (skip !== undefined) return;
  hsm = await softHsm(['action']);
  f = await startFixture({ nodeModules: ['pkcs11js'] });
  const token = hsm.token('action');
  // Two pairs in the token: b-hsm, which the policy pins, and other, which it does not.
  const made = await generateKeyInToken(token.uri('b-hsm'), join(hsm.dir, 'b-hsm'), 'test');
  pinnedKeyId = made.keyId;
  await generateKeyInToken(token.uri('other'), join(hsm.dir, 'other'), 'test');
  const trustedRoot = JSON.parse(await readFile(f.stack.description.trustedRoot, 'utf8')) as Record<string, unknown>;
  const policy = buildPolicy({
    issuer: f.stack.description.issuer,
    identity: f.stack.description.identity,
    githubClaims: f.stack.sourceRepository,
    trustedRoot,
    countersigners: [
      { name: 'b-release', organisation: 'Org B', publicKeyPem: await readFile(made.publicPath, 'utf8') },
    ],
    threshold: 1,
    streams: [STREAM],
  });
  await writeFile(join(f.workspace, 'hsm-policy.json'), JSON.stringify(policy, null, 2));
});
after(async () => {
  await f?.close();
  await hsm?.cleanup();
});

const gateInputs = (version: string, key: string) => ({
  kind: 'binary-digest',
  'subject-path': 'release/*',
  stream: STREAM,
  version,
  policy: 'hsm-policy.json',
  sigstore: 'stack.json',
  'countersign-key': key,
  'bundle-path': `hsm-${version}.bundle.json`,
});

const runGate = (version: string, key: string) => f.run('', gateInputs(version, key), { env: hsm.env });
const outcomes = (run: ActionRun) => Object.fromEntries(run.steps.map((s) => [s.id, s.outcome]));
const errors = (run: ActionRun) =>
  run.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n');

test(
  "the gate passes with countersign-key a PKCS#11 URI: B's token key countersigns, the bundle verifies, the URI is masked and the warning stays",
  { skip: skip ?? false },
  async () => {
    const uri = hsm.token('action').uri('b-hsm');
    const run = await runGate('1', uri);
    assert.equal(run.success, true, transcript(run));
    assert.equal(outcomes(run).countersign, 'success');
    assert.equal(run.outputs.verified, 'true');
    assert.ok(run.summary.includes(pinnedKeyId), 'the summary names the token key');
    assert.ok(
      run.annotations.some((a) => a.level === 'warning' && /one organisation now holds both keys/.test(a.message)),
      'the single-organisation warning',
    );
    assert.ok(run.masks.includes(uri), 'the URI is masked like a PEM key');
    assert.deepEqual(run.leaks, []);
    // The bundle verifies on its own, through the library, and its countersignature is the token key's.
    const bytes = new Uint8Array(await readFile(join(f.workspace, 'hsm-1.bundle.json')));
    const result = await runPipeline(bytes, { policy: await loadPolicyFile(join(f.workspace, 'hsm-policy.json')) });
    assert.equal(result.report.outcome, 'verified', JSON.stringify(result.report.failure));
    assert.match(new TextDecoder().decode(bytes), new RegExp(pinnedKeyId.replace('sha256:', '')));
  },
);

test(
  'a URI naming a token key the policy does not pin is refused by the countersign step (countersigner-not-pinned)',
  { skip: skip ?? false },
  async () => {
    const run = await runGate('2', hsm.token('action').uri('other'));
    assert.equal(run.success, false);
    assert.equal(outcomes(run).countersign, 'failure');
    assert.equal(outcomes(run).verify, 'skipped');
    assert.match(errors(run), /countersign countersign: rejected \[countersigner-not-pinned\]/);
    assert.deepEqual(run.leaks, []);
  },
);

test(
  'a URI with pin-value is refused before the token is opened (pkcs11-pin, the PIN redacted), and the PIN is never printed',
  { skip: skip ?? false },
  async () => {
    const token = hsm.token('action');
    const uri = `pkcs11:token=${encodeURIComponent(token.label)};object=b-hsm?module-path=${hsm.module}&pin-value=${token.pin}`;
    const run = await runGate('3', uri);
    assert.equal(run.success, false);
    assert.equal(outcomes(run).countersign, 'failure');
    // The pkcs11-pin refusal (an input error: the annotation is its one-line message, without the code).
    assert.match(
      errors(run),
      /countersign countersign: input countersign-key pkcs11:.*pin-value=\*\*\*: expected pin-source=file:.*found pin-value/,
    );
    assert.ok(!transcript(run).includes(token.pin), 'the PIN is not in the log');
    assert.deepEqual(run.leaks, []);
  },
);
