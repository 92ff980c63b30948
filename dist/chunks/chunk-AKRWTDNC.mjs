import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);

// src/lib/errors.ts
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
