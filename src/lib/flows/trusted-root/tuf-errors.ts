// What went wrong in a TUF update, as one of a few stable codes (spec/ERRORS.md §8). @sigstore/tuf
// wraps tuf-js's errors (a TUFError with its own code and a `cause`), and tuf-js in turn wraps
// some of its own into a RuntimeError whose message embeds the first one's; so the decision is
// made over the whole chain: error codes, class names and messages. Anything not recognised is
// `tuf-metadata-invalid`: the update failed, and nothing it fetched is used (fail closed).
import { InputError } from '../../basics/errors/errors.ts';

export type TufFailureCode =
  | 'tuf-mirror-unreachable'
  | 'tuf-metadata-expired'
  | 'tuf-bad-signature'
  | 'tuf-target-missing'
  | 'tuf-target-mismatch'
  | 'tuf-metadata-invalid';

/** Network failures of the fetcher (make-fetch-happen, node:net). */
const NETWORK_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const LONGEST_DETAIL = 300;

interface Link {
  name: string;
  code: string | undefined;
  statusCode: number | undefined;
  message: string;
}

/** The error and its causes, outermost first (at most 8: a cycle cannot loop). */
function chain(err: unknown): Link[] {
  const out: Link[] = [];
  let at: unknown = err;
  while (at !== undefined && at !== null && out.length < 8) {
    const e = at as { constructor?: { name?: unknown }; code?: unknown; statusCode?: unknown; message?: unknown };
    out.push({
      name: typeof e.constructor?.name === 'string' ? e.constructor.name : '',
      code: typeof e.code === 'string' ? e.code : undefined,
      statusCode: typeof e.statusCode === 'number' ? e.statusCode : undefined,
      message: typeof e.message === 'string' ? e.message : typeof at === 'string' ? at : 'unknown error',
    });
    at = (at as { cause?: unknown }).cause;
  }
  return out;
}

/** Classifies a failed TUF update or target download. */
export function classifyTufFailure(err: unknown): { code: TufFailureCode; detail: string } {
  const links = chain(err);
  const text = links.map((l) => `${l.name}: ${l.message}`).join(' <- ');
  const has = (test: (l: Link) => boolean): boolean => links.some(test);
  const deepest = links.at(-1);
  const detail = oneLine(
    deepest === undefined ? String(err) : deepest.statusCode ? `HTTP ${deepest.statusCode}` : deepest.message,
  );
  if (has((l) => l.code === 'TUF_FIND_TARGET_ERROR')) return { code: 'tuf-target-missing', detail };
  const mismatch =
    has((l) => l.name === 'LengthOrHashMismatchError' || l.name === 'DownloadLengthMismatchError') ||
    /Expected (hash|length) |Max length reached/.test(text);
  // A target's bytes against the hash and length the signed targets metadata lists.
  if (mismatch && has((l) => l.code === 'TUF_DOWNLOAD_TARGET_ERROR')) return { code: 'tuf-target-mismatch', detail };
  if (has((l) => l.name === 'ExpiredMetadataError') || /\bis expired\b/.test(text))
    return { code: 'tuf-metadata-expired', detail };
  if (
    has((l) => l.name === 'UnsignedMetadataError') ||
    /was signed by \d+\/\d+ keys|failed to verify \S+ signature|no signature for key/.test(text)
  )
    return { code: 'tuf-bad-signature', detail };
  if (
    has(
      (l) =>
        l.statusCode !== undefined ||
        l.name === 'DownloadHTTPError' ||
        l.name === 'FetchError' ||
        (l.code !== undefined && NETWORK_ERRNOS.has(l.code)),
    ) ||
    /Failed to download|request to \S+ failed|network timeout/.test(text)
  )
    return { code: 'tuf-mirror-unreachable', detail };
  return {
    code: 'tuf-metadata-invalid',
    detail: mismatch ? `metadata does not match its listed hash: ${detail}` : detail,
  };
}

const WORDS: Readonly<Record<TufFailureCode, string>> = {
  'tuf-mirror-unreachable': 'cannot fetch from the mirror',
  'tuf-metadata-expired': 'refused expired metadata',
  'tuf-bad-signature': 'refused metadata without a threshold of valid signatures',
  'tuf-target-missing': 'the signed targets metadata lists no such target',
  'tuf-target-mismatch': 'refused a target whose length or hash is not the one its signed metadata lists',
  'tuf-metadata-invalid': 'refused the metadata',
};

/** The InputError for a failed update: `TUF repository URL (target T): what: detail`. */
export function tufError(err: unknown, mirrorUrl: string, target: string): InputError {
  const { code, detail } = classifyTufFailure(err);
  return new InputError(code, `TUF repository ${mirrorUrl} (target ${target}): ${WORDS[code]}: ${detail}`);
}

function oneLine(s: string): string {
  const line = s.replace(/\s+/g, ' ').trim();
  return line.length > LONGEST_DETAIL ? `${line.slice(0, LONGEST_DETAIL)}…` : line;
}
