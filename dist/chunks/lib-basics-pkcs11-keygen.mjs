import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  openSession
} from "./shared-d41fce29.mjs";
import {
  CKA,
  CKM,
  CKO,
  ED25519_EC_PARAMS_OID,
  describePkcs11Error,
  findKeyPair,
  findObjects,
  nameTemplate
} from "./shared-e7549aa0.mjs";
import {
  keyIdOf
} from "./shared-5310986a.mjs";
import "./shared-2b0dfa9f.mjs";
import "./shared-f3698323.mjs";
import "./shared-84c2b3d1.mjs";
import {
  InputError
} from "./shared-c0077619.mjs";
import "./shared-2bfe6f66.mjs";

// src/lib/basics/pkcs11/keygen.ts
import { randomBytes } from "node:crypto";
async function generatePkcs11Key(location) {
  const { what, uri } = location;
  const name = nameTemplate(uri, what);
  const open = await openSession({ ...location, readWrite: true });
  try {
    const { lib, session } = open;
    for (const objectClass of [CKO.PRIVATE_KEY, CKO.PUBLIC_KEY]) {
      if (findObjects(lib, session, objectClass, name).length > 0)
        throw new InputError(
          "pkcs11-object-exists",
          `${what}: the token already has a key with this name; refusing to make a second one (choose another object=/id=)`
        );
    }
    const id = uri.id !== void 0 ? Buffer.from(uri.id) : randomBytes(16);
    const common = [
      ...uri.object !== void 0 ? [{ type: CKA.LABEL, value: uri.object }] : [],
      { type: CKA.ID, value: id },
      { type: CKA.TOKEN, value: true }
    ];
    try {
      lib.C_GenerateKeyPair(
        session,
        { mechanism: CKM.EC_EDWARDS_KEY_PAIR_GEN },
        [
          ...common,
          { type: CKA.EC_PARAMS, value: Buffer.from(ED25519_EC_PARAMS_OID) },
          { type: CKA.VERIFY, value: true }
        ],
        [
          ...common,
          { type: CKA.PRIVATE, value: true },
          { type: CKA.SENSITIVE, value: true },
          { type: CKA.EXTRACTABLE, value: false },
          { type: CKA.SIGN, value: true }
        ]
      );
    } catch (err) {
      throw new InputError(
        "pkcs11-token-error",
        `${what}: the token could not generate an Ed25519 key pair (${describePkcs11Error(err)}); does it support CKM_EC_EDWARDS_KEY_PAIR_GEN?`
      );
    }
    const { rawPublicKey } = findKeyPair(lib, session, { ...uri, id: new Uint8Array(id) }, what);
    return { rawPublicKey, keyId: keyIdOf(rawPublicKey) };
  } finally {
    open.close();
  }
}
export {
  generatePkcs11Key
};
