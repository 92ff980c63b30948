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
import { parseStrictJson } from '../../basics/json/strict-json.ts';
import { readCappedFile } from '../../basics/io/read-capped.ts';
import {
  MAX_STACK_FILE_BYTES,
  type ResolvedInstance,
  instanceFromStackDescription,
} from '../../formats/stack/description.ts';

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
  const bytes = await readCappedFile(choice, {
    what,
    maxBytes: MAX_STACK_FILE_BYTES,
    codes: { unreadable: 'sigstore-instance-invalid', changed: 'sigstore-instance-invalid' },
    message: (f) =>
      f.kind === 'too-large' && f.size !== undefined
        ? `${what}: ${f.size} bytes is over the limit of ${MAX_STACK_FILE_BYTES} bytes for a stack description`
        : f.kind === 'unreadable' || f.kind === 'not-a-file'
          ? `${what}: expected public-good, github or a stack description file, found ${f.kind === 'unreadable' ? f.reason : 'something that is not a regular file'}`
          : undefined,
  });
  return instanceFromStackDescription(
    parseStrictJson(bytes, `stack description ${choice}`, { maxBytes: MAX_STACK_FILE_BYTES, maxDepth: 4 }),
    `stack description ${choice}`,
  );
}
