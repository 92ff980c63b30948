// Compact JWS with ES256 only (RFC 7515, RFC 7518 §3.4), on node:crypto. The verifier is the
// stack's Fulcio gate, so it fails closed: the header must say exactly ES256 (an "alg":"none"
// token or any other algorithm is refused before any signature work), the signature must be
// the 64-byte r||s form that JWS uses, and every claim check is explicit in oidc-verify.ts.
import { sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** Caps the size of a token before it is decoded (GitHub's tokens are ~1-2 KiB). */
export const MAX_JWT_BYTES = 16 * 1024;

export class JwtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JwtError';
  }
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

export function signJwtES256(claims: Record<string, unknown>, privateKey: KeyObject, kid: string): string {
  const signingInput = `${b64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid }))}.${b64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(signingInput), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${b64url(signature)}`;
}

/** Splits and decodes a compact JWS without checking anything but its syntax. */
export function decodeJwt(token: string): DecodedJwt {
  if (token.length > MAX_JWT_BYTES)
    throw new JwtError(`token of ${token.length} bytes is over the limit of ${MAX_JWT_BYTES}`);
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) {
    throw new JwtError('token is not a compact JWS (three base64url parts)');
  }
  const [h, c, s] = parts as [string, string, string];
  return {
    header: decodeJsonPart(h, 'header'),
    claims: decodeJsonPart(c, 'claims'),
    signingInput: `${h}.${c}`,
    signature: Buffer.from(s, 'base64url'),
  };
}

function decodeJsonPart(part: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new JwtError(`token ${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new JwtError(`token ${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

/** Checks the header and the ES256 signature; returns the (not yet validated) claims. */
export function verifyJwtES256(token: string, publicKey: KeyObject, kid: string): Record<string, unknown> {
  const jwt = decodeJwt(token);
  if (jwt.header.alg !== 'ES256') throw new JwtError(`token algorithm ${JSON.stringify(jwt.header.alg)} is not ES256`);
  if (jwt.header.kid !== undefined && jwt.header.kid !== kid)
    throw new JwtError(`token key id ${JSON.stringify(jwt.header.kid)} is unknown`);
  if (jwt.signature.length !== 64)
    throw new JwtError(`token signature is ${jwt.signature.length} bytes, expected 64 (ES256 r||s)`);
  const ok = verify(
    'sha256',
    Buffer.from(jwt.signingInput),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    jwt.signature,
  );
  if (!ok) throw new JwtError('token signature does not verify with the issuer key');
  return jwt.claims;
}
