// One logged-in session on the token a PKCS#11 URI names (RFC 7512 path attributes): find the
// token among the slots, open a session, log in as the user. Every failure is one line with a
// stable code (spec/ERRORS.md §8): a wrong PIN, no such token, several tokens matching.
import type { TokenInfo } from 'pkcs11js';
import { InputError } from '../errors/errors.ts';
import { type Pkcs11Library, ckrOf, describePkcs11Error, loadModule } from './binding.ts';
import { CKF, CKR, CKU_USER, PIN_FAILURES } from './constants.ts';
import type { Pkcs11Uri } from './uri.ts';

/** Where a key is: the module, the URI's token attributes, the PIN, and the URI's words for messages. */
export interface TokenLocation {
  modulePath: string;
  uri: Pkcs11Uri;
  /** The user PIN; undefined: the token needs none (protected authentication path). */
  pin: string | undefined;
  /** The key reference as shown in messages (without a pin-value). */
  what: string;
  /** Open a read-write session (to create objects). */
  readWrite?: boolean;
}

export interface OpenSession {
  lib: Pkcs11Library;
  session: Buffer;
  close(): void;
}

export async function openSession(location: TokenLocation): Promise<OpenSession> {
  const { what } = location;
  const lib = await loadModule(location.modulePath, what);
  const slot = findSlot(lib, location);
  let session: Buffer;
  try {
    session = lib.C_OpenSession(slot, CKF.SERIAL_SESSION | (location.readWrite ? CKF.RW_SESSION : 0));
  } catch (err) {
    throw new InputError(
      'pkcs11-token-error',
      `${what}: could not open a session on the token (${describePkcs11Error(err)})`,
    );
  }
  const close = () => {
    try {
      lib.C_CloseSession(session);
    } catch {
      // Already gone (token removed, session invalid): nothing left to close.
    }
  };
  try {
    if (location.pin !== undefined) lib.C_Login(session, CKU_USER, location.pin);
    else lib.C_Login(session, CKU_USER);
  } catch (err) {
    const ckr = ckrOf(err);
    // Logged in already: the login state is per application and token, shared by its sessions.
    if (ckr !== CKR.USER_ALREADY_LOGGED_IN) {
      close();
      if (ckr !== undefined && PIN_FAILURES.has(ckr))
        throw new InputError(
          'pkcs11-pin',
          `${what}: the token refused the PIN (${describePkcs11Error(err)})${ckr === CKR.PIN_INCORRECT ? ': wrong PIN; the token may lock after a few more tries' : ''}`,
        );
      throw new InputError(
        'pkcs11-token-error',
        `${what}: could not log in to the token (${describePkcs11Error(err)})`,
      );
    }
  }
  return { lib, session, close };
}

function findSlot(lib: Pkcs11Library, location: TokenLocation): Buffer {
  const { uri, what } = location;
  let slots: Buffer[];
  try {
    slots = lib.C_GetSlotList(true);
  } catch (err) {
    throw new InputError(
      'pkcs11-token-error',
      `${what}: could not list the module's slots (${describePkcs11Error(err)})`,
    );
  }
  const matches: { slot: Buffer; label: string }[] = [];
  for (const slot of slots) {
    let info: TokenInfo;
    try {
      info = lib.C_GetTokenInfo(slot);
    } catch {
      continue; // removed while listing
    }
    if (!tokenMatches(lib, slot, info, uri)) continue;
    matches.push({ slot, label: trimmed(info.label) });
  }
  const wanted = describeToken(uri);
  const [first, second] = matches;
  if (first === undefined)
    throw new InputError(
      'pkcs11-token-missing',
      `${what}: no token ${wanted} in the module ${location.modulePath} (${slots.length} token${slots.length === 1 ? '' : 's'} present)`,
    );
  if (second !== undefined)
    throw new InputError(
      'pkcs11-token-ambiguous',
      `${what}: ${matches.length} tokens match ${wanted} (${matches.map((m) => JSON.stringify(m.label)).join(', ')}): name one with token= or serial=`,
    );
  return first.slot;
}

function tokenMatches(lib: Pkcs11Library, slot: Buffer, info: TokenInfo, uri: Pkcs11Uri): boolean {
  if (uri.token !== undefined && trimmed(info.label) !== uri.token) return false;
  if (uri.manufacturer !== undefined && trimmed(info.manufacturerID) !== uri.manufacturer) return false;
  if (uri.model !== undefined && trimmed(info.model) !== uri.model) return false;
  if (uri.serial !== undefined && trimmed(info.serialNumber) !== uri.serial) return false;
  if (uri.slotId !== undefined && slotNumber(slot) !== uri.slotId) return false;
  if (uri.slotDescription !== undefined || uri.slotManufacturer !== undefined) {
    const slotInfo = lib.C_GetSlotInfo(slot);
    if (uri.slotDescription !== undefined && trimmed(slotInfo.slotDescription) !== uri.slotDescription) return false;
    if (uri.slotManufacturer !== undefined && trimmed(slotInfo.manufacturerID) !== uri.slotManufacturer) return false;
  }
  if (
    uri.libraryManufacturer !== undefined ||
    uri.libraryDescription !== undefined ||
    uri.libraryVersion !== undefined
  ) {
    const info = lib.C_GetInfo();
    if (uri.libraryManufacturer !== undefined && trimmed(info.manufacturerID) !== uri.libraryManufacturer) return false;
    if (uri.libraryDescription !== undefined && trimmed(info.libraryDescription) !== uri.libraryDescription)
      return false;
    const v = uri.libraryVersion;
    if (v !== undefined && (info.libraryVersion.major !== v.major || info.libraryVersion.minor !== v.minor))
      return false;
  }
  return true;
}

/** CK_TOKEN_INFO and CK_SLOT_INFO strings are blank-padded to their fixed length. */
function trimmed(s: string): string {
  return s.replace(/[ \0]+$/, '');
}

/** A slot handle (a native CK_ULONG, little-endian on the platforms Node runs on) as a number. */
function slotNumber(slot: Buffer): number {
  return slot.length >= 8 ? Number(slot.readBigUInt64LE(0)) : slot.readUInt32LE(0);
}

function describeToken(uri: Pkcs11Uri): string {
  const parts = [
    uri.token !== undefined ? `token=${JSON.stringify(uri.token)}` : '',
    uri.serial !== undefined ? `serial=${JSON.stringify(uri.serial)}` : '',
    uri.manufacturer !== undefined ? `manufacturer=${JSON.stringify(uri.manufacturer)}` : '',
    uri.model !== undefined ? `model=${JSON.stringify(uri.model)}` : '',
    uri.slotId !== undefined ? `slot-id=${uri.slotId}` : '',
  ].filter((p) => p !== '');
  return parts.length > 0 ? parts.join(' ') : '(any)';
}
