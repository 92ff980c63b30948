// The countersigner keys of a policy and the threshold (docs/design.md §4 step 4, §5): each key is
// pinned by its SPKI PEM and its key id, and the two must agree, so a policy can never say
// one key's id while holding another key (key confusion). The threshold counts distinct
// organisations, never keys: two keys of one organisation are still one organisation.
import type { CountersignerKey } from './types.ts';
import { MAX_COUNTERSIGNERS } from './types.ts';
import { childPath } from '../../basics/json/lines.ts';
import { keyIdOf, parsePublicKeyPem } from '../../basics/crypto/ed25519-keys.ts';
import { isValidKeyName } from '../log/note-format.ts';
import type { CountersignerLog } from './types.ts';
import { KEY_ID, describe, isSafeInteger, type Shape } from '../../basics/json/shape.ts';
import type { PolicyCode } from '../../basics/errors/codes.ts';
import { quote } from './diff-text.ts';
import { readWitnesses } from './witnesses.ts';
import { equalBytes } from '../../basics/crypto/bytes.ts';

/** The two spellings of one organisation in a `policy-ambiguous` message. */
export const AMBIGUOUS = (found: string, first: string): string =>
  `${quote(found)} and ${quote(first)} (names that differ only in letter case, spaces, punctuation or the look-alikes 0/O, 1/I/l, rn/m, vv/w, cl/d are one organisation)`;

/** Key names are used on command lines (`NAME=FILE`) and in reports: plain ASCII. */
export const COUNTERSIGNER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
// Stryker disable next-line Regex: equivalent, the keyId is read with a cap of 71 characters, the length of a match, so nothing can stand before or after one

/**
 * The one form of an organisation name (spec/POLICY.md §3.5; issue 13 F7): ASCII letters and
 * digits, words separated by single spaces, and only the punctuation . , - _ & ' ( ); at least
 * one letter or digit. No other script (a Cyrillic "О" beside a Latin "O"), no invisible or
 * bidirectional character, no double space: two names that look alike are spelled alike, up to
 * the few ASCII look-alikes that `organisationFold` folds.
 */
export const ORGANISATION_NAME = /^[A-Za-z0-9.,&'()_-]+(?: [A-Za-z0-9.,&'()_-]+)*$/;

/** What is wrong with an organisation name (`policy-bad-organisation`), or undefined: the parser's and `policy init`'s one rule. */
export function organisationProblem(organisation: string): string | undefined {
  if (ORGANISATION_NAME.test(organisation) && /[A-Za-z0-9]/.test(organisation)) return undefined;
  return `expected an organisation name of ASCII letters and digits, with single spaces between words and no other characters than . , - _ & ' ( ), found ${quote(organisation)}`;
}

/**
 * The form in which two spellings of one organisation are the same (spec/POLICY.md §3.5): of a
 * name in the form above, lower case, letters and digits only (no spaces or punctuation), and
 * the ASCII look-alikes 1, i (I) and l as l, 0 as o, then rn as m, vv as w, cl as d. Two names
 * with one fold but different spellings are `policy-ambiguous`: "Org B", "org b", "OrgB",
 * "0rg-B" would otherwise count as distinct organisations for the threshold.
 */
export function organisationFold(organisation: string): string {
  return organisation
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/[1i]/g, 'l')
    .replace(/0/g, 'o')
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/cl/g, 'd');
}

export function readCountersigners(r: Shape<PolicyCode>, value: unknown, path: string): CountersignerKey[] {
  const items = r.nonEmptyArray(value, path, MAX_COUNTERSIGNERS);
  const keys: CountersignerKey[] = [];
  const names = new Map<string, number>();
  const keyIds = new Map<string, number>();
  const organisations = new Map<string, string>();
  items.forEach((item, i) => {
    const at = childPath(path, i);
    const key = readCountersigner(r, item, at);
    const sameName = names.get(key.name);
    if (sameName !== undefined)
      r.failWith(
        'policy-duplicate-entry',
        childPath(at, 'name'),
        `expected a unique name, found ${JSON.stringify(key.name)} again (first at ${childPath(path, sameName)})`,
      );
    names.set(key.name, i);
    const sameKey = keyIds.get(key.keyId);
    if (sameKey !== undefined)
      r.failWith(
        'policy-duplicate-entry',
        childPath(at, 'publicKey'),
        `expected each key once, found the key ${key.keyId} again (first at ${childPath(path, sameKey)})`,
      );
    keyIds.set(key.keyId, i);
    // Names that differ only in case, spacing, punctuation or an ASCII look-alike would count as
    // two organisations for the threshold while meaning one; refuse them rather than guess.
    const folded = organisationFold(key.organisation);
    const spelled = organisations.get(folded);
    if (spelled !== undefined && spelled !== key.organisation) {
      r.failWith(
        'policy-ambiguous',
        childPath(at, 'organisation'),
        `expected one spelling per organisation, found ${AMBIGUOUS(key.organisation, spelled)}`,
      );
    }
    organisations.set(folded, key.organisation);
    keys.push(key);
  });
  checkWitnessKeysApart(r, keys, path);
  return keys;
}

/**
 * A witness exists to be someone other than the log's operator: a witness key that is one of
 * the keys this list pins for countersigning or for a log (the log's own key, B's signing key)
 * would let the operator cosign its own checkpoints, and k "witnesses" would be its word alone.
 */
function checkWitnessKeysApart(r: Shape<PolicyCode>, keys: readonly CountersignerKey[], path: string): void {
  checkWitnessKeysApartAcross(r, [{ keys, path }]);
}

/**
 * The same rule across the policy's key lists (countersigners and the fallback set): a fallback
 * key is the operator's key as much as a countersigning one.
 */
export function checkWitnessKeysApartAcross(
  r: Shape<PolicyCode>,
  lists: readonly { keys: readonly CountersignerKey[]; path: string }[],
): void {
  const pinned: { raw: Uint8Array; at: string }[] = [];
  for (const { keys, path } of lists)
    keys.forEach((k, i) => {
      pinned.push({ raw: k.rawPublicKey, at: childPath(childPath(path, i), 'publicKey') });
      if (k.log)
        pinned.push({ raw: k.log.rawPublicKey, at: childPath(childPath(childPath(path, i), 'log'), 'publicKey') });
    });
  for (const { keys, path } of lists)
    keys.forEach((k, i) => {
      k.log?.witnesses?.witnesses.forEach((w, j) => {
        const same = pinned.find((p) => equalBytes(p.raw, w.rawPublicKey));
        if (same)
          r.failWith(
            'policy-bad-key',
            childPath(childPath(childPath(childPath(childPath(path, i), 'log'), 'witnesses'), 'keys'), j),
            `expected a witness key that is not a countersigner or log key of this policy (the log's operator would witness itself), found the key of ${same.at}`,
          );
      });
    });
}

function readCountersigner(r: Shape<PolicyCode>, value: unknown, path: string): CountersignerKey {
  const obj = r.object(value, path, ['name', 'organisation', 'keyId', 'publicKey'], ['validFrom', 'validUntil', 'log']);
  const namePath = childPath(path, 'name');
  const name = r.text(obj.name, namePath, 64);
  if (!COUNTERSIGNER_NAME.test(name))
    r.failWith(
      'policy-malformed',
      namePath,
      `expected letters, digits, '.', '_' or '-' (at most 64), found ${JSON.stringify(name)}`,
    );
  const orgPath = childPath(path, 'organisation');
  const organisation = r.text(obj.organisation, orgPath, 200);
  const problem = organisationProblem(organisation);
  if (problem !== undefined) r.failWith('policy-bad-organisation', orgPath, problem);

  const rawPublicKey = readPublicKey(r, obj.publicKey, childPath(path, 'publicKey'));
  const expectedKeyId = keyIdOf(rawPublicKey);
  const idPath = childPath(path, 'keyId');
  const keyId = r.text(obj.keyId, idPath, 71);
  if (!KEY_ID.test(keyId))
    r.failWith(
      'policy-malformed',
      idPath,
      `expected sha256: and 64 lowercase hex digits, found ${JSON.stringify(keyId)}`,
    );
  if (keyId !== expectedKeyId)
    r.failWith('policy-key-mismatch', idPath, `expected sha256 of the public key (${expectedKeyId}), found ${keyId}`);

  const key: { -readonly [K in keyof CountersignerKey]: CountersignerKey[K] } = {
    name,
    organisation,
    keyId,
    publicKey: obj.publicKey as string,
    rawPublicKey,
  };
  if (Object.hasOwn(obj, 'validFrom')) key.validFrom = r.timestamp(obj.validFrom, childPath(path, 'validFrom'));
  if (Object.hasOwn(obj, 'validUntil')) key.validUntil = r.timestamp(obj.validUntil, childPath(path, 'validUntil'));
  if (key.validFrom && key.validUntil && key.validFrom.getTime() >= key.validUntil.getTime()) {
    r.failWith(
      'policy-validity-window',
      childPath(path, 'validUntil'),
      `expected a time after validFrom (${obj.validFrom as string}), found ${obj.validUntil as string}`,
    );
  }
  if (Object.hasOwn(obj, 'log')) key.log = readLog(r, obj.log, childPath(path, 'log'));
  return key;
}

/** The log requirement: the log's origin (C2SP checkpoint origin / note key name) and its Ed25519 key. */
function readLog(r: Shape<PolicyCode>, value: unknown, path: string): CountersignerLog {
  const obj = r.object(value, path, ['origin', 'publicKey'], ['witnesses']);
  const originPath = childPath(path, 'origin');
  const origin = r.text(obj.origin, originPath, 256);
  if (!isValidKeyName(origin))
    r.failWith(
      'policy-malformed',
      originPath,
      `expected a log origin without spaces or '+' (e.g. countersign.example.org/b-release), found ${JSON.stringify(origin)}`,
    );
  const rawPublicKey = readPublicKey(r, obj.publicKey, childPath(path, 'publicKey'));
  const log = { origin, publicKey: obj.publicKey as string, rawPublicKey };
  return Object.hasOwn(obj, 'witnesses')
    ? { ...log, witnesses: readWitnesses(r, obj.witnesses, childPath(path, 'witnesses')) }
    : log;
}

/** An Ed25519 SPKI PEM (a countersigner's key or its log's key): the raw 32-byte key. */
function readPublicKey(r: Shape<PolicyCode>, value: unknown, path: string): Uint8Array {
  // Not r.string for a string: a PEM has line ends. For anything else, it fails with the type found.
  const pem = typeof value === 'string' ? value : r.text(value, path);
  try {
    return parsePublicKeyPem(pem, path);
  } catch (err) {
    // The key parser starts its message with `${path}: `, which r.fail writes itself.
    r.failWith('policy-bad-key', path, err instanceof Error ? err.message.slice(path.length + 2) : String(err));
  }
}

/** The threshold: an integer from 1 to the number of distinct organisations. */
export function readThreshold(
  r: Shape<PolicyCode>,
  value: unknown,
  path: string,
  keys: readonly CountersignerKey[],
): number {
  if (!isSafeInteger(value) || value < 1) {
    r.failWith('policy-threshold', path, `expected an integer of at least 1, found ${describe(value)}`);
  }
  const organisations = new Set(keys.map((k) => k.organisation));
  if (value > organisations.size) {
    r.failWith(
      'policy-threshold',
      path,
      `expected at most ${organisations.size} (the threshold counts distinct organisations: ${[...organisations].join(', ')}), found ${value}`,
    );
  }
  return value;
}
