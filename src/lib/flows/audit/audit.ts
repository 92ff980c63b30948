// The audit of a countersigning service's log (docs/design.md §6.5: "an auditor can list and check
// everything B ever signed"): organisation A's monitor for rogue countersignatures. It reads
// the log through the C2SP tlog-tiles API (./tiles.ts), as any tiled-log monitor would:
//   1. fetch the latest checkpoint (GET <tiles>/checkpoint) and verify it under the log key
//      (pinned, or fetched once from the service: trust on first use) and origin;
//   2. fetch the entry bundles of the new entries and the hash tiles, recompute the tree and
//      check it against the checkpoint's root; with the last checkpoint seen, recompute its
//      root from the same tiles (the log only grew: no served proof is trusted);
//   3. for each new entry: its statement parsed and, from the service's JSON entries (the
//      countersignature and certificate are not leaf data), its Ed25519 countersignature and
//      certificate digest checked and the primary identity read from the certificate; the
//      statement there must be the leaf the tiles proved;
//   4. compare them with the list of releases A expects.
import { X509Certificate } from 'node:crypto';
import { COUNTERSIGNATURE_PAYLOAD_TYPE } from '../../formats/core/types.ts';
import { verifyEd25519Strict } from '../../basics/crypto/ed25519.ts';
import { keyIdOf, parsePublicKeyPem } from '../../basics/crypto/ed25519-keys.ts';
import { preAuthEncoding } from '../../basics/crypto/pae.ts';
import { parseCountersignatureStatement } from '../../formats/countersignature/statement.ts';
import { sha256Hex } from '../../basics/crypto/sha256.ts';
import { InputError, VerificationError } from '../../basics/errors/errors.ts';
import { type Checkpoint, verifyCheckpoint } from '../../checks/log/checkpoint.ts';
import { equalBytes } from '../../basics/crypto/bytes.ts';
import { type NoteVerifier, parseVerifierKey } from '../../checks/log/note.ts';
import {
  API,
  MAX_ENTRIES_PER_PAGE,
  type EntriesResponse,
  type KeyResponse,
  type WireEntry,
} from '../../formats/service/api.ts';
import {
  type HttpOptions,
  ServiceRefusedError,
  endpoint,
  serviceBaseUrl,
  serviceRequest,
} from '../../basics/net/http.ts';
import { readTiledLog } from './tiles.ts';

export interface ExpectedEntry {
  stream: string;
  version: number;
  /** sha256 hex of the in-toto statement (what `countersign build` prints). */
  payloadDigest: string;
}

export interface AuditedEntry {
  index: number;
  keyId: string;
  stream: string;
  version: number;
  payloadDigest: string;
  identity: string;
  signedAt: string;
  /** What is wrong with the entry itself (bad signature, certificate mismatch), if anything. */
  problem?: string;
  /** False when an expected list was given and the entry is not on it. */
  expected?: boolean;
}

export interface AuditResult {
  origin: string;
  /** The new checkpoint (signed note), to be kept for the next run. */
  checkpoint: string;
  previousSize: number;
  size: number;
  /** False when the log key was taken from the service (no --log-key): trust on first use. */
  logKeyPinned: boolean;
  /** False when only tiles were read (no service URL): countersignatures and certificates were not checked. */
  countersignaturesChecked: boolean;
  entries: AuditedEntry[];
}

export interface AuditOptions extends HttpOptions {
  /** The service's base URL: its tiles (unless `tilesUrl`), key and JSON entries. */
  url?: string;
  /** The tlog-tiles prefix (a mirror or a CDN); default: the service URL. */
  tilesUrl?: string;
  /** The last checkpoint seen (signed note text). */
  since?: string;
  /** The pinned log key; without it the service's /v1/log/key is used. */
  log?: NoteVerifier;
  expected?: ExpectedEntry[];
}

/** Most bytes of one tile, bundle or JSON page (a full bundle is 256 statements of at most 16 KiB). */
const MAX_RESOURCE_BYTES = 5 * 1024 * 1024;

/** Throws VerificationError('log-inconsistent' | 'log-entry-not-in-tree' | ...) when the log cannot be trusted. */
export async function auditLog(options: AuditOptions): Promise<AuditResult> {
  const tilesAt = options.tilesUrl ?? options.url;
  if (tilesAt === undefined) throw new InputError('bad-option', 'audit: a service URL or a tiles URL is needed');
  const service = options.url !== undefined ? serviceBaseUrl(options.url) : undefined;
  const tiles = serviceBaseUrl(tilesAt);
  const http = { maxResponseBytes: MAX_RESOURCE_BYTES, ...options };
  const getFrom = async (base: URL, path: string, query?: Record<string, number>): Promise<Uint8Array> =>
    (await serviceRequest(endpoint(base, path, query), { method: 'GET' }, http)).body;
  const getJson = async <T>(path: string, query?: Record<string, number>): Promise<T> => {
    if (!service) throw new Error('internal: no service URL');
    return JSON.parse(new TextDecoder().decode(await getFrom(service, path, query))) as T;
  };

  let key: KeyResponse | undefined;
  if (service) key = await getJson<KeyResponse>(API.key);
  const log = options.log ?? (key ? parseVerifierKey(key.verifierKey) : undefined);
  if (!log)
    throw new InputError('bad-option', 'audit: without the service URL, the log key must be pinned (--log-key)');
  const countersignerKey = key
    ? parsePublicKeyPem(key.countersignerPublicKey, `${service?.href ?? ''} countersigner key`)
    : undefined;

  const checkpoint = new TextDecoder().decode(await getFrom(tiles, '/checkpoint'));
  const current = verifyCheckpoint(checkpoint, log, 'the log checkpoint');
  let previous: Checkpoint | undefined;
  if (options.since !== undefined) {
    previous = verifyCheckpoint(options.since, log, 'the last checkpoint seen');
    if (current.size < previous.size)
      throw new VerificationError(
        'log-inconsistent',
        `the log is not an extension of the last checkpoint seen (size ${previous.size}): it shrank to ${current.size} entries. The log was rewritten or forked`,
        { expected: `a tree of size >= ${previous.size} that contains it`, found: `size ${current.size}` },
      );
  }
  const fetchTile = async (path: string): Promise<Uint8Array | undefined> => {
    try {
      return await getFrom(tiles, path);
    } catch (err) {
      if (err instanceof ServiceRefusedError && err.status === 404) return undefined;
      throw err;
    }
  };
  const { entries: leaves } = await readTiledLog(fetchTile, current, previous, tiles.href.replace(/\/$/, ''));

  const start = previous?.size ?? 0;
  const entries: AuditedEntry[] = [];
  for (let next = start; next < current.size;) {
    let page: (WireEntry | undefined)[] = [];
    if (service) {
      page = (
        await getJson<EntriesResponse>(API.entries, {
          start: next,
          end: Math.min(next + MAX_ENTRIES_PER_PAGE, current.size),
        })
      ).entries;
      if (!Array.isArray(page) || page.length === 0)
        throw new VerificationError(
          'log-entries-missing',
          `${service.href}: entry ${next} of ${current.size} is not served`,
        );
    } else {
      page = leaves.slice(next - start, next - start + MAX_ENTRIES_PER_PAGE).map(() => undefined);
    }
    for (const wire of page) {
      const leaf = leaves[next - start] ?? new Uint8Array();
      if (wire) {
        if (wire.index !== next)
          throw new VerificationError(
            'log-entries-missing',
            `${service?.href ?? ''}: expected entry ${next}, the service sent ${wire.index}`,
          );
        if (!equalBytes(new Uint8Array(Buffer.from(wire.statement, 'base64')), leaf))
          throw new VerificationError(
            'log-entry-not-in-tree',
            `${service?.href ?? ''}: entry ${next} as served in JSON is not the leaf in the log's tiles: the log storage was changed`,
          );
      }
      entries.push(auditEntry(next, wire, leaf, countersignerKey, options.expected));
      next += 1;
      if (next >= current.size) break;
    }
  }
  return {
    origin: log.name,
    checkpoint,
    previousSize: start,
    size: current.size,
    logKeyPinned: options.log !== undefined,
    countersignaturesChecked: countersignerKey !== undefined,
    entries,
  };
}

function auditEntry(
  index: number,
  wire: WireEntry | undefined,
  statementBytes: Uint8Array,
  countersignerKey: Uint8Array | undefined,
  expected: ExpectedEntry[] | undefined,
): AuditedEntry {
  const s = parseCountersignatureStatement(statementBytes, `log entry ${index}`);
  const entry: AuditedEntry = {
    index,
    keyId: s.keyId,
    stream: s.stream,
    version: s.version,
    payloadDigest: s.payloadDigest.sha256,
    identity: '',
    signedAt: s.signedAt,
  };
  const problems: string[] = [];
  if (!wire || !countersignerKey) return withExpectation(entry, s, expected);
  const signature = new Uint8Array(Buffer.from(wire.signature, 'base64'));
  if (s.keyId !== keyIdOf(countersignerKey)) problems.push(`signed by ${s.keyId}, not the service's key`);
  else if (
    !verifyEd25519Strict(signature, preAuthEncoding(COUNTERSIGNATURE_PAYLOAD_TYPE, statementBytes), countersignerKey)
  )
    problems.push('the countersignature does not verify');
  const certificate = Buffer.from(wire.certificate, 'base64');
  if (sha256Hex(certificate) !== s.certificateDigest.sha256) {
    problems.push('the certificate served is not the one the statement binds');
  } else {
    entry.identity = identityOf(certificate);
  }
  if (problems.length > 0) entry.problem = problems.join('; ');
  return withExpectation(entry, s, expected);
}

function withExpectation(
  entry: AuditedEntry,
  s: { stream: string; version: number; payloadDigest: { sha256: string } },
  expected: ExpectedEntry[] | undefined,
): AuditedEntry {
  if (expected)
    entry.expected = expected.some(
      (e) => e.stream === s.stream && e.version === s.version && e.payloadDigest === s.payloadDigest.sha256,
    );
  return entry;
}

/** The certificate's SAN (the workflow URI for GitHub), as Fulcio puts it there. */
function identityOf(der: Uint8Array): string {
  try {
    const san = new X509Certificate(der).subjectAltName ?? '';
    const first = san.split(', ').find((n) => n.startsWith('URI:') || n.startsWith('email:'));
    return first ? first.slice(first.indexOf(':') + 1) : '(no identity)';
  } catch {
    return '(unreadable certificate)';
  }
}

/**
 * The expected list: one line per release, `STREAM VERSION sha256:HEX` (the statement digest
 * `countersign build` prints); blank lines and lines starting with '#' are ignored.
 */
export function parseExpectations(text: string, what: string): ExpectedEntry[] {
  const out: ExpectedEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [, stream, version, payloadDigest] = /^(\S+)\s+([1-9][0-9]{0,15})\s+sha256:([0-9a-f]{64})$/.exec(line) ?? [];
    if (
      stream === undefined ||
      version === undefined ||
      payloadDigest === undefined ||
      !Number.isSafeInteger(Number(version))
    ) {
      throw new InputError(
        'expect-malformed',
        `${what}:${i + 1}: expected "STREAM VERSION sha256:<64 hex>", found ${JSON.stringify(line.slice(0, 120))}`,
      );
    }
    out.push({ stream, version: Number(version), payloadDigest });
  });
  return out;
}
