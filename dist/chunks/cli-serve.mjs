import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  countersignBundle
} from "./shared-b43b02ca.mjs";
import {
  seedSigner
} from "./shared-1654736b.mjs";
import "./shared-d0d2b81b.mjs";
import {
  MerkleTree
} from "./shared-caff0280.mjs";
import {
  API,
  MAX_ENTRIES_PER_PAGE,
  MAX_REQUEST_BYTES
} from "./shared-3d83ab60.mjs";
import {
  loadPrivateKeyFile
} from "./shared-e0d916f7.mjs";
import "./shared-58d15130.mjs";
import {
  REVIEW_HINT,
  rotationTargetOf
} from "./shared-66df4790.mjs";
import {
  loadPolicyFile
} from "./shared-f61c8803.mjs";
import {
  usageError
} from "./shared-ed14cf75.mjs";
import "./shared-4188714e.mjs";
import "./shared-20c62e75.mjs";
import {
  trustMaterialOf
} from "./shared-868235cf.mjs";
import "./shared-d54b2595.mjs";
import {
  BUNDLE_PARSE_CODES,
  STRICT_JSON_CODES,
  carried
} from "./shared-309f26f9.mjs";
import {
  leafHash,
  parseCountersignatureStatement,
  signCheckpoint,
  verifierKey,
  verifyCheckpoint
} from "./shared-98eab3f9.mjs";
import "./shared-98309fbc.mjs";
import {
  parseBundleFile
} from "./shared-8747b24f.mjs";
import "./shared-b361fd30.mjs";
import "./shared-7eda6b41.mjs";
import {
  equalBytes
} from "./shared-a274f2b0.mjs";
import "./shared-c2330f2a.mjs";
import "./shared-80ab9d1c.mjs";
import "./shared-6bbc863f.mjs";
import "./shared-7a359f32.mjs";
import {
  isValidKeyName
} from "./shared-a1ee2870.mjs";
import "./shared-ef15c4ee.mjs";
import {
  ED25519_SPKI_PREFIX,
  parsePrivateKeyPem
} from "./shared-d96130d7.mjs";
import {
  sha256Hex
} from "./shared-197306b2.mjs";
import "./shared-ceef7eae.mjs";
import {
  parseVerbArgs
} from "./shared-0776c14a.mjs";
import "./shared-013b5e69.mjs";
import "./shared-1abd220a.mjs";
import {
  InputError,
  VerificationError
} from "./shared-92dc4500.mjs";
import "./shared-18cfce56.mjs";

// src/cli/serve.ts
import { createPublicKey } from "node:crypto";

// src/server/service.ts
import { createServer } from "node:http";

// src/server/mutex.ts
var Mutex = class {
  tail = Promise.resolve();
  waiting = 0;
  maxWaiting;
  constructor(maxWaiting = 256) {
    this.maxWaiting = maxWaiting;
  }
  get queued() {
    return this.waiting;
  }
  /** Runs `fn` alone; returns undefined without running it if the queue is full. */
  async run(fn) {
    if (this.waiting >= this.maxWaiting) return void 0;
    this.waiting += 1;
    const previous = this.tail;
    let release;
    this.tail = new Promise((resolve) => release = resolve);
    try {
      await previous;
      return { value: await fn() };
    } finally {
      this.waiting -= 1;
      release();
    }
  }
};

// src/server/refusal.ts
var Refusal = class extends Error {
  status;
  code;
  constructor(status, code, message) {
    super(message);
    this.name = "Refusal";
    this.status = status;
    this.code = code;
  }
};
var MALFORMED = /* @__PURE__ */ new Set([
  ...STRICT_JSON_CODES.filter((code) => code !== "too-large"),
  ...BUNDLE_PARSE_CODES,
  "primary-unsupported-version",
  "primary-not-dsse"
]);
var CONFLICT = /* @__PURE__ */ new Set([
  "statement-rollback",
  "statement-version-reused",
  "stream-version-signed",
  "countersignature-duplicate"
]);
var FORBIDDEN = /* @__PURE__ */ new Set(["rotation-needs-review"]);
function refusalOf(err) {
  if (err instanceof Refusal) return err;
  if (!(err instanceof VerificationError) && !(err instanceof InputError)) return void 0;
  const status = err.code === "too-large" ? 413 : MALFORMED.has(err.code) ? 400 : CONFLICT.has(err.code) ? 409 : FORBIDDEN.has(err.code) ? 403 : err instanceof VerificationError ? 422 : 400;
  return new Refusal(status, carried(err.code), oneLine(err.message));
}
function oneLine(message, max = 1e3) {
  const line = message.replace(/[\r\n\t]+/g, " ").replace(new RegExp("\\p{Cc}", "gu"), "");
  return line.length > max ? `${line.slice(0, max)}\u2026` : line;
}

// src/server/countersigner.ts
var Countersigner = class {
  policy;
  signer;
  trust;
  log;
  now;
  lock;
  /** The last version countersigned per stream (mirrors the store; updated after each commit). */
  latest;
  /** The organisation of the service's key, when rotations that keep it in control are countersigned (unsafe opt-in); else undefined. */
  autoRotationsKeeping;
  constructor(options) {
    this.policy = options.policy;
    const own = options.policy.countersigners.find((k) => k.keyId === options.signer.keyId);
    this.autoRotationsKeeping = options.unsafeAutoCountersignRotationsKeepingB && own ? own.organisation : void 0;
    this.signer = options.signer;
    this.trust = options.trust;
    this.log = options.log;
    this.now = options.now ?? (() => /* @__PURE__ */ new Date());
    this.lock = new Mutex(options.maxQueued ?? 256);
    this.latest = this.log.store.latestPerStream();
  }
  get queued() {
    return this.lock.queued;
  }
  async countersign(body) {
    const result = await this.lock.run(() => this.countersignAlone(body));
    if (!result) throw new Refusal(503, "overloaded", "too many requests are waiting; retry later");
    return result.value;
  }
  async countersignAlone(body) {
    await new Promise((resolve) => setImmediate(resolve));
    const started = performance.now();
    const primary = this.primaryOf(body);
    const rotation = primary && this.rotationTarget(primary);
    if (rotation) this.screenRotation(rotation);
    const replay = primary && this.findReplay(primary);
    if (replay) {
      const response = { countersignature: this.withProof(replay), replayed: true };
      return {
        response,
        stream: replay.stream,
        version: replay.version,
        logIndex: replay.index,
        signingMs: performance.now() - started
      };
    }
    const now = this.now();
    const result = await countersignBundle(body, {
      policy: this.policy,
      signer: this.signer,
      trust: this.trust,
      state: this.state(),
      now,
      what: "request body",
      // The opt-in's condition, checked again on the verified document; without it a rotation is refused.
      ...this.autoRotationsKeeping !== void 0 ? { approveRotation: { keepingOrganisation: this.autoRotationsKeeping } } : {}
    });
    const { stream, version } = result;
    const last = this.latest.get(stream);
    if (last && version <= last.version) {
      throw new Refusal(
        409,
        version < last.version ? "statement-rollback" : "stream-version-signed",
        `version ${version} of ${stream} is not newer than version ${last.version}, which this service already countersigned (log index ${last.index}) for another primary signature`
      );
    }
    const countersignature = result.bundle.countersignatures.at(-1);
    if (!countersignature) throw new Error("countersignBundle returned a bundle without the new countersignature");
    const statementBytes = new Uint8Array(Buffer.from(countersignature.statement, "base64"));
    const statement = parseCountersignatureStatement(statementBytes, "new countersignature");
    const index = await this.log.append({
      statement: statementBytes,
      signature: new Uint8Array(Buffer.from(countersignature.signature, "base64")),
      keyId: countersignature.keyId,
      stream,
      version,
      payloadDigest: statement.payloadDigest.sha256,
      primarySignatureDigest: statement.primarySignatureDigest.sha256,
      certificate: certificateOf(result.bundle.primary, statement.certificateDigest.sha256),
      identity: result.report.primary?.identity ?? "",
      signedAt: statement.signedAt
    });
    this.latest.set(stream, { version, payloadDigest: statement.payloadDigest.sha256, index });
    const entry = {
      index,
      keyId: countersignature.keyId,
      statement: statementBytes,
      signature: Buffer.from(countersignature.signature, "base64")
    };
    return {
      response: { countersignature: this.withProof(entry), replayed: false },
      stream,
      version,
      logIndex: index,
      signingMs: performance.now() - started
    };
  }
  /**
   * Refuses an authority rotation unless the unsafe opt-in is on, from the statement alone (its
   * version and the carried document's digest; the new policy is not parsed). Under the opt-in,
   * whether the rotation keeps B in control is decided on the verified document only
   * (countersignBundle's approval, after the Sigstore verification): reading the new policy is
   * work an unsigned request must not cause (issue 13 F2).
   */
  screenRotation(rotation) {
    const target = `an authority rotation to policy version ${rotation.version} (sha256:${rotation.digest})`;
    if (this.autoRotationsKeeping === void 0) {
      throw new Refusal(403, "rotation-needs-review", `this service does not countersign ${target}: ${REVIEW_HINT}`);
    }
  }
  /** The request's primary, or undefined when the body is not a bundle (countersignBundle then reports it with its proper code). */
  primaryOf(body) {
    try {
      return parseBundleFile(body, "request body", MAX_REQUEST_BYTES).bundle.primary;
    } catch {
      return void 0;
    }
  }
  /** What the request installs if it is an authority rotation (its statement's kind, version and subject digest; nothing verified, the new policy not parsed). */
  rotationTarget(primary) {
    try {
      return rotationTargetOf(primary, this.policy, "request body");
    } catch {
      return void 0;
    }
  }
  /** The entry already logged for this exact primary (payload and signature), if any. */
  findReplay(primary) {
    const envelope = primary.dsseEnvelope;
    const sig = envelope?.signatures?.[0]?.sig;
    if (typeof envelope?.payload !== "string" || typeof sig !== "string") return void 0;
    const payloadDigest = sha256Hex(Buffer.from(envelope.payload, "base64"));
    const entry = this.log.store.findByPrimary(payloadDigest, sha256Hex(Buffer.from(sig, "base64")));
    return entry && entry.keyId === this.signer.keyId ? entry : void 0;
  }
  /** Client state that makes the pipeline refuse an older version than the last one signed. */
  state() {
    const streams = /* @__PURE__ */ Object.create(null);
    for (const [stream, last] of this.latest)
      streams[stream] = { version: last.version, statementDigest: last.payloadDigest };
    return { streams };
  }
  withProof(entry) {
    const treeSize = this.log.size;
    const logProof = {
      logIndex: entry.index,
      treeSize,
      hashes: this.log.inclusionProof(entry.index, treeSize).map((h) => Buffer.from(h).toString("base64")),
      checkpoint: this.log.checkpoint
    };
    return {
      keyId: entry.keyId,
      statement: Buffer.from(entry.statement).toString("base64"),
      signature: Buffer.from(entry.signature).toString("base64"),
      logProof
    };
  }
};
function certificateOf(primary, digest) {
  const vm = primary.verificationMaterial;
  const candidates = [
    vm?.certificate?.rawBytes,
    ...(vm?.x509CertificateChain?.certificates ?? []).map((c) => c.rawBytes)
  ];
  for (const c of candidates) {
    if (typeof c !== "string") continue;
    const der = new Uint8Array(Buffer.from(c, "base64"));
    if (sha256Hex(der) === digest) return der;
  }
  return new Uint8Array();
}

// src/server/metrics.ts
var LATENCY_BUCKETS = [5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
var Metrics = class {
  requests = /* @__PURE__ */ new Map();
  refusals = /* @__PURE__ */ new Map();
  buckets = LATENCY_BUCKETS.map(() => 0);
  latencyCount = 0;
  latencySum = 0;
  request(endpoint, outcome) {
    const key = `endpoint="${endpoint}",outcome="${outcome}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }
  refusal(code) {
    const key = `code="${code.replace(/[^a-z0-9-]/g, "_")}"`;
    this.refusals.set(key, (this.refusals.get(key) ?? 0) + 1);
  }
  signingLatency(seconds) {
    this.latencyCount += 1;
    this.latencySum += seconds;
    LATENCY_BUCKETS.forEach((b, i) => {
      if (seconds <= b) this.buckets[i] = (this.buckets[i] ?? 0) + 1;
    });
  }
  render(gauges) {
    const lines = [
      "# HELP countersign_requests_total HTTP requests by endpoint and outcome (countersigned, replayed, refused, error, ok).",
      "# TYPE countersign_requests_total counter",
      ...[...this.requests].map(([k, v]) => `countersign_requests_total{${k}} ${v}`),
      "# HELP countersign_refusals_total Countersigning requests refused, by error code.",
      "# TYPE countersign_refusals_total counter",
      ...[...this.refusals].map(([k, v]) => `countersign_refusals_total{${k}} ${v}`),
      "# HELP countersign_log_size Entries in the transparency log (its tree size).",
      "# TYPE countersign_log_size gauge",
      `countersign_log_size ${gauges.logSize}`,
      "# HELP countersign_queued_requests Countersigning requests waiting for the append lock.",
      "# TYPE countersign_queued_requests gauge",
      `countersign_queued_requests ${gauges.queued}`,
      "# HELP countersign_signing_seconds Time to verify, countersign and durably log one request.",
      "# TYPE countersign_signing_seconds histogram",
      ...LATENCY_BUCKETS.map((b, i) => `countersign_signing_seconds_bucket{le="${b}"} ${this.buckets[i]}`),
      `countersign_signing_seconds_bucket{le="+Inf"} ${this.latencyCount}`,
      `countersign_signing_seconds_sum ${this.latencySum}`,
      `countersign_signing_seconds_count ${this.latencyCount}`
    ];
    return `${lines.join("\n")}
`;
  }
};

// src/server/routes.ts
var json = (status, value, log) => ({
  status,
  contentType: "application/json",
  body: `${JSON.stringify(value)}
`,
  ...log ? { log } : {}
});
function keyDescription(log, logPublicKeyPem, countersignerKeyId, countersignerPublicKeyPem) {
  return {
    origin: log.origin,
    verifierKey: verifierKey(log.origin, log.signer.rawPublicKey),
    logPublicKey: logPublicKeyPem,
    countersignerKeyId,
    countersignerPublicKey: countersignerPublicKeyPem
  };
}
async function route(req, url, ctx) {
  const { log } = ctx;
  const path = url.pathname;
  const method = req.method ?? "GET";
  const only = (m) => {
    if (method !== m) throw new Refusal(405, "method-not-allowed", `${path} accepts ${m} only, found ${method}`);
  };
  switch (path) {
    case API.countersign: {
      only("POST");
      const [contentType = ""] = (req.headers["content-type"] ?? "").split(";");
      const type = contentType.trim().toLowerCase();
      if (type !== "application/json")
        throw new Refusal(
          415,
          "unsupported-media-type",
          `expected Content-Type application/json, found ${JSON.stringify(type || "none")}`
        );
      const body = await readBody(req, MAX_REQUEST_BYTES);
      const outcome = await ctx.countersigner.countersign(body);
      ctx.metrics.signingLatency(outcome.signingMs / 1e3);
      return json(200, outcome.response, {
        outcome: outcome.response.replayed ? "replayed" : "countersigned",
        stream: outcome.stream,
        version: outcome.version,
        logIndex: outcome.logIndex,
        bodySha256: sha256Hex(body)
      });
    }
    case API.checkpoint:
      only("GET");
      return { status: 200, contentType: "text/plain; charset=utf-8", body: log.checkpoint };
    case API.entries: {
      only("GET");
      const start = integerParam(url, "start");
      const end = Math.min(
        integerParam(url, "end", start + MAX_ENTRIES_PER_PAGE),
        start + MAX_ENTRIES_PER_PAGE,
        log.size
      );
      if (start > log.size) throw new Refusal(400, "bad-range", `start ${start} is beyond the log size ${log.size}`);
      const entries = end <= start ? [] : log.store.entries(start, end).map((e) => ({
        index: e.index,
        statement: b64(e.statement),
        signature: b64(e.signature),
        certificate: b64(e.certificate)
      }));
      return json(200, { entries });
    }
    case API.inclusion: {
      only("GET");
      const index = integerParam(url, "index");
      const size = integerParam(url, "size", log.size);
      if (size > log.size || index >= size)
        throw new Refusal(400, "bad-range", `expected index < size <= ${log.size}, found index ${index}, size ${size}`);
      return json(200, { index, treeSize: size, hashes: log.inclusionProof(index, size).map(b64) });
    }
    case API.consistency: {
      only("GET");
      const from = integerParam(url, "from");
      const to = integerParam(url, "to", log.size);
      if (to > log.size || from > to)
        throw new Refusal(400, "bad-range", `expected from <= to <= ${log.size}, found from ${from}, to ${to}`);
      return json(200, { from, to, hashes: log.consistencyProof(from, to).map(b64) });
    }
    case API.key:
      only("GET");
      return json(200, ctx.key);
    case API.health:
      only("GET");
      return json(200, { status: "ok", origin: log.origin, treeSize: log.size });
    case API.metrics:
      only("GET");
      return {
        status: 200,
        contentType: "text/plain; version=0.0.4",
        body: ctx.metrics.render({ logSize: log.size, queued: ctx.countersigner.queued })
      };
    default:
      throw new Refusal(404, "not-found", `no such endpoint ${path.slice(0, 100)}`);
  }
}
var DRAIN_FACTOR = 8;
function b64(bytes) {
  return Buffer.from(bytes).toString("base64");
}
function integerParam(url, name, fallback) {
  const value = url.searchParams.get(name);
  if (value === null) {
    if (fallback !== void 0) return fallback;
    throw new Refusal(400, "bad-request", `missing query parameter ${name}`);
  }
  if (!/^(0|[1-9][0-9]{0,15})$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new Refusal(
      400,
      "bad-request",
      `query parameter ${name}: expected a non-negative integer, found ${JSON.stringify(value.slice(0, 20))}`
    );
  return Number(value);
}
async function readBody(req, max) {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (Number.isFinite(declared) && declared > max * DRAIN_FACTOR)
    throw new Refusal(413, "too-large", `request body of ${declared} bytes is over the limit of ${max} bytes`);
  const chunks = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += chunk.length;
      if (size > max * DRAIN_FACTOR) break;
      if (size <= max) chunks.push(chunk);
    }
  } catch {
    throw new Refusal(400, "bad-request", "the request body was cut off before its end");
  }
  if (size > max) throw new Refusal(413, "too-large", `request body is over the limit of ${max} bytes`);
  return new Uint8Array(Buffer.concat(chunks));
}

// src/server/store.ts
import { DatabaseSync } from "node:sqlite";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
var DATABASE_FILE = "countersign-log.sqlite";
var SCHEMA = `
CREATE TABLE IF NOT EXISTS entries (
  idx INTEGER PRIMARY KEY,
  leaf_hash BLOB NOT NULL,
  statement BLOB NOT NULL,
  signature BLOB NOT NULL,
  key_id TEXT NOT NULL,
  stream TEXT NOT NULL,
  version INTEGER NOT NULL,
  payload_digest TEXT NOT NULL,
  primary_signature_digest TEXT NOT NULL,
  certificate BLOB NOT NULL,
  identity TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  UNIQUE (stream, version)
);
CREATE INDEX IF NOT EXISTS entries_by_primary ON entries (payload_digest, primary_signature_digest);
CREATE TABLE IF NOT EXISTS checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), size INTEGER NOT NULL, note TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`;
var LogStore = class _LogStore {
  path;
  db;
  insertEntry;
  upsertCheckpoint;
  selectRange;
  selectByPrimary;
  constructor(path) {
    this.path = path;
    this.db = new DatabaseSync(path);
    this.db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
    this.db.exec(SCHEMA);
    this.insertEntry = this.db.prepare(
      `INSERT INTO entries (idx, leaf_hash, statement, signature, key_id, stream, version, payload_digest, primary_signature_digest, certificate, identity, signed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    );
    this.upsertCheckpoint = this.db.prepare(
      "INSERT INTO checkpoint (id, size, note) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET size = excluded.size, note = excluded.note"
    );
    this.selectRange = this.db.prepare("SELECT * FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx");
    this.selectByPrimary = this.db.prepare(
      "SELECT * FROM entries WHERE payload_digest = ? AND primary_signature_digest = ?"
    );
  }
  static async open(dataDir) {
    await mkdir(dataDir, { recursive: true, mode: 448 });
    return new _LogStore(join(dataDir, DATABASE_FILE));
  }
  close() {
    if (this.db.isOpen) this.db.close();
  }
  meta(name) {
    const row = this.db.prepare("SELECT value FROM meta WHERE name = ?").get(name);
    return row ? String(row.value) : void 0;
  }
  setMeta(name, value) {
    this.db.prepare("INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value").run(name, value);
  }
  /** Every leaf as stored, in index order (recovery at start). */
  *allEntries(batch = 1e3) {
    for (let start = 0; ; start += batch) {
      const rows = this.entries(start, start + batch);
      yield* rows;
      if (rows.length < batch) return;
    }
  }
  entries(start, end) {
    return this.selectRange.all(start, end).map(toEntry);
  }
  findByPrimary(payloadDigest, primarySignatureDigest) {
    const row = this.selectByPrimary.get(payloadDigest, primarySignatureDigest);
    return row ? toEntry(row) : void 0;
  }
  /** The last version countersigned per stream, with its payload digest. */
  latestPerStream() {
    const rows = this.db.prepare(
      "SELECT e.stream, e.version, e.payload_digest, e.idx FROM entries e JOIN (SELECT stream, MAX(version) AS v FROM entries GROUP BY stream) m ON e.stream = m.stream AND e.version = m.v"
    ).all();
    return new Map(
      rows.map((r) => [
        String(r.stream),
        { version: Number(r.version), payloadDigest: String(r.payload_digest), index: Number(r.idx) }
      ])
    );
  }
  checkpoint() {
    const row = this.db.prepare("SELECT size, note FROM checkpoint WHERE id = 1").get();
    return row ? { size: Number(row.size), note: String(row.note) } : void 0;
  }
  saveCheckpoint(size, note) {
    this.upsertCheckpoint.run(size, note);
  }
  /** Appends one entry and the checkpoint that covers it in one durable transaction. */
  append(entry, checkpointNote) {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      this.insertEntry.run(
        entry.index,
        entry.leafHash,
        entry.statement,
        entry.signature,
        entry.keyId,
        entry.stream,
        entry.version,
        entry.payloadDigest,
        entry.primarySignatureDigest,
        entry.certificate,
        entry.identity,
        entry.signedAt
      );
      this.upsertCheckpoint.run(entry.index + 1, checkpointNote);
      this.db.exec("COMMIT");
    } catch (err) {
      if (this.db.isTransaction) this.db.exec("ROLLBACK");
      throw err;
    }
  }
};
function toEntry(r) {
  const bytes = (v) => new Uint8Array(v);
  return {
    index: Number(r.idx),
    leafHash: bytes(r.leaf_hash),
    statement: bytes(r.statement),
    signature: bytes(r.signature),
    keyId: String(r.key_id),
    stream: String(r.stream),
    version: Number(r.version),
    payloadDigest: String(r.payload_digest),
    primarySignatureDigest: String(r.primary_signature_digest),
    certificate: bytes(r.certificate),
    identity: String(r.identity),
    signedAt: String(r.signed_at)
  };
}

// src/server/transparency-log.ts
var LogRecoveryError = class extends InputError {
  constructor(message) {
    super("log-storage-inconsistent", message);
    this.name = "LogRecoveryError";
  }
};
var TransparencyLog = class _TransparencyLog {
  store;
  signer;
  tree = new MerkleTree();
  note = "";
  constructor(store, signer) {
    this.store = store;
    this.signer = signer;
  }
  get origin() {
    return this.signer.name;
  }
  get size() {
    return this.tree.size;
  }
  /** The latest signed checkpoint (a signed note). */
  get checkpoint() {
    return this.note;
  }
  static async open(store, signer) {
    const log = new _TransparencyLog(store, signer);
    await log.recover();
    return log;
  }
  async recover() {
    const where = this.store.path;
    const vkey = verifierKey(this.signer.name, this.signer.rawPublicKey);
    const stored = this.store.meta("verifier-key");
    if (stored !== void 0 && stored !== vkey) {
      throw new LogRecoveryError(
        `${where}: this log was created with the log key ${stored}, not ${vkey}; a log keeps one origin and key for life (start a new --data directory to rotate)`
      );
    }
    for (const entry of this.store.allEntries()) {
      if (entry.index !== this.tree.size)
        throw new LogRecoveryError(
          `${where}: entry ${this.tree.size} is missing (found ${entry.index} next): the log storage was damaged or edited`
        );
      if (!equalBytes(leafHash(entry.statement), entry.leafHash)) {
        throw new LogRecoveryError(
          `${where}: entry ${entry.index}'s statement does not match its leaf hash: the log storage was edited`
        );
      }
      this.tree.append(entry.leafHash);
    }
    const saved = this.store.checkpoint();
    if (saved) {
      let root;
      try {
        const cp = verifyCheckpoint(
          saved.note,
          { name: this.signer.name, rawPublicKey: this.signer.rawPublicKey },
          `${where}: stored checkpoint`
        );
        if (cp.size !== saved.size)
          throw new LogRecoveryError(
            `${where}: stored checkpoint size ${cp.size} differs from its record ${saved.size}`
          );
        root = cp.root;
      } catch (err) {
        throw new LogRecoveryError(err instanceof Error ? err.message : String(err));
      }
      if (saved.size > this.tree.size)
        throw new LogRecoveryError(
          `${where}: the stored checkpoint covers ${saved.size} entries but only ${this.tree.size} are stored: entries were lost`
        );
      if (!equalBytes(this.tree.root(saved.size), root))
        throw new LogRecoveryError(
          `${where}: the stored entries do not hash to the stored checkpoint's root at size ${saved.size}: the log storage was edited`
        );
      this.note = saved.note;
    }
    if (!saved || saved.size !== this.tree.size) {
      this.note = await signCheckpoint({ size: this.tree.size, root: this.tree.root() }, this.signer);
      this.store.saveCheckpoint(this.tree.size, this.note);
    }
    if (stored === void 0) this.store.setMeta("verifier-key", vkey);
  }
  /**
   * Appends an entry and makes it durable with its new signed checkpoint, in one commit.
   * Callers serialise appends (one at a time). Returns the entry's index.
   */
  async append(entry) {
    const leaf = leafHash(entry.statement);
    const index = this.tree.append(leaf);
    try {
      const note = await signCheckpoint({ size: this.tree.size, root: this.tree.root() }, this.signer);
      this.store.append({ ...entry, index, leafHash: leaf }, note);
      this.note = note;
      return index;
    } catch (err) {
      this.tree.removeLast();
      throw err;
    }
  }
  inclusionProof(index, size = this.size) {
    return this.tree.inclusionProof(index, size);
  }
  consistencyProof(from, to = this.size) {
    return this.tree.consistencyProof(from, to);
  }
};

// src/server/service.ts
async function startService(options) {
  const pinned = options.policy.countersigners.find((k) => k.keyId === options.signer.keyId);
  if (!pinned) {
    throw new InputError(
      "countersigner-not-pinned",
      `the service key ${options.signer.keyId} is not a countersigner in the policy (${options.policy.countersigners.map((k) => k.name).join(", ")}): its countersignatures would never count`
    );
  }
  const store = await LogStore.open(options.dataDir);
  let server;
  try {
    const log = await TransparencyLog.open(store, options.logSigner);
    const trust = options.trust ?? trustMaterialOf(options.policy);
    const countersigner = new Countersigner({
      policy: options.policy,
      signer: options.signer,
      trust,
      log,
      ...options.now ? { now: options.now } : {},
      ...options.unsafeAutoCountersignRotationsKeepingB ? { unsafeAutoCountersignRotationsKeepingB: true } : {}
    });
    const ctx = {
      countersigner,
      log,
      metrics: new Metrics(),
      key: keyDescription(log, options.logPublicKeyPem, pinned.keyId, pinned.publicKey)
    };
    const requestLog = options.requestLog ?? (() => {
    });
    server = createServer((req, res) => {
      handle(req, res, ctx, requestLog).catch(() => {
        res.destroy();
      });
    });
    server.requestTimeout = 3e4;
    server.headersTimeout = 1e4;
    server.keepAliveTimeout = 5e3;
    const s = server;
    await new Promise((resolve, reject) => {
      s.once("error", (err) => {
        reject(
          new InputError(
            "listen-failed",
            `cannot listen on ${options.host ?? "127.0.0.1"}:${options.port ?? 8080}: ${err.code ?? err.message}`
          )
        );
      });
      s.listen(options.port ?? 8080, options.host ?? "127.0.0.1", () => {
        resolve();
      });
    });
    const address = s.address();
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
    return {
      url: `http://${host}:${address.port}`,
      origin: log.origin,
      log,
      close: async () => {
        await new Promise((resolve) => {
          s.close(() => {
            resolve();
          });
          s.closeIdleConnections();
        });
        store.close();
      }
    };
  } catch (err) {
    server?.close();
    store.close();
    throw err;
  }
}
function requestUrl(target) {
  if (target === void 0 || !target.startsWith("/") || target.startsWith("//")) return void 0;
  try {
    return new URL(target, "http://service.invalid");
  } catch {
    return void 0;
  }
}
async function handle(req, res, ctx, requestLog) {
  const started = performance.now();
  const url = requestUrl(req.url);
  const path = url?.pathname ?? "(unreadable request target)";
  const endpoint = Object.values(API).includes(path) ? path : "other";
  let reply;
  let code;
  try {
    if (!url) throw new Refusal(400, "bad-request", 'the request target must be a path ("/..."), as in origin-form');
    if (url.pathname !== (req.url ?? "").split("?")[0]) throw new Refusal(404, "not-found", "no such path");
    reply = await route(req, url, ctx);
  } catch (err) {
    const refusal = refusalOf(err);
    if (refusal) {
      code = refusal.code;
      reply = {
        status: refusal.status,
        contentType: "application/json",
        body: `${JSON.stringify({ code: refusal.code, message: refusal.message })}
`
      };
    } else {
      code = "internal-error";
      reply = {
        status: 500,
        contentType: "application/json",
        body: `${JSON.stringify({ code, message: "internal error in the countersigning service" })}
`
      };
      requestLog({
        time: (/* @__PURE__ */ new Date()).toISOString(),
        event: "fault",
        path,
        error: oneLine(err instanceof Error ? `${err.name}: ${err.message}` : String(err))
      });
    }
  }
  const logged = reply.log?.outcome;
  const outcome = reply.status < 400 ? typeof logged === "string" ? logged : "ok" : reply.status < 500 ? "refused" : "error";
  ctx.metrics.request(endpoint, outcome);
  if (endpoint === API.countersign && code && reply.status < 500) ctx.metrics.refusal(code);
  const headers = {
    "content-type": reply.contentType,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff"
  };
  if (reply.status === 413) headers.connection = "close";
  if (reply.status === 503) headers["retry-after"] = "1";
  try {
    res.writeHead(reply.status, headers);
    res.end(reply.body);
  } catch {
  }
  requestLog({
    time: (/* @__PURE__ */ new Date()).toISOString(),
    method: req.method,
    path: path.slice(0, 200),
    status: reply.status,
    ...code ? { code } : {},
    ms: Math.round((performance.now() - started) * 10) / 10,
    remote: req.socket.remoteAddress,
    ...reply.log ?? {}
  });
}

// src/cli/serve.ts
var USAGE = `usage: countersign serve --key FILE --policy FILE --data DIR [--listen HOST:PORT] [--log-key FILE] [--origin NAME]
                         [--unsafe-auto-countersign-rotations-keeping-b]

Organisation B's countersigning service: POST /v1/countersign verifies a primary Sigstore
bundle under the policy, countersigns it, appends the countersignature to a transparency log
(durably) and returns it with an inclusion proof and a signed checkpoint. Plain HTTP: put a
TLS reverse proxy in front of it (docs/service.md).

  --key FILE        B's Ed25519 countersigning key (PKCS#8 PEM, mode 0600); or set
                    COUNTERSIGN_KEY to the PEM text instead
  --policy FILE     the policy B countersigns under; the key must be one of its countersigners
  --data DIR        the log's storage (SQLite, created if missing); back it up
  --listen H:P      address to listen on (default 127.0.0.1:8080; port 0 picks a free one)
  --log-key FILE    the key that signs the log's checkpoints (PKCS#8 PEM, mode 0600); or
                    COUNTERSIGN_LOG_KEY; default: the countersigning key signs them too
  --origin NAME     the log's origin (checkpoint first line and key name; no spaces or '+');
                    default countersign/<first 16 hex digits of the log key id>
  --unsafe-auto-countersign-rotations-keeping-b
                    countersign an authority rotation without a person, but only one whose
                    new policy keeps B (the key's organisation) exactly as much in control:
                    the same keys of every organisation (B's may only get wider validity
                    windows), the same log requirements, threshold and fallback set

Authority rotations change who must sign from then on. Without the unsafe flag every one is
refused (403 rotation-needs-review): B reviews it with 'countersign policy diff CURRENT NEW'
and countersigns it offline with 'countersign countersign --key ... --approve-rotation ...'.
Environment variables holding keys are removed from the process environment once read.
Exit codes: 0 stopped by a signal, 2 could not start.`;
async function run(argv) {
  const { values, positionals } = parseVerbArgs("serve", argv, {
    key: { type: "string" },
    policy: { type: "string" },
    data: { type: "string" },
    listen: { type: "string" },
    "log-key": { type: "string" },
    origin: { type: "string" },
    "unsafe-auto-countersign-rotations-keeping-b": { type: "boolean" },
    help: { type: "boolean", short: "h" }
  });
  if (values.help) return console.log(USAGE), 0;
  if (positionals.length > 0) return usageError("serve", `unexpected argument ${JSON.stringify(positionals[0])}`);
  if (!values.policy) return usageError("serve", "missing --policy FILE");
  if (!values.data) return usageError("serve", "missing --data DIR");
  const { host, port } = parseListen(values.listen ?? "127.0.0.1:8080");
  const key = await loadKey(values.key, "COUNTERSIGN_KEY", "--key");
  if (!key) return usageError("serve", "missing --key FILE (or COUNTERSIGN_KEY)");
  const logKey = await loadKey(values["log-key"], "COUNTERSIGN_LOG_KEY", "--log-key") ?? key;
  const origin = values.origin ?? `countersign/${logKey.keyId.slice("sha256:".length, "sha256:".length + 16)}`;
  if (!isValidKeyName(origin))
    throw new InputError(
      "bad-origin",
      `--origin: expected a name without spaces or '+' (e.g. countersign.example.org/b-release), found ${JSON.stringify(origin)}`
    );
  const policy = await loadPolicyFile(values.policy);
  const logPublicKeyPem = spkiPem(logKey.publicKey);
  const service = await startService({
    policy,
    signer: seedSigner(key.seed, key.keyId),
    logSigner: { name: origin, rawPublicKey: logKey.publicKey, signer: seedSigner(logKey.seed, logKey.keyId) },
    logPublicKeyPem,
    dataDir: values.data,
    host,
    port,
    requestLog: (line) => process.stdout.write(`${JSON.stringify(line)}
`),
    ...values["unsafe-auto-countersign-rotations-keeping-b"] ? { unsafeAutoCountersignRotationsKeepingB: true } : {}
  });
  if (values["unsafe-auto-countersign-rotations-keeping-b"]) {
    console.error(
      "countersign serve: UNSAFE: authority rotations that keep this key's organisation, keys, log requirement, threshold and fallback set as they are will be countersigned without review (docs/service.md)"
    );
  }
  if (!["127.0.0.1", "::1", "localhost"].includes(host)) {
    console.error(
      `countersign serve: listening on ${host}, not loopback: serve it through a TLS reverse proxy only (docs/service.md)`
    );
  }
  process.stdout.write(
    `${JSON.stringify({
      time: (/* @__PURE__ */ new Date()).toISOString(),
      event: "listening",
      url: service.url,
      origin: service.origin,
      treeSize: service.log.size,
      keyId: key.keyId,
      logKeyId: logKey.keyId,
      verifierKey: verifierKey(origin, logKey.publicKey),
      rotations: values["unsafe-auto-countersign-rotations-keeping-b"] ? "unsafe-auto-countersign-keeping-b" : "refused"
    })}
`
  );
  return new Promise((resolve) => {
    const stop = (signal) => {
      process.stdout.write(`${JSON.stringify({ time: (/* @__PURE__ */ new Date()).toISOString(), event: "stopping", signal })}
`);
      service.close().then(
        () => {
          resolve(0);
        },
        () => {
          resolve(2);
        }
      );
    };
    process.once("SIGTERM", () => {
      stop("SIGTERM");
    });
    process.once("SIGINT", () => {
      stop("SIGINT");
    });
  });
}
function parseListen(value) {
  const [, host, port] = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(value) ?? [];
  if (host === void 0 || port === void 0 || Number(port) > 65535)
    throw new InputError(
      "bad-listen",
      `--listen: expected HOST:PORT (e.g. 127.0.0.1:8080), found ${JSON.stringify(value)}`
    );
  return { host: host.replace(/^\[|\]$/g, ""), port: Number(port) };
}
async function loadKey(path, envName, flag) {
  if (path !== void 0) return loadPrivateKeyFile(path);
  const pem = process.env[envName];
  if (pem === void 0 || pem === "") return void 0;
  Reflect.deleteProperty(process.env, envName);
  return parsePrivateKeyPem(pem, `${envName} (for ${flag})`);
}
function spkiPem(rawPublicKey) {
  const der = Buffer.concat([ED25519_SPKI_PREFIX, rawPublicKey]);
  return createPublicKey({ key: der, format: "der", type: "spki" }).export({ format: "pem", type: "spki" }).toString();
}
export {
  USAGE,
  run
};
