// Is a policy's pinned trusted root still its instance's current one (`countersign policy
// check-trusted-root`)? Compared by content (the canonical-JSON digest `policy diff` uses), so a
// re-serialised but identical root is current; when it differs, the changes are the ones `policy
// diff` shows for the trusted root (authorities by certificate digest, logs by log id, with
// their validity), plus a one-line count per list for a scheduled job's log or an issue title.
import { diffTrustedRoots, trustedRootDigest } from '../../formats/policy/diff-trusted-root.ts';
import { escapeUnusual, renderChange } from '../../formats/policy/diff-text.ts';
import type { DiffValue, PolicyChange } from '../../formats/policy/diff.ts';

type Root = Readonly<Record<string, unknown>>;

export interface TrustedRootComparison {
  readonly current: boolean;
  readonly pinnedDigest: string;
  readonly currentDigest: string;
  readonly changes: readonly PolicyChange[];
  /** One line: per list, each entry added (+), removed (-) or changed (~), by short id, with subject and validity. */
  readonly summary: string;
  /** One line per change, in the words of `policy diff`. */
  readonly lines: readonly string[];
}

const LISTS = [
  ['certificateAuthorities', 'certificate authorities'],
  ['timestampAuthorities', 'timestamp authorities'],
  ['tlogs', 'transparency logs'],
  ['ctlogs', 'CT logs'],
] as const;

const ENTRY = /^trustedRoot\.(certificateAuthorities|timestampAuthorities|tlogs|ctlogs)\[(".*")\](\.\w+)?$/;

export function compareTrustedRoots(pinned: Root, latest: Root): TrustedRootComparison {
  const changes = diffTrustedRoots(pinned, latest);
  const pinnedDigest = trustedRootDigest(pinned);
  const currentDigest = trustedRootDigest(latest);
  const detail = changes.filter((c) => c.path !== 'trustedRoot');
  return {
    current: changes.length === 0,
    pinnedDigest,
    currentDigest,
    changes,
    summary: changes.length === 0 ? 'unchanged' : summarise(detail),
    lines: detail.map(renderChange),
  };
}

function summarise(changes: readonly PolicyChange[]): string {
  const byList = new Map<string, string[]>();
  const changed = new Map<string, Map<string, string[]>>();
  const other: string[] = [];
  for (const change of changes) {
    const m = ENTRY.exec(change.path);
    if (!m) {
      other.push(change.path.replace(/^trustedRoot\./, ''));
      continue;
    }
    const [, list = '', quoted = '', field] = m;
    const id = shortId(JSON.parse(quoted) as string);
    if (field !== undefined || change.action === 'changed') {
      const fields = changed.get(list) ?? new Map<string, string[]>();
      changed.set(list, fields);
      fields.set(id, [...(fields.get(id) ?? []), field?.slice(1) ?? 'content']);
      continue;
    }
    const items = byList.get(list) ?? [];
    byList.set(list, items);
    const value = change.action === 'added' ? change.after : change.before;
    items.push(`${change.action === 'added' ? '+' : '-'}${id}${describeEntry(value)}`);
  }
  const parts: string[] = [];
  for (const [list, words] of LISTS) {
    const items = [...(byList.get(list) ?? [])];
    for (const [id, fields] of changed.get(list) ?? []) items.push(`~${id} (${fields.join(', ')})`);
    if (items.length > 0) parts.push(`${words}: ${items.join(', ')}`);
  }
  if (other.length > 0) parts.push(`other fields changed: ${other.join(', ')}`);
  return escapeUnusual(parts.length > 0 ? parts.join('; ') : 'the content differs');
}

/** "log <first 12 characters>..." or "certificate sha256:<first 12 hex>...": enough to tell entries apart in one line. */
function shortId(id: string): string {
  const m = /^(log |certificate sha256:)(.*)$/.exec(id);
  if (!m) return id;
  const [, kind = '', rest = ''] = m;
  return `${kind}${rest.length > 12 ? `${rest.slice(0, 12)}...` : rest}`;
}

/** The subject and validity of an added or removed entry, as the trusted-root diff read them. */
function describeEntry(value: DiffValue): string {
  if (typeof value !== 'object' || 'keyId' in value) return '';
  const get = (k: string): string | undefined => (typeof value[k] === 'string' ? value[k] : undefined);
  const subject = get('subject');
  const from = get('validFrom');
  const until = get('validUntil');
  const validity =
    from && until ? `valid ${from} to ${until}` : from ? `valid from ${from}` : until ? `valid until ${until}` : '';
  const bits = [subject ? JSON.stringify(subject) : '', validity].filter(Boolean);
  return bits.length > 0 ? ` (${bits.join(', ')})` : '';
}
