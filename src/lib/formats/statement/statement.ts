// The statement organisation A signs: an in-toto Statement v1 (https://github.com/in-toto/
// attestation/blob/main/spec/v1/statement.md) with our TrustStatement/v1 predicate
// (docs/design.md §3, spec/FORMAT.md §3). Built here, serialised once to exact bytes that are signed and
// stored, and parsed back strictly: every deviation from the format fails closed.
//
// Error codes (InputError): statement-malformed, statement-unknown-field,
// statement-unsupported-type (a `_type` or `predicateType` we do not know),
// statement-unknown-kind, statement-duplicate-subject, statement-unsorted-subjects,
// statement-too-many-subjects, statement-bad-time, statement-too-large, rotation-policy-digest
// (an authority rotation whose carried policy is not its subject); plus the strict JSON
// codes (malformed-json, duplicate-key, too-large, too-deep, number-out-of-range).
import { InputError } from '../../basics/errors/errors.ts';
import { sha256Hex } from '../../basics/crypto/sha256.ts';
import { MAX_POLICY_BYTES } from '../policy/types.ts';
import { compareSubjectNames, subjectNameProblem } from '../subjects/name.ts';
import { FLEET_KEY_ALGORITHMS, FLEET_KEY_ID } from './fleet-keys.ts';
import { SHA256_HEX, Shape, rfc3339 } from '../../basics/json/shape.ts';
import { parseStrictJson } from '../../basics/json/strict-json.ts';
import { MAX_STREAM_LENGTH, STREAM_PATTERN, isValidStream } from '../core/stream.ts';
import {
  KINDS,
  PREDICATE_TYPE,
  STATEMENT_TYPE,
  type Kind,
  type Statement,
  type StatementSource,
  type Subject,
} from '../core/types.ts';

/** Longest validity of a statement: expiry bounds how long a withheld update can freeze clients. */
export const MAX_EXPIRES_IN_SECONDS = 366 * 86_400;
/** Cap on each string of a statement (FORMAT.md §2): above the longest field, a rotation's policy in base64 (1.33 MiB). */
export const MAX_STATEMENT_STRING_BYTES = 2 * 1024 * 1024;
export const DEFAULT_STATEMENT_LIMITS: StatementLimits = { maxBytes: 16 * 1024 * 1024, maxSubjects: 100_000 };

export interface StatementLimits {
  maxBytes: number;
  maxSubjects: number;
}

export interface BuildStatementInput {
  kind: Kind;
  /** `owner/name:channel`: ASCII `[A-Za-z0-9._/-]+:[A-Za-z0-9._-]+`, at most 200 characters. */
  stream: string;
  /** A positive safe integer (1 to 2^53-1), increasing within the stream. */
  version: number;
  /** Truncated to whole seconds. */
  issuedAt: Date;
  /** Seconds, 1 to MAX_EXPIRES_IN_SECONDS (366 days). */
  expiresIn: number;
  /** Sorted here (UTF-8 byte order of the names); at least one. */
  subjects: Subject[];
  source?: StatementSource;
  data?: Record<string, unknown>;
}

// Source fields: a GitHub `owner/repo`, a git commit (SHA-1 or SHA-256 object name) and the
// URL of the workflow run attempt. Provenance for humans and audit logs, not trusted alone.
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const URL_PATTERN = /^https?:\/\/[\x21-\x7e]+$/;
const MAX_TIME = 253402300799_000; // 9999-12-31T23:59:59Z, the last RFC 3339 four-digit-year time.

/** Builds a statement, validated by the same rules as parseStatement (so we never emit what we would refuse). */
export function buildStatement(input: BuildStatementInput): Statement {
  if (!isValidStream(input.stream)) {
    throw new InputError(
      'bad-stream',
      `stream: expected owner/name:channel (ASCII [A-Za-z0-9._/-]+:[A-Za-z0-9._-]+, at most ${MAX_STREAM_LENGTH} characters), found ${JSON.stringify(input.stream.slice(0, 210))}`,
    );
  }
  if (!Number.isSafeInteger(input.version) || input.version < 1) {
    throw new InputError('bad-version', `version: expected a positive integer up to 2^53-1, found ${input.version}`);
  }
  if (!Number.isSafeInteger(input.expiresIn) || input.expiresIn < 1 || input.expiresIn > MAX_EXPIRES_IN_SECONDS) {
    throw new InputError(
      'bad-expiry',
      `expires-in: expected 1 to ${MAX_EXPIRES_IN_SECONDS} seconds (366 days), found ${input.expiresIn}`,
    );
  }
  const issuedMs = Math.floor(input.issuedAt.getTime() / 1000) * 1000;
  if (!Number.isFinite(issuedMs) || issuedMs < 0 || issuedMs + input.expiresIn * 1000 > MAX_TIME) {
    // The time as UTC text (String(date) would print the machine's time zone).
    const found = Number.isNaN(input.issuedAt.getTime()) ? 'an invalid date' : input.issuedAt.toISOString();
    throw new InputError('bad-time', `issued-at: expected a time between 1970 and 9999, found ${found}`);
  }
  const candidate = {
    _type: STATEMENT_TYPE,
    subject: [...input.subjects].sort((a, b) => compareSubjectNames(a.name, b.name)),
    predicateType: PREDICATE_TYPE,
    predicate: {
      kind: input.kind,
      stream: input.stream,
      version: input.version,
      issuedAt: rfc3339(new Date(issuedMs)),
      expiresAt: rfc3339(new Date(issuedMs + input.expiresIn * 1000)),
      source: input.source ?? {},
      data: input.data ?? {},
    },
  };
  return statementFromJson(candidate, 'new statement', DEFAULT_STATEMENT_LIMITS.maxSubjects);
}

/** The statement's source from the GitHub Actions environment; fields absent outside Actions. */
export function sourceFromGitHubEnv(env: Record<string, string | undefined>): StatementSource {
  const source: StatementSource = {};
  const {
    GITHUB_REPOSITORY: repo,
    GITHUB_SHA: sha,
    GITHUB_SERVER_URL: server,
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: attempt,
  } = env;
  if (repo) source.repository = repo;
  if (sha) source.commit = sha;
  if (server && repo && runId && attempt)
    source.workflowRun = `${server}/${repo}/actions/runs/${runId}/attempts/${attempt}`;
  return source;
}

/**
 * The exact bytes to sign: compact JSON in UTF-8, keys in a fixed order (`_type`, `subject`
 * [`name`, `digest`], `predicateType`, `predicate` [`kind`, `stream`, `version`, `issuedAt`,
 * `expiresAt`, `source` [`repository`, `commit`, `workflowRun`], `data`]), no trailing newline.
 * Validates first: a statement that parseStatement would refuse is never serialised.
 */
export function serializeStatement(statement: Statement): Uint8Array {
  const canonical = statementFromJson(statement, 'statement', DEFAULT_STATEMENT_LIMITS.maxSubjects);
  const bytes = new TextEncoder().encode(JSON.stringify(canonical));
  if (bytes.length > DEFAULT_STATEMENT_LIMITS.maxBytes) {
    throw new InputError(
      'statement-too-large',
      `statement: ${bytes.length} bytes is over the limit of ${DEFAULT_STATEMENT_LIMITS.maxBytes} bytes`,
    );
  }
  return bytes;
}

/**
 * Strictly parses the exact statement bytes (DSSE payload). Checks the format only; expiry
 * against the clock, allowed kinds and streams and versions are the verifier's checks.
 */
export function parseStatement(
  bytes: Uint8Array,
  what: string,
  limits: StatementLimits = DEFAULT_STATEMENT_LIMITS,
): Statement {
  // No string of a statement is longer than a rotation's carried policy in base64 (1.33 MiB):
  // 2 MiB stops any other before JSON.parse, and leaves the field's own check its own code (FORMAT.md §2).
  const json = parseStrictJson(bytes, what, {
    maxBytes: limits.maxBytes,
    maxDepth: 8,
    integersOnly: true,
    maxStringBytes: MAX_STATEMENT_STRING_BYTES,
  });
  return statementFromJson(json, what, limits.maxSubjects);
}

/** Validates a parsed statement and rebuilds it, fields in the canonical order. */
function statementFromJson(json: unknown, what: string, maxSubjects: number): Statement {
  const s = new Shape(what, 'statement-malformed', 'statement-unknown-field');
  // The type identifiers first: a future version deserves "unsupported", not "unknown field".
  // Object() boxes any other value (null, a string, an array) into one that has neither
  // field; s.object refuses those below.
  const j = Object(json) as Record<string, unknown>;
  if (Object.hasOwn(j, '_type') && j._type !== STATEMENT_TYPE) {
    s.failWith('statement-unsupported-type', '$._type', `expected ${STATEMENT_TYPE}, found ${JSON.stringify(j._type)}`);
  }
  if (Object.hasOwn(j, 'predicateType') && j.predicateType !== PREDICATE_TYPE) {
    s.failWith(
      'statement-unsupported-type',
      '$.predicateType',
      `expected ${PREDICATE_TYPE}, found ${JSON.stringify(j.predicateType)}`,
    );
  }
  const top = s.object(json, '$', ['_type', 'subject', 'predicateType', 'predicate']);
  const subjects = parseSubjects(s, top.subject, maxSubjects);
  const p = s.object(top.predicate, '$.predicate', [
    'kind',
    'stream',
    'version',
    'issuedAt',
    'expiresAt',
    'source',
    'data',
  ]);
  const kind = s.string(p.kind, '$.predicate.kind', undefined, 64);
  if (!(KINDS as readonly string[]).includes(kind)) {
    s.failWith(
      'statement-unknown-kind',
      '$.predicate.kind',
      `expected one of ${KINDS.join(', ')}, found ${JSON.stringify(kind)}`,
    );
  }
  const stream = s.string(p.stream, '$.predicate.stream', STREAM_PATTERN, MAX_STREAM_LENGTH);
  const version = s.positiveInteger(p.version, '$.predicate.version');
  const issuedAt = s.timestamp(p.issuedAt, '$.predicate.issuedAt');
  const expiresAt = s.timestamp(p.expiresAt, '$.predicate.expiresAt');
  const lifetime = (expiresAt.getTime() - issuedAt.getTime()) / 1000;
  if (lifetime <= 0)
    s.failWith(
      'statement-bad-time',
      '$.predicate.expiresAt',
      `expected a time after issuedAt ${rfc3339(issuedAt)}, found ${rfc3339(expiresAt)}`,
    );
  if (lifetime > MAX_EXPIRES_IN_SECONDS) {
    s.failWith(
      'statement-bad-time',
      '$.predicate.expiresAt',
      `expected at most ${MAX_EXPIRES_IN_SECONDS} seconds (366 days) after issuedAt, found ${lifetime}`,
    );
  }
  return {
    _type: STATEMENT_TYPE,
    subject: subjects,
    predicateType: PREDICATE_TYPE,
    predicate: {
      kind: kind as Kind,
      stream,
      version,
      issuedAt: rfc3339(issuedAt),
      expiresAt: rfc3339(expiresAt),
      source: parseSource(s, p.source),
      data: parseData(s, kind as Kind, p.data, subjects),
    },
  };
}

function parseSubjects(s: Shape, value: unknown, maxSubjects: number): Subject[] {
  if (Array.isArray(value) && value.length > maxSubjects) {
    s.failWith(
      'statement-too-many-subjects',
      '$.subject',
      `expected at most ${maxSubjects} subjects, found ${value.length}`,
    );
  }
  const list = s.array(value, '$.subject', maxSubjects);
  if (list.length === 0) s.fail('$.subject', 'expected at least one subject, found none');
  const subjects = list.map((item, i): Subject => {
    const path = `$.subject[${i}]`;
    const o = s.object(item, path, ['name', 'digest']);
    const name = s.string(o.name, `${path}.name`);
    const problem = subjectNameProblem(name);
    if (problem) s.fail(`${path}.name`, `expected a relative path in NFC, found a name that ${problem}`);
    const digest = s.object(o.digest, `${path}.digest`, ['sha256']);
    return { name, digest: { sha256: s.string(digest.sha256, `${path}.digest.sha256`, SHA256_HEX, 64) } };
  });
  for (const [i, { name }] of subjects.entries()) {
    const previous = subjects[i - 1]?.name;
    if (previous === undefined) continue;
    const order = compareSubjectNames(previous, name);
    if (order < 0) continue;
    if (order === 0)
      s.failWith(
        'statement-duplicate-subject',
        `$.subject[${i}].name`,
        `duplicate subject name ${JSON.stringify(name)}`,
      );
    s.failWith(
      'statement-unsorted-subjects',
      `$.subject[${i}].name`,
      `subjects must be sorted by name (UTF-8 byte order), found ${JSON.stringify(name)} after ${JSON.stringify(previous)}`,
    );
  }
  return subjects;
}

function parseSource(s: Shape, value: unknown): StatementSource {
  const o = s.object(value, '$.predicate.source', [], ['repository', 'commit', 'workflowRun']);
  const source: StatementSource = {};
  if (Object.hasOwn(o, 'repository'))
    source.repository = s.string(o.repository, '$.predicate.source.repository', REPOSITORY, 200);
  if (Object.hasOwn(o, 'commit')) source.commit = s.string(o.commit, '$.predicate.source.commit', COMMIT, 64);
  if (Object.hasOwn(o, 'workflowRun'))
    source.workflowRun = s.string(o.workflowRun, '$.predicate.source.workflowRun', URL_PATTERN, 2048);
  return source;
}

/**
 * authority-rotation (spec/ROTATION.md §2): the data carries the new policy document itself,
 * as canonical base64 of its exact bytes, and the one subject is that document's digest. The
 * verifier checks the digest here, so the document it parses later is the one A signed.
 * Whether the document is a well-formed policy is the rotation check's business.
 */
function parseRotationData(s: Shape, value: unknown, subjects: Subject[]): Record<string, unknown> {
  const o = s.object(value, '$.predicate.data', ['policy']);
  const bytes = s.base64(o.policy, '$.predicate.data.policy', Math.ceil(MAX_POLICY_BYTES / 3) * 4);
  if (bytes.length === 0 || bytes.length > MAX_POLICY_BYTES)
    s.fail('$.predicate.data.policy', `expected 1 to ${MAX_POLICY_BYTES} bytes of policy, found ${bytes.length}`);
  const [subject] = subjects;
  if (subjects.length !== 1 || !subject)
    s.fail(
      '$.subject',
      `expected exactly one subject (the new policy) for authority-rotation, found ${subjects.length}`,
    );
  const digest = sha256Hex(bytes);
  if (subject.digest.sha256 !== digest) {
    s.failWith(
      'rotation-policy-digest',
      '$.predicate.data.policy',
      `expected the document whose sha256 is the subject's (${subject.digest.sha256}), found a document with sha256 ${digest}`,
    );
  }
  return { policy: o.policy };
}

/** The kind's own data: fleet-key lists its keys' ids (equal to the subject names) and algorithms; authority-rotation carries the new policy; the other kinds carry none. */
function parseData(s: Shape, kind: Kind, value: unknown, subjects: Subject[]): Record<string, unknown> {
  if (kind === 'authority-rotation') return parseRotationData(s, value, subjects);
  if (kind !== 'fleet-key') {
    s.object(value, '$.predicate.data', []);
    return {};
  }
  const o = s.object(value, '$.predicate.data', ['keys']);
  const keys = s.array(o.keys, '$.predicate.data.keys', subjects.length).map((item, i) => {
    const path = `$.predicate.data.keys[${i}]`;
    const k = s.object(item, path, ['id', 'algorithm']);
    const id = s.string(k.id, `${path}.id`, FLEET_KEY_ID, 128);
    const algorithm = s.string(k.algorithm, `${path}.algorithm`, undefined, 32);
    if (!(FLEET_KEY_ALGORITHMS as readonly string[]).includes(algorithm))
      s.fail(
        `${path}.algorithm`,
        `expected one of ${FLEET_KEY_ALGORITHMS.join(', ')}, found ${JSON.stringify(algorithm)}`,
      );
    // At most subjects.length keys (the array cap above): subject i exists.
    // Stryker disable next-line OptionalChaining: equivalent, i < subjects.length (the array cap above), so subjects[i] is never undefined
    const name = subjects[i]?.name;
    if (name !== id)
      s.fail(`${path}.id`, `expected the name of subject ${i} (${JSON.stringify(name)}), found ${JSON.stringify(id)}`);
    return { id, algorithm };
  });
  if (keys.length !== subjects.length)
    s.fail('$.predicate.data.keys', `expected one key per subject (${subjects.length}), found ${keys.length}`);
  return { keys };
}
