// The one description of a public or private key in messages, by algorithm and size: what a
// PEM, a policy key or a fleet key turned out to be when it is not what was expected.
import type { KeyObject } from 'node:crypto';

/** "an EC P-256 key", "an RSA 2048-bit key", "an Ed448 key"... for error messages. */
export function describeKey(key: KeyObject): string {
  const type = key.asymmetricKeyType ?? 'unknown';
  const details = key.asymmetricKeyDetails ?? {};
  if (type === 'ec') {
    const curves: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
    const curve = details.namedCurve ?? 'unknown-curve';
    return `an EC ${curves[curve] ?? curve} key`;
  }
  if (type === 'rsa' || type === 'rsa-pss') return `an ${type.toUpperCase()} ${details.modulusLength ?? '?'}-bit key`;
  const names: Record<string, string> = {
    ed448: 'an Ed448 key',
    x25519: 'an X25519 key',
    x448: 'an X448 key',
    dsa: 'a DSA key',
    dh: 'a DH key',
  };
  return names[type] ?? `a key of type ${type}`;
}
