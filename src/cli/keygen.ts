// `countersign keygen --out FILE`: makes organisation B's Ed25519 countersigning key.
// stdout carries only the key id (one line, for scripts: `KEY_ID=$(countersign keygen ...)`);
// the paths written go to stderr for the human.
import { writeKeyPair } from '../lib/basics/io/key-files.ts';
import { usageError } from './usage.ts';
import { parseVerbArgs } from './args.ts';
import { reportFatal } from './errors.ts';

export const USAGE = `usage: countersign keygen --out FILE

Makes organisation B's Ed25519 countersigning key (spec/ED25519.md §6):
  FILE       the private key, PKCS#8 PEM, mode 0600: keep it secret
  FILE.pub   the public key, SPKI PEM: pin it in the policy
Never overwrites an existing file. Prints the key id (sha256:<hex>) on stdout.

  --out FILE   where to write the private key (the public key goes to FILE.pub)

Exit codes: 0 written, 2 could not run.`;

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseVerbArgs(
      'keygen',
      argv,
      { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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

  const { keyId, privatePath, publicPath } = await writeKeyPair(values.out);
  console.error(`wrote private key ${privatePath} (mode 0600) and public key ${publicPath}`);
  console.log(keyId);
  return 0;
}
