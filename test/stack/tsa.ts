// The stack's timestamp authority: `POST /api/v1/timestamp` (sigstore timestamp-authority's
// JSON request {artifactHash, hashAlgorithm, nonce?, certificates?}), answered with a DER
// RFC 3161 TimeStampResp by @sigstore/mock's TSA and request handler.
import type { TSA } from '@sigstore/mock/dist/timestamp/tsa.js';
import { tsaHandler } from '@sigstore/mock/dist/timestamp/handler.js';
import { jsonError } from './http.ts';
import type { Reply, Request } from './http.ts';

export function tsaRoute(tsa: TSA): (request: Request) => Promise<Reply> {
  const handler = tsaHandler(tsa);
  return async ({ method, url, body }) => {
    if (url.pathname !== handler.path) return jsonError(404, `no such path ${url.pathname}`);
    if (method !== 'POST') return jsonError(405, `${method} not allowed`);
    const result = await handler.fn(body.toString('utf8'));
    if (result.statusCode !== 201) return jsonError(result.statusCode, String(result.response));
    return { status: 201, body: result.response as Uint8Array, contentType: result.contentType ?? 'application/timestamp-reply' };
  };
}
