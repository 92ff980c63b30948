/**
 * The fleet-key list: the input of `countersign build --kind fleet-key --keys FILE`.
 *
 * Format (strict JSON: UTF-8, no duplicate keys, at most 1 MiB): an array of 1 to 1000 objects
 * with exactly these fields:
 *
 *     [{ "id": "hsm-eu-01",
 *        "algorithm": "ecdsa-p256",
 *        "publicKey": "-----BEGIN PUBLIC KEY-----\nMFkw...\n-----END PUBLIC KEY-----\n" }]
 *
 * - `id`: 1 to 128 ASCII characters `[A-Za-z0-9._-]`, starting with a letter or digit; unique
 *   in the list.
 * - `algorithm`: one of `ecdsa-p256`, `ecdsa-p384`, `ed25519`, `rsa-2048`, `rsa-3072`,
 *   `rsa-4096`; it must match the key (curve, or RSA modulus size exactly).
 * - `publicKey`: exactly one PEM block labelled `PUBLIC KEY` (RFC 7468 §13), that is a DER
 *   SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), in canonical base64 lines, LF or CRLF line ends.
 *   The DER must be the canonical encoding of the key (re-encoding it gives the same bytes; EC
 *   points uncompressed), so one key has one digest. The same key may not appear twice.
 *
 * Each key becomes a subject `{ "name": id, "digest": { "sha256": hex(SHA-256(SPKI DER)) } }`,
 * and the statement's `predicate.data` is `{ "keys": [{ "id": id, "algorithm": algorithm }] }`;
 * both lists are sorted by id (the subject order, see compareSubjectNames).
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { InputError } from '../../basics/errors/errors.ts';
import { sha256Hex } from '../../basics/crypto/sha256.ts';
import { compareSubjectNames } from '../subjects/name.ts';
import { parseStrictJson } from '../../basics/json/strict-json.ts';
import { Shape } from '../../basics/json/shape.ts';
import { describeKey } from '../../basics/crypto/describe-key.ts';
import type { Subject } from '../core/types.ts';

export const FLEET_KEY_ALGORITHMS = [
  'ecdsa-p256',
  'ecdsa-p384',
  'ed25519',
  'rsa-2048',
  'rsa-3072',
  'rsa-4096',
] as const;
export type FleetKeyAlgorithm = (typeof FLEET_KEY_ALGORITHMS)[number];
export const FLEET_KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export const MAX_FLEET_KEYS_BYTES = 1024 * 1024;
export const MAX_FLEET_KEYS = 1000;
const MAX_PEM_CHARS = 16 * 1024;

const PEM = /^-----BEGIN PUBLIC KEY-----\r?\n((?:[A-Za-z0-9+/=]{1,76}\r?\n)+)-----END PUBLIC KEY-----(?:\r?\n)?$/;

export interface FleetKey {
  id: string;
  algorithm: FleetKeyAlgorithm;
  /** The SubjectPublicKeyInfo DER bytes. */
  spki: Uint8Array;
}

/** The statement parts of a fleet-key list: sorted subjects and `predicate.data`. */
export interface FleetKeyStatementParts {
  subjects: Subject[];
  data: { keys: { id: string; algorithm: FleetKeyAlgorithm }[] };
}

/** Strictly parses a fleet-key list (format above). `what` names the file in errors. */
export function parseFleetKeys(bytes: Uint8Array, what: string): FleetKey[] {
  const json = parseStrictJson(bytes, what, { maxBytes: MAX_FLEET_KEYS_BYTES, maxDepth: 4 });
  const s = new Shape(what, 'fleet-keys-malformed');
  const list = s.array(json, '$', MAX_FLEET_KEYS);
  if (list.length === 0) s.fail('$', 'expected at least one key, found an empty list');
  const byId = new Set<string>();
  const byDigest = new Map<string, string>();
  return list.map((value, i) => {
    const path = `$[${i}]`;
    const entry = s.object(value, path, ['id', 'algorithm', 'publicKey']);
    const id = s.string(entry.id, `${path}.id`, FLEET_KEY_ID, 128);
    const algorithm = s.string(entry.algorithm, `${path}.algorithm`, undefined, 32);
    if (!(FLEET_KEY_ALGORITHMS as readonly string[]).includes(algorithm)) {
      s.fail(
        `${path}.algorithm`,
        `expected one of ${FLEET_KEY_ALGORITHMS.join(', ')}, found ${JSON.stringify(algorithm)}`,
      );
    }
    if (byId.has(id))
      throw new InputError('fleet-keys-duplicate', `${what}: ${path}.id: duplicate key id ${JSON.stringify(id)}`);
    byId.add(id);
    const pem = s.string(entry.publicKey, `${path}.publicKey`, undefined, MAX_PEM_CHARS);
    const spki = decodeSpkiPem(s, pem, `${path}.publicKey`, id, algorithm as FleetKeyAlgorithm);
    const digest = sha256Hex(spki);
    const previous = byDigest.get(digest);
    if (previous !== undefined) {
      throw new InputError(
        'fleet-keys-duplicate',
        `${what}: ${path}.publicKey: key ${JSON.stringify(id)} is the same key as ${JSON.stringify(previous)}`,
      );
    }
    byDigest.set(digest, id);
    return { id, algorithm: algorithm as FleetKeyAlgorithm, spki };
  });
}

/** Subjects and `predicate.data` of a fleet-key statement, both sorted by id. */
export function fleetKeyStatementParts(keys: FleetKey[]): FleetKeyStatementParts {
  const sorted = [...keys].sort((a, b) => compareSubjectNames(a.id, b.id));
  return {
    subjects: sorted.map((k) => ({ name: k.id, digest: { sha256: sha256Hex(k.spki) } })),
    data: { keys: sorted.map((k) => ({ id: k.id, algorithm: k.algorithm })) },
  };
}

function decodeSpkiPem(s: Shape, pem: string, path: string, id: string, algorithm: FleetKeyAlgorithm): Uint8Array {
  const m = PEM.exec(pem);
  if (!m)
    s.fail(path, 'expected exactly one PEM block "-----BEGIN PUBLIC KEY-----" (SubjectPublicKeyInfo, RFC 7468 §13)');
  const der = s.base64((m[1] as string).replace(/\r?\n/g, ''), path, MAX_PEM_CHARS);
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
  } catch (err) {
    throw new InputError(
      'fleet-keys-bad-key',
      `${s.what}: ${path}: key ${JSON.stringify(id)} is not a valid SubjectPublicKeyInfo: ${(err as Error).message}`,
    );
  }
  // OpenSSL re-exports an EC key in the point form it was given; a round trip through JWK
  // yields the uncompressed form (SEC 1 §2.3.3), the one canonical encoding we accept.
  const canonicalKey =
    key.asymmetricKeyType === 'ec' ? createPublicKey({ key: key.export({ format: 'jwk' }), format: 'jwk' }) : key;
  const canonical = canonicalKey.export({ format: 'der', type: 'spki' });
  if (!canonical.equals(der)) {
    throw new InputError(
      'fleet-keys-bad-key',
      `${s.what}: ${path}: key ${JSON.stringify(id)} is not canonically encoded (expected the DER that re-encoding the key gives)`,
    );
  }
  const actual = algorithmOf(key);
  if (actual !== algorithm) {
    throw new InputError(
      'fleet-keys-bad-key',
      `${s.what}: ${path}: key ${JSON.stringify(id)}: algorithm says ${algorithm}, the key is ${actual ?? describeKey(key)}`,
    );
  }
  return der;
}

function algorithmOf(key: KeyObject): FleetKeyAlgorithm | undefined {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'ed25519':
      return 'ed25519';
    case 'ec':
      return details.namedCurve === 'prime256v1'
        ? 'ecdsa-p256'
        : details.namedCurve === 'secp384r1'
          ? 'ecdsa-p384'
          : undefined;
    case 'rsa': {
      const name = `rsa-${details.modulusLength}`;
      return (FLEET_KEY_ALGORITHMS as readonly string[]).includes(name) ? (name as FleetKeyAlgorithm) : undefined;
    }
    default:
      return undefined;
  }
}
