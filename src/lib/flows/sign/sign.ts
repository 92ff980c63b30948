// The primary signature (docs/design.md §1, item 1): a keyless Sigstore signature over the exact statement
// bytes in a DSSE envelope (payload type application/vnd.in-toto+json), made with
// @sigstore/sign: an ephemeral P-256 key, a Fulcio certificate for the OIDC identity, then the
// instance's witnesses (a Rekor dsse entry and/or an RFC 3161 timestamp). The result is the
// Sigstore bundle v0.3 JSON (application/vnd.dev.sigstore.bundle.v0.3+json) with the leaf
// certificate in verificationMaterial.certificate (v0.3 carries no chain). Rekor v2 (a signing
// config's majorApiVersion 2) gets dsse 0.0.2 entries through @sigstore/sign's own Rekor v2
// client. When the instance has a trusted root, the new bundle must verify under it (the same
// check the gate runs, with the thresholds the root implies) before it is returned: a signing
// config whose services are not the ones its root pins fails here, not at B or in clients.
import { BUNDLE_V03_MEDIA_TYPE, bundleToJSON } from '@sigstore/bundle';
import { DSSEBundleBuilder, FulcioSigner, InternalError, RekorWitness, TSAWitness } from '@sigstore/sign';
import type { Witness } from '@sigstore/sign';
import { verifyPrimary } from '../../checks/sigstore/verify-primary.ts';
import { INTOTO_PAYLOAD_TYPE } from '../../formats/core/types.ts';
import { InputError } from '../../basics/errors/errors.ts';
import type { ResolvedInstance } from '../../formats/stack/description.ts';
import { checkJwtShape } from './oidc-token.ts';
import { loadTrust } from './instances.ts';

export const DEFAULT_SERVICE_TIMEOUT_MS = 30_000;

export interface SignStatementOptions {
  instance: ResolvedInstance;
  identityToken: string;
  /** Per-request timeout for Fulcio, Rekor and the TSA. */
  timeoutMs?: number;
  /** Retries of a request that failed with a network error, 408, 429 or 5xx (default 2). */
  retries?: number;
}

/** A Sigstore service refused or failed: which one, its HTTP status, its message. Exit 2. */
export class SigstoreServiceError extends InputError {
  readonly service: string;
  readonly status: number | undefined;
  constructor(service: string, status: number | undefined, message: string) {
    super('sigstore-service-failed', message);
    this.name = 'SigstoreServiceError';
    this.service = service;
    this.status = status;
  }
}

export async function signStatement(statementBytes: Uint8Array, options: SignStatementOptions): Promise<unknown> {
  const { instance } = options;
  // Checked here as well: @sigstore/sign puts a token it cannot parse into its error message.
  const token = checkJwtShape(options.identityToken, 'identity token');
  const fetchOptions = { timeout: options.timeoutMs ?? DEFAULT_SERVICE_TIMEOUT_MS, retry: options.retries ?? 2 };
  // Read before any request: a missing or bad trusted root must not cost a log entry. A stack
  // description's root is not a self-check: the stack is a test fixture, and the attack suites
  // sign with another stack's Fulcio on purpose.
  const trust =
    instance.trustedRootPath === undefined || instance.kind === 'stack'
      ? undefined
      : await loadTrust(instance.trustedRootPath);
  const witnesses: Witness[] = [];
  const majorApiVersion = instance.rekorApiVersion ?? 1;
  for (const url of instance.rekorUrls ?? (instance.rekorUrl ? [instance.rekorUrl] : []))
    witnesses.push(new RekorWitness({ rekorBaseURL: url, entryType: 'dsse', majorApiVersion, ...fetchOptions }));
  for (const url of instance.tsaUrls ?? (instance.tsaUrl ? [instance.tsaUrl] : []))
    witnesses.push(new TSAWitness({ tsaBaseURL: url, ...fetchOptions }));
  if (witnesses.length === 0) {
    throw new InputError(
      'sigstore-instance-invalid',
      `Sigstore instance ${instance.name}: has neither a Rekor nor a TSA URL; a signature needs a log entry or a timestamp`,
    );
  }
  const signer = new FulcioSigner({
    fulcioBaseURL: instance.fulcioUrl,
    identityProvider: { getToken: () => Promise.resolve(token) },
    ...fetchOptions,
  });
  const builder = new DSSEBundleBuilder({ signer, witnesses, certificateChain: false });

  let json: ReturnType<typeof bundleToJSON>;
  try {
    json = bundleToJSON(await builder.create({ data: Buffer.from(statementBytes), type: INTOTO_PAYLOAD_TYPE }));
  } catch (err) {
    throw toServiceError(err, instance);
  }
  // Fail closed if the library ever changes its defaults under us.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- its types describe today's output only
  if (json.mediaType !== BUNDLE_V03_MEDIA_TYPE || !json.verificationMaterial?.certificate) {
    throw new SigstoreServiceError(
      'sigstore-js',
      undefined,
      `signing produced ${json.mediaType} without a leaf certificate; expected ${BUNDLE_V03_MEDIA_TYPE}`,
    );
  }
  if (trust) {
    try {
      verifyPrimary(json, trust, { what: `the bundle just signed with ${instance.name}` });
    } catch (err) {
      throw new InputError(
        'signed-bundle-unverifiable',
        `${(err as Error).message} (under the trusted root ${instance.trustedRootPath ?? ''}); nothing written`,
      );
    }
  }
  return json;
}

const SERVICE_BY_CODE: Record<string, (i: ResolvedInstance) => [string, string | undefined]> = {
  CA_CREATE_SIGNING_CERTIFICATE_ERROR: (i) => ['Fulcio', i.fulcioUrl],
  TLOG_CREATE_ENTRY_ERROR: (i) => ['Rekor', i.rekorUrl],
  TLOG_FETCH_ENTRY_ERROR: (i) => ['Rekor', i.rekorUrl],
  TSA_CREATE_TIMESTAMP_ERROR: (i) => ['TSA', i.tsaUrl],
  IDENTITY_TOKEN_READ_ERROR: () => ['identity token', undefined],
  IDENTITY_TOKEN_PARSE_ERROR: () => ['identity token', undefined],
};

/** One line: "<service> (<url>): HTTP <status>: <its message>" or the network failure. */
function toServiceError(err: unknown, instance: ResolvedInstance): Error {
  if (!(err instanceof InternalError)) return err instanceof Error ? err : new Error(String(err));
  const [service, url] = SERVICE_BY_CODE[err.code]?.(instance) ?? ['Sigstore', undefined];
  const where = url ? `${service} (${url})` : service;
  if (err.code === 'IDENTITY_TOKEN_PARSE_ERROR' || err.code === 'IDENTITY_TOKEN_READ_ERROR') {
    return new SigstoreServiceError(
      service,
      undefined,
      `${where}: the token could not be read as a JWT with a subject`,
    );
  }
  const cause = err.cause as { statusCode?: unknown; message?: unknown; code?: unknown } | undefined;
  if (typeof cause?.statusCode === 'number') {
    // HTTPError's message is "(<status>) <service's message>".
    const text =
      oneLine((typeof cause.message === 'string' ? cause.message : '').replace(/^\(\d+\)\s*/, '')) || 'no message';
    return new SigstoreServiceError(service, cause.statusCode, `${where}: HTTP ${cause.statusCode}: ${text}`);
  }
  const reason =
    typeof cause?.code === 'string'
      ? cause.code
      : oneLine(typeof cause?.message === 'string' ? cause.message : err.message);
  return new SigstoreServiceError(service, undefined, `${where}: request failed: ${reason}`);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}
