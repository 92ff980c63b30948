// `countersign countersign BUNDLE --key FILE --policy FILE --out FILE [--state FILE]`:
// organisation B's step. Verifies the primary under B's policy and refuses, with the reason,
// if anything is off; only then signs. Given an already countersigned bundle, it adds a
// countersignature (several countersigners, m-of-n).
import { parseArgs } from 'node:util';
import { serializeBundle } from '../lib/formats/bundle/bundle.ts';
import { countersignBundle } from '../lib/flows/countersign/countersign-bundle.ts';
import { loadPrivateKeyFile } from '../lib/basics/io/key-files.ts';
import { seedSigner } from '../lib/basics/crypto/signer.ts';
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import { loadPolicyFile } from '../lib/formats/policy/index.ts';
import { recordAccepted } from '../lib/formats/state/state.ts';
import { readBundleFile } from './io.ts';
import { loadStateFile, saveStateFile } from './state-file.ts';
import { usageError } from './usage.ts';
import { InputError } from '../lib/basics/errors/errors.ts';
import { requestCountersignature } from '../lib/flows/countersign/service-client.ts';

export const USAGE = `usage: countersign countersign BUNDLE --key FILE --policy FILE --out FILE [--state FILE]
       countersign countersign BUNDLE --url URL --out FILE [--timeout SECONDS] [--retries N]

Organisation B's step: verifies the primary Sigstore signature of BUNDLE under the policy
(identity, trusted root, kind, stream, expiry, version) and, only if all of it holds, adds
an Ed25519 countersignature that binds the statement and the primary signature.

  --key FILE      B's Ed25519 private key (PKCS#8 PEM, mode 0600), from 'countersign keygen'
  --policy FILE   the policy B countersigns under; B's key must be one of its countersigners
  --out FILE      where to write the countersigned bundle
  --state FILE    B's record of the last version it signed per stream: refuses to sign an
                  older version (created if missing)
  --url URL       instead of --key and --policy: ask organisation B's countersigning service
                  (docs/service.md); the result carries its log inclusion proof and checkpoint.
                  COUNTERSIGN_SERVICE_TOKEN, if set, is sent as a bearer token (never printed)
  --timeout S     with --url: seconds per attempt (default 30)
  --retries N     with --url: retries on connection errors and 5xx (default 3)

Exit codes: 0 countersigned, 1 refused (the reason is printed), 2 could not run.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      key: { type: 'string' },
      policy: { type: 'string' },
      out: { type: 'string' },
      state: { type: 'string' },
      url: { type: 'string' },
      timeout: { type: 'string' },
      retries: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(USAGE), 0;
  const [bundlePath, ...extra] = positionals;
  if (!bundlePath) return usageError('countersign', 'missing BUNDLE');
  if (extra.length > 0) return usageError('countersign', `unexpected argument ${JSON.stringify(extra[0])}`);
  if (values.url !== undefined) return viaService(bundlePath, values);
  if (!values.key) return usageError('countersign', 'missing --key FILE (or --url URL)');
  if (!values.policy) return usageError('countersign', 'missing --policy FILE');
  if (!values.out) return usageError('countersign', 'missing --out FILE');

  const policy = await loadPolicyFile(values.policy);
  const key = await loadPrivateKeyFile(values.key);
  const state = values.state ? await loadStateFile(values.state) : undefined;
  const bytes = await readBundleFile(bundlePath);

  const result = await countersignBundle(bytes, { policy, signer: seedSigner(key.seed, key.keyId), state, what: bundlePath });
  await writeFileAtomic(values.out, serializeBundle(result.bundle));
  if (values.state && state) await saveStateFile(values.state, recordAccepted(state, result.stream, result.version, result.statementDigest));
  console.error(`countersigned ${result.stream} v${result.version} (statement sha256:${result.statementDigest}) with ${key.keyId}; wrote ${values.out}`);
  console.log(values.out);
  return 0;
}

/** `--url`: the service verifies under its own policy, signs, logs; we write what it returns. */
async function viaService(bundlePath: string, values: { url?: string; key?: string; policy?: string; state?: string; out?: string; timeout?: string; retries?: string }): Promise<number> {
  for (const flag of ['key', 'policy', 'state'] as const) {
    if (values[flag] !== undefined) return usageError('countersign', `--${flag} does not go with --url (the service uses its own key, policy and records)`);
  }
  if (!values.out) return usageError('countersign', 'missing --out FILE');
  const number = (v: string | undefined, flag: string, min: number, max: number): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < min || n > max) throw new InputError('bad-option', `--${flag}: expected an integer from ${min} to ${max}, found ${JSON.stringify(v)}`);
    return n;
  };
  const timeout = number(values.timeout, 'timeout', 1, 600);
  const retries = number(values.retries, 'retries', 0, 10);
  const token = process.env.COUNTERSIGN_SERVICE_TOKEN;
  const bytes = await readBundleFile(bundlePath);
  const out = await requestCountersignature(values.url!, bytes, {
    ...(timeout !== undefined ? { timeoutMs: timeout * 1000 } : {}),
    ...(retries !== undefined ? { retries } : {}),
    ...(token ? { token } : {}),
  });
  await writeFileAtomic(values.out, out);
  console.error(`countersigned by the service at ${values.url}; wrote ${values.out}`);
  console.log(values.out);
  return 0;
}
