// Shared by: cli-build, cli-countersign, cli-demo, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-serve, cli-sign, cli-verify (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  compareSubjectNames,
  subjectNameProblem
} from "./shared-39a15262.mjs";
import {
  KINDS,
  MAX_STREAM_LENGTH,
  PREDICATE_TYPE,
  STATEMENT_TYPE,
  STREAM_PATTERN,
  isValidStream
} from "./shared-d5665511.mjs";
import {
  MAX_POLICY_BYTES,
  parseStrictJson
} from "./shared-31413875.mjs";
import {
  describeKey,
  sha256Hex
} from "./shared-f3698323.mjs";
import {
  SHA256_HEX,
  Shape,
  rfc3339
} from "./shared-84c2b3d1.mjs";
import {
  InputError
} from "./shared-c0077619.mjs";

// src/lib/formats/statement/fleet-keys.ts
import { createPublicKey } from "node:crypto";
var FLEET_KEY_ALGORITHMS = [
  "ecdsa-p256",
  "ecdsa-p384",
  "ed25519",
  "rsa-2048",
  "rsa-3072",
  "rsa-4096"
];
var FLEET_KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
var MAX_FLEET_KEYS_BYTES = 1024 * 1024;
var MAX_FLEET_KEYS = 1e3;
var MAX_PEM_CHARS = 16 * 1024;
var PEM = /^-----BEGIN PUBLIC KEY-----\r?\n((?:[A-Za-z0-9+/=]{1,76}\r?\n)+)-----END PUBLIC KEY-----(?:\r?\n)?$/;
function parseFleetKeys(bytes, what) {
  const json = parseStrictJson(bytes, what, { maxBytes: MAX_FLEET_KEYS_BYTES, maxDepth: 4 });
  const s = new Shape(what, "fleet-keys-malformed");
  const list = s.array(json, "$", MAX_FLEET_KEYS);
  if (list.length === 0) s.fail("$", "expected at least one key, found an empty list");
  const byId = /* @__PURE__ */ new Set();
  const byDigest = /* @__PURE__ */ new Map();
  return list.map((value, i) => {
    const path = `$[${i}]`;
    const entry = s.object(value, path, ["id", "algorithm", "publicKey"]);
    const id = s.string(entry.id, `${path}.id`, FLEET_KEY_ID, 128);
    const algorithm = s.string(entry.algorithm, `${path}.algorithm`, void 0, 32);
    if (!FLEET_KEY_ALGORITHMS.includes(algorithm)) {
      s.fail(
        `${path}.algorithm`,
        `expected one of ${FLEET_KEY_ALGORITHMS.join(", ")}, found ${JSON.stringify(algorithm)}`
      );
    }
    if (byId.has(id))
      throw new InputError("fleet-keys-duplicate", `${what}: ${path}.id: duplicate key id ${JSON.stringify(id)}`);
    byId.add(id);
    const pem = s.string(entry.publicKey, `${path}.publicKey`, void 0, MAX_PEM_CHARS);
    const spki = decodeSpkiPem(s, pem, `${path}.publicKey`, id, algorithm);
    const digest = sha256Hex(spki);
    const previous = byDigest.get(digest);
    if (previous !== void 0) {
      throw new InputError(
        "fleet-keys-duplicate",
        `${what}: ${path}.publicKey: key ${JSON.stringify(id)} is the same key as ${JSON.stringify(previous)}`
      );
    }
    byDigest.set(digest, id);
    return { id, algorithm, spki };
  });
}
function fleetKeyStatementParts(keys) {
  const sorted = [...keys].sort((a, b) => compareSubjectNames(a.id, b.id));
  return {
    subjects: sorted.map((k) => ({ name: k.id, digest: { sha256: sha256Hex(k.spki) } })),
    data: { keys: sorted.map((k) => ({ id: k.id, algorithm: k.algorithm })) }
  };
}
function decodeSpkiPem(s, pem, path, id, algorithm) {
  const m = PEM.exec(pem);
  if (!m)
    s.fail(path, 'expected exactly one PEM block "-----BEGIN PUBLIC KEY-----" (SubjectPublicKeyInfo, RFC 7468 \xA713)');
  const der = s.base64(m[1].replace(/\r?\n/g, ""), path, MAX_PEM_CHARS);
  let key;
  try {
    key = createPublicKey({ key: Buffer.from(der), format: "der", type: "spki" });
  } catch (err) {
    throw new InputError(
      "fleet-keys-bad-key",
      `${s.what}: ${path}: key ${JSON.stringify(id)} is not a valid SubjectPublicKeyInfo: ${err.message}`
    );
  }
  const canonicalKey = key.asymmetricKeyType === "ec" ? createPublicKey({ key: key.export({ format: "jwk" }), format: "jwk" }) : key;
  const canonical = canonicalKey.export({ format: "der", type: "spki" });
  if (!canonical.equals(der)) {
    throw new InputError(
      "fleet-keys-bad-key",
      `${s.what}: ${path}: key ${JSON.stringify(id)} is not canonically encoded (expected the DER that re-encoding the key gives)`
    );
  }
  const actual = algorithmOf(key);
  if (actual !== algorithm) {
    throw new InputError(
      "fleet-keys-bad-key",
      `${s.what}: ${path}: key ${JSON.stringify(id)}: algorithm says ${algorithm}, the key is ${actual ?? describeKey(key)}`
    );
  }
  return der;
}
function algorithmOf(key) {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case "ed25519":
      return "ed25519";
    case "ec":
      return details.namedCurve === "prime256v1" ? "ecdsa-p256" : details.namedCurve === "secp384r1" ? "ecdsa-p384" : void 0;
    case "rsa": {
      const name = `rsa-${details.modulusLength}`;
      return FLEET_KEY_ALGORITHMS.includes(name) ? name : void 0;
    }
    default:
      return void 0;
  }
}

// src/lib/formats/statement/statement.ts
var MAX_EXPIRES_IN_SECONDS = 366 * 86400;
var MAX_STATEMENT_STRING_BYTES = 2 * 1024 * 1024;
var DEFAULT_STATEMENT_LIMITS = { maxBytes: 16 * 1024 * 1024, maxSubjects: 1e5 };
var REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
var COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var URL_PATTERN = /^https?:\/\/[\x21-\x7e]+$/;
var MAX_TIME = 253402300799e3;
function buildStatement(input) {
  if (!isValidStream(input.stream)) {
    throw new InputError(
      "bad-stream",
      `stream: expected owner/name:channel (ASCII [A-Za-z0-9._/-]+:[A-Za-z0-9._-]+, at most ${MAX_STREAM_LENGTH} characters), found ${JSON.stringify(input.stream.slice(0, 210))}`
    );
  }
  if (!Number.isSafeInteger(input.version) || input.version < 1) {
    throw new InputError("bad-version", `version: expected a positive integer up to 2^53-1, found ${input.version}`);
  }
  if (!Number.isSafeInteger(input.expiresIn) || input.expiresIn < 1 || input.expiresIn > MAX_EXPIRES_IN_SECONDS) {
    throw new InputError(
      "bad-expiry",
      `expires-in: expected 1 to ${MAX_EXPIRES_IN_SECONDS} seconds (366 days), found ${input.expiresIn}`
    );
  }
  const issuedMs = Math.floor(input.issuedAt.getTime() / 1e3) * 1e3;
  if (!Number.isFinite(issuedMs) || issuedMs < 0 || issuedMs + input.expiresIn * 1e3 > MAX_TIME) {
    const found = Number.isNaN(input.issuedAt.getTime()) ? "an invalid date" : input.issuedAt.toISOString();
    throw new InputError("bad-time", `issued-at: expected a time between 1970 and 9999, found ${found}`);
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
      expiresAt: rfc3339(new Date(issuedMs + input.expiresIn * 1e3)),
      source: input.source ?? {},
      data: input.data ?? {}
    }
  };
  return statementFromJson(candidate, "new statement", DEFAULT_STATEMENT_LIMITS.maxSubjects);
}
function sourceFromGitHubEnv(env) {
  const source = {};
  const {
    GITHUB_REPOSITORY: repo,
    GITHUB_SHA: sha,
    GITHUB_SERVER_URL: server,
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: attempt
  } = env;
  if (repo) source.repository = repo;
  if (sha) source.commit = sha;
  if (server && repo && runId && attempt)
    source.workflowRun = `${server}/${repo}/actions/runs/${runId}/attempts/${attempt}`;
  return source;
}
function serializeStatement(statement) {
  const canonical = statementFromJson(statement, "statement", DEFAULT_STATEMENT_LIMITS.maxSubjects);
  const bytes = new TextEncoder().encode(JSON.stringify(canonical));
  if (bytes.length > DEFAULT_STATEMENT_LIMITS.maxBytes) {
    throw new InputError(
      "statement-too-large",
      `statement: ${bytes.length} bytes is over the limit of ${DEFAULT_STATEMENT_LIMITS.maxBytes} bytes`
    );
  }
  return bytes;
}
function parseStatement(bytes, what, limits = DEFAULT_STATEMENT_LIMITS) {
  const json = parseStrictJson(bytes, what, {
    maxBytes: limits.maxBytes,
    maxDepth: 8,
    integersOnly: true,
    maxStringBytes: MAX_STATEMENT_STRING_BYTES
  });
  return statementFromJson(json, what, limits.maxSubjects);
}
function statementFromJson(json, what, maxSubjects) {
  const s = new Shape(what, "statement-malformed", "statement-unknown-field");
  const j = Object(json);
  if (Object.hasOwn(j, "_type") && j._type !== STATEMENT_TYPE) {
    s.failWith("statement-unsupported-type", "$._type", `expected ${STATEMENT_TYPE}, found ${JSON.stringify(j._type)}`);
  }
  if (Object.hasOwn(j, "predicateType") && j.predicateType !== PREDICATE_TYPE) {
    s.failWith(
      "statement-unsupported-type",
      "$.predicateType",
      `expected ${PREDICATE_TYPE}, found ${JSON.stringify(j.predicateType)}`
    );
  }
  const top = s.object(json, "$", ["_type", "subject", "predicateType", "predicate"]);
  const subjects = parseSubjects(s, top.subject, maxSubjects);
  const p = s.object(top.predicate, "$.predicate", [
    "kind",
    "stream",
    "version",
    "issuedAt",
    "expiresAt",
    "source",
    "data"
  ]);
  const kind = s.string(p.kind, "$.predicate.kind", void 0, 64);
  if (!KINDS.includes(kind)) {
    s.failWith(
      "statement-unknown-kind",
      "$.predicate.kind",
      `expected one of ${KINDS.join(", ")}, found ${JSON.stringify(kind)}`
    );
  }
  const stream = s.string(p.stream, "$.predicate.stream", STREAM_PATTERN, MAX_STREAM_LENGTH);
  const version = s.positiveInteger(p.version, "$.predicate.version");
  const issuedAt = s.timestamp(p.issuedAt, "$.predicate.issuedAt");
  const expiresAt = s.timestamp(p.expiresAt, "$.predicate.expiresAt");
  const lifetime = (expiresAt.getTime() - issuedAt.getTime()) / 1e3;
  if (lifetime <= 0)
    s.failWith(
      "statement-bad-time",
      "$.predicate.expiresAt",
      `expected a time after issuedAt ${rfc3339(issuedAt)}, found ${rfc3339(expiresAt)}`
    );
  if (lifetime > MAX_EXPIRES_IN_SECONDS) {
    s.failWith(
      "statement-bad-time",
      "$.predicate.expiresAt",
      `expected at most ${MAX_EXPIRES_IN_SECONDS} seconds (366 days) after issuedAt, found ${lifetime}`
    );
  }
  return {
    _type: STATEMENT_TYPE,
    subject: subjects,
    predicateType: PREDICATE_TYPE,
    predicate: {
      kind,
      stream,
      version,
      issuedAt: rfc3339(issuedAt),
      expiresAt: rfc3339(expiresAt),
      source: parseSource(s, p.source),
      data: parseData(s, kind, p.data, subjects)
    }
  };
}
function parseSubjects(s, value, maxSubjects) {
  if (Array.isArray(value) && value.length > maxSubjects) {
    s.failWith(
      "statement-too-many-subjects",
      "$.subject",
      `expected at most ${maxSubjects} subjects, found ${value.length}`
    );
  }
  const list = s.array(value, "$.subject", maxSubjects);
  if (list.length === 0) s.fail("$.subject", "expected at least one subject, found none");
  const subjects = list.map((item, i) => {
    const path = `$.subject[${i}]`;
    const o = s.object(item, path, ["name", "digest"]);
    const name = s.string(o.name, `${path}.name`);
    const problem = subjectNameProblem(name);
    if (problem) s.fail(`${path}.name`, `expected a relative path in NFC, found a name that ${problem}`);
    const digest = s.object(o.digest, `${path}.digest`, ["sha256"]);
    return { name, digest: { sha256: s.string(digest.sha256, `${path}.digest.sha256`, SHA256_HEX, 64) } };
  });
  for (const [i, { name }] of subjects.entries()) {
    const previous = subjects[i - 1]?.name;
    if (previous === void 0) continue;
    const order = compareSubjectNames(previous, name);
    if (order < 0) continue;
    if (order === 0)
      s.failWith(
        "statement-duplicate-subject",
        `$.subject[${i}].name`,
        `duplicate subject name ${JSON.stringify(name)}`
      );
    s.failWith(
      "statement-unsorted-subjects",
      `$.subject[${i}].name`,
      `subjects must be sorted by name (UTF-8 byte order), found ${JSON.stringify(name)} after ${JSON.stringify(previous)}`
    );
  }
  return subjects;
}
function parseSource(s, value) {
  const o = s.object(value, "$.predicate.source", [], ["repository", "commit", "workflowRun"]);
  const source = {};
  if (Object.hasOwn(o, "repository"))
    source.repository = s.string(o.repository, "$.predicate.source.repository", REPOSITORY, 200);
  if (Object.hasOwn(o, "commit")) source.commit = s.string(o.commit, "$.predicate.source.commit", COMMIT, 64);
  if (Object.hasOwn(o, "workflowRun"))
    source.workflowRun = s.string(o.workflowRun, "$.predicate.source.workflowRun", URL_PATTERN, 2048);
  return source;
}
function parseRotationData(s, value, subjects) {
  const o = s.object(value, "$.predicate.data", ["policy"]);
  const bytes = s.base64(o.policy, "$.predicate.data.policy", Math.ceil(MAX_POLICY_BYTES / 3) * 4);
  if (bytes.length === 0 || bytes.length > MAX_POLICY_BYTES)
    s.fail("$.predicate.data.policy", `expected 1 to ${MAX_POLICY_BYTES} bytes of policy, found ${bytes.length}`);
  const [subject] = subjects;
  if (subjects.length !== 1 || !subject)
    s.fail(
      "$.subject",
      `expected exactly one subject (the new policy) for authority-rotation, found ${subjects.length}`
    );
  const digest = sha256Hex(bytes);
  if (subject.digest.sha256 !== digest) {
    s.failWith(
      "rotation-policy-digest",
      "$.predicate.data.policy",
      `expected the document whose sha256 is the subject's (${subject.digest.sha256}), found a document with sha256 ${digest}`
    );
  }
  return { policy: o.policy };
}
function parseData(s, kind, value, subjects) {
  if (kind === "authority-rotation") return parseRotationData(s, value, subjects);
  if (kind !== "fleet-key") {
    s.object(value, "$.predicate.data", []);
    return {};
  }
  const o = s.object(value, "$.predicate.data", ["keys"]);
  const keys = s.array(o.keys, "$.predicate.data.keys", subjects.length).map((item, i) => {
    const path = `$.predicate.data.keys[${i}]`;
    const k = s.object(item, path, ["id", "algorithm"]);
    const id = s.string(k.id, `${path}.id`, FLEET_KEY_ID, 128);
    const algorithm = s.string(k.algorithm, `${path}.algorithm`, void 0, 32);
    if (!FLEET_KEY_ALGORITHMS.includes(algorithm))
      s.fail(
        `${path}.algorithm`,
        `expected one of ${FLEET_KEY_ALGORITHMS.join(", ")}, found ${JSON.stringify(algorithm)}`
      );
    const name = subjects[i]?.name;
    if (name !== id)
      s.fail(`${path}.id`, `expected the name of subject ${i} (${JSON.stringify(name)}), found ${JSON.stringify(id)}`);
    return { id, algorithm };
  });
  if (keys.length !== subjects.length)
    s.fail("$.predicate.data.keys", `expected one key per subject (${subjects.length}), found ${keys.length}`);
  return { keys };
}

export {
  MAX_FLEET_KEYS_BYTES,
  parseFleetKeys,
  fleetKeyStatementParts,
  buildStatement,
  sourceFromGitHubEnv,
  serializeStatement,
  parseStatement
};
