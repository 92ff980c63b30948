// `countersign sign STATEMENT --out FILE [--sigstore public-good|github|STACK.json|SIGNING_CONFIG.json]
// [--trusted-root FILE] [--identity-token TOKEN]`: organisation A's keyless signature over the
// statement, in a DSSE envelope, as a Sigstore bundle v0.3. Everything local is checked before
// anything is sent (issue 14 #9: a Rekor entry is permanent): the statement is parsed strictly
// (the signer never signs bytes that a verifier would reject), the instance and its trusted
// root are read, and --out must be writable.
import { parseStatement } from '../lib/formats/statement/statement.ts';
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import { resolveInstance } from '../lib/flows/sign/instances.ts';
import { resolveIdentityToken } from '../lib/flows/sign/oidc-token.ts';
import { checkOutputWritable } from '../lib/flows/sign/output.ts';
import { signStatement } from '../lib/flows/sign/sign.ts';
import { readInputFile } from './io.ts';
import { usageError } from './usage.ts';
import { parseVerbArgs } from './args.ts';

export const USAGE = `usage: countersign sign STATEMENT --out FILE [--sigstore public-good|github|STACK.json|SIGNING_CONFIG.json]
                        [--trusted-root FILE] [--identity-token TOKEN]

Signs STATEMENT (from 'countersign build') with Sigstore keyless signing: a short-lived
Fulcio certificate for the workflow's OIDC identity, logged in Rekor (public-good) or
timestamped by a TSA (github). Writes the Sigstore bundle to --out, which is checked to be
writable before any request is sent.

  --sigstore X          public-good (default), github, a stack description file written
                        by 'countersign stack', or a Sigstore SigningConfig v0.2 file
                        (signing_config.v0.2.json: the services valid now are used)
  --trusted-root FILE   the instance's Sigstore trusted root: required with a signing
                        config; the new bundle must verify under it before it is written
  --identity-token T    the OIDC token; otherwise SIGSTORE_ID_TOKEN, otherwise GitHub's
                        ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN (needs permissions: id-token: write)

Exit codes: 0 signed, 2 could not sign.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs('sign', argv, {
    out: { type: 'string' },
    sigstore: { type: 'string', default: 'public-good' },
    'trusted-root': { type: 'string' },
    'identity-token': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (console.log(USAGE), 0);
  const [statementPath, ...extra] = positionals;
  if (!statementPath) return usageError('sign', 'missing STATEMENT');
  if (extra.length > 0) return usageError('sign', `unexpected argument ${JSON.stringify(extra[0])}`);
  if (!values.out) return usageError('sign', 'missing --out FILE');

  const bytes = await readInputFile(statementPath, 'statement', 64 * 1024 * 1024);
  const statement = parseStatement(bytes, statementPath);
  const instance = await resolveInstance(values.sigstore, { trustedRoot: values['trusted-root'] });
  await checkOutputWritable(values.out);
  const identityToken = await resolveIdentityToken({ explicit: values['identity-token'] });
  const bundle = await signStatement(bytes, { instance, identityToken });
  await writeFileAtomic(values.out, JSON.stringify(bundle, null, 2) + '\n');
  const p = statement.predicate;
  console.error(
    `signed ${p.kind} ${p.stream} v${p.version} (${statement.subject.length} subject(s)); wrote ${values.out}`,
  );
  console.log(values.out);
  return 0;
}
