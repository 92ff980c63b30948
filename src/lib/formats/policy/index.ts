// The policy module's public surface (spec/POLICY.md).
export { parsePolicy } from './parse.ts';
export { loadPolicyFile } from './load.ts';
export { buildPolicy, type PolicyInput, type PolicyCountersignerInput } from './build.ts';
export { describePolicy } from './describe.ts';
export {
  POLICY_DEFAULT_LIMITS,
  POLICY_LIMIT_RANGES,
  MAX_POLICY_BYTES,
  GITHUB_ACTIONS_ISSUER,
  GITHUB_CLAIM_NAMES,
  type Policy,
  type PolicyLimits,
  type CountersignerKey,
  type CountersignerLog,
  type FallbackSignerSet,
  type PrimaryIdentityPolicy,
  type GithubClaims,
  type GithubClaimName,
} from './types.ts';
