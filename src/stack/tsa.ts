// The stack's timestamp authority: `POST /api/v1/timestamp` (sigstore timestamp-authority's
// JSON request {artifactHash, hashAlgorithm, nonce?, certificates?}), answered with a DER
// RFC 3161 TimeStampResp by @sigstore/mock's TSA and request handler.
import type { TSA } from '@sigstore/mock/dist/timestamp/tsa.js';
import { tsaHandler } from '@sigstore/mock/dist/timestamp/handler.js';
import { jsonError } from './http.ts';
import type { Reply, Request } from './http.ts';

/**
 * Makes the mock TSA stamp whole seconds. Its genTime otherwise carries milliseconds, which
 * DER (X.690 §11.7) writes without trailing zeros (".1Z" for 100 ms), and @sigstore/core's
 * time parser accepts only a 3-digit fraction: one timestamp in ten would fail to verify.
 * The mock keeps its clock in an instance field, which is what this replaces.
 */
export function useWholeSecondClock(tsa: TSA): TSA {
  const impl = tsa as TSA & { getCurrentTime?: () => Date };
  if (typeof impl.getCurrentTime !== 'function')
    throw new Error('@sigstore/mock TSA has no getCurrentTime: update src/stack/tsa.ts');
  impl.getCurrentTime = () => new Date(Math.floor(Date.now() / 1000) * 1000);
  return tsa;
}

export function tsaRoute(tsa: TSA): (request: Request) => Promise<Reply> {
  const handler = tsaHandler(useWholeSecondClock(tsa));
  return async ({ method, url, body }) => {
    if (url.pathname !== handler.path) return jsonError(404, `no such path ${url.pathname}`);
    if (method !== 'POST') return jsonError(405, `${method} not allowed`);
    const result = await handler.fn(body.toString('utf8'));
    if (result.statusCode !== 201)
      return jsonError(
        result.statusCode,
        typeof result.response === 'string' ? result.response : new TextDecoder().decode(result.response),
      );
    return {
      status: 201,
      body: result.response as Uint8Array,
      contentType: result.contentType ?? 'application/timestamp-reply',
    };
  };
}
