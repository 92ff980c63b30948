// PKCS#11 URIs (RFC 7512), the names of keys held in a token: the path says which token and
// which object, the query where the module is and where the PIN comes from:
//
//   pkcs11:token=countersign-b;object=b-release?module-path=/usr/lib/softhsm/libsofthsm2.so&pin-source=file:/run/secrets/pin
//
// Strict (docs/keys.md): an attribute this project does not know is refused, not ignored, so a
// typo never widens which key is used; every attribute appears at most once; characters
// outside RFC 7512 §2.3's sets are refused; percent-encoded octets are decoded (to UTF-8 text,
// or to bytes for `id`); the URI and every value are capped.
import { InputError } from '../errors/errors.ts';

/** The longest URI accepted, in characters. */
export const MAX_PKCS11_URI_CHARS = 4096;
/** The longest attribute value, in octets after decoding. */
const MAX_VALUE_OCTETS = 1024;

export type Pkcs11ObjectType = 'public' | 'private' | 'cert' | 'secret-key' | 'data';

export interface Pkcs11Uri {
  /** Token attributes (CK_TOKEN_INFO). */
  token?: string;
  manufacturer?: string;
  serial?: string;
  model?: string;
  /** Library attributes (CK_INFO). */
  libraryManufacturer?: string;
  libraryDescription?: string;
  libraryVersion?: { major: number; minor: number };
  /** Slot attributes (CK_SLOT_INFO, the slot id). */
  slotDescription?: string;
  slotManufacturer?: string;
  slotId?: number;
  /** Object attributes: CKA_LABEL, CKA_ID (bytes), the object class. */
  object?: string;
  id?: Uint8Array;
  type?: Pkcs11ObjectType;
  /** Query attributes. */
  pinSource?: string;
  pinValue?: string;
  moduleName?: string;
  modulePath?: string;
}

type TextKey = Exclude<keyof Pkcs11Uri, 'id' | 'type' | 'slotId' | 'libraryVersion'>;

const PATH_TEXT: Readonly<Record<string, TextKey>> = {
  token: 'token',
  manufacturer: 'manufacturer',
  serial: 'serial',
  model: 'model',
  'library-manufacturer': 'libraryManufacturer',
  'library-description': 'libraryDescription',
  'slot-description': 'slotDescription',
  'slot-manufacturer': 'slotManufacturer',
  object: 'object',
};
const QUERY_TEXT: Readonly<Record<string, TextKey>> = {
  'pin-source': 'pinSource',
  'pin-value': 'pinValue',
  'module-name': 'moduleName',
  'module-path': 'modulePath',
};
const TYPES: readonly Pkcs11ObjectType[] = ['public', 'private', 'cert', 'secret-key', 'data'];

// RFC 7512 §2.3: pk11-pchar (path) and pk11-qchar (query), besides percent-encoded octets.
// The path may hold '&' unencoded; the query may hold '/', '?' and '|'. ';' and '&' separate.
const PCHAR = /^[A-Za-z0-9\-._~:[\]@!$'()*+,=&]$/;
const QCHAR = /^[A-Za-z0-9\-._~:[\]@!$'()*+,=/?|]$/;

/** Whether a key reference names a PKCS#11 key (`pkcs11:` in any case, RFC 3986 §3.1) rather than a file. */
export function isPkcs11Uri(reference: string): boolean {
  return /^pkcs11:/i.test(reference);
}

/** Parses a PKCS#11 URI; throws InputError('pkcs11-uri-malformed') naming `what` and the problem. */
export function parsePkcs11Uri(uri: string, what: string): Pkcs11Uri {
  const bad = (problem: string): never => {
    throw new InputError('pkcs11-uri-malformed', `${what}: expected a PKCS#11 URI (RFC 7512), ${problem}`);
  };
  if (uri.length > MAX_PKCS11_URI_CHARS)
    bad(`found ${uri.length} characters, over the limit of ${MAX_PKCS11_URI_CHARS}`);
  if (!isPkcs11Uri(uri)) bad('found no pkcs11: scheme');
  const rest = uri.slice('pkcs11:'.length);
  const q = rest.indexOf('?');
  const path = q === -1 ? rest : rest.slice(0, q);
  const query = q === -1 ? undefined : rest.slice(q + 1);
  if (/#/.test(rest)) bad('found a fragment (#), which PKCS#11 URIs do not have');

  const out: Pkcs11Uri = {};
  const seen = new Set<string>();
  const attributes = (part: string, separator: string, chars: RegExp, where: 'path' | 'query') => {
    if (part === '') return [];
    return part.split(separator).map((attr) => {
      const eq = attr.indexOf('=');
      if (eq <= 0) bad(`found ${JSON.stringify(clip(attr))} in the ${where}, not name=value`);
      const name = attr.slice(0, eq);
      const raw = attr.slice(eq + 1);
      if (seen.has(name)) bad(`found ${name} twice (each attribute at most once)`);
      seen.add(name);
      return { name, value: decode(raw, chars, name, bad) };
    });
  };

  for (const { name, value } of attributes(path, ';', PCHAR, 'path')) {
    const key = PATH_TEXT[name];
    if (key !== undefined) {
      out[key] = text(value, name, bad);
    } else if (name === 'id') {
      out.id = value;
    } else if (name === 'type') {
      const t = text(value, name, bad);
      const type = TYPES.find((x) => x === t);
      if (type === undefined) bad(`found type=${JSON.stringify(clip(t))}, expected one of ${TYPES.join(', ')}`);
      else out.type = type;
    } else if (name === 'slot-id') {
      const t = text(value, name, bad);
      if (!/^\d{1,15}$/.test(t)) bad(`found slot-id=${JSON.stringify(clip(t))}, expected a decimal number`);
      out.slotId = Number(t);
    } else if (name === 'library-version') {
      const m = /^(\d{1,3})(?:\.(\d{1,3}))?$/.exec(text(value, name, bad));
      if (!m) bad(`found library-version=${JSON.stringify(clip(text(value, name, bad)))}, expected M or M.N`);
      else out.libraryVersion = { major: Number(m[1]), minor: Number(m[2] ?? '0') };
    } else {
      bad(
        `found the path attribute ${JSON.stringify(clip(name))}, which this tool does not know (refused rather than ignored)`,
      );
    }
  }
  if (query !== undefined) {
    for (const { name, value } of attributes(query, '&', QCHAR, 'query')) {
      const key = QUERY_TEXT[name];
      if (key === undefined)
        bad(
          `found the query attribute ${JSON.stringify(clip(name))}, which this tool does not know (refused rather than ignored)`,
        );
      else out[key] = text(value, name, bad);
    }
  }
  // RFC 7512 §2.3: the two ways of giving the PIN exclude each other.
  if (out.pinSource !== undefined && out.pinValue !== undefined) bad('found both pin-source and pin-value (give one)');
  return out;
}

/** Percent-decodes a value, refusing characters outside the component's set. */
function decode(raw: string, chars: RegExp, name: string, bad: (problem: string) => never): Uint8Array {
  const secret = /^pin-value$/i.test(name);
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c === '%') {
      const hex = raw.slice(i + 1, i + 3);
      // Never echo a part of the PIN (a message may end up in a log).
      if (!/^[0-9A-Fa-f]{2}$/.test(hex))
        bad(`found a bad percent-encoding in ${name}${secret ? '' : ` (%${clip(hex)})`}`);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (chars.test(c)) {
      bytes.push(c.charCodeAt(0));
    } else {
      bad(
        `found ${secret ? 'a character' : `the character ${JSON.stringify(c)}`} in ${name}, which must be percent-encoded`,
      );
    }
    if (bytes.length > MAX_VALUE_OCTETS) bad(`found ${name} over the limit of ${MAX_VALUE_OCTETS} octets`);
  }
  return Uint8Array.from(bytes);
}

function text(value: Uint8Array, name: string, bad: (problem: string) => never): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(value);
  } catch {
    return bad(`found ${name} that is not UTF-8 text`);
  }
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

/**
 * The URI without its PIN: what messages and logs may show. A pin-value is replaced wherever it
 * stands, in the query or (misplaced) in the path, in any letter case or with its name
 * percent-encoded, since the refusal of such a URI names the URI: a path value ends at ';' (it
 * may hold '&'), a query value at '&'; path values cannot hold '?', so the first one splits them.
 */
export function redactPkcs11Uri(uri: string): string {
  const q = uri.indexOf('?');
  const path = q === -1 ? uri : uri.slice(0, q);
  const query = q === -1 ? undefined : uri.slice(q);
  const redactedPath = path.replace(/([:;]pin(?:-|%2d)value=)[^;#]*/gi, '$1***');
  return query === undefined ? redactedPath : redactedPath + query.replace(/([?&]pin(?:-|%2d)value=)[^&#]*/gi, '$1***');
}
