// The stack's Rekor: `POST /api/v1/log/entries` (Rekor API v1). The proposed entry is
// verified and canonicalised like real Rekor (rekor-canonical.ts), then logged through
// @sigstore/mock's TLog, which answers with the real response shape: a map from entry UUID to
// {body, integratedTime, logID, logIndex, verification: {signedEntryTimestamp,
// inclusionProof {checkpoint, rootHash, treeSize, hashes}}}. The checkpoint is a signed note
// whose origin is this server's host, so @sigstore/verify can match it to the trusted root.
import type { TLog } from '@sigstore/mock/dist/rekor/tlog.js';
import { json, jsonError } from './http.ts';
import type { Reply, Request } from './http.ts';
import { EntryError, canonicalEntry } from './rekor-canonical.ts';

export const CREATE_ENTRY_PATH = '/api/v1/log/entries';

export function rekorRoute(tlog: TLog, baseUrl: string): (request: Request) => Promise<Reply> {
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
    const entry = (await tlog.log(canonical)) as unknown as Record<string, unknown>;
    const [uuid] = Object.keys(entry);
    return {
      ...json(201, entry),
      headers: { location: `${baseUrl}${CREATE_ENTRY_PATH}/${uuid ?? ''}`, etag: uuid ?? '' },
    };
  };
}
