// Parses and checks a policy file (normative text: spec/POLICY.md). Fail closed: anything
// not in format v1 (unknown fields, another media type, duplicate JSON keys, a key id that
// is not its key's, a threshold no set of organisations can meet) is a PolicyError naming
// the file, the line and the JSON path.
import { KINDS, POLICY_MEDIA_TYPE, type Kind } from '../core/types.ts';
import { parseStrictJson } from '../../basics/json/strict-json.ts';
import { isValidStream } from '../core/stream.ts';
import { PolicyError, StrictJsonError } from '../../basics/errors/errors.ts';
import type { PolicyCode, StrictJsonCode } from '../../basics/errors/codes.ts';
import { childPath, jsonLines, lineAt } from '../../basics/json/lines.ts';
import { Shape, describe, isSafeInteger } from '../../basics/json/shape.ts';
import { readPrimary } from './identity.ts';
import { checkWitnessKeysApartAcross, readCountersigners, readThreshold } from './countersigners.ts';
import { readFallback } from './fallback.ts';
import {
  MAX_POLICY_BYTES,
  MAX_POLICY_STRING_BYTES,
  MAX_STREAMS,
  POLICY_DEFAULT_LIMITS,
  POLICY_LIMIT_RANGES,
  type Policy,
  type PolicyLimits,
} from './types.ts';

const FIELDS = [
  'mediaType',
  'version',
  'primary',
  'trustedRoot',
  'countersigners',
  'threshold',
  'kinds',
  'streams',
] as const;
const STRICT_JSON_CODES: Readonly<Partial<Record<StrictJsonCode, PolicyCode>>> = {
  'too-large': 'policy-too-large',
  'duplicate-key': 'policy-duplicate-json-key',
};

/** Parses policy bytes or text; `what` names the input in errors (usually its path). */
export function parsePolicy(input: Uint8Array | string, what: string): Policy {
  const text = decode(input, what);
  let json: unknown;
  try {
    json = parseStrictJson(text, what, {
      maxBytes: MAX_POLICY_BYTES,
      maxDepth: 32,
      integersOnly: true,
      maxStringBytes: MAX_POLICY_STRING_BYTES,
    });
  } catch (err) {
    // Stryker disable next-line ConditionalExpression: equivalent, parseStrictJson throws only StrictJsonError (its scan validates the text before JSON.parse); a guard
    if (!(err instanceof StrictJsonError)) throw err;
    // "what: message at offset N" -> "what:LINE: message (offset N)".
    const m = / at offset (\d+)$/.exec(err.message);
    const line = m ? `:${lineAt(text, Number(m[1]))}` : '';
    const message = err.message.slice(what.length + 2).replace(/ at offset (\d+)$/, ' (offset $1)');
    throw new PolicyError(STRICT_JSON_CODES[err.code] ?? 'policy-malformed', `${what}${line}: ${message}`);
  }
  // Lines down to the deepest checked value, fallback.countersigners[0].log.witnesses.keys[0] (7 levels):
  // an error must name the line of the value itself, not of an enclosing object. Found only
  // for an error, in one linear scan (jsonLines).
  const r = new Shape<PolicyCode>(what, 'policy-malformed', 'policy-unknown-field', {
    lines: jsonLines(text, 7),
    error: (code, message) => new PolicyError(code, message),
  });
  // The media type first: it carries the format version (v1), so a later format (with fields
  // v1 does not know) or another kind of document is reported as such, not as a field error.
  // `version` is the policy's own sequence number, not the format's.
  const mediaType = isObject(json) ? json.mediaType : undefined;
  if (mediaType !== undefined && mediaType !== POLICY_MEDIA_TYPE) {
    r.failWith(
      'policy-unsupported-version',
      'mediaType',
      `expected ${POLICY_MEDIA_TYPE}, found ${describe(mediaType)}`,
    );
  }
  const obj = r.object(json, '', FIELDS, ['limits', 'fallback']);
  const version = r.integer(obj.version, 'version', 1);
  const primary = readPrimary(r, obj.primary, 'primary');
  const trustedRoot = readTrustedRoot(r, obj.trustedRoot, 'trustedRoot');
  const countersigners = readCountersigners(r, obj.countersigners, 'countersigners');
  const threshold = readThreshold(r, obj.threshold, 'threshold', countersigners);
  const kinds = readUniqueStrings(
    r,
    obj.kinds,
    'kinds',
    KINDS.length,
    (k) => (KINDS as readonly string[]).includes(k),
    `one of ${KINDS.join(', ')}`,
  );
  const streams = readUniqueStrings(
    r,
    obj.streams,
    'streams',
    MAX_STREAMS,
    isValidStream,
    'a stream name like acme/app:stable ([A-Za-z0-9._/-]+:[A-Za-z0-9._-]+, at most 200 characters)',
  );
  const limits = readLimits(r, obj.limits, 'limits');
  // Optional (spec/POLICY.md §3.10): a policy without it is the same v1 policy as before.
  const fallback = Object.hasOwn(obj, 'fallback')
    ? readFallback(r, obj.fallback, 'fallback', countersigners, kinds as Kind[])
    : undefined;
  if (fallback)
    checkWitnessKeysApartAcross(r, [
      { keys: countersigners, path: 'countersigners' },
      { keys: fallback.countersigners, path: 'fallback.countersigners' },
    ]);

  return deepFreeze({
    mediaType: POLICY_MEDIA_TYPE,
    version,
    primary,
    trustedRoot,
    countersigners,
    threshold,
    kinds: kinds as Kind[],
    streams,
    limits,
    ...(fallback ? { fallback } : {}),
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decode(input: Uint8Array | string, what: string): string {
  if (typeof input === 'string') return input;
  if (input.byteLength > MAX_POLICY_BYTES)
    throw new PolicyError(
      'policy-too-large',
      `${what}: ${input.byteLength} bytes is over the limit of ${MAX_POLICY_BYTES} bytes`,
    );
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
  } catch {
    throw new PolicyError('policy-malformed', `${what}: not valid UTF-8`);
  }
}

/**
 * The trusted root is embedded verbatim and validated by the Sigstore loader where it is used;
 * here only: an object that says it is a Sigstore trusted root (catches pasting a bundle).
 */
function readTrustedRoot(r: Shape<PolicyCode>, value: unknown, path: string): Record<string, unknown> {
  if (!isObject(value))
    r.failWith('policy-malformed', path, `expected a Sigstore trusted root object, found ${describe(value)}`);
  const root = value;
  const mediaType = root.mediaType;
  if (typeof mediaType !== 'string' || !mediaType.startsWith('application/vnd.dev.sigstore.trustedroot')) {
    r.failWith(
      'policy-malformed',
      childPath(path, 'mediaType'),
      `expected a Sigstore trusted root media type (application/vnd.dev.sigstore.trustedroot...), found ${describe(mediaType)}`,
    );
  }
  return root;
}

function readUniqueStrings(
  r: Shape<PolicyCode>,
  value: unknown,
  path: string,
  maxItems: number,
  valid: (s: string) => boolean,
  expected: string,
): string[] {
  const items = r.nonEmptyArray(value, path, maxItems);
  const seen = new Set<string>();
  return items.map((item, i) => {
    const at = childPath(path, i);
    const s = r.text(item, at, 200);
    if (!valid(s))
      r.failWith(
        path === 'kinds' ? 'policy-unknown-kind' : 'policy-malformed',
        at,
        `expected ${expected}, found ${JSON.stringify(s)}`,
      );
    if (seen.has(s))
      r.failWith('policy-duplicate-entry', at, `expected each entry once, found ${JSON.stringify(s)} again`);
    seen.add(s);
    return s;
  });
}

function readLimits(r: Shape<PolicyCode>, value: unknown, path: string): PolicyLimits {
  if (value === undefined) return { ...POLICY_DEFAULT_LIMITS };
  const names = Object.keys(POLICY_DEFAULT_LIMITS) as (keyof PolicyLimits)[];
  const obj = r.object(value, path, [], names);
  const limits = { ...POLICY_DEFAULT_LIMITS };
  for (const name of names) {
    if (!Object.hasOwn(obj, name)) continue;
    const [min, max] = POLICY_LIMIT_RANGES[name];
    const at = childPath(path, name);
    const n = obj[name];
    if (!isSafeInteger(n)) r.failWith('policy-malformed', at, `expected an integer, found ${describe(n)}`);
    if (n < min || n > max)
      r.failWith('policy-limit-out-of-range', at, `expected an integer from ${min} to ${max}, found ${n}`);
    limits[name] = n;
  }
  return limits;
}

/** Freezes plain objects and arrays all the way down (typed arrays and Dates cannot be). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && !(value instanceof Date)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
