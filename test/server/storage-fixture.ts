// Shared by the storage tests (test/server/storage-*.test.ts):
// a log key, a countersigning key, and real countersignature entries (a statement that parses,
// signed with the countersigning key, with the certificate it binds), without a Sigstore stack.
import { randomBytes } from 'node:crypto';
import { ed25519PublicKeyOf, signEd25519 } from '../../src/lib/basics/crypto/ed25519.ts';
import { keyIdOf } from '../../src/lib/basics/crypto/ed25519-keys.ts';
import { preAuthEncoding } from '../../src/lib/basics/crypto/pae.ts';
import { seedSigner } from '../../src/lib/basics/crypto/signer.ts';
import type { NoteSigner } from '../../src/lib/checks/log/note.ts';
import { COUNTERSIGNATURE_PAYLOAD_TYPE } from '../../src/lib/formats/core/types.ts';
import {
  buildCountersignatureStatement,
  serializeCountersignatureStatement,
} from '../../src/lib/formats/countersignature/statement.ts';
import type { StoredEntry } from '../../src/server/store.ts';

export const STORAGE_ORIGIN = 'countersign.test/storage';

export interface Keys {
  logSeed: Uint8Array;
  logSigner: NoteSigner;
  csSeed: Uint8Array;
  csPublicKey: Uint8Array;
  csKeyId: string;
}

export function makeKeys(fill = 7): Keys {
  const logSeed = new Uint8Array(32).fill(fill);
  const csSeed = new Uint8Array(32).fill(fill + 1);
  const logPublic = ed25519PublicKeyOf(logSeed);
  const csPublicKey = ed25519PublicKeyOf(csSeed);
  return {
    logSeed,
    logSigner: { name: STORAGE_ORIGIN, rawPublicKey: logPublic, signer: seedSigner(logSeed, keyIdOf(logPublic)) },
    csSeed,
    csPublicKey,
    csKeyId: keyIdOf(csPublicKey),
  };
}

export type NewEntry = Omit<StoredEntry, 'index' | 'leafHash'>;

/**
 * A real countersignature entry for `stream` version `version` (random primary; `payload`: the
 * same statement, a re-run; `primary`: the signature and certificate of a given primary).
 */
export function makeEntry(
  keys: Keys,
  stream: string,
  version: number,
  signedAt = new Date(),
  payload: Uint8Array = randomBytes(64),
  primary: { signature: Uint8Array; certificate: Uint8Array } = {
    signature: randomBytes(64),
    certificate: randomBytes(700),
  },
): NewEntry {
  const { signature, certificate } = primary;
  const statement = buildCountersignatureStatement({
    keyId: keys.csKeyId,
    primary: {
      payload,
      payloadType: 'application/vnd.in-toto+json',
      signature,
      certificate,
      tlogEntries: [{ logId: 'wNI9atQGlz+VWfO6LRygH4QUfY/8W4RFwiT5i5WRgB0=', logIndex: String(version) }],
      timestamps: [],
    },
    stream,
    version,
    signedAt,
  });
  const bytes = serializeCountersignatureStatement(statement);
  return {
    statement: bytes,
    signature: signEd25519(preAuthEncoding(COUNTERSIGNATURE_PAYLOAD_TYPE, bytes), keys.csSeed),
    keyId: keys.csKeyId,
    stream,
    version,
    payloadDigest: statement.payloadDigest.sha256,
    primarySignatureDigest: statement.primarySignatureDigest.sha256,
    certificate,
    identity: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
    signedAt: statement.signedAt,
  };
}
