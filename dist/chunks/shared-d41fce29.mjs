// Shared by: lib-basics-pkcs11-keygen, lib-basics-pkcs11-signer (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  CKF,
  CKR,
  CKU_USER,
  PIN_FAILURES,
  ckrOf,
  describePkcs11Error,
  loadModule
} from "./shared-e7549aa0.mjs";
import {
  InputError
} from "./shared-c0077619.mjs";

// src/lib/basics/pkcs11/session.ts
async function openSession(location) {
  const { what } = location;
  const lib = await loadModule(location.modulePath, what);
  const slot = findSlot(lib, location);
  let session;
  try {
    session = lib.C_OpenSession(slot, CKF.SERIAL_SESSION | (location.readWrite ? CKF.RW_SESSION : 0));
  } catch (err) {
    throw new InputError(
      "pkcs11-token-error",
      `${what}: could not open a session on the token (${describePkcs11Error(err)})`
    );
  }
  const close = () => {
    try {
      lib.C_CloseSession(session);
    } catch {
    }
  };
  try {
    if (location.pin !== void 0) lib.C_Login(session, CKU_USER, location.pin);
    else lib.C_Login(session, CKU_USER);
  } catch (err) {
    const ckr = ckrOf(err);
    if (ckr !== CKR.USER_ALREADY_LOGGED_IN) {
      close();
      if (ckr !== void 0 && PIN_FAILURES.has(ckr))
        throw new InputError(
          "pkcs11-pin",
          `${what}: the token refused the PIN (${describePkcs11Error(err)})${ckr === CKR.PIN_INCORRECT ? ": wrong PIN; the token may lock after a few more tries" : ""}`
        );
      throw new InputError(
        "pkcs11-token-error",
        `${what}: could not log in to the token (${describePkcs11Error(err)})`
      );
    }
  }
  return { lib, session, close };
}
function findSlot(lib, location) {
  const { uri, what } = location;
  let slots;
  try {
    slots = lib.C_GetSlotList(true);
  } catch (err) {
    throw new InputError(
      "pkcs11-token-error",
      `${what}: could not list the module's slots (${describePkcs11Error(err)})`
    );
  }
  const matches = [];
  for (const slot of slots) {
    let info;
    try {
      info = lib.C_GetTokenInfo(slot);
    } catch {
      continue;
    }
    if (!tokenMatches(lib, slot, info, uri)) continue;
    matches.push({ slot, label: trimmed(info.label) });
  }
  const wanted = describeToken(uri);
  const [first, second] = matches;
  if (first === void 0)
    throw new InputError(
      "pkcs11-token-missing",
      `${what}: no token ${wanted} in the module ${location.modulePath} (${slots.length} token${slots.length === 1 ? "" : "s"} present)`
    );
  if (second !== void 0)
    throw new InputError(
      "pkcs11-token-ambiguous",
      `${what}: ${matches.length} tokens match ${wanted} (${matches.map((m) => JSON.stringify(m.label)).join(", ")}): name one with token= or serial=`
    );
  return first.slot;
}
function tokenMatches(lib, slot, info, uri) {
  if (uri.token !== void 0 && trimmed(info.label) !== uri.token) return false;
  if (uri.manufacturer !== void 0 && trimmed(info.manufacturerID) !== uri.manufacturer) return false;
  if (uri.model !== void 0 && trimmed(info.model) !== uri.model) return false;
  if (uri.serial !== void 0 && trimmed(info.serialNumber) !== uri.serial) return false;
  if (uri.slotId !== void 0 && slotNumber(slot) !== uri.slotId) return false;
  if (uri.slotDescription !== void 0 || uri.slotManufacturer !== void 0) {
    const slotInfo = lib.C_GetSlotInfo(slot);
    if (uri.slotDescription !== void 0 && trimmed(slotInfo.slotDescription) !== uri.slotDescription) return false;
    if (uri.slotManufacturer !== void 0 && trimmed(slotInfo.manufacturerID) !== uri.slotManufacturer) return false;
  }
  if (uri.libraryManufacturer !== void 0 || uri.libraryDescription !== void 0 || uri.libraryVersion !== void 0) {
    const info2 = lib.C_GetInfo();
    if (uri.libraryManufacturer !== void 0 && trimmed(info2.manufacturerID) !== uri.libraryManufacturer) return false;
    if (uri.libraryDescription !== void 0 && trimmed(info2.libraryDescription) !== uri.libraryDescription)
      return false;
    const v = uri.libraryVersion;
    if (v !== void 0 && (info2.libraryVersion.major !== v.major || info2.libraryVersion.minor !== v.minor))
      return false;
  }
  return true;
}
function trimmed(s) {
  return s.replace(/[ \0]+$/, "");
}
function slotNumber(slot) {
  return slot.length >= 8 ? Number(slot.readBigUInt64LE(0)) : slot.readUInt32LE(0);
}
function describeToken(uri) {
  const parts = [
    uri.token !== void 0 ? `token=${JSON.stringify(uri.token)}` : "",
    uri.serial !== void 0 ? `serial=${JSON.stringify(uri.serial)}` : "",
    uri.manufacturer !== void 0 ? `manufacturer=${JSON.stringify(uri.manufacturer)}` : "",
    uri.model !== void 0 ? `model=${JSON.stringify(uri.model)}` : "",
    uri.slotId !== void 0 ? `slot-id=${uri.slotId}` : ""
  ].filter((p) => p !== "");
  return parts.length > 0 ? parts.join(" ") : "(any)";
}

export {
  openSession
};
