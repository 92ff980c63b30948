// Following a chain of authority rotations (spec/ROTATION.md §5), as `countersign policy
// update` and clients do: starting from the pinned policy, each rotation must verify under the
// policy before it (the whole verification pipeline, with its rotation rules) and install
// exactly the next version. The rotations may come in any order and may include the history
// that led to the pinned policy: the walk sorts them by the version they install, skips the
// ones it already holds, and follows the rest. Refused, each with its own code: more
// rotations than the cap (`rotation-chain-too-long`), a rotation that skips a version
// (`rotation-gap`), an older one that does not lead to the pinned policy (`rotation-downgrade`),
// two different rotations to one version (`rotation-fork`), and anything the pipeline rejects
// (its own code). The chain is all or nothing: the caller keeps the result only when every
// rotation given was accepted.
//
// Time (spec/ROTATION.md §5.1): a link is judged at its own signing time (its latest
// countersignature, which cannot precede the primary's logged or timestamped time), so a
// rotation that expired since still links the chain; only the newest one is judged at `now`,
// unless the caller verifies a release under the result at `now` instead (freshness 'release').
import type { TrustMaterial } from '@sigstore/verify';
import { parseBundleFile } from '../../formats/bundle/bundle.ts';
import { parseStatement } from '../../formats/statement/statement.ts';
import { envelopeStatementBytes } from '../../formats/bundle/envelope.ts';
import { parseCountersignatureStatement } from '../../formats/countersignature/statement.ts';
import { InputError, VerificationError } from '../../basics/errors/errors.ts';
import { type Carried, type RotationCode, carried } from '../../basics/errors/codes.ts';
import { runPipeline } from '../../pipeline/run.ts';
import type { VerificationReport } from '../../pipeline/report.ts';
import type { ClientState } from '../../formats/state/state.ts';
import { checkPolicyNotRolledBack } from '../../checks/statement/rollback.ts';
import { type PolicyDocument, isRotation } from '../../formats/policy/document.ts';

/** Most rotations one walk follows: a cap on untrusted input, far above any real history. */
export const MAX_ROTATIONS = 64;

/**
 * Most bytes of rotation bundles one walk reads (16 MiB): a real link is a bundle of a few
 * kilobytes plus its policy (1 MiB at most), so this is several maximal policies or thousands
 * of ordinary ones; without it, 64 links at the bundle cap are 256 MiB to read (issue 13).
 */
export const MAX_ROTATION_CHAIN_BYTES = 16 * 1024 * 1024;

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
  /**
   * The time the rotation was verified at: its own signing time (its latest countersignature)
   * for a link before the newest, `now` for the newest unless a release vouches for the result.
   */
  readonly judgedAt: Date;
  /** True when the rotation's statement has expired by `now`: it was accepted as a link judged at its signing time. */
  readonly expired: boolean;
  readonly report: VerificationReport;
}

export interface RotationWalk {
  /** The resulting policy: the last one installed, or the starting one when none was new. */
  readonly result: PolicyDocument;
  readonly applied: readonly AppliedRotation[];
  /**
   * Rotations given that the walk already held: the one that made a policy held (the pinned one
   * or one installed by the walk), a rotation given twice, or the history below the pinned
   * policy that leads to it (spec/ROTATION.md §5 step 3). Skipped, in version order.
   */
  readonly alreadyApplied: readonly string[];
}

/**
 * What vouches that the resulting policy is current (spec/ROTATION.md §5.1):
 * - 'newest-link' (default): the newest rotation applied is verified at `now`, like any bundle
 *   (its statement unexpired, its keys unexpired);
 * - 'release': the caller verifies a release under the result at `now` and keeps the result
 *   only if that release verifies, so the newest rotation too is judged at its signing time.
 */
export type Freshness = 'newest-link' | 'release';

export interface WalkOptions {
  now?: Date;
  /** The client's state: a policy older than its recorded policy version is refused first. */
  state?: ClientState;
  maxRotations?: number;
  /** Most bytes of rotation bundles in one walk (MAX_ROTATION_CHAIN_BYTES). */
  maxChainBytes?: number;
  /** Trust material of the starting policy, when the caller has it built already. */
  trust?: TrustMaterial;
  freshness?: Freshness;
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

/** A rotation as read before any signature is checked: only to order the walk. */
interface Link {
  readonly rotation: RotationInput;
  /** The version it says it installs (the pipeline then requires it to be the new policy's). */
  readonly version: number;
  /** sha256 hex of the document it carries (the statement parser checked it against the subject). */
  readonly digest: string;
  /** Its latest countersignature's signedAt, when any parses: its signing time, trusted only once verified. */
  readonly signedAt: Date | undefined;
  /** Whether its statement's expiresAt is past at `now` (only to report it). */
  readonly expiresAt: Date;
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
  const maxBytes = options.maxChainBytes ?? MAX_ROTATION_CHAIN_BYTES;
  const total = rotations.reduce((n, r) => n + r.bytes.byteLength, 0);
  if (total > maxBytes) {
    throw new RotationError(
      'rotation-chain-too-long',
      'rotations',
      `${total} bytes of rotations given, more than the cap of ${maxBytes} bytes`,
      { expected: `at most ${maxBytes} bytes`, found: `${total} bytes` },
    );
  }
  if (options.state) checkPolicyNotRolledBack(options.state, start.policy.version);
  const now = options.now ?? new Date();
  const freshness = options.freshness ?? 'newest-link';
  // Each rotation is read (peekLink: parsed, nothing verified) only when the walk looks for
  // the next version, and verified as soon as it is found: given in order, as publishers give
  // them, an unsigned link costs one read and one verification, however many follow it (the
  // chain is all or nothing, so stopping at the first refusal loses nothing). Out of order,
  // the links before the next one are read first: at most the byte cap above.
  const links: (Link | undefined)[] = [];
  const peek = (i: number): Link => (links[i] ??= peekLink(rotations[i] as RotationInput, start));
  const unused = new Set(rotations.keys());
  const current = start.policy.version;
  let head = start;
  let before = start; // the policy `head` was installed under
  let newestLink: Link | undefined;
  // Every version held during the walk, to tell a repeat from a fork.
  const held = new Map<number, PolicyDocument>([[current, start]]);
  const applied: AppliedRotation[] = [];
  for (;;) {
    const wanted = head.policy.version + 1;
    const next = [...unused].find((i) => peek(i).version === wanted);
    if (next === undefined) break;
    unused.delete(next);
    const link = peek(next);
    // Judged at `now` when it is known to be the newest: every other link read, none to a later
    // version (one beyond a gap too: the gap is then the refusal, as for links given in order).
    const newest = [...unused].every((i) => links[i] !== undefined && peek(i).version <= wanted);
    const at = newest && freshness === 'newest-link' ? now : timeOf(link, now);
    const { report, installed } = await verifyLink(link, head, at, head === start ? options.trust : undefined);
    applied.push({
      what: link.rotation.what,
      fromVersion: head.policy.version,
      toVersion: wanted,
      digest: installed.digest,
      judgedAt: at,
      expired: link.expiresAt.getTime() <= now.getTime(),
      report,
    });
    held.set(wanted, installed);
    before = head;
    head = installed;
    newestLink = link;
  }
  // The rest, now read in full and in version order (sort is stable): the history below the
  // pinned policy, repeats and forks of versions held, and anything beyond a gap.
  const rest = [...unused].map((i) => peek(i)).sort((a, b) => a.version - b.version);
  const alreadyApplied: string[] = [];
  checkHistory(
    rest.filter((l) => l.version <= current),
    start,
    alreadyApplied,
  );
  for (const link of rest.filter((l) => l.version > current)) {
    const { rotation, version } = link;
    if (version > head.policy.version) {
      throw new RotationError(
        'rotation-gap',
        rotation.what,
        `installs policy version ${version}, but the current policy is version ${head.policy.version}: the rotation to version ${head.policy.version + 1} is missing`,
        { expected: `a rotation to version ${head.policy.version + 1}`, found: `version ${version}` },
      );
    }
    // Another rotation to a version the walk installed: a repeat, or a fork (reported as one
    // only if it verifies under the policy before it; else with the pipeline's own code).
    const have = held.get(version);
    if (have?.digest === link.digest) {
      alreadyApplied.push(rotation.what);
      continue;
    }
    const under = held.get(version - 1);
    if (under) await verifyLink(link, under, timeOf(link, now));
    throw forkError(link, have);
  }
  // The newest link was judged at its signing time while later links were still unread: judge
  // it again at `now` unless a release vouches for the result (spec/ROTATION.md §5.1).
  const last = applied.at(-1);
  if (newestLink && last && freshness === 'newest-link' && last.judgedAt !== now) {
    const { report } = await verifyLink(newestLink, before, now, before === start ? options.trust : undefined);
    applied[applied.length - 1] = { ...last, judgedAt: now, report };
  }
  return { result: head, applied, alreadyApplied };
}

/**
 * The rotations to versions at or below the pinned one (spec/ROTATION.md §5 step 3). One to
 * the pinned version must carry the pinned document (else two documents claim that version: a
 * fork). Older ones are history: accepted, and skipped unverified, only when they form an
 * unbroken run of versions up to a rotation that carries the pinned document; anything else is
 * a rotation to an older policy than the pinned one (`rotation-downgrade`). Nothing below the
 * pinned version is ever installed, so history needs no signature check: the client holds no
 * policy it could be verified under, and trusts the pinned one already.
 */
function checkHistory(history: readonly Link[], start: PolicyDocument, skipped: string[]): void {
  const current = start.policy.version;
  const byVersion = new Map<number, Link>();
  for (const link of history) {
    const first = byVersion.get(link.version);
    if (link.version === current && link.digest !== start.digest) throw forkError(link, start);
    if (first && first.digest !== link.digest) throw forkError(link, first);
    if (!first) byVersion.set(link.version, link);
  }
  for (const link of history) {
    if (link.version < current) {
      if (!byVersion.has(current))
        throw downgradeError(link, current, `no rotation given installs the pinned policy version ${current}`);
      for (let v = link.version + 1; v < current; v++)
        if (!byVersion.has(v)) throw downgradeError(link, current, `the rotation to version ${v} is missing`);
    }
    skipped.push(link.rotation.what);
  }
}

function downgradeError(link: Link, current: number, why: string): RotationError {
  return new RotationError(
    'rotation-downgrade',
    link.rotation.what,
    `installs policy version ${link.version}, older than the current version ${current}, and is not part of a history that leads to it (${why})`,
    { expected: `a rotation to version ${current + 1}`, found: `version ${link.version}` },
  );
}

function forkError(link: Link, have: { digest: string } | undefined): RotationError {
  const held = have ? ` (sha256:${have.digest})` : '';
  return new RotationError(
    'rotation-fork',
    link.rotation.what,
    `installs a policy version ${link.version} (sha256:${link.digest}) that differs from the version ${link.version} already held${held}`,
    { ...(have ? { expected: `sha256:${have.digest}` } : {}), found: `sha256:${link.digest}` },
  );
}

/**
 * When a link is judged (spec/ROTATION.md §5.1): its signing time, its latest countersignature
 * (the pipeline checks that no countersignature precedes the primary's logged or timestamped
 * time, so it cannot be backdated below what the log or timestamp authority attests), but
 * never later than `now` (a countersignature dated after `now` is then refused by the
 * pipeline's own time check).
 */
function timeOf(link: Link, now: Date): Date {
  return link.signedAt && link.signedAt.getTime() < now.getTime() ? link.signedAt : now;
}

/**
 * What a rotation bundle says it installs, read before any signature is checked (only to order
 * the walk), under the pinned policy's size limits: the statement's version, which the pipeline
 * then requires to be the new policy's (`rotation-statement-version`), the digest of the
 * document it carries, which the statement parser checked against the subject, and its latest
 * countersignature's time. The document itself is parsed by the pipeline, after the signatures
 * verify (issue 13 F2).
 */
function peekLink(rotation: RotationInput, start: PolicyDocument): Link {
  try {
    const parsed = parseBundleFile(rotation.bytes, rotation.what, start.policy.limits.maxBundleBytes);
    // Only canonical base64 (the pipeline refuses any other spelling at its primary check): an InputError, never atob's DOMException.
    const bytes = envelopeStatementBytes(parsed.bundle.primary, rotation.what, { nonCanonical: 'refuse' });
    const statement = parseStatement(bytes, `${rotation.what} statement`, {
      maxBytes: start.policy.limits.maxBundleBytes,
      maxSubjects: start.policy.limits.maxSubjects,
    });
    const subject = statement.subject[0];
    if (!isRotation(statement) || !subject)
      throw new InputError(
        'rotation-not-rotation',
        `${rotation.what} statement: expected an authority-rotation statement carrying the new policy, found kind ${statement.predicate.kind}`,
      );
    return {
      rotation,
      version: statement.predicate.version,
      digest: subject.digest.sha256,
      signedAt: latestSignedAt(parsed.statements, rotation.what),
      expiresAt: new Date(statement.predicate.expiresAt),
    };
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

/** The latest signedAt among the countersignature statements that parse (the pipeline refuses the others). */
function latestSignedAt(statements: readonly Uint8Array[], what: string): Date | undefined {
  let latest: Date | undefined;
  for (const bytes of statements) {
    let signedAt: Date;
    try {
      signedAt = new Date(parseCountersignatureStatement(bytes, what).signedAt);
    } catch (err) {
      if (err instanceof InputError) continue;
      throw err;
    }
    if (!latest || signedAt > latest) latest = signedAt;
  }
  return latest;
}

/** The whole pipeline under `under` at `at`; anything but verified is refused with the deciding code. The report, and the policy the rotation installs. */
async function verifyLink(
  link: Link,
  under: PolicyDocument,
  at: Date,
  trust?: TrustMaterial,
): Promise<{ report: VerificationReport; installed: PolicyDocument }> {
  const { rotation } = link;
  const { report, rotation: installed } = await runPipeline(rotation.bytes, {
    policy: under.policy,
    now: at,
    what: rotation.what,
    ...(trust ? { trust } : {}),
  });
  // A verified rotation statement always carries its policy (peekLink checked the kind).
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
