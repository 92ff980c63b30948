// The gate (docs/design.md §4, spec/FORMAT.md §8): verify a countersigned bundle with the
// pipeline and, only when it is verified, compute the client's new state: the bundle's stream
// recorded at its version and statement digest, and the policy version it was verified under
// (a policy older than that is then a policy rollback). The one implementation behind
// `countersign verify`, the action's verify step and the client library's verifyBundle; each
// only reads its inputs and persists the new state its own way.
import type { Policy } from '../../formats/policy/index.ts';
import { type ClientState, emptyState, recordAccepted } from '../../formats/state/state.ts';
import { type VerifyOptions, runPipeline } from '../../pipeline/run.ts';
import type { VerificationReport } from '../../pipeline/report.ts';

/** The pipeline's options for a client (not B's pre-signing check); an absent state is a fresh client. */
export type GateInput = Omit<VerifyOptions, 'forCountersigning'>;

export interface GateResult {
  report: VerificationReport;
  /** Only when the outcome is "verified": the state to persist, replacing the old one. */
  newState?: ClientState;
}

export async function gate(bundle: Uint8Array, input: GateInput): Promise<GateResult> {
  const { report } = await runPipeline(bundle, input);
  if (report.outcome !== 'verified' || !report.statement) return { report };
  return { report, newState: acceptedState(input.state, report.statement, input.policy) };
}

/** The state after accepting a verified statement under `policy` (also B's state after countersigning). */
export function acceptedState(state: ClientState | undefined, statement: { stream: string; version: number; digest: string }, policy: Pick<Policy, 'version'>): ClientState {
  return recordAccepted(state ?? emptyState(), statement.stream, statement.version, statement.digest.replace(/^sha256:/, ''), policy.version);
}
