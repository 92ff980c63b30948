// Every error code, per error class, as data (no imports: the surfaces' own codes live here too,
// at the bottom floor, without an upward edge). Each code has exactly one row in an error-code
// table of spec/ (FORMAT.md §9, POLICY.md §4, ROTATION.md §7, ED25519.md §6, ERRORS.md) saying
// which class raises it, where, and what it means; test/lib/basics/errors/error-codes.test.ts
// holds these lists and those tables equal, and finds every code literal in src/ here.
//
// A code is listed under each class that raises it. A few are deliberately under two (the same
// failure met in two places): `primary-malformed` (InputError when the bundle has no DSSE
// envelope, VerificationError when Sigstore verification finds it malformed),
// `countersignature-malformed` (InputError from the statement parser, VerificationError at the
// countersignatures check), `countersigner-not-pinned` (VerificationError when countersigning,
// InputError when the service starts), `rotation-gap`/`rotation-downgrade` (a check's
// VerificationError, the walk's RotationError, and `build`'s InputError), `log-key-malformed`
// (VerificationError in the library, InputError for the CLI's --log-key), `statement-rollback`,
// `too-large` and `rotation-needs-review` (the service refuses with the library's code).

/** StrictJsonError: a JSON document broke the strict parsing rules (FORMAT.md §9, check parse). */
export const STRICT_JSON_CODES = [
  'too-large',
  'too-deep',
  'malformed-json',
  'duplicate-key',
  'number-out-of-range',
  'key-too-long',
  'string-too-long',
  'too-many-items',
] as const;

/** PolicyError: a policy file is unreadable, malformed or ambiguous (POLICY.md §4). */
export const POLICY_CODES = [
  'policy-unreadable',
  'policy-too-large',
  'policy-malformed',
  'policy-duplicate-json-key',
  'policy-unknown-field',
  'policy-unsupported-version',
  'policy-ambiguous',
  'policy-bad-organisation',
  'policy-bad-pattern',
  'policy-bad-key',
  'policy-key-mismatch',
  'policy-duplicate-entry',
  'policy-validity-window',
  'policy-threshold',
  'policy-unknown-kind',
  'policy-limit-out-of-range',
  'policy-source-repository-unpinned',
] as const;

/**
 * InputError (and its fixed-code subclasses ServiceUnavailableError, SigstoreServiceError,
 * LogRecoveryError): input that cannot be used at all. Exit code 2 in the CLI.
 */
/**
 * The parse check's own codes (FORMAT.md §9) besides the strict-JSON ones: the bytes are not a
 * well-formed countersigned bundle. The service answers these with 400 (src/server/refusal.ts).
 */
export const BUNDLE_PARSE_CODES = [
  'bundle-malformed',
  'bundle-unsupported-version',
  'primary-malformed',
  'statement-malformed',
  'statement-unknown-field',
  'statement-unsupported-type',
  'statement-unknown-kind',
  'statement-duplicate-subject',
  'statement-unsorted-subjects',
  'statement-too-many-subjects',
  'statement-bad-time',
  'statement-too-large',
] as const;

export const INPUT_CODES = [
  // The parse check (FORMAT.md §9) and the rotation walk (ROTATION.md §7).
  ...BUNDLE_PARSE_CODES,
  'rotation-policy-digest',
  'rotation-policy-malformed',
  'rotation-not-rotation',
  'countersignature-malformed',
  // Documents read beside a bundle (FORMAT.md §9.3).
  'state-malformed',
  'trusted-root-malformed',
  'trusted-root-unsupported-version',
  'key-malformed',
  'artifact-required',
  'artifact-digest',
  // Inputs to `build` (FORMAT.md §9.3).
  'subject-path-invalid',
  'subject-outside-base',
  'subject-not-regular',
  'subject-duplicate',
  'subject-too-many',
  'subject-empty',
  'subject-unreadable',
  'subject-changed',
  'fleet-keys-malformed',
  'fleet-keys-duplicate',
  'fleet-keys-bad-key',
  'bad-stream',
  'bad-version',
  'bad-expiry',
  'bad-duration',
  'bad-time',
  'rotation-downgrade',
  'rotation-gap',
  // Countersigner keys (ED25519.md §6).
  'key-pem',
  'key-encoding',
  'key-algorithm',
  'key-encrypted',
  'key-invalid',
  'key-too-large',
  'key-unreadable',
  'key-permissions',
  'key-exists',
  'key-unwritable',
  'ed25519-private-key',
  'ed25519-message',
  // Signing, the services, the client library, the surfaces (ERRORS.md).
  'input-unreadable',
  'input-changed',
  'no-identity-token',
  'bad-identity-token',
  'identity-token-request-failed',
  'bad-service-url',
  'sigstore-instance-invalid',
  'sigstore-service-failed',
  'signing-config-invalid',
  'signed-bundle-unverifiable',
  'service-unavailable',
  'service-response-too-large',
  'service-bad-response',
  'expect-malformed',
  'log-key-malformed',
  'trusted-root-mismatch',
  'artifacts-malformed',
  'artifacts-too-many',
  'input-malformed',
  'expected-stream-missing',
  'expected-not-allowed',
  'usage',
  'bad-option',
  'bad-listen',
  'bad-origin',
  'log-key-origin',
  'output-exists',
  'output-unwritable',
  'input-missing',
  'input-invalid',
  'github-api-failed',
  'release-asset-missing',
  'release-ambiguous',
  'service-client-missing',
  'countersigner-not-pinned',
  'listen-failed',
  'log-storage-inconsistent',
  // The service's storage at start and on commit (ERRORS.md §10).
  'log-storage-locked',
  'log-storage-unreadable',
  'disk-full',
  'witness-state-invalid',
  // Fetching a trusted root through TUF (ERRORS.md §8).
  'tuf-mirror-unreachable',
  'tuf-metadata-expired',
  'tuf-bad-signature',
  'tuf-target-missing',
  'tuf-target-mismatch',
  'tuf-metadata-invalid',
  // Keys in PKCS#11 tokens, where key and policy files may live (ERRORS.md §9).
  'pkcs11-uri-malformed',
  'pkcs11-unavailable',
  'pkcs11-module',
  'pkcs11-pin',
  'pkcs11-token-missing',
  'pkcs11-token-ambiguous',
  'pkcs11-object-missing',
  'pkcs11-object-ambiguous',
  'pkcs11-object-exists',
  'pkcs11-key-type',
  'pkcs11-key-mismatch',
  'pkcs11-token-error',
  'key-in-environment',
  'policy-file-unsafe',
] as const;

/** VerificationError: a check failed, the artifact is rejected. Exit code 1 in the CLI. */
export const VERIFICATION_CODES = [
  // Checks primary, primary-identity (FORMAT.md §9).
  'primary-malformed',
  'primary-unsupported-version',
  'primary-not-dsse',
  'primary-signature',
  'primary-certificate',
  'primary-key',
  'primary-tlog',
  'primary-timestamp',
  'primary-too-many-entries',
  'primary-duplicate-entry',
  'primary-artifact',
  'primary-issuer',
  'primary-identity',
  'primary-claim',
  'primary-source-repository',
  // Check countersignatures.
  'countersignature-missing',
  'countersignature-duplicate',
  'countersignature-unpinned-key',
  'countersignature-signature',
  'countersignature-malformed',
  'countersignature-binding',
  'countersignature-key-not-yet-valid',
  'countersignature-key-expired',
  'countersignature-time',
  'countersignature-log-missing',
  'countersignature-log-checkpoint',
  'countersignature-log-inclusion',
  'log-witness-cosignature',
  'log-witness-threshold',
  'countersignature-fallback-not-rotation',
  'countersignature-threshold',
  'rotation-proof-of-possession',
  'rotation-new-threshold',
  // Check statement.
  'policy-rollback',
  'statement-kind',
  'statement-stream',
  'statement-stream-unexpected',
  'statement-kind-unexpected',
  'statement-not-yet-valid',
  'statement-expired',
  'statement-lifetime',
  'rotation-downgrade',
  'rotation-gap',
  'rotation-statement-version',
  'statement-rollback',
  'statement-version-reused',
  'statement-version-step',
  // Check subjects.
  'subject-unexpected-file',
  'subject-digest',
  'subject-missing',
  // The audit and signed notes (FORMAT.md §9.2).
  'log-inconsistent',
  'log-entry-not-in-tree',
  'log-entries-missing',
  'log-note-malformed',
  'log-note-signature',
  'log-checkpoint-malformed',
  'log-checkpoint-origin',
  'log-key-malformed',
  // Countersigning and the service client (ERRORS.md).
  'countersigner-not-pinned',
  'countersign-refused',
  'rotation-needs-review',
  'rotation-approval-mismatch',
  'service-refused',
  'artifact-not-subject',
] as const;

/** RotationError (a VerificationError): a rotation in a walk was refused (ROTATION.md §7). */
export const ROTATION_CODES = [
  'rotation-downgrade',
  'rotation-gap',
  'rotation-fork',
  'rotation-chain-too-long',
] as const;

/** The service's own refusals and its fault answer (server/refusal.ts, FORMAT.md §9.1). */
export const REFUSAL_CODES = [
  'bad-request',
  'bad-range',
  'not-found',
  'method-not-allowed',
  'unsupported-media-type',
  'too-large',
  'statement-rollback',
  'rotation-needs-review',
  'overloaded',
  'rate-limited',
  'internal-error',
] as const;

/** Every list by the name of the class that raises its codes (the spec tables' `class` column). */
export const ERROR_CODES = {
  StrictJsonError: STRICT_JSON_CODES,
  PolicyError: POLICY_CODES,
  InputError: INPUT_CODES,
  VerificationError: VERIFICATION_CODES,
  RotationError: ROTATION_CODES,
  Refusal: REFUSAL_CODES,
} as const;

export type ErrorClassName = keyof typeof ERROR_CODES;
export type StrictJsonCode = (typeof STRICT_JSON_CODES)[number];
export type PolicyCode = (typeof POLICY_CODES)[number];
/** What an InputError carries: its own codes and its subclasses' (PolicyError, StrictJsonError). */
export type InputCode = (typeof INPUT_CODES)[number] | PolicyCode | StrictJsonCode;
export type RotationCode = (typeof ROTATION_CODES)[number];
/** A VerificationError's own codes and its subclass RotationError's. */
export type VerificationCode = (typeof VERIFICATION_CODES)[number] | RotationCode;
export type RefusalCode = (typeof REFUSAL_CODES)[number];
/** The code of a failed check in a verification report: any check may fail with an InputError. */
export type CheckCode = InputCode | VerificationCode;
/** Every code. */
export type ErrorCode = CheckCode | RefusalCode;

const ALL: ReadonlySet<string> = new Set(Object.values(ERROR_CODES).flat());

/** A string that is one of the codes above (for codes that arrive as data: a service's answer, a report). */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && ALL.has(value);
}

declare const carriedBrand: unique symbol;
/** A code raised under one class and re-thrown, on purpose, under another (`carried`). */
export type Carried = ErrorCode & { readonly [carriedBrand]: true };

/**
 * Marks a code that a wrapper re-throws under its own class although another class raised it:
 * a verification report's deciding failure (a refused countersigning, a refused rotation, which
 * may be the parse check's InputError code), a service's refusal, the service refusing with the
 * library's code. The one way a VerificationError or Refusal carries a code that is not its own.
 * Throws on a string that is no code at all (a code that bypassed the types).
 */
export function carried(code: string): Carried {
  if (!isErrorCode(code)) throw new TypeError(`not an error code: ${JSON.stringify(code)}`);
  return code as Carried;
}
