// The primary identity part of the policy (docs/design.md §4 step 3): an exact certificate identity by
// default, an anchored regular expression only when the policy says `identityPattern`
// explicitly, plus pinned GitHub claims, among them the source repository: required unless the
// policy says `"unsafeNoSourceRepositoryPin": true` (spec/POLICY.md §3.3.3).
import {
  GITHUB_CLAIM_NAMES,
  SOURCE_REPOSITORY_CLAIMS,
  type GithubClaimName,
  type GithubClaims,
  type PrimaryIdentityPolicy,
} from './types.ts';
import { childPath } from '../../basics/json/lines.ts';
import { PolicyError } from '../../basics/errors/errors.ts';
import { describe, type Shape } from '../../basics/json/shape.ts';
import type { PolicyCode } from '../../basics/errors/codes.ts';

const MAX_PATTERN_LENGTH = 1024;

/** Extra format rules per claim: they catch a name pasted where an id belongs, and the like. */
const CLAIM_FORMATS: Readonly<Record<GithubClaimName, { pattern: RegExp; expected: string }>> = {
  repository: { pattern: /^[^/\s]+\/[^/\s]+$/, expected: 'owner/name' },
  repositoryId: { pattern: /^[0-9]+$/, expected: 'a numeric id' },
  repositoryOwner: { pattern: /^[^/\s]+$/, expected: 'an owner name without "/"' },
  repositoryOwnerId: { pattern: /^[0-9]+$/, expected: 'a numeric id' },
  ref: { pattern: /^refs\/\S+$/, expected: 'a full ref like refs/heads/main or refs/tags/v1' },
  runnerEnvironment: { pattern: /^(?:github-hosted|self-hosted)$/, expected: 'github-hosted or self-hosted' },
  eventName: { pattern: /^[a-z_]+$/, expected: 'a GitHub event name like push or workflow_dispatch' },
};

export function readPrimary(r: Shape<PolicyCode>, value: unknown, path: string): PrimaryIdentityPolicy {
  const obj = r.object(
    value,
    path,
    ['issuer'],
    ['identity', 'identityPattern', 'githubClaims', 'unsafeNoSourceRepositoryPin'],
  );
  const issuer = readIssuer(r, obj.issuer, childPath(path, 'issuer'));
  const hasIdentity = Object.hasOwn(obj, 'identity');
  const hasPattern = Object.hasOwn(obj, 'identityPattern');
  if (hasIdentity && hasPattern) {
    r.failWith(
      'policy-ambiguous',
      childPath(path, 'identityPattern'),
      'expected exactly one of "identity" (exact) or "identityPattern" (regular expression), found both',
      true,
    );
  }
  if (!hasIdentity && !hasPattern) {
    r.failWith(
      'policy-malformed',
      path,
      'missing field "identity" (or, to match a regular expression, "identityPattern")',
    );
  }
  const result: {
    issuer: string;
    identity?: string;
    identityPattern?: string;
    githubClaims?: GithubClaims;
    unsafeNoSourceRepositoryPin?: true;
  } = { issuer };
  if (hasIdentity) result.identity = r.text(obj.identity, childPath(path, 'identity'));
  if (hasPattern) {
    const p = childPath(path, 'identityPattern');
    const pattern = r.text(obj.identityPattern, p, MAX_PATTERN_LENGTH);
    const problem = anchoredPatternProblem(pattern);
    if (problem) r.failWith('policy-bad-pattern', p, problem);
    result.identityPattern = pattern;
  }
  if (Object.hasOwn(obj, 'githubClaims'))
    result.githubClaims = readGithubClaims(r, obj.githubClaims, childPath(path, 'githubClaims'));
  readSourceRepositoryPin(r, obj, path, result);
  return result;
}

/**
 * The source-repository pin (spec/POLICY.md §3.3.3): the SAN names a workflow file, and every
 * repository that calls it as a reusable workflow gets a certificate with that same SAN; only
 * the source-repository claims tell them apart. So `githubClaims` must pin all three of
 * SOURCE_REPOSITORY_CLAIMS, or the policy must opt out in so many words. Fail closed: a policy
 * that says neither is refused, whatever else it pins.
 */
function readSourceRepositoryPin(
  r: Shape<PolicyCode>,
  obj: Record<string, unknown>,
  path: string,
  result: { githubClaims?: GithubClaims; unsafeNoSourceRepositoryPin?: true },
): void {
  const missing = SOURCE_REPOSITORY_CLAIMS.filter((claim) => result.githubClaims?.[claim] === undefined);
  if (Object.hasOwn(obj, 'unsafeNoSourceRepositoryPin')) {
    const p = childPath(path, 'unsafeNoSourceRepositoryPin');
    if (obj.unsafeNoSourceRepositoryPin !== true)
      r.failWith(
        'policy-malformed',
        p,
        `expected true (or no such field, and the source repository pinned), found ${describe(obj.unsafeNoSourceRepositoryPin)}`,
      );
    if (missing.length === 0)
      r.failWith(
        'policy-ambiguous',
        p,
        'expected either the source-repository pin or "unsafeNoSourceRepositoryPin": true, found both',
      );
    result.unsafeNoSourceRepositoryPin = true;
    return;
  }
  if (missing.length > 0) {
    r.failWith(
      'policy-source-repository-unpinned',
      result.githubClaims ? childPath(path, 'githubClaims') : path,
      `expected the source repository pinned (githubClaims ${SOURCE_REPOSITORY_CLAIMS.join(', ')}: any repository calling the workflow gets its identity), missing ${missing.join(', ')}; to accept that, "unsafeNoSourceRepositoryPin": true`,
    );
  }
}

function readIssuer(r: Shape<PolicyCode>, value: unknown, path: string): string {
  const issuer = r.text(value, path, 1024);
  // Not URL.parse: the browser build of the client targets runtimes older than it.
  let url: URL | undefined;
  try {
    url = new URL(issuer);
  } catch {
    // not a URL: url stays undefined
  }
  // Compared byte for byte with the certificate's issuer extension, so no normalisation here:
  // only a check that it is what an OIDC issuer must be (OpenID Connect Core §2: https, no
  // query or fragment; no user info either). Their delimiters are refused outright, because
  // the URL parser reports an empty query, fragment or user info (`https://@host#`) as none;
  // user info cannot be written without its `@`.
  if (!url || url.protocol !== 'https:' || /[\s?#@]/.test(issuer)) {
    r.failWith(
      'policy-malformed',
      path,
      `expected an https URL like https://token.actions.githubusercontent.com, found ${JSON.stringify(issuer)}`,
    );
  }
  return issuer;
}

function readGithubClaims(r: Shape<PolicyCode>, value: unknown, path: string): GithubClaims {
  const obj = r.object(value, path, [], GITHUB_CLAIM_NAMES);
  const claims: Partial<Record<GithubClaimName, string>> = {};
  for (const name of GITHUB_CLAIM_NAMES) {
    if (!Object.hasOwn(obj, name)) continue;
    const p = childPath(path, name);
    const claim = r.text(obj[name], p, 256);
    const format = CLAIM_FORMATS[name];
    if (!format.pattern.test(claim))
      r.failWith('policy-malformed', p, `expected ${format.expected}, found ${JSON.stringify(claim)}`);
    claims[name] = claim;
  }
  return claims;
}

/**
 * Why `pattern` is not a safe anchored identity pattern, or undefined when it is. It must
 * start with `^`, end with an unescaped `$`, have no `|` outside a group (`^a|b$` anchors
 * only half of each alternative), and compile with exactly the `u` flag.
 */
export function anchoredPatternProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
  } catch (err) {
    return `expected a regular expression that compiles with the u flag, found ${JSON.stringify(pattern)} (${err instanceof Error ? err.message : String(err)})`;
  }
  if (!pattern.startsWith('^')) return `expected an anchored pattern starting with ^, found ${JSON.stringify(pattern)}`;
  let depth = 0;
  let inClass = false;
  // Stryker disable next-line BooleanLiteral: equivalent, the pattern starts with ^ so the loop runs and resets it before it is read
  let endsWithAnchor = false;
  let topLevelAlternation = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    endsWithAnchor = false;
    if (c === '\\') {
      i++; // the escaped character is a literal (or a class escape): never an anchor
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
    } else if (c === '|' && depth === 0) {
      topLevelAlternation = true;
    } else if (c === '$') {
      // Inside a group a $ is followed by the group's ")" (the pattern compiled), so only a
      // top-level $ can be the last character.
      endsWithAnchor = true;
    }
  }
  if (!endsWithAnchor)
    return `expected an anchored pattern ending with an unescaped $, found ${JSON.stringify(pattern)}`;
  if (topLevelAlternation)
    return `expected no top-level | (it escapes the anchors; write ^(?:a|b)$), found ${JSON.stringify(pattern)}`;
  return undefined;
}

/**
 * The pattern as a RegExp that matches whole identities only: the parser's rule above
 * (anchored, no top-level `|`), then wrapped as `^(?:…)$` as well, so that even a pattern
 * that reached the primary-identity check without the parser cannot match a mere prefix or
 * suffix. Throws PolicyError `policy-bad-pattern`; `what` names the pattern.
 */
export function compileIdentityPattern(pattern: unknown, what: string): RegExp {
  const problem =
    typeof pattern === 'string'
      ? anchoredPatternProblem(pattern)
      : `expected an anchored regular expression, found ${describe(pattern)}`;
  if (problem !== undefined) throw new PolicyError('policy-bad-pattern', `${what}: ${problem}`);
  return new RegExp(`^(?:${pattern as string})$`, 'u');
}
