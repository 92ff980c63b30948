// Which Sigstore services sign (`--sigstore`): production is the default.
//   public-good  Fulcio https://fulcio.sigstore.dev, Rekor https://rekor.sigstore.dev (tlog)
//   github       Fulcio https://fulcio.githubapp.com, TSA https://timestamp.githubapp.com
//                (GitHub's private instance: RFC 3161 timestamps, no transparency log)
//   <path>       a stack description JSON written by `countersign stack` (test/stack/): its
//                Fulcio, and BOTH its Rekor and its TSA unless the file says otherwise with
//                "useRekor": false or "useTsa": false (at least one must stay on).
// A stack file is parsed strictly (size cap, no duplicate or unknown keys) and its URLs must
// be https, or plain http to a loopback address only: the identity token is sent to Fulcio,
// and a bearer token must never cross a network in clear text.
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { parseStrictJson } from '../bundle/strict-json.ts';
import { InputError } from '../errors.ts';

export const STACK_DESCRIPTION_MEDIA_TYPE = 'application/vnd.countersign.stack.v1+json';
/** A stack description is a few hundred bytes. */
export const MAX_STACK_FILE_BYTES = 64 * 1024;

export interface ResolvedInstance {
  kind: 'public-good' | 'github' | 'stack';
  /** For messages: "public-good", "github" or "stack <path>". */
  name: string;
  fulcioUrl: string;
  /** Rekor base URL: when set, the signature is logged (tlog entry in the bundle). */
  rekorUrl: string | undefined;
  /** RFC 3161 TSA base URL: when set, the signature is timestamped. */
  tsaUrl: string | undefined;
  /** The trusted root that verifies this instance's bundles, when it has a local one (stack). */
  trustedRootPath: string | undefined;
}

export const PUBLIC_GOOD: ResolvedInstance = Object.freeze({
  kind: 'public-good',
  name: 'public-good',
  fulcioUrl: 'https://fulcio.sigstore.dev',
  rekorUrl: 'https://rekor.sigstore.dev',
  tsaUrl: undefined,
  trustedRootPath: undefined,
});

export const GITHUB: ResolvedInstance = Object.freeze({
  kind: 'github',
  name: 'github',
  fulcioUrl: 'https://fulcio.githubapp.com',
  rekorUrl: undefined,
  tsaUrl: 'https://timestamp.githubapp.com',
  trustedRootPath: undefined,
});

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

/**
 * Checks a service URL and returns it without a trailing slash: https, or http to loopback
 * (127.0.0.0/8, ::1, localhost); no credentials, query or fragment. `what` names the input.
 */
export function checkServiceUrl(value: string, what: string, options: { allowQuery?: boolean } = {}): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError('bad-service-url', `${what}: expected an absolute URL, found ${JSON.stringify(value.slice(0, 200))}`);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError('bad-service-url', `${what}: expected an https URL (plain http only to a loopback address), found ${url.protocol}//${url.host}`);
  }
  if (url.username || url.password || url.hash || (url.search && !options.allowQuery)) {
    throw new InputError('bad-service-url', `${what}: expected a URL without credentials${options.allowQuery ? '' : ', query'} or fragment, found ${JSON.stringify(value.slice(0, 200))}`);
  }
  return value.replace(/\/+$/, '');
}

/** Resolves `--sigstore` (default public-good): a known instance name, else a stack file path. */
export async function resolveInstance(choice: string = 'public-good'): Promise<ResolvedInstance> {
  if (choice === 'public-good') return PUBLIC_GOOD;
  if (choice === 'github') return GITHUB;
  const what = `--sigstore ${choice}`;
  let bytes: Uint8Array;
  try {
    const st = await stat(choice);
    if (!st.isFile()) throw new InputError('sigstore-instance-invalid', `${what}: expected public-good, github or a stack description file, found something that is not a regular file`);
    if (st.size > MAX_STACK_FILE_BYTES) throw new InputError('too-large', `${what}: ${st.size} bytes is over the limit of ${MAX_STACK_FILE_BYTES} bytes for a stack description`);
    bytes = await readFile(choice);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const found = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String((err as Error).message);
    throw new InputError('sigstore-instance-invalid', `${what}: expected public-good, github or a stack description file, found ${found}`);
  }
  return instanceFromStackDescription(parseStrictJson(bytes, `stack description ${choice}`, { maxBytes: MAX_STACK_FILE_BYTES, maxDepth: 4 }), `stack description ${choice}`);
}

const STRING_FIELDS = ['mediaType', 'fulcioUrl', 'rekorUrl', 'tsaUrl', 'trustedRoot', 'tokenUrl', 'requestToken', 'issuer', 'jobWorkflowRef', 'identity'] as const;
const BOOLEAN_FIELDS = ['useRekor', 'useTsa'] as const;
const KNOWN_FIELDS = new Set<string>([...STRING_FIELDS, ...BOOLEAN_FIELDS]);

/** Validates a parsed stack description (see test/stack/description.ts). `what` names it. */
export function instanceFromStackDescription(value: unknown, what: string): ResolvedInstance {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('sigstore-instance-invalid', `${what}: expected a JSON object, found ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
  const doc = value as Record<string, unknown>;
  for (const key of Object.keys(doc)) {
    if (!KNOWN_FIELDS.has(key)) throw new InputError('sigstore-instance-invalid', `${what}: unknown field ${JSON.stringify(key)}`);
  }
  for (const key of STRING_FIELDS) {
    if (typeof doc[key] !== 'string' || doc[key] === '') throw new InputError('sigstore-instance-invalid', `${what}: expected a non-empty string "${key}", found ${JSON.stringify(doc[key] ?? null)}`);
  }
  for (const key of BOOLEAN_FIELDS) {
    if (doc[key] !== undefined && typeof doc[key] !== 'boolean') throw new InputError('sigstore-instance-invalid', `${what}: expected "${key}" to be true or false, found ${JSON.stringify(doc[key])}`);
  }
  if (doc.mediaType !== STACK_DESCRIPTION_MEDIA_TYPE) {
    throw new InputError('sigstore-instance-invalid', `${what}: expected mediaType ${STACK_DESCRIPTION_MEDIA_TYPE}, found ${JSON.stringify(doc.mediaType)}`);
  }
  const trustedRoot = doc.trustedRoot as string;
  if (!isAbsolute(trustedRoot)) throw new InputError('sigstore-instance-invalid', `${what}: expected "trustedRoot" to be an absolute path, found ${JSON.stringify(trustedRoot)}`);
  checkServiceUrl(doc.tokenUrl as string, `${what}: tokenUrl`, { allowQuery: true });
  const useRekor = doc.useRekor !== false;
  const useTsa = doc.useTsa !== false;
  if (!useRekor && !useTsa) throw new InputError('sigstore-instance-invalid', `${what}: "useRekor" and "useTsa" are both false: a signature needs a transparency log entry or a timestamp`);
  return {
    kind: 'stack',
    name: `stack ${what.replace(/^stack description /, '')}`,
    fulcioUrl: checkServiceUrl(doc.fulcioUrl as string, `${what}: fulcioUrl`),
    rekorUrl: useRekor ? checkServiceUrl(doc.rekorUrl as string, `${what}: rekorUrl`) : undefined,
    tsaUrl: useTsa ? checkServiceUrl(doc.tsaUrl as string, `${what}: tsaUrl`) : undefined,
    trustedRootPath: trustedRoot,
  };
}
