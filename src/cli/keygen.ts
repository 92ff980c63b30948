// `countersign keygen --out FILE`: makes organisation B's Ed25519 countersigning key; with
// `--key PKCS11_URI`, inside a token (docs/keys.md), writing only the public key.
// stdout carries only the key id (one line, for scripts: `KEY_ID=$(countersign keygen ...)`);
// the paths written go to stderr for the human.
import { writeKeyPair } from '../lib/basics/io/key-files.ts';
import { generateKeyInToken, isPkcs11Uri } from '../lib/basics/io/key-ref.ts';
import { usageError } from './usage.ts';
import { parseVerbArgs } from './args.ts';
import { reportFatal } from './errors.ts';

export const USAGE = `usage: countersign keygen --out FILE
       countersign keygen --key PKCS11_URI --out NAME

Makes organisation B's Ed25519 countersigning key (spec/ED25519.md §6):
  FILE       the private key, PKCS#8 PEM, mode 0600: keep it secret
  FILE.pub   the public key, SPKI PEM: pin it in the policy
Never overwrites an existing file. Prints the key id (sha256:<hex>) on stdout.

  --out FILE   where to write the private key (the public key goes to FILE.pub)
  --key URI    make the key pair inside a PKCS#11 token instead (docs/keys.md), e.g.
               'pkcs11:token=countersign-b;object=b-release?module-path=/usr/lib/softhsm/libsofthsm2.so&pin-source=file:/run/secrets/pin':
               the private key is sensitive and never leaves the token; only NAME.pub is
               written (after the token made the pair). Refuses a name the token already has.

Exit codes: 0 written, 2 could not run.`;

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseVerbArgs(
      'keygen',
      argv,
      { out: { type: 'string' }, key: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      { positionals: false },
    ));
  } catch (err) {
    // A bad command line is exit 2 from run() itself, like a missing --out (run() is called in-process too).
    return reportFatal(err);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out) return usageError('keygen', 'missing --out FILE');
  if (values.key !== undefined) {
    if (!isPkcs11Uri(values.key))
      return usageError('keygen', '--key takes a PKCS#11 URI (pkcs11:...); for a key file give --out FILE alone');
    const made = await generateKeyInToken(values.key, values.out, '--key');
    console.error(`made the key pair in the token; wrote public key ${made.publicPath}`);
    console.log(made.keyId);
    return 0;
  }

  const { keyId, privatePath, publicPath } = await writeKeyPair(values.out);
  console.error(`wrote private key ${privatePath} (mode 0600) and public key ${publicPath}`);
  console.log(keyId);
  return 0;
}
