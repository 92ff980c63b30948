// The gate (docs/design.md §4, spec/FORMAT.md §8): verify a countersigned bundle with the
// pipeline and, only when it is verified, compute the client's new state: the bundle's stream
// recorded at its version and statement digest, and the policy version it was verified under
// (a policy older than that is then a policy rollback). The one implementation behind
// `countersign verify`, the action's verify step and the client library's verifyBundle; each
// only reads its inputs and persists the new state its own way.
//
// The verifier says which stream (and, optionally, kind) it expects (issue 13 finding 8): the
// policy lists what may be trusted at all, the question names one of them. A policy that allows
// more than one stream cannot be verified against without it (an input error, before anything
// is read from the bundle): otherwise a genuine old release of another stream would pass,
// since the state orders versions within each stream only.
import { InputError } from '../../basics/errors/errors.ts';
import type { Kind } from '../../formats/core/types.ts';
import type { Policy } from '../../formats/policy/index.ts';
import { type ClientState, emptyState, recordAccepted } from '../../formats/state/state.ts';
import type { Expectation } from '../../checks/statement/expectation.ts';
import { type VerifyOptions, runPipeline } from '../../pipeline/run.ts';
import type { VerificationReport } from '../../pipeline/report.ts';

export type { Expectation } from '../../checks/statement/expectation.ts';

/** What the caller expects: the stream (required when the policy allows several) and optionally the kind. */
export interface GateExpectation {
  readonly stream?: string | undefined;
  readonly kind?: Kind | undefined;
}

/** The pipeline's options for a client (not B's pre-signing check); an absent state is a fresh client. */
export interface GateInput extends Omit<VerifyOptions, 'forCountersigning' | 'expect'> {
  /** The stream (and kind) the caller expects; the stream may be left out only when the policy allows one stream. */
  readonly expect?: GateExpectation | undefined;
  /** How the caller names the expected stream and kind in messages ("say which one you expect with …"): the CLI's options, the action's inputs (default: the client library's `expect.stream`, `expect.kind`). */
  readonly expectNames?: { readonly stream: string; readonly kind: string } | undefined;
}

export interface GateResult {
  report: VerificationReport;
  /** Only when the outcome is "verified": the state to persist, replacing the old one. */
  newState?: ClientState;
  /** The stream (and kind) the bundle was checked against: the one asked for, or the policy's only stream. */
  expected: Expectation;
}

/** Throws InputError (expected-stream-missing, expected-not-allowed) when the question cannot be asked under this policy. */
export async function gate(bundle: Uint8Array, input: GateInput): Promise<GateResult> {
  const expected = expectationFor(
    input.policy,
    input.expect,
    input.expectNames ?? { stream: 'expect.stream', kind: 'expect.kind' },
  );
  const { report } = await runPipeline(bundle, { ...input, expect: expected });
  if (report.outcome !== 'verified' || !report.statement) return { report, expected };
  return { report, newState: acceptedState(input.state, report.statement, input.policy), expected };
}

/**
 * The expectation to verify against: the stream given, which the policy must allow, or the
 * policy's one stream when none is given; the kind given, which the policy must allow.
 */
export function expectationFor(
  policy: Pick<Policy, 'streams' | 'kinds'>,
  expect: GateExpectation | undefined,
  names: { readonly stream: string; readonly kind: string },
): Expectation {
  const list = (items: readonly string[]) => items.slice(0, 8).join(', ') + (items.length > 8 ? ', …' : '');
  const kind = expect?.kind;
  const stream = expect?.stream ?? (policy.streams.length === 1 ? policy.streams[0] : undefined);
  if (stream === undefined) {
    throw new InputError(
      'expected-stream-missing',
      `the policy allows ${policy.streams.length} streams (${list(policy.streams)}): say which one you expect with ${names.stream}`,
    );
  }
  if (!policy.streams.includes(stream)) {
    throw new InputError(
      'expected-not-allowed',
      `${names.stream} names a stream the policy does not allow: ${JSON.stringify(stream.slice(0, 200))} (it allows ${list(policy.streams)})`,
    );
  }
  if (kind !== undefined && !policy.kinds.includes(kind)) {
    throw new InputError(
      'expected-not-allowed',
      `${names.kind} names a kind the policy does not allow: ${JSON.stringify(kind.slice(0, 200))} (it allows ${list(policy.kinds)})`,
    );
  }
  return { stream, ...(kind !== undefined ? { kind } : {}) };
}

/** The state after accepting a verified statement under `policy` (also B's state after countersigning). */
export function acceptedState(
  state: ClientState | undefined,
  statement: { stream: string; version: number; digest: string },
  policy: Pick<Policy, 'version'>,
): ClientState {
  return recordAccepted(
    state ?? emptyState(),
    statement.stream,
    statement.version,
    statement.digest.replace(/^sha256:/, ''),
    policy.version,
  );
}
