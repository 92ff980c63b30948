// Fetching a Sigstore instance's trusted root through TUF (issue 14): @sigstore/tuf runs the TUF
// client workflow (root rotation, timestamp, snapshot, targets, every step signed, versioned and
// unexpired) against the instance's mirror and downloads the `trusted_root.json` target, checked
// against the length and hash its signed targets metadata lists. Then the bytes must also be a
// trusted root this tool can use (the same loader every verifier uses). Any failure throws an
// InputError with one of the TUF codes (tuf-errors.ts): nothing half-checked is returned.
//
// The TUF cache (the metadata a later run may start from) is a fresh temporary directory,
// removed afterwards, unless the caller names one: never the user's home directory, which is
// @sigstore/tuf's default. This module is Node-only and never part of the browser build.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initTUF } from '@sigstore/tuf';
import { InputError } from '../../basics/errors/errors.ts';
import { parseStrictJson } from '../../basics/json/strict-json.ts';
import { TRUSTED_ROOT_MAX_BYTES, loadTrustedRootBytes } from '../../checks/sigstore/trusted-root.ts';
import { TRUSTED_ROOT_TARGET, TUF_INSTANCES, type TufInstanceName } from './instances.ts';
import { tufError } from './tuf-errors.ts';

/** tuf-js's own cap on root metadata; an initial root given by the caller is held to it too. */
export const TUF_ROOT_MAX_BYTES = 512_000;

export interface FetchTrustedRootOptions {
  instance: TufInstanceName;
  /** Another mirror of the instance's TUF repository (--tuf-url); needs `initialRoot` unless it is the instance's own. */
  mirrorUrl?: string;
  /** The initial TUF root metadata to start from (--tuf-root): its bytes. */
  initialRoot?: Uint8Array;
  /** A TUF cache directory kept between runs (--tuf-cache); default: a temporary one, removed. */
  cacheDir?: string;
  /** Retries of each request (default 2) and each request's timeout (default 10 s). */
  retries?: number;
  timeoutMs?: number;
}

export interface FetchedTrustedRoot {
  /** The target's exact bytes, as TUF verified them. */
  bytes: Uint8Array;
  /** The same, parsed (strict JSON). */
  json: Record<string, unknown>;
  mirrorUrl: string;
}

export async function fetchTrustedRoot(options: FetchTrustedRootOptions): Promise<FetchedTrustedRoot> {
  const instance = TUF_INSTANCES[options.instance];
  const mirrorUrl = (options.mirrorUrl ?? instance.mirrorUrl).replace(/\/+$/, '');
  const initialRoot =
    options.initialRoot ??
    (mirrorUrl === instance.mirrorUrl && instance.initialRoot !== undefined
      ? new TextEncoder().encode(instance.initialRoot)
      : undefined);
  // Another mirror is only as good as the root it starts from: the instance's seed is for its own URL.
  if (initialRoot === undefined && mirrorUrl !== instance.mirrorUrl)
    throw new InputError(
      'usage',
      `TUF repository ${mirrorUrl}: not the ${instance.name} mirror (${instance.mirrorUrl}); give the initial root metadata to start from`,
    );
  if (initialRoot !== undefined) checkInitialRoot(initialRoot);

  const work = await mkdtemp(join(tmpdir(), 'countersign-tuf-'));
  try {
    let rootPath: string | undefined;
    if (initialRoot !== undefined) {
      rootPath = join(work, 'initial-root.json');
      await writeFile(rootPath, initialRoot, { mode: 0o600 });
    }
    let text: string;
    try {
      const client = await initTUF({
        mirrorURL: mirrorUrl,
        cachePath: options.cacheDir ?? join(work, 'cache'),
        ...(rootPath === undefined ? {} : { rootPath }),
        // Always ask the mirror: a cached timestamp must not stand in for a fresh one.
        forceCache: false,
        retry: { retries: options.retries ?? 2 },
        timeout: options.timeoutMs ?? 10_000,
      });
      text = await client.getTarget(TRUSTED_ROOT_TARGET);
    } catch (err) {
      throw tufError(err, mirrorUrl, TRUSTED_ROOT_TARGET);
    }
    const bytes = new TextEncoder().encode(text);
    const what = `${TRUSTED_ROOT_TARGET} from ${mirrorUrl}`;
    if (bytes.length > TRUSTED_ROOT_MAX_BYTES)
      throw new InputError(
        'trusted-root-malformed',
        `${what}: ${bytes.length} bytes is over the limit of ${TRUSTED_ROOT_MAX_BYTES} bytes for a trusted root`,
      );
    // Signed by the instance is not enough: it must be a trusted root every verifier here accepts.
    loadTrustedRootBytes(bytes, what);
    const json = parseStrictJson(bytes, what, { maxBytes: TRUSTED_ROOT_MAX_BYTES, maxDepth: 32 }) as Record<
      string,
      unknown
    >;
    return { bytes, json, mirrorUrl };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The initial root must at least be JSON root metadata; tuf-js checks its signatures. */
function checkInitialRoot(bytes: Uint8Array): void {
  const what = 'initial TUF root';
  const json = parseStrictJson(bytes, what, { maxBytes: TUF_ROOT_MAX_BYTES, maxDepth: 16 });
  const signed =
    typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>).signed
      : undefined;
  const type = typeof signed === 'object' && signed !== null ? (signed as Record<string, unknown>)._type : undefined;
  if (type !== 'root')
    throw new InputError(
      'tuf-metadata-invalid',
      `${what}: expected TUF root metadata ({"signed": {"_type": "root", ...}, "signatures": [...]}), found ${type === undefined ? 'something else' : `_type ${JSON.stringify(type)}`}`,
    );
}
