// `countersign countersign BUNDLE --key FILE --policy FILE --out FILE [--state FILE]`:
// organisation B's step. Verifies the primary under B's policy and refuses, with the reason,
// if anything is off; only then signs. Given an already countersigned bundle, it adds a
// countersignature (several countersigners, m-of-n).
import { serializeBundle } from '../lib/formats/bundle/bundle.ts';
import { countersignBundle } from '../lib/flows/countersign/countersign-bundle.ts';
import { openSigningKey } from '../lib/basics/io/key-ref.ts';
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import { loadPolicyFile } from '../lib/formats/policy/index.ts';
import { readBundleFile } from './io.ts';
import { loadStateFile, saveStateFile } from '../lib/flows/gate/state-file.ts';
import { usageError } from './usage.ts';
import { parseVerbArgs } from './args.ts';
import { InputError } from '../lib/basics/errors/errors.ts';
import { requestCountersignature } from '../lib/flows/countersign/service-client.ts';
import { rotationApproval } from './rotation-approval.ts';

export const USAGE = `usage: countersign countersign BUNDLE --key FILE --policy FILE --out FILE [--state FILE]
                                [--approve-rotation sha256:DIGEST]
       countersign countersign BUNDLE --url URL --out FILE [--timeout SECONDS] [--retries N]

Organisation B's step: verifies the primary Sigstore signature of BUNDLE under the policy
(identity, trusted root, kind, stream, expiry, version) and, only if all of it holds, adds
an Ed25519 countersignature that binds the statement and the primary signature.

  --key FILE      B's Ed25519 private key (PKCS#8 PEM, mode 0600), from 'countersign keygen';
                  or a PKCS#11 URI (pkcs11:token=...;object=...?module-path=...&pin-source=file:...)
                  naming the key in a token (docs/keys.md). A fallback signer or a rotation's
                  new key countersigns a rotation the same way
  --policy FILE   the policy B countersigns under; B's key must be one of its countersigners
  --out FILE      where to write the countersigned bundle
  --state FILE    B's record of the last version it signed per stream: refuses to sign an
                  older version, or one more than the policy's maxVersionStep above it
                  (created if missing; without a record, no version above 2^45)
  --url URL       instead of --key and --policy: ask organisation B's countersigning service
                  (docs/service.md); the result carries its log inclusion proof and checkpoint.
                  COUNTERSIGN_SERVICE_TOKEN, if set, is sent as a bearer token (never printed)
  --timeout S     with --url: seconds per attempt (default 30)
  --retries N     with --url: retries on connection errors and 5xx (default 3)
  --approve-rotation sha256:DIGEST
                  for an authority rotation: the digest of the new policy it installs, which
                  you reviewed; must match the rotation exactly (for scripts: on a terminal,
                  the command asks instead)

An authority rotation changes who must sign from then on. For one, the command first prints
what the new policy changes (as 'countersign policy diff' does) and countersigns only with an
approval of that exact document: on a terminal, type the start of its digest when asked;
otherwise give --approve-rotation. Without one it refuses [rotation-needs-review]; a digest
of another document is [rotation-approval-mismatch]. B's service never countersigns rotations.

Exit codes: 0 countersigned, 1 refused (the reason is printed), 2 could not run.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs('countersign', argv, {
    key: { type: 'string' },
    policy: { type: 'string' },
    out: { type: 'string' },
    state: { type: 'string' },
    url: { type: 'string' },
    timeout: { type: 'string' },
    retries: { type: 'string' },
    'approve-rotation': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (console.log(USAGE), 0);
  const [bundlePath, ...extra] = positionals;
  if (!bundlePath) return usageError('countersign', 'missing BUNDLE');
  if (extra.length > 0) return usageError('countersign', `unexpected argument ${JSON.stringify(extra[0])}`);
  if (values.url !== undefined) {
    if (values['approve-rotation'] !== undefined)
      return usageError(
        'countersign',
        "--approve-rotation does not go with --url (B's service never countersigns a rotation: B countersigns it with its key)",
      );
    return viaService(bundlePath, values.url, values);
  }
  if (!values.key) return usageError('countersign', 'missing --key FILE (or --url URL)');
  if (!values.policy) return usageError('countersign', 'missing --policy FILE');
  if (!values.out) return usageError('countersign', 'missing --out FILE');

  const policy = await loadPolicyFile(values.policy);
  const state = values.state ? await loadStateFile(values.state) : undefined;
  const bytes = await readBundleFile(bundlePath);
  // A key file, or a key in a token (its public key read from the token: the key id that
  // countersignBundle checks against the policy's pinned keys before signing).
  const key = await openSigningKey(values.key, '--key');
  let result;
  try {
    // An authority rotation: the review, then an approval of the exact new policy (or a refusal).
    const approval = await rotationApproval(bundlePath, bytes, policy, key.keyId, values['approve-rotation']);
    result = await countersignBundle(bytes, {
      policy,
      signer: key.signer,
      state,
      what: bundlePath,
      ...(approval ? { approveRotation: approval } : {}),
    });
  } finally {
    key.close();
  }
  await writeFileAtomic(values.out, serializeBundle(result.bundle));
  if (values.state) await saveStateFile(values.state, result.newState);
  console.error(
    `countersigned ${result.stream} v${result.version} (statement sha256:${result.statementDigest}) with ${key.keyId}; wrote ${values.out}`,
  );
  console.log(values.out);
  return 0;
}

/** `--url`: the service verifies under its own policy, signs, logs; we write what it returns. */
async function viaService(
  bundlePath: string,
  url: string,
  values: { key?: string; policy?: string; state?: string; out?: string; timeout?: string; retries?: string },
): Promise<number> {
  for (const flag of ['key', 'policy', 'state'] as const) {
    if (values[flag] !== undefined)
      return usageError(
        'countersign',
        `--${flag} does not go with --url (the service uses its own key, policy and records)`,
      );
  }
  if (!values.out) return usageError('countersign', 'missing --out FILE');
  const number = (v: string | undefined, flag: string, min: number, max: number): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max)
      throw new InputError(
        'bad-option',
        `--${flag}: expected an integer from ${min} to ${max}, found ${JSON.stringify(v)}`,
      );
    return n;
  };
  const timeout = number(values.timeout, 'timeout', 1, 600);
  const retries = number(values.retries, 'retries', 0, 10);
  const token = process.env.COUNTERSIGN_SERVICE_TOKEN;
  const bytes = await readBundleFile(bundlePath);
  const out = await requestCountersignature(url, bytes, {
    ...(timeout !== undefined ? { timeoutMs: timeout * 1000 } : {}),
    ...(retries !== undefined ? { retries } : {}),
    ...(token ? { token } : {}),
  });
  await writeFileAtomic(values.out, out);
  console.error(`countersigned by the service at ${url}; wrote ${values.out}`);
  console.log(values.out);
  return 0;
}
