// How the service answers a request it will not serve: an HTTP status and a JSON body
// {code, message}. Refusals are 4xx and leave the log untouched; 5xx is only for the
// service's own faults. The status says who must act; the code says why (spec/FORMAT.md §9).
import { InputError, VerificationError } from '../lib/basics/errors/errors.ts';

export class Refusal extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'Refusal';
    this.status = status;
    this.code = code;
  }
}

/** The parse check's codes (spec/FORMAT.md §9): the request is not a well-formed bundle. */
const MALFORMED = new Set([
  'too-deep', 'malformed-json', 'duplicate-key', 'number-out-of-range', 'bundle-malformed', 'bundle-unsupported-version',
  'primary-malformed', 'primary-unsupported-version', 'primary-not-dsse', 'statement-malformed', 'statement-unknown-field',
  'statement-unsupported-type', 'statement-unknown-kind', 'statement-duplicate-subject', 'statement-unsorted-subjects',
  'statement-too-many-subjects', 'statement-bad-time', 'statement-too-large',
]);
/** Conflicts with what the service already signed. */
const CONFLICT = new Set(['statement-rollback', 'statement-version-reused', 'stream-version-signed', 'countersignature-duplicate']);

/** Maps a library error to a refusal; anything that is not an input or verification error is a fault (undefined). */
export function refusalOf(err: unknown): Refusal | undefined {
  if (err instanceof Refusal) return err;
  if (!(err instanceof VerificationError) && !(err instanceof InputError)) return undefined;
  const status = err.code === 'too-large' ? 413 : MALFORMED.has(err.code) ? 400 : CONFLICT.has(err.code) ? 409 : err instanceof VerificationError ? 422 : 400;
  return new Refusal(status, err.code, oneLine(err.message));
}

export function oneLine(message: string, max = 1000): string {
  const line = message.replace(/[\r\n\t]+/g, ' ').replace(/\p{Cc}/gu, '');
  return line.length > max ? `${line.slice(0, max)}…` : line;
}
