// The primary's DSSE envelope → the statement bytes it carries (spec/FORMAT.md §6-7), read
// before any signature is checked: by the pipeline's parse step and by the rotation walk, which
// peeks at a rotation's new policy to order the chain. One reading, one set of codes:
// primary-malformed (no DSSE envelope with a string payload, or, when refused, a payload that
// is not canonical base64) and statement-unsupported-type (a payloadType other than in-toto's).
// Throws InputError only, never a decoder's own exception (a DOMException from atob, issue 13).
import { InputError } from '../../basics/errors/errors.ts';
import { INTOTO_PAYLOAD_TYPE } from '../core/types.ts';

export interface EnvelopeReadOptions {
  /**
   * A payload that is not canonical padded base64 (RFC 4648 §4): "refuse" throws
   * primary-malformed here; "defer" decodes it as Node does (skipping what is not base64) and
   * leaves the refusal to the primary check, which requires every bytes field canonical
   * (verifyPrimary: spec/ATTACKS.md P19 is decided there, at primary/primary-malformed).
   */
  readonly nonCanonical: 'refuse' | 'defer';
}

/** The statement bytes of a primary Sigstore bundle (a parsed JSON value); `what` names the bundle in messages. */
export function envelopeStatementBytes(primary: unknown, what: string, options: EnvelopeReadOptions): Uint8Array {
  const envelope = (primary as { dsseEnvelope?: { payload?: unknown; payloadType?: unknown } } | null | undefined)
    ?.dsseEnvelope;
  if (!envelope || typeof envelope.payload !== 'string') {
    throw new InputError('primary-malformed', `${what}: $.primary: expected a DSSE envelope carrying the statement`);
  }
  if (envelope.payloadType !== INTOTO_PAYLOAD_TYPE) {
    throw new InputError(
      'statement-unsupported-type',
      `${what}: DSSE payloadType: expected ${INTOTO_PAYLOAD_TYPE}, found ${JSON.stringify(envelope.payloadType)}`,
    );
  }
  const { payload } = envelope;
  const bytes = Buffer.from(payload, 'base64');
  // Node's encoder writes only canonical padded base64, so only that re-encodes as itself: a
  // stray or URL-safe character, missing padding or non-zero padding bits all differ.
  if (options.nonCanonical === 'refuse' && bytes.toString('base64') !== payload) {
    throw new InputError(
      'primary-malformed',
      `${what}: $.primary.dsseEnvelope.payload: expected canonical base64 (RFC 4648 §4, padded), found other text`,
    );
  }
  return new Uint8Array(bytes);
}
