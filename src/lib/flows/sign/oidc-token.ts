// Where the OIDC identity token for Fulcio comes from, first match wins:
//   1. an explicit value (`--identity-token`);
//   2. SIGSTORE_ID_TOKEN (the variable cosign and sigstore-js read);
//   3. GitHub Actions: GET ACTIONS_ID_TOKEN_REQUEST_URL + `&audience=sigstore` with
//      `Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN`, reading `{"value": ...}`, as
//      actions/toolkit's getIDToken does (that URL already carries `?api-version=...`). GitHub
//      only sets the two variables when the job has `permissions: id-token: write`.
// The response is capped in time and size. A token is checked for the shape of a JWT before
// use, and never appears in an error message (it is a bearer credential).
import { parseStrictJson } from '../../basics/json/strict-json.ts';
import { InputError } from '../../basics/errors/errors.ts';
import { checkServiceUrl } from '../../basics/net/url.ts';
import { readCappedBody } from '../../basics/net/http.ts';

export const SIGSTORE_AUDIENCE = 'sigstore';
export const MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;
export const DEFAULT_TOKEN_TIMEOUT_MS = 10_000;

export interface ResolveIdentityTokenOptions {
  /** The `--identity-token` value, when given (undefined when not). */
  explicit?: string | undefined;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

const NO_TOKEN_HELP =
  'no OIDC identity token for Sigstore: in GitHub Actions add `permissions: id-token: write` to the workflow or job ' +
  '(ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set), or pass --identity-token, or set SIGSTORE_ID_TOKEN';

export async function resolveIdentityToken(options: ResolveIdentityTokenOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  if (options.explicit !== undefined) return checkJwtShape(options.explicit, '--identity-token');
  if (env.SIGSTORE_ID_TOKEN) return checkJwtShape(env.SIGSTORE_ID_TOKEN, 'SIGSTORE_ID_TOKEN');
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url && !bearer) throw new InputError('no-identity-token', NO_TOKEN_HELP);
  if (!url || !bearer) {
    throw new InputError(
      'no-identity-token',
      `${NO_TOKEN_HELP} (only ${url ? 'ACTIONS_ID_TOKEN_REQUEST_URL' : 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'} is set)`,
    );
  }
  const token = await requestGithubToken(url, bearer, options.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS);
  return checkJwtShape(token, 'the GitHub Actions OIDC token');
}

async function requestGithubToken(requestUrl: string, bearer: string, timeoutMs: number): Promise<string> {
  const what = 'GitHub Actions OIDC token request';
  checkServiceUrl(requestUrl, `${what}: ACTIONS_ID_TOKEN_REQUEST_URL`, { allowQuery: true });
  const url = `${requestUrl}${requestUrl.includes('?') ? '&' : '?'}audience=${encodeURIComponent(SIGSTORE_AUDIENCE)}`;
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error;
    const reason =
      e.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : ((e.cause as Error | undefined)?.message ?? e.message) || 'network error';
    throw new InputError('identity-token-request-failed', `${what}: ${reason}`);
  }
  const body = await readCappedBody(
    res,
    MAX_TOKEN_RESPONSE_BYTES,
    () => new InputError('too-large', `${what}: response over the limit of ${MAX_TOKEN_RESPONSE_BYTES} bytes`),
  );
  if (res.status !== 200) {
    const snippet = new TextDecoder().decode(body.subarray(0, 200)).replace(/\s+/g, ' ').trim();
    throw new InputError(
      'identity-token-request-failed',
      `${what}: expected HTTP 200, found HTTP ${res.status}${snippet ? `: ${snippet}` : ''}`,
    );
  }
  const doc = parseStrictJson(body, `${what} response`, { maxBytes: MAX_TOKEN_RESPONSE_BYTES, maxDepth: 8 }) as {
    value?: unknown;
  } | null;
  if (typeof doc !== 'object' || doc === null || typeof doc.value !== 'string' || doc.value === '') {
    throw new InputError(
      'identity-token-request-failed',
      `${what}: expected a JSON object with a string "value", found something else`,
    );
  }
  return doc.value;
}

/**
 * Checks that `token` looks like a JWT (three base64url parts, a JSON object payload with a
 * `sub` or `email`, what Fulcio's proof of possession signs) and returns it. `source` names
 * where it came from; the token itself is never echoed.
 */
export function checkJwtShape(token: string, source: string): string {
  const t = token.trim();
  if (t === '')
    throw new InputError(
      'bad-identity-token',
      `${source}: expected an OIDC identity token (a JWT), found an empty value`,
    );
  if (t.length > MAX_TOKEN_RESPONSE_BYTES)
    throw new InputError(
      'bad-identity-token',
      `${source}: ${t.length} bytes is over the limit of ${MAX_TOKEN_RESPONSE_BYTES} bytes for a token`,
    );
  const parts = t.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) {
    throw new InputError(
      'bad-identity-token',
      `${source}: expected a JWT (three base64url parts separated by '.'), found ${parts.length} part(s)`,
    );
  }
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8'));
  } catch {
    throw new InputError(
      'bad-identity-token',
      `${source}: expected a JWT whose payload is JSON, found undecodable claims`,
    );
  }
  const c = claims as { sub?: unknown; email?: unknown } | null;
  if (typeof c !== 'object' || c === null || (typeof c.sub !== 'string' && typeof c.email !== 'string')) {
    throw new InputError('bad-identity-token', `${source}: expected JWT claims with a "sub", found none`);
  }
  return t;
}
