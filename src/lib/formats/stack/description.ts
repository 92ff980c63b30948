// The description of a running stack: what `countersign stack --out FILE` writes and what
// `--sigstore FILE` reads (flows/sign/instances.ts reads the file, instanceFromStackDescription
// below checks it strictly). Plain JSON.
import { isAbsolute } from 'node:path';
import { InputError } from '../../basics/errors/errors.ts';
import { Shape, describe } from '../../basics/json/shape.ts';
import { checkServiceUrl } from '../../basics/net/url.ts';

export interface StackDescription {
  mediaType: string;
  /** Fulcio base URL (POST /api/v2/signingCert). */
  fulcioUrl: string;
  /** Rekor base URL (POST /api/v1/log/entries, or /api/v2/log/entries for Rekor v2); absent: no log (github mode). */
  rekorUrl?: string;
  /** Rekor's major API version: 1 (default) or 2 (tiles, dsse 0.0.2, no integrated time). */
  rekorApiVersion?: number;
  /** Which instance the stack imitates: public-good (default), github or rekor-v2. */
  instance?: string;
  /** The stack's Sigstore SigningConfig v0.2 (absolute path), for `--sigstore FILE --trusted-root ROOT`. */
  signingConfig?: string;
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

export const STACK_DESCRIPTION_MEDIA_TYPE = 'application/vnd.countersign.stack.v1+json';
/** A stack description is a few hundred bytes. */
export const MAX_STACK_FILE_BYTES = 64 * 1024;

export interface ResolvedInstance {
  kind: 'public-good' | 'github' | 'stack' | 'signing-config';
  /** For messages: "public-good", "github", "stack <path>" or "signing config <path>". */
  name: string;
  fulcioUrl: string;
  /** Rekor base URL: when set, the signature is logged (tlog entry in the bundle). */
  rekorUrl: string | undefined;
  /** RFC 3161 TSA base URL: when set, the signature is timestamped. */
  tsaUrl: string | undefined;
  /** The trusted root that verifies this instance's bundles, when it has a local one (stack). */
  trustedRootPath: string | undefined;
  /** Rekor's API version (default 1): 2 sends dsse 0.0.2 entries to /api/v2/log/entries. */
  rekorApiVersion?: 1 | 2;
  /** Every Rekor log and TSA to use, when the instance names several (a SigningConfig's ALL or EXACT selector). */
  rekorUrls?: readonly string[];
  tsaUrls?: readonly string[];
}

const STRING_FIELDS = [
  'mediaType',
  'fulcioUrl',
  'tsaUrl',
  'trustedRoot',
  'tokenUrl',
  'requestToken',
  'issuer',
  'jobWorkflowRef',
  'identity',
] as const;
const BOOLEAN_FIELDS = ['useRekor', 'useTsa'] as const;
const OPTIONAL_STRING_FIELDS = ['rekorUrl', 'instance', 'signingConfig'] as const;

/** Validates a parsed stack description (see src/lib/formats/stack/description.ts). `what` names it. */
export function instanceFromStackDescription(value: unknown, what: string): ResolvedInstance {
  const s = new Shape(what, 'sigstore-instance-invalid');
  const doc = s.object(value, '$', STRING_FIELDS, [...BOOLEAN_FIELDS, ...OPTIONAL_STRING_FIELDS, 'rekorApiVersion']);
  for (const key of STRING_FIELDS) s.text(doc[key], `$.${key}`);
  for (const key of OPTIONAL_STRING_FIELDS) if (Object.hasOwn(doc, key)) s.text(doc[key], `$.${key}`);
  const rekorApiVersion = Object.hasOwn(doc, 'rekorApiVersion') ? doc.rekorApiVersion : 1;
  if (rekorApiVersion !== 1 && rekorApiVersion !== 2)
    s.fail('$.rekorApiVersion', `expected 1 or 2, found ${describe(rekorApiVersion)}`);
  for (const key of BOOLEAN_FIELDS) {
    if (Object.hasOwn(doc, key) && typeof doc[key] !== 'boolean')
      s.fail(`$.${key}`, `expected true or false, found ${describe(doc[key])}`);
  }
  if (doc.mediaType !== STACK_DESCRIPTION_MEDIA_TYPE) {
    throw new InputError(
      'sigstore-instance-invalid',
      `${what}: expected mediaType ${STACK_DESCRIPTION_MEDIA_TYPE}, found ${JSON.stringify(doc.mediaType)}`,
    );
  }
  const trustedRoot = doc.trustedRoot as string;
  if (!isAbsolute(trustedRoot))
    throw new InputError(
      'sigstore-instance-invalid',
      `${what}: expected "trustedRoot" to be an absolute path, found ${JSON.stringify(trustedRoot)}`,
    );
  checkServiceUrl(doc.tokenUrl as string, `${what}: tokenUrl`, { allowQuery: true });
  // No rekorUrl: the stack runs no log (github mode), as if "useRekor": false.
  const useRekor = doc.useRekor !== false && typeof doc.rekorUrl === 'string';
  const useTsa = doc.useTsa !== false;
  if (!useRekor && !useTsa)
    throw new InputError(
      'sigstore-instance-invalid',
      `${what}: "useRekor" and "useTsa" are both false: a signature needs a transparency log entry or a timestamp`,
    );
  return {
    kind: 'stack',
    name: `stack ${what.replace(/^stack description /, '')}`,
    fulcioUrl: checkServiceUrl(doc.fulcioUrl as string, `${what}: fulcioUrl`),
    rekorUrl: useRekor ? checkServiceUrl(doc.rekorUrl as string, `${what}: rekorUrl`) : undefined,
    tsaUrl: useTsa ? checkServiceUrl(doc.tsaUrl as string, `${what}: tsaUrl`) : undefined,
    trustedRootPath: trustedRoot,
    ...(useRekor && rekorApiVersion === 2 ? { rekorApiVersion } : {}),
  };
}
