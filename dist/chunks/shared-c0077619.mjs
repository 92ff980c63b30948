// Shared by: cli-audit, cli-build, cli-countersign, cli-demo, cli-dispatch, cli-keygen, cli-policy, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-serve, cli-sign, cli-stack, cli-trusted-root, cli-verify, cli-verify-bundle, cli-witness, lib-basics-pkcs11-keygen, lib-basics-pkcs11-signer, lib-formats-subjects, stack (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);

// src/lib/basics/errors/errors.ts
var InputError = class extends Error {
  code;
  constructor(code, message) {
    super(message);
    this.name = "InputError";
    this.code = code;
  }
};
var PolicyError = class extends InputError {
  constructor(code, message) {
    super(code, message);
    this.name = "PolicyError";
  }
};
var VerificationError = class extends Error {
  /**
   * One of its own codes; or, re-thrown by a wrapper (`carried`: a refused countersigning or
   * rotation, a service's refusal), the code of the failure it re-throws, of whatever class.
   */
  code;
  expected;
  found;
  constructor(code, message, details = {}) {
    super(message);
    this.name = "VerificationError";
    this.code = code;
    this.expected = details.expected;
    this.found = details.found;
  }
};
var StrictJsonError = class extends InputError {
  constructor(code, message) {
    super(code, message);
    this.name = "StrictJsonError";
  }
};

export {
  InputError,
  PolicyError,
  VerificationError,
  StrictJsonError
};
