// GitHub Actions token claims -> Fulcio certificate extensions, per Fulcio's
// docs/oid-info.md (arc 1.3.6.1.4.1.57264.1) and its GitHub issuer mapping. The same table as
// @sigstore/mock's fulcio handler (which does not export it). "legacy" extensions (1.1-1.6)
// hold the raw string bytes; the others a DER UTF8String, as Fulcio writes them.
import type { ExtensionValue } from '@sigstore/mock/dist/fulcio/ca.js';

const GITHUB = 'https://github.com';

type Mapping = { claim: string; oid: string; legacy?: boolean; prefix?: string };

const MAPPINGS: readonly Mapping[] = [
  { claim: 'iss', oid: '1.3.6.1.4.1.57264.1.1', legacy: true }, // Issuer (deprecated)
  { claim: 'event_name', oid: '1.3.6.1.4.1.57264.1.2', legacy: true }, // GitHub Workflow Trigger
  { claim: 'sha', oid: '1.3.6.1.4.1.57264.1.3', legacy: true }, // GitHub Workflow SHA
  { claim: 'workflow', oid: '1.3.6.1.4.1.57264.1.4', legacy: true }, // GitHub Workflow Name
  { claim: 'repository', oid: '1.3.6.1.4.1.57264.1.5', legacy: true }, // GitHub Workflow Repository
  { claim: 'ref', oid: '1.3.6.1.4.1.57264.1.6', legacy: true }, // GitHub Workflow Ref
  { claim: 'iss', oid: '1.3.6.1.4.1.57264.1.8' }, // Issuer (V2)
  { claim: 'job_workflow_ref', oid: '1.3.6.1.4.1.57264.1.9', prefix: GITHUB }, // Build Signer URI
  { claim: 'job_workflow_sha', oid: '1.3.6.1.4.1.57264.1.10' }, // Build Signer Digest
  { claim: 'runner_environment', oid: '1.3.6.1.4.1.57264.1.11' }, // Runner Environment
  { claim: 'repository', oid: '1.3.6.1.4.1.57264.1.12', prefix: GITHUB }, // Source Repository URI
  { claim: 'sha', oid: '1.3.6.1.4.1.57264.1.13' }, // Source Repository Digest
  { claim: 'ref', oid: '1.3.6.1.4.1.57264.1.14' }, // Source Repository Ref
  { claim: 'repository_id', oid: '1.3.6.1.4.1.57264.1.15' }, // Source Repository Identifier
  { claim: 'repository_owner', oid: '1.3.6.1.4.1.57264.1.16', prefix: GITHUB }, // Source Repository Owner URI
  { claim: 'repository_owner_id', oid: '1.3.6.1.4.1.57264.1.17' }, // Source Repository Owner Identifier
  { claim: 'workflow_ref', oid: '1.3.6.1.4.1.57264.1.18', prefix: GITHUB }, // Build Config URI
  { claim: 'workflow_sha', oid: '1.3.6.1.4.1.57264.1.19' }, // Build Config Digest
  { claim: 'event_name', oid: '1.3.6.1.4.1.57264.1.20' }, // Build Trigger
  { claim: 'repository_visibility', oid: '1.3.6.1.4.1.57264.1.22' }, // Source Repository Visibility At Signing
];

const RUN_INVOCATION_URI_OID = '1.3.6.1.4.1.57264.1.21';

/** Claims Fulcio's GitHub issuer requires; a token without one of them gets no certificate. */
export const REQUIRED_GITHUB_CLAIMS = [
  'job_workflow_ref',
  'job_workflow_sha',
  'repository',
  'repository_id',
  'repository_owner',
  'repository_owner_id',
  'ref',
  'sha',
  'workflow_ref',
  'workflow_sha',
  'event_name',
  'runner_environment',
  'run_id',
  'run_attempt',
] as const;

/** Throws naming the first missing or non-string required claim. */
export function checkGithubClaims(claims: Record<string, unknown>): void {
  for (const name of REQUIRED_GITHUB_CLAIMS) {
    if (typeof claims[name] !== 'string' || claims[name] === '')
      throw new Error(`token claim ${name} is missing or not a string`);
  }
}

export function githubExtensions(claims: Record<string, unknown>): ExtensionValue[] {
  const out: ExtensionValue[] = [];
  for (const m of MAPPINGS) {
    const value = claims[m.claim];
    if (typeof value !== 'string') continue;
    out.push({ oid: m.oid, value: m.prefix ? `${m.prefix}/${value}` : value, ...(m.legacy ? { legacy: true } : {}) });
  }
  out.push({
    oid: RUN_INVOCATION_URI_OID,
    value: `${GITHUB}/${String(claims.repository)}/actions/runs/${String(claims.run_id)}/attempts/${String(claims.run_attempt)}`,
  });
  return out;
}
