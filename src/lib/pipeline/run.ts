// The verification pipeline (docs/design.md §4, spec/FORMAT.md §7): an ordered list of named checks.
// Each check either passes, fails with a stable code (and every later check is skipped), or,
// for the countersignatures check only, is pending (a valid primary and no countersignature
// yet). The report says which check decided the outcome and why.
import type { TrustMaterial } from '@sigstore/verify';
import { parseBundleFile } from '../formats/bundle/bundle.ts';
import { parseStatement } from '../formats/statement/statement.ts';
import type { Statement, Subject } from '../formats/core/types.ts';
import { INTOTO_PAYLOAD_TYPE } from '../formats/core/types.ts';
import { sha256Hex } from '../basics/crypto/sha256.ts';
import { InputError, VerificationError } from '../basics/errors/errors.ts';
import type { Policy } from '../formats/policy/index.ts';
import { checkPrimaryIdentity } from '../checks/sigstore/identity.ts';
import { type PrimaryResult, verifyPrimary } from '../checks/sigstore/verify-primary.ts';
import { CHECKS, type CheckName, type CheckReport, type VerificationReport } from './report.ts';
import type { ClientState } from '../formats/state/state.ts';
import { checkNotRolledBack, checkPolicyNotRolledBack } from '../checks/statement/rollback.ts';
import { checkStatement } from '../checks/statement/statement.ts';
import { type Authorisation, authorise } from '../checks/countersignatures/authorise.ts';
import { type PolicyDocument, isRotation, newPolicyOf } from '../formats/policy/document.ts';
import { checkRotationVersions } from '../checks/statement/rotation-versions.ts';
import { compareSubjects } from '../checks/statement/subjects.ts';
import { trustMaterialOf } from '../checks/sigstore/trusted-root.ts';

export interface VerifyOptions {
  policy: Policy;
  /** Trust material built once from policy.trustedRoot and reused across bundles. */
  trust?: TrustMaterial;
  /** The client's state (last accepted version per stream), for rollback protection. */
  state?: ClientState;
  /** The artifacts at hand (names and digests): each must be a subject, and every subject present. */
  artifacts?: Subject[];
  /** Verification time (defaults to now). */
  now?: Date;
  /** Names the bundle in messages. */
  what?: string;
  /**
   * Organisation B's pre-signing check: every countersignature already present must verify,
   * but the threshold is not yet required, and none present is not "pending".
   */
  forCountersigning?: boolean;
}

/** The report plus what the checks established, for callers that act on a verified bundle. */
export interface PipelineResult {
  report: VerificationReport;
  primary?: PrimaryResult;
  statement?: Statement;
  statementBytes?: Uint8Array;
  bundle?: ReturnType<typeof parseBundleFile>;
  /** For an authority rotation: the new policy it installs (verified only if the outcome is). */
  rotation?: PolicyDocument;
  /** Who countersigned, and which signer set authorised the bundle. */
  authorisation?: Authorisation;
}

/** What the checks establish, in order; each check reads only what earlier checks set. */
interface Context {
  bundle?: ReturnType<typeof parseBundleFile>;
  statement?: Statement;
  statementBytes?: Uint8Array;
  primary?: PrimaryResult;
  rotation?: PolicyDocument;
  authorisation?: Authorisation;
}

export async function verifyCountersignedBundle(bytes: Uint8Array, options: VerifyOptions): Promise<VerificationReport> {
  return (await runPipeline(bytes, options)).report;
}

export async function runPipeline(bytes: Uint8Array, options: VerifyOptions): Promise<PipelineResult> {
  const { policy } = options;
  const now = options.now ?? new Date();
  const what = options.what ?? 'bundle';
  // Stryker disable next-line StringLiteral: equivalent, the outcome is always set after the checks (this placeholder only puts it first in the JSON)
  const report: VerificationReport = { outcome: 'verified', checks: [] };
  const ctx: Context = {};
  let pending = false;

  const steps: Record<CheckName, () => string | Promise<string>> = {
    parse: () => {
      const parsed = parseBundleFile(bytes, what, policy.limits.maxBundleBytes);
      const envelope = (parsed.bundle.primary as { dsseEnvelope?: { payload?: unknown; payloadType?: unknown } }).dsseEnvelope;
      if (!envelope || typeof envelope.payload !== 'string') {
        throw new InputError('primary-malformed', `${what}: $.primary: expected a DSSE envelope carrying the statement`);
      }
      if (envelope.payloadType !== INTOTO_PAYLOAD_TYPE) {
        throw new InputError('statement-unsupported-type', `${what}: DSSE payloadType: expected ${INTOTO_PAYLOAD_TYPE}, found ${JSON.stringify(envelope.payloadType)}`);
      }
      ctx.statementBytes = new Uint8Array(Buffer.from(envelope.payload, 'base64'));
      ctx.statement = parseStatement(ctx.statementBytes, `${what} statement`, { maxBytes: policy.limits.maxBundleBytes, maxSubjects: policy.limits.maxSubjects });
      ctx.bundle = parsed;
      // An authority rotation carries its new policy (spec/ROTATION.md §2): it must parse.
      if (isRotation(ctx.statement)) ctx.rotation = newPolicyOf(ctx.statement, `${what} statement`);
      fillStatement(report, ctx);
      return `${parsed.bundle.countersignatures.length} countersignature(s), ${ctx.statement.subject.length} subject(s), ${bytes.byteLength} bytes`;
    },
    primary: async () => {
      const trust = options.trust ?? trustMaterialOf(policy);
      ctx.primary = await verifyPrimary(ctx.bundle!.bundle.primary, trust);
      // An assertion that cannot fail today: both are the decoding of the same payload string,
      // which verifyPrimary requires to be canonical base64.
      // Stryker disable next-line ConditionalExpression,CallExpression,StringLiteral: equivalent, unreachable (see above)
      if (sha256Hex(ctx.primary.payload) !== sha256Hex(ctx.statementBytes!)) throw new VerificationError('primary-malformed', 'the verified DSSE payload differs from the parsed statement');
      const p = ctx.primary;
      report.primary = { identity: p.signer.identity, issuer: p.signer.issuer, claims: { ...p.signer.extensions }, time: p.verifiedTime.toISOString() };
      return `signature, certificate chain and ${p.tlogEntries.length ? 'transparency-log entry' : 'timestamp'} verify against the pinned trusted root`;
    },
    'primary-identity': () => {
      checkPrimaryIdentity(ctx.primary!.signer, policy.primary);
      return `${ctx.primary!.signer.identity} (issuer ${ctx.primary!.signer.issuer})`;
    },
    countersignatures: () => {
      const parsed = ctx.bundle!;
      if (parsed.bundle.countersignatures.length === 0) {
        pending = !options.forCountersigning;
        return 'no countersignature yet';
      }
      const st = ctx.statement!.predicate;
      const outcome = authorise(
        parsed.bundle.countersignatures.map((c, i) => ({ keyId: c.keyId, statement: parsed.statements[i]!, signature: parsed.signatures[i]!, ...(c.logProof ? { logProof: c.logProof } : {}) })),
        policy,
        { primary: ctx.primary!, stream: st.stream, version: st.version, primaryTime: ctx.primary!.verifiedTime, now, clockSkewSeconds: policy.limits.clockSkewSeconds },
        { requireThreshold: !options.forCountersigning, ...(ctx.rotation ? { next: ctx.rotation.policy } : {}) },
      );
      ctx.authorisation = outcome;
      report.countersigners = countersignersReport(outcome, policy.threshold);
      if (outcome.shortfall) throw outcome.shortfall;
      const logged = (v: (typeof outcome.valid)[number]) => (v.log ? `, logged at ${v.log.origin} #${v.log.index}` : '');
      const usual = `${outcome.organisations.length} of ${policy.threshold} required organisation(s)`;
      const head = outcome.authorisedBy === 'fallback' ? `authorised by the fallback signer set (${outcome.fallbackOrganisations!.join(', ')}); usual countersigners: ${usual}` : usual;
      const pop = outcome.newKeys ? `; new policy: ${outcome.newOrganisations!.length} of ${ctx.rotation!.policy.threshold} organisation(s), added key(s) proved: ${outcome.newKeys.join(', ') || 'none'}` : '';
      return `${head}: ${outcome.valid.map((v) => `${v.organisation} (${v.name}${logged(v)})`).join(', ')}${pop}`;
    },
    statement: () => {
      const st = ctx.statement!;
      if (options.state) checkPolicyNotRolledBack(options.state, policy.version);
      checkStatement(st, policy, now);
      if (ctx.rotation) checkRotationVersions(policy, ctx.rotation.policy, st.predicate.version);
      if (options.state) checkNotRolledBack(options.state, st.predicate.stream, st.predicate.version, sha256Hex(ctx.statementBytes!));
      return `${st.predicate.kind} ${st.predicate.stream} v${st.predicate.version}, expires ${st.predicate.expiresAt}`;
    },
    subjects: () => {
      if (!options.artifacts) return 'no files given: not checked';
      compareSubjects(ctx.statement!.subject, options.artifacts);
      return `${options.artifacts.length} file(s) match the statement's subjects`;
    },
  };

  let failed = false;
  for (const { name, title } of CHECKS) {
    if (failed) {
      report.checks.push({ check: name, title, result: 'skipped', message: 'not run: an earlier check failed' });
      continue;
    }
    try {
      const message = await steps[name]();
      const entry: CheckReport = { check: name, title, result: 'pass', message };
      if (name === 'countersignatures' && pending) {
        Object.assign(entry, { result: 'pending', code: 'countersignature-missing', expected: `${policy.threshold} organisation(s)`, found: 'none' });
      }
      report.checks.push(entry);
    } catch (err) {
      if (!(err instanceof VerificationError) && !(err instanceof InputError)) throw err;
      failed = true;
      const entry: CheckReport = { check: name, title, result: 'fail', code: err.code, message: err.message };
      // Only a VerificationError carries expected and found (an InputError has neither).
      const details = err as { expected?: string; found?: string };
      if (details.expected !== undefined) entry.expected = details.expected;
      if (details.found !== undefined) entry.found = details.found;
      report.checks.push(entry);
      report.failure = { check: name, code: err.code, message: err.message };
    }
  }
  report.outcome = failed ? 'rejected' : pending ? 'pending-countersign' : 'verified';
  if (ctx.rotation && !failed) {
    report.rotation = { fromVersion: policy.version, toVersion: ctx.rotation.policy.version, policyDigest: `sha256:${ctx.rotation.digest}`, authorisedBy: ctx.authorisation?.authorisedBy ?? 'none', addedKeys: ctx.authorisation?.newKeys ?? [] };
  }
  return { report, primary: ctx.primary, statement: ctx.statement, statementBytes: ctx.statementBytes, bundle: ctx.bundle, rotation: ctx.rotation, authorisation: ctx.authorisation };
}

function countersignersReport(a: Authorisation, threshold: number): NonNullable<VerificationReport['countersigners']> {
  return {
    signed: a.valid,
    organisations: a.organisations,
    missing: a.missing,
    threshold,
    ...(a.authorisedBy === 'fallback' ? { authorisedBy: 'fallback' as const, fallbackOrganisations: a.fallbackOrganisations! } : {}),
  };
}

function fillStatement(report: VerificationReport, ctx: Context): void {
  const st = ctx.statement!;
  report.statement = {
    digest: `sha256:${sha256Hex(ctx.statementBytes!)}`,
    kind: st.predicate.kind,
    stream: st.predicate.stream,
    version: st.predicate.version,
    issuedAt: st.predicate.issuedAt,
    expiresAt: st.predicate.expiresAt,
    subjects: st.subject.map((s) => ({ name: s.name, digest: `sha256:${s.digest.sha256}` })),
  };
}
