// `countersign policy rotate --trusted-root NEW_ROOT --current POLICY --out NEW_POLICY [--force]`:
// a Sigstore trusted-root change as an authority rotation (docs/lifecycle.md, "The yearly
// rhythm"). Sigstore's trusted root changes several times a year (new Fulcio intermediates, new
// Rekor logs and shards, new timestamp authorities), and each change reaches pinned clients
// only as a rotation. This writes the next policy: POLICY byte for byte in structure, with its
// version one higher and its trustedRoot replaced by NEW_ROOT, and nothing else changed; it
// prints the change as `policy diff` does (what B reviews before countersigning the rotation).
import { InputError } from '../lib/basics/errors/errors.ts';
import { parseStrictJson } from '../lib/basics/json/strict-json.ts';
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import { TRUSTED_ROOT_MAX_BYTES, loadTrustedRoot } from '../lib/checks/sigstore/trusted-root.ts';
import { diffPolicies } from '../lib/formats/policy/diff.ts';
import { escapeUnusual } from '../lib/formats/policy/diff-text.ts';
import { policyDocument } from '../lib/formats/policy/document.ts';
import { MAX_POLICY_BYTES } from '../lib/formats/policy/types.ts';
import { reviewLines } from '../lib/flows/countersign/rotation-review.ts';
import { parseVerbArgs } from './args.ts';
import { readInputFile } from './io.ts';
import { usageError } from './usage.ts';

export const ROTATE_USAGE = `usage: countersign policy rotate --trusted-root NEW_ROOT --current POLICY --out NEW_POLICY [--force]

rotate: writes the next policy for a change of the Sigstore trusted root: POLICY with its
version one higher and NEW_ROOT as its trusted root, nothing else changed, and prints what
changes (as 'countersign policy diff' does). NEW_ROOT must be a valid Sigstore trusted root
(a trusted_root.json; 'countersign policy check-trusted-root POLICY' says when the pinned one
is no longer current). Then publish it as any rotation:
'countersign build --kind authority-rotation --policy NEW_POLICY --current POLICY', sign,
countersign (B reviews the same diff), and hand the rotation to clients.
  --trusted-root NEW_ROOT  the new Sigstore trusted_root.json
  --current POLICY         the policy pinned now
  --out NEW_POLICY         where to write the next policy (atomically)
  --force                  replace NEW_POLICY if it exists

Exit codes: 0 written, 2 bad input (NEW_ROOT not a trusted root, the same root as POLICY's,
NEW_POLICY exists).`;

export async function rotate(argv: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs('policy rotate', argv, {
    'trusted-root': { type: 'string' },
    current: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (console.log(ROTATE_USAGE), 0);
  const fail = (message: string): number => usageError('policy rotate', message);
  if (positionals.length > 0) return fail(`unexpected argument ${JSON.stringify(positionals[0])}`);
  const rootPath = values['trusted-root'];
  if (!rootPath) return fail('missing --trusted-root NEW_ROOT');
  if (!values.current) return fail('missing --current POLICY');
  if (!values.out) return fail('missing --out NEW_POLICY');

  const current = policyDocument(await readInputFile(values.current, 'policy', MAX_POLICY_BYTES), values.current);
  const root = parseStrictJson(await readInputFile(rootPath, 'trusted root', TRUSTED_ROOT_MAX_BYTES), rootPath, {
    maxBytes: TRUSTED_ROOT_MAX_BYTES,
    maxDepth: 32,
  });
  // The parser every verification uses: a root it cannot build trust from is refused here, not by clients.
  loadTrustedRoot(root, rootPath);
  // The current document as it is (its field order kept), with only these two fields changed.
  const document = parseStrictJson(current.bytes, values.current, {
    maxBytes: MAX_POLICY_BYTES,
    maxDepth: 64,
  }) as Record<string, unknown>;
  const text = `${JSON.stringify({ ...document, version: current.policy.version + 1, trustedRoot: root }, null, 2)}\n`;
  // Checked before writing: the next policy loads, as every client will load it.
  const next = policyDocument(new TextEncoder().encode(text), values.out);
  const { from, to } = diffPolicies(current.policy, next.policy);
  if (from.trustedRootDigest === to.trustedRootDigest)
    throw new InputError(
      'input-malformed',
      `${rootPath}: the trusted root ${values.current} pins already: nothing to rotate`,
    );
  try {
    await writeFileAtomic(values.out, text, { exclusive: !values.force });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      throw new InputError('output-exists', `${values.out}: already exists (use --force to replace it)`);
    throw err;
  }
  console.log(
    [
      escapeUnusual(`current: ${values.current} (policy version ${current.policy.version}, sha256:${current.digest})`),
      escapeUnusual(`new:     ${values.out} (policy version ${next.policy.version}, sha256:${next.digest})`),
      ...reviewLines(current.policy, next),
    ].join('\n'),
  );
  console.error(
    `wrote ${values.out}; next: countersign build --kind authority-rotation --policy ${values.out} --current ${values.current} --stream STREAM --out rotation.json`,
  );
  return 0;
}
