import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);

// src/lib/policy/types.ts
var GITHUB_ACTIONS_ISSUER = "https://token.actions.githubusercontent.com";
var GITHUB_CLAIM_NAMES = [
  "repository",
  "repositoryId",
  "repositoryOwner",
  "repositoryOwnerId",
  "ref",
  "runnerEnvironment",
  "eventName"
];
var POLICY_DEFAULT_LIMITS = Object.freeze({
  maxBundleBytes: 4 * 1024 * 1024,
  maxSubjects: 1e5,
  maxStatementLifetimeSeconds: 90 * 24 * 3600,
  clockSkewSeconds: 300
});
var POLICY_LIMIT_RANGES = Object.freeze({
  maxBundleBytes: [1024, 64 * 1024 * 1024],
  maxSubjects: [1, 1e6],
  maxStatementLifetimeSeconds: [60, 366 * 24 * 3600],
  clockSkewSeconds: [0, 3600]
});
var MAX_POLICY_BYTES = 1024 * 1024;
var MAX_COUNTERSIGNERS = 256;
var MAX_STREAMS = 1e3;

export {
  GITHUB_ACTIONS_ISSUER,
  GITHUB_CLAIM_NAMES,
  POLICY_DEFAULT_LIMITS,
  POLICY_LIMIT_RANGES,
  MAX_POLICY_BYTES,
  MAX_COUNTERSIGNERS,
  MAX_STREAMS
};
