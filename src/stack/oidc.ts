// The stack's OIDC issuer, shaped like GitHub Actions' ID-token endpoint: a runner gets
// ACTIONS_ID_TOKEN_REQUEST_URL (which already has a query, `?api-version=2.0`) and
// ACTIONS_ID_TOKEN_REQUEST_TOKEN; actions/toolkit's getIDToken appends `&audience=...`,
// sends `Authorization: Bearer <request token>` and reads `{"value": "<jwt>"}`.
// Tokens are ES256 JWTs with GitHub's claims (github-claims.ts). A `job_workflow_ref=` query
// parameter (a stack extension, not GitHub's) mints one token for another workflow so that
// tests can sign as someone else; `caller_workflow_ref=` (also an extension) mints it for a
// reusable-workflow call from that workflow of another repository (github-claims.ts).
// Discovery and JWKS are served for completeness.
import { createHash, generateKeyPairSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { githubClaims, parseJobWorkflowRef } from './github-claims.ts';
import { json, jsonError } from './http.ts';
import type { Reply, Request } from './http.ts';
import { signJwtES256 } from './jwt.ts';

/** GitHub's tokens are short-lived; five minutes is enough for any signing run. */
export const TOKEN_LIFETIME_SECONDS = 300;
export const TOKEN_PATH = '/_apis/distributedtask/idtoken';

export interface MintOptions {
  audience: string;
  jobWorkflowRef?: string;
  /** Mint for a reusable-workflow call of jobWorkflowRef by this workflow (OWNER/REPO/.github/workflows/FILE@REF). */
  callerWorkflowRef?: string;
  /** Issue time, seconds since the epoch (tests make expired tokens with it). */
  nowSeconds?: number;
  lifetimeSeconds?: number;
}

export class OidcIssuer {
  readonly issuer: string;
  readonly jobWorkflowRef: string;
  /** The default caller: every token is then a reusable-workflow call (stack --caller-workflow-ref). */
  readonly callerWorkflowRef: string | undefined;
  readonly publicKey: KeyObject;
  readonly kid: string;
  /** The bearer secret that the token endpoint requires (ACTIONS_ID_TOKEN_REQUEST_TOKEN). */
  readonly requestToken: string;
  private readonly privateKey: KeyObject;

  constructor(options: { issuer: string; jobWorkflowRef: string; callerWorkflowRef?: string }) {
    parseJobWorkflowRef(options.jobWorkflowRef);
    if (options.callerWorkflowRef !== undefined) parseJobWorkflowRef(options.callerWorkflowRef);
    if (!URL.canParse(options.issuer) || !/^https?:$/.test(new URL(options.issuer).protocol)) {
      throw new Error(`issuer ${JSON.stringify(options.issuer)} is not an http(s) URL`);
    }
    this.issuer = options.issuer;
    this.jobWorkflowRef = options.jobWorkflowRef;
    this.callerWorkflowRef = options.callerWorkflowRef;
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.publicKey = publicKey;
    this.privateKey = privateKey;
    // RFC 7638 thumbprint of the public JWK as the key id.
    const jwk = publicKey.export({ format: 'jwk' });
    this.kid = createHash('sha256')
      .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }))
      .digest('base64url');
    this.requestToken = randomBytes(24).toString('base64url');
  }

  mint(options: MintOptions): string {
    const callerWorkflowRef = options.callerWorkflowRef ?? this.callerWorkflowRef;
    const claims = githubClaims({
      issuer: this.issuer,
      audience: options.audience,
      jobWorkflowRef: options.jobWorkflowRef ?? this.jobWorkflowRef,
      ...(callerWorkflowRef !== undefined ? { callerWorkflowRef } : {}),
      nowSeconds: options.nowSeconds ?? Math.floor(Date.now() / 1000),
      lifetimeSeconds: options.lifetimeSeconds ?? TOKEN_LIFETIME_SECONDS,
    });
    return signJwtES256(claims, this.privateKey, this.kid);
  }

  route(baseUrl: string): (request: Request) => Promise<Reply> {
    return (request) => Promise.resolve().then(() => this.answer(baseUrl, request));
  }

  private answer(baseUrl: string, { method, url, headers }: Request): Reply {
    if (method !== 'GET') return jsonError(405, `${method} not allowed`);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer: this.issuer,
        jwks_uri: `${baseUrl}/.well-known/jwks`,
        subject_types_supported: ['public', 'pairwise'],
        response_types_supported: ['id_token'],
        claims_supported: [
          'sub',
          'aud',
          'exp',
          'iat',
          'iss',
          'jti',
          'nbf',
          'ref',
          'repository',
          'repository_id',
          'repository_owner',
          'repository_owner_id',
          'run_id',
          'run_attempt',
          'workflow',
          'workflow_ref',
          'workflow_sha',
          'job_workflow_ref',
          'job_workflow_sha',
          'runner_environment',
          'event_name',
          'sha',
        ],
        id_token_signing_alg_values_supported: ['ES256'],
        scopes_supported: ['openid'],
      });
    }
    if (url.pathname === '/.well-known/jwks') {
      return json(200, {
        keys: [{ ...this.publicKey.export({ format: 'jwk' }), kid: this.kid, use: 'sig', alg: 'ES256' }],
      });
    }
    if (url.pathname !== TOKEN_PATH) return jsonError(404, `no such path ${url.pathname}`);
    if (!this.bearerMatches(headers.authorization)) return jsonError(401, 'missing or wrong bearer token');
    const jobWorkflowRef = url.searchParams.get('job_workflow_ref') ?? this.jobWorkflowRef;
    const callerWorkflowRef = url.searchParams.get('caller_workflow_ref') ?? this.callerWorkflowRef;
    let owner: string;
    try {
      parseJobWorkflowRef(jobWorkflowRef);
      // The run's repository is the caller's, when there is one.
      owner = parseJobWorkflowRef(callerWorkflowRef ?? jobWorkflowRef).owner;
    } catch (err) {
      return jsonError(400, (err as Error).message);
    }
    // Without an audience GitHub uses the repository owner's URL.
    const audience = url.searchParams.get('audience') ?? `https://github.com/${owner}`;
    return json(200, {
      count: 1,
      value: this.mint({ audience, jobWorkflowRef, ...(callerWorkflowRef !== undefined ? { callerWorkflowRef } : {}) }),
    });
  }

  private bearerMatches(authorization: string | undefined): boolean {
    const m = /^bearer (\S+)$/i.exec(authorization ?? '');
    if (!m) return false;
    const given = Buffer.from(m[1] as string);
    const expected = Buffer.from(this.requestToken);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
