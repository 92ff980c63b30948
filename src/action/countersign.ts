// The countersign step: organisation B's Ed25519 countersignature over the primary, either
//   - from B's service (countersign-url): the production set-up, B's key never enters A's
//     job; B verifies A's signature under B's own policy and returns the countersigned bundle
//     (src/lib/flows/countersign/service-client.ts, requestCountersignature); or
//   - with the key itself (countersign-key, the PEM text of a secret): for single-organisation
//     trials only, and the step says so loudly, because whoever holds both keys can produce a
//     bundle that verifies, which is exactly what the two signatures exist to prevent. On a
//     self-hosted runner with an HSM, countersign-key may instead be a PKCS#11 URI naming B's
//     key in the token (docs/keys.md); the PIN then comes from pin-source=file:..., never from
//     the URI, and the same warning applies (the runner's job can use B's key).
// With a key, the library's countersignBundle verifies the primary under the policy first.
// An authority rotation is countersigned only with the input approve-rotation: the digest of
// the new policy, which must be the one the rotation carries (spec/ROTATION.md §3.1); the step
// prints what the new policy changes. B's service refuses rotations (unless its operator opted
// in to extending B's own key validity automatically: docs/service.md).
import * as core from '@actions/core';
import { isDeepStrictEqual } from 'node:util';
import { parseBundleFile, serializeBundle } from '../lib/formats/bundle/bundle.ts';
import { countersignBundle } from '../lib/flows/countersign/countersign-bundle.ts';
import {
  checkRotationApproval,
  peekRotation,
  rotationReview,
  REVIEW_HINT,
} from '../lib/flows/countersign/rotation-review.ts';
import { parsePrivateKeyPem } from '../lib/basics/crypto/ed25519-keys.ts';
import { seedSigner } from '../lib/basics/crypto/signer.ts';
import { isPkcs11Uri, openSigningKey, type SigningKey } from '../lib/basics/io/key-ref.ts';
import { InputError, VerificationError } from '../lib/basics/errors/errors.ts';
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import { loadPolicyFile, type Policy } from '../lib/formats/policy/index.ts';
import { POLICY_LIMIT_RANGES } from '../lib/formats/policy/types.ts';
import { checkServiceUrl } from '../lib/basics/net/url.ts';
import { readCappedFile } from './files.ts';
import { optionalInput, requiredInput } from './inputs.ts';
import { inWorkspace } from './paths.ts';
import { maskSecret } from './secrets.ts';
import { loadServiceClient } from './service-client.ts';

export const MAX_BUNDLE_BYTES = POLICY_LIMIT_RANGES.maxBundleBytes[1];
export const DEFAULT_BUNDLE_PATH = 'countersign.bundle.json';

export const SINGLE_ORGANISATION_WARNING =
  "countersign-key: organisation B's countersigning key is in this workflow. If this is organisation A's workflow (the one that " +
  'signs), one organisation now holds both keys and can produce a bundle that verifies on its own: the two-organisation ' +
  'guarantee is weakened to a single-organisation one. Use this for single-organisation trials only; in production use ' +
  "countersign-url (organisation B's service) or organisation B's own workflow (examples/workflows/countersigner.yml), with " +
  'the key in an environment that requires a reviewer.';

export interface CountersignInputs {
  bundle: string;
  policy: string | undefined;
  countersignUrl: string | undefined;
  /** The PEM text of B's private key, or a PKCS#11 URI naming it in a token (already masked when this object exists). */
  countersignKey: string | undefined;
  bundlePath: string;
  /** `sha256:<hex>`: the new policy of the authority rotation this step may countersign. */
  approveRotation: string | undefined;
}

export function readCountersignInputs(): CountersignInputs {
  // The key first, and masked before anything else is read or printed.
  const countersignKey = optionalInput('countersign-key') || undefined;
  if (countersignKey) maskSecret(countersignKey);
  const countersignUrl = optionalInput('countersign-url') || undefined;
  if (countersignKey && countersignUrl)
    throw new InputError(
      'input-invalid',
      'inputs countersign-url and countersign-key: expected one of them, found both',
    );
  if (!countersignKey && !countersignUrl) {
    throw new InputError(
      'input-missing',
      "inputs countersign-url and countersign-key: expected one of them (organisation B's service URL, or for trials B's key from a secret), found neither",
    );
  }
  const policy = optionalInput('policy') || undefined;
  if (countersignKey && !policy)
    throw new InputError(
      'input-missing',
      'input policy: required with countersign-key (the primary is verified under it before countersigning), found nothing',
    );
  const approveRotation = optionalInput('approve-rotation') || undefined;
  if (approveRotation !== undefined && !countersignKey) {
    throw new InputError(
      'input-invalid',
      "input approve-rotation: goes with countersign-key only (organisation B's service never countersigns an authority rotation; B countersigns it with its key)",
    );
  }
  if (approveRotation !== undefined && !/^sha256:[0-9a-f]{64}$/.test(approveRotation)) {
    throw new InputError(
      'input-invalid',
      `input approve-rotation: expected sha256: and the 64 lowercase hex digits of the new policy's digest, found ${JSON.stringify(approveRotation.slice(0, 80))}`,
    );
  }
  return {
    bundle: requiredInput('bundle'),
    policy,
    countersignUrl: countersignUrl ? checkServiceUrl(countersignUrl, 'input countersign-url') : undefined,
    countersignKey,
    bundlePath: optionalInput('bundle-path') || DEFAULT_BUNDLE_PATH,
    approveRotation,
  };
}

export interface CountersignOutcome {
  bundlePath: string;
  /** Who countersigned in this step: a key id, or the service URL. */
  by: string;
  countersignatures: number;
}

export async function runCountersign(inputs: CountersignInputs): Promise<CountersignOutcome> {
  const bytes = await readCappedFile(inWorkspace(inputs.bundle), 'input bundle', MAX_BUNDLE_BYTES);
  const bundlePath = inWorkspace(inputs.bundlePath);
  if (inputs.countersignKey) {
    core.warning(SINGLE_ORGANISATION_WARNING, { title: 'countersign: one organisation holds both keys' });
    const policyPath = inputs.policy;
    if (!policyPath)
      throw new InputError('input-missing', 'input policy: required with countersign-key, found nothing');
    const key = await openCountersignKey(inputs.countersignKey);
    try {
      const policy = await loadPolicyFile(inWorkspace(policyPath));
      const what = `input bundle ${inputs.bundle}`;
      const approval = rotationApproval(bytes, policy, key.keyId, what, inputs.approveRotation);
      const result = await countersignBundle(bytes, {
        policy,
        signer: key.signer,
        what,
        ...(approval ? { approveRotation: approval } : {}),
      });
      await writeFileAtomic(bundlePath, serializeBundle(result.bundle));
      return { bundlePath, by: key.keyId, countersignatures: result.bundle.countersignatures.length };
    } finally {
      key.close();
    }
  }
  const url = inputs.countersignUrl;
  if (!url)
    throw new InputError(
      'input-missing',
      'inputs countersign-url and countersign-key: expected one of them, found neither',
    );
  const requestCountersignature = await loadServiceClient();
  const returned = await requestCountersignature(url, bytes, { timeoutMs: 60_000, retries: 2 });
  const count = checkReturnedBundle(bytes, returned, url);
  await writeFileAtomic(bundlePath, returned);
  return { bundlePath, by: url, countersignatures: count };
}

/**
 * Input countersign-key: a PKCS#11 URI opens B's key in a token (a self-hosted runner with an
 * HSM; a PIN in the URI is refused: pin-source=file: only, so the URI holds no secret), else the
 * PEM text is B's key itself. Either way the caller closes it (zeroes the seed, or closes the
 * token session).
 */
async function openCountersignKey(value: string): Promise<Pick<SigningKey, 'signer' | 'keyId' | 'close'>> {
  if (isPkcs11Uri(value)) return openSigningKey(value, 'input countersign-key', { refusePinValue: true });
  const key = parsePrivateKeyPem(value, 'input countersign-key');
  return {
    signer: seedSigner(key.seed, key.keyId),
    keyId: key.keyId,
    close: () => {
      key.seed.fill(0);
    },
  };
}

/**
 * For an authority rotation: prints what it changes, and returns the approval of input
 * approve-rotation, which must name the document the rotation carries; refuses without it.
 */
function rotationApproval(
  bytes: Uint8Array,
  policy: Policy,
  keyId: string,
  what: string,
  approve: string | undefined,
): { policyDigest: string } | undefined {
  const rotation = peekRotation(bytes, policy, what);
  if (!rotation) {
    if (approve !== undefined)
      throw new InputError(
        'input-invalid',
        `input approve-rotation: ${what} is not an authority rotation (or does not parse as one)`,
      );
    return undefined;
  }
  for (const line of rotationReview(what, policy, rotation, keyId)) core.info(line);
  if (approve === undefined) {
    throw new VerificationError(
      'rotation-needs-review',
      `${what}: an authority rotation is countersigned only with input approve-rotation: sha256:${rotation.digest} after reviewing the changes above (${REVIEW_HINT})`,
      {
        expected: `approve-rotation: sha256:${rotation.digest}`,
        found: 'no approve-rotation input',
      },
    );
  }
  const approval = { policyDigest: approve };
  checkRotationApproval(policy, rotation, approval, what);
  return approval;
}

/**
 * B blesses or refuses; it cannot co-author: the returned bundle must carry the very primary
 * we sent and at least one countersignature more. (The verify step checks the signatures.)
 */
export function checkReturnedBundle(sent: Uint8Array, returned: Uint8Array, url: string): number {
  const what = `the countersigned bundle from ${url}`;
  const before = parseBundleFile(sent, 'input bundle', MAX_BUNDLE_BYTES).bundle;
  const after = parseBundleFile(returned, what, MAX_BUNDLE_BYTES).bundle;
  if (!isDeepStrictEqual(before.primary, after.primary)) {
    throw new VerificationError(
      'countersignature-binding',
      `${what}: expected the primary signature that was sent, found a different primary`,
    );
  }
  if (after.countersignatures.length <= before.countersignatures.length) {
    throw new VerificationError(
      'countersignature-missing',
      `${what}: expected at least ${before.countersignatures.length + 1} countersignature(s), found ${after.countersignatures.length}`,
    );
  }
  return after.countersignatures.length;
}

export async function countersignStep(): Promise<void> {
  const result = await runCountersign(readCountersignInputs());
  core.info(
    `countersigned (${result.by}): ${result.countersignatures} countersignature(s); wrote ${result.bundlePath}`,
  );
  core.setOutput('bundle-path', result.bundlePath);
  core.setOutput('countersignatures', String(result.countersignatures));
}
