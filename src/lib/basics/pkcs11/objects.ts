// The key pair a PKCS#11 URI names (object= and/or id=): exactly one private key and one public
// key object with those attributes, an Ed25519 pair (CKK_EC_EDWARDS on the Ed25519 curve). The
// public key is read from the token (CKA_EC_POINT), never taken on trust from a file.
import type { Template } from 'pkcs11js';
import { InputError } from '../errors/errors.ts';
import { equalBytes } from '../crypto/bytes.ts';
import { isPrimeOrderPoint } from '../crypto/ed25519.ts';
import { type Pkcs11Library, describePkcs11Error } from './binding.ts';
import { CKA, CKK, CKO, ED25519_EC_PARAMS_NAME, ED25519_EC_PARAMS_OID } from './constants.ts';
import type { Pkcs11Uri } from './uri.ts';

/** At most this many objects are listed when looking for one (several is an error anyway). */
const MAX_FOUND = 16;

/** The attributes that name the key in the URI, as a search template. */
export function nameTemplate(uri: Pkcs11Uri, what: string): Template {
  if (uri.type !== undefined && uri.type !== 'private' && uri.type !== 'public')
    throw new InputError(
      'pkcs11-uri-malformed',
      `${what}: expected a URI naming a key pair (type=private or no type), found type=${uri.type}`,
    );
  if (uri.object === undefined && uri.id === undefined)
    throw new InputError(
      'pkcs11-uri-malformed',
      `${what}: expected object= (the key's label) or id= to name the key, found neither`,
    );
  return [
    ...(uri.object !== undefined ? [{ type: CKA.LABEL, value: uri.object }] : []),
    ...(uri.id !== undefined ? [{ type: CKA.ID, value: Buffer.from(uri.id) }] : []),
  ];
}

/** The handles of the objects of `objectClass` with the URI's name (at most MAX_FOUND). */
export function findObjects(lib: Pkcs11Library, session: Buffer, objectClass: number, name: Template): Buffer[] {
  lib.C_FindObjectsInit(session, [{ type: CKA.CLASS, value: objectClass }, ...name]);
  try {
    return lib.C_FindObjects(session, MAX_FOUND);
  } finally {
    lib.C_FindObjectsFinal(session);
  }
}

export interface FoundPair {
  privateKey: Buffer;
  rawPublicKey: Uint8Array;
}

/** Finds the one Ed25519 key pair the URI names and reads its public key. */
export function findKeyPair(lib: Pkcs11Library, session: Buffer, uri: Pkcs11Uri, what: string): FoundPair {
  const name = nameTemplate(uri, what);
  const privateKey = one(findObjects(lib, session, CKO.PRIVATE_KEY, name), 'private key', what);
  const publicKey = one(findObjects(lib, session, CKO.PUBLIC_KEY, name), 'public key', what);
  checkKeyType(lib, session, privateKey, 'private key', what);
  checkKeyType(lib, session, publicKey, 'public key', what);
  return { privateKey, rawPublicKey: readPublicKey(lib, session, publicKey, what) };
}

function one(found: Buffer[], kind: string, what: string): Buffer {
  const [first, second] = found;
  if (first === undefined)
    throw new InputError(
      'pkcs11-object-missing',
      `${what}: the token has no ${kind} object with this name (object=/id=); create the pair with 'countersign keygen --key ${what}'`,
    );
  if (second !== undefined)
    throw new InputError(
      'pkcs11-object-ambiguous',
      `${what}: the token has ${found.length >= MAX_FOUND ? 'many' : found.length} ${kind} objects with this name: add id= (or a unique object=) to name one`,
    );
  return first;
}

function checkKeyType(lib: Pkcs11Library, session: Buffer, handle: Buffer, kind: string, what: string): void {
  const [keyType, params] = lib.C_GetAttributeValue(session, handle, [{ type: CKA.KEY_TYPE }, { type: CKA.EC_PARAMS }]);
  const type = keyType?.value.length ? readUlong(keyType.value) : undefined;
  const ed25519 =
    type === CKK.EC_EDWARDS &&
    params !== undefined &&
    (equalBytes(params.value, ED25519_EC_PARAMS_OID) || equalBytes(params.value, ED25519_EC_PARAMS_NAME));
  if (!ed25519)
    throw new InputError(
      'pkcs11-key-type',
      `${what}: expected an Ed25519 ${kind} (CKK_EC_EDWARDS on edwards25519), found ${describeType(type, params?.value)}`,
    );
}

/** CKA_EC_POINT: a DER OCTET STRING of the 32-byte key (PKCS#11 v3.0), or the raw 32 bytes (older tokens). */
function readPublicKey(lib: Pkcs11Library, session: Buffer, handle: Buffer, what: string): Uint8Array {
  let value: Buffer | undefined;
  try {
    value = lib.C_GetAttributeValue(session, handle, [{ type: CKA.EC_POINT }])[0]?.value;
  } catch (err) {
    throw new InputError('pkcs11-token-error', `${what}: could not read the public key (${describePkcs11Error(err)})`);
  }
  const raw =
    value?.length === 34 && value[0] === 0x04 && value[1] === 0x20
      ? value.subarray(2)
      : value?.length === 32
        ? value
        : undefined;
  if (raw === undefined || !isPrimeOrderPoint(new Uint8Array(raw)))
    throw new InputError(
      'pkcs11-key-type',
      `${what}: expected the token's public key to be a valid 32-byte Ed25519 point, found ${value === undefined ? 'none' : `${value.length} bytes that are not one`}`,
    );
  return new Uint8Array(raw);
}

function describeType(type: number | undefined, params: Buffer | undefined): string {
  if (type === CKK.EC) return 'an EC (ECDSA) key such as P-256: CKM_EDDSA signs with Ed25519 keys only';
  if (type === CKK.EC_EDWARDS)
    return `an EdDSA key on another curve (CKA_EC_PARAMS ${params?.toString('hex') ?? 'none'}), e.g. Ed448`;
  return type === undefined ? 'a key without a key type' : `key type 0x${type.toString(16)}`;
}

export function readUlong(value: Buffer): number {
  return value.length >= 8 ? Number(value.readBigUInt64LE(0)) : value.readUInt32LE(0);
}
