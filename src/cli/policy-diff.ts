// `countersign policy diff CURRENT NEW [--organisation ORG] [--json]`: what a new policy changes,
// in words, one line per change (spec/ROTATION.md §3.1). What organisation B's security team reads
// before it countersigns an authority rotation; NEW may be the new policy file or the rotation
// bundle itself (the document its statement carries). `countersign countersign` and the action's
// countersign step show the same review (reviewLines) when they are given a rotation.
import { POLICY_MEDIA_TYPE } from '../lib/formats/core/types.ts';
import { controlChanges } from '../lib/formats/policy/control.ts';
import { diffPolicies } from '../lib/formats/policy/diff.ts';
import { escapeUnusual } from '../lib/formats/policy/diff-text.ts';
import { policyDocument, type PolicyDocument } from '../lib/formats/policy/document.ts';
import { MAX_POLICY_BYTES, type Policy } from '../lib/formats/policy/types.ts';
import { peekRotation, reviewLines } from '../lib/flows/countersign/rotation-review.ts';
import { parseVerbArgs } from './args.ts';
import { readBundleFile, readInputFile } from './io.ts';
import { usageError } from './usage.ts';

export const DIFF_USAGE = `usage: countersign policy diff CURRENT NEW [--organisation ORG] [--json]

diff: prints what NEW changes against CURRENT, one line per change, in words: the policy
version, the primary signer (issuer, identity or pattern, GitHub claims), the Sigstore trusted
root (certificate and timestamp authorities, transparency logs: added, removed, URL, key or
validity changed), the countersigner keys (by key id: organisation, name, validity, log
requirement), the organisations that count, the threshold, the emergency fallback set, the
allowed kinds and streams, and the limits. Values from the files are quoted, and every
character outside printable ASCII is escaped (\\u{...}).
  CURRENT                the policy pinned now
  NEW                    the new policy, or an authority-rotation bundle (its carried policy)
  --organisation ORG     also say whether NEW keeps ORG in control as CURRENT does (its keys,
                         log requirement, the threshold, the other keys, the fallback set)
  --json                 the structured diff as JSON

Organisation B reads this before it countersigns a rotation, offline, with
'countersign countersign ROTATION --key FILE --policy CURRENT --approve-rotation sha256:<NEW's digest>'.

Exit codes: 0 printed, 2 bad input.`;

export async function diff(argv: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs('policy diff', argv, {
    organisation: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (console.log(DIFF_USAGE), 0);
  const fail = (message: string): number => usageError('policy diff', message);
  if (positionals.length < 2) return fail(positionals.length === 0 ? 'missing CURRENT and NEW' : 'missing NEW');
  if (positionals.length > 2) return fail(`unexpected argument ${JSON.stringify(positionals[2])}`);
  const [currentPath, nextPath] = positionals as [string, string];

  const current = policyDocument(await readInputFile(currentPath, 'policy', MAX_POLICY_BYTES), currentPath);
  const { document: next, fromRotation } = await readNewPolicy(nextPath, current.policy);
  const structured = diffPolicies(current.policy, next.policy);
  const { organisation } = values;
  const control =
    organisation === undefined
      ? undefined
      : { organisation, reasons: controlChanges(current.policy, next.policy, organisation) };

  if (values.json) {
    console.log(
      JSON.stringify(
        {
          current: { path: currentPath, digest: `sha256:${current.digest}`, version: current.policy.version },
          new: { path: nextPath, digest: `sha256:${next.digest}`, version: next.policy.version, fromRotation },
          trustedRoot: { from: structured.from.trustedRootDigest, to: structured.to.trustedRootDigest },
          changes: structured.changes,
          ...(control
            ? {
                organisation: {
                  name: control.organisation,
                  keepsControl: control.reasons.length === 0,
                  changes: control.reasons,
                },
              }
            : {}),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  console.log(
    [
      escapeUnusual(`current: ${currentPath} (policy version ${current.policy.version}, sha256:${current.digest})`),
      escapeUnusual(
        `new:     ${nextPath}${fromRotation ? ' (the policy its authority rotation carries)' : ''} (policy version ${next.policy.version}, sha256:${next.digest})`,
      ),
      ...reviewLines(current.policy, next, control),
    ].join('\n'),
  );
  return 0;
}

/** NEW as a policy document: the file itself, or the policy an authority-rotation bundle carries. */
async function readNewPolicy(
  path: string,
  current: Policy,
): Promise<{ document: PolicyDocument; fromRotation: boolean }> {
  const bytes = await readBundleFile(path);
  if (bytes.byteLength <= MAX_POLICY_BYTES && mediaTypeOf(bytes) === POLICY_MEDIA_TYPE)
    return { document: policyDocument(bytes, path), fromRotation: false };
  const rotation = peekRotation(bytes, current, path);
  if (rotation) return { document: rotation, fromRotation: true };
  // Neither: the policy parser says what is wrong with it as a policy.
  return { document: policyDocument(bytes, path), fromRotation: false };
}

function mediaTypeOf(bytes: Uint8Array): unknown {
  try {
    const json = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    return typeof json === 'object' && json !== null ? (json as { mediaType?: unknown }).mediaType : undefined;
  } catch {
    return undefined;
  }
}
