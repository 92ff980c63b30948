// The new policy an authority-rotation statement installs (spec/ROTATION.md §2). The statement
// carries the document itself (predicate.data.policy, base64 of its exact bytes) and names its
// digest as the one subject; the statement parser has already checked that the two agree. Here
// the document is parsed by the one policy parser every verifier uses: a rotation to a policy
// that would not load is rejected, never installed.
import { sha256Hex } from '../../basics/crypto/sha256.ts';
import { decodeCanonicalBase64 } from '../../basics/encoding/base64.ts';
import type { Statement } from '../core/types.ts';
import { InputError, PolicyError } from '../../basics/errors/errors.ts';
import { parsePolicy } from './parse.ts';
import type { Policy } from './types.ts';

/** A policy document as pinned: its exact bytes, its digest and its parsed form. */
export interface PolicyDocument {
  readonly bytes: Uint8Array;
  /** Lowercase hex SHA-256 of `bytes`. */
  readonly digest: string;
  readonly policy: Policy;
}

export function policyDocument(bytes: Uint8Array, what: string): PolicyDocument {
  return { bytes, digest: sha256Hex(bytes), policy: parsePolicy(bytes, what) };
}

/** True when the statement is an authority rotation. */
export function isRotation(statement: Statement): boolean {
  return statement.predicate.kind === 'authority-rotation';
}

/**
 * The new policy of a rotation statement. Throws InputError `rotation-policy-malformed` (with
 * the policy parser's own code and message) when the carried document is not a valid policy.
 */
export function newPolicyOf(statement: Statement, what: string): PolicyDocument {
  const encoded = statement.predicate.data.policy;
  if (!isRotation(statement) || typeof encoded !== 'string') {
    throw new InputError(
      'rotation-not-rotation',
      `${what}: expected an authority-rotation statement carrying the new policy, found kind ${statement.predicate.kind}`,
    );
  }
  // The statement parser has checked it is canonical base64 already.
  const bytes = decodeCanonicalBase64(encoded);
  if (!bytes)
    throw new InputError(
      'rotation-policy-malformed',
      `${what}: predicate.data.policy: expected canonical padded base64`,
    );
  try {
    return policyDocument(bytes, `${what} new policy`);
  } catch (err) {
    if (err instanceof PolicyError) throw new InputError('rotation-policy-malformed', `${err.message} [${err.code}]`);
    throw err;
  }
}
