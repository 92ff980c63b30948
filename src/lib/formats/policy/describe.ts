// The policy in plain words (for `countersign policy show`): what a bundle must be to pass.
// Meant for the people who review a policy change, so it says every condition, not a summary.
import { rfc3339 } from '../../basics/json/shape.ts';
import { GITHUB_ACTIONS_ISSUER, type CountersignerKey, type Policy } from './types.ts';
import { describeValidity, escapeUnusual } from './diff-text.ts';
import { describeWitnesses } from './witnesses.ts';

export function describePolicy(policy: Policy): string {
  const p = policy.primary;
  const who =
    p.identity !== undefined
      ? `${p.issuer === GITHUB_ACTIONS_ISSUER ? 'the GitHub workflow' : 'the identity'} ${p.identity}`
      : `any identity matching the regular expression ${p.identityPattern ?? '(none)'}`;
  const claims = Object.entries(p.githubClaims ?? {});
  const claimText =
    (claims.length > 0 ? `, with GitHub claims ${claims.map(([k, v]) => `${k}=${v}`).join(', ')}` : '') +
    (p.unsafeNoSourceRepositoryPin
      ? ', run from ANY source repository (unsafeNoSourceRepositoryPin: every repository that calls the workflow as a reusable workflow can sign)'
      : '');

  const byOrg = new Map<string, CountersignerKey[]>();
  for (const key of policy.countersigners) byOrg.set(key.organisation, [...(byOrg.get(key.organisation) ?? []), key]);
  const orgLines = [...byOrg].map(([org, keys]) => `  - ${org}: ${keys.map(describeKey).join('; ')}`);

  const root = policy.trustedRoot;
  const count = (field: string): number => (Array.isArray(root[field]) ? (root[field] as unknown[]).length : 0);
  const l = policy.limits;
  return (
    [
      `Policy version ${policy.version} (${policy.mediaType}).`,
      `Accepts ${list(policy.kinds)} statements for stream${policy.streams.length > 1 ? 's' : ''} ${list(policy.streams)}`,
      `signed by ${who} (issuer ${p.issuer})${claimText},`,
      `verified against the pinned Sigstore trusted root (${count('certificateAuthorities')} certificate authorities, ${count('tlogs')} transparency logs, ${count('timestampAuthorities')} timestamp authorities),`,
      `AND countersigned by at least ${policy.threshold} of ${byOrg.size} organisation${byOrg.size > 1 ? 's' : ''} (each organisation counts once, however many of its keys sign):`,
      ...orgLines,
      ...describeFallback(policy),
      `Limits: bundles up to ${l.maxBundleBytes} bytes, up to ${l.maxSubjects} subjects, statements valid for at most ${l.maxStatementLifetimeSeconds} seconds, clock skew ${l.clockSkewSeconds} seconds, each version at most ${l.maxVersionStep} above the last one accepted in its stream.`,
    ]
      // Every value from the policy as the reader must see it (issue 13 F7): anything outside printable ASCII as \u{HEX}.
      .map((line) => escapeUnusual(line))
      .join('\n')
  );
}

/** The emergency signer set, said plainly: what it may sign and what it may not. */
function describeFallback(policy: Policy): string[] {
  const f = policy.fallback;
  if (!f) return [];
  const orgs = [...new Set(f.countersigners.map((k) => k.organisation))];
  return [
    `Emergency fallback: an authority-rotation bundle (and nothing else) may instead be countersigned by at least ${f.threshold} of ${orgs.length} fallback organisation${orgs.length > 1 ? 's' : ''}:`,
    ...orgs.map(
      (org) =>
        `  - ${org}: ${f.countersigners
          .filter((k) => k.organisation === org)
          .map(describeKey)
          .join('; ')}`,
    ),
  ];
}

function describeKey(key: CountersignerKey): string {
  const validity = describeValidity(
    key.validFrom ? rfc3339(key.validFrom) : undefined,
    key.validUntil ? rfc3339(key.validUntil) : undefined,
  );
  const log = key.log
    ? `, only when logged in ${key.log.origin} (inclusion proof under a checkpoint signed by its pinned log key${key.log.witnesses ? ` and ${describeWitnesses(key.log.witnesses)}` : ''})`
    : '';
  return `key ${key.name} ${key.keyId}, ${validity}${log}`;
}

function list(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] as string}`;
}
