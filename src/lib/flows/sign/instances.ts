// Which Sigstore services sign (`--sigstore`): production is the default.
//   public-good  Fulcio https://fulcio.sigstore.dev, Rekor https://rekor.sigstore.dev (tlog)
//   github       Fulcio https://fulcio.githubapp.com, TSA https://timestamp.githubapp.com
//                (GitHub's private instance: RFC 3161 timestamps, no transparency log)
//   <path>       a stack description JSON written by `countersign stack` (src/stack/): its
//                Fulcio, and BOTH its Rekor and its TSA unless the file says otherwise with
//                "useRekor": false or "useTsa": false (at least one must stay on).
// A stack file is parsed strictly (size cap, no duplicate or unknown keys) and its URLs must
// be https, or plain http to a loopback address only: the identity token is sent to Fulcio,
// and a bearer token must never cross a network in clear text.
import { readFile, stat } from 'node:fs/promises';
import { parseStrictJson } from '../../basics/json/strict-json.ts';
import { InputError } from '../../basics/errors/errors.ts';
import { MAX_STACK_FILE_BYTES, type ResolvedInstance, instanceFromStackDescription } from '../../formats/stack/description.ts';

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
