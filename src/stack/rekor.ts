// The stack's Rekor: `POST /api/v1/log/entries` (Rekor API v1). The proposed entry is
// verified and canonicalised like real Rekor (rekor-canonical.ts), then appended to the
// stack's one growing Merkle tree (log.ts), and answered in Rekor's response shape: a map from
// entry UUID to {body, integratedTime, logID, logIndex, verification: {signedEntryTimestamp,
// inclusionProof {checkpoint, rootHash, treeSize, hashes, logIndex}}}. The checkpoint's key
// name is this server's host, so @sigstore/verify can match it to the trusted root's baseUrl.
import { json, jsonError } from './http.ts';
import type { Reply, Request } from './http.ts';
import { canonicalJson, type StackLog } from './log.ts';
import { EntryError, canonicalEntry } from './rekor-canonical.ts';
import { leafHash } from '../lib/checks/log/merkle.ts';

export const CREATE_ENTRY_PATH = '/api/v1/log/entries';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

export function rekorRoute(log: StackLog, baseUrl: string): (request: Request) => Promise<Reply> {
  return async ({ method, url, body }) => {
    if (url.pathname !== CREATE_ENTRY_PATH) return jsonError(404, `no such path ${url.pathname}`);
    if (method !== 'POST') return jsonError(405, `${method} not allowed`);
    let canonical: Record<string, unknown>;
    try {
      canonical = canonicalEntry(JSON.parse(body.toString('utf8')));
    } catch (err) {
      if (err instanceof EntryError || err instanceof SyntaxError) return jsonError(400, err.message);
      throw err;
    }
    const entryBody = Buffer.from(canonicalJson(canonical), 'utf8');
    const logged = await log.append(entryBody);
    // Rekor's UUID is the entry's leaf hash (prefixed by the tree id in sharded logs).
    const uuid = hex(leafHash(entryBody));
    const { proof } = logged;
    const entry = {
      [uuid]: {
        body: entryBody.toString('base64'),
        integratedTime: logged.integratedTime,
        logID: log.logId.toString('hex'),
        logIndex: logged.index,
        verification: {
          inclusionProof: {
            logIndex: proof.index,
            treeSize: proof.treeSize,
            rootHash: hex(proof.rootHash),
            hashes: proof.hashes.map(hex),
            checkpoint: proof.checkpoint,
          },
          signedEntryTimestamp: Buffer.from(logged.signedEntryTimestamp ?? []).toString('base64'),
        },
      },
    };
    return {
      ...json(201, entry),
      headers: { location: `${baseUrl}${CREATE_ENTRY_PATH}/${uuid}`, etag: uuid },
    };
  };
}
