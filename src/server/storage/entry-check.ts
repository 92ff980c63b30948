// Everything stored about one log entry, checked against the bytes that were signed (issue 15
// F5), before the entry is served: the leaf hash is the statement's; the derived columns
// (key id, stream, version, payload digest, primary signature digest, signed-at) are the
// statement's fields; the certificate is the one whose digest the statement binds; the
// countersignature verifies with the key the statement names. Whether the leaf is in the
// signed tree is the log's part (it holds the tree). A single flipped byte anywhere in a row
// fails one of these.
import { equalBytes } from '../../lib/basics/crypto/bytes.ts';
import { verifyEd25519Strict } from '../../lib/basics/crypto/ed25519.ts';
import { preAuthEncoding } from '../../lib/basics/crypto/pae.ts';
import { sha256Hex } from '../../lib/basics/crypto/sha256.ts';
import { leafHash } from '../../lib/checks/log/merkle.ts';
import { parseCountersignatureStatement } from '../../lib/formats/countersignature/statement.ts';
import { COUNTERSIGNATURE_PAYLOAD_TYPE } from '../../lib/formats/core/types.ts';
import type { StoredEntry } from '../store.ts';

/** What is wrong with the stored entry, or undefined when every part of it checks out. */
export function entryProblem(
  entry: StoredEntry,
  publicKeyOf: (keyId: string) => Uint8Array | undefined,
): string | undefined {
  if (!equalBytes(leafHash(entry.statement), entry.leafHash)) return 'its statement does not match its leaf hash';
  let statement;
  try {
    statement = parseCountersignatureStatement(entry.statement, 'statement');
  } catch (err) {
    return `its statement does not parse (${err instanceof Error ? err.message : String(err)})`;
  }
  const columns: [string, unknown, unknown][] = [
    ['key id', entry.keyId, statement.keyId],
    ['stream', entry.stream, statement.stream],
    ['version', entry.version, statement.version],
    ['payload digest', entry.payloadDigest, statement.payloadDigest.sha256],
    ['primary signature digest', entry.primarySignatureDigest, statement.primarySignatureDigest.sha256],
    ['signed-at', entry.signedAt, statement.signedAt],
  ];
  for (const [name, stored, signed] of columns)
    if (stored !== signed) return `its stored ${name} is not the statement's`;
  if (sha256Hex(entry.certificate) !== statement.certificateDigest.sha256)
    return 'its stored certificate is not the one the statement binds';
  const key = publicKeyOf(statement.keyId);
  if (!key) return `its countersigning key ${statement.keyId} is not known to this log`;
  if (!verifyEd25519Strict(entry.signature, preAuthEncoding(COUNTERSIGNATURE_PAYLOAD_TYPE, entry.statement), key))
    return 'its countersignature does not verify';
  return undefined;
}
