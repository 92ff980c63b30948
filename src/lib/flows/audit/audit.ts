// The audit of a countersigning service's log (docs/design.md §6.5: "an auditor can list and check
// everything B ever signed"): organisation A's monitor for rogue countersignatures.
//   1. fetch the latest checkpoint and verify it under the log key (pinned, or fetched once:
//      trust on first use) and origin;
//   2. with the last checkpoint seen, check the log only grew: an RFC 6962 consistency proof
//      from the old tree to the new one (RFC 9162 §2.1.4.2);
//   3. walk the new entries: each is proven to be in the new tree (from the start: the
//      whole tree is recomputed; otherwise one inclusion proof per entry), its statement is
//      parsed, its Ed25519 countersignature and its certificate digest checked, and the
//      primary identity read from the certificate;
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
import { leafHash, verifyConsistency, verifyInclusion } from '../../checks/log/merkle.ts';
import { type NoteVerifier, parseVerifierKey } from '../../checks/log/note.ts';
import { MerkleTree } from '../../checks/log/tree.ts';
import {
  API,
  MAX_ENTRIES_PER_PAGE,
  type ConsistencyResponse,
  type EntriesResponse,
  type InclusionResponse,
  type KeyResponse,
  type WireEntry,
} from '../../formats/service/api.ts';
import { type HttpOptions, endpoint, serviceBaseUrl, serviceRequest } from '../../basics/net/http.ts';

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
  entries: AuditedEntry[];
}

export interface AuditOptions extends HttpOptions {
  url: string;
  /** The last checkpoint seen (signed note text). */
  since?: string;
  /** The pinned log key; without it the service's /v1/log/key is used. */
  log?: NoteVerifier;
  expected?: ExpectedEntry[];
}

/** Throws VerificationError('log-inconsistent' | 'log-entry-not-in-tree' | ...) when the log cannot be trusted. */
export async function auditLog(options: AuditOptions): Promise<AuditResult> {
  const base = serviceBaseUrl(options.url);
  const get = async <T>(path: string, query?: Record<string, number>): Promise<T> => {
    const res = await serviceRequest(
      endpoint(base, path, query),
      { method: 'GET' },
      { maxResponseBytes: 4 * 1024 * 1024, ...options },
    );
    return path === API.checkpoint
      ? (new TextDecoder().decode(res.body) as T)
      : (JSON.parse(new TextDecoder().decode(res.body)) as T);
  };
  const key = await get<KeyResponse>(API.key);
  const log = options.log ?? parseVerifierKey(key.verifierKey);
  const countersignerKey = parsePublicKeyPem(key.countersignerPublicKey, `${base.href} countersigner key`);

  const checkpoint = await get<string>(API.checkpoint);
  const current = verifyCheckpoint(checkpoint, log, 'the service checkpoint');
  let previous: Checkpoint | undefined;
  if (options.since !== undefined) {
    previous = verifyCheckpoint(options.since, log, 'the last checkpoint seen');
    await checkConsistent(previous, current, get);
  }
  const start = previous?.size ?? 0;
  const entries: AuditedEntry[] = [];
  const tree = start === 0 ? new MerkleTree() : undefined;
  for (let next = start; next < current.size;) {
    const page = (
      await get<EntriesResponse>(API.entries, { start: next, end: Math.min(next + MAX_ENTRIES_PER_PAGE, current.size) })
    ).entries;
    if (!Array.isArray(page) || page.length === 0)
      throw new VerificationError(
        'log-entries-missing',
        `${base.href}: entry ${next} of ${current.size} is not served`,
      );
    for (const wire of page) {
      if (wire.index !== next)
        throw new VerificationError(
          'log-entries-missing',
          `${base.href}: expected entry ${next}, the service sent ${wire.index}`,
        );
      const statement = new Uint8Array(Buffer.from(wire.statement, 'base64'));
      if (tree) {
        tree.append(leafHash(statement));
      } else {
        const proof = await get<InclusionResponse>(API.inclusion, { index: next, size: current.size });
        const path = proof.hashes.map((h) => new Uint8Array(Buffer.from(h, 'base64')));
        if (!verifyInclusion(leafHash(statement), next, current.size, path, current.root)) {
          throw new VerificationError(
            'log-entry-not-in-tree',
            `${base.href}: entry ${next} as served is not in the tree of the signed checkpoint (size ${current.size}): the log storage was changed`,
          );
        }
      }
      entries.push(auditEntry(wire, statement, countersignerKey, options.expected));
      next += 1;
      if (next >= current.size) break;
    }
  }
  if (tree && !equalBytes(tree.root(), current.root)) {
    throw new VerificationError(
      'log-entry-not-in-tree',
      `${base.href}: the ${current.size} entries served do not hash to the signed checkpoint's root: the log storage was changed`,
    );
  }
  return {
    origin: log.name,
    checkpoint,
    previousSize: start,
    size: current.size,
    logKeyPinned: options.log !== undefined,
    entries,
  };
}

async function checkConsistent(
  previous: Checkpoint,
  current: Checkpoint,
  get: <T>(path: string, query?: Record<string, number>) => Promise<T>,
): Promise<void> {
  const fork = (why: string): never => {
    throw new VerificationError(
      'log-inconsistent',
      `the log is not an extension of the last checkpoint seen (size ${previous.size}): ${why}. The log was rewritten or forked`,
      {
        expected: `a tree of size >= ${previous.size} that contains it`,
        found: `size ${current.size}`,
      },
    );
  };
  if (current.size < previous.size) fork(`it shrank to ${current.size} entries`);
  if (current.size === previous.size) {
    if (!equalBytes(current.root, previous.root)) fork('same size, different root hash');
    return;
  }
  // Partial: the service's JSON is not checked against the type, and a missing field is a failed proof.
  const proof = await get<Partial<ConsistencyResponse>>(API.consistency, { from: previous.size, to: current.size });
  const hashes = (proof.hashes ?? []).map((h) => new Uint8Array(Buffer.from(h, 'base64')));
  if (!verifyConsistency(previous.size, current.size, previous.root, current.root, hashes))
    fork('the consistency proof does not verify');
}

function auditEntry(
  wire: WireEntry,
  statementBytes: Uint8Array,
  countersignerKey: Uint8Array,
  expected: ExpectedEntry[] | undefined,
): AuditedEntry {
  const s = parseCountersignatureStatement(statementBytes, `log entry ${wire.index}`);
  const entry: AuditedEntry = {
    index: wire.index,
    keyId: s.keyId,
    stream: s.stream,
    version: s.version,
    payloadDigest: s.payloadDigest.sha256,
    identity: '',
    signedAt: s.signedAt,
  };
  const problems: string[] = [];
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
