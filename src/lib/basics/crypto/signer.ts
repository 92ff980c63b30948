// Organisation B's signing key behind a one-method interface (docs/design.md §8), so that an HSM or
// a cloud KMS can stand in for the key file without touching the countersigning logic.
import { signEd25519 } from './ed25519.ts';

export interface CountersignSigner {
  /** `sha256:<hex>` of the raw Ed25519 public key. */
  readonly keyId: string;
  /** Returns the 64-byte Ed25519 signature of `message`. */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/** A signer over an Ed25519 seed held in memory (a key file or an environment secret). */
export function seedSigner(seed: Uint8Array, keyId: string): CountersignSigner {
  return {
    keyId,
    // A rejected promise (not a throw) if signing fails, as from an async function.
    sign: (message) => Promise.resolve().then(() => signEd25519(message, seed)),
  };
}
