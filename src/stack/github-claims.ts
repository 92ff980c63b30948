// The claims of a GitHub Actions OIDC token, derived from one job_workflow_ref
// (`OWNER/REPO/.github/workflows/FILE@REF`). Claim names and formats follow GitHub's
// documentation ("About security hardening with OpenID Connect", example token): ids are
// decimal strings, shas are 40 hex digits, sub is `repo:OWNER/REPO:ref:REF`. Values that a
// real runner would take from the event (shas, ids) are derived deterministically from the
// ref, so that two tokens for the same workflow carry the same identity claims.
//
// A reusable-workflow call (`on: workflow_call`): when a workflow of another repository calls
// it, job_workflow_ref (Fulcio's SAN, .9) is still the called workflow, but the run belongs to
// the caller: repository, its ids (.12, .15, .17), ref, sha, sub and workflow_ref (.18) are the
// caller's. `callerWorkflowRef` mints such a token.
import { createHash, randomUUID } from 'node:crypto';

export const DEFAULT_JOB_WORKFLOW_REF = 'acme/app/.github/workflows/release.yml@refs/heads/main';
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

const JOB_WORKFLOW_REF =
  /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/(\.github\/workflows\/[A-Za-z0-9_.\-/]+\.ya?ml)@(refs\/(heads|tags|pull)\/[^\s@]+)$/;

export interface WorkflowIdentity {
  owner: string;
  repository: string;
  workflowPath: string;
  ref: string;
  refType: 'branch' | 'tag' | 'pull';
}

/** Parses OWNER/REPO/.github/workflows/FILE@REF; throws with the expected form otherwise. */
export function parseJobWorkflowRef(jobWorkflowRef: string): WorkflowIdentity {
  const m = JOB_WORKFLOW_REF.exec(jobWorkflowRef);
  if (!m) {
    throw new Error(
      `job_workflow_ref ${JSON.stringify(jobWorkflowRef)} is not OWNER/REPO/.github/workflows/FILE.yml@refs/(heads|tags|pull)/NAME`,
    );
  }
  const [, owner, repo, workflowPath, ref, kind] = m as unknown as [string, string, string, string, string, string];
  return {
    owner,
    repository: `${owner}/${repo}`,
    workflowPath,
    ref,
    refType: kind === 'heads' ? 'branch' : kind === 'tags' ? 'tag' : 'pull',
  };
}

function derivedHex(label: string, value: string): string {
  return createHash('sha1').update(`${label}\0${value}`).digest('hex');
}

function derivedId(label: string, value: string): string {
  return String(parseInt(derivedHex(label, value).slice(0, 10), 16) % 1_000_000_000);
}

/** The source-repository claims the stack gives OWNER/REPO, as a policy pins them (githubClaims). */
export function sourceRepositoryOf(repository: string): {
  repository: string;
  repositoryId: string;
  repositoryOwnerId: string;
} {
  const owner = repository.split('/')[0] as string;
  return {
    repository,
    repositoryId: derivedId('repository', repository),
    repositoryOwnerId: derivedId('owner', owner),
  };
}

export interface ClaimOptions {
  issuer: string;
  audience: string;
  jobWorkflowRef: string;
  /** The calling workflow (OWNER/REPO/.github/workflows/FILE@REF) when jobWorkflowRef runs as a reusable workflow. */
  callerWorkflowRef?: string;
  nowSeconds: number;
  lifetimeSeconds: number;
}

export function githubClaims(options: ClaimOptions): Record<string, unknown> {
  const called = options.jobWorkflowRef;
  // The run's own workflow: the caller's, or (not reusable) the job's.
  const run = options.callerWorkflowRef ?? called;
  const id = parseJobWorkflowRef(run);
  const sha = derivedHex('sha', run);
  const source = sourceRepositoryOf(id.repository);
  const workflowName = id.workflowPath.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  return {
    jti: randomUUID(),
    sub: `repo:${id.repository}:ref:${id.ref}`,
    aud: options.audience,
    ref: id.ref,
    sha,
    repository: id.repository,
    repository_owner: id.owner,
    repository_owner_id: source.repositoryOwnerId,
    repository_id: source.repositoryId,
    repository_visibility: 'private',
    run_id: derivedId('run', run),
    run_number: '1',
    run_attempt: '1',
    actor: id.owner,
    actor_id: derivedId('owner', id.owner),
    workflow: workflowName,
    head_ref: '',
    base_ref: '',
    event_name: id.refType === 'pull' ? 'pull_request' : 'push',
    ref_type: id.refType === 'tag' ? 'tag' : 'branch',
    ref_protected: 'false',
    // A workflow that is not reusable has workflow_ref == job_workflow_ref.
    workflow_ref: run,
    workflow_sha: sha,
    job_workflow_ref: called,
    job_workflow_sha: derivedHex('sha', called),
    runner_environment: 'github-hosted',
    iss: options.issuer,
    nbf: options.nowSeconds,
    iat: options.nowSeconds,
    exp: options.nowSeconds + options.lifetimeSeconds,
  };
}
