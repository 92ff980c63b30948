// Shared tools of the attack catalogue (spec/ATTACKS.md). Every attack starts from a VALID
// bundle made on the local Sigstore stack (tools/flow.ts) and changes one thing the
// way an attacker would; the assertion is always the same: the pipeline rejects it at exactly
// the named check with exactly the named code, every earlier check passed and every later one
// was skipped (so a rejection "for the wrong reason" fails the test).
import assert from 'node:assert/strict';
import { COUNTERSIGNATURE_PAYLOAD_TYPE, type Countersignature } from '../../src/lib/formats/core/types.ts';
import { signEd25519 } from '../../src/lib/basics/crypto/ed25519.ts';
import { preAuthEncoding } from '../../src/lib/basics/crypto/pae.ts';
import { buildPolicy, parsePolicy, type Policy } from '../../src/lib/formats/policy/index.ts';
import type { PolicyInput } from '../../src/lib/formats/policy/build.ts';
import { CHECKS, type CheckName, type VerificationReport, exitCodeOf } from '../../src/lib/pipeline/report.ts';
import {
  type Flow,
  type PrimaryJson,
  type TestKey,
  STREAM,
  bindingOfPrimary,
  forgeCountersigned,
  primaryJson,
  readBundle,
  writeBundle,
} from '../../tools/flow.ts';
import { bindingOf } from '../../src/lib/formats/countersignature/statement.ts';
import { rfc3339 } from '../../src/lib/basics/json/shape.ts';
import type { StackInstance } from '../../src/stack/index.ts';

export { STREAM };

/**
 * The Sigstore instances the suites that sign on the stack run on (issue 14): public-good
 * (Fulcio with a CT log, Rekor and a TSA) and github (no CT log, no SCT, no Rekor: the TSA's
 * timestamp only). A case whose verdict differs between them says so explicitly.
 */
export const INSTANCES = ['public-good', 'github'] as const satisfies readonly StackInstance[];

/** Rejected by exactly `check` with `code`: the checks before it passed, the ones after were skipped. */
export function assertRejected(report: VerificationReport, check: CheckName, code: string): void {
  const context = JSON.stringify(report.failure ?? report.outcome);
  assert.equal(report.outcome, 'rejected', context);
  assert.equal(report.failure?.check, check, context);
  assert.equal(report.failure?.code, code, context);
  assert.equal(exitCodeOf(report.outcome), 1);
  // One line that says something after the names and paths it starts with (spec: "what was
  // expected and what was found"); also the check entry's expected/found, when given, say it.
  const message = report.failure.message;
  assert.ok(!message.includes('\n'), 'one-line message');
  assert.ok(
    message.length >= 20 && !/[:(]\s*$/.test(message) && !/:\s*:/.test(message),
    `an informative message: ${JSON.stringify(message)}`,
  );
  const entry = report.checks.find((c) => c.check === check);
  assert.equal(entry?.message, message);
  assert.equal(entry?.code, code);
  for (const detail of [entry?.expected, entry?.found])
    if (detail !== undefined) assert.ok(detail.trim().length > 0, 'expected/found are not empty');
  const at = CHECKS.findIndex((c) => c.name === check);
  assert.deepEqual(
    report.checks.map((c) => [c.check, c.result]),
    CHECKS.map((c, i) => [c.name, i < at ? 'pass' : i === at ? 'fail' : 'skipped']),
  );
}

/** Pending countersign: every check passed except the countersignatures, which are missing. */
export function assertPending(report: VerificationReport): void {
  assert.equal(report.outcome, 'pending-countersign', JSON.stringify(report.failure));
  assert.equal(exitCodeOf(report.outcome), 1);
  const entry = report.checks.find((c) => c.check === 'countersignatures');
  assert.equal(entry?.result, 'pending');
  assert.equal(entry?.code, 'countersignature-missing');
}

/** Verified: every check passed; subjects "not-checked" exactly when no files were given (issue 14 #10). */
export function assertVerified(report: VerificationReport): void {
  assert.equal(report.outcome, 'verified', JSON.stringify(report.failure));
  const noFiles = report.checks.find((c) => c.check === 'subjects')?.message === 'no files given: not checked';
  assert.deepEqual(
    report.checks.map((c) => c.result),
    CHECKS.map((c) => (c.name === 'subjects' && noFiles ? 'not-checked' : 'pass')),
  );
}

/** The bundle with its primary's JSON edited (the edit may return a replacement). */
export function withPrimary(bytes: Uint8Array, edit: (p: PrimaryJson) => unknown): Uint8Array {
  const bundle = readBundle(bytes);
  const replaced = edit(bundle.primary as PrimaryJson);
  return writeBundle({ ...bundle, primary: replaced === undefined ? bundle.primary : replaced });
}

export function withCountersignatures(
  bytes: Uint8Array,
  edit: (list: Countersignature[]) => Countersignature[],
): Uint8Array {
  const bundle = readBundle(bytes);
  return writeBundle({ ...bundle, countersignatures: edit(bundle.countersignatures) });
}

/** Replaces the first occurrence of `from` in the bundle's text (a textual, parser-level edit). */
export function replaceText(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const text = Buffer.from(bytes).toString('utf8');
  assert.ok(text.includes(from), `the bundle contains ${from}`);
  return new Uint8Array(Buffer.from(text.replace(from, to), 'utf8'));
}

/** A's signature over arbitrary statement bytes, then B's countersignature over that primary (both forged: nothing checks the statement). */
export async function signedByBoth(
  flow: Flow,
  statementBytes: Uint8Array,
  key: TestKey,
  meta: { stream?: string; version?: number } = {},
): Promise<Uint8Array> {
  const primary = await flow.sign(statementBytes);
  return forgeCountersigned(primary, key.signer, { stream: meta.stream ?? STREAM, version: meta.version ?? 1 });
}

/** A statement object (as JSON) of a primary, to edit and re-encode for signing. */
export function statementOf(primary: Uint8Array): Record<string, unknown> & {
  predicate: Record<string, unknown>;
  subject: { name: string; digest: { sha256: string } }[];
} {
  return JSON.parse(Buffer.from(primaryJson(primary).dsseEnvelope.payload, 'base64').toString('utf8'));
}

export function encode(value: unknown): Uint8Array {
  return new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * A countersignature entry over arbitrary statement bytes, signed by `key` over the DSSE PAE
 * with `payloadType` (default: the countersignature type): what a holder of B's key can make.
 */
export function rawCountersignature(
  key: TestKey,
  statementBytes: Uint8Array,
  options: { keyId?: string; payloadType?: string; pae?: boolean } = {},
): Countersignature {
  const message =
    options.pae === false
      ? statementBytes
      : preAuthEncoding(options.payloadType ?? COUNTERSIGNATURE_PAYLOAD_TYPE, statementBytes);
  return {
    keyId: options.keyId ?? key.keyId,
    statement: Buffer.from(statementBytes).toString('base64'),
    signature: Buffer.from(signEd25519(message, key.seed)).toString('base64'),
  };
}

/** The countersignature statement B would sign for `primary`, as a plain object to edit. */
export function countersignatureStatementFor(
  primary: Uint8Array,
  key: TestKey,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const st = statementOf(primary);
  return {
    _type: 'https://countersign.dev/Countersignature/v1',
    keyId: key.keyId,
    ...bindingOf(bindingOfPrimary(primary)),
    stream: st.predicate.stream,
    version: st.predicate.version,
    signedAt: rfc3339(new Date()),
    ...overrides,
  };
}

/** A policy on this flow's stack with any field of PolicyInput overridden (validity windows, patterns, claims over the stack's source-repository pin, limits). */
export function policyWith(
  flow: Flow,
  overrides: Partial<PolicyInput> & { keys?: { key: TestKey; validFrom?: Date; validUntil?: Date }[] } = {},
): Policy {
  const { keys, ...rest } = overrides;
  const input: PolicyInput = {
    issuer: flow.stack.description.issuer,
    identity: flow.stack.description.identity,
    trustedRoot: flow.trustedRoot,
    countersigners: (keys ?? [{ key: flow.keys.b }]).map(({ key, validFrom, validUntil }) => ({
      name: key.name,
      organisation: key.organisation,
      publicKeyPem: key.publicKeyPem,
      ...(validFrom ? { validFrom } : {}),
      ...(validUntil ? { validUntil } : {}),
    })),
    threshold: 1,
    streams: [STREAM],
    ...rest,
    // The stack's source-repository pin, which every policy needs, under the claims given (unless the policy opts out).
    githubClaims: rest.unsafeNoSourceRepositoryPin
      ? (rest.githubClaims ?? {})
      : { ...flow.stack.sourceRepository, ...rest.githubClaims },
  };
  if (rest.identityPattern !== undefined && rest.identity === undefined) delete input.identity;
  return parsePolicy(JSON.stringify(buildPolicy(input)), 'attack policy');
}
