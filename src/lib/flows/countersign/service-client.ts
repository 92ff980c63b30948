// The client of organisation B's countersigning service, for the CLI (`countersign
// countersign --url`) and the action (`countersign-url`): sends a primary (or an already
// countersigned) bundle, and returns the countersigned bundle file with the service's
// countersignature and its log proof appended. The result is not trusted here: the verify
// gate checks it under the pinned policy. Only cheap sanity checks are made, so that a
// misbehaving service is reported as such rather than as a bad bundle later.
import { parseBundleFile, serializeBundle } from '../../formats/bundle/bundle.ts';
import { parseStrictJson } from '../../basics/json/strict-json.ts';
import type { Countersignature } from '../../formats/core/types.ts';
import { parseCountersignatureStatement } from '../../formats/countersignature/statement.ts';
import { sha256Hex } from '../../basics/crypto/sha256.ts';
import { InputError, VerificationError } from '../../basics/errors/errors.ts';
import { API, MAX_REQUEST_BYTES } from '../../formats/service/api.ts';
import { type HttpOptions, endpoint, serviceBaseUrl, serviceRequest } from '../../basics/net/http.ts';

export type { HttpOptions } from '../../basics/net/http.ts';
export { ServiceRefusedError, ServiceUnavailableError } from '../../basics/net/http.ts';

/** Largest answer accepted: one countersignature with its proof and checkpoint. */
const MAX_RESPONSE_BYTES = 256 * 1024;

/**
 * POSTs `primaryBundle` (the bytes of a Sigstore bundle or of a countersigned bundle) to the
 * service at `url` (its base URL, e.g. https://countersign.example.org) and returns the
 * countersigned bundle file bytes (spec/FORMAT.md §6).
 *
 * Retries with backoff on connection errors, timeouts and 5xx; a 4xx refusal throws
 * ServiceRefusedError (a VerificationError with the service's code and message) at once;
 * exhausted retries throw ServiceUnavailableError (an InputError).
 */
export async function requestCountersignature(
  url: string,
  primaryBundle: Uint8Array,
  options: { timeoutMs?: number; retries?: number } & HttpOptions = {},
): Promise<Uint8Array> {
  const base = serviceBaseUrl(url);
  if (primaryBundle.byteLength > MAX_REQUEST_BYTES) {
    throw new InputError(
      'too-large',
      `bundle: ${primaryBundle.byteLength} bytes is over the service's limit of ${MAX_REQUEST_BYTES} bytes`,
    );
  }
  const parsed = parseBundleFile(primaryBundle, 'bundle', MAX_REQUEST_BYTES);
  const target = base.pathname.endsWith(API.countersign) ? base : endpoint(base, API.countersign);
  const res = await serviceRequest(
    target,
    { method: 'POST', body: primaryBundle, contentType: 'application/json' },
    { maxResponseBytes: MAX_RESPONSE_BYTES, ...options },
  );

  const what = `answer of ${target.origin}${target.pathname}`;
  const countersignature = readAnswer(res.body, what);
  checkBindsThisPrimary(countersignature, parsed.bundle.primary, what);

  const existing = parsed.bundle.countersignatures;
  const same = existing.find((c) => c.keyId === countersignature.keyId);
  let countersignatures: Countersignature[];
  if (!same) {
    countersignatures = [...existing, countersignature];
  } else if (same.statement === countersignature.statement && same.signature === countersignature.signature) {
    // The bundle already had this very countersignature (a retried step): keep one, with the proof.
    countersignatures = existing.map((c) => (c === same ? countersignature : c));
  } else {
    throw new VerificationError(
      'countersignature-duplicate',
      `bundle: already carries a different countersignature by ${countersignature.keyId}; the service's would be a second one by the same key`,
    );
  }
  const out = new TextEncoder().encode(serializeBundle({ ...parsed.bundle, countersignatures }));
  parseBundleFile(out, 'countersigned bundle', 64 * 1024 * 1024); // the file we hand back is well-formed
  return out;
}

function readAnswer(body: Uint8Array, what: string): Countersignature {
  let countersignature: Countersignature;
  try {
    const json = parseStrictJson(body, what, { maxBytes: MAX_RESPONSE_BYTES, maxDepth: 8 }) as {
      countersignature?: unknown;
    } | null;
    const probe = new TextEncoder().encode(
      JSON.stringify({
        mediaType: 'application/vnd.countersign.bundle.v1+json',
        primary: { mediaType: 'x', verificationMaterial: {} },
        countersignatures: [json?.countersignature],
      }),
    );
    // The bundle parser is the one authority on a countersignature's shape (and its log proof).
    const [parsed] = parseBundleFile(probe, what, MAX_RESPONSE_BYTES * 2).bundle.countersignatures;
    if (!parsed) throw new Error('no countersignature');
    countersignature = parsed;
  } catch (err) {
    throw new InputError(
      'service-bad-response',
      `${what}: expected {"countersignature": {...}}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (!countersignature.logProof)
    throw new InputError('service-bad-response', `${what}: the countersignature carries no log proof`);
  return countersignature;
}

/** The returned statement must be about the primary we sent (payload and signature digests). */
function checkBindsThisPrimary(c: Countersignature, primary: unknown, what: string): void {
  const envelope = (primary as { dsseEnvelope?: { payload?: unknown; signatures?: { sig?: unknown }[] } }).dsseEnvelope;
  const sig = envelope?.signatures?.[0]?.sig;
  if (typeof envelope?.payload !== 'string' || typeof sig !== 'string') return; // the service would have refused
  let statement;
  try {
    statement = parseCountersignatureStatement(
      new Uint8Array(Buffer.from(c.statement, 'base64')),
      `${what}: countersignature statement`,
    );
  } catch (err) {
    throw new InputError('service-bad-response', err instanceof Error ? err.message : String(err));
  }
  if (
    statement.payloadDigest.sha256 !== sha256Hex(Buffer.from(envelope.payload, 'base64')) ||
    statement.primarySignatureDigest.sha256 !== sha256Hex(Buffer.from(sig, 'base64'))
  ) {
    throw new InputError(
      'service-bad-response',
      `${what}: the countersignature is for another primary (payload or signature digest differs)`,
    );
  }
}
