// `countersign verify-bundle`: the Sigstore conformance client protocol
// (github.com/sigstore/sigstore-conformance, docs/cli_protocol.md):
//   verify-bundle --bundle B (--key K | --certificate-identity I --certificate-oidc-issuer U)
//                 [--trusted-root T] FILE_OR_DIGEST
// It verifies a plain Sigstore bundle (v0.1-v0.3, message signature or DSSE, Fulcio
// certificate or managed key) with the same code as the countersign primary check, so the
// public conformance cases exercise that code. Exit 0 verified, 1 rejected, 2 unusable input.
import { createHash, type KeyObject } from 'node:crypto';
import { p256, p384 } from '@noble/curves/nist.js';
import { parseStrictJson } from '../lib/basics/json/strict-json.ts';
import { sha256File } from '../lib/basics/io/hash-file.ts';
import { InputError, VerificationError } from '../lib/basics/errors/errors.ts';
import { checkPrimaryIdentity } from '../lib/checks/sigstore/identity.ts';
import { loadTrustedRootBytes, parseManagedKey } from '../lib/checks/sigstore/trusted-root.ts';
import {
  verifySigstoreBundle,
  type SignedContent,
  type VerifySigstoreBundleOptions,
} from '../lib/checks/sigstore/verify-primary.ts';
import { reportFatal } from './errors.ts';
import { readInputFile } from './io.ts';
import { parseVerbArgs as parseArgv } from './args.ts';

/** Environment variable naming the default trusted root (no network: nothing is fetched). */
export const TRUSTED_ROOT_ENV = 'COUNTERSIGN_TRUSTED_ROOT';
const BUNDLE_MAX_BYTES = 16 * 1024 * 1024;
const KEY_MAX_BYTES = 64 * 1024;
/** Message signatures are verified over the artifact bytes in memory; larger files are hashed. */
const ARTIFACT_IN_MEMORY_MAX_BYTES = 64 * 1024 * 1024;
const DIGEST_ARG = /^sha256:([0-9a-f]{64})$/;

const USAGE = `usage: countersign verify-bundle --bundle FILE
         (--key PEM | --certificate-identity SAN --certificate-oidc-issuer URL)
         [--trusted-root FILE] FILE_OR_DIGEST

Verifies a Sigstore bundle (v0.1-v0.3) over an artifact, given as a path or as
sha256:<64 lowercase hex>. For a DSSE bundle the artifact must be a subject of the
in-toto statement. Identity and issuer are compared exactly.

  --trusted-root FILE   the Sigstore trusted_root.json; default: the file named by
                        $${TRUSTED_ROOT_ENV} (required if that is not set)
  --key PEM             verify a managed-key bundle with this public key instead of
                        a Fulcio certificate identity

Exit status: 0 verified, 1 rejected, 2 unusable input.`;

export async function run(argv: string[]): Promise<number> {
  try {
    const args = parseVerbArgs(argv);
    if (args === 'help') {
      console.log(USAGE);
      return 0;
    }
    const trustedRootPath = args.trustedRoot ?? process.env[TRUSTED_ROOT_ENV];
    if (!trustedRootPath)
      throw new InputError(
        'usage',
        `verify-bundle: expected --trusted-root FILE (or $${TRUSTED_ROOT_ENV}), found neither (see --help)`,
      );
    const managedKey =
      args.key !== undefined
        ? parseManagedKey(
            new TextDecoder().decode(await readInputFile(args.key, 'public key', KEY_MAX_BYTES)),
            `public key ${args.key}`,
          )
        : undefined;
    const trust = loadTrustedRootBytes(
      await readInputFile(trustedRootPath, 'trusted root', 1024 * 1024),
      `trusted root ${trustedRootPath}`,
      managedKey ? { managedKey } : {},
    );
    const bundleJson = parseStrictJson(
      await readInputFile(args.bundle, 'bundle', BUNDLE_MAX_BYTES),
      `bundle ${args.bundle}`,
    );
    const artifact = await readArtifact(args.artifact);

    const result = verifySigstoreBundle(bundleJson, trust, {
      artifact,
      allowAnyBundleKindUnsafe: true,
      what: `bundle ${args.bundle}`,
    });
    if (result.content.kind === 'dsse') checkSubject(result.content, artifactSha256(artifact), args.bundle);
    if (args.key !== undefined) {
      if (result.signer)
        throw new VerificationError(
          'primary-certificate',
          `bundle ${args.bundle}: --key was given, but the bundle is signed with a certificate`,
        );
      console.log(`OK: ${args.bundle} verified with the public key ${args.key}`);
    } else {
      if (!result.signer)
        throw new VerificationError(
          'primary-key',
          `bundle ${args.bundle}: expected a certificate, found a managed-key signature (use --key)`,
        );
      checkPrimaryIdentity(result.signer, { identity: args.identity, issuer: args.issuer });
      console.log(`OK: ${args.bundle} verified: ${result.signer.identity} (issuer ${result.signer.issuer})`);
    }
    return 0;
  } catch (err) {
    return reportFatal(err);
  }
}

/** The checked flags: a managed key, or the certificate identity and issuer to expect. */
type VerbArgs = { bundle: string; trustedRoot: string | undefined; artifact: string } & (
  { key: string; identity?: undefined; issuer?: undefined } | { key?: undefined; identity: string; issuer: string }
);

function parseVerbArgs(argv: string[]): VerbArgs | 'help' {
  const { values, positionals } = parseArgv('verify-bundle', argv, {
    bundle: { type: 'string' },
    key: { type: 'string' },
    'certificate-identity': { type: 'string' },
    'certificate-oidc-issuer': { type: 'string' },
    'trusted-root': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  // Annotated, so that a `usage(...)` statement narrows like a throw.
  const usage: (problem: string) => never = (problem) => {
    throw new InputError('usage', `verify-bundle: ${problem} (see --help)`);
  };
  if (!values.bundle) usage('expected --bundle FILE');
  const [artifact] = positionals;
  if (positionals.length !== 1 || artifact === undefined)
    usage(`expected one FILE_OR_DIGEST, found ${positionals.length}`);
  const identity = values['certificate-identity'];
  const issuer = values['certificate-oidc-issuer'];
  const common = { bundle: values.bundle, trustedRoot: values['trusted-root'], artifact };
  if (values.key !== undefined) {
    if (identity !== undefined || issuer !== undefined)
      usage('expected either --key or --certificate-identity/--certificate-oidc-issuer, found both');
    return { ...common, key: values.key };
  }
  if (!identity || !issuer) usage('expected --key, or both --certificate-identity and --certificate-oidc-issuer');
  return { ...common, identity, issuer };
}

type Artifact = NonNullable<VerifySigstoreBundleOptions['artifact']>;

// `sha256:<hex>` is always a digest (the protocol's digest form); anything else is a path.
async function readArtifact(arg: string): Promise<Artifact> {
  const digest = DIGEST_ARG.exec(arg)?.[1];
  if (digest) return { sha256: Buffer.from(digest, 'hex'), verifyPrehashed: verifyEcdsaPrehashed };
  try {
    return await readInputFile(arg, 'artifact', ARTIFACT_IN_MEMORY_MAX_BYTES);
  } catch (err) {
    if (!(err instanceof InputError) || err.code !== 'too-large') throw err;
  }
  let hex: string;
  try {
    hex = await sha256File(arg);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError('input-unreadable', `artifact ${arg}: ${(err as Error).message}`);
  }
  return { sha256: Buffer.from(hex, 'hex'), verifyPrehashed: verifyEcdsaPrehashed };
}

function artifactSha256(artifact: Artifact): Buffer {
  return artifact instanceof Uint8Array ? createHash('sha256').update(artifact).digest() : Buffer.from(artifact.sha256);
}

// For DSSE the signed thing is the in-toto statement; the artifact must be one of its
// subjects (in-toto Statement v1, "subject"; v0.1 has the same shape).
function checkSubject(content: Extract<SignedContent, { kind: 'dsse' }>, sha256: Buffer, bundlePath: string): void {
  const what = `bundle ${bundlePath}`;
  if (content.payloadType !== 'application/vnd.in-toto+json') {
    throw new VerificationError(
      'artifact-not-subject',
      `${what}: expected DSSE payloadType application/vnd.in-toto+json, found ${JSON.stringify(content.payloadType)}`,
    );
  }
  const statement = parseStrictJson(content.payload, `${what}: in-toto statement`) as {
    _type?: unknown;
    subject?: unknown;
  } | null;
  if (
    statement?._type !== 'https://in-toto.io/Statement/v1' &&
    statement?._type !== 'https://in-toto.io/Statement/v0.1'
  ) {
    throw new VerificationError(
      'artifact-not-subject',
      `${what}: expected an in-toto Statement, found _type ${JSON.stringify(statement?._type)}`,
    );
  }
  const want = sha256.toString('hex');
  const subjects = Array.isArray(statement.subject)
    ? (statement.subject as ({ digest?: { sha256?: unknown } | null } | null)[])
    : [];
  if (!subjects.some((s) => s?.digest?.sha256 === want)) {
    throw new VerificationError(
      'artifact-not-subject',
      `${what}: the artifact (sha256:${want}) is not a subject of the signed statement`,
      { expected: `sha256:${want}` },
    );
  }
}

// ECDSA verification over a given digest (SEC 1 v2 §4.1.4). node:crypto only verifies over
// data it hashes itself, and the protocol's digest form gives no data, so message signatures
// in that form are checked with @noble/curves (prehash off: the digest is the input).
const CURVES: Record<string, typeof p256> = { prime256v1: p256, secp384r1: p384 };

/** Verifies a DER ECDSA signature over a SHA-256 digest with a P-256 or P-384 key. */
export function verifyEcdsaPrehashed(key: KeyObject, digest: Uint8Array, signature: Uint8Array): boolean {
  const curve = key.asymmetricKeyType === 'ec' ? CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''] : undefined;
  if (!curve)
    throw new Error(
      `digest-only verification supports ECDSA P-256 and P-384 keys, found ${key.asymmetricKeyType} ${key.asymmetricKeyDetails?.namedCurve ?? ''}`,
    );
  const { x, y } = key.export({ format: 'jwk' });
  if (x === undefined || y === undefined) throw new Error('an EC public key without its coordinates');
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(x, 'base64url'), Buffer.from(y, 'base64url')]);
  try {
    return curve.verify(signature, digest, point, { prehash: false, format: 'der', lowS: false });
  } catch {
    return false;
  }
}
