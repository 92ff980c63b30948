// A release bundle that carries the rotations its clients need (spec/FORMAT.md §6.3): the
// publisher attaches the authority-rotation bundles published since the policy its clients
// may still pin, so that an updater that downloads one file can catch up. The field is
// unsigned transport: each rotation is verified on its own by the walk (spec/ROTATION.md §5),
// and attaching, removing or reordering them changes no signature and can make nothing verify
// that the same rotations fetched separately would not.
import { InputError } from '../../basics/errors/errors.ts';
import {
  MAX_CARRIED_ROTATIONS,
  MAX_CARRIED_ROTATION_BYTES,
  parseBundleFile,
  serializeBundle,
} from '../../formats/bundle/bundle.ts';
import { envelopeStatementBytes } from '../../formats/bundle/envelope.ts';
import { parseStatement } from '../../formats/statement/statement.ts';
import { isRotation } from '../../formats/policy/document.ts';
import { POLICY_LIMIT_RANGES } from '../../formats/policy/types.ts';

/** Largest bundle file `attachRotations` reads or writes (a policy's highest `maxBundleBytes`). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The countersigned `bundle` with `rotations` (each an authority-rotation bundle's exact bytes)
 * as its `rotations` field, replacing any it carried; none removes the field. Throws InputError
 * for a plain Sigstore bundle (not countersigned yet), more than 16 rotations, one larger than
 * 4 MiB, or one that is not an authority-rotation bundle.
 */
export function attachRotations(bundle: Uint8Array, rotations: readonly Uint8Array[], what = 'bundle'): string {
  const parsed = parseBundleFile(bundle, what, MAX_FILE_BYTES);
  if (parsed.bundle.countersignatures.length === 0)
    throw new InputError(
      'bundle-malformed',
      `${what}: not countersigned yet: rotations are attached to the countersigned release bundle`,
    );
  if (rotations.length > MAX_CARRIED_ROTATIONS)
    throw new InputError(
      'too-large',
      `${what}: ${rotations.length} rotations, more than the ${MAX_CARRIED_ROTATIONS} a bundle may carry: attach the newest ones`,
    );
  rotations.forEach((bytes, i) => {
    const label = `rotation ${i + 1}`;
    if (bytes.byteLength > MAX_CARRIED_ROTATION_BYTES)
      throw new InputError(
        'too-large',
        `${label}: ${bytes.byteLength} bytes, more than the ${MAX_CARRIED_ROTATION_BYTES} a carried rotation may have`,
      );
    const primary = parseBundleFile(bytes, label, MAX_CARRIED_ROTATION_BYTES).bundle.primary;
    const statement = parseStatement(envelopeStatementBytes(primary, label, { nonCanonical: 'refuse' }), label, {
      maxBytes: MAX_CARRIED_ROTATION_BYTES,
      maxSubjects: POLICY_LIMIT_RANGES.maxSubjects[1], // any statement is read, to say what it is
    });
    if (!isRotation(statement))
      throw new InputError(
        'rotation-not-rotation',
        `${label}: expected an authority-rotation bundle, found kind ${statement.predicate.kind}`,
      );
  });
  const { rotations: _old, ...rest } = parsed.bundle;
  const out = serializeBundle(
    rotations.length > 0 ? { ...rest, rotations: rotations.map((r) => Buffer.from(r).toString('base64')) } : rest,
  );
  parseBundleFile(new TextEncoder().encode(out), `${what} with rotations`, MAX_FILE_BYTES); // what we write parses
  return out;
}
