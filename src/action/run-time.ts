// The statement's time in the build step (docs/action.md "Re-runs"): the same for every attempt
// of one workflow run, and never older than the run that builds the release.
//   1. SOURCE_DATE_EPOCH, when the job sets it (reproducible builds);
//   2. in GitHub Actions, the workflow run's `created_at` (GET /repos/{owner}/{repo}/actions/runs/{run_id}):
//      fixed when the run is created, the same for every re-run attempt (`run_started_at` is
//      the attempt's start, which changes). Not a commit's time: a commit can be months old,
//      and the statement would start already expired;
//   3. outside GitHub Actions, the clock.
// In Actions, a run time that cannot be read fails the step with the fix: a statement stamped
// with the clock would make every re-run a different statement, which B refuses
// (stream-version-signed) once it has countersigned the first.
import * as github from '@actions/github';
import { InputError } from '../lib/basics/errors/errors.ts';
import { sourceDateEpoch } from '../lib/formats/statement/reproducible.ts';
import { apiError } from './release.ts';

/** `created_at` as GitHub writes it: RFC 3339 in UTC, whole seconds. */
const GITHUB_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const RUN_ID = /^[1-9][0-9]{0,19}$/;
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export interface StatementTime {
  time: Date;
  /** Where the time came from, for the log. */
  from: string;
}

export async function statementTime(env: Record<string, string | undefined>, token: string): Promise<StatementTime> {
  const epoch = sourceDateEpoch(env);
  if (epoch) return { time: epoch, from: 'SOURCE_DATE_EPOCH' };
  if (env.GITHUB_ACTIONS !== 'true') return { time: new Date(), from: 'the clock (not in GitHub Actions)' };
  const { GITHUB_REPOSITORY: repository = '', GITHUB_RUN_ID: runId = '' } = env;
  if (!REPOSITORY.test(repository) || !RUN_ID.test(runId))
    throw new InputError(
      'input-invalid',
      `the statement's time: expected GITHUB_REPOSITORY and GITHUB_RUN_ID of a workflow run, found ${JSON.stringify(repository.slice(0, 80))} and ${JSON.stringify(runId.slice(0, 40))}`,
    );
  const [owner, repo] = repository.split('/') as [string, string];
  const what = `the creation time of workflow run ${runId} of ${repository} (the statement's time, the same on a re-run)`;
  const fix = 'the job needs `permissions: actions: read`, or set SOURCE_DATE_EPOCH';
  if (!token)
    throw new InputError(
      'input-missing',
      `input github-token: needed to read ${what}, found nothing; or set SOURCE_DATE_EPOCH`,
    );
  let createdAt: unknown;
  try {
    const res = await github
      .getOctokit(token)
      .request('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { owner, repo, run_id: Number(runId) });
    createdAt = (res.data as { created_at?: unknown }).created_at;
  } catch (err) {
    throw apiError(err, what, fix, [401, 403, 404]);
  }
  if (typeof createdAt !== 'string' || !GITHUB_TIME.test(createdAt) || Number.isNaN(Date.parse(createdAt)))
    throw new InputError(
      'github-api-failed',
      `${what}: expected created_at as YYYY-MM-DDTHH:MM:SSZ, found ${JSON.stringify(String(createdAt).slice(0, 40))}`,
    );
  return { time: new Date(createdAt), from: `the creation time of workflow run ${runId}` };
}
