// Issue 13 finding 1 (spec/ROTATION.md §3.1): organisation B reviews an authority rotation with
// `countersign policy diff CURRENT NEW`, and `countersign countersign` countersigns one only with
// an approval of the exact new policy: the digest typed on a terminal, or --approve-rotation in a
// script. Without one it refuses (rotation-needs-review), with another digest too
// (rotation-approval-mismatch); it shows the same review on stderr first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VerificationError } from '../../src/lib/basics/errors/errors.ts';
import { rotationApproval, type ApprovalIo } from '../../src/cli/rotation-approval.ts';
import { type Flow, type TestKey, makeKey, readBundle, startFlow } from '../../tools/flow.ts';
import { policyBytes, policyDoc, rotationStatement, RELEASE_WORKFLOW } from '../helpers/rotation-flow.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let flow: Flow;
let aRogue: TestKey;
let bNew: TestKey;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['src/cli/main.ts', ...args], { cwd: ROOT, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}
const at = (name: string) => join(flow.dir, name);

before(async () => {
  flow = await startFlow();
  aRogue = makeKey('b-release', 'Org B');
  bNew = makeKey('b-release-2027', 'Org B');
  await writeFile(at('v1.json'), policyBytes(flow, { version: 1, countersigners: [flow.keys.b] }));
  await writeFile(at('v2-attack.json'), policyBytes(flow, { version: 2, countersigners: [aRogue] }));
  await writeFile(at('v2.json'), policyBytes(flow, { version: 2, countersigners: [bNew] }));
  await writeFile(at('b.key'), flow.keys.b.privateKeyPem, { mode: 0o600 });
  await writeFile(at('b-new.key'), bNew.privateKeyPem, { mode: 0o600 });
  const v2 = policyDoc(flow, { version: 2, countersigners: [bNew] });
  await writeFile(at('rotation.json'), await flow.sign(rotationStatement(v2), { jobWorkflowRef: RELEASE_WORKFLOW }));
  await writeFile(
    at('release.json'),
    await flow.sign(flow.statement({ version: 1 }), { jobWorkflowRef: RELEASE_WORKFLOW }),
  );
});
after(async () => {
  await flow?.close();
});

test("F1 policy diff CURRENT NEW: every change in words, the attack visible (B's key replaced), --organisation, --json; exit 2 on bad input", async () => {
  const v2 = policyDoc(flow, { version: 2, countersigners: [aRogue] });
  const r = await cli(['policy', 'diff', at('v1.json'), at('v2-attack.json'), '--organisation', 'Org B']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^current: .*v1\.json \(policy version 1, sha256:[0-9a-f]{64}\)$/m);
  assert.match(r.stdout, new RegExp(`^new: +.*v2-attack\\.json \\(policy version 2, sha256:${v2.digest}\\)$`, 'm'));
  assert.match(r.stdout, /^3 change\(s\):$/m);
  assert.match(r.stdout, /^ {2}policy version: changed from 1 to 2$/m);
  assert.match(
    r.stdout,
    new RegExp(`^  countersigner keys: removed key "b-release" ${flow.keys.b.keyId} of organisation "Org B"`, 'm'),
  );
  assert.match(
    r.stdout,
    new RegExp(`^  countersigner keys: added key "b-release" ${aRogue.keyId} of organisation "Org B"`, 'm'),
  );
  assert.match(r.stdout, /^organisation "Org B" does NOT keep control as it is: removes countersigner key/m);

  // NEW may be the rotation bundle itself: the policy its statement carries.
  const fromBundle = await cli(['policy', 'diff', at('v1.json'), at('rotation.json')]);
  assert.equal(fromBundle.code, 0, fromBundle.stderr);
  assert.match(fromBundle.stdout, /rotation\.json \(the policy its authority rotation carries\)/);
  assert.match(fromBundle.stdout, new RegExp(`added key "b-release-2027" ${bNew.keyId}`));

  const json = await cli(['policy', 'diff', at('v1.json'), at('v2-attack.json'), '--json', '--organisation', 'Org B']);
  assert.equal(json.code, 0, json.stderr);
  const parsed = JSON.parse(json.stdout) as {
    new: { digest: string };
    changes: { path: string; action: string }[];
    organisation: { keepsControl: boolean };
  };
  assert.equal(parsed.new.digest, `sha256:${v2.digest}`);
  assert.deepEqual(
    parsed.changes.map((c) => `${c.action} ${c.path}`),
    ['changed version', `removed countersigners[${flow.keys.b.keyId}]`, `added countersigners[${aRogue.keyId}]`],
  );
  assert.equal(parsed.organisation.keepsControl, false);

  const same = await cli(['policy', 'diff', at('v1.json'), at('v1.json')]);
  assert.equal(same.code, 0);
  assert.match(same.stdout, /no changes: the two policies say the same thing/);

  for (const args of [
    ['policy', 'diff', at('v1.json')],
    ['policy', 'diff', at('v1.json'), at('missing.json')],
    ['policy', 'diff', at('v1.json'), at('release.json')],
    ['policy', 'diff', at('v1.json'), at('v2.json'), 'extra'],
  ]) {
    const bad = await cli(args);
    assert.equal(bad.code, 2, `${args.join(' ')}: ${bad.stderr}`);
    assert.equal(bad.stdout, '');
  }
  const help = await cli(['policy', 'diff', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /usage: countersign policy diff CURRENT NEW/);
});

test('F1 countersign countersign on a rotation: refused without --approve-rotation (no TTY) and with a wrong digest; the right digest countersigns', async () => {
  const v2 = policyDoc(flow, { version: 2, countersigners: [bNew] });
  const base = ['countersign', at('rotation.json'), '--key', at('b.key'), '--policy', at('v1.json')];

  const none = await cli([...base, '--out', at('none.json')]);
  assert.equal(none.code, 1, none.stderr);
  assert.match(none.stderr, /is an AUTHORITY ROTATION/);
  assert.match(none.stderr, new RegExp(`new policy: +version 2, sha256:${v2.digest}`));
  assert.match(none.stderr, new RegExp(`countersigner keys: removed key "b-release" ${flow.keys.b.keyId}`));
  assert.match(none.stderr, /organisation "Org B" does NOT keep control as it is/);
  assert.match(none.stderr, /rejected \[rotation-needs-review\]: .*--approve-rotation/);
  await assert.rejects(readFile(at('none.json')), { code: 'ENOENT' });

  const wrong = await cli([...base, '--approve-rotation', `sha256:${'0'.repeat(64)}`, '--out', at('wrong.json')]);
  assert.equal(wrong.code, 1, wrong.stderr);
  assert.match(wrong.stderr, /rejected \[rotation-approval-mismatch\]/);
  await assert.rejects(readFile(at('wrong.json')), { code: 'ENOENT' });

  const malformed = await cli([...base, '--approve-rotation', 'yes', '--out', at('malformed.json')]);
  assert.equal(malformed.code, 2, malformed.stderr);

  const ok = await cli([...base, '--approve-rotation', `sha256:${v2.digest}`, '--out', at('approved.json')]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stderr, /is an AUTHORITY ROTATION/);
  const once = new Uint8Array(await readFile(at('approved.json')));
  assert.equal(readBundle(once).countersignatures[0]!.keyId, flow.keys.b.keyId);
  // The added key's holder approves the same document (proof of possession); then it verifies.
  const pop = await cli([
    'countersign',
    at('approved.json'),
    '--key',
    at('b-new.key'),
    '--policy',
    at('v1.json'),
    '--approve-rotation',
    `sha256:${v2.digest}`,
    '--out',
    at('full.json'),
  ]);
  assert.equal(pop.code, 0, pop.stderr);
  // A rotation is of the policy's rotation stream: verify is told so (the policy allows two, issue 13 F8).
  const verified = await cli([
    'verify',
    at('full.json'),
    '--policy',
    at('v1.json'),
    '--stream',
    'acme/app:policy',
    '--kind',
    'authority-rotation',
  ]);
  assert.equal(verified.code, 0, verified.stdout + verified.stderr);

  // An approval is for rotations only, and never for B's service.
  const notRotation = await cli([
    'countersign',
    at('release.json'),
    '--key',
    at('b.key'),
    '--policy',
    at('v1.json'),
    '--approve-rotation',
    `sha256:${v2.digest}`,
    '--out',
    at('r.json'),
  ]);
  assert.equal(notRotation.code, 2, notRotation.stderr);
  assert.match(notRotation.stderr, /not an authority rotation/);
  const viaUrl = await cli([
    'countersign',
    at('rotation.json'),
    '--url',
    'https://countersign.example',
    '--approve-rotation',
    `sha256:${v2.digest}`,
    '--out',
    at('u.json'),
  ]);
  assert.equal(viaUrl.code, 2, viaUrl.stderr);
  // A release needs no approval.
  const release = await cli([
    'countersign',
    at('release.json'),
    '--key',
    at('b.key'),
    '--policy',
    at('v1.json'),
    '--out',
    at('release.countersigned.json'),
  ]);
  assert.equal(release.code, 0, release.stderr);
  assert.doesNotMatch(release.stderr, /AUTHORITY ROTATION/);
});

test("F1 countersign countersign on a terminal: the person types the start of the new policy's digest; anything else refuses", async () => {
  const v1 = policyDoc(flow, { version: 1, countersigners: [flow.keys.b] });
  const v2 = policyDoc(flow, { version: 2, countersigners: [bNew] });
  const bytes = new Uint8Array(await readFile(at('rotation.json')));
  const terminal = (answer: string): ApprovalIo & { printed: string[]; asked: string[] } => {
    const io = {
      interactive: true,
      printed: [] as string[],
      asked: [] as string[],
      print: (t: string) => void io.printed.push(t),
      ask: (q: string) => (io.asked.push(q), Promise.resolve(answer)),
    };
    return io;
  };
  const good = terminal(`sha256:${v2.digest.slice(0, 12)}`);
  assert.deepEqual(await rotationApproval('rotation.json', bytes, v1.policy, flow.keys.b.keyId, undefined, good), {
    policyDigest: `sha256:${v2.digest}`,
  });
  assert.match(good.printed.join('\n'), /AUTHORITY ROTATION/);
  assert.match(good.asked[0]!, /first 12 hex digits/);
  assert.deepEqual(
    await rotationApproval(
      'rotation.json',
      bytes,
      v1.policy,
      flow.keys.b.keyId,
      undefined,
      terminal(v2.digest.slice(0, 20).toUpperCase()),
    ),
    { policyDigest: `sha256:${v2.digest}` },
  );
  for (const answer of ['yes', 'y', v2.digest.slice(0, 11), 'f'.repeat(12), '']) {
    await assert.rejects(
      rotationApproval('rotation.json', bytes, v1.policy, flow.keys.b.keyId, undefined, terminal(answer)),
      (err: unknown) => err instanceof VerificationError && err.code === 'rotation-needs-review',
      answer,
    );
  }
  // Not a rotation: nothing printed, nothing asked.
  const release = terminal('yes');
  assert.equal(
    await rotationApproval(
      'release.json',
      new Uint8Array(await readFile(at('release.json'))),
      v1.policy,
      flow.keys.b.keyId,
      undefined,
      release,
    ),
    undefined,
  );
  assert.deepEqual([release.printed, release.asked], [[], []]);
});
