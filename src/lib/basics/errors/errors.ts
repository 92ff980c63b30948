// Typed errors. Every failure the library reports carries a stable `code` (listed per class
// in codes.ts, each documented in an error-code table of spec/) so that callers, tests and
// reports can tell failures apart without parsing messages. Messages say what was expected
// and what was found.
import type { Carried, ErrorCode, InputCode, PolicyCode, StrictJsonCode, VerificationCode } from './codes.ts';

/** Input could not be used at all: unreadable, malformed, over a cap. Exit code 2 in the CLI. */
export class InputError extends Error {
  readonly code: InputCode;
  constructor(code: InputCode, message: string) {
    super(message);
    this.name = 'InputError';
    this.code = code;
  }
}

/** A policy file is malformed or ambiguous. Exit code 2 in the CLI. */
export class PolicyError extends InputError {
  declare readonly code: PolicyCode;
  constructor(code: PolicyCode, message: string) {
    super(code, message);
    this.name = 'PolicyError';
  }
}

/** A verification check failed: the artifact is rejected. Exit code 1 in the CLI. */
export class VerificationError extends Error {
  /**
   * One of its own codes; or, re-thrown by a wrapper (`carried`: a refused countersigning or
   * rotation, a service's refusal), the code of the failure it re-throws, of whatever class.
   */
  readonly code: ErrorCode;
  readonly expected: string | undefined;
  readonly found: string | undefined;
  constructor(code: VerificationCode | Carried, message: string, details: { expected?: string; found?: string } = {}) {
    super(message);
    this.name = 'VerificationError';
    this.code = code;
    this.expected = details.expected;
    this.found = details.found;
  }
}

/** A JSON document broke the strict parsing rules (duplicate keys, depth, size). */
export class StrictJsonError extends InputError {
  declare readonly code: StrictJsonCode;
  constructor(code: StrictJsonCode, message: string) {
    super(code, message);
    this.name = 'StrictJsonError';
  }
}
