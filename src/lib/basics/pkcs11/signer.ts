// Organisation B's countersigning key in a PKCS#11 token (docs/keys.md), behind the one-method
// signer interface (docs/design.md §8): CKM_EDDSA with no parameters, i.e. pure Ed25519 over
// the exact message (RFC 8032 §5.1.6), as a key file signs.
//
// - The key id comes from the public key read from the token (CKA_EC_POINT), and every
//   signature is verified with it before it is handed out: a token whose private key is not
//   the pair of that public key is refused at opening (a test signature) and never signs.
// - One logged-in session per signer; signatures are made one at a time on it (a session has
//   one active operation). A session lost to a token error (removed, reset, logged out) is
//   reopened once, with a fresh login; if the token's key is then another one, or signing
//   fails again, the signature fails with one line (pkcs11-token-error, pkcs11-key-mismatch).
import { equalBytes } from '../crypto/bytes.ts';
import { verifyEd25519Strict } from '../crypto/ed25519.ts';
import { keyIdOf } from '../crypto/ed25519-keys.ts';
import type { CountersignSigner } from '../crypto/signer.ts';
import { InputError } from '../errors/errors.ts';
import { ckrOf, describePkcs11Error } from './binding.ts';
import { CKM, SESSION_LOST } from './constants.ts';
import { findKeyPair } from './objects.ts';
import { type OpenSession, type TokenLocation, openSession } from './session.ts';

export interface Pkcs11Signer extends CountersignSigner {
  /** The raw 32-byte Ed25519 public key read from the token. */
  readonly rawPublicKey: Uint8Array;
  /** Closes the session (the module stays loaded for the process). */
  close(): void;
}

/** The message of the test signature made at opening (any fixed bytes would do). */
const SELF_TEST = new TextEncoder().encode('countersign: PKCS#11 key check\n');

interface Current {
  open: OpenSession;
  privateKey: Buffer;
}

export async function openPkcs11Signer(location: TokenLocation): Promise<Pkcs11Signer> {
  const { what } = location;
  const first = await connect(location);
  const rawPublicKey = first.rawPublicKey;
  const keyId = keyIdOf(rawPublicKey);
  let current: Current | undefined = first.current;
  let queue: Promise<unknown> = Promise.resolve();

  const reopen = async (): Promise<Current> => {
    current?.open.close();
    current = undefined;
    const again = await connect(location);
    if (!equalBytes(again.rawPublicKey, rawPublicKey)) {
      again.current.open.close();
      throw new InputError(
        'pkcs11-key-mismatch',
        `${what}: after reopening the session the token holds another key (${keyIdOf(again.rawPublicKey)}, expected ${keyId}); refusing to sign`,
      );
    }
    current = again.current;
    return current;
  };

  const signNow = async (message: Uint8Array): Promise<Uint8Array> => {
    let signature: Uint8Array;
    try {
      if (current === undefined) throw new Error('no session (lost at an earlier signature)');
      signature = await signWith(current, message);
    } catch (err) {
      const ckr = ckrOf(err);
      if (current !== undefined && (ckr === undefined || !SESSION_LOST.has(ckr))) throw tokenError(what, err);
      // The session is gone (token removed or reset, logged out): log in again, once.
      try {
        signature = await signWith(await reopen(), message);
      } catch (again) {
        if (again instanceof InputError && again.code === 'pkcs11-key-mismatch') throw again;
        throw tokenError(what, again, err);
      }
    }
    if (!verifyEd25519Strict(signature, message, rawPublicKey))
      throw new InputError(
        'pkcs11-key-mismatch',
        `${what}: the token's signature does not verify with its public key ${keyId} (the private key is not that key's pair); refusing it`,
      );
    return signature;
  };

  const signer: Pkcs11Signer = {
    keyId,
    rawPublicKey,
    sign: (message) => {
      const copy = Uint8Array.from(message);
      const result = queue.then(() => signNow(copy));
      queue = result.catch(() => undefined);
      return result;
    },
    close: () => {
      current?.open.close();
      current = undefined;
    },
  };
  // The pair is checked before anyone relies on it: a private key that is not the public
  // key's pair is refused here, not at the first request.
  try {
    await signer.sign(SELF_TEST);
  } catch (err) {
    signer.close();
    throw err;
  }
  return signer;
}

async function connect(location: TokenLocation): Promise<{ current: Current; rawPublicKey: Uint8Array }> {
  const open = await openSession(location);
  try {
    const pair = findKeyPair(open.lib, open.session, location.uri, location.what);
    return { current: { open, privateKey: pair.privateKey }, rawPublicKey: pair.rawPublicKey };
  } catch (err) {
    open.close();
    if (err instanceof InputError) throw err;
    throw new InputError(
      'pkcs11-token-error',
      `${location.what}: could not read the key from the token (${describePkcs11Error(err)})`,
    );
  }
}

async function signWith(current: Current, message: Uint8Array): Promise<Uint8Array> {
  const { lib, session } = current.open;
  lib.C_SignInit(session, { mechanism: CKM.EDDSA }, current.privateKey);
  const out = await lib.C_SignAsync(session, Buffer.from(message), Buffer.alloc(64));
  return new Uint8Array(out);
}

function tokenError(what: string, err: unknown, first?: unknown): InputError {
  return new InputError(
    'pkcs11-token-error',
    first === undefined
      ? `${what}: the token failed to sign (${describePkcs11Error(err)})`
      : `${what}: the token failed to sign (${describePkcs11Error(first)}) and again after reopening the session (${err instanceof InputError ? err.message.replace(`${what}: `, '') : describePkcs11Error(err)}); is the token still there?`,
  );
}
