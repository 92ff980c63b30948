// The stack's three instances (countersign stack --instance): what each trusted root lists,
// the signing config each writes, and bundles signed through that signing config
// (instances as data, issue 14) that verify under the trusted root with the requirements it
// implies: github has no CT log, no SCT and no log (TSA time only); rekor-v2 logs dsse 0.0.2
// entries without an integrated time, so its bundles need the TSA's time. In the Rekor modes
// the log is one growing RFC 6962 tree: after several signings the inclusion proofs have real
// audit paths, and every checkpoint is the root of the entries logged so far.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveInstance } from '../../src/lib/flows/sign/instances.ts';
import { signStatement } from '../../src/lib/flows/sign/sign.ts';
import { fetchToken, startStack, type Stack, type StackInstance } from '../../src/stack/index.ts';
import { loadTrustedRootBytes } from '../../src/lib/checks/sigstore/trusted-root.ts';
import { verifyPrimary } from '../../src/lib/checks/sigstore/verify-primary.ts';
import { VerificationError } from '../../src/lib/basics/errors/errors.ts';
import { leafHash, rootOfLeafHashes, verifyInclusion } from '../../src/lib/checks/log/merkle.ts';

const SCT_OID = '1.3.6.1.4.1.11129.2.4.2';

let dir: string;
const stacks = new Map<StackInstance, Stack>();

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'countersign-instances-test-'));
  for (const instance of ['public-good', 'github', 'rekor-v2'] as const)
    stacks.set(instance, await startStack({ instance, dir: join(dir, instance) }));
});

after(async () => {
  await Promise.all([...stacks.values()].map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

function stackOf(instance: StackInstance): Stack {
  const stack = stacks.get(instance);
  assert.ok(stack, `stack ${instance} started`);
  return stack;
}

function statement(n: number): Uint8Array {
  return Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: `a${n}`, digest: { sha256: n.toString(16).padStart(64, '0') } }],
      predicateType: 'https://example.test/p',
      predicate: {},
    }),
  );
}

interface Bundle {
  verificationMaterial: {
    certificate: { rawBytes: string };
    tlogEntries?: {
      logIndex?: string;
      integratedTime?: string;
      kindVersion: { kind: string; version: string };
      canonicalizedBody: string;
      inclusionPromise?: unknown;
      inclusionProof: {
        /** Left out of the JSON when 0 (protobuf default). */
        logIndex?: string;
        treeSize: string;
        rootHash: string;
        hashes?: string[];
        checkpoint: { envelope: string };
      };
    }[];
    timestampVerificationData?: { rfc3161Timestamps: unknown[] };
  };
}

/** Signs through the stack's signing config and trusted root, as `sign --sigstore FILE --trusted-root FILE`. */
async function signVia(stack: Stack, n: number): Promise<Bundle> {
  const d = stack.description;
  assert.ok(d.signingConfig, 'the stack writes a signing config');
  const instance = await resolveInstance(d.signingConfig, { trustedRoot: d.trustedRoot });
  return (await signStatement(statement(n), { instance, identityToken: await fetchToken(d) })) as Bundle;
}

async function trustOf(stack: Stack) {
  return loadTrustedRootBytes(await readFile(stack.description.trustedRoot), 'trusted root');
}

test('trusted roots list what each instance runs: github has no CT log and no Rekor', async () => {
  const roots = new Map<StackInstance, { ctlogs?: unknown[]; tlogs?: { publicKey: { keyDetails: string } }[] }>();
  for (const [instance, stack] of stacks)
    roots.set(instance, JSON.parse(await readFile(stack.description.trustedRoot, 'utf8')) as never);
  assert.equal(roots.get('public-good')?.ctlogs?.length, 1);
  assert.equal(roots.get('public-good')?.tlogs?.[0]?.publicKey.keyDetails, 'PKIX_ECDSA_P256_SHA_256');
  // Empty lists are left out of the protobuf JSON.
  assert.equal(roots.get('github')?.ctlogs?.length ?? 0, 0);
  assert.equal(roots.get('github')?.tlogs?.length ?? 0, 0);
  assert.equal(roots.get('rekor-v2')?.tlogs?.[0]?.publicKey.keyDetails, 'PKIX_ED25519');
  assert.equal(stackOf('github').description.rekorUrl, undefined);
  assert.equal(stackOf('rekor-v2').description.rekorApiVersion, 2);
});

test('each stack writes a signing config that selects its own services', async () => {
  for (const [instance, stack] of stacks) {
    const d = stack.description;
    const resolved = await resolveInstance(d.signingConfig ?? '', { trustedRoot: d.trustedRoot });
    assert.equal(resolved.kind, 'signing-config');
    assert.equal(resolved.fulcioUrl, d.fulcioUrl, instance);
    assert.equal(resolved.rekorUrl, d.rekorUrl, instance);
    assert.equal(resolved.tsaUrl, `${d.tsaUrl}/api/v1/timestamp`, instance);
    assert.equal(resolved.rekorApiVersion, instance === 'rekor-v2' ? 2 : 1, instance);
  }
});

test('github: a certificate without SCT, no log entry, the TSA time; verifies under its root', async () => {
  const stack = stackOf('github');
  const before = stack.requestCounts();
  const bundle = await signVia(stack, 1);
  const vm = bundle.verificationMaterial;
  assert.equal(vm.tlogEntries?.length ?? 0, 0);
  assert.equal(vm.timestampVerificationData?.rfc3161Timestamps.length, 1);
  const cert = new X509Certificate(Buffer.from(vm.certificate.rawBytes, 'base64'));
  assert.ok(!cert.toLegacyObject().infoAccess, 'no AIA');
  assert.ok(!Buffer.from(cert.raw).includes(Buffer.from('060a2b06010401d679020402', 'hex')), `no ${SCT_OID} extension`);
  const result = verifyPrimary(bundle, await trustOf(stack));
  assert.equal(result.tlogEntries.length, 0);
  assert.equal(result.signer.issuer, stack.description.issuer);
  const after = stack.requestCounts();
  assert.equal(after.rekor, 0, 'github mode has no Rekor');
  assert.equal(after.tsa, before.tsa + 1);
});

for (const instance of ['public-good', 'rekor-v2'] as const) {
  test(`${instance}: one growing tree; after several signings the audit paths are real and every checkpoint is the root of the entries so far`, async () => {
    const stack = stackOf(instance);
    const trust = await trustOf(stack);
    const start = stack.logSize();
    assert.equal(start, 0, 'the first entries of this stack: every checkpoint is compared with the tree of all leaves');
    const bundles: Bundle[] = [];
    for (let n = 0; n < 5; n += 1) bundles.push(await signVia(stack, 100 + n));
    assert.equal(stack.logSize(), start + 5);
    const leaves: Uint8Array[] = [];
    for (const [i, bundle] of bundles.entries()) {
      verifyPrimary(bundle, trust, { what: `${instance} bundle ${i}` });
      const [entry] = bundle.verificationMaterial.tlogEntries ?? [];
      assert.ok(entry);
      const body = Buffer.from(entry.canonicalizedBody, 'base64');
      const leaf = leafHash(body);
      leaves.push(leaf);
      const proof = entry.inclusionProof;
      const index = Number(proof.logIndex ?? '0');
      const size = Number(proof.treeSize);
      assert.equal(index, start + i);
      assert.equal(size, start + i + 1, 'the tree grows by one per entry');
      const root = Buffer.from(proof.rootHash, 'base64');
      const hashes = (proof.hashes ?? []).map((h) => new Uint8Array(Buffer.from(h, 'base64')));
      assert.ok(verifyInclusion(leaf, index, size, hashes, root), `inclusion of entry ${index} in ${size}`);
      // The checkpoint's root is the proof's root (the note's third line).
      assert.equal(proof.checkpoint.envelope.split('\n')[2], root.toString('base64'));
      assert.deepEqual(Buffer.from(rootOfLeafHashes(leaves)), root, 'checkpoints are consistent');
      if (instance === 'rekor-v2') {
        assert.deepEqual(entry.kindVersion, { kind: 'dsse', version: '0.0.2' });
        assert.equal(entry.integratedTime ?? '0', '0', 'no integrated time (left out of the JSON as 0)');
        assert.equal(entry.inclusionPromise, undefined);
      } else {
        assert.ok(entry.inclusionPromise, 'Rekor v1 gives a signed entry timestamp');
        assert.notEqual(entry.integratedTime, '0');
      }
    }
    const last = bundles.at(-1)?.verificationMaterial.tlogEntries?.[0]?.inclusionProof;
    assert.ok(last && (last.hashes?.length ?? 0) > 0, 'a non-empty audit path');
    assert.ok(Number(last.treeSize) > 1);
  });
}

test('rekor-v2: without the TSA timestamp the bundle has no verified time and is refused', async () => {
  const stack = stackOf('rekor-v2');
  const trust = await trustOf(stack);
  const bundle = await signVia(stack, 7);
  verifyPrimary(bundle, trust);
  const stripped = structuredClone(bundle);
  delete stripped.verificationMaterial.timestampVerificationData;
  assert.throws(
    () => verifyPrimary(stripped, trust),
    (err: unknown) => err instanceof VerificationError && err.code === 'primary-timestamp',
  );
});

test('rekor-v2: an entry whose DSSE signature does not verify is refused with 400, and nothing is logged', async () => {
  const stack = stackOf('rekor-v2');
  const bundle = (await signVia(stack, 8)) as unknown as {
    dsseEnvelope: { payload: string; payloadType: string; signatures: { sig: string; keyid: string }[] };
    verificationMaterial: { certificate: { rawBytes: string } };
  };
  const size = stack.logSize();
  const env = bundle.dsseEnvelope;
  const res = await fetch(`${stack.description.rekorUrl ?? ''}/api/v2/log/entries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      dsseRequestV002: {
        envelope: { ...env, payload: Buffer.from('tampered').toString('base64') },
        verifiers: [
          {
            x509Certificate: { rawBytes: bundle.verificationMaterial.certificate.rawBytes },
            keyDetails: 'PKIX_ECDSA_P256_SHA_256',
          },
        ],
      },
    }),
  });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /signatures must have a key that verifies/);
  assert.equal(stack.logSize(), size);
});

test('countersign stack --instance refuses an unknown instance with a usage error (exit 2)', async () => {
  const { run } = await import('../../src/cli/stack.ts');
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void errors.push(args.join(' '));
  try {
    assert.equal(await run(['--instance', 'staging', '--out', join(dir, 'never.json')]), 2);
  } finally {
    console.error = original;
  }
  assert.match(errors.join('\n'), /--instance: expected public-good, github or rekor-v2, found "staging"/);
});
