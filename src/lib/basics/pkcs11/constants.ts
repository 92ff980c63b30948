// The PKCS#11 numbers this project uses (PKCS#11 v3.0 base specification and pkcs11t.h),
// spelled out here: pkcs11js does not export the EdDSA ones (CKK_EC_EDWARDS, CKM_EDDSA).
export const CKA = {
  CLASS: 0x0,
  TOKEN: 0x1,
  PRIVATE: 0x2,
  LABEL: 0x3,
  KEY_TYPE: 0x100,
  ID: 0x102,
  SENSITIVE: 0x103,
  SIGN: 0x108,
  VERIFY: 0x10a,
  EXTRACTABLE: 0x162,
  EC_PARAMS: 0x180,
  EC_POINT: 0x181,
} as const;

export const CKO = { PUBLIC_KEY: 2, PRIVATE_KEY: 3 } as const;
export const CKK = { EC: 0x3, EC_EDWARDS: 0x40 } as const;
export const CKM = { EC_EDWARDS_KEY_PAIR_GEN: 0x1055, EDDSA: 0x1057 } as const;
export const CKF = { RW_SESSION: 0x2, SERIAL_SESSION: 0x4 } as const;
export const CKU_USER = 1;

export const CKR = {
  GENERAL_ERROR: 0x5,
  ARGUMENTS_BAD: 0x7,
  DEVICE_ERROR: 0x30,
  DEVICE_MEMORY: 0x31,
  DEVICE_REMOVED: 0x32,
  KEY_HANDLE_INVALID: 0x60,
  KEY_TYPE_INCONSISTENT: 0x63,
  MECHANISM_INVALID: 0x70,
  OBJECT_HANDLE_INVALID: 0x82,
  PIN_INCORRECT: 0xa0,
  PIN_INVALID: 0xa1,
  PIN_LEN_RANGE: 0xa2,
  PIN_EXPIRED: 0xa3,
  PIN_LOCKED: 0xa4,
  SESSION_CLOSED: 0xb0,
  SESSION_HANDLE_INVALID: 0xb3,
  TOKEN_NOT_PRESENT: 0xe0,
  TOKEN_NOT_RECOGNIZED: 0xe1,
  USER_ALREADY_LOGGED_IN: 0x100,
  USER_NOT_LOGGED_IN: 0x101,
  USER_PIN_NOT_INITIALIZED: 0x102,
  CRYPTOKI_NOT_INITIALIZED: 0x190,
  CRYPTOKI_ALREADY_INITIALIZED: 0x191,
} as const;

/** Return values after which the session is gone but the token may be back: reopen once. */
export const SESSION_LOST: ReadonlySet<number> = new Set([
  CKR.DEVICE_ERROR,
  CKR.DEVICE_REMOVED,
  CKR.SESSION_CLOSED,
  CKR.SESSION_HANDLE_INVALID,
  CKR.TOKEN_NOT_PRESENT,
  CKR.TOKEN_NOT_RECOGNIZED,
  CKR.USER_NOT_LOGGED_IN,
  CKR.KEY_HANDLE_INVALID,
  CKR.OBJECT_HANDLE_INVALID,
]);

/** PIN failures: wrong, malformed, expired or locked. */
export const PIN_FAILURES: ReadonlySet<number> = new Set([
  CKR.PIN_INCORRECT,
  CKR.PIN_INVALID,
  CKR.PIN_LEN_RANGE,
  CKR.PIN_EXPIRED,
  CKR.PIN_LOCKED,
  CKR.USER_PIN_NOT_INITIALIZED,
]);

const NAMES = new Map<number, string>(Object.entries(CKR).map(([name, value]) => [value, `CKR_${name}`]));

export function ckrName(ckr: number): string {
  return NAMES.get(ckr) ?? 'CKR_?';
}

/** DER of the Ed25519 curve for CKA_EC_PARAMS: the OID 1.3.101.112 (RFC 8410). */
export const ED25519_EC_PARAMS_OID = Uint8Array.from([0x06, 0x03, 0x2b, 0x65, 0x70]);
/** The other form PKCS#11 v3.0 allows: PrintableString "edwards25519". */
export const ED25519_EC_PARAMS_NAME = Uint8Array.from([0x13, 0x0c, ...new TextEncoder().encode('edwards25519')]);
