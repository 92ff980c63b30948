// The stack's Fulcio: `POST /api/v2/signingCert` (Fulcio's CA API v2, the request that
// @sigstore/sign's FulcioSigner sends). Like real Fulcio it
//   1. authenticates the identity token (oidc-verify.ts) -> 401 when it does not verify;
//   2. requires the claims of its GitHub issuer type -> 400 when one is missing;
//   3. checks the proof of possession: a signature over the token's `sub` made with the
//      submitted public key (Fulcio's "challenge") -> 400 when it does not verify;
//   4. issues a short-lived certificate through @sigstore/mock's CA, whose SAN is the URI
//      https://github.com/<job_workflow_ref> and whose 1.3.6.1.4.1.57264.1.* extensions carry
//      the issuer and GitHub claims, with an embedded SCT from the mock CT log.
import { createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { CA } from '@sigstore/mock/dist/fulcio/ca.js';
import { checkGithubClaims, githubExtensions } from './fulcio-extensions.ts';
import { json, jsonError } from './http.ts';
import type { Reply, Request } from './http.ts';
import { JwtError } from './jwt.ts';
import { verifyIdentityToken } from './oidc-verify.ts';
import type { TrustedIssuer } from './oidc-verify.ts';

export const SIGNING_CERT_PATH = '/api/v2/signingCert';

interface CertificateRequest {
  token: string;
  publicKey: KeyObject;
  proofOfPossession: Buffer;
}

class BadRequest extends Error {}

export function toPem(der: ArrayBufferView): string {
  const b64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${b64.replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
}

export function fulcioRoute(ca: CA, trusted: TrustedIssuer): (request: Request) => Promise<Reply> {
  return async ({ method, url, body }) => {
    if (url.pathname !== SIGNING_CERT_PATH) return jsonError(404, `no such path ${url.pathname}`);
    if (method !== 'POST') return jsonError(405, `${method} not allowed`);
    let request: CertificateRequest;
    try {
      request = parseRequest(body);
    } catch (err) {
      return jsonError(400, (err as Error).message);
    }
    let claims: Record<string, unknown>;
    try {
      claims = verifyIdentityToken(request.token, trusted);
    } catch (err) {
      if (err instanceof JwtError)
        return jsonError(401, `There was an error processing the identity token: ${err.message}`);
      throw err;
    }
    try {
      checkGithubClaims(claims);
    } catch (err) {
      return jsonError(400, `There was an error processing the identity token: ${(err as Error).message}`);
    }
    if (!verify('sha256', Buffer.from(claims.sub as string), request.publicKey, request.proofOfPossession)) {
      return jsonError(400, 'The signature supplied in the request could not be verified');
    }
    const leaf = await ca.issueCertificate({
      publicKey: request.publicKey.export({ format: 'der', type: 'spki' }),
      subjectAltName: `https://github.com/${claims.job_workflow_ref as string}`,
      extensions: githubExtensions(claims),
    });
    return json(201, {
      signedCertificateEmbeddedSct: { chain: { certificates: [toPem(leaf), toPem(ca.rootCertificate)] } },
    });
  };
}

function parseRequest(body: Buffer): CertificateRequest {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new BadRequest('request body is not JSON');
  }
  if (typeof value !== 'object' || value === null) throw new BadRequest('request body is not a JSON object');
  const req = value as {
    credentials?: { oidcIdentityToken?: unknown };
    publicKeyRequest?: { publicKey?: { algorithm?: unknown; content?: unknown }; proofOfPossession?: unknown };
    certificateSigningRequest?: unknown;
  };
  if (req.certificateSigningRequest !== undefined)
    throw new BadRequest('certificateSigningRequest is not supported by the local stack: send publicKeyRequest');
  const token = req.credentials?.oidcIdentityToken;
  if (typeof token !== 'string' || token === '') throw new BadRequest('credentials.oidcIdentityToken is missing');
  const pem = req.publicKeyRequest?.publicKey?.content;
  const pop = req.publicKeyRequest?.proofOfPossession;
  if (typeof pem !== 'string' || typeof pop !== 'string')
    throw new BadRequest('publicKeyRequest.publicKey.content and publicKeyRequest.proofOfPossession are required');
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(pem);
  } catch {
    throw new BadRequest('The public key supplied in the request could not be parsed');
  }
  // The mock CA issues for ECDSA P-256 keys only (what @sigstore/sign's ephemeral signer makes).
  if (publicKey.asymmetricKeyType !== 'ec' || publicKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new BadRequest('The public key supplied in the request is not an ECDSA P-256 key');
  }
  return { token, publicKey, proofOfPossession: Buffer.from(pop, 'base64') };
}
