import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  openSession
} from "./shared-d41fce29.mjs";
import {
  CKM,
  SESSION_LOST,
  ckrOf,
  describePkcs11Error,
  findKeyPair
} from "./shared-e7549aa0.mjs";
import {
  keyIdOf
} from "./shared-5310986a.mjs";
import {
  verifyEd25519Strict
} from "./shared-2b0dfa9f.mjs";
import "./shared-f3698323.mjs";
import {
  equalBytes
} from "./shared-84c2b3d1.mjs";
import {
  InputError
} from "./shared-c0077619.mjs";
import "./shared-2bfe6f66.mjs";

// src/lib/basics/pkcs11/signer.ts
var SELF_TEST = new TextEncoder().encode("countersign: PKCS#11 key check\n");
async function openPkcs11Signer(location) {
  const { what } = location;
  const first = await connect(location);
  const rawPublicKey = first.rawPublicKey;
  const keyId = keyIdOf(rawPublicKey);
  let current = first.current;
  let queue = Promise.resolve();
  const reopen = async () => {
    current?.open.close();
    current = void 0;
    const again = await connect(location);
    if (!equalBytes(again.rawPublicKey, rawPublicKey)) {
      again.current.open.close();
      throw new InputError(
        "pkcs11-key-mismatch",
        `${what}: after reopening the session the token holds another key (${keyIdOf(again.rawPublicKey)}, expected ${keyId}); refusing to sign`
      );
    }
    current = again.current;
    return current;
  };
  const signNow = async (message) => {
    let signature;
    try {
      if (current === void 0) throw new Error("no session (lost at an earlier signature)");
      signature = await signWith(current, message);
    } catch (err) {
      const ckr = ckrOf(err);
      if (current !== void 0 && (ckr === void 0 || !SESSION_LOST.has(ckr))) throw tokenError(what, err);
      try {
        signature = await signWith(await reopen(), message);
      } catch (again) {
        if (again instanceof InputError && again.code === "pkcs11-key-mismatch") throw again;
        throw tokenError(what, again, err);
      }
    }
    if (!verifyEd25519Strict(signature, message, rawPublicKey))
      throw new InputError(
        "pkcs11-key-mismatch",
        `${what}: the token's signature does not verify with its public key ${keyId} (the private key is not that key's pair); refusing it`
      );
    return signature;
  };
  const signer = {
    keyId,
    rawPublicKey,
    sign: (message) => {
      const copy = Uint8Array.from(message);
      const result = queue.then(() => signNow(copy));
      queue = result.catch(() => void 0);
      return result;
    },
    close: () => {
      current?.open.close();
      current = void 0;
    }
  };
  try {
    await signer.sign(SELF_TEST);
  } catch (err) {
    signer.close();
    throw err;
  }
  return signer;
}
async function connect(location) {
  const open = await openSession(location);
  try {
    const pair = findKeyPair(open.lib, open.session, location.uri, location.what);
    return { current: { open, privateKey: pair.privateKey }, rawPublicKey: pair.rawPublicKey };
  } catch (err) {
    open.close();
    if (err instanceof InputError) throw err;
    throw new InputError(
      "pkcs11-token-error",
      `${location.what}: could not read the key from the token (${describePkcs11Error(err)})`
    );
  }
}
async function signWith(current, message) {
  const { lib, session } = current.open;
  lib.C_SignInit(session, { mechanism: CKM.EDDSA }, current.privateKey);
  const out = await lib.C_SignAsync(session, Buffer.from(message), Buffer.alloc(64));
  return new Uint8Array(out);
}
function tokenError(what, err, first) {
  return new InputError(
    "pkcs11-token-error",
    first === void 0 ? `${what}: the token failed to sign (${describePkcs11Error(err)})` : `${what}: the token failed to sign (${describePkcs11Error(first)}) and again after reopening the session (${err instanceof InputError ? err.message.replace(`${what}: `, "") : describePkcs11Error(err)}); is the token still there?`
  );
}
export {
  openPkcs11Signer
};
