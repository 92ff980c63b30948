// The description of a running stack: what `countersign stack --out FILE` writes and what
// `--sigstore FILE` reads (src/lib/sigstore/instances.ts parses it strictly). Plain JSON.
export interface StackDescription {
  mediaType: string;
  /** Fulcio base URL (POST /api/v2/signingCert). */
  fulcioUrl: string;
  /** Rekor base URL (POST /api/v1/log/entries). */
  rekorUrl: string;
  /** Timestamp authority base URL (POST /api/v1/timestamp). */
  tsaUrl: string;
  /** Absolute path of the stack's trusted_root.json. */
  trustedRoot: string;
  /** Like ACTIONS_ID_TOKEN_REQUEST_URL: already has a query, append `&audience=sigstore`. */
  tokenUrl: string;
  /** Like ACTIONS_ID_TOKEN_REQUEST_TOKEN: the bearer secret for tokenUrl. */
  requestToken: string;
  /** The `iss` of the tokens, and the certificates' issuer extension. */
  issuer: string;
  /** The default job_workflow_ref of the tokens. */
  jobWorkflowRef: string;
  /** The certificate SAN that signing with the default token yields. */
  identity: string;
}
