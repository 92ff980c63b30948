// Rotations that happen at chosen times (spec/ROTATION.md §5.1), for the tests of clients that
// sleep: the local stack signs at the real time (its Rekor entry and certificate are "now"),
// but each statement is issued, and each countersignature made by organisation B's real step,
// at a simulated time after it, as if the rotation happened then. A client then verifies at a
// later simulated time. Policies are exact bytes, keys may carry validity windows, and any
// trusted root (another stack's) may be pinned.
import { buildPolicy } from '../../src/lib/formats/policy/index.ts';
import { buildStatement, serializeStatement } from '../../src/lib/formats/statement/statement.ts';
import { type PolicyDocument, policyDocument, rotationStatementParts } from '../../src/lib/flows/rotation/index.ts';
import { sourceRepositoryOf } from '../../src/stack/index.ts';
import { type Flow, type TestKey, STREAM } from '../../tools/flow.ts';
import { POLICY_STREAM, RELEASE_WORKFLOW } from './rotation-flow.ts';

export const DAY = 86_400_000;

export interface TimedKey {
  key: TestKey;
  validFrom?: Date;
  validUntil?: Date;
}

export interface TimedPolicy {
  version: number;
  /** Whose trusted root the policy pins (the stack that signs A's statements under it). */
  root: Flow;
  countersigners: (TestKey | TimedKey)[];
  threshold?: number;
  workflow?: string;
  fallback?: TestKey[];
  /** Default 90 days (the policy default); up to 366. */
  maxStatementLifetimeDays?: number;
}

const timed = (k: TestKey | TimedKey): TimedKey => ('key' in k ? k : { key: k });

export function timedPolicy(o: TimedPolicy): PolicyDocument {
  const workflow = o.workflow ?? RELEASE_WORKFLOW;
  const entry = (k: TimedKey) => ({
    name: k.key.name,
    organisation: k.key.organisation,
    publicKeyPem: k.key.publicKeyPem,
    ...(k.validFrom ? { validFrom: k.validFrom } : {}),
    ...(k.validUntil ? { validUntil: k.validUntil } : {}),
  });
  const document = buildPolicy({
    version: o.version,
    issuer: o.root.stack.description.issuer,
    identity: `https://github.com/${workflow}`,
    githubClaims: sourceRepositoryOf(workflow.split('/').slice(0, 2).join('/')),
    trustedRoot: o.root.trustedRoot,
    countersigners: o.countersigners.map((k) => entry(timed(k))),
    threshold: o.threshold ?? 1,
    kinds: ['binary-digest', 'authority-rotation'],
    streams: [STREAM, POLICY_STREAM],
    ...(o.maxStatementLifetimeDays
      ? { limits: { maxStatementLifetimeSeconds: o.maxStatementLifetimeDays * 86_400 } }
      : {}),
    ...(o.fallback ? { fallback: { countersigners: o.fallback.map((k) => entry({ key: k })), threshold: 1 } } : {}),
  });
  return policyDocument(new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`), `policy v${o.version}`);
}

export interface When {
  /** When A issued the statement (simulated). */
  at: Date;
  /** Its lifetime in days (default 30). */
  lifetimeDays?: number;
  /** The stack that signs A's primary (the one whose root the current policy pins). */
  signer: Flow;
  workflow?: string;
}

/**
 * A rotation from `current` to `next` issued at `when.at`, signed by A on `when.signer`'s
 * stack, and countersigned in order by `keys` through B's real step under `current`, one
 * minute apart starting five minutes after issue.
 */
export async function timedRotation(
  current: PolicyDocument,
  next: PolicyDocument,
  keys: TestKey[],
  when: When,
): Promise<Uint8Array> {
  const parts = rotationStatementParts(next.bytes, 'policy.json', 'new policy');
  const statement = serializeStatement(
    buildStatement({
      kind: 'authority-rotation',
      stream: POLICY_STREAM,
      version: parts.version,
      issuedAt: when.at,
      expiresIn: (when.lifetimeDays ?? 30) * 86_400,
      subjects: parts.subjects,
      data: parts.data,
    }),
  );
  let bundle = await when.signer.sign(statement, { jobWorkflowRef: when.workflow ?? RELEASE_WORKFLOW });
  for (const [i, key] of keys.entries())
    bundle = await when.signer.countersign(bundle, key, {
      policy: current.policy,
      now: new Date(when.at.getTime() + 300_000 + i * 60_000),
    });
  return bundle;
}

/** A release of `version` issued at `when.at`, countersigned by `keys` under `policy` as B would. */
export async function timedRelease(
  policy: PolicyDocument,
  keys: TestKey[],
  version: number,
  when: When,
): Promise<Uint8Array> {
  const statement = when.signer.statement({
    version,
    issuedAt: when.at,
    expiresIn: (when.lifetimeDays ?? 30) * 86_400,
  });
  let bundle = await when.signer.sign(statement, { jobWorkflowRef: when.workflow ?? RELEASE_WORKFLOW });
  for (const [i, key] of keys.entries())
    bundle = await when.signer.countersign(bundle, key, {
      policy: policy.policy,
      now: new Date(when.at.getTime() + 300_000 + i * 60_000),
    });
  return bundle;
}
