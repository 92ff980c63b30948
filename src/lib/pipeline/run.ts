// The verification pipeline (docs/design.md §4, spec/FORMAT.md §7): an ordered list of named checks.
// Each check either passes, fails with a stable code (and every later check is skipped), or,
// for the countersignatures check only, is pending (a valid primary and no countersignature
// yet). The report says which check decided the outcome and why.
//
// The subjects check alone may also end "not-checked": no files were given, so nothing was compared.
//
// Each check (steps/*.ts) is a function of what earlier checks returned, and returns what later
// checks need, or throws a typed error (InputError or VerificationError): nothing is shared,
// nothing is assigned after creation. This runner threads their values, records one report
// entry per check, and builds the report from the values at the end. Every check is
// synchronous; runPipeline stays async (its callers await it) without awaiting anything.
import type { TrustMaterial } from '@sigstore/verify';
import type { ParsedBundle } from '../formats/bundle/bundle.ts';
import type { Statement, Subject } from '../formats/core/types.ts';
import { InputError, VerificationError } from '../basics/errors/errors.ts';
import type { Policy } from '../formats/policy/index.ts';
import { type PolicyDocument, isRotation } from '../formats/policy/document.ts';
import type { ClientState } from '../formats/state/state.ts';
import type { Authorisation } from '../checks/countersignatures/authorise.ts';
import type { PrimarySigner } from '../checks/sigstore/identity.ts';
import type { PrimaryResult } from '../checks/sigstore/verify-primary.ts';
import type { Expectation } from '../checks/statement/expectation.ts';
import { trustMaterialOf } from '../checks/sigstore/trusted-root.ts';
import { CHECKS, type CheckName, type CheckReport, type Outcome, type VerificationReport } from './report.ts';
import { type Parsed, describeEnvelope, describeParsed, parseEnvelope, readStatement } from './steps/parse.ts';
import { describePrimary, primary } from './steps/primary.ts';
import { describeSigner, primaryIdentity } from './steps/primary-identity.ts';
import { type Countersigned, countersignatures, describeCountersigned } from './steps/countersignatures.ts';
import { describeStatement, statement } from './steps/statement.ts';
import { describeSubjects, subjects } from './steps/subjects.ts';

export type { Parsed } from './steps/parse.ts';
export type { Countersigned } from './steps/countersignatures.ts';

export interface VerifyOptions {
  policy: Policy;
  /** Trust material built once from policy.trustedRoot and reused across bundles. */
  trust?: TrustMaterial;
  /** The client's state (last accepted version per stream), for rollback protection; undefined: none kept yet. */
  state?: ClientState | undefined;
  /** The artifacts at hand (names and digests): each must be a subject, and every subject present; undefined: none given. */
  artifacts?: Subject[] | undefined;
  /** Verification time (defaults to now). */
  now?: Date;
  /** Names the bundle in messages. */
  what?: string;
  /** The stream (and kind) the verifier expects (statement check: statement-stream-unexpected, statement-kind-unexpected); the gate resolves it. */
  expect?: Expectation | undefined;
  /**
   * Organisation B's pre-signing check: every countersignature already present must verify,
   * but the threshold is not yet required, and none present is not "pending".
   */
  forCountersigning?: boolean;
}

/** What every check established, present exactly when the outcome is verified. */
export interface Verified {
  readonly parsed: Parsed;
  readonly primary: PrimaryResult;
  readonly signer: PrimarySigner;
  /** "signed", or "unsigned" for organisation B's pre-signing check on a bundle not countersigned yet. */
  readonly countersigned: Exclude<Countersigned, { kind: 'pending' | 'short' }>;
}

/** The report plus what the checks established (each field once its check passed), for callers that act on a bundle. */
interface PipelineResultFields {
  report: VerificationReport;
  primary?: PrimaryResult;
  statement?: Statement;
  statementBytes?: Uint8Array;
  bundle?: ParsedBundle;
  /** For an authority rotation: the new policy it installs (verified only if the outcome is). */
  rotation?: PolicyDocument;
  /** Who countersigned, and which signer set authorised the bundle. */
  authorisation?: Authorisation;
}

export interface VerifiedPipelineResult extends PipelineResultFields {
  report: VerificationReport & { outcome: 'verified' };
  verified: Verified;
  primary: PrimaryResult;
  statement: Statement;
  statementBytes: Uint8Array;
  bundle: ParsedBundle;
}

export interface UnverifiedPipelineResult extends PipelineResultFields {
  report: VerificationReport & { outcome: 'rejected' | 'pending-countersign' };
  verified?: undefined;
}

/** `verified` is present exactly when `report.outcome` is "verified" (test it to narrow). */
export type PipelineResult = VerifiedPipelineResult | UnverifiedPipelineResult;

export async function verifyCountersignedBundle(
  bytes: Uint8Array,
  options: VerifyOptions,
): Promise<VerificationReport> {
  return (await runPipeline(bytes, options)).report;
}

export function runPipeline(bytes: Uint8Array, options: VerifyOptions): Promise<PipelineResult> {
  // A promise (the checks may await one day), rejected rather than thrown on a bug, as from an async function.
  return Promise.resolve().then(() => runChecks(bytes, options));
}

function runChecks(bytes: Uint8Array, options: VerifyOptions): PipelineResult {
  const { policy } = options;
  const now = options.now ?? new Date();
  const what = options.what ?? 'bundle';
  const requireThreshold = !options.forCountersigning;
  const r = new ReportBuilder(policy);

  // Authenticate before expensive parsing (issue 13): the bundle and the payload's bytes are
  // read, the primary's signature over those bytes verified, and only then is the statement
  // (megabytes of subjects, at the cap) parsed. The report keeps the order of spec/FORMAT.md
  // §7: a statement that does not parse fails the parse check (the primary's entry then says
  // skipped: its result is not used), and a primary that fails decides before the statement.
  const envelope = attempt(() => parseEnvelope(bytes, policy, what));
  if (!envelope.ok) {
    r.failed('parse', envelope.error);
    return r.rejected({});
  }
  const verifiedPrimary = attempt(() => primary(envelope.value, options.trust ?? trustMaterialOf(policy)));
  if (!verifiedPrimary.ok) {
    r.record('parse', pass(describeEnvelope(envelope.value, bytes.byteLength)));
    r.failed('primary', verifiedPrimary.error);
    return r.rejected({});
  }
  const parsed = r.check(
    'parse',
    () => readStatement(envelope.value, policy, what),
    (p) => pass(describeParsed(p, bytes.byteLength)),
  );
  if (!parsed) return r.rejected({});
  const primaryResult = verifiedPrimary.value;
  r.record('primary', pass(describePrimary(primaryResult)));
  const signer = r.check(
    'primary-identity',
    () => primaryIdentity(primaryResult, policy),
    (s) => pass(describeSigner(s)),
  );
  if (!signer) return r.rejected({ parsed, primary: primaryResult });
  const countersigned = r.check(
    'countersignatures',
    () => countersignatures(parsed, primaryResult, policy, { now, requireThreshold, what }),
    (c) =>
      c.kind === 'pending'
        ? {
            result: 'pending',
            message: describeCountersigned(c, policy, c.rotation),
            code: 'countersignature-missing',
            expected: `${policy.threshold} organisation(s)`,
            found: 'none',
          }
        : c.kind === 'short'
          ? { result: 'fail', error: c.shortfall }
          : pass(describeCountersigned(c, policy, c.rotation)),
  );
  if (!countersigned || countersigned.kind === 'short')
    return r.rejected({ parsed, primary: primaryResult, ...(countersigned ? { countersigned } : {}) });
  const established = { parsed, primary: primaryResult, countersigned };
  if (
    !r.check(
      'statement',
      () => statement(parsed, countersigned.rotation, policy, { now, state: options.state, expect: options.expect }),
      (st) => pass(describeStatement(st)),
    )
  )
    return r.rejected(established);
  if (
    !r.check(
      'subjects',
      () => subjects(parsed.statement, options.artifacts),
      // No files given: nothing was compared, and the report says so rather than "pass" (issue 14 #10).
      (s) =>
        s.kind === 'not-checked' ? { result: 'not-checked', message: describeSubjects(s) } : pass(describeSubjects(s)),
    )
  )
    return r.rejected(established);
  if (countersigned.kind === 'pending') return r.pending(established);
  return r.verified({ parsed, primary: primaryResult, signer, countersigned });
}

/** A step's value, or the typed error it threw (anything else is a bug and propagates). */
type Attempt<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: VerificationError | InputError };

function attempt<T>(run: () => T): Attempt<T> {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    if (error instanceof VerificationError || error instanceof InputError) return { ok: false, error };
    throw error;
  }
}

/** A check's entry, from its value: passed with a message, pending (countersignatures only), or failed. */
type Verdict =
  | { readonly result: 'pass' | 'not-checked'; readonly message: string }
  | {
      readonly result: 'pending';
      readonly message: string;
      readonly code: string;
      readonly expected: string;
      readonly found: string;
    }
  | { readonly result: 'fail'; readonly error: VerificationError };

function pass(message: string): Verdict {
  return { result: 'pass', message };
}

/** What the checks that ran established: the report's summaries and the result's fields are functions of it. */
interface Established {
  readonly parsed?: Parsed;
  readonly primary?: PrimaryResult;
  readonly countersigned?: Countersigned;
}

/** What a bundle that reached a pending or verified outcome established: its parse at least. */
type EstablishedParsed = Established & { readonly parsed: Parsed };

const TITLES = Object.fromEntries(CHECKS.map((c) => [c.name, c.title])) as Record<CheckName, string>;

/** One entry per check, in pipeline order; after a failure, every check not run is marked skipped. */
class ReportBuilder {
  private readonly policy: Policy;
  private readonly entries: CheckReport[] = [];
  private failure: NonNullable<VerificationReport['failure']> | undefined;

  constructor(policy: Policy) {
    this.policy = policy;
  }

  /**
   * Runs one check: its value, or undefined when it threw a typed error (InputError or
   * VerificationError; anything else is a bug and propagates). A value whose verdict is a failure
   * is returned too: the countersignatures check's shortfall still says who signed.
   */
  check<T extends object>(check: CheckName, run: () => T, verdict: (value: T) => Verdict): T | undefined {
    const a = attempt(run);
    if (!a.ok) {
      this.failed(check, a.error);
      return undefined;
    }
    this.record(check, verdict(a.value));
    return a.value;
  }

  /** The entry of a check that ran outside `check` (parse and primary run in the order of authentication, above). */
  record(check: CheckName, v: Verdict): void {
    const title = TITLES[check];
    if (v.result === 'fail') this.fail(check, title, v.error);
    else if (v.result === 'pending')
      this.entries.push({
        check,
        title,
        result: 'pending',
        message: v.message,
        code: v.code,
        expected: v.expected,
        found: v.found,
      });
    else this.entries.push({ check, title, result: v.result, message: v.message });
  }

  /** The failed entry of a check that ran outside `check`. */
  failed(check: CheckName, err: VerificationError | InputError): void {
    this.fail(check, TITLES[check], err);
  }

  private fail(check: CheckName, title: string, err: VerificationError | InputError): void {
    const entry: CheckReport = { check, title, result: 'fail', code: err.code, message: err.message };
    // Only a VerificationError carries expected and found (an InputError has neither).
    const details = err as { expected?: string; found?: string };
    if (details.expected !== undefined) entry.expected = details.expected;
    if (details.found !== undefined) entry.found = details.found;
    this.entries.push(entry);
    this.failure = { check, code: err.code, message: err.message };
  }

  rejected(established: Established): UnverifiedPipelineResult {
    const ran = new Set(this.entries.map((e) => e.check));
    const skipped = CHECKS.filter((c) => !ran.has(c.name)).map((c): CheckReport => ({
      check: c.name,
      title: c.title,
      result: 'skipped',
      message: 'not run: an earlier check failed',
    }));
    const report = {
      ...this.report('rejected', [...this.entries, ...skipped], established),
      ...(this.failure ? { failure: this.failure } : {}),
    };
    return { report, ...fields(established) };
  }

  pending(established: EstablishedParsed): UnverifiedPipelineResult {
    return {
      report: { ...this.report('pending-countersign', this.entries, established), ...this.rotation(established) },
      ...fields(established),
    };
  }

  verified(verified: Verified): VerifiedPipelineResult {
    const { parsed } = verified;
    const established: EstablishedParsed = { parsed, primary: verified.primary, countersigned: verified.countersigned };
    return {
      report: { ...this.report('verified', this.entries, established), ...this.rotation(established) },
      ...fields(established),
      primary: verified.primary,
      statement: parsed.statement,
      statementBytes: parsed.statementBytes,
      bundle: parsed.bundle,
      verified,
    };
  }

  /** The report's keys in the order `verify --json` has always printed them: outcome, checks, statement, primary, countersigners (then failure or rotation). */
  private report<O extends Outcome>(
    outcome: O,
    checks: CheckReport[],
    { parsed, primary, countersigned }: Established,
  ): VerificationReport & { outcome: O } {
    const authorisation = authorisationOf(countersigned);
    return {
      outcome,
      checks,
      ...(parsed ? { statement: statementSummary(parsed) } : {}),
      ...(primary ? { primary: primarySummary(primary) } : {}),
      // Also when too few organisations signed: the report says who did.
      ...(authorisation ? { countersigners: countersignersSummary(authorisation, this.policy.threshold) } : {}),
    };
  }

  /** For an authority rotation that was not rejected: the versions, the new policy's digest, who authorised it, the keys it adds. */
  private rotation({ parsed, countersigned }: EstablishedParsed): Pick<VerificationReport, 'rotation'> {
    // The statement's version and subject: the new policy's version and digest once verified
    // (the statement and parse checks); a pending rotation's new policy is not read.
    const subject = parsed.statement.subject[0];
    if (!isRotation(parsed.statement) || !subject) return {};
    const authorisation = authorisationOf(countersigned);
    const { policy } = this;
    return {
      rotation: {
        fromVersion: policy.version,
        toVersion: parsed.statement.predicate.version,
        policyDigest: `sha256:${subject.digest.sha256}`,
        authorisedBy: authorisation?.authorisedBy ?? 'none',
        addedKeys: authorisation?.newKeys ?? [],
      },
    };
  }
}

function authorisationOf(countersigned: Countersigned | undefined): Authorisation | undefined {
  return countersigned?.kind === 'signed' || countersigned?.kind === 'short' ? countersigned.authorisation : undefined;
}

/** The result's fields, for callers that read what the checks established (see `verified` for a verified bundle). */
function fields({ parsed, primary, countersigned }: Established): Omit<PipelineResultFields, 'report'> {
  const authorisation = authorisationOf(countersigned);
  return {
    ...(primary ? { primary } : {}),
    ...(parsed ? { statement: parsed.statement, statementBytes: parsed.statementBytes, bundle: parsed.bundle } : {}),
    ...(countersigned?.rotation ? { rotation: countersigned.rotation } : {}),
    ...(authorisation ? { authorisation } : {}),
  };
}

function statementSummary(parsed: Parsed): NonNullable<VerificationReport['statement']> {
  const st = parsed.statement;
  return {
    digest: `sha256:${parsed.statementDigest}`,
    kind: st.predicate.kind,
    stream: st.predicate.stream,
    version: st.predicate.version,
    issuedAt: st.predicate.issuedAt,
    expiresAt: st.predicate.expiresAt,
    subjects: st.subject.map((s) => ({ name: s.name, digest: `sha256:${s.digest.sha256}` })),
  };
}

function primarySummary(p: PrimaryResult): NonNullable<VerificationReport['primary']> {
  return {
    identity: p.signer.identity,
    issuer: p.signer.issuer,
    claims: { ...p.signer.extensions },
    time: p.verifiedTime.toISOString(),
  };
}

function countersignersSummary(a: Authorisation, threshold: number): NonNullable<VerificationReport['countersigners']> {
  return {
    signed: a.valid,
    organisations: a.organisations,
    missing: a.missing,
    threshold,
    // authorise() sets fallbackOrganisations whenever authorisedBy is 'fallback'.
    ...(a.authorisedBy === 'fallback'
      ? // Stryker disable next-line ArrayDeclaration: equivalent, never undefined here (see above)
        { authorisedBy: 'fallback' as const, fallbackOrganisations: a.fallbackOrganisations ?? [] }
      : {}),
  };
}
