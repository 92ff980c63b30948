// The policy's optional emergency signer set (spec/POLICY.md §3.10, spec/ROTATION.md §4):
// keys of another countersigning organisation, or organisation B's offline recovery key, that
// may authorise an authority rotation, and nothing else, when the usual countersigners are
// unavailable. Same key format as `countersigners`; its own threshold of distinct
// organisations. A key is either a usual countersigner or a fallback signer, never both: a
// key that is both would let the fallback's narrower authority be read as the wider one.
import type { Kind } from '../core/types.ts';
import { childPath } from '../../basics/json/lines.ts';
import { AMBIGUOUS, organisationFold, readCountersigners, readThreshold } from './countersigners.ts';
import type { Shape } from '../../basics/json/shape.ts';
import type { PolicyCode } from '../../basics/errors/codes.ts';
import type { CountersignerKey, FallbackSignerSet } from './types.ts';

export function readFallback(
  r: Shape<PolicyCode>,
  value: unknown,
  path: string,
  countersigners: readonly CountersignerKey[],
  kinds: readonly Kind[],
): FallbackSignerSet {
  const obj = r.object(value, path, ['countersigners', 'threshold']);
  const keysPath = childPath(path, 'countersigners');
  const keys = readCountersigners(r, obj.countersigners, keysPath);
  const threshold = readThreshold(r, obj.threshold, childPath(path, 'threshold'), keys);
  const names = new Map(countersigners.map((k, i) => [k.name, i]));
  const ids = new Map(countersigners.map((k, i) => [k.keyId, i]));
  const spellings = new Map(countersigners.map((k) => [organisationFold(k.organisation), k.organisation]));
  keys.forEach((key, i) => {
    const at = childPath(keysPath, i);
    const sameName = names.get(key.name);
    if (sameName !== undefined)
      r.failWith(
        'policy-duplicate-entry',
        childPath(at, 'name'),
        `expected a name not used by countersigners, found ${JSON.stringify(key.name)} (also countersigners[${sameName}])`,
      );
    const sameKey = ids.get(key.keyId);
    if (sameKey !== undefined)
      r.failWith(
        'policy-duplicate-entry',
        childPath(at, 'publicKey'),
        `expected a key that is not also a usual countersigner, found ${key.keyId} (also countersigners[${sameKey}])`,
      );
    const spelled = spellings.get(organisationFold(key.organisation));
    if (spelled !== undefined && spelled !== key.organisation) {
      r.failWith(
        'policy-ambiguous',
        childPath(at, 'organisation'),
        `expected one spelling per organisation, found ${AMBIGUOUS(key.organisation, spelled)}`,
      );
    }
  });
  // A fallback set can only ever authorise a rotation: in a policy that accepts none it
  // would be dead weight that reviewers might mistake for a second way to sign releases.
  if (!kinds.includes('authority-rotation')) {
    r.failWith(
      'policy-malformed',
      path,
      'expected kinds to include authority-rotation (a fallback signer set only authorises rotations), found a policy that accepts none',
      true,
    );
  }
  return { countersigners: keys, threshold };
}
