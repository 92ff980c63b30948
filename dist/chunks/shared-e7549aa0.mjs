// Shared by: cli-countersign, cli-keygen, cli-serve, lib-basics-pkcs11-keygen, lib-basics-pkcs11-signer (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  isPrimeOrderPoint
} from "./shared-2b0dfa9f.mjs";
import {
  equalBytes
} from "./shared-84c2b3d1.mjs";
import {
  InputError
} from "./shared-c0077619.mjs";

// src/lib/basics/pkcs11/constants.ts
var CKA = {
  CLASS: 0,
  TOKEN: 1,
  PRIVATE: 2,
  LABEL: 3,
  KEY_TYPE: 256,
  ID: 258,
  SENSITIVE: 259,
  SIGN: 264,
  VERIFY: 266,
  EXTRACTABLE: 354,
  EC_PARAMS: 384,
  EC_POINT: 385
};
var CKO = { PUBLIC_KEY: 2, PRIVATE_KEY: 3 };
var CKK = { EC: 3, EC_EDWARDS: 64 };
var CKM = { EC_EDWARDS_KEY_PAIR_GEN: 4181, EDDSA: 4183 };
var CKF = { RW_SESSION: 2, SERIAL_SESSION: 4 };
var CKU_USER = 1;
var CKR = {
  GENERAL_ERROR: 5,
  ARGUMENTS_BAD: 7,
  DEVICE_ERROR: 48,
  DEVICE_MEMORY: 49,
  DEVICE_REMOVED: 50,
  KEY_HANDLE_INVALID: 96,
  KEY_TYPE_INCONSISTENT: 99,
  MECHANISM_INVALID: 112,
  OBJECT_HANDLE_INVALID: 130,
  PIN_INCORRECT: 160,
  PIN_INVALID: 161,
  PIN_LEN_RANGE: 162,
  PIN_EXPIRED: 163,
  PIN_LOCKED: 164,
  SESSION_CLOSED: 176,
  SESSION_HANDLE_INVALID: 179,
  TOKEN_NOT_PRESENT: 224,
  TOKEN_NOT_RECOGNIZED: 225,
  USER_ALREADY_LOGGED_IN: 256,
  USER_NOT_LOGGED_IN: 257,
  USER_PIN_NOT_INITIALIZED: 258,
  CRYPTOKI_NOT_INITIALIZED: 400,
  CRYPTOKI_ALREADY_INITIALIZED: 401
};
var SESSION_LOST = /* @__PURE__ */ new Set([
  CKR.DEVICE_ERROR,
  CKR.DEVICE_REMOVED,
  CKR.SESSION_CLOSED,
  CKR.SESSION_HANDLE_INVALID,
  CKR.TOKEN_NOT_PRESENT,
  CKR.TOKEN_NOT_RECOGNIZED,
  CKR.USER_NOT_LOGGED_IN,
  CKR.KEY_HANDLE_INVALID,
  CKR.OBJECT_HANDLE_INVALID
]);
var PIN_FAILURES = /* @__PURE__ */ new Set([
  CKR.PIN_INCORRECT,
  CKR.PIN_INVALID,
  CKR.PIN_LEN_RANGE,
  CKR.PIN_EXPIRED,
  CKR.PIN_LOCKED,
  CKR.USER_PIN_NOT_INITIALIZED
]);
var NAMES = new Map(Object.entries(CKR).map(([name, value]) => [value, `CKR_${name}`]));
function ckrName(ckr) {
  return NAMES.get(ckr) ?? "CKR_?";
}
var ED25519_EC_PARAMS_OID = Uint8Array.from([6, 3, 43, 101, 112]);
var ED25519_EC_PARAMS_NAME = Uint8Array.from([19, 12, ...new TextEncoder().encode("edwards25519")]);

// src/lib/basics/pkcs11/binding.ts
import { isAbsolute } from "node:path";
var binding;
var modules = /* @__PURE__ */ new Map();
function loadBinding() {
  binding ??= import("pkcs11js").then(
    (m) => {
      const b = m.default ?? m;
      if (typeof b.PKCS11 !== "function") throw new Error("pkcs11js has no PKCS11 class");
      return b;
    },
    (err) => {
      binding = void 0;
      const notFound = err?.code === "ERR_MODULE_NOT_FOUND";
      throw new InputError(
        "pkcs11-unavailable",
        notFound ? "PKCS#11 keys need the optional dependency pkcs11js, which is not installed: install the optional dependency pkcs11js ('npm install pkcs11js' beside countersign; it builds a native addon) or use a key file" : `PKCS#11 keys need the optional dependency pkcs11js, which did not load (${oneLine(err)}): reinstall it for this Node version`
      );
    }
  );
  return binding;
}
function loadModule(path, what) {
  if (!isAbsolute(path))
    throw new InputError(
      "pkcs11-module",
      `${what}: expected an absolute module-path (a relative one would load a library from the working directory), found ${JSON.stringify(path)}`
    );
  let loaded = modules.get(path);
  if (loaded === void 0) {
    loaded = loadBinding().then((b) => {
      const lib = new b.PKCS11();
      try {
        lib.load(path);
      } catch (err) {
        throw new InputError("pkcs11-module", `${what}: could not load the PKCS#11 module ${path} (${oneLine(err)})`);
      }
      try {
        lib.C_Initialize();
      } catch (err) {
        if (ckrOf(err) !== CKR.CRYPTOKI_ALREADY_INITIALIZED)
          throw new InputError(
            "pkcs11-module",
            `${what}: the PKCS#11 module ${path} did not initialise (${describePkcs11Error(err)})`
          );
      }
      return lib;
    });
    modules.set(path, loaded);
    loaded.catch(() => modules.delete(path));
  }
  return loaded;
}
function ckrOf(err) {
  if (typeof err !== "object" || err === null) return void 0;
  const message = err.message;
  const m = typeof message === "string" ? /CKR_[A-Z_]+:(\d+)/.exec(message) : null;
  if (m) return Number(m[1]);
  const code = err.code;
  return typeof code === "number" && code > 0 ? code : void 0;
}
function describePkcs11Error(err) {
  const ckr = ckrOf(err);
  return ckr === void 0 ? oneLine(err) : `${ckrName(ckr)} (0x${ckr.toString(16)})`;
}
function oneLine(err) {
  const text = err instanceof Error ? err.message : String(err);
  return text.split("\n")[0]?.slice(0, 300) ?? "";
}

// src/lib/basics/pkcs11/objects.ts
var MAX_FOUND = 16;
function nameTemplate(uri, what) {
  if (uri.type !== void 0 && uri.type !== "private" && uri.type !== "public")
    throw new InputError(
      "pkcs11-uri-malformed",
      `${what}: expected a URI naming a key pair (type=private or no type), found type=${uri.type}`
    );
  if (uri.object === void 0 && uri.id === void 0)
    throw new InputError(
      "pkcs11-uri-malformed",
      `${what}: expected object= (the key's label) or id= to name the key, found neither`
    );
  return [
    ...uri.object !== void 0 ? [{ type: CKA.LABEL, value: uri.object }] : [],
    ...uri.id !== void 0 ? [{ type: CKA.ID, value: Buffer.from(uri.id) }] : []
  ];
}
function findObjects(lib, session, objectClass, name) {
  lib.C_FindObjectsInit(session, [{ type: CKA.CLASS, value: objectClass }, ...name]);
  try {
    return lib.C_FindObjects(session, MAX_FOUND);
  } finally {
    lib.C_FindObjectsFinal(session);
  }
}
function findKeyPair(lib, session, uri, what) {
  const name = nameTemplate(uri, what);
  const privateKey = one(findObjects(lib, session, CKO.PRIVATE_KEY, name), "private key", what);
  const publicKey = one(findObjects(lib, session, CKO.PUBLIC_KEY, name), "public key", what);
  checkKeyType(lib, session, privateKey, "private key", what);
  checkKeyType(lib, session, publicKey, "public key", what);
  return { privateKey, rawPublicKey: readPublicKey(lib, session, publicKey, what) };
}
function one(found, kind, what) {
  const [first, second] = found;
  if (first === void 0)
    throw new InputError(
      "pkcs11-object-missing",
      `${what}: the token has no ${kind} object with this name (object=/id=); create the pair with 'countersign keygen --key ${what}'`
    );
  if (second !== void 0)
    throw new InputError(
      "pkcs11-object-ambiguous",
      `${what}: the token has ${found.length >= MAX_FOUND ? "many" : found.length} ${kind} objects with this name: add id= (or a unique object=) to name one`
    );
  return first;
}
function checkKeyType(lib, session, handle, kind, what) {
  const [keyType, params] = lib.C_GetAttributeValue(session, handle, [{ type: CKA.KEY_TYPE }, { type: CKA.EC_PARAMS }]);
  const type = keyType?.value.length ? readUlong(keyType.value) : void 0;
  const ed25519 = type === CKK.EC_EDWARDS && params !== void 0 && (equalBytes(params.value, ED25519_EC_PARAMS_OID) || equalBytes(params.value, ED25519_EC_PARAMS_NAME));
  if (!ed25519)
    throw new InputError(
      "pkcs11-key-type",
      `${what}: expected an Ed25519 ${kind} (CKK_EC_EDWARDS on edwards25519), found ${describeType(type, params?.value)}`
    );
}
function readPublicKey(lib, session, handle, what) {
  let value;
  try {
    value = lib.C_GetAttributeValue(session, handle, [{ type: CKA.EC_POINT }])[0]?.value;
  } catch (err) {
    throw new InputError("pkcs11-token-error", `${what}: could not read the public key (${describePkcs11Error(err)})`);
  }
  const raw = value?.length === 34 && value[0] === 4 && value[1] === 32 ? value.subarray(2) : value?.length === 32 ? value : void 0;
  if (raw === void 0 || !isPrimeOrderPoint(new Uint8Array(raw)))
    throw new InputError(
      "pkcs11-key-type",
      `${what}: expected the token's public key to be a valid 32-byte Ed25519 point, found ${value === void 0 ? "none" : `${value.length} bytes that are not one`}`
    );
  return new Uint8Array(raw);
}
function describeType(type, params) {
  if (type === CKK.EC) return "an EC (ECDSA) key such as P-256: CKM_EDDSA signs with Ed25519 keys only";
  if (type === CKK.EC_EDWARDS)
    return `an EdDSA key on another curve (CKA_EC_PARAMS ${params?.toString("hex") ?? "none"}), e.g. Ed448`;
  return type === void 0 ? "a key without a key type" : `key type 0x${type.toString(16)}`;
}
function readUlong(value) {
  return value.length >= 8 ? Number(value.readBigUInt64LE(0)) : value.readUInt32LE(0);
}

export {
  CKA,
  CKO,
  CKM,
  CKF,
  CKU_USER,
  CKR,
  SESSION_LOST,
  PIN_FAILURES,
  ED25519_EC_PARAMS_OID,
  loadModule,
  ckrOf,
  describePkcs11Error,
  nameTemplate,
  findObjects,
  findKeyPair
};
