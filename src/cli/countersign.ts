// `countersign countersign BUNDLE --key FILE --policy FILE --out FILE [--state FILE]`:
// organisation B's step. Verifies the primary under B's policy and refuses, with the reason,
// if anything is off; only then signs. Given an already countersigned bundle, it adds a
// countersignature (several countersigners, m-of-n).
import { parseArgs } from 'node:util';
import { serializeBundle } from '../lib/bundle/countersigned-bundle.ts';
import { countersignBundle } from '../lib/countersign/countersign-bundle.ts';
import { loadPrivateKeyFile } from '../lib/countersign/keys.ts';
import { seedSigner } from '../lib/countersign/signer.ts';
import { writeFileAtomic } from '../lib/io/atomic-write.ts';
import { loadPolicyFile } from '../lib/policy/index.ts';
import { recordAccepted } from '../lib/verify/state.ts';
import { readBundleFile } from './io.ts';
import { loadStateFile, saveStateFile } from './state-file.ts';
import { usageError } from './usage.ts';

export const USAGE = `usage: countersign countersign BUNDLE --key FILE --policy FILE --out FILE [--state FILE]

Organisation B's step: verifies the primary Sigstore signature of BUNDLE under the policy
(identity, trusted root, kind, stream, expiry, version) and, only if all of it holds, adds
an Ed25519 countersignature that binds the statement and the primary signature.

  --key FILE      B's Ed25519 private key (PKCS#8 PEM, mode 0600), from 'countersign keygen'
  --policy FILE   the policy B countersigns under; B's key must be one of its countersigners
  --out FILE      where to write the countersigned bundle
  --state FILE    B's record of the last version it signed per stream: refuses to sign an
                  older version (created if missing)

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
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(USAGE), 0;
  const [bundlePath, ...extra] = positionals;
  if (!bundlePath) return usageError('countersign', 'missing BUNDLE');
  if (extra.length > 0) return usageError('countersign', `unexpected argument ${JSON.stringify(extra[0])}`);
  if (!values.key) return usageError('countersign', 'missing --key FILE');
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
