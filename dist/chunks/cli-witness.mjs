import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  runUntilSignal
} from "./shared-4f8fee1f.mjs";
import {
  loadPrivateKeyFile,
  seedSigner
} from "./shared-85e931d3.mjs";
import {
  cosignCheckpoint,
  splitNote
} from "./shared-c9b31025.mjs";
import {
  emptyRoot,
  noteKeyHash,
  openNote,
  parseCheckpointText,
  parseVerifierKey,
  verifyConsistency
} from "./shared-c6dbb844.mjs";
import {
  HASH_SIZE
} from "./shared-5bacc2e4.mjs";
import {
  writeFileAtomic
} from "./shared-2abda158.mjs";
import {
  MAX_WITNESS_PROOF_LINES,
  cosignerVerifierKey
} from "./shared-4bd08542.mjs";
import {
  MAX_NOTE_BYTES,
  isValidKeyName,
  parseNoteSignatureLine
} from "./shared-a58ce1e9.mjs";
import {
  usageError
} from "./shared-d30e65f7.mjs";
import {
  parseVerbArgs
} from "./shared-25dfcc74.mjs";
import "./shared-e09a80f9.mjs";
import {
  parsePrivateKeyPem
} from "./shared-5310986a.mjs";
import "./shared-2b0dfa9f.mjs";
import {
  sha256Hex
} from "./shared-f3698323.mjs";
import {
  decodeCanonicalBase64,
  equalBytes
} from "./shared-84c2b3d1.mjs";
import {
  InputError,
  VerificationError
} from "./shared-c0077619.mjs";
import "./shared-2bfe6f66.mjs";

// src/witness/http.ts
import { createServer } from "node:http";

// src/witness/request.ts
var MAX_ADD_CHECKPOINT_BYTES = 32 + MAX_WITNESS_PROOF_LINES * 45 + 1 + MAX_NOTE_BYTES;
function parseAddCheckpoint(body) {
  if (body.byteLength > MAX_ADD_CHECKPOINT_BYTES) return { problem: "body too large" };
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return { problem: "body is not UTF-8" };
  }
  const oldLine = /^old (0|[1-9][0-9]{0,15})\n/.exec(text);
  if (!oldLine?.[1]) return { problem: 'expected "old <size>" as the first line' };
  const oldSize = Number(oldLine[1]);
  if (!Number.isSafeInteger(oldSize)) return { problem: "old size out of range" };
  let at = oldLine[0].length;
  const proof = [];
  for (; ; ) {
    const end = text.indexOf("\n", at);
    if (end < 0) return { problem: "expected a blank line before the checkpoint" };
    const line = text.slice(at, end);
    at = end + 1;
    if (line === "") break;
    if (proof.length === MAX_WITNESS_PROOF_LINES)
      return { problem: `more than ${MAX_WITNESS_PROOF_LINES} consistency proof lines` };
    const hash = line.length <= 44 ? decodeCanonicalBase64(line) : void 0;
    if (hash?.length !== HASH_SIZE) return { problem: `proof line ${proof.length + 1} is not a base64 32-byte hash` };
    proof.push(new Uint8Array(hash));
  }
  const note = text.slice(at);
  if (note.length === 0) return { problem: "no checkpoint" };
  return { oldSize, proof, note };
}

// src/witness/http.ts
var CHECKPOINT_PATH = /^\/([0-9a-f]{64})\/checkpoint$/;
async function startWitnessServer(options) {
  const byHash = new Map(options.origins.map((o) => [sha256Hex(o), o]));
  const server = createServer((req, res) => {
    const started = Date.now();
    handle(req, options.witness, byHash).catch(() => ({
      status: 500,
      contentType: "text/plain",
      body: "internal error\n",
      outcome: "internal error"
    })).then((answer) => {
      options.requestLog?.({
        time: (/* @__PURE__ */ new Date()).toISOString(),
        method: req.method,
        path: (req.url ?? "").slice(0, 200),
        status: answer.status,
        outcome: answer.outcome.slice(0, 200),
        ...answer.origin !== void 0 ? { origin: answer.origin } : {},
        ...answer.size !== void 0 ? { size: answer.size } : {},
        ms: Date.now() - started
      });
      if (res.headersSent) return;
      res.writeHead(answer.status, {
        "content-type": answer.contentType,
        // A body refused unread must not be taken for the next request on this connection.
        ...answer.status === 413 ? { connection: "close" } : {},
        "content-length": Buffer.byteLength(answer.body),
        "cache-control": "no-store"
      });
      res.end(answer.body);
    }).catch(() => {
      res.destroy();
    });
  });
  server.requestTimeout = 3e4;
  server.headersTimeout = 1e4;
  server.keepAliveTimeout = 5e3;
  await new Promise((resolve, reject) => {
    server.once("error", (err) => {
      reject(
        new InputError("listen-failed", `witness: cannot listen on ${options.host}:${options.port}: ${err.message}`)
      );
    });
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address();
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: () => new Promise((resolve) => {
      server.close(() => {
        resolve();
      });
      server.closeAllConnections();
    })
  };
}
async function handle(req, witness, byHash) {
  const path = req.url ?? "";
  if (path === "/add-checkpoint") {
    if (req.method !== "POST") return plain(405, "use POST");
    const body = await readBody(req, MAX_ADD_CHECKPOINT_BYTES);
    if (!body) return plain(413, "body too large");
    return witness.addCheckpoint(body);
  }
  const m = CHECKPOINT_PATH.exec(path);
  if (m?.[1]) {
    if (req.method !== "GET" && req.method !== "HEAD") return plain(405, "use GET");
    const origin = byHash.get(m[1]);
    const checkpoint = origin === void 0 ? void 0 : witness.latest(origin);
    if (checkpoint === void 0) return plain(404, "no checkpoint cosigned for this log");
    return {
      status: 200,
      contentType: "text/plain; charset=utf-8",
      body: checkpoint,
      outcome: "checkpoint",
      ...origin ? { origin } : {}
    };
  }
  return plain(404, "not found");
}
async function readBody(req, max) {
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (Number.isFinite(declared) && declared > max) return void 0;
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.byteLength;
    if (size > max) return void 0;
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
function plain(status, why) {
  return { status, contentType: "text/plain; charset=utf-8", body: `${why}
`, outcome: why };
}

// src/witness/store.ts
import { mkdir, open, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
var RECORD_FILE = /^[0-9a-f]{64}\.json$/;
var MAX_RECORD_BYTES = 64 * 1024;
var WitnessStore = class _WitnessStore {
  records = /* @__PURE__ */ new Map();
  dir;
  constructor(dir) {
    this.dir = dir;
  }
  /** Opens (creating) `dir` and reads every record; throws InputError('witness-state-invalid'). */
  static async open(dir) {
    await mkdir(dir, { recursive: true, mode: 448 });
    const store = new _WitnessStore(dir);
    for (const name of (await readdir(dir)).sort()) {
      if (!RECORD_FILE.test(name)) continue;
      const record = await readRecord(join(dir, name));
      if (`${sha256Hex(record.origin)}.json` !== name)
        throw invalid(join(dir, name), `holds the record of ${JSON.stringify(record.origin)}, not of its file name`);
      store.records.set(record.origin, record);
    }
    return store;
  }
  get(origin) {
    return this.records.get(origin);
  }
  /** Every origin on record. */
  origins() {
    return [...this.records.keys()];
  }
  /** Durably replaces the record of `record.origin`; resolves only once it is on disk. */
  async put(record) {
    const path = this.pathOf(record.origin);
    const json = JSON.stringify({
      origin: record.origin,
      size: record.size,
      root: Buffer.from(record.root).toString("base64"),
      checkpoint: record.checkpoint
    });
    await writeFileAtomic(path, `${json}
`, { mode: 384 });
    const handle2 = await open(this.dir, "r");
    try {
      await handle2.sync();
    } finally {
      await handle2.close();
    }
    this.records.set(record.origin, record);
  }
  pathOf(origin) {
    return join(this.dir, `${sha256Hex(origin)}.json`);
  }
};
async function readRecord(path) {
  let text;
  try {
    const bytes = await readFile(path);
    if (bytes.byteLength > MAX_RECORD_BYTES) throw invalid(path, `larger than ${MAX_RECORD_BYTES} bytes`);
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw invalid(path, `cannot be read (${err instanceof Error ? err.message : String(err)})`);
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid(path, "is not JSON");
  }
  const o = json;
  if (typeof o !== "object" || o === null || Object.keys(o).sort().join() !== "checkpoint,origin,root,size" || typeof o.origin !== "string" || typeof o.size !== "number" || !Number.isSafeInteger(o.size) || o.size < 0 || typeof o.root !== "string" || typeof o.checkpoint !== "string")
    throw invalid(path, "is not {origin, size, root, checkpoint}");
  const root = decodeCanonicalBase64(o.root);
  if (root?.length !== HASH_SIZE) throw invalid(path, "root is not a base64 32-byte hash");
  try {
    const checkpoint = parseCheckpointText(splitNote(o.checkpoint, path).text, path);
    if (checkpoint.origin !== o.origin || checkpoint.size !== o.size || !equalBytes(checkpoint.root, root))
      throw invalid(path, "its checkpoint note does not match its origin, size and root");
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw invalid(
      path,
      `its checkpoint is not a checkpoint note (${err instanceof Error ? err.message : String(err)})`
    );
  }
  return { origin: o.origin, size: o.size, root: new Uint8Array(root), checkpoint: o.checkpoint };
}
function invalid(path, why) {
  return new InputError("witness-state-invalid", `${path}: ${why}; the witness will not start without its state`);
}

// src/witness/witness.ts
var TEXT = "text/plain; charset=utf-8";
var Witness = class {
  locks = /* @__PURE__ */ new Map();
  options;
  constructor(options) {
    this.options = options;
  }
  async addCheckpoint(body) {
    const request = parseAddCheckpoint(body);
    if ("problem" in request) return refuse(400, request.problem);
    const origin = request.note.slice(0, request.note.indexOf("\n"));
    const log = this.options.logs.get(origin);
    if (!log) return refuse(404, "unknown log");
    let checkpoint;
    try {
      checkpoint = parseCheckpointText(openNote(request.note, log, "checkpoint"), "checkpoint");
    } catch (err) {
      if (!(err instanceof VerificationError)) throw err;
      if (err.code === "log-note-signature") return refuse(403, "not signed by the log key", origin);
      return refuse(400, err.message, origin);
    }
    if (request.oldSize > checkpoint.size) return refuse(400, "old size above the checkpoint size", origin);
    if (checkpoint.size === 0 && !equalBytes(checkpoint.root, emptyRoot()))
      return refuse(422, "an empty tree with a root other than the empty root", origin);
    return this.locked(origin, () => this.update(origin, request.oldSize, request.proof, request.note, checkpoint));
  }
  /** The latest cosigned checkpoint of `origin` (the monitor retrieval endpoint). */
  latest(origin) {
    return this.options.store.get(origin)?.checkpoint;
  }
  async update(origin, oldSize, proof, note, checkpoint) {
    const record = this.options.store.get(origin);
    const size = record?.size ?? 0;
    if (oldSize !== size)
      return {
        status: 409,
        contentType: "text/x.tlog.size",
        body: `${size}
`,
        outcome: "old size mismatch",
        origin,
        size
      };
    if (oldSize === 0) {
      if (proof.length > 0) return refuse(422, "a proof from the empty tree", origin);
    } else if (oldSize === checkpoint.size) {
      if (proof.length > 0 || !record || !equalBytes(record.root, checkpoint.root))
        return refuse(422, "same size, different root: a split view", origin);
    } else if (!record || !verifyConsistency(oldSize, checkpoint.size, record.root, checkpoint.root, proof)) {
      return refuse(422, "the consistency proof does not verify", origin);
    }
    const text = note.slice(0, note.lastIndexOf("\n\n") + 1);
    const now = Math.floor(this.options.now?.() ?? Date.now() / 1e3);
    const line = await cosignCheckpoint(text, this.options.signer, now);
    const log = this.options.logs.get(origin);
    const keyHash = log ? Buffer.from(noteKeyHash(log.name, log.rawPublicKey)).toString("hex") : "";
    const logLine = note.slice(note.lastIndexOf("\n\n") + 2, -1).split("\n").find((l) => {
      const parsed = parseNoteSignatureLine(l);
      return typeof parsed !== "string" && parsed.name === origin && Buffer.from(parsed.blob.subarray(0, 4)).toString("hex") === keyHash;
    });
    await this.options.store.put({
      origin,
      size: checkpoint.size,
      root: checkpoint.root,
      checkpoint: `${text}
${logLine ? `${logLine}
` : ""}${line}
`
    });
    return { status: 200, contentType: TEXT, body: `${line}
`, outcome: "cosigned", origin, size: checkpoint.size };
  }
  /** Runs `fn` after every earlier call for `origin`: check-then-record is atomic per log. */
  locked(origin, fn) {
    const before = this.locks.get(origin) ?? Promise.resolve();
    const run2 = before.then(fn, fn);
    const tail = run2.catch(() => void 0);
    this.locks.set(origin, tail);
    void tail.then(() => {
      if (this.locks.get(origin) === tail) this.locks.delete(origin);
    });
    return run2;
  }
};
function refuse(status, why, origin) {
  return {
    status,
    contentType: TEXT,
    body: `${why}
`,
    outcome: why,
    ...origin !== void 0 ? { origin } : {}
  };
}

// src/cli/witness.ts
var USAGE = `usage: countersign witness --key FILE --name NAME --log ORIGIN=VKEY [--log ...] --data DIR [--listen HOST:PORT]

A witness for transparency logs (C2SP tlog-witness, tlog-cosignature v1): POST /add-checkpoint
checks that a log's new checkpoint is signed by the log's key and consistent with the last one
it cosigned for that log, records it durably, then returns its cosignature. It never cosigns
two checkpoints of one log that are not one history (a split view). GET /<sha256 hex of the
origin>/checkpoint serves the latest checkpoint it cosigned. Plain HTTP: put a TLS reverse
proxy in front of it (docs/service.md, Witnesses).

  --key FILE      the witness's Ed25519 key (PKCS#8 PEM, mode 0600; 'countersign keygen'); or
                  set COUNTERSIGN_WITNESS_KEY to the PEM text instead. Use it for no other
                  witness name: a cosignature does not name its witness
  --name NAME     the witness's name (e.g. witness.example.org/w1; no spaces or '+')
  --log O=VKEY    a log it follows: its origin and its checkpoint verifier key
                  (<origin>+<8 hex>+<base64>, as 'countersign serve' prints it); repeatable
  --data DIR      where it records what it cosigned (created if missing); back it up: a
                  witness that loses it can be made to cosign a fork
  --listen H:P    address to listen on (default 127.0.0.1:8090; port 0 picks a free one)

Its verifier key (for a policy's log.witnesses.keys) is printed when it starts.
Exit codes: 0 stopped by a signal, 2 could not start.`;
async function run(argv) {
  const { values, positionals } = parseVerbArgs("witness", argv, {
    key: { type: "string" },
    name: { type: "string" },
    log: { type: "string", multiple: true },
    data: { type: "string" },
    listen: { type: "string" },
    help: { type: "boolean", short: "h" }
  });
  if (values.help) return console.log(USAGE), 0;
  if (positionals.length > 0) return usageError("witness", `unexpected argument ${JSON.stringify(positionals[0])}`);
  if (!values.name) return usageError("witness", "missing --name NAME");
  if (!values.data) return usageError("witness", "missing --data DIR");
  if (!values.log || values.log.length === 0) return usageError("witness", "missing --log ORIGIN=VKEY");
  if (!isValidKeyName(values.name))
    throw new InputError(
      "bad-option",
      `--name: expected a name without spaces or '+', found ${JSON.stringify(values.name)}`
    );
  const logs = parseLogs(values.log);
  const { host, port } = parseListen(values.listen ?? "127.0.0.1:8090");
  const key = await loadKey(values.key);
  if (!key) return usageError("witness", "missing --key FILE (or COUNTERSIGN_WITNESS_KEY)");
  const store = await WitnessStore.open(values.data);
  const witness = new Witness({
    signer: { name: values.name, rawPublicKey: key.publicKey, signer: seedSigner(key.seed, key.keyId) },
    logs,
    store
  });
  const running = await startWitnessServer({
    witness,
    origins: [...logs.keys()],
    host,
    port,
    requestLog: (line) => process.stdout.write(`${JSON.stringify(line)}
`)
  });
  process.stdout.write(
    `${JSON.stringify({
      time: (/* @__PURE__ */ new Date()).toISOString(),
      event: "listening",
      url: running.url,
      name: values.name,
      verifierKey: cosignerVerifierKey(values.name, key.publicKey),
      logs: [...logs.keys()].map((origin) => ({ origin, size: store.get(origin)?.size ?? 0 }))
    })}
`
  );
  return runUntilSignal(() => running.close());
}
function parseLogs(specs) {
  const logs = /* @__PURE__ */ new Map();
  for (const spec of specs) {
    const at = spec.indexOf("=");
    const origin = spec.slice(0, Math.max(at, 0));
    if (at <= 0 || !isValidKeyName(origin))
      throw new InputError("bad-option", `--log: expected ORIGIN=VKEY, found ${JSON.stringify(spec.slice(0, 120))}`);
    let verifier;
    try {
      verifier = parseVerifierKey(spec.slice(at + 1));
    } catch (err) {
      if (err instanceof VerificationError)
        throw new InputError("log-key-malformed", `--log ${origin}: ${err.message}`);
      throw err;
    }
    if (verifier.name !== origin)
      throw new InputError(
        "bad-option",
        `--log ${origin}: the verifier key is named ${JSON.stringify(verifier.name)}, expected the origin`
      );
    if (logs.has(origin)) throw new InputError("bad-option", `--log ${origin}: given twice`);
    logs.set(origin, verifier);
  }
  return logs;
}
function parseListen(value) {
  const [, host, port] = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(value) ?? [];
  if (host === void 0 || port === void 0 || Number(port) > 65535)
    throw new InputError(
      "bad-listen",
      `--listen: expected HOST:PORT (e.g. 127.0.0.1:8090), found ${JSON.stringify(value)}`
    );
  return { host: host.replace(/^\[|\]$/g, ""), port: Number(port) };
}
async function loadKey(path) {
  if (path !== void 0) return loadPrivateKeyFile(path);
  const pem = process.env.COUNTERSIGN_WITNESS_KEY;
  if (pem === void 0 || pem === "") return void 0;
  Reflect.deleteProperty(process.env, "COUNTERSIGN_WITNESS_KEY");
  return parsePrivateKeyPem(pem, "COUNTERSIGN_WITNESS_KEY (for --key)");
}
export {
  USAGE,
  run
};
