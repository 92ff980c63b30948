// Fixtures for the rotation and lifecycle tests (spec/ROTATION.md): policy documents as exact
// bytes (a rotation installs bytes), rotation statements, and signing + countersigning them on
// the local stack through the library, as `build`, `sign` and `countersign` would.
import { buildStatement, serializeStatement } from '../../src/lib/formats/statement/statement.ts';
import { buildPolicy } from '../../src/lib/formats/policy/index.ts';
import { sourceRepositoryOf } from '../../src/stack/index.ts';
import { type PolicyDocument, policyDocument, rotationStatementParts } from '../../src/lib/flows/rotation/index.ts';
import type { Flow, TestKey } from '../../tools/flow.ts';
import { STREAM } from '../../tools/flow.ts';

export const POLICY_STREAM = 'acme/app:policy';
export const RELEASE_WORKFLOW = 'acme/app/.github/workflows/release.yml@refs/heads/main';
/** Where A's release workflow moved to in the identity rotation. */
export const MOVED_WORKFLOW = 'acme/app-platform/.github/workflows/release.yml@refs/heads/main';

export interface PolicyOptions {
  version: number;
  countersigners: TestKey[];
  threshold?: number;
  workflow?: string;
  fallback?: { keys: TestKey[]; threshold?: number };
  kinds?: string[];
  limits?: Record<string, number>;
}

export function policyBytes(flow: Flow, o: PolicyOptions): Uint8Array {
  const document = buildPolicy({
    version: o.version,
    issuer: flow.stack.description.issuer,
    identity: `https://github.com/${o.workflow ?? RELEASE_WORKFLOW}`,
    githubClaims: sourceRepositoryOf((o.workflow ?? RELEASE_WORKFLOW).split('/').slice(0, 2).join('/')),
    trustedRoot: flow.trustedRoot,
    countersigners: o.countersigners.map((k) => ({
      name: k.name,
      organisation: k.organisation,
      publicKeyPem: k.publicKeyPem,
    })),
    threshold: o.threshold ?? 1,
    kinds: o.kinds ?? ['binary-digest', 'authority-rotation'],
    streams: [STREAM, POLICY_STREAM],
    ...(o.limits ? { limits: o.limits } : {}),
    ...(o.fallback
      ? {
          fallback: {
            countersigners: o.fallback.keys.map((k) => ({
              name: k.name,
              organisation: k.organisation,
              publicKeyPem: k.publicKeyPem,
            })),
            threshold: o.fallback.threshold ?? 1,
          },
        }
      : {}),
  });
  return new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`);
}

export function policyDoc(flow: Flow, o: PolicyOptions): PolicyDocument {
  return policyDocument(policyBytes(flow, o), `policy v${o.version}`);
}

/** The statement `build --kind authority-rotation --policy NEW` writes (version: the new policy's unless forced). */
export function rotationStatement(
  next: PolicyDocument,
  o: { version?: number; expiresIn?: number; issuedAt?: Date } = {},
): Uint8Array {
  const parts = rotationStatementParts(next.bytes, 'policy.json', 'new policy');
  return serializeStatement(
    buildStatement({
      kind: 'authority-rotation',
      stream: POLICY_STREAM,
      version: o.version ?? parts.version,
      issuedAt: o.issuedAt ?? new Date(),
      expiresIn: o.expiresIn ?? 30 * 86_400,
      subjects: parts.subjects,
      data: parts.data,
    }),
  );
}

/** A rotation signed by A (as `workflow`) and countersigned, in order, by `keys` through countersignBundle under `current`. */
export async function rotationBundle(
  flow: Flow,
  current: PolicyDocument,
  next: PolicyDocument,
  keys: TestKey[],
  o: { workflow?: string; version?: number } = {},
): Promise<Uint8Array> {
  let bundle = await flow.sign(rotationStatement(next, o.version === undefined ? {} : { version: o.version }), {
    jobWorkflowRef: o.workflow ?? RELEASE_WORKFLOW,
  });
  for (const key of keys) bundle = await flow.countersign(bundle, key, { policy: current.policy });
  return bundle;
}

/** A release (binary-digest) bundle signed as `workflow` and countersigned under `policy` by `keys`. */
export async function releaseBundle(
  flow: Flow,
  policy: PolicyDocument,
  keys: TestKey[],
  o: { workflow?: string; version?: number } = {},
): Promise<Uint8Array> {
  let bundle = await flow.sign(flow.statement({ version: o.version ?? 1 }), {
    jobWorkflowRef: o.workflow ?? RELEASE_WORKFLOW,
  });
  for (const key of keys) bundle = await flow.countersign(bundle, key, { policy: policy.policy });
  return bundle;
}
