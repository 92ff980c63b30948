import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  endpoint,
  serviceBaseUrl,
  serviceRequest
} from "./shared-35e13b19.mjs";
import {
  MerkleTree
} from "./shared-caff0280.mjs";
import {
  API,
  MAX_ENTRIES_PER_PAGE
} from "./shared-3d83ab60.mjs";
import "./shared-4b5b2dce.mjs";
import {
  usageError
} from "./shared-ed14cf75.mjs";
import "./shared-309f26f9.mjs";
import {
  leafHash,
  parseCountersignatureStatement,
  parseVerifierKey,
  preAuthEncoding,
  verifyCheckpoint,
  verifyConsistency,
  verifyInclusion
} from "./shared-98eab3f9.mjs";
import "./shared-7eda6b41.mjs";
import {
  equalBytes
} from "./shared-a274f2b0.mjs";
import {
  writeFileAtomic
} from "./shared-c2330f2a.mjs";
import {
  readInputFile
} from "./shared-959b9aa3.mjs";
import {
  COUNTERSIGNATURE_PAYLOAD_TYPE
} from "./shared-7a359f32.mjs";
import {
  isValidKeyName
} from "./shared-a1ee2870.mjs";
import "./shared-ef15c4ee.mjs";
import {
  keyIdOf,
  parsePublicKeyPem,
  verifyEd25519Strict
} from "./shared-d96130d7.mjs";
import {
  sha256Hex
} from "./shared-197306b2.mjs";
import "./shared-ceef7eae.mjs";
import {
  parseVerbArgs
} from "./shared-0776c14a.mjs";
import {
  readCappedFile
} from "./shared-1abd220a.mjs";
import {
  InputError,
  VerificationError
} from "./shared-92dc4500.mjs";
import "./shared-18cfce56.mjs";

// src/lib/flows/audit/audit.ts
import { X509Certificate } from "node:crypto";
async function auditLog(options) {
  const base = serviceBaseUrl(options.url);
  const get = async (path, query) => {
    const res = await serviceRequest(
      endpoint(base, path, query),
      { method: "GET" },
      { maxResponseBytes: 4 * 1024 * 1024, ...options }
    );
    return path === API.checkpoint ? new TextDecoder().decode(res.body) : JSON.parse(new TextDecoder().decode(res.body));
  };
  const key = await get(API.key);
  const log = options.log ?? parseVerifierKey(key.verifierKey);
  const countersignerKey = parsePublicKeyPem(key.countersignerPublicKey, `${base.href} countersigner key`);
  const checkpoint = await get(API.checkpoint);
  const current = verifyCheckpoint(checkpoint, log, "the service checkpoint");
  let previous;
  if (options.since !== void 0) {
    previous = verifyCheckpoint(options.since, log, "the last checkpoint seen");
    await checkConsistent(previous, current, get);
  }
  const start = previous?.size ?? 0;
  const entries = [];
  const tree = start === 0 ? new MerkleTree() : void 0;
  for (let next = start; next < current.size; ) {
    const page = (await get(API.entries, { start: next, end: Math.min(next + MAX_ENTRIES_PER_PAGE, current.size) })).entries;
    if (!Array.isArray(page) || page.length === 0)
      throw new VerificationError(
        "log-entries-missing",
        `${base.href}: entry ${next} of ${current.size} is not served`
      );
    for (const wire of page) {
      if (wire.index !== next)
        throw new VerificationError(
          "log-entries-missing",
          `${base.href}: expected entry ${next}, the service sent ${wire.index}`
        );
      const statement = new Uint8Array(Buffer.from(wire.statement, "base64"));
      if (tree) {
        tree.append(leafHash(statement));
      } else {
        const proof = await get(API.inclusion, { index: next, size: current.size });
        const path = proof.hashes.map((h) => new Uint8Array(Buffer.from(h, "base64")));
        if (!verifyInclusion(leafHash(statement), next, current.size, path, current.root)) {
          throw new VerificationError(
            "log-entry-not-in-tree",
            `${base.href}: entry ${next} as served is not in the tree of the signed checkpoint (size ${current.size}): the log storage was changed`
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
      "log-entry-not-in-tree",
      `${base.href}: the ${current.size} entries served do not hash to the signed checkpoint's root: the log storage was changed`
    );
  }
  return {
    origin: log.name,
    checkpoint,
    previousSize: start,
    size: current.size,
    logKeyPinned: options.log !== void 0,
    entries
  };
}
async function checkConsistent(previous, current, get) {
  const fork = (why) => {
    throw new VerificationError(
      "log-inconsistent",
      `the log is not an extension of the last checkpoint seen (size ${previous.size}): ${why}. The log was rewritten or forked`,
      {
        expected: `a tree of size >= ${previous.size} that contains it`,
        found: `size ${current.size}`
      }
    );
  };
  if (current.size < previous.size) fork(`it shrank to ${current.size} entries`);
  if (current.size === previous.size) {
    if (!equalBytes(current.root, previous.root)) fork("same size, different root hash");
    return;
  }
  const proof = await get(API.consistency, { from: previous.size, to: current.size });
  const hashes = (proof.hashes ?? []).map((h) => new Uint8Array(Buffer.from(h, "base64")));
  if (!verifyConsistency(previous.size, current.size, previous.root, current.root, hashes))
    fork("the consistency proof does not verify");
}
function auditEntry(wire, statementBytes, countersignerKey, expected) {
  const s = parseCountersignatureStatement(statementBytes, `log entry ${wire.index}`);
  const entry = {
    index: wire.index,
    keyId: s.keyId,
    stream: s.stream,
    version: s.version,
    payloadDigest: s.payloadDigest.sha256,
    identity: "",
    signedAt: s.signedAt
  };
  const problems = [];
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
var USAGE = `usage: countersign audit --url URL [--since CHECKPOINT_FILE] [--expect FILE] [--log-key FILE [--origin NAME]] [--json]

Audits a countersigning service's transparency log: verifies its signed checkpoint, checks
that the log is an extension of the last checkpoint seen (consistency proof), walks every
new entry (proven in the tree, countersignature and certificate checked) and prints what
the service countersigned: log index, stream, version, statement digest, primary identity.

  --url URL        the service's base URL
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
    since: { type: "string" },
    expect: { type: "string" },
    "log-key": { type: "string" },
    origin: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" }
  });
  if (values.help) return console.log(USAGE), 0;
  if (positionals.length > 0) return usageError("audit", `unexpected argument ${JSON.stringify(positionals[0])}`);
  if (!values.url) return usageError("audit", "missing --url URL");
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
      url: values.url,
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
