// The trusted-root part of a policy diff (diff.ts): which Sigstore authorities a rotation adds,
// removes or changes. The trusted root is embedded verbatim and only validated by the Sigstore
// loader where it is used, so this reads it defensively: any shape, nothing assumed present.
// Certificate authorities and timestamp authorities are named by the SHA-256 of their first
// certificate, transparency logs (tlogs, ctlogs) by their log id; anything the known fields do
// not explain still shows, as "other fields changed", so no difference can hide.
import { sha256Hex } from '../../basics/crypto/sha256.ts';
import type { PolicyChange } from './diff.ts';

type Root = Readonly<Record<string, unknown>>;
type Fields = Record<string, string>;

const CERTIFICATE_LISTS = ['certificateAuthorities', 'timestampAuthorities'] as const;
const KEY_LISTS = ['tlogs', 'ctlogs'] as const;
const LONGEST_VALUE = 200;

/** `sha256:` + the SHA-256 of the trusted root's canonical JSON (keys sorted): the same for the same content. */
export function trustedRootDigest(root: Root): string {
  return `sha256:${sha256Hex(canonicalJson(root))}`;
}

export function diffTrustedRoots(before: Root, after: Root): PolicyChange[] {
  if (canonicalJson(before) === canonicalJson(after)) return [];
  const changes: PolicyChange[] = [
    {
      area: 'trustedRoot',
      path: 'trustedRoot',
      action: 'changed',
      before: trustedRootDigest(before),
      after: trustedRootDigest(after),
    },
  ];
  for (const list of CERTIFICATE_LISTS)
    changes.push(...diffEntries(list, entries(before[list], certificateEntry), entries(after[list], certificateEntry)));
  for (const list of KEY_LISTS)
    changes.push(...diffEntries(list, entries(before[list], logEntry), entries(after[list], logEntry)));
  const known = new Set<string>([...CERTIFICATE_LISTS, ...KEY_LISTS]);
  for (const field of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    if (known.has(field)) continue;
    const [a, b] = [text(before[field]), text(after[field])];
    if (a === b) continue;
    const path = `trustedRoot.${JSON.stringify(field)}`;
    if (a !== undefined && b !== undefined)
      changes.push({ area: 'trustedRoot', path, action: 'changed', before: a, after: b });
    else if (a !== undefined) changes.push({ area: 'trustedRoot', path, action: 'removed', before: a });
    else if (b !== undefined) changes.push({ area: 'trustedRoot', path, action: 'added', after: b });
  }
  return changes;
}

interface Entry {
  id: string;
  fields: Fields;
  /** The canonical JSON of the whole entry, to catch what the named fields miss. */
  whole: string;
}

function diffEntries(list: string, before: Entry[], after: Entry[]): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const next = new Map(after.map((e) => [e.id, e]));
  const path = (id: string) => `trustedRoot.${list}[${JSON.stringify(id)}]`;
  for (const entry of before) {
    const other = next.get(entry.id);
    if (!other) {
      changes.push({ area: 'trustedRoot', path: path(entry.id), action: 'removed', before: entry.fields });
      continue;
    }
    let named = false;
    for (const field of [...new Set([...Object.keys(entry.fields), ...Object.keys(other.fields)])]) {
      const [a, b] = [entry.fields[field], other.fields[field]];
      if (a === b) continue;
      named = true;
      const at = `${path(entry.id)}.${field}`;
      if (a !== undefined && b !== undefined)
        changes.push({ area: 'trustedRoot', path: at, action: 'changed', before: a, after: b });
      else if (a !== undefined) changes.push({ area: 'trustedRoot', path: at, action: 'removed', before: a });
      else if (b !== undefined) changes.push({ area: 'trustedRoot', path: at, action: 'added', after: b });
    }
    if (!named && entry.whole !== other.whole) {
      changes.push({
        area: 'trustedRoot',
        path: `${path(entry.id)}.otherFields`,
        action: 'changed',
        before: `sha256:${sha256Hex(entry.whole)}`,
        after: `sha256:${sha256Hex(other.whole)}`,
      });
    }
  }
  const old = new Set(before.map((e) => e.id));
  for (const entry of after)
    if (!old.has(entry.id))
      changes.push({ area: 'trustedRoot', path: path(entry.id), action: 'added', after: entry.fields });
  return changes;
}

/** The entries of one list, each with a unique id (a repeated id gets `#2`, `#3`...). */
function entries(
  value: unknown,
  read: (entry: Record<string, unknown>, index: number) => { id: string; fields: Fields },
): Entry[] {
  if (!Array.isArray(value))
    return value === undefined
      ? []
      : [{ id: '(not a list)', fields: { value: text(value) ?? '' }, whole: canonicalJson(value) }];
  const seen = new Map<string, number>();
  return value.map((item, i) => {
    const { id, fields } = isObject(item) ? read(item, i) : { id: `#${i}`, fields: { value: text(item) ?? '' } };
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return { id: n === 1 ? id : `${id}#${n}`, fields, whole: canonicalJson(item) };
  });
}

/** A certificate or timestamp authority: named by its first certificate's digest. */
function certificateEntry(entry: Record<string, unknown>, index: number): { id: string; fields: Fields } {
  const certificates = get(entry, 'certChain', 'certificates');
  const first = Array.isArray(certificates) && isObject(certificates[0]) ? certificates[0].rawBytes : undefined;
  const subject = get(entry, 'subject');
  const fields = compact({
    uri: text(entry.uri),
    subject: isObject(subject)
      ? [text(subject.organization), text(subject.commonName)].filter((s) => s !== undefined).join(', ')
      : text(subject),
    certificates: Array.isArray(certificates) ? String(certificates.length) : text(certificates),
    chain: entry.certChain === undefined ? undefined : `sha256:${sha256Hex(canonicalJson(entry.certChain))}`,
    validFrom: text(get(entry, 'validFor', 'start')),
    validUntil: text(get(entry, 'validFor', 'end')),
  });
  return {
    id: typeof first === 'string' ? `certificate sha256:${sha256Hex(base64OrText(first))}` : `#${index}`,
    fields,
  };
}

/** A transparency log (Rekor) or certificate-transparency log: named by its log id. */
function logEntry(entry: Record<string, unknown>, index: number): { id: string; fields: Fields } {
  const id = get(entry, 'logId', 'keyId');
  const raw = get(entry, 'publicKey', 'rawBytes');
  const fields = compact({
    baseUrl: text(entry.baseUrl),
    hashAlgorithm: text(entry.hashAlgorithm),
    publicKey: typeof raw === 'string' ? `sha256:${sha256Hex(base64OrText(raw))}` : text(raw),
    keyDetails: text(get(entry, 'publicKey', 'keyDetails')),
    validFrom: text(get(entry, 'publicKey', 'validFor', 'start')),
    validUntil: text(get(entry, 'publicKey', 'validFor', 'end')),
  });
  return { id: typeof id === 'string' ? `log ${id}` : `#${index}`, fields };
}

function get(value: unknown, ...path: string[]): unknown {
  let at = value;
  for (const key of path) at = isObject(at) && Object.hasOwn(at, key) ? at[key] : undefined;
  return at;
}

function compact(fields: Record<string, string | undefined>): Fields {
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}

/** A value as one short string: a string as is, anything else as canonical JSON; long ones cut. */
function text(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const s = typeof value === 'string' ? value : canonicalJson(value);
  return s.length > LONGEST_VALUE ? `${s.slice(0, LONGEST_VALUE)}… (sha256:${sha256Hex(s)})` : s;
}

/** The bytes a base64 field stands for (the DER a fingerprint is taken over), or its text if it is not base64. */
function base64OrText(value: string): Uint8Array | string {
  try {
    const binary = atob(value);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return value;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with every object's keys sorted: one spelling for one content. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`;
  // Parsed JSON holds no functions or symbols: undefined (an absent field) is the one value JSON.stringify leaves out.
  return value === undefined ? 'null' : JSON.stringify(value);
}
