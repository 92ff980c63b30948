// Following a chain of authority rotations (spec/ROTATION.md §5), as `countersign policy
// update` and clients do: starting from the pinned policy, each rotation must verify under the
// policy before it (the whole verification pipeline, with its rotation rules) and install
// exactly the next version. Refused, each with its own code: more rotations than the cap
// (`rotation-chain-too-long`), a rotation that skips a version (`rotation-gap`), one that
// installs an older version (`rotation-downgrade`), two different rotations to one version
// (`rotation-fork`), and anything the pipeline rejects (its own code). The chain is all or
// nothing: the caller writes the result only when every rotation given was accepted.
import type { TrustMaterial } from '@sigstore/verify';
import { parseBundleFile } from '../../formats/bundle/bundle.ts';
import { parseStatement } from '../../formats/statement/statement.ts';
import { envelopeStatementBytes } from '../../formats/bundle/envelope.ts';
import { InputError, VerificationError } from '../../basics/errors/errors.ts';
import { type Carried, type RotationCode, carried } from '../../basics/errors/codes.ts';
import { runPipeline } from '../../pipeline/run.ts';
import type { VerificationReport } from '../../pipeline/report.ts';
import type { ClientState } from '../../formats/state/state.ts';
import { checkPolicyNotRolledBack } from '../../checks/statement/rollback.ts';
import { type PolicyDocument, isRotation } from '../../formats/policy/document.ts';

/** Most rotations one walk follows: a cap on untrusted input, far above any real history. */
export const MAX_ROTATIONS = 64;

export interface RotationInput {
  readonly bytes: Uint8Array;
  /** Names the bundle in messages (its file name). */
  readonly what: string;
}

export interface AppliedRotation {
  readonly what: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  /** sha256 hex of the installed policy document. */
  readonly digest: string;
  readonly report: VerificationReport;
}

export interface RotationWalk {
  /** The resulting policy: the last one installed, or the starting one when none was new. */
  readonly result: PolicyDocument;
  readonly applied: readonly AppliedRotation[];
  /** Rotations given that installed the very document already held at their version. */
  readonly alreadyApplied: readonly string[];
}

export interface WalkOptions {
  now?: Date;
  /** The client's state: a policy older than its recorded policy version is refused first. */
  state?: ClientState;
  maxRotations?: number;
  /** Trust material of the starting policy, when the caller has it built already. */
  trust?: TrustMaterial;
}

/**
 * A rotation was refused: `code` says why (its own, or carried: the code of the parse or check
 * that refused the rotation bundle), `what` names the bundle, `report` when the pipeline ran.
 */
export class RotationError extends VerificationError {
  readonly what: string;
  readonly report: VerificationReport | undefined;
  constructor(
    code: RotationCode | Carried,
    what: string,
    message: string,
    details: { expected?: string; found?: string; report?: VerificationReport } = {},
  ) {
    super(code, `${what}: ${message}`, details);
    this.name = 'RotationError';
    this.what = what;
    this.report = details.report;
  }
}

export async function followRotations(
  start: PolicyDocument,
  rotations: readonly RotationInput[],
  options: WalkOptions = {},
): Promise<RotationWalk> {
  const max = options.maxRotations ?? MAX_ROTATIONS;
  if (rotations.length > max) {
    throw new RotationError(
      'rotation-chain-too-long',
      'rotations',
      `${rotations.length} rotations given, more than the cap of ${max}`,
      { expected: `at most ${max}`, found: String(rotations.length) },
    );
  }
  if (options.state) checkPolicyNotRolledBack(options.state, start.policy.version);
  const now = options.now ?? new Date();
  // Every version held during the walk, to tell a repeat from a fork.
  const held = new Map<number, PolicyDocument>([[start.policy.version, start]]);
  let head = start;
  const applied: AppliedRotation[] = [];
  const alreadyApplied: string[] = [];
  for (const rotation of rotations) {
    const next = peekTarget(rotation, head);
    const target = next.version;
    if (target > head.policy.version + 1) {
      throw new RotationError(
        'rotation-gap',
        rotation.what,
        `installs policy version ${target}, but the current policy is version ${head.policy.version}: the rotation to version ${head.policy.version + 1} is missing`,
        {
          expected: `a rotation to version ${head.policy.version + 1}`,
          found: `version ${target}`,
        },
      );
    }
    if (target <= head.policy.version) {
      const have = held.get(target);
      if (have?.digest === next.digest) {
        alreadyApplied.push(rotation.what);
        continue;
      }
      if (!have) {
        throw new RotationError(
          'rotation-downgrade',
          rotation.what,
          `installs policy version ${target}, older than the current version ${start.policy.version}`,
          {
            expected: `a rotation to version ${head.policy.version + 1}`,
            found: `version ${target}`,
          },
        );
      }
      // Another document for a version already held: verified under its predecessor (when held),
      // a valid one means the authority signed two successors: a fork, never resolved by guessing.
      const before = held.get(target - 1);
      if (before) await verifyLink(rotation, before, now);
      throw new RotationError(
        'rotation-fork',
        rotation.what,
        `installs a policy version ${target} (sha256:${next.digest}) that differs from the version ${target} already held (sha256:${have.digest})`,
        {
          expected: `sha256:${have.digest}`,
          found: `sha256:${next.digest}`,
        },
      );
    }
    const { report, installed } = await verifyLink(rotation, head, now, head === start ? options.trust : undefined);
    applied.push({
      what: rotation.what,
      fromVersion: head.policy.version,
      toVersion: target,
      digest: installed.digest,
      report,
    });
    held.set(target, installed);
    head = installed;
  }
  return { result: head, applied, alreadyApplied };
}

/**
 * What a rotation bundle says it installs, read before any signature is checked (only to order
 * the walk): the statement's version, which the pipeline then requires to be the new policy's
 * (`rotation-statement-version`), and the digest of the document it carries, which the
 * statement parser checked against the subject. The document itself is parsed by the pipeline,
 * after the signatures verify (issue 13 F2).
 */
function peekTarget(rotation: RotationInput, head: PolicyDocument): { version: number; digest: string } {
  try {
    const parsed = parseBundleFile(rotation.bytes, rotation.what, head.policy.limits.maxBundleBytes);
    // Only canonical base64 (the pipeline refuses any other spelling at its primary check): an InputError, never atob's DOMException.
    const bytes = envelopeStatementBytes(parsed.bundle.primary, rotation.what, { nonCanonical: 'refuse' });
    const statement = parseStatement(bytes, `${rotation.what} statement`, {
      maxBytes: head.policy.limits.maxBundleBytes,
      maxSubjects: head.policy.limits.maxSubjects,
    });
    const subject = statement.subject[0];
    if (!isRotation(statement) || !subject)
      throw new InputError(
        'rotation-not-rotation',
        `${rotation.what} statement: expected an authority-rotation statement carrying the new policy, found kind ${statement.predicate.kind}`,
      );
    return { version: statement.predicate.version, digest: subject.digest.sha256 };
  } catch (err) {
    if (err instanceof InputError)
      throw new RotationError(
        carried(err.code),
        rotation.what,
        err.message.startsWith(rotation.what) ? err.message.slice(rotation.what.length + 2) : err.message,
      );
    throw err;
  }
}

/** The whole pipeline under `under`; anything but verified is refused with the deciding code. The report, and the policy the rotation installs. */
async function verifyLink(
  rotation: RotationInput,
  under: PolicyDocument,
  now: Date,
  trust?: TrustMaterial,
): Promise<{ report: VerificationReport; installed: PolicyDocument }> {
  const { report, rotation: installed } = await runPipeline(rotation.bytes, {
    policy: under.policy,
    now,
    what: rotation.what,
    ...(trust ? { trust } : {}),
  });
  // A verified rotation statement always carries its policy (peekTarget checked the kind).
  if (report.outcome === 'verified' && installed) return { report, installed };
  const failure = report.failure ?? {
    check: 'countersignatures',
    code: 'countersignature-missing',
    message: 'no countersignature yet: a rotation must be countersigned',
  };
  const failed = report.checks.find((c) => c.check === failure.check);
  throw new RotationError(
    carried(failure.code),
    rotation.what,
    `rejected under policy version ${under.policy.version} at the ${failure.check} check: ${failure.message}`,
    {
      ...(failed?.expected !== undefined ? { expected: failed.expected } : {}),
      ...(failed?.found !== undefined ? { found: failed.found } : {}),
      report,
    },
  );
}
