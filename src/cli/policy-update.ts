// `countersign policy update --current FILE --rotation BUNDLE... --out FILE [--state FILE]`:
// follows a chain of authority rotations from the current policy (spec/ROTATION.md §5) and
// writes the resulting policy, byte for byte the document the last rotation carries, in one
// atomic write. All or nothing: any refused rotation (a gap, a fork, a downgrade, a bundle the
// pipeline rejects) writes nothing and exits 1 with the rotation's code.
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import { MAX_POLICY_BYTES } from '../lib/formats/policy/types.ts';
import { InputError, VerificationError } from '../lib/basics/errors/errors.ts';
import { parseBundleFile } from '../lib/formats/bundle/bundle.ts';
import { MAX_ROTATIONS, followRotations, policyDocument } from '../lib/flows/rotation/index.ts';
import { recordPolicyVersion } from '../lib/formats/state/state.ts';
import { readBundleFile, readInputFile } from './io.ts';
import { loadStateFile, saveStateFile } from '../lib/flows/gate/state-file.ts';
import { usageError } from './usage.ts';
import { parseVerbArgs } from './args.ts';

/** A release bundle's highest size (a policy's highest `maxBundleBytes`). */
const MAX_BUNDLE_FILE_BYTES = 64 * 1024 * 1024;

export const UPDATE_USAGE = `usage: countersign policy update --current FILE (--rotation BUNDLE [--rotation BUNDLE ...] | --rotations-from BUNDLE) --out FILE [--state FILE]

update: follows authority rotations from the current policy, in version order, and writes
the resulting policy. Each rotation must verify under the policy before it (primary identity,
its countersignature threshold or, in an emergency, its fallback signer set) and be
countersigned by every key the new policy adds, and must install exactly the next version.
A rotation is judged at its own signing time, so one that has expired since still links the
chain; the newest is judged now (spec/ROTATION.md §5.1).
  --current FILE     the policy pinned now
  --rotation BUNDLE  an authority-rotation bundle (repeatable, at most ${MAX_ROTATIONS}), in any order;
                     the history up to the current policy, and repeats, are skipped
  --rotations-from BUNDLE
                     the rotations a release bundle carries (its "rotations" field)
  --out FILE         where to write the resulting policy (may be --current itself)
  --state FILE       client state: refuse a current policy older than the one recorded,
                     and record the new policy version after writing

Exit codes: 0 updated (or already current), 1 a rotation refused (nothing written), 2 bad input.`;

export async function update(argv: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs('policy update', argv, {
    current: { type: 'string' },
    rotation: { type: 'string', multiple: true },
    'rotations-from': { type: 'string' },
    out: { type: 'string' },
    state: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (console.log(UPDATE_USAGE), 0);
  const fail = (message: string): number => usageError('policy update', message);
  if (positionals.length > 0) return fail(`unexpected argument ${JSON.stringify(positionals[0])}`);
  if (!values.current) return fail('missing --current FILE');
  const files = values.rotation ?? [];
  const carrier = values['rotations-from'];
  if (files.length === 0 && carrier === undefined) return fail('missing --rotation BUNDLE or --rotations-from BUNDLE');
  if (files.length > 0 && carrier !== undefined) return fail('--rotation and --rotations-from: give one or the other');
  if (!values.out) return fail('missing --out FILE');
  // The cap, before reading anything (each bundle may be up to 64 MiB).
  if (files.length > MAX_ROTATIONS) {
    console.error(
      `countersign policy update: refused [rotation-chain-too-long]: ${files.length} rotations given, more than the cap of ${MAX_ROTATIONS}; nothing written`,
    );
    return 1;
  }

  const current = policyDocument(await readInputFile(values.current, 'policy', MAX_POLICY_BYTES), values.current);
  const state = values.state ? await loadStateFile(values.state) : undefined;
  const rotations = [];
  for (const file of files) rotations.push({ bytes: await readBundleFile(file), what: file });
  if (carrier !== undefined) {
    const carried = parseBundleFile(await readBundleFile(carrier), carrier, MAX_BUNDLE_FILE_BYTES).rotations;
    if (carried.length === 0)
      throw new InputError('input-malformed', `${carrier}: carries no rotations (no "rotations" field)`);
    carried.forEach((bytes, i) => rotations.push({ bytes, what: `${carrier} rotations[${i}]` }));
  }

  let walk;
  try {
    walk = await followRotations(current, rotations, state ? { state } : {});
  } catch (err) {
    // RotationError for a refused rotation; policy-rollback when the state is ahead of --current.
    if (!(err instanceof VerificationError)) throw err;
    const e = err;
    console.error(`countersign policy update: refused [${e.code}]: ${e.message}`);
    if (e.expected !== undefined) console.error(`  expected: ${e.expected}`);
    if (e.found !== undefined) console.error(`  found:    ${e.found}`);
    console.error(`  nothing written; ${values.out} is unchanged`);
    return 1;
  }
  for (const what of walk.alreadyApplied) console.error(`${what}: installs the policy already held, skipped`);
  for (const a of walk.applied) {
    const r = a.report.rotation;
    const who = r?.authorisedBy === 'fallback' ? 'the fallback signer set (emergency)' : 'the countersigners';
    const when = a.expired ? `; expired since, judged at its signing time ${a.judgedAt.toISOString()}` : '';
    console.error(
      `${a.what}: policy version ${a.fromVersion} -> ${a.toVersion} (sha256:${a.digest}), authorised by ${who}${r?.addedKeys.length ? `; added keys proved: ${r.addedKeys.join(', ')}` : ''}${when}`,
    );
  }
  await writeFileAtomic(values.out, walk.result.bytes);
  if (values.state && state) await saveStateFile(values.state, recordPolicyVersion(state, walk.result.policy.version));
  const changed =
    walk.applied.length > 0
      ? `updated from version ${current.policy.version} to ${walk.result.policy.version}`
      : `already at version ${current.policy.version}`;
  console.error(`policy ${changed}; wrote ${values.out}`);
  console.log(values.out);
  return 0;
}
