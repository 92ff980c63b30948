// Shared fixtures for the invariant and end-to-end tests: one local Sigstore stack, a set of
// countersigner keys (two of organisation B, one of C, one rogue), policies that pin them,
// and the whole flow in-process through the library (build -> sign -> countersign), each
// step returning the exact bytes a user's file would hold. Tests then tamper with those bytes.
//
//   const flow = await startFlow();
//   const primary = await flow.sign(flow.statement({ version: 1 }));
//   const bundle = await flow.countersign(primary, flow.policy, flow.keys.b);
//   const report = await flow.verify(bundle);   // report.outcome === 'verified'
//   await flow.close();
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrustMaterial } from '@sigstore/verify';
import { parseBundleFile, serializeBundle } from '../src/lib/formats/bundle/bundle.ts';
import { buildStatement, serializeStatement } from '../src/lib/formats/statement/statement.ts';
import type { Countersignature, CountersignedBundle, Kind } from '../src/lib/formats/core/types.ts';
import { countersignBundle } from '../src/lib/flows/countersign/countersign-bundle.ts';
import { peekRotation, type RotationApproval } from '../src/lib/flows/countersign/rotation-review.ts';
import { createCountersignature } from '../src/lib/formats/countersignature/create.ts';
import { generateCountersignerKey, parsePrivateKeyPem } from '../src/lib/basics/crypto/ed25519-keys.ts';
import { type CountersignSigner, seedSigner } from '../src/lib/basics/crypto/signer.ts';
import type { PrimaryBinding } from '../src/lib/formats/countersignature/statement.ts';
import { buildPolicy, parsePolicy, type GithubClaims, type Policy } from '../src/lib/formats/policy/index.ts';
import { instanceFromStackDescription, type ResolvedInstance } from '../src/lib/formats/stack/description.ts';
import { signStatement } from '../src/lib/flows/sign/sign.ts';
import { type VerifyOptions, runPipeline } from '../src/lib/pipeline/run.ts';
import { trustMaterialOf } from '../src/lib/checks/sigstore/trusted-root.ts';
import type { VerificationReport } from '../src/lib/pipeline/report.ts';
import { type Stack, type StackInstance, startStack } from '../src/stack/index.ts';

export const STREAM = 'acme/app:stable';

/** One countersigner key: the PEMs a user's files hold, and a signer over its seed. */
export interface TestKey {
  name: string;
  organisation: string;
  keyId: string;
  privateKeyPem: string;
  publicKeyPem: string;
  seed: Uint8Array;
  signer: CountersignSigner;
}

export interface StatementOptions {
  version?: number;
  stream?: string;
  kind?: Kind;
  /** Seconds (default 30 days). */
  expiresIn?: number;
  issuedAt?: Date;
  /** Makes two statements of the same version differ (default: random subject digests). */
  seed?: string;
}

export interface PolicyOptions {
  /** Default: [keys.b]. */
  countersigners?: TestKey[];
  threshold?: number;
  streams?: string[];
  /** Default: the stack's identity. */
  identity?: string;
  /** Default: the stack's source repository (stack.sourceRepository), pinned as every policy must. */
  githubClaims?: GithubClaims;
  /** Default: this stack's trusted_root.json. */
  trustedRoot?: Record<string, unknown>;
}

export interface Flow {
  stack: Stack;
  /** A scratch directory, removed on close. */
  dir: string;
  /** The stack's Fulcio with both Rekor and the TSA. */
  instance: ResolvedInstance;
  /** The stack's Fulcio with the TSA only (no transparency log), like GitHub's instance. */
  tsaOnly: ResolvedInstance;
  /** The stack's trusted_root.json, parsed. */
  trustedRoot: Record<string, unknown>;
  /** b and b2: organisation "Org B"; c: "Org C"; rogue: pinned nowhere. */
  keys: { b: TestKey; b2: TestKey; c: TestKey; rogue: TestKey };
  /** The standard policy: the stack identity, B's key b only, threshold 1, STREAM. */
  policy: Policy;
  /** Trust material of `policy` (built once). */
  trust: TrustMaterial;
  makeKey(name: string, organisation: string): TestKey;
  makePolicy(options?: PolicyOptions): Policy;
  /** Statement bytes as `countersign build` writes them. */
  statement(options?: StatementOptions): Uint8Array;
  /** The primary (a Sigstore bundle JSON, as `countersign sign` writes it), signed on the stack. */
  sign(
    statementBytes: Uint8Array,
    options?: { jobWorkflowRef?: string; callerWorkflowRef?: string; instance?: ResolvedInstance; token?: string },
  ): Promise<Uint8Array>;
  /**
   * Organisation B's step through the library (countersignBundle): refuses what B would refuse.
   * An authority rotation is approved as a reviewer would (the digest of the policy it carries)
   * unless `approveRotation` says otherwise (`null`: no approval, as an unattended countersigner).
   */
  countersign(
    bundleBytes: Uint8Array,
    key: TestKey,
    options?: { policy?: Policy; now?: Date; approveRotation?: RotationApproval | null },
  ): Promise<Uint8Array>;
  /** The gate, with this flow's standard policy unless another is given. */
  verify(bundleBytes: Uint8Array, options?: Partial<VerifyOptions>): Promise<VerificationReport>;
  close(): Promise<void>;
}

export function makeKey(name: string, organisation: string): TestKey {
  const pair = generateCountersignerKey();
  const parsed = parsePrivateKeyPem(pair.privateKeyPem, name);
  return {
    name,
    organisation,
    keyId: pair.keyId,
    privateKeyPem: pair.privateKeyPem,
    publicKeyPem: pair.publicKeyPem,
    seed: parsed.seed,
    signer: seedSigner(parsed.seed, pair.keyId),
  };
}

export async function startFlow(
  options: {
    jobWorkflowRef?: string;
    /** Which Sigstore instance the stack imitates (default public-good). */
    instance?: StackInstance;
  } = {},
): Promise<Flow> {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-flow-'));
  let stack: Stack | undefined;
  try {
    stack = await startStack({
      dir: join(dir, 'stack'),
      ...(options.jobWorkflowRef ? { jobWorkflowRef: options.jobWorkflowRef } : {}),
      ...(options.instance ? { instance: options.instance } : {}),
    });
    return await flowOn(stack, dir);
  } catch (err) {
    await stack?.close();
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

async function flowOn(stack: Stack, dir: string): Promise<Flow> {
  const description = stack.description;
  const instance = instanceFromStackDescription({ ...description }, 'test stack');
  const tsaOnly = instanceFromStackDescription({ ...description, useRekor: false }, 'test stack (TSA only)');
  const trustedRoot = JSON.parse(await readFile(description.trustedRoot, 'utf8')) as Record<string, unknown>;
  const keys = {
    b: makeKey('b-release', 'Org B'),
    b2: makeKey('b-backup', 'Org B'),
    c: makeKey('c-release', 'Org C'),
    rogue: makeKey('rogue', 'Org B'),
  };

  const makePolicy = (o: PolicyOptions = {}): Policy =>
    parsePolicy(
      JSON.stringify(
        buildPolicy({
          issuer: description.issuer,
          identity: o.identity ?? description.identity,
          githubClaims: o.githubClaims ?? stack.sourceRepository,
          trustedRoot: o.trustedRoot ?? trustedRoot,
          countersigners: (o.countersigners ?? [keys.b]).map((k) => ({
            name: k.name,
            organisation: k.organisation,
            publicKeyPem: k.publicKeyPem,
          })),
          threshold: o.threshold ?? 1,
          streams: o.streams ?? [STREAM],
        }),
      ),
      'test policy',
    );
  const policy = makePolicy();
  const trust = trustMaterialOf(policy);

  const flow: Flow = {
    stack,
    dir,
    instance,
    tsaOnly,
    trustedRoot,
    keys,
    policy,
    trust,
    makeKey,
    makePolicy,
    statement: (o = {}) => {
      const seed = o.seed ?? randomBytes(8).toString('hex');
      return serializeStatement(
        buildStatement({
          kind: o.kind ?? 'binary-digest',
          stream: o.stream ?? STREAM,
          version: o.version ?? 1,
          issuedAt: o.issuedAt ?? new Date(),
          expiresIn: o.expiresIn ?? 30 * 86_400,
          subjects: [
            { name: 'release/app-linux-amd64', digest: { sha256: digestOf(`${seed}/linux`) } },
            { name: 'release/app-darwin-arm64', digest: { sha256: digestOf(`${seed}/darwin`) } },
          ],
          source: { repository: 'acme/app' },
        }),
      );
    },
    sign: async (statementBytes, o = {}) => {
      const token =
        o.token ??
        stack.mintToken({
          audience: 'sigstore',
          ...(o.jobWorkflowRef ? { jobWorkflowRef: o.jobWorkflowRef } : {}),
          ...(o.callerWorkflowRef ? { callerWorkflowRef: o.callerWorkflowRef } : {}),
        });
      const json = await signStatement(statementBytes, {
        instance: o.instance ?? instance,
        identityToken: token,
        retries: 0,
      });
      return new TextEncoder().encode(`${JSON.stringify(json, null, 2)}\n`);
    },
    countersign: async (bundleBytes, key, o = {}) => {
      const p = o.policy ?? policy;
      const rotation = o.approveRotation === undefined ? peekRotation(bundleBytes, p, 'test bundle') : undefined;
      const approval = o.approveRotation ?? (rotation ? { policyDigest: `sha256:${rotation.digest}` } : undefined);
      const result = await countersignBundle(bundleBytes, {
        policy: p,
        signer: key.signer,
        ...(p === policy ? { trust } : {}),
        ...(o.now ? { now: o.now } : {}),
        ...(approval ? { approveRotation: approval } : {}),
      });
      return new TextEncoder().encode(serializeBundle(result.bundle));
    },
    verify: async (bundleBytes, o = {}) => {
      const p = o.policy ?? policy;
      return (await runPipeline(bundleBytes, { ...(p === policy ? { trust } : {}), ...o, policy: p })).report;
    },
    close: async () => {
      await stack.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return flow;
}

function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

// --- Editing bundle bytes the way an attacker would (parse, change one thing, re-serialise).

/** The countersigned bundle of a file (a plain primary gives an empty countersignature list). */
export function readBundle(bytes: Uint8Array): CountersignedBundle {
  return structuredClone(parseBundleFile(bytes, 'test bundle', 64 * 1024 * 1024).bundle);
}

export function writeBundle(bundle: {
  mediaType: string;
  primary: unknown;
  countersignatures: Countersignature[];
}): Uint8Array {
  return new TextEncoder().encode(serializeBundle(bundle as CountersignedBundle));
}

/** The primary's JSON (a deep copy, safe to edit). */
export function primaryJson(bytes: Uint8Array): PrimaryJson {
  return readBundle(bytes).primary as PrimaryJson;
}

/** The parts of a Sigstore bundle v0.3 JSON the tests edit (a field set to undefined is dropped when written). */
export interface PrimaryJson {
  mediaType: string;
  verificationMaterial: {
    certificate: { rawBytes: string };
    tlogEntries?: unknown[] | undefined;
    timestampVerificationData?: unknown;
  };
  dsseEnvelope: { payload: string; payloadType: string; signatures: { sig: string; keyid: string }[] };
}

/** Flips one bit of a base64 field's decoded bytes and re-encodes it (canonical base64 again). */
export function flipBase64(value: string, index = 0): string {
  const bytes = Buffer.from(value, 'base64');
  const i = index < 0 ? bytes.length + index : index;
  bytes[i] = (bytes[i] as number) ^ 0x01;
  return bytes.toString('base64');
}

/**
 * What a countersignature binds, read straight from a primary's JSON without verifying
 * anything: what an attacker holding B's key would sign (createCountersignature).
 */
export function bindingOfPrimary(bytes: Uint8Array): PrimaryBinding {
  const p = primaryJson(bytes);
  // proto3 JSON leaves out a field at its default: an entry at index 0 has no logIndex.
  const tlog = (p.verificationMaterial.tlogEntries ?? []) as { logIndex?: string; logId: { keyId: string } }[];
  const tsa = p.verificationMaterial.timestampVerificationData as
    { rfc3161Timestamps?: { signedTimestamp: string }[] } | undefined;
  const b64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));
  const [signature] = p.dsseEnvelope.signatures;
  if (!signature) throw new Error('bindingOfPrimary: the primary has no DSSE signature');
  return {
    payload: b64(p.dsseEnvelope.payload),
    payloadType: p.dsseEnvelope.payloadType,
    signature: b64(signature.sig),
    certificate: b64(p.verificationMaterial.certificate.rawBytes),
    tlogEntries: tlog.map((e) => ({ logId: e.logId.keyId, logIndex: e.logIndex ?? '0' })),
    timestamps: (tsa?.rfc3161Timestamps ?? []).map((t) => b64(t.signedTimestamp)),
  };
}

/** Countersigns with `signer` without any policy check (an attacker holding a key) and returns the bundle bytes. */
export async function forgeCountersigned(
  primaryBytes: Uint8Array,
  signer: CountersignSigner,
  options: { stream?: string; version?: number; signedAt?: Date } = {},
): Promise<Uint8Array> {
  const bundle = readBundle(primaryBytes);
  const statement = JSON.parse(
    Buffer.from(primaryJson(primaryBytes).dsseEnvelope.payload, 'base64').toString('utf8'),
  ) as { predicate: { stream: string; version: number } };
  const countersignature = await createCountersignature({
    signer,
    primary: bindingOfPrimary(primaryBytes),
    stream: options.stream ?? statement.predicate.stream,
    version: options.version ?? statement.predicate.version,
    signedAt: options.signedAt ?? new Date(),
  });
  return writeBundle({ ...bundle, countersignatures: [...bundle.countersignatures, countersignature] });
}
