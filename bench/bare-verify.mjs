// The cold-start baseline of bench/cold-start.ts: the least a Node client can do to verify a
// Sigstore bundle with @sigstore/verify (read the bundle and the trusted root, verify, exit).
// Plain JavaScript on purpose: no type stripping, nothing but what the baseline needs.
//   node bench/bare-verify.mjs PRIMARY TRUSTED_ROOT IDENTITY ISSUER
import { readFileSync } from 'node:fs';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';

const [primary, trustedRoot, identity, issuer] = process.argv.slice(2);
const trust = toTrustMaterial(TrustedRoot.fromJSON(JSON.parse(readFileSync(trustedRoot, 'utf8'))));
const bundle = bundleFromJSON(JSON.parse(readFileSync(primary, 'utf8')));
new Verifier(trust).verify(toSignedEntity(bundle), { subjectAlternativeName: identity, extensions: { issuer } });
console.log('verified');
