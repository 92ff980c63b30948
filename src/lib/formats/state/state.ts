// Client state against rollback (docs/design.md §5): the last accepted version of each stream and the
// digest of the statement accepted at that version. A lower version is a rollback; the same
// version is accepted again only for the very same statement. The state also records the
// version of the policy the client last verified under (spec/ROTATION.md §5): a policy older
// than that is a policy rollback (someone put back a policy whose keys were rotated out).
import { Shape, SHA256_HEX } from '../../basics/json/shape.ts';
import { parseStrictJson } from '../../basics/json/strict-json.ts';
import { isValidStream } from '../core/stream.ts';

export const STATE_MEDIA_TYPE = 'application/vnd.countersign.state.v1+json';
const MAX_STATE_BYTES = 1024 * 1024;
const MAX_STREAMS = 10_000;

export interface StreamState {
  version: number;
  /** sha256 hex of the statement bytes accepted at that version. */
  statementDigest: string;
}

export interface ClientState {
  /** The highest policy version this client has verified under (absent in older state files). */
  policyVersion?: number;
  streams: Record<string, StreamState>;
}

export function emptyState(): ClientState {
  return { streams: {} };
}

export function parseState(bytes: Uint8Array, what: string): ClientState {
  const s = new Shape(what, 'state-malformed');
  const o = s.object(
    parseStrictJson(bytes, what, { maxBytes: MAX_STATE_BYTES, maxDepth: 8, integersOnly: true }),
    '$',
    ['mediaType', 'streams'],
    ['policyVersion'],
  );
  if (o.mediaType !== STATE_MEDIA_TYPE)
    s.fail('$.mediaType', `expected ${STATE_MEDIA_TYPE}, found ${JSON.stringify(o.mediaType)}`);
  const streams = s.object(o.streams, '$.streams', [], Object.keys(o.streams ?? {}));
  if (Object.keys(streams).length > MAX_STREAMS) s.fail('$.streams', `more than ${MAX_STREAMS} streams`);
  const out = Object.create(null) as Record<string, StreamState>;
  for (const [name, value] of Object.entries(streams)) {
    if (!isValidStream(name)) s.fail(`$.streams`, `invalid stream name ${JSON.stringify(name)}`);
    const e = s.object(value, `$.streams[${JSON.stringify(name)}]`, ['version', 'statementDigest']);
    out[name] = {
      version: s.positiveInteger(e.version, `$.streams[${JSON.stringify(name)}].version`),
      statementDigest: s.string(e.statementDigest, `$.streams[${JSON.stringify(name)}].statementDigest`, SHA256_HEX),
    };
  }
  return Object.hasOwn(o, 'policyVersion')
    ? { policyVersion: s.positiveInteger(o.policyVersion, '$.policyVersion'), streams: out }
    : { streams: out };
}

export function serializeState(state: ClientState): string {
  // Stream names in UTF-16 code unit order (the default sort); JSON.stringify leaves out an undefined policyVersion.
  const streams = Object.fromEntries(
    Object.keys(state.streams)
      .sort()
      .map((name) => [name, state.streams[name]]),
  );
  return JSON.stringify({ mediaType: STATE_MEDIA_TYPE, policyVersion: state.policyVersion, streams }, null, 2) + '\n';
}

/**
 * The state after accepting `version` of `stream` (a new object; the input is not changed).
 * With `policyVersion`, also records the policy verified under (never lowering it).
 */
export function recordAccepted(
  state: ClientState,
  stream: string,
  version: number,
  statementDigest: string,
  policyVersion?: number,
): ClientState {
  const recorded = recordPolicyVersion(state, policyVersion);
  return { ...recorded, streams: { ...state.streams, [stream]: { version, statementDigest } } };
}

/** The state with its policy version raised to `policyVersion` (unchanged when absent or lower). */
export function recordPolicyVersion(state: ClientState, policyVersion?: number): ClientState {
  const highest = Math.max(state.policyVersion ?? 0, policyVersion ?? 0);
  return highest > 0 ? { policyVersion: highest, streams: state.streams } : { streams: state.streams };
}
