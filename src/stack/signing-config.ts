// The stack's Sigstore SigningConfig v0.2 (the services to sign with), written beside its
// trusted root so that `countersign sign --sigstore signing_config.json --trusted-root
// trusted_root.json` exercises the instances-as-data path (formats/signing-config/) against
// real servers: Fulcio, the Rekor log with its major API version (none in github mode), the
// TSA by its full URL (as real configs name it), each valid from a little before start-up.
import { SIGNING_CONFIG_MEDIA_TYPE } from '../lib/formats/signing-config/signing-config.ts';

const OPERATOR = 'countersign local stack';
const VALIDITY_BACKDATE_MS = 5 * 60 * 1000;

export interface SigningConfigParts {
  fulcioUrl: string;
  oidcUrl: string;
  rekor: { url: string; majorApiVersion: 1 | 2 } | undefined;
  tsaUrl: string;
  now?: Date;
}

export function buildSigningConfig(parts: SigningConfigParts): unknown {
  const start = new Date((parts.now ?? new Date()).getTime() - VALIDITY_BACKDATE_MS).toISOString();
  const service = (url: string, majorApiVersion: number) => ({
    url,
    majorApiVersion,
    validFor: { start },
    operator: OPERATOR,
  });
  return {
    mediaType: SIGNING_CONFIG_MEDIA_TYPE,
    caUrls: [service(parts.fulcioUrl, 1)],
    oidcUrls: [service(parts.oidcUrl, 1)],
    rekorTlogUrls: parts.rekor ? [service(parts.rekor.url, parts.rekor.majorApiVersion)] : [],
    tsaUrls: [service(`${parts.tsaUrl}/api/v1/timestamp`, 1)],
    rekorTlogConfig: { selector: 'ANY' },
    tsaConfig: { selector: 'ANY' },
  };
}
