// The countersigned bundle: one JSON file with the primary Sigstore bundle and the list of
// countersignatures (spec/FORMAT.md §6). Parsing is strict and checks structure only; the
// verification pipeline decides what the signatures are worth.
import { BUNDLE_MEDIA_TYPE, type Countersignature, type CountersignedBundle } from '../core/types.ts';
import { KEY_ID, Shape } from '../../basics/json/shape.ts';
import { parseStrictJson } from '../../basics/json/strict-json.ts';
import { InputError } from '../../basics/errors/errors.ts';
import { parseLogProof } from '../log/proof.ts';

/** Default cap on a countersigned bundle file; the policy may lower or raise it (to 64 MiB). */
export const DEFAULT_MAX_BUNDLE_BYTES = 4 * 1024 * 1024;
/** More countersignatures than this is not a real bundle. */
export const MAX_COUNTERSIGNATURES = 32;
/** Items of any one array in a bundle file (spec/FORMAT.md §6): the longest in a valid bundle, a proof's hashes, has 64. */
export const MAX_BUNDLE_ARRAY_ITEMS = 1024;
/** Authority-rotation bundles one bundle may carry for its clients to catch up (spec/FORMAT.md §6.3). */
export const MAX_CARRIED_ROTATIONS = 16;
/** Each carried rotation bundle, decoded: a rotation carries a policy of at most 1 MiB, base64 twice over. */
export const MAX_CARRIED_ROTATION_BYTES = 4 * 1024 * 1024;
/** The same cap as base64 characters (the parser's cap: whole base64 groups). */
export const MAX_CARRIED_ROTATION_BASE64 = 4 * Math.ceil(MAX_CARRIED_ROTATION_BYTES / 3);
const SIGSTORE_BUNDLE_PREFIX = 'application/vnd.dev.sigstore.bundle';

export interface ParsedBundle {
  bundle: CountersignedBundle;
  /** The countersignature statements' exact bytes, decoded from base64, in bundle order. */
  statements: Uint8Array[];
  /** The raw 64-byte signatures, in bundle order. */
  signatures: Uint8Array[];
  /** The authority-rotation bundles it carries (`rotations`, decoded exact bytes), in bundle order; empty when none. */
  rotations: Uint8Array[];
}

/**
 * Parses a countersigned bundle, or a plain Sigstore bundle (the primary alone, as `sign`
 * writes it), which is returned with an empty countersignature list.
 */
export function parseBundleFile(bytes: Uint8Array, what: string, maxBytes = DEFAULT_MAX_BUNDLE_BYTES): ParsedBundle {
  // No array of a bundle has more than 64 items (proof hashes); 1024 stops a huge one before JSON.parse builds it.
  const json = parseStrictJson(bytes, what, { maxBytes, maxDepth: 32, maxArrayItems: MAX_BUNDLE_ARRAY_ITEMS });
  const s = new Shape(what, 'bundle-malformed');
  // A plain Sigstore bundle is told apart by its mediaType (any other value, an array or a
  // primitive reads as undefined here and goes on to the strict shape check below).
  const mediaType = (json as { mediaType?: unknown } | null)?.mediaType;
  if (typeof mediaType === 'string' && mediaType.startsWith(SIGSTORE_BUNDLE_PREFIX)) {
    return {
      bundle: { mediaType: BUNDLE_MEDIA_TYPE, primary: json, countersignatures: [] },
      statements: [],
      signatures: [],
      rotations: [],
    };
  }
  const o = s.object(json, '$', ['mediaType', 'primary', 'countersignatures'], ['rotations']);
  if (o.mediaType !== BUNDLE_MEDIA_TYPE) {
    throw new InputError(
      'bundle-unsupported-version',
      `${what}: $.mediaType: expected ${BUNDLE_MEDIA_TYPE}, found ${JSON.stringify(o.mediaType)}`,
    );
  }
  s.object(o.primary, '$.primary', ['mediaType', 'verificationMaterial'], ['dsseEnvelope', 'messageSignature']);
  const list = s.array(o.countersignatures, '$.countersignatures', MAX_COUNTERSIGNATURES);
  const countersignatures: Countersignature[] = [];
  const statements: Uint8Array[] = [];
  const signatures: Uint8Array[] = [];
  list.forEach((item, i) => {
    const path = `$.countersignatures[${i}]`;
    const c = s.object(item, path, ['keyId', 'statement', 'signature'], ['logProof']);
    const keyId = s.string(c.keyId, `${path}.keyId`, KEY_ID);
    statements.push(s.base64(c.statement, `${path}.statement`, 32 * 1024));
    const sig = s.base64(c.signature, `${path}.signature`, 128);
    if (sig.length !== 64)
      s.fail(`${path}.signature`, `expected a 64-byte Ed25519 signature, found ${sig.length} bytes`);
    signatures.push(sig);
    const entry: Countersignature = { keyId, statement: c.statement as string, signature: c.signature as string };
    if (Object.hasOwn(c, 'logProof')) entry.logProof = parseLogProof(s, c.logProof, `${path}.logProof`);
    countersignatures.push(entry);
  });
  const bundle: CountersignedBundle = { mediaType: BUNDLE_MEDIA_TYPE, primary: o.primary, countersignatures };
  const rotations: Uint8Array[] = [];
  if (Object.hasOwn(o, 'rotations')) {
    // Unsigned transport (each is verified on its own by the rotation walk): only their number and size are checked here.
    const carried = s.nonEmptyArray(o.rotations, '$.rotations', MAX_CARRIED_ROTATIONS);
    carried.forEach((item, i) => rotations.push(s.base64(item, `$.rotations[${i}]`, MAX_CARRIED_ROTATION_BASE64)));
    bundle.rotations = carried as string[];
  }
  return { bundle, statements, signatures, rotations };
}

/** Serialises a countersigned bundle (pretty-printed; only the base64 fields are signed bytes). */
export function serializeBundle(bundle: CountersignedBundle): string {
  return (
    JSON.stringify(
      {
        mediaType: bundle.mediaType,
        primary: bundle.primary,
        countersignatures: bundle.countersignatures,
        ...(bundle.rotations ? { rotations: bundle.rotations } : {}),
      },
      null,
      2,
    ) + '\n'
  );
}
