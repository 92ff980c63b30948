// The countersigner keys of a policy and the threshold (DESIGN §3 step 4, §4): each key is
// pinned by its SPKI PEM and its key id, and the two must agree, so a policy can never say
// one key's id while holding another key (key confusion). The threshold counts distinct
// organisations, never keys: two keys of one organisation are still one organisation.
import type { CountersignerKey } from './types.ts';
import { MAX_COUNTERSIGNERS } from './types.ts';
import { childPath } from './json-lines.ts';
import { keyIdOf, parsePublicKeyPem } from '../countersign/keys.ts';
import { isValidKeyName } from '../log/note.ts';
import type { CountersignerLog } from './types.ts';

const KEY_WHAT = 'publicKey';
import type { PolicyReader } from './reader.ts';

/** Key names are used on command lines (`NAME=FILE`) and in reports: plain ASCII. */
export const COUNTERSIGNER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const KEY_ID = /^sha256:[0-9a-f]{64}$/;

export function readCountersigners(r: PolicyReader, value: unknown, path: string): CountersignerKey[] {
  const items = r.nonEmptyArray(value, path, MAX_COUNTERSIGNERS);
  const keys: CountersignerKey[] = [];
  const names = new Map<string, number>();
  const keyIds = new Map<string, number>();
  const organisations = new Map<string, string>();
  items.forEach((item, i) => {
    const at = childPath(path, i);
    const key = readCountersigner(r, item, at);
    const sameName = names.get(key.name);
    if (sameName !== undefined) r.fail('policy-duplicate-entry', childPath(at, 'name'), `expected a unique name, found ${JSON.stringify(key.name)} again (first at ${childPath(path, sameName)})`);
    names.set(key.name, i);
    const sameKey = keyIds.get(key.keyId);
    if (sameKey !== undefined) r.fail('policy-duplicate-entry', childPath(at, 'publicKey'), `expected each key once, found the key ${key.keyId} again (first at ${childPath(path, sameKey)})`);
    keyIds.set(key.keyId, i);
    // Names that differ only in case or Unicode form would count as two organisations for
    // the threshold while meaning one; refuse them rather than guess.
    const folded = key.organisation.normalize('NFKC').toLowerCase();
    const spelled = organisations.get(folded);
    if (spelled !== undefined && spelled !== key.organisation) {
      r.fail('policy-ambiguous', childPath(at, 'organisation'), `expected one spelling per organisation, found ${JSON.stringify(key.organisation)} and ${JSON.stringify(spelled)}`);
    }
    organisations.set(folded, key.organisation);
    keys.push(key);
  });
  return keys;
}

function readCountersigner(r: PolicyReader, value: unknown, path: string): CountersignerKey {
  const obj = r.object(value, path, ['name', 'organisation', 'keyId', 'publicKey'], ['validFrom', 'validUntil', 'log']);
  const namePath = childPath(path, 'name');
  const name = r.string(obj.name, namePath, 64);
  if (!COUNTERSIGNER_NAME.test(name)) r.fail('policy-malformed', namePath, `expected letters, digits, '.', '_' or '-' (at most 64), found ${JSON.stringify(name)}`);
  const orgPath = childPath(path, 'organisation');
  const organisation = r.string(obj.organisation, orgPath, 200);
  if (organisation.trim() !== organisation) r.fail('policy-malformed', orgPath, `expected no leading or trailing spaces, found ${JSON.stringify(organisation)}`);

  const pemPath = childPath(path, 'publicKey');
  if (typeof obj.publicKey !== 'string') r.string(obj.publicKey, pemPath); // fails with the type found
  let rawPublicKey: Uint8Array;
  try {
    rawPublicKey = parsePublicKeyPem(obj.publicKey as string, KEY_WHAT);
  } catch (err) {
    // The key parser prefixes its message with KEY_WHAT; the policy path replaces it.
    r.fail('policy-bad-key', pemPath, err instanceof Error ? err.message.replace(`${KEY_WHAT}: `, '') : String(err));
  }
  const expectedKeyId = keyIdOf(rawPublicKey);
  const idPath = childPath(path, 'keyId');
  const keyId = r.string(obj.keyId, idPath, 71);
  if (!KEY_ID.test(keyId)) r.fail('policy-malformed', idPath, `expected sha256: and 64 lowercase hex digits, found ${JSON.stringify(keyId)}`);
  if (keyId !== expectedKeyId) r.fail('policy-key-mismatch', idPath, `expected sha256 of the public key (${expectedKeyId}), found ${keyId}`);

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
    r.fail('policy-validity-window', childPath(path, 'validUntil'), `expected a time after validFrom (${obj.validFrom as string}), found ${obj.validUntil as string}`);
  }
  if (Object.hasOwn(obj, 'log')) key.log = readLog(r, obj.log, childPath(path, 'log'));
  return key;
}

/** The log requirement: the log's origin (C2SP checkpoint origin / note key name) and its Ed25519 key. */
function readLog(r: PolicyReader, value: unknown, path: string): CountersignerLog {
  const obj = r.object(value, path, ['origin', 'publicKey']);
  const originPath = childPath(path, 'origin');
  const origin = r.string(obj.origin, originPath, 256);
  if (!isValidKeyName(origin)) r.fail('policy-malformed', originPath, `expected a log origin without spaces or '+' (e.g. countersign.example.org/b-release), found ${JSON.stringify(origin)}`);
  const pemPath = childPath(path, 'publicKey');
  if (typeof obj.publicKey !== 'string') r.string(obj.publicKey, pemPath);
  let rawPublicKey: Uint8Array;
  try {
    rawPublicKey = parsePublicKeyPem(obj.publicKey as string, KEY_WHAT);
  } catch (err) {
    r.fail('policy-bad-key', pemPath, err instanceof Error ? err.message.replace(`${KEY_WHAT}: `, '') : String(err));
  }
  return { origin, publicKey: obj.publicKey as string, rawPublicKey };
}

/** The threshold: an integer from 1 to the number of distinct organisations. */
export function readThreshold(r: PolicyReader, value: unknown, path: string, keys: readonly CountersignerKey[]): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    r.fail('policy-threshold', path, `expected an integer of at least 1, found ${typeof value === 'number' ? value : typeof value}`);
  }
  const organisations = new Set(keys.map((k) => k.organisation));
  if (value > organisations.size) {
    r.fail('policy-threshold', path, `expected at most ${organisations.size} (the threshold counts distinct organisations: ${[...organisations].join(', ')}), found ${value}`);
  }
  return value;
}
