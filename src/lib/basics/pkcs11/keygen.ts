// `countersign keygen --key PKCS11_URI`: a new Ed25519 key pair made inside the token
// (CKM_EC_EDWARDS_KEY_PAIR_GEN), its private key sensitive and not extractable, so that it
// never exists outside the token. Refuses when the token already has an object with the name
// (never a second key under one name). Returns the public key read back from the token.
import { randomBytes } from 'node:crypto';
import { keyIdOf } from '../crypto/ed25519-keys.ts';
import { InputError } from '../errors/errors.ts';
import { describePkcs11Error } from './binding.ts';
import { CKA, CKM, CKO, ED25519_EC_PARAMS_OID } from './constants.ts';
import { findKeyPair, findObjects, nameTemplate } from './objects.ts';
import { type TokenLocation, openSession } from './session.ts';

export async function generatePkcs11Key(location: TokenLocation): Promise<{ rawPublicKey: Uint8Array; keyId: string }> {
  const { what, uri } = location;
  const name = nameTemplate(uri, what);
  const open = await openSession({ ...location, readWrite: true });
  try {
    const { lib, session } = open;
    for (const objectClass of [CKO.PRIVATE_KEY, CKO.PUBLIC_KEY]) {
      if (findObjects(lib, session, objectClass, name).length > 0)
        throw new InputError(
          'pkcs11-object-exists',
          `${what}: the token already has a key with this name; refusing to make a second one (choose another object=/id=)`,
        );
    }
    // Without id= in the URI, a random CKA_ID ties the two halves together for other tools.
    const id = uri.id !== undefined ? Buffer.from(uri.id) : randomBytes(16);
    const common = [
      ...(uri.object !== undefined ? [{ type: CKA.LABEL, value: uri.object }] : []),
      { type: CKA.ID, value: id },
      { type: CKA.TOKEN, value: true },
    ];
    try {
      lib.C_GenerateKeyPair(
        session,
        { mechanism: CKM.EC_EDWARDS_KEY_PAIR_GEN },
        [
          ...common,
          { type: CKA.EC_PARAMS, value: Buffer.from(ED25519_EC_PARAMS_OID) },
          { type: CKA.VERIFY, value: true },
        ],
        [
          ...common,
          { type: CKA.PRIVATE, value: true },
          { type: CKA.SENSITIVE, value: true },
          { type: CKA.EXTRACTABLE, value: false },
          { type: CKA.SIGN, value: true },
        ],
      );
    } catch (err) {
      throw new InputError(
        'pkcs11-token-error',
        `${what}: the token could not generate an Ed25519 key pair (${describePkcs11Error(err)}); does it support CKM_EC_EDWARDS_KEY_PAIR_GEN?`,
      );
    }
    const { rawPublicKey } = findKeyPair(lib, session, { ...uri, id: new Uint8Array(id) }, what);
    return { rawPublicKey, keyId: keyIdOf(rawPublicKey) };
  } finally {
    open.close();
  }
}
