// How the service answers a request it will not serve: an HTTP status and a JSON body
// {code, message}. Refusals are 4xx and leave the log untouched; 5xx is only for the
// service's own faults. The status says who must act; the code says why (spec/FORMAT.md §9).
import { InputError, VerificationError } from '../lib/basics/errors/errors.ts';
import {
  BUNDLE_PARSE_CODES,
  type Carried,
  type ErrorCode,
  type RefusalCode,
  STRICT_JSON_CODES,
  carried,
} from '../lib/basics/errors/codes.ts';
import { StorageFault } from './storage/errors.ts';

/** A refusal with one of the service's own codes, or (carried) the library's code for the request. */
export class Refusal extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  /** Seconds for the Retry-After header (503 overloaded, 429 rate-limited). */
  readonly retryAfter: number | undefined;
  constructor(status: number, code: RefusalCode | Carried, message: string, retryAfter?: number) {
    super(message);
    this.name = 'Refusal';
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

/**
 * The parse check's codes (spec/FORMAT.md §9): the request is not a well-formed bundle. `too-large`
 * has its own status (413); the two primary codes are the Sigstore bundle's own shape.
 */
const MALFORMED = new Set<ErrorCode>([
  ...STRICT_JSON_CODES.filter((code) => code !== 'too-large'),
  ...BUNDLE_PARSE_CODES,
  'primary-unsupported-version',
  'primary-not-dsse',
]);
/** Conflicts with what the service already signed. */
const CONFLICT = new Set<ErrorCode>(['statement-rollback', 'statement-version-reused', 'countersignature-duplicate']);

/**
 * What this service will not do, whoever asks and however often (403): countersign an
 * authority rotation, which B's security team reviews and countersigns offline (spec/ROTATION.md §3.1).
 */
const FORBIDDEN = new Set<ErrorCode>(['rotation-needs-review']);

/** How long a client waits before asking again when the disk is full (an operator has to act). */
export const DISK_FULL_RETRY_AFTER_SECONDS = 30;

/**
 * Maps a library error to a refusal; anything that is not an input or verification error is a
 * fault (undefined: 500). A full disk is the one storage fault a client can wait out: 503
 * `disk-full` with Retry-After (nothing was acknowledged, the same request commits once there
 * is space); every other storage fault stays a 500 with its details in the service's log only.
 */
export function refusalOf(err: unknown): Refusal | undefined {
  if (err instanceof Refusal) return err;
  if (err instanceof StorageFault)
    return err.code === 'disk-full'
      ? new Refusal(
          503,
          carried('disk-full'),
          'the countersigning service cannot store new entries: its disk is full; nothing was countersigned, retry later',
          DISK_FULL_RETRY_AFTER_SECONDS,
        )
      : undefined;
  if (!(err instanceof VerificationError) && !(err instanceof InputError)) return undefined;
  const status =
    err.code === 'too-large'
      ? 413
      : MALFORMED.has(err.code)
        ? 400
        : CONFLICT.has(err.code)
          ? 409
          : FORBIDDEN.has(err.code)
            ? 403
            : err instanceof VerificationError
              ? 422
              : 400;
  return new Refusal(status, carried(err.code), oneLine(err.message));
}

export function oneLine(message: string, max = 1000): string {
  const line = message.replace(/[\r\n\t]+/g, ' ').replace(/\p{Cc}/gu, '');
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
