// The stack's trust root as a Sigstore TrustedRoot document (protobuf-specs
// sigstore_trustroot.proto, JSON mapping, mediaType ...trustedroot+json;version=0.1): the
// Fulcio CA, the CT log that signs Fulcio's SCTs, the Rekor log and the TSA, each with its
// real loopback URL and a validity that starts a little before now (so that a certificate or
// timestamp made right after start-up is inside it, whatever the clocks' rounding). What the
// instance does not run is not listed: github mode has no CT log and no Rekor (Fulcio and the
// TSA only, as GitHub's own trusted root), so verifiers require no SCT and no log entry.
import { HashAlgorithm, PublicKeyDetails, TrustedRoot } from '@sigstore/protobuf-specs';
import type { CA } from '@sigstore/mock/dist/fulcio/ca.js';
import type { CTLog } from '@sigstore/mock/dist/fulcio/ctlog.js';
import type { TSA } from '@sigstore/mock/dist/timestamp/tsa.js';
import type { StackLog } from './log.ts';

export const TRUSTED_ROOT_MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json;version=0.1';
const OPERATOR = 'countersign local stack';
/** How far before start-up the validity windows begin. */
const VALIDITY_BACKDATE_MS = 5 * 60 * 1000;

export interface TrustedRootParts {
  ca: CA;
  ctlog: CTLog | undefined;
  tlog: StackLog | undefined;
  tsa: TSA;
  fulcioUrl: string;
  rekorUrl: string | undefined;
  tsaUrl: string;
  now?: Date;
}

const bytes = (view: ArrayBufferView): Buffer => Buffer.from(view.buffer, view.byteOffset, view.byteLength);

export function buildTrustedRoot(parts: TrustedRootParts): unknown {
  const start = new Date((parts.now ?? new Date()).getTime() - VALIDITY_BACKDATE_MS);
  const root: TrustedRoot = {
    mediaType: TRUSTED_ROOT_MEDIA_TYPE,
    tlogs:
      parts.tlog && parts.rekorUrl !== undefined
        ? [
            {
              baseUrl: parts.rekorUrl,
              hashAlgorithm: HashAlgorithm.SHA2_256,
              publicKey: {
                rawBytes: parts.tlog.publicKeyDer,
                keyDetails:
                  parts.tlog.version === 2 ? PublicKeyDetails.PKIX_ED25519 : PublicKeyDetails.PKIX_ECDSA_P256_SHA_256,
                validFor: { start },
              },
              logId: { keyId: parts.tlog.logId },
              checkpointKeyId: undefined,
              operator: OPERATOR,
            },
          ]
        : [],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: parts.fulcioUrl,
        certChain: { certificates: [{ rawBytes: bytes(parts.ca.rootCertificate) }] },
        validFor: { start },
        operator: OPERATOR,
      },
    ],
    ctlogs: !parts.ctlog
      ? []
      : [
          {
            // SCTs are embedded by Fulcio; the stack serves no CT API, so this URL is a label.
            baseUrl: `${parts.fulcioUrl}/ct`,
            hashAlgorithm: HashAlgorithm.SHA2_256,
            publicKey: {
              rawBytes: parts.ctlog.publicKey,
              keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256,
              validFor: { start },
            },
            logId: { keyId: bytes(parts.ctlog.logID) },
            checkpointKeyId: undefined,
            operator: OPERATOR,
          },
        ],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'tsa' },
        uri: parts.tsaUrl,
        // Leaf (the TSA signing certificate) first, then its root.
        certChain: {
          certificates: [{ rawBytes: bytes(parts.tsa.intCertificate) }, { rawBytes: bytes(parts.tsa.rootCertificate) }],
        },
        validFor: { start },
        operator: OPERATOR,
      },
    ],
  };
  return TrustedRoot.toJSON(root);
}
