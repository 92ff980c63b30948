// A policy diff (diff.ts) in words, one line per change, for the person at organisation B who
// decides whether to countersign an authority rotation. Every value that comes from a policy is
// quoted, and every character outside printable ASCII is escaped (\u{...}): a reviewer must
// see that "Оrg B" (a Cyrillic О) is not "Org B", and no name can end a line, reorder the text
// (bidirectional controls) or pose as another line.
import type { DiffValue, KeySummary, PolicyChange, PolicyDiff } from './diff.ts';

export function renderPolicyDiff(diff: PolicyDiff): string[] {
  if (diff.changes.length === 0) return ['no changes: the two policies say the same thing'];
  return diff.changes.map(renderChange);
}

export function renderChange(change: PolicyChange): string {
  const what =
    change.action === 'added'
      ? `added ${format(change.after)}`
      : change.action === 'removed'
        ? `removed ${format(change.before)}`
        : `changed from ${format(change.before)} to ${format(change.after)}`;
  return escapeUnusual(`${label(change.path)}: ${what}`);
}

const LABELS: readonly (readonly [RegExp, (m: RegExpExecArray) => string])[] = [
  [/^version$/, () => 'policy version'],
  [/^primary\.issuer$/, () => "primary signer's OIDC issuer"],
  [/^primary\.identity$/, () => "primary signer's exact identity"],
  [/^primary\.identityPattern$/, () => "primary signer's identity pattern (a regular expression)"],
  [/^primary\.githubClaims\.(\w+)$/, (m) => `primary signer's pinned GitHub claim ${m[1]}`],
  [
    /^primary\.unsafeNoSourceRepositoryPin$/,
    () => "primary signer's opt-out of the source-repository pin (any repository calling the workflow may sign)",
  ],
  [/^trustedRoot$/, () => 'Sigstore trusted root (digest of its content)'],
  [
    /^trustedRoot\.(certificateAuthorities|timestampAuthorities|tlogs|ctlogs)\[(".*")\](?:\.(\w+))?$/,
    (m) => `${m[3] ? `${m[3]} of ` : ''}Sigstore trusted root ${ROOT_LISTS[m[1] ?? ''] ?? m[1]} ${m[2]}`,
  ],
  [/^trustedRoot\.(".*")$/, (m) => `Sigstore trusted root field ${m[1]}`],
  [/^countersigners\[(sha256:[0-9a-f]{64})\]$/, () => 'countersigner keys'],
  [/^countersigners\[(sha256:[0-9a-f]{64})\]\.log$/, (m) => `log requirement of countersigner key ${m[1]}`],
  [/^countersigners\[(sha256:[0-9a-f]{64})\]\.(\w+)$/, (m) => `${m[2]} of countersigner key ${m[1]}`],
  [/^countersigners\.organisations$/, () => 'organisations that count towards the countersignature threshold'],
  [/^threshold$/, () => 'countersignature threshold (distinct organisations required)'],
  [/^fallback$/, () => 'emergency fallback signer set (may authorise authority rotations)'],
  [/^fallback\.countersigners\[(sha256:[0-9a-f]{64})\]$/, () => 'emergency fallback keys'],
  [
    /^fallback\.countersigners\[(sha256:[0-9a-f]{64})\]\.log$/,
    (m) => `log requirement of emergency fallback key ${m[1]}`,
  ],
  [/^fallback\.countersigners\[(sha256:[0-9a-f]{64})\]\.(\w+)$/, (m) => `${m[2]} of emergency fallback key ${m[1]}`],
  [/^fallback\.organisations$/, () => 'organisations in the emergency fallback set'],
  [/^fallback\.threshold$/, () => 'emergency fallback threshold (distinct organisations required)'],
  [/^kinds$/, () => 'allowed statement kinds'],
  [/^streams$/, () => 'allowed streams'],
  [/^limits\.(\w+)$/, (m) => `limit ${m[1]}`],
];

const ROOT_LISTS: Readonly<Record<string, string>> = {
  certificateAuthorities: 'certificate authority',
  timestampAuthorities: 'timestamp authority',
  tlogs: 'transparency log',
  ctlogs: 'certificate transparency log',
};

function label(path: string): string {
  for (const [pattern, say] of LABELS) {
    const m = pattern.exec(path);
    if (m) return say(m);
  }
  return path;
}

function format(value: DiffValue): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string')
    return /^sha256:[0-9a-f]{64}$|^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(value) ? value : quote(value);
  if (isKey(value)) return formatKey(value);
  return `(${Object.entries(value)
    .map(([k, v]) => `${k} ${format(v)}`)
    .join(', ')})`;
}

function isKey(value: object): value is KeySummary {
  return 'keyId' in value && 'organisation' in value && 'name' in value;
}

/** A countersigning key's validity window in words; `policy show` and `policy diff` word it alike. */
export function describeValidity(from: string | undefined, until: string | undefined): string {
  if (from && until) return `valid ${from} to ${until}`;
  if (from) return `valid from ${from}`;
  if (until) return `valid until ${until}`;
  return 'valid at any time';
}

function formatKey(key: KeySummary): string {
  const validity = describeValidity(key.validFrom, key.validUntil);
  const log = key.log
    ? `, counts only when logged in ${quote(key.log.origin)} (log key ${key.log.keyId})${key.log.witnesses ? ` and ${key.log.witnesses}` : ''}`
    : ', no log requirement';
  return `key ${quote(key.name)} ${key.keyId} of organisation ${quote(key.organisation)}, ${validity}${log}`;
}

/** A string in double quotes, with \, " and every character outside printable ASCII escaped. */
export function quote(text: string): string {
  return `"${escapeUnusual(text.replace(/[\\"]/g, (c) => `\\${c}`))}"`;
}

/** Every character outside printable ASCII (controls, line breaks, bidi and invisible marks, look-alikes) as \u{HEX}. */
export function escapeUnusual(text: string): string {
  return text.replace(/[^\x20-\x7e]/gu, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}
