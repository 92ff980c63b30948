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

/** A refusal with one of the service's own codes, or (carried) the library's code for the request. */
export class Refusal extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  constructor(status: number, code: RefusalCode | Carried, message: string) {
    super(message);
    this.name = 'Refusal';
    this.status = status;
    this.code = code;
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
const CONFLICT = new Set<ErrorCode>([
  'statement-rollback',
  'statement-version-reused',
  'stream-version-signed',
  'countersignature-duplicate',
]);

/**
 * What this service will not do, whoever asks and however often (403): countersign an
 * authority rotation, which B's security team reviews and countersigns offline (spec/ROTATION.md §3.1).
 */
const FORBIDDEN = new Set<ErrorCode>(['rotation-needs-review']);

/** Maps a library error to a refusal; anything that is not an input or verification error is a fault (undefined). */
export function refusalOf(err: unknown): Refusal | undefined {
  if (err instanceof Refusal) return err;
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
