// The verify step: the gate, and a required status check on its own. Runs the library's
// gate (src/lib/flows/gate/gate.ts, the very one of `countersign verify`) and publishes the result three ways: outputs
// (verified, outcome, report), the JSON report written atomically under RUNNER_TEMP, and the
// job summary. Anything but "verified" fails the step, with an error annotation naming the
// deciding check.
import * as core from '@actions/core';
import { join } from 'node:path';
import { collectSubjects } from '../lib/formats/subjects/index.ts';
import { InputError, VerificationError } from '../lib/basics/errors/errors.ts';
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import { gate } from '../lib/flows/gate/gate.ts';
import { loadStateFile, saveStateFile } from '../lib/flows/gate/state-file.ts';
import { loadPolicyFile, type Policy } from '../lib/formats/policy/index.ts';
import type { Kind } from '../lib/formats/core/types.ts';
import type { VerificationReport } from '../lib/pipeline/report.ts';
import { MAX_BUNDLE_BYTES } from './countersign.ts';
import { failureMessage } from './entry.ts';
import { readCappedFile } from './files.ts';
import { lineInput, optionalInput, requiredInput } from './inputs.ts';
import { inWorkspace, scratchDir, workspace } from './paths.ts';
import { RELEASE_PREFIX, downloadReleaseAsset, parseReleaseRef } from './release.ts';
import { expandSubjectPaths } from './subject-globs.ts';
import { renderSummary } from './summary.ts';

export interface VerifyInputs {
  /** A path, or release:[OWNER/REPO@]TAG[#ASSET]. */
  bundle: string;
  policy: string;
  subjectPaths: string[];
  state: string | undefined;
  /** The stream the bundle must be of; required when the policy allows more than one. */
  stream: string | undefined;
  /** The kind the bundle must be of; optional. */
  kind: string | undefined;
  githubToken: string;
}

export function readVerifyInputs(): VerifyInputs {
  return {
    bundle: requiredInput('bundle'),
    policy: requiredInput('policy'),
    subjectPaths: lineInput('subject-path'),
    state: optionalInput('state') || undefined,
    stream: optionalInput('stream') || undefined,
    kind: optionalInput('kind') || undefined,
    githubToken: optionalInput('github-token'),
  };
}

export interface VerifyOutcome {
  report: VerificationReport;
  reportPath: string;
  policy?: Policy;
  error?: string;
}

export async function runVerify(inputs: VerifyInputs): Promise<VerifyOutcome> {
  const dir = await scratchDir('verify');
  const reportPath = join(dir, 'report.json');
  let policy: Policy | undefined;
  try {
    policy = await loadPolicyFile(inWorkspace(inputs.policy));
    const bytes = inputs.bundle.startsWith(RELEASE_PREFIX)
      ? await downloadReleaseAsset(parseReleaseRef(inputs.bundle, 'bundle'), inputs.githubToken, MAX_BUNDLE_BYTES)
      : await readCappedFile(inWorkspace(inputs.bundle), 'input bundle', MAX_BUNDLE_BYTES);
    const statePath = inputs.state ? inWorkspace(inputs.state) : undefined;
    const state = statePath ? await loadStateFile(statePath, `input state ${statePath}`) : undefined;
    const artifacts =
      inputs.subjectPaths.length > 0
        ? await collectSubjects(await expandSubjectPaths(inputs.subjectPaths, workspace()), {
            base: workspace(),
            maxFiles: policy.limits.maxSubjects,
          })
        : undefined;

    // The expected stream and kind, checked against the policy by the gate before the bundle (expected-stream-missing, expected-not-allowed).
    const expect = { stream: inputs.stream, kind: inputs.kind as Kind | undefined };
    const { report, newState } = await gate(bytes, {
      policy,
      state,
      artifacts,
      what: inputs.bundle,
      expect,
      expectNames: { stream: 'the stream input', kind: 'the kind input' },
    });
    if (statePath && newState) await saveStateFile(statePath, newState);
    await writeFileAtomic(reportPath, JSON.stringify(report, null, 2) + '\n');
    return { report, reportPath, policy };
  } catch (err) {
    if (!(err instanceof InputError) && !(err instanceof VerificationError)) throw err;
    // Could not run: still a report, outputs and a summary, so the reader sees why.
    const error = failureMessage('verify', err);
    const report: VerificationReport = { outcome: 'error', checks: [] };
    await writeFileAtomic(
      reportPath,
      JSON.stringify({ ...report, error: { code: err.code, message: err.message } }, null, 2) + '\n',
    );
    return { report, reportPath, ...(policy ? { policy } : {}), error };
  }
}

/** One line for the annotation: the outcome and the deciding check. */
export function verdictOf(report: VerificationReport, error?: string): string {
  if (error) return error;
  if (report.outcome === 'verified') return 'verified';
  const pending = report.checks.find((c) => c.result === 'pending');
  if (report.outcome === 'pending-countersign' && pending) {
    return `countersign verify: pending countersignature [${pending.code}]: the primary signature is valid but no countersignature is present (expected ${pending.expected ?? 'a countersignature'}); not verified`;
  }
  const f = report.failure;
  return `countersign verify: rejected by the ${f?.check ?? 'verification'} check [${f?.code ?? 'unknown'}]: ${f?.message ?? report.outcome}`;
}

export async function verifyStep(): Promise<void> {
  const inputs = readVerifyInputs();
  const outcome = await runVerify(inputs);
  const { report } = outcome;
  core.setOutput('verified', report.outcome === 'verified' ? 'true' : 'false');
  core.setOutput('outcome', report.outcome);
  core.setOutput('report', outcome.reportPath);
  for (const c of report.checks) core.info(`${c.result.padEnd(8)} ${c.title}: ${c.message}`);
  await core.summary
    .addRaw(
      renderSummary(report, {
        bundle: inputs.bundle,
        ...(outcome.policy ? { policy: outcome.policy } : {}),
        ...(outcome.error !== undefined ? { error: outcome.error } : {}),
      }),
    )
    .write();
  if (report.outcome === 'verified') {
    const st = report.statement;
    core.info(`verified${st ? `: ${st.kind} ${st.stream} v${st.version} (${st.digest})` : ''}`);
    return;
  }
  const failing = report.checks.find((c) => c.result === 'fail' || c.result === 'pending');
  if (failing && failing.result === 'fail')
    core.error(`${failing.title}: ${failing.message}`, { title: `countersign: ${failing.check} check failed` });
  core.setFailed(verdictOf(report, outcome.error));
}
