// Shared by: cli-audit, cli-build, cli-countersign, cli-policy-update, cli-serve, cli-sign (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);

// src/lib/basics/errors/codes.ts
var STRICT_JSON_CODES = [
  "too-large",
  "too-deep",
  "malformed-json",
  "duplicate-key",
  "number-out-of-range",
  "key-too-long",
  "string-too-long",
  "too-many-items"
];
var POLICY_CODES = [
  "policy-unreadable",
  "policy-too-large",
  "policy-malformed",
  "policy-duplicate-json-key",
  "policy-unknown-field",
  "policy-unsupported-version",
  "policy-ambiguous",
  "policy-bad-organisation",
  "policy-bad-pattern",
  "policy-bad-key",
  "policy-key-mismatch",
  "policy-duplicate-entry",
  "policy-validity-window",
  "policy-threshold",
  "policy-unknown-kind",
  "policy-limit-out-of-range",
  "policy-source-repository-unpinned"
];
var BUNDLE_PARSE_CODES = [
  "bundle-malformed",
  "bundle-unsupported-version",
  "primary-malformed",
  "statement-malformed",
  "statement-unknown-field",
  "statement-unsupported-type",
  "statement-unknown-kind",
  "statement-duplicate-subject",
  "statement-unsorted-subjects",
  "statement-too-many-subjects",
  "statement-bad-time",
  "statement-too-large"
];
var INPUT_CODES = [
  // The parse check (FORMAT.md §9) and the rotation walk (ROTATION.md §7).
  ...BUNDLE_PARSE_CODES,
  "rotation-policy-digest",
  "rotation-policy-malformed",
  "rotation-not-rotation",
  "countersignature-malformed",
  // Documents read beside a bundle (FORMAT.md §9.3).
  "state-malformed",
  "trusted-root-malformed",
  "trusted-root-unsupported-version",
  "key-malformed",
  "artifact-required",
  "artifact-digest",
  // Inputs to `build` (FORMAT.md §9.3).
  "subject-path-invalid",
  "subject-outside-base",
  "subject-not-regular",
  "subject-duplicate",
  "subject-too-many",
  "subject-empty",
  "subject-unreadable",
  "subject-changed",
  "fleet-keys-malformed",
  "fleet-keys-duplicate",
  "fleet-keys-bad-key",
  "bad-stream",
  "bad-version",
  "bad-expiry",
  "bad-duration",
  "bad-time",
  "rotation-downgrade",
  "rotation-gap",
  // Countersigner keys (ED25519.md §6).
  "key-pem",
  "key-encoding",
  "key-algorithm",
  "key-encrypted",
  "key-invalid",
  "key-too-large",
  "key-unreadable",
  "key-permissions",
  "key-exists",
  "key-unwritable",
  "ed25519-private-key",
  "ed25519-message",
  // Signing, the services, the client library, the surfaces (ERRORS.md).
  "input-unreadable",
  "input-changed",
  "no-identity-token",
  "bad-identity-token",
  "identity-token-request-failed",
  "bad-service-url",
  "sigstore-instance-invalid",
  "sigstore-service-failed",
  "signing-config-invalid",
  "signed-bundle-unverifiable",
  "service-unavailable",
  "service-response-too-large",
  "service-bad-response",
  "expect-malformed",
  "log-key-malformed",
  "trusted-root-mismatch",
  "artifacts-malformed",
  "artifacts-too-many",
  "input-malformed",
  "expected-stream-missing",
  "expected-not-allowed",
  "usage",
  "bad-option",
  "bad-listen",
  "bad-origin",
  "log-key-origin",
  "output-exists",
  "output-unwritable",
  "input-missing",
  "input-invalid",
  "github-api-failed",
  "release-asset-missing",
  "release-ambiguous",
  "service-client-missing",
  "countersigner-not-pinned",
  "listen-failed",
  "log-storage-inconsistent",
  // The service's storage at start and on commit (ERRORS.md §10).
  "log-storage-locked",
  "log-storage-unreadable",
  "disk-full",
  "witness-state-invalid",
  // Fetching a trusted root through TUF (ERRORS.md §8).
  "tuf-mirror-unreachable",
  "tuf-metadata-expired",
  "tuf-bad-signature",
  "tuf-target-missing",
  "tuf-target-mismatch",
  "tuf-metadata-invalid",
  // Keys in PKCS#11 tokens, where key and policy files may live (ERRORS.md §9).
  "pkcs11-uri-malformed",
  "pkcs11-unavailable",
  "pkcs11-module",
  "pkcs11-pin",
  "pkcs11-token-missing",
  "pkcs11-token-ambiguous",
  "pkcs11-object-missing",
  "pkcs11-object-ambiguous",
  "pkcs11-object-exists",
  "pkcs11-key-type",
  "pkcs11-key-mismatch",
  "pkcs11-token-error",
  "key-in-environment",
  "policy-file-unsafe"
];
var VERIFICATION_CODES = [
  // Checks primary, primary-identity (FORMAT.md §9).
  "primary-malformed",
  "primary-unsupported-version",
  "primary-not-dsse",
  "primary-signature",
  "primary-certificate",
  "primary-key",
  "primary-tlog",
  "primary-timestamp",
  "primary-too-many-entries",
  "primary-duplicate-entry",
  "primary-artifact",
  "primary-issuer",
  "primary-identity",
  "primary-claim",
  "primary-source-repository",
  // Check countersignatures.
  "countersignature-missing",
  "countersignature-duplicate",
  "countersignature-unpinned-key",
  "countersignature-signature",
  "countersignature-malformed",
  "countersignature-binding",
  "countersignature-key-not-yet-valid",
  "countersignature-key-expired",
  "countersignature-time",
  "countersignature-log-missing",
  "countersignature-log-checkpoint",
  "countersignature-log-inclusion",
  "log-witness-cosignature",
  "log-witness-threshold",
  "countersignature-fallback-not-rotation",
  "countersignature-threshold",
  "rotation-proof-of-possession",
  "rotation-new-threshold",
  // Check statement.
  "policy-rollback",
  "statement-kind",
  "statement-stream",
  "statement-stream-unexpected",
  "statement-kind-unexpected",
  "statement-not-yet-valid",
  "statement-expired",
  "statement-lifetime",
  "rotation-downgrade",
  "rotation-gap",
  "rotation-statement-version",
  "statement-rollback",
  "statement-version-reused",
  "statement-version-step",
  // Check subjects.
  "subject-unexpected-file",
  "subject-digest",
  "subject-missing",
  // The audit and signed notes (FORMAT.md §9.2).
  "log-inconsistent",
  "log-entry-not-in-tree",
  "log-entries-missing",
  "log-note-malformed",
  "log-note-signature",
  "log-checkpoint-malformed",
  "log-checkpoint-origin",
  "log-key-malformed",
  // Countersigning and the service client (ERRORS.md).
  "countersigner-not-pinned",
  "countersign-refused",
  "rotation-needs-review",
  "rotation-approval-mismatch",
  "service-refused",
  "artifact-not-subject"
];
var ROTATION_CODES = [
  "rotation-downgrade",
  "rotation-gap",
  "rotation-fork",
  "rotation-chain-too-long"
];
var REFUSAL_CODES = [
  "bad-request",
  "bad-range",
  "not-found",
  "method-not-allowed",
  "unsupported-media-type",
  "too-large",
  "statement-rollback",
  "rotation-needs-review",
  "overloaded",
  "rate-limited",
  "internal-error"
];
var ERROR_CODES = {
  StrictJsonError: STRICT_JSON_CODES,
  PolicyError: POLICY_CODES,
  InputError: INPUT_CODES,
  VerificationError: VERIFICATION_CODES,
  RotationError: ROTATION_CODES,
  Refusal: REFUSAL_CODES
};
var ALL = new Set(Object.values(ERROR_CODES).flat());
function isErrorCode(value) {
  return typeof value === "string" && ALL.has(value);
}
function carried(code) {
  if (!isErrorCode(code)) throw new TypeError(`not an error code: ${JSON.stringify(code)}`);
  return code;
}

export {
  STRICT_JSON_CODES,
  BUNDLE_PARSE_CODES,
  isErrorCode,
  carried
};
