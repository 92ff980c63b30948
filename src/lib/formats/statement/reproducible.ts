// What makes a release job's statement the same bytes on every attempt of one workflow run
// (docs/action.md "Re-runs"): B countersigns one statement per stream version, so a re-run
// passes only if it builds byte-identical statement bytes (B then countersigns its new primary
// over the same statement). Two parts of a statement change between attempts unless fixed:
//   - the time: SOURCE_DATE_EPOCH when set (https://reproducible-builds.org/specs/source-date-epoch/),
//     else the caller's (the action: the run's creation time; the CLI: the clock);
//   - the run: the workflow run's URL without `/attempts/N` (the certificate names the attempt).
import { InputError } from '../../basics/errors/errors.ts';
import type { StatementSource } from '../core/types.ts';
import { sourceFromGitHubEnv } from './statement.ts';

/** Whole seconds since 1970, as `date +%s` prints them; at most 12 digits (year 9999 is 253402300799). */
const EPOCH_SECONDS = /^[0-9]{1,12}$/;

/**
 * SOURCE_DATE_EPOCH as a time, or undefined when unset or empty. A malformed value is an error
 * (the specification: the build SHOULD exit with an error), never silently the clock.
 */
export function sourceDateEpoch(env: Record<string, string | undefined>): Date | undefined {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === '') return undefined;
  if (!EPOCH_SECONDS.test(value))
    throw new InputError(
      'bad-time',
      `SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01T00:00:00Z (as date +%s prints), found ${JSON.stringify(value.slice(0, 40))}`,
    );
  return new Date(Number(value) * 1000);
}

/**
 * The statement's source from the GitHub Actions environment, the same for every attempt of
 * one run: the repository, the commit and the run's URL (.../actions/runs/ID, no attempt).
 */
export function runSourceFromGitHubEnv(env: Record<string, string | undefined>): StatementSource {
  const { workflowRun: _perAttempt, ...source } = sourceFromGitHubEnv(env);
  const { GITHUB_REPOSITORY: repo, GITHUB_SERVER_URL: server, GITHUB_RUN_ID: runId } = env;
  return server && repo && runId ? { ...source, workflowRun: `${server}/${repo}/actions/runs/${runId}` } : source;
}
