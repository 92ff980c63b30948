// Which Sigstore services sign (`--sigstore`): production is the default.
//   public-good  Fulcio https://fulcio.sigstore.dev, Rekor https://rekor.sigstore.dev (tlog)
//   github       Fulcio https://fulcio.githubapp.com, TSA https://timestamp.githubapp.com
//                (GitHub's private instance: RFC 3161 timestamps, no transparency log)
//   <path>       a stack description JSON written by `countersign stack` (src/stack/): its
//                Fulcio, and BOTH its Rekor and its TSA unless the file says otherwise with
//                "useRekor": false or "useTsa": false (at least one must stay on); or
//                a Sigstore SigningConfig v0.2 (formats/signing-config/), which needs its
//                trusted root (`--trusted-root`): an instance is the pair (issue 14). The
//                services valid now are selected by the config's own rules.
// With a trusted root (a signing config's, a stack's own, or `--trusted-root` beside
// public-good or github), the new bundle is verified under it before it is written.
// Both files are parsed strictly (size cap, no duplicate or unknown keys) and their URLs must
// be https, or plain http to a loopback address only: the identity token is sent to Fulcio,
// and a bearer token must never cross a network in clear text.
import { parseStrictJson } from '../../basics/json/strict-json.ts';
import { readCappedFile } from '../../basics/io/read-capped.ts';
import type { TrustMaterial } from '@sigstore/verify';
import { InputError } from '../../basics/errors/errors.ts';
import { loadTrustedRootBytes, TRUSTED_ROOT_MAX_BYTES } from '../../checks/sigstore/trusted-root.ts';
import {
  MAX_SIGNING_CONFIG_BYTES,
  SIGNING_CONFIG_MEDIA_TYPE,
  parseSigningConfig,
  selectServices,
} from '../../formats/signing-config/signing-config.ts';
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

export interface ResolveInstanceOptions {
  /** `--trusted-root`: required with a signing config, a self-check beside public-good or github. */
  trustedRoot?: string | undefined;
  /** When the signing config's services must be valid (default: now). */
  now?: Date;
}

/**
 * Resolves `--sigstore` (default public-good): a known instance name, else a file: a stack
 * description or a SigningConfig v0.2 (told apart by its mediaType).
 */
export async function resolveInstance(
  choice: string = 'public-good',
  options: ResolveInstanceOptions = {},
): Promise<ResolvedInstance> {
  const { trustedRoot } = options;
  // Read and checked now, before any request: a bad root must not cost a log entry.
  if (trustedRoot !== undefined) await loadTrust(trustedRoot);
  if (choice === 'public-good' || choice === 'github') {
    const known = choice === 'github' ? GITHUB : PUBLIC_GOOD;
    return trustedRoot === undefined ? known : { ...known, trustedRootPath: trustedRoot };
  }
  const what = `--sigstore ${choice}`;
  const maxBytes = Math.max(MAX_STACK_FILE_BYTES, MAX_SIGNING_CONFIG_BYTES);
  const bytes = await readCappedFile(choice, {
    what,
    maxBytes,
    codes: { unreadable: 'sigstore-instance-invalid', changed: 'sigstore-instance-invalid' },
    message: (f) =>
      f.kind === 'too-large' && f.size !== undefined
        ? `${what}: ${f.size} bytes is over the limit of ${maxBytes} bytes for a stack description or signing config`
        : f.kind === 'unreadable' || f.kind === 'not-a-file'
          ? `${what}: expected public-good, github, a stack description or a signing config file, found ${f.kind === 'unreadable' ? f.reason : 'something that is not a regular file'}`
          : undefined,
  });
  const doc = parseStrictJson(bytes, `--sigstore ${choice}`, { maxBytes, maxDepth: 8 });
  const mediaType = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>).mediaType : undefined;
  if (mediaType === SIGNING_CONFIG_MEDIA_TYPE) {
    const name = `signing config ${choice}`;
    if (trustedRoot === undefined)
      throw new InputError(
        'signing-config-invalid',
        `${what}: a signing config names services, not the keys that verify them: give its trusted root too (--trusted-root FILE)`,
      );
    const selected = selectServices(parseSigningConfig(doc, name), name, options.now);
    return {
      kind: 'signing-config',
      name,
      fulcioUrl: selected.fulcioUrl,
      rekorUrl: selected.rekorUrls[0],
      tsaUrl: selected.tsaUrls[0],
      trustedRootPath: trustedRoot,
      rekorApiVersion: selected.rekorMajorApiVersion,
      rekorUrls: selected.rekorUrls,
      tsaUrls: selected.tsaUrls,
    };
  }
  if (trustedRoot !== undefined)
    throw new InputError(
      'sigstore-instance-invalid',
      `${what}: --trusted-root goes with a signing config, public-good or github; a stack description names its own trusted root`,
    );
  return instanceFromStackDescription(doc, `stack description ${choice}`);
}

/** Reads and checks a trusted root file (strict, capped). Throws InputError naming it. */
export async function loadTrust(path: string): Promise<TrustMaterial> {
  const what = `trusted root ${path}`;
  const bytes = await readCappedFile(path, { what, maxBytes: TRUSTED_ROOT_MAX_BYTES });
  return loadTrustedRootBytes(bytes, what);
}
