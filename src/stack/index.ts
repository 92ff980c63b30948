// The local Sigstore stack on loopback: an OIDC issuer shaped like GitHub Actions' token
// endpoint, Fulcio, Rekor and a timestamp authority, each a real HTTP server on 127.0.0.1 (the
// CLI and @sigstore/sign talk real HTTP, so nock-style interception is not enough), built on
// @sigstore/mock's CA, CT log and TSA and the stack's own Rekor (log.ts: one growing Merkle
// tree, Rekor v1 or v2), plus a trusted_root.json for verifiers and a signing_config.json for
// signers. Every start makes fresh keys: nothing signed by one stack verifies under another.
// Three instances (`instance`):
//   public-good  Fulcio with SCTs from a CT log, Rekor v1, a TSA (what sigstore.dev runs)
//   github       Fulcio without CT log or SCTs, a TSA, no Rekor (GitHub's private instance:
//                its trusted root lists only Fulcio and the TSA, so time comes from the TSA)
//   rekor-v2     public-good with Rekor v2 (dsse 0.0.2 entries, C2SP checkpoints, no
//                integrated time: the TSA gives the time)
//
//   const stack = await startStack();
//   ... stack.description.fulcioUrl, fetchToken(stack.description) ...
//   await stack.close();
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { initializeCA } from '@sigstore/mock/dist/fulcio/ca.js';
import { initializeCTLog } from '@sigstore/mock/dist/fulcio/ctlog.js';
import { initializeTSA } from '@sigstore/mock/dist/timestamp/tsa.js';
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import { STACK_DESCRIPTION_MEDIA_TYPE } from '../lib/formats/stack/description.ts';
import type { StackDescription } from '../lib/formats/stack/description.ts';
import { fulcioRoute } from './fulcio.ts';
import { DEFAULT_JOB_WORKFLOW_REF, GITHUB_ISSUER, parseJobWorkflowRef, sourceRepositoryOf } from './github-claims.ts';
import { LoopbackServer } from './http.ts';
import { OidcIssuer, TOKEN_PATH } from './oidc.ts';
import type { MintOptions } from './oidc.ts';
import { StackLog } from './log.ts';
import { rekorRoute } from './rekor.ts';
import { rekorV2Route } from './rekor-v2.ts';
import { buildSigningConfig } from './signing-config.ts';
import { buildTrustedRoot } from './trusted-root.ts';
import { tsaRoute } from './tsa.ts';

export type { StackDescription } from '../lib/formats/stack/description.ts';
export { fetchToken } from './fetch-token.ts';
export type { FetchTokenOptions } from './fetch-token.ts';
export { DEFAULT_JOB_WORKFLOW_REF, GITHUB_ISSUER, sourceRepositoryOf } from './github-claims.ts';

export const STACK_INSTANCES = ['public-good', 'github', 'rekor-v2'] as const;
export type StackInstance = (typeof STACK_INSTANCES)[number];

export interface StackOptions {
  /** Which Sigstore instance to imitate (default public-good). */
  instance?: StackInstance;
  /** The identity of the tokens (default acme/app/.github/workflows/release.yml@refs/heads/main). */
  jobWorkflowRef?: string;
  /**
   * Make every token a reusable-workflow call of jobWorkflowRef by this workflow of another
   * repository (OWNER/REPO/.github/workflows/FILE@REF): same SAN, the caller's repository claims.
   */
  callerWorkflowRef?: string;
  /** The tokens' `iss` (default GitHub's https://token.actions.githubusercontent.com). */
  issuer?: string;
  /** Where to write trusted_root.json (default: a fresh temporary directory, removed on close). */
  dir?: string;
}

export interface Stack {
  description: StackDescription;
  /**
   * The source-repository claims of the default tokens' certificates (the repository of
   * jobWorkflowRef, or of the caller), as a policy pins them in githubClaims. Ids are derived
   * from the names (github-claims.ts), the same on every start.
   */
  sourceRepository: { repository: string; repositoryId: string; repositoryOwnerId: string };
  /** Mints a token with the stack's OIDC key directly (tests: expired or odd-audience tokens). */
  mintToken(options: MintOptions): string;
  /** Requests each service has received (tests: "nothing was sent"); rekor is 0 in github mode. */
  requestCounts(): { oidc: number; fulcio: number; rekor: number; tsa: number };
  /** Entries in the stack's Rekor tree (0 in github mode). */
  logSize(): number;
  close(): Promise<void>;
}

const newKeyPair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const jobWorkflowRef = options.jobWorkflowRef ?? DEFAULT_JOB_WORKFLOW_REF;
  const oidc = new OidcIssuer({
    issuer: options.issuer ?? GITHUB_ISSUER,
    jobWorkflowRef,
    ...(options.callerWorkflowRef !== undefined ? { callerWorkflowRef: options.callerWorkflowRef } : {}),
  });
  const sourceRepository = sourceRepositoryOf(
    parseJobWorkflowRef(options.callerWorkflowRef ?? jobWorkflowRef).repository,
  );
  const instance = options.instance ?? 'public-good';
  if (!(STACK_INSTANCES as readonly string[]).includes(instance))
    throw new Error(`unknown stack instance ${JSON.stringify(instance)}: expected ${STACK_INSTANCES.join(', ')}`);
  const withRekor = instance !== 'github';
  const servers = await Promise.all(Array.from({ length: withRekor ? 4 : 3 }, () => LoopbackServer.listen()));
  const [oidcServer, fulcioServer, tsaServer, rekorServer] = servers as [
    LoopbackServer,
    LoopbackServer,
    LoopbackServer,
    LoopbackServer | undefined,
  ];
  const ownDir = options.dir === undefined;
  let dir: string | undefined;
  const closeAll = async () => {
    await Promise.all(servers.map((s) => s.close()));
    if (ownDir && dir !== undefined) await rm(dir, { recursive: true, force: true });
  };
  try {
    // GitHub's Fulcio logs no precertificate: no CT log, no SCT in its certificates.
    const ctlog = instance === 'github' ? undefined : await initializeCTLog(newKeyPair());
    const [ca, tsa] = await Promise.all([initializeCA(newKeyPair(), ctlog), initializeTSA(newKeyPair())]);
    const rekorApiVersion = instance === 'rekor-v2' ? 2 : 1;
    const tlog = rekorServer ? new StackLog(rekorServer.url, rekorApiVersion) : undefined;
    oidcServer.serve(oidc.route(oidcServer.url));
    fulcioServer.serve(fulcioRoute(ca, oidc));
    if (rekorServer && tlog)
      rekorServer.serve(rekorApiVersion === 2 ? rekorV2Route(tlog) : rekorRoute(tlog, rekorServer.url));
    tsaServer.serve(tsaRoute(tsa));

    dir = options.dir === undefined ? await mkdtemp(join(tmpdir(), 'countersign-stack-')) : resolve(options.dir);
    await mkdir(dir, { recursive: true });
    const trustedRoot = join(dir, 'trusted_root.json');
    const root = buildTrustedRoot({
      ca,
      ctlog,
      tlog,
      tsa,
      fulcioUrl: fulcioServer.url,
      rekorUrl: rekorServer?.url,
      tsaUrl: tsaServer.url,
    });
    await writeFileAtomic(trustedRoot, `${JSON.stringify(root, null, 2)}\n`);
    const signingConfig = join(dir, 'signing_config.json');
    const config = buildSigningConfig({
      fulcioUrl: fulcioServer.url,
      oidcUrl: oidcServer.url,
      rekor: rekorServer ? { url: rekorServer.url, majorApiVersion: rekorApiVersion } : undefined,
      tsaUrl: tsaServer.url,
    });
    await writeFileAtomic(signingConfig, `${JSON.stringify(config, null, 2)}\n`);

    const description: StackDescription = {
      mediaType: STACK_DESCRIPTION_MEDIA_TYPE,
      fulcioUrl: fulcioServer.url,
      ...(rekorServer ? { rekorUrl: rekorServer.url } : {}),
      ...(rekorApiVersion === 2 ? { rekorApiVersion } : {}),
      tsaUrl: tsaServer.url,
      trustedRoot,
      signingConfig,
      instance,
      // Shaped like ACTIONS_ID_TOKEN_REQUEST_URL, which already carries a query.
      tokenUrl: `${oidcServer.url}${TOKEN_PATH}?api-version=2.0`,
      requestToken: oidc.requestToken,
      issuer: oidc.issuer,
      jobWorkflowRef,
      identity: `https://github.com/${jobWorkflowRef}`,
    };
    return {
      description,
      sourceRepository,
      mintToken: (o) => oidc.mint(o),
      requestCounts: () => ({
        oidc: oidcServer.requests,
        fulcio: fulcioServer.requests,
        rekor: rekorServer?.requests ?? 0,
        tsa: tsaServer.requests,
      }),
      logSize: () => tlog?.size ?? 0,
      close: closeAll,
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
