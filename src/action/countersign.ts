// The countersign step: organisation B's Ed25519 countersignature over the primary, either
//   - from B's service (countersign-url): the production set-up, B's key never enters A's
//     job; B verifies A's signature under B's own policy and returns the countersigned bundle
//     (src/lib/flows/countersign/service-client.ts, requestCountersignature); or
//   - with the key itself (countersign-key, the PEM text of a secret): for single-organisation
//     trials only, and the step says so loudly, because whoever holds both keys can produce a
//     bundle that verifies, which is exactly what the two signatures exist to prevent.
// With a key, the library's countersignBundle verifies the primary under the policy first.
import * as core from '@actions/core';
import { isDeepStrictEqual } from 'node:util';
import { parseBundleFile, serializeBundle } from '../lib/formats/bundle/bundle.ts';
import { countersignBundle } from '../lib/flows/countersign/countersign-bundle.ts';
import { parsePrivateKeyPem } from '../lib/basics/crypto/ed25519-keys.ts';
import { seedSigner } from '../lib/basics/crypto/signer.ts';
import { InputError, VerificationError } from '../lib/basics/errors/errors.ts';
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import { loadPolicyFile } from '../lib/formats/policy/index.ts';
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
  'countersign-key: organisation B\'s countersigning key is in this workflow. If this is organisation A\'s workflow (the one that ' +
  'signs), one organisation now holds both keys and can produce a bundle that verifies on its own: the two-organisation ' +
  'guarantee is weakened to a single-organisation one. Use this for single-organisation trials only; in production use ' +
  'countersign-url (organisation B\'s service) or organisation B\'s own workflow (examples/workflows/countersigner.yml), with ' +
  'the key in an environment that requires a reviewer.';

export interface CountersignInputs {
  bundle: string;
  policy: string | undefined;
  countersignUrl: string | undefined;
  /** The PEM text of B's private key (already masked when this object exists). */
  countersignKey: string | undefined;
  bundlePath: string;
}

export function readCountersignInputs(): CountersignInputs {
  // The key first, and masked before anything else is read or printed.
  const countersignKey = optionalInput('countersign-key') || undefined;
  if (countersignKey) maskSecret(countersignKey);
  const countersignUrl = optionalInput('countersign-url') || undefined;
  if (countersignKey && countersignUrl) throw new InputError('input-invalid', 'inputs countersign-url and countersign-key: expected one of them, found both');
  if (!countersignKey && !countersignUrl) {
    throw new InputError('input-missing', 'inputs countersign-url and countersign-key: expected one of them (organisation B\'s service URL, or for trials B\'s key from a secret), found neither');
  }
  const policy = optionalInput('policy') || undefined;
  if (countersignKey && !policy) throw new InputError('input-missing', 'input policy: required with countersign-key (the primary is verified under it before countersigning), found nothing');
  return {
    bundle: requiredInput('bundle'),
    policy,
    countersignUrl: countersignUrl ? checkServiceUrl(countersignUrl, 'input countersign-url') : undefined,
    countersignKey,
    bundlePath: optionalInput('bundle-path') || DEFAULT_BUNDLE_PATH,
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
    const key = parsePrivateKeyPem(inputs.countersignKey, 'input countersign-key');
    try {
      const policy = await loadPolicyFile(inWorkspace(inputs.policy!));
      const result = await countersignBundle(bytes, { policy, signer: seedSigner(key.seed, key.keyId), what: `input bundle ${inputs.bundle}` });
      await writeFileAtomic(bundlePath, serializeBundle(result.bundle));
      return { bundlePath, by: key.keyId, countersignatures: result.bundle.countersignatures.length };
    } finally {
      key.seed.fill(0);
    }
  }
  const requestCountersignature = await loadServiceClient();
  const returned = await requestCountersignature(inputs.countersignUrl!, bytes, { timeoutMs: 60_000, retries: 2 });
  const count = checkReturnedBundle(bytes, returned, inputs.countersignUrl!);
  await writeFileAtomic(bundlePath, returned);
  return { bundlePath, by: inputs.countersignUrl!, countersignatures: count };
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
    throw new VerificationError('countersignature-binding', `${what}: expected the primary signature that was sent, found a different primary`);
  }
  if (after.countersignatures.length <= before.countersignatures.length) {
    throw new VerificationError('countersignature-missing', `${what}: expected at least ${before.countersignatures.length + 1} countersignature(s), found ${after.countersignatures.length}`);
  }
  return after.countersignatures.length;
}

export async function countersignStep(): Promise<void> {
  const result = await runCountersign(readCountersignInputs());
  core.info(`countersigned (${result.by}): ${result.countersignatures} countersignature(s); wrote ${result.bundlePath}`);
  core.setOutput('bundle-path', result.bundlePath);
  core.setOutput('countersignatures', String(result.countersignatures));
}
