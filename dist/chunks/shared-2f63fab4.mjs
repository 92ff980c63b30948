// Shared by: cli-build, cli-countersign, cli-demo, cli-policy, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-serve, cli-sign, cli-trusted-root, cli-verify, cli-verify-bundle (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  GITHUB_CLAIM_NAMES,
  SOURCE_REPOSITORY_CLAIMS
} from "./shared-31413875.mjs";
import {
  childPath,
  describe
} from "./shared-84c2b3d1.mjs";
import {
  PolicyError
} from "./shared-c0077619.mjs";

// src/lib/formats/policy/identity.ts
var MAX_PATTERN_LENGTH = 1024;
var CLAIM_FORMATS = {
  repository: { pattern: /^[^/\s]+\/[^/\s]+$/, expected: "owner/name" },
  repositoryId: { pattern: /^[0-9]+$/, expected: "a numeric id" },
  repositoryOwner: { pattern: /^[^/\s]+$/, expected: 'an owner name without "/"' },
  repositoryOwnerId: { pattern: /^[0-9]+$/, expected: "a numeric id" },
  ref: { pattern: /^refs\/\S+$/, expected: "a full ref like refs/heads/main or refs/tags/v1" },
  runnerEnvironment: { pattern: /^(?:github-hosted|self-hosted)$/, expected: "github-hosted or self-hosted" },
  eventName: { pattern: /^[a-z_]+$/, expected: "a GitHub event name like push or workflow_dispatch" }
};
function readPrimary(r, value, path) {
  const obj = r.object(
    value,
    path,
    ["issuer"],
    ["identity", "identityPattern", "githubClaims", "unsafeNoSourceRepositoryPin"]
  );
  const issuer = readIssuer(r, obj.issuer, childPath(path, "issuer"));
  const hasIdentity = Object.hasOwn(obj, "identity");
  const hasPattern = Object.hasOwn(obj, "identityPattern");
  if (hasIdentity && hasPattern) {
    r.failWith(
      "policy-ambiguous",
      childPath(path, "identityPattern"),
      'expected exactly one of "identity" (exact) or "identityPattern" (regular expression), found both',
      true
    );
  }
  if (!hasIdentity && !hasPattern) {
    r.failWith(
      "policy-malformed",
      path,
      'missing field "identity" (or, to match a regular expression, "identityPattern")'
    );
  }
  const result = { issuer };
  if (hasIdentity) result.identity = r.text(obj.identity, childPath(path, "identity"));
  if (hasPattern) {
    const p = childPath(path, "identityPattern");
    const pattern = r.text(obj.identityPattern, p, MAX_PATTERN_LENGTH);
    const problem = anchoredPatternProblem(pattern);
    if (problem) r.failWith("policy-bad-pattern", p, problem);
    result.identityPattern = pattern;
  }
  if (Object.hasOwn(obj, "githubClaims"))
    result.githubClaims = readGithubClaims(r, obj.githubClaims, childPath(path, "githubClaims"));
  readSourceRepositoryPin(r, obj, path, result);
  return result;
}
function readSourceRepositoryPin(r, obj, path, result) {
  const missing = SOURCE_REPOSITORY_CLAIMS.filter((claim) => result.githubClaims?.[claim] === void 0);
  if (Object.hasOwn(obj, "unsafeNoSourceRepositoryPin")) {
    const p = childPath(path, "unsafeNoSourceRepositoryPin");
    if (obj.unsafeNoSourceRepositoryPin !== true)
      r.failWith(
        "policy-malformed",
        p,
        `expected true (or no such field, and the source repository pinned), found ${describe(obj.unsafeNoSourceRepositoryPin)}`
      );
    if (missing.length === 0)
      r.failWith(
        "policy-ambiguous",
        p,
        'expected either the source-repository pin or "unsafeNoSourceRepositoryPin": true, found both'
      );
    result.unsafeNoSourceRepositoryPin = true;
    return;
  }
  if (missing.length > 0) {
    r.failWith(
      "policy-source-repository-unpinned",
      result.githubClaims ? childPath(path, "githubClaims") : path,
      `expected the source repository pinned (githubClaims ${SOURCE_REPOSITORY_CLAIMS.join(", ")}: any repository calling the workflow gets its identity), missing ${missing.join(", ")}; to accept that, "unsafeNoSourceRepositoryPin": true`
    );
  }
}
function readIssuer(r, value, path) {
  const issuer = r.text(value, path, 1024);
  let url;
  try {
    url = new URL(issuer);
  } catch {
  }
  if (!url || url.protocol !== "https:" || /[\s?#@]/.test(issuer)) {
    r.failWith(
      "policy-malformed",
      path,
      `expected an https URL like https://token.actions.githubusercontent.com, found ${JSON.stringify(issuer)}`
    );
  }
  return issuer;
}
function readGithubClaims(r, value, path) {
  const obj = r.object(value, path, [], GITHUB_CLAIM_NAMES);
  const claims = {};
  for (const name of GITHUB_CLAIM_NAMES) {
    if (!Object.hasOwn(obj, name)) continue;
    const p = childPath(path, name);
    const claim = r.text(obj[name], p, 256);
    const format = CLAIM_FORMATS[name];
    if (!format.pattern.test(claim))
      r.failWith("policy-malformed", p, `expected ${format.expected}, found ${JSON.stringify(claim)}`);
    claims[name] = claim;
  }
  return claims;
}
function anchoredPatternProblem(pattern) {
  try {
    new RegExp(pattern, "u");
  } catch (err) {
    return `expected a regular expression that compiles with the u flag, found ${JSON.stringify(pattern)} (${err instanceof Error ? err.message : String(err)})`;
  }
  if (!pattern.startsWith("^")) return `expected an anchored pattern starting with ^, found ${JSON.stringify(pattern)}`;
  let depth = 0;
  let inClass = false;
  let endsWithAnchor = false;
  let topLevelAlternation = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    endsWithAnchor = false;
    if (c === "\\") {
      i++;
    } else if (inClass) {
      if (c === "]") inClass = false;
    } else if (c === "[") {
      inClass = true;
    } else if (c === "(") {
      depth++;
    } else if (c === ")") {
      depth--;
    } else if (c === "|" && depth === 0) {
      topLevelAlternation = true;
    } else if (c === "$") {
      endsWithAnchor = true;
    }
  }
  if (!endsWithAnchor)
    return `expected an anchored pattern ending with an unescaped $, found ${JSON.stringify(pattern)}`;
  if (topLevelAlternation)
    return `expected no top-level | (it escapes the anchors; write ^(?:a|b)$), found ${JSON.stringify(pattern)}`;
  return void 0;
}
function compileIdentityPattern(pattern, what) {
  const problem = typeof pattern === "string" ? anchoredPatternProblem(pattern) : `expected an anchored regular expression, found ${describe(pattern)}`;
  if (problem !== void 0) throw new PolicyError("policy-bad-pattern", `${what}: ${problem}`);
  return new RegExp(`^(?:${pattern})$`, "u");
}

export {
  readPrimary,
  compileIdentityPattern
};
