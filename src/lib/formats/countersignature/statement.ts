// The countersignature statement: what organisation B signs (spec/FORMAT.md §5). It binds
// B's key id to the exact primary it verified: the DSSE payload, the primary's signature
// bytes, its signing certificate, its transparency-log entries and timestamps, and the
// stream and version of the statement. Changing any of those breaks the binding, so a
// countersignature cannot be transplanted onto another payload or another primary signature.
import { COUNTERSIGNATURE_TYPE, type CountersignatureStatement } from '../core/types.ts';
import { KEY_ID, SHA256_HEX, Shape, rfc3339 } from '../../basics/json/shape.ts';
import { parseStrictJson } from '../../basics/json/strict-json.ts';
import { sha256Hex } from '../../basics/crypto/sha256.ts';
import { STREAM_PATTERN } from '../core/stream.ts';

/** The parts of a verified primary signature that a countersignature binds. */
export interface PrimaryBinding {
  payload: Uint8Array;
  payloadType: string;
  signature: Uint8Array;
  certificate: Uint8Array;
  tlogEntries: { logId: string; logIndex: string }[];
  timestamps: Uint8Array[];
}

/** A countersignature statement is small; anything larger is not ours. */
export const MAX_COUNTERSIGNATURE_STATEMENT_BYTES = 16 * 1024;
const MAX_BINDING_ITEMS = 16;

export function bindingOf(
  primary: PrimaryBinding,
): Omit<CountersignatureStatement, '_type' | 'keyId' | 'stream' | 'version' | 'signedAt'> {
  return {
    payloadType: primary.payloadType,
    payloadDigest: { sha256: sha256Hex(primary.payload) },
    primarySignatureDigest: { sha256: sha256Hex(primary.signature) },
    certificateDigest: { sha256: sha256Hex(primary.certificate) },
    tlogEntries: primary.tlogEntries.map((e) => ({ logId: e.logId, logIndex: e.logIndex })),
    timestampDigests: primary.timestamps.map((t) => ({ sha256: sha256Hex(t) })),
  };
}

export function buildCountersignatureStatement(input: {
  keyId: string;
  primary: PrimaryBinding;
  stream: string;
  version: number;
  signedAt: Date;
}): CountersignatureStatement {
  const b = bindingOf(input.primary);
  // Field order is fixed here: the serialised bytes are what is signed and stored.
  return {
    _type: COUNTERSIGNATURE_TYPE,
    keyId: input.keyId,
    payloadType: b.payloadType,
    payloadDigest: b.payloadDigest,
    primarySignatureDigest: b.primarySignatureDigest,
    certificateDigest: b.certificateDigest,
    tlogEntries: b.tlogEntries,
    timestampDigests: b.timestampDigests,
    stream: input.stream,
    version: input.version,
    signedAt: rfc3339(input.signedAt),
  };
}

export function serializeCountersignatureStatement(statement: CountersignatureStatement): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(statement));
}

/** Strictly parses the exact stored bytes of a countersignature statement. */
export function parseCountersignatureStatement(bytes: Uint8Array, what: string): CountersignatureStatement {
  const json = parseStrictJson(bytes, what, {
    maxBytes: MAX_COUNTERSIGNATURE_STATEMENT_BYTES,
    maxDepth: 8,
    integersOnly: true,
  });
  const s = new Shape(what, 'countersignature-malformed');
  const o = s.object(json, '$', [
    '_type',
    'keyId',
    'payloadType',
    'payloadDigest',
    'primarySignatureDigest',
    'certificateDigest',
    'tlogEntries',
    'timestampDigests',
    'stream',
    'version',
    'signedAt',
  ]);
  if (o._type !== COUNTERSIGNATURE_TYPE) {
    s.fail(
      '$._type',
      `expected ${COUNTERSIGNATURE_TYPE}, found ${JSON.stringify(o._type)} (unknown countersignature version)`,
    );
  }
  const digest = (v: unknown, path: string) => ({
    sha256: s.string(s.object(v, path, ['sha256']).sha256, `${path}.sha256`, SHA256_HEX),
  });
  const tlog = s.array(o.tlogEntries, '$.tlogEntries', MAX_BINDING_ITEMS).map((e, i) => {
    const entry = s.object(e, `$.tlogEntries[${i}]`, ['logId', 'logIndex']);
    return {
      logId: s.string(entry.logId, `$.tlogEntries[${i}].logId`, /^[A-Za-z0-9+/]+={0,2}$/, 128),
      logIndex: s.string(entry.logIndex, `$.tlogEntries[${i}].logIndex`, /^(0|[1-9][0-9]{0,18})$/),
    };
  });
  return {
    _type: COUNTERSIGNATURE_TYPE,
    keyId: s.string(o.keyId, '$.keyId', KEY_ID),
    payloadType: s.string(o.payloadType, '$.payloadType', undefined, 256),
    payloadDigest: digest(o.payloadDigest, '$.payloadDigest'),
    primarySignatureDigest: digest(o.primarySignatureDigest, '$.primarySignatureDigest'),
    certificateDigest: digest(o.certificateDigest, '$.certificateDigest'),
    tlogEntries: tlog,
    timestampDigests: s
      .array(o.timestampDigests, '$.timestampDigests', MAX_BINDING_ITEMS)
      .map((d, i) => digest(d, `$.timestampDigests[${i}]`)),
    stream: s.string(o.stream, '$.stream', STREAM_PATTERN, 200),
    version: s.positiveInteger(o.version, '$.version'),
    signedAt: rfc3339(s.timestamp(o.signedAt, '$.signedAt')),
  };
}
