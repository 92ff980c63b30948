import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  API,
  MAX_ENTRIES_PER_PAGE
} from "./shared-3d83ab60.mjs";
import {
  ServiceRefusedError,
  endpoint,
  serviceBaseUrl,
  serviceRequest
} from "./shared-084ecdca.mjs";
import "./shared-309f26f9.mjs";
import {
  parseCountersignatureStatement,
  preAuthEncoding
} from "./shared-98eab3f9.mjs";
import {
  emptyRoot,
  leafHash,
  parseVerifierKey,
  splitPoint,
  verifyCheckpoint
} from "./shared-c6dbb844.mjs";
import "./shared-500f2f67.mjs";
import "./shared-5bacc2e4.mjs";
import {
  writeFileAtomic
} from "./shared-2abda158.mjs";
import {
  COUNTERSIGNATURE_PAYLOAD_TYPE
} from "./shared-d5665511.mjs";
import {
  readInputFile
} from "./shared-434ebaa6.mjs";
import "./shared-31413875.mjs";
import {
  isValidKeyName
} from "./shared-a58ce1e9.mjs";
import {
  usageError
} from "./shared-d30e65f7.mjs";
import {
  parseVerbArgs
} from "./shared-25dfcc74.mjs";
import {
  readCappedFile
} from "./shared-e09a80f9.mjs";
import {
  keyIdOf,
  parsePublicKeyPem
} from "./shared-5310986a.mjs";
import {
  verifyEd25519Strict
} from "./shared-2b0dfa9f.mjs";
import {
  sha256Hex
} from "./shared-f3698323.mjs";
import {
  equalBytes
} from "./shared-84c2b3d1.mjs";
import {
  InputError,
  VerificationError
} from "./shared-c0077619.mjs";
import "./shared-2bfe6f66.mjs";

// src/lib/flows/audit/audit.ts
import { X509Certificate } from "node:crypto";

// src/lib/flows/audit/tiles.ts
import { createHash } from "node:crypto";
var TILE_WIDTH = 256;
var HASH_BYTES = 32;
function tileUrlPath(level, index, width = TILE_WIDTH) {
  let n = String(index % 1e3).padStart(3, "0");
  for (let rest = Math.floor(index / 1e3); rest > 0; rest = Math.floor(rest / 1e3))
    n = `x${String(rest % 1e3).padStart(3, "0")}/${n}`;
  return `/tile/${String(level)}/${n}${width === TILE_WIDTH ? "" : `.p/${String(width)}`}`;
}
async function readTiledLog(fetchTile, current, previous, where) {
  const size = current.size;
  const start = previous?.size ?? 0;
  const missing = (why) => {
    throw new VerificationError("log-entries-missing", `${where}: ${why}`);
  };
  const tiles = /* @__PURE__ */ new Map();
  const tile = (level, index) => {
    const key = `${String(level)}/${index}`;
    let got = tiles.get(key);
    if (!got) {
      const count = Math.floor(size / TILE_WIDTH ** (level === "entries" ? 0 : level));
      const width = Math.min(TILE_WIDTH, count - index * TILE_WIDTH);
      if (width <= 0) return Promise.reject(new Error(`internal: tile ${key} is beyond size ${size}`));
      got = (async () => {
        const path = tileUrlPath(level, index, width);
        let body = await fetchTile(path);
        if (body === void 0 && width < TILE_WIDTH) {
          const full = await fetchTile(tileUrlPath(level, index));
          if (full && level !== "entries") body = full.subarray(0, width * HASH_BYTES);
          if (full && level === "entries") body = bundlePrefix(full, width);
        }
        if (body === void 0) return missing(`${path} is not served (HTTP 404)`);
        if (level !== "entries" && body.length !== width * HASH_BYTES)
          missing(`${path}: expected ${width * HASH_BYTES} bytes (${width} hashes), found ${body.length}`);
        return body;
      })();
      tiles.set(key, got);
    }
    return got;
  };
  const entries = [];
  for (let n = Math.floor(start / TILE_WIDTH); n * TILE_WIDTH < size; n++) {
    const width = Math.min(TILE_WIDTH, size - n * TILE_WIDTH);
    const bundle = parseBundle(await tile("entries", n), width, `${where}${tileUrlPath("entries", n, width)}`);
    for (let i = Math.max(start - n * TILE_WIDTH, 0); i < width; i++) entries.push(bundle[i] ?? new Uint8Array());
  }
  const leaves = entries.map(leafHash);
  const hash = (l, r) => new Uint8Array(createHash("sha256").update(Uint8Array.of(1)).update(l).update(r).digest());
  const nodes = /* @__PURE__ */ new Map();
  const node = (h, i) => {
    const key = `${h}/${i}`;
    let got = nodes.get(key);
    if (!got) {
      got = (async () => {
        const lo = i * 2 ** h;
        if (h === 0 && lo >= start) return leaves[lo - start] ?? new Uint8Array();
        if (h % 8 === 0 && lo + 2 ** h <= start) {
          const t = await tile(h / 8, Math.floor(i / TILE_WIDTH));
          const at = i % TILE_WIDTH * HASH_BYTES;
          return t.subarray(at, at + HASH_BYTES);
        }
        return hash(await node(h - 1, 2 * i), await node(h - 1, 2 * i + 1));
      })();
      nodes.set(key, got);
    }
    return got;
  };
  const mth = async (lo, hi) => {
    const n = hi - lo;
    if (n === 0) return emptyRoot();
    const h = Math.log2(n);
    if (Number.isInteger(h) && lo % n === 0) return node(h, lo / n);
    const k = splitPoint(n);
    return hash(await mth(lo, lo + k), await mth(lo + k, hi));
  };
  if (!equalBytes(await mth(0, size), current.root))
    throw new VerificationError(
      "log-inconsistent",
      `${where}: the log's tiles and entry bundles do not hash to its signed checkpoint (size ${size}): what it serves is not the tree it signed`
    );
  if (previous && !equalBytes(await mth(0, previous.size), previous.root))
    throw new VerificationError(
      "log-inconsistent",
      `the log is not an extension of the last checkpoint seen (size ${previous.size}): its tiles at that size hash to another root. The log was rewritten or forked`,
      { expected: `a tree of size >= ${previous.size} that contains it`, found: `size ${size}` }
    );
  for (let level = 0; TILE_WIDTH ** level <= size; level++) {
    const count = Math.floor(size / TILE_WIDTH ** level);
    for (let j = Math.floor(start / TILE_WIDTH ** level); j < count; j++) {
      const t = await tile(level, Math.floor(j / TILE_WIDTH));
      const at = j % TILE_WIDTH * HASH_BYTES;
      if (!equalBytes(t.subarray(at, at + HASH_BYTES), await node(8 * level, j)))
        throw new VerificationError(
          "log-entry-not-in-tree",
          `${where}${tileUrlPath(level, Math.floor(j / TILE_WIDTH))}: hash ${j % TILE_WIDTH} is not the hash of the log's entries: the tiles served disagree with the checkpoint`
        );
    }
  }
  return { entries };
}
function parseBundle(body, width, where) {
  const out = [];
  let at = 0;
  while (at < body.length) {
    if (at + 2 > body.length) break;
    const length = (body[at] ?? 0) << 8 | (body[at + 1] ?? 0);
    if (at + 2 + length > body.length) break;
    out.push(body.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  if (at !== body.length || out.length !== width)
    throw new VerificationError(
      "log-entries-missing",
      `${where}: not an entry bundle of ${width} entries (${out.length} whole entries, ${body.length - at} bytes left over)`
    );
  return out;
}
function bundlePrefix(full, width) {
  let at = 0;
  for (let i = 0; i < width && at + 2 <= full.length; i++) at += 2 + ((full[at] ?? 0) << 8 | (full[at + 1] ?? 0));
  return full.subarray(0, Math.min(at, full.length));
}

// src/lib/flows/audit/audit.ts
var MAX_RESOURCE_BYTES = 5 * 1024 * 1024;
async function auditLog(options) {
  const tilesAt = options.tilesUrl ?? options.url;
  if (tilesAt === void 0) throw new InputError("bad-option", "audit: a service URL or a tiles URL is needed");
  const service = options.url !== void 0 ? serviceBaseUrl(options.url) : void 0;
  const tiles = serviceBaseUrl(tilesAt);
  const http = { maxResponseBytes: MAX_RESOURCE_BYTES, ...options };
  const getFrom = async (base, path, query) => (await serviceRequest(endpoint(base, path, query), { method: "GET" }, http)).body;
  const getJson = async (path, query) => {
    if (!service) throw new Error("internal: no service URL");
    return JSON.parse(new TextDecoder().decode(await getFrom(service, path, query)));
  };
  let key;
  if (service) key = await getJson(API.key);
  const log = options.log ?? (key ? parseVerifierKey(key.verifierKey) : void 0);
  if (!log)
    throw new InputError("bad-option", "audit: without the service URL, the log key must be pinned (--log-key)");
  const countersignerKey = key ? parsePublicKeyPem(key.countersignerPublicKey, `${service?.href ?? ""} countersigner key`) : void 0;
  const checkpoint = new TextDecoder().decode(await getFrom(tiles, "/checkpoint"));
  const current = verifyCheckpoint(checkpoint, log, "the log checkpoint");
  let previous;
  if (options.since !== void 0) {
    previous = verifyCheckpoint(options.since, log, "the last checkpoint seen");
    if (current.size < previous.size)
      throw new VerificationError(
        "log-inconsistent",
        `the log is not an extension of the last checkpoint seen (size ${previous.size}): it shrank to ${current.size} entries. The log was rewritten or forked`,
        { expected: `a tree of size >= ${previous.size} that contains it`, found: `size ${current.size}` }
      );
  }
  const fetchTile = async (path) => {
    try {
      return await getFrom(tiles, path);
    } catch (err) {
      if (err instanceof ServiceRefusedError && err.status === 404) return void 0;
      throw err;
    }
  };
  const { entries: leaves } = await readTiledLog(fetchTile, current, previous, tiles.href.replace(/\/$/, ""));
  const start = previous?.size ?? 0;
  const entries = [];
  for (let next = start; next < current.size; ) {
    let page = [];
    if (service) {
      page = (await getJson(API.entries, {
        start: next,
        end: Math.min(next + MAX_ENTRIES_PER_PAGE, current.size)
      })).entries;
      if (!Array.isArray(page) || page.length === 0)
        throw new VerificationError(
          "log-entries-missing",
          `${service.href}: entry ${next} of ${current.size} is not served`
        );
    } else {
      page = leaves.slice(next - start, next - start + MAX_ENTRIES_PER_PAGE).map(() => void 0);
    }
    for (const wire of page) {
      const leaf = leaves[next - start] ?? new Uint8Array();
      if (wire) {
        if (wire.index !== next)
          throw new VerificationError(
            "log-entries-missing",
            `${service?.href ?? ""}: expected entry ${next}, the service sent ${wire.index}`
          );
        if (!equalBytes(new Uint8Array(Buffer.from(wire.statement, "base64")), leaf))
          throw new VerificationError(
            "log-entry-not-in-tree",
            `${service?.href ?? ""}: entry ${next} as served in JSON is not the leaf in the log's tiles: the log storage was changed`
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
    logKeyPinned: options.log !== void 0,
    countersignaturesChecked: countersignerKey !== void 0,
    entries
  };
}
function auditEntry(index, wire, statementBytes, countersignerKey, expected) {
  const s = parseCountersignatureStatement(statementBytes, `log entry ${index}`);
  const entry = {
    index,
    keyId: s.keyId,
    stream: s.stream,
    version: s.version,
    payloadDigest: s.payloadDigest.sha256,
    identity: "",
    signedAt: s.signedAt
  };
  const problems = [];
  if (!wire || !countersignerKey) return withExpectation(entry, s, expected);
  const signature = new Uint8Array(Buffer.from(wire.signature, "base64"));
  if (s.keyId !== keyIdOf(countersignerKey)) problems.push(`signed by ${s.keyId}, not the service's key`);
  else if (!verifyEd25519Strict(signature, preAuthEncoding(COUNTERSIGNATURE_PAYLOAD_TYPE, statementBytes), countersignerKey))
    problems.push("the countersignature does not verify");
  const certificate = Buffer.from(wire.certificate, "base64");
  if (sha256Hex(certificate) !== s.certificateDigest.sha256) {
    problems.push("the certificate served is not the one the statement binds");
  } else {
    entry.identity = identityOf(certificate);
  }
  if (problems.length > 0) entry.problem = problems.join("; ");
  return withExpectation(entry, s, expected);
}
function withExpectation(entry, s, expected) {
  if (expected)
    entry.expected = expected.some(
      (e) => e.stream === s.stream && e.version === s.version && e.payloadDigest === s.payloadDigest.sha256
    );
  return entry;
}
function identityOf(der) {
  try {
    const san = new X509Certificate(der).subjectAltName ?? "";
    const first = san.split(", ").find((n) => n.startsWith("URI:") || n.startsWith("email:"));
    return first ? first.slice(first.indexOf(":") + 1) : "(no identity)";
  } catch {
    return "(unreadable certificate)";
  }
}
function parseExpectations(text, what) {
  const out = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const [, stream, version, payloadDigest] = /^(\S+)\s+([1-9][0-9]{0,15})\s+sha256:([0-9a-f]{64})$/.exec(line) ?? [];
    if (stream === void 0 || version === void 0 || payloadDigest === void 0 || !Number.isSafeInteger(Number(version))) {
      throw new InputError(
        "expect-malformed",
        `${what}:${i + 1}: expected "STREAM VERSION sha256:<64 hex>", found ${JSON.stringify(line.slice(0, 120))}`
      );
    }
    out.push({ stream, version: Number(version), payloadDigest });
  });
  return out;
}

// src/cli/audit.ts
var USAGE = `usage: countersign audit --url URL [--tiles URL] [--since CHECKPOINT_FILE] [--expect FILE] [--log-key FILE [--origin NAME]] [--json]
       countersign audit --tiles URL --log-key FILE [--origin NAME] [--since ...] [--expect ...] [--json]

Audits a countersigning service's transparency log through its C2SP tlog-tiles API
(checkpoint, hash tiles, entry bundles): verifies the signed checkpoint, recomputes the tree
from the tiles and the new entries and checks it against the checkpoint's root, checks that
the log is an extension of the last checkpoint seen (its root recomputed from the same
tiles), checks every new entry (countersignature and certificate, from the service's JSON
entries) and prints what the service countersigned: log index, stream, version, statement
digest, primary identity.

  --url URL        the service's base URL (tiles, key, countersignatures and certificates)
  --tiles URL      where the log's tiles are served (a mirror or a CDN; default --url).
                   With --tiles alone only the statements are checked, not the
                   countersignatures, and --log-key is required
  --since FILE     the last checkpoint seen; read if it exists, replaced atomically with the
                   new one when the audit passes (start: a file that does not exist yet)
  --expect FILE    the releases you expect, one per line: STREAM VERSION sha256:<statement
                   digest, as 'countersign build' prints it>; '#' starts a comment. Any
                   entry not listed fails the audit
  --log-key FILE   the pinned log key: a note verifier key line (origin+hash+base64, as
                   GET /v1/log/key 'verifierKey' or 'countersign serve' prints it), or an
                   SPKI PEM with --origin. Without it, the service's own key is trusted
  --json           print one JSON object per entry instead of text

Exit codes: 0 consistent and everything expected, 1 inconsistent log, bad or unexpected
entry (the checkpoint file is then left as it was), 2 could not run.`;
async function run(argv) {
  const { values, positionals } = parseVerbArgs("audit", argv, {
    url: { type: "string" },
    tiles: { type: "string" },
    since: { type: "string" },
    expect: { type: "string" },
    "log-key": { type: "string" },
    origin: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" }
  });
  if (values.help) return console.log(USAGE), 0;
  if (positionals.length > 0) return usageError("audit", `unexpected argument ${JSON.stringify(positionals[0])}`);
  if (!values.url && !values.tiles) return usageError("audit", "missing --url URL (or --tiles URL)");
  if (!values.url && !values["log-key"]) return usageError("audit", "--tiles without --url needs --log-key FILE");
  if (values.origin && !values["log-key"]) return usageError("audit", "--origin goes with --log-key FILE (a PEM key)");
  const log = values["log-key"] ? await loadLogKey(values["log-key"], values.origin) : void 0;
  const sinceBytes = values.since ? await readCappedFile(values.since, {
    what: `checkpoint file ${values.since}`,
    maxBytes: 64 * 1024,
    optional: true
  }) : void 0;
  const since = sinceBytes && new TextDecoder().decode(sinceBytes);
  const expected = values.expect ? parseExpectations(
    new TextDecoder().decode(await readInputFile(values.expect, "expect file", 4 * 1024 * 1024)),
    values.expect
  ) : void 0;
  if (!log)
    console.error(
      "countersign audit: warning: no --log-key: trusting the log key the service presents (pin it for a real audit)"
    );
  let result;
  try {
    result = await auditLog({
      ...values.url !== void 0 ? { url: values.url } : {},
      ...values.tiles !== void 0 ? { tilesUrl: values.tiles } : {},
      ...since !== void 0 ? { since } : {},
      ...log ? { log } : {},
      ...expected ? { expected } : {}
    });
  } catch (err) {
    if (err instanceof VerificationError) {
      console.error(`countersign audit: FAILED [${err.code}]: ${err.message}`);
      return 1;
    }
    throw err;
  }
  for (const e of result.entries) console.log(values.json ? JSON.stringify(e) : describe(e));
  if (!result.countersignaturesChecked)
    console.error(
      "countersign audit: note: tiles only (no --url): statements checked, countersignatures and certificates not"
    );
  const bad = result.entries.filter((e) => e.problem !== void 0);
  const unexpected = result.entries.filter((e) => e.expected === false);
  console.error(
    `countersign audit: log ${result.origin}: ${result.size} entries (${result.previousSize} before), consistent; ${result.entries.length} new, ${bad.length} bad, ${unexpected.length} unexpected`
  );
  if (bad.length > 0 || unexpected.length > 0) {
    console.error(
      "countersign audit: FAILED: the log holds entries that are bad or not expected (listed above); the checkpoint file was not updated"
    );
    return 1;
  }
  if (values.since) await writeFileAtomic(values.since, result.checkpoint);
  return 0;
}
function describe(e) {
  const flags = [e.expected === false ? "UNEXPECTED" : "", e.problem ? `BAD: ${e.problem}` : ""].filter(Boolean).join(" ");
  return `#${e.index} ${e.stream} v${e.version} statement sha256:${e.payloadDigest} identity ${e.identity || "?"} signed ${e.signedAt} key ${e.keyId}${flags ? ` ${flags}` : ""}`;
}
async function loadLogKey(path, origin) {
  const text = new TextDecoder().decode(await readInputFile(path, "log key", 16 * 1024)).trim();
  if (text.startsWith("-----BEGIN")) {
    if (!origin)
      throw new InputError("log-key-origin", `${path}: a PEM log key needs --origin NAME (the log's origin)`);
    if (!isValidKeyName(origin))
      throw new InputError(
        "bad-origin",
        `--origin: expected a name without spaces or '+', found ${JSON.stringify(origin)}`
      );
    return { name: origin, rawPublicKey: parsePublicKeyPem(text, path) };
  }
  try {
    const verifier = parseVerifierKey(text);
    if (origin && origin !== verifier.name)
      throw new InputError("log-key-origin", `${path}: the key is for origin ${verifier.name}, not ${origin}`);
    return verifier;
  } catch (err) {
    if (err instanceof VerificationError && err.code === "log-key-malformed")
      throw new InputError(err.code, `${path}: ${err.message}`);
    throw err;
  }
}
export {
  USAGE,
  run
};
