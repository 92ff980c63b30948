// What an authority rotation changes (spec/ROTATION.md §3.1): a pure, structured diff of two
// parsed policies, field by field, for the people who must decide whether to countersign it
// (`countersign policy diff`, and `countersign countersign` on a rotation). Keys are matched by
// key id, never by name or position, so a key replaced under the same name shows as one key
// removed and another added. Nothing here verifies anything: both policies are parsed already.
// The words are in diff-text.ts; whether a change keeps an organisation in control, in control.ts.
import { rfc3339 } from '../../basics/json/shape.ts';
import { keyIdOf } from '../../basics/crypto/ed25519-keys.ts';
import { diffTrustedRoots, trustedRootDigest } from './diff-trusted-root.ts';
import { GITHUB_CLAIM_NAMES, type CountersignerKey, type Policy, type PolicyLimits } from './types.ts';
import { describeWitnesses } from './witnesses.ts';

export type PolicyArea =
  'version' | 'primary' | 'trustedRoot' | 'countersigners' | 'threshold' | 'fallback' | 'kinds' | 'streams' | 'limits';

/** A key as the diff shows it: who holds it, when it counts, which log it must be in. */
export interface KeySummary {
  readonly name: string;
  readonly organisation: string;
  readonly keyId: string;
  readonly validFrom?: string;
  readonly validUntil?: string;
  /** The log requirement: the log's origin and the key id of its checkpoint key. */
  readonly log?: {
    readonly origin: string;
    readonly keyId: string;
    /** The witness requirement, in words with the witnesses' verifier keys (POLICY.md §3.5.3). */
    readonly witnesses?: string;
  };
}

export type DiffValue = string | number | KeySummary | Readonly<Record<string, string | number>>;

/** One difference: what is added has only an `after`, what is removed only a `before`. */
export type PolicyChange = {
  readonly area: PolicyArea;
  /** Where, in the policy's JSON terms; list entries are named by key id (or log id), not by position. */
  readonly path: string;
} & (
  | { readonly action: 'added'; readonly after: DiffValue }
  | { readonly action: 'removed'; readonly before: DiffValue }
  | { readonly action: 'changed'; readonly before: DiffValue; readonly after: DiffValue }
);

export interface PolicyDiff {
  readonly from: { readonly version: number; readonly trustedRootDigest: string };
  readonly to: { readonly version: number; readonly trustedRootDigest: string };
  /** Every difference, in the policy's field order; empty when the two say the same thing. */
  readonly changes: readonly PolicyChange[];
}

export function diffPolicies(current: Policy, next: Policy): PolicyDiff {
  const changes: PolicyChange[] = [];
  const scalar = (
    area: PolicyArea,
    path: string,
    before: string | number | undefined,
    after: string | number | undefined,
  ): void => {
    if (before === after) return;
    if (before !== undefined && after !== undefined) changes.push({ area, path, action: 'changed', before, after });
    else if (before !== undefined) changes.push({ area, path, action: 'removed', before });
    else if (after !== undefined) changes.push({ area, path, action: 'added', after });
  };

  scalar('version', 'version', current.version, next.version);

  const p = current.primary;
  const q = next.primary;
  scalar('primary', 'primary.issuer', p.issuer, q.issuer);
  scalar('primary', 'primary.identity', p.identity, q.identity);
  scalar('primary', 'primary.identityPattern', p.identityPattern, q.identityPattern);
  for (const claim of GITHUB_CLAIM_NAMES)
    scalar('primary', `primary.githubClaims.${claim}`, p.githubClaims?.[claim], q.githubClaims?.[claim]);
  scalar(
    'primary',
    'primary.unsafeNoSourceRepositoryPin',
    p.unsafeNoSourceRepositoryPin ? 'true' : undefined,
    q.unsafeNoSourceRepositoryPin ? 'true' : undefined,
  );

  changes.push(...diffTrustedRoots(current.trustedRoot, next.trustedRoot));

  changes.push(...diffKeys('countersigners', 'countersigners', current.countersigners, next.countersigners));
  changes.push(
    ...diffOrganisations('countersigners', 'countersigners.organisations', current.countersigners, next.countersigners),
  );
  scalar('threshold', 'threshold', current.threshold, next.threshold);

  const f = current.fallback;
  const g = next.fallback;
  if (f && !g)
    changes.push({
      area: 'fallback',
      path: 'fallback',
      action: 'removed',
      before: { threshold: f.threshold, keys: f.countersigners.length },
    });
  if (!f && g)
    changes.push({
      area: 'fallback',
      path: 'fallback',
      action: 'added',
      after: { threshold: g.threshold, keys: g.countersigners.length },
    });
  changes.push(...diffKeys('fallback', 'fallback.countersigners', f?.countersigners ?? [], g?.countersigners ?? []));
  if (f || g)
    changes.push(
      ...diffOrganisations('fallback', 'fallback.organisations', f?.countersigners ?? [], g?.countersigners ?? []),
    );
  scalar('fallback', 'fallback.threshold', f?.threshold, g?.threshold);

  changes.push(...diffList('kinds', current.kinds, next.kinds));
  changes.push(...diffList('streams', current.streams, next.streams));
  for (const name of Object.keys(current.limits) as (keyof PolicyLimits)[])
    scalar('limits', `limits.${name}`, current.limits[name], next.limits[name]);

  return {
    from: { version: current.version, trustedRootDigest: trustedRootDigest(current.trustedRoot) },
    to: { version: next.version, trustedRootDigest: trustedRootDigest(next.trustedRoot) },
    changes,
  };
}

export function summariseKey(key: CountersignerKey): KeySummary {
  return {
    name: key.name,
    organisation: key.organisation,
    keyId: key.keyId,
    ...(key.validFrom ? { validFrom: rfc3339(key.validFrom) } : {}),
    ...(key.validUntil ? { validUntil: rfc3339(key.validUntil) } : {}),
    ...(key.log
      ? {
          log: {
            origin: key.log.origin,
            keyId: keyIdOf(key.log.rawPublicKey),
            ...(key.log.witnesses ? { witnesses: describeWitnesses(key.log.witnesses) } : {}),
          },
        }
      : {}),
  };
}

/** Keys matched by key id: added, removed, and for a key in both, each field that differs. */
function diffKeys(
  area: PolicyArea,
  path: string,
  before: readonly CountersignerKey[],
  after: readonly CountersignerKey[],
): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const next = new Map(after.map((k) => [k.keyId, k]));
  const old = new Set(before.map((k) => k.keyId));
  for (const key of before) {
    const other = next.get(key.keyId);
    const at = `${path}[${key.keyId}]`;
    if (!other) {
      changes.push({ area, path: at, action: 'removed', before: summariseKey(key) });
      continue;
    }
    const a = summariseKey(key);
    const b = summariseKey(other);
    for (const field of ['name', 'organisation', 'validFrom', 'validUntil'] as const) {
      if (a[field] === b[field]) continue;
      const change = { area, path: `${at}.${field}` };
      const [was, is] = [a[field], b[field]];
      if (was !== undefined && is !== undefined) changes.push({ ...change, action: 'changed', before: was, after: is });
      else if (was !== undefined) changes.push({ ...change, action: 'removed', before: was });
      else if (is !== undefined) changes.push({ ...change, action: 'added', after: is });
    }
    const [la, lb] = [a.log, b.log];
    if (la?.origin !== lb?.origin || la?.keyId !== lb?.keyId || la?.witnesses !== lb?.witnesses) {
      const change = { area, path: `${at}.log` };
      if (la && lb) changes.push({ ...change, action: 'changed', before: la, after: lb });
      else if (la) changes.push({ ...change, action: 'removed', before: la });
      else if (lb) changes.push({ ...change, action: 'added', after: lb });
    }
  }
  for (const key of after)
    if (!old.has(key.keyId))
      changes.push({ area, path: `${path}[${key.keyId}]`, action: 'added', after: summariseKey(key) });
  return changes;
}

/** Organisations that start or stop counting towards a threshold (derived from the keys). */
function diffOrganisations(
  area: PolicyArea,
  path: string,
  before: readonly CountersignerKey[],
  after: readonly CountersignerKey[],
): PolicyChange[] {
  const a = new Set(before.map((k) => k.organisation));
  const b = new Set(after.map((k) => k.organisation));
  return [
    ...[...a].filter((o) => !b.has(o)).map((o): PolicyChange => ({ area, path, action: 'removed', before: o })),
    ...[...b].filter((o) => !a.has(o)).map((o): PolicyChange => ({ area, path, action: 'added', after: o })),
  ];
}

function diffList(area: 'kinds' | 'streams', before: readonly string[], after: readonly string[]): PolicyChange[] {
  return [
    ...before
      .filter((s) => !after.includes(s))
      .map((s): PolicyChange => ({ area, path: area, action: 'removed', before: s })),
    ...after
      .filter((s) => !before.includes(s))
      .map((s): PolicyChange => ({ area, path: area, action: 'added', after: s })),
  ];
}
