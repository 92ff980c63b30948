// Typed errors. Every failure the library reports carries a stable `code` (documented in
// spec/FORMAT.md) so that callers, tests and reports can tell failures apart without
// parsing messages. Messages say what was expected and what was found.

/** Input could not be used at all: unreadable, malformed, over a cap. Exit code 2 in the CLI. */
export class InputError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'InputError';
    this.code = code;
  }
}

/** A policy file is malformed or ambiguous. Exit code 2 in the CLI. */
export class PolicyError extends InputError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = 'PolicyError';
  }
}

/** A verification check failed: the artifact is rejected. Exit code 1 in the CLI. */
export class VerificationError extends Error {
  readonly code: string;
  readonly expected: string | undefined;
  readonly found: string | undefined;
  constructor(code: string, message: string, details: { expected?: string; found?: string } = {}) {
    super(message);
    this.name = 'VerificationError';
    this.code = code;
    this.expected = details.expected;
    this.found = details.found;
  }
}

/** A JSON document broke the strict parsing rules (duplicate keys, depth, size). */
export class StrictJsonError extends InputError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = 'StrictJsonError';
  }
}
