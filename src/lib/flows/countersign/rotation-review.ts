// Organisation B is never an automatic oracle for trust changes (spec/ROTATION.md §3.1, issue 13
// finding 1). An authority rotation installs a new policy: who must sign from then on. A
// countersigner that blesses any rotation A sends would let A alone replace B's key with its
// own, and every later A-only release would verify. So B's step countersigns a rotation only
// with an explicit approval that names it:
//   - `policyDigest`: a person read the diff (`countersign policy diff CURRENT NEW`) and
//     approved exactly this new policy document (`sha256:` + hex of its bytes);
//   - `keepingOrganisation`: the service's unsafe opt-in, for rotations that leave that
//     organisation's keys, log requirement and share of the threshold as they were
//     (formats/policy/control.ts).
// Without one, the refusal is `rotation-needs-review`; a digest of another document is
// `rotation-approval-mismatch`.
import { VerificationError } from '../../basics/errors/errors.ts';
import { parseBundleFile } from '../../formats/bundle/bundle.ts';
import { INTOTO_PAYLOAD_TYPE } from '../../formats/core/types.ts';
import { controlChanges } from '../../formats/policy/control.ts';
import { diffPolicies } from '../../formats/policy/diff.ts';
import { escapeUnusual, quote, renderPolicyDiff } from '../../formats/policy/diff-text.ts';
import { isRotation, newPolicyOf, type PolicyDocument } from '../../formats/policy/document.ts';
import type { Policy } from '../../formats/policy/types.ts';
import { parseStatement } from '../../formats/statement/statement.ts';
import { parseStrictJson } from '../../basics/json/strict-json.ts';

export type RotationApproval =
  /** A person approved exactly the new policy whose bytes have this digest (`sha256:<hex>`). */
  | { readonly policyDigest: string }
  /** Unsafe opt-in: any rotation that keeps this organisation in control as it is. */
  | { readonly keepingOrganisation: string };

/** What B runs instead of countersigning a rotation through a service or a script. */
export const REVIEW_HINT =
  "organisation B reviews it with 'countersign policy diff CURRENT NEW' and countersigns it offline with its key " +
  "('countersign countersign BUNDLE --key FILE --policy CURRENT --approve-rotation sha256:<digest of the new policy>')";

/**
 * The new policy a bundle would install if it is an authority rotation, read without verifying
 * anything (cheap: no signature is checked). Undefined for any other bundle, and for one that
 * does not parse: the verification pipeline then reports it with its own code.
 */
export function peekRotation(bytes: Uint8Array, policy: Policy, what: string): PolicyDocument | undefined {
  try {
    const primary = parseBundleFile(bytes, what, policy.limits.maxBundleBytes).bundle.primary as {
      dsseEnvelope?: { payload?: unknown; payloadType?: unknown };
    };
    const envelope = primary.dsseEnvelope;
    if (typeof envelope?.payload !== 'string' || envelope.payloadType !== INTOTO_PAYLOAD_TYPE) return undefined;
    const statement = parseStatement(new Uint8Array(Buffer.from(envelope.payload, 'base64')), `${what} statement`, {
      maxBytes: policy.limits.maxBundleBytes,
      maxSubjects: policy.limits.maxSubjects,
    });
    return isRotation(statement) ? newPolicyOf(statement, `${what} statement`) : undefined;
  } catch {
    return undefined;
  }
}

/** What a rotation says it installs: the statement's version and the carried document's digest. */
export interface RotationTarget {
  readonly version: number;
  readonly digest: string;
}

/**
 * What a bundle's primary says it installs if its statement is an authority rotation, without
 * parsing the new policy (bounded, linear work on unsigned input, issue 13 F2; B's service reads
 * it to refuse rotations before anything is verified): the statement's version, which the
 * verification requires to be the new policy's, and its subject's digest, which the statement
 * parser requires to be the carried document's. The statement is read as strict JSON (its caps:
 * no costly keys or depth) without the statement parser's checks of every subject: anything
 * else about it is the verification's to check. Throws when it is not strict JSON.
 */
export function rotationTargetOf(primary: unknown, policy: Policy, what: string): RotationTarget | undefined {
  const envelope = (primary as { dsseEnvelope?: { payload?: unknown; payloadType?: unknown } } | null)?.dsseEnvelope;
  if (typeof envelope?.payload !== 'string' || envelope.payloadType !== INTOTO_PAYLOAD_TYPE) return undefined;
  const statement = parseStrictJson(new Uint8Array(Buffer.from(envelope.payload, 'base64')), `${what} statement`, {
    maxBytes: policy.limits.maxBundleBytes,
    maxDepth: 8,
  }) as {
    subject?: { digest?: { sha256?: unknown } }[];
    predicate?: { kind?: unknown; version?: unknown };
  } | null;
  const digest = statement?.subject?.[0]?.digest?.sha256;
  const version = statement?.predicate?.version;
  if (statement?.predicate?.kind !== 'authority-rotation') return undefined;
  return {
    version: typeof version === 'number' ? version : NaN,
    digest: typeof digest === 'string' ? digest.slice(0, 64) : 'unknown',
  };
}

/** Throws unless `approval` covers the rotation from `current` to `next`. */
export function checkRotationApproval(
  current: Policy,
  next: PolicyDocument,
  approval: RotationApproval | undefined,
  what: string,
): void {
  const target = `policy version ${next.policy.version} (sha256:${next.digest})`;
  if (approval === undefined) {
    throw new VerificationError(
      'rotation-needs-review',
      `${what}: an authority rotation to ${target} is never countersigned without an explicit approval: ${REVIEW_HINT}`,
      {
        expected: 'an approval of this new policy',
        found: 'none',
      },
    );
  }
  if ('policyDigest' in approval) {
    if (approval.policyDigest !== `sha256:${next.digest}`) {
      throw new VerificationError(
        'rotation-approval-mismatch',
        `${what}: the approval names another document: the rotation installs ${target}`,
        {
          expected: `sha256:${next.digest}`,
          found: approval.policyDigest,
        },
      );
    }
    return;
  }
  const reasons = controlChanges(current, next.policy, approval.keepingOrganisation);
  if (reasons.length > 0) {
    throw new VerificationError(
      'rotation-needs-review',
      `${what}: the rotation to ${target} does not keep organisation ${JSON.stringify(approval.keepingOrganisation)} in control (${reasons.join('; ')}): ${REVIEW_HINT}`,
      {
        expected: `a new policy that keeps ${JSON.stringify(approval.keepingOrganisation)}'s keys, log requirement, threshold and fallback set`,
        found: reasons.join('; '),
      },
    );
  }
}

/**
 * The review of a change of policy, one line per change, indented; with `control`, a last line
 * that says whether the organisation keeps control, and if not, why (`countersign policy diff`).
 */
export function reviewLines(
  current: Policy,
  next: PolicyDocument,
  control?: { organisation: string; reasons: readonly string[] },
): string[] {
  const structured = diffPolicies(current, next.policy);
  const lines = [`${structured.changes.length} change(s):`, ...renderPolicyDiff(structured).map((l) => `  ${l}`)];
  if (control) {
    const org = quote(control.organisation);
    lines.push(
      control.reasons.length === 0
        ? `organisation ${org} keeps its keys, log requirement, share of the threshold and the fallback set as they are`
        : `organisation ${org} does NOT keep control as it is: ${control.reasons.join('; ')}`,
    );
  }
  return lines;
}

/**
 * What B's countersigning step prints before it countersigns a rotation with the key `signerKeyId`:
 * the versions, the new policy's digest (what an approval names), every change, and whether the
 * key's organisation keeps control.
 */
export function rotationReview(what: string, current: Policy, next: PolicyDocument, signerKeyId: string): string[] {
  const own = [...current.countersigners, ...(current.fallback?.countersigners ?? [])].find(
    (k) => k.keyId === signerKeyId,
  );
  return [
    escapeUnusual(`${what} is an AUTHORITY ROTATION: it replaces the policy (who must sign from then on).`),
    `current policy: version ${current.version}`,
    `new policy:     version ${next.policy.version}, sha256:${next.digest}`,
    ...reviewLines(
      current,
      next,
      own
        ? { organisation: own.organisation, reasons: controlChanges(current, next.policy, own.organisation) }
        : undefined,
    ),
  ];
}
