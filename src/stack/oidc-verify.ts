// How the stack's Fulcio authenticates an identity token, as real Fulcio does through
// go-oidc's IDTokenVerifier (OpenID Connect Core 1.0 §3.1.3.7): signature by the issuer's
// key, `iss` equal to the configured issuer, `aud` containing Fulcio's client id "sigstore",
// `exp` in the future, `nbf` (when present) not in the future beyond a small clock skew.
import type { KeyObject } from 'node:crypto';
import { JwtError, verifyJwtES256 } from './jwt.ts';

export const FULCIO_AUDIENCE = 'sigstore';
/** Allowed clock skew for nbf/iat, as go-oidc allows a little leeway. */
const SKEW_SECONDS = 60;

export interface TrustedIssuer {
  issuer: string;
  publicKey: KeyObject;
  kid: string;
}

export function verifyIdentityToken(
  token: string,
  trusted: TrustedIssuer,
  nowSeconds = Math.floor(Date.now() / 1000),
): Record<string, unknown> {
  const claims = verifyJwtES256(token, trusted.publicKey, trusted.kid);
  if (claims.iss !== trusted.issuer) {
    throw new JwtError(
      `token issuer ${JSON.stringify(claims.iss)} is not the configured issuer ${JSON.stringify(trusted.issuer)}`,
    );
  }
  const aud = claims.aud;
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
  if (!audiences.includes(FULCIO_AUDIENCE)) {
    throw new JwtError(`token audience ${JSON.stringify(aud)} does not contain ${JSON.stringify(FULCIO_AUDIENCE)}`);
  }
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp))
    throw new JwtError('token has no numeric exp claim');
  if (claims.exp <= nowSeconds) throw new JwtError(`token expired at ${new Date(claims.exp * 1000).toISOString()}`);
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > nowSeconds + SKEW_SECONDS)) {
    throw new JwtError('token is not valid yet (nbf)');
  }
  if (typeof claims.sub !== 'string' || claims.sub === '') throw new JwtError('token has no sub claim');
  return claims;
}
