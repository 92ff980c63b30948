// Shared by: cli-build, lib-formats-subjects (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  sha256File
} from "./shared-1393fa30.mjs";
import {
  compareSubjectNames,
  subjectNameProblem
} from "./shared-39a15262.mjs";
import {
  fsReason
} from "./shared-e09a80f9.mjs";
import {
  InputError
} from "./shared-c0077619.mjs";

// src/lib/formats/subjects/collect.ts
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, posix, relative, resolve, sep } from "node:path";

// src/lib/basics/io/hash-pool.ts
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

// src/lib/basics/io/hash-worker.ts
function hashWorkerMain() {
  const threads = process.getBuiltinModule("node:worker_threads");
  const { parentPort } = threads;
  const workerData = threads.workerData;
  const { createHash } = process.getBuiltinModule("node:crypto");
  const fs = process.getBuiltinModule("node:fs");
  if (!parentPort) return;
  const port = parentPort;
  const buffer = Buffer.allocUnsafe(workerData.bufferBytes);
  const flags = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW;
  port.on("message", (job) => {
    let fd = -1;
    try {
      fd = fs.openSync(job.path, flags);
      const st = fs.fstatSync(fd);
      if (!st.isFile()) {
        port.postMessage({
          id: job.id,
          error: { code: "EINVAL", message: "not a regular file", check: "not-regular" }
        });
        return;
      }
      if (st.dev !== job.dev || st.ino !== job.ino) {
        port.postMessage({ id: job.id, error: { code: "EINVAL", message: "replaced", check: "changed" } });
        return;
      }
      const hash = createHash("sha256");
      for (; ; ) {
        const n = fs.readSync(fd, buffer, 0, buffer.length, null);
        if (n === 0) break;
        hash.update(buffer.subarray(0, n));
      }
      port.postMessage({ id: job.id, sha256: hash.digest("hex") });
    } catch (err) {
      const e = err;
      port.postMessage({
        id: job.id,
        error: { code: typeof e.code === "string" ? e.code : "EIO", message: String(e.message) }
      });
    } finally {
      if (fd >= 0) fs.closeSync(fd);
    }
  });
}

// src/lib/basics/io/hash-pool.ts
var HASH_WORKER_BUFFER_BYTES = 1024 * 1024;
var MAX_HASH_THREADS = 4;
function defaultHashThreads() {
  return Math.max(1, Math.min(availableParallelism(), MAX_HASH_THREADS));
}
var WORKER_SOURCE = `(${hashWorkerMain.toString()})()`;
var HashPool = class {
  maxThreads;
  idle = [];
  busy = /* @__PURE__ */ new Map();
  queue = [];
  started = 0;
  nextId = 0;
  closed = false;
  constructor(threads) {
    if (!Number.isInteger(threads) || threads < 1)
      throw new RangeError(`HashPool: expected a positive thread count, found ${threads}`);
    this.maxThreads = threads;
  }
  /** The SHA-256 (hex) of the regular file at `path`, which must still be the file (dev, ino). */
  hash(path, expected) {
    if (this.closed) return Promise.reject(new Error("HashPool: closed"));
    return new Promise((resolve2, reject) => {
      this.queue.push({ job: { id: this.nextId++, path, dev: expected.dev, ino: expected.ino }, resolve: resolve2, reject });
      this.dispatch();
    });
  }
  /** Ends every thread; jobs not yet answered are rejected. */
  async close() {
    this.closed = true;
    const stopped = new Error("HashPool: closed before the file was hashed");
    for (const p of this.queue.splice(0)) p.reject(stopped);
    for (const p of this.busy.values()) p.reject(stopped);
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }
  dispatch() {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.started < this.maxThreads ? this.startWorker() : void 0);
      if (!worker) return;
      const pending = this.queue.shift();
      this.busy.set(worker, pending);
      worker.postMessage(pending.job);
    }
  }
  startWorker() {
    this.started++;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bufferBytes: HASH_WORKER_BUFFER_BYTES },
      // The worker only hashes: a small heap keeps its memory small, and it never needs more.
      resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
      stdout: false,
      stderr: false
    });
    worker.on("message", (answer) => {
      const pending = this.busy.get(worker);
      if (!pending || pending.job.id !== answer.id) return;
      this.busy.delete(worker);
      if ("sha256" in answer) pending.resolve(answer.sha256);
      else pending.reject(errorOf(answer.error, pending.job.path));
      if (!this.closed) {
        this.idle.push(worker);
        this.dispatch();
      }
    });
    let dead = false;
    const fail = (err) => {
      if (dead) return;
      dead = true;
      this.started--;
      const pending = this.busy.get(worker);
      this.busy.delete(worker);
      const index = this.idle.indexOf(worker);
      if (index >= 0) this.idle.splice(index, 1);
      pending?.reject(new Error(`hashing thread failed: ${err.message}`));
      if (!this.closed) this.dispatch();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (!this.closed) fail(new Error(`exited with code ${code}`));
    });
    return worker;
  }
};
function errorOf(error, path) {
  if (error.check === "not-regular")
    return new InputError("subject-not-regular", `${path}: expected a regular file, found a special file`);
  if (error.check === "changed")
    return new InputError("subject-changed", `${path}: the file was replaced while the inputs were being read`);
  return Object.assign(new Error(error.message), { code: error.code });
}

// src/lib/formats/subjects/collect.ts
var DEFAULT_MAX_FILES = 1e5;
var HASH_CONCURRENCY = 4;
var WORKER_MIN_FILE_BYTES = 1024 * 1024;
async function collectSubjects(paths, options = {}) {
  try {
    return await collect(paths, options);
  } catch (err) {
    if (err instanceof InputError)
      throw new InputError(
        err.code,
        err.message.replace(CONTROL_CHARS, (c) => escapeUnit(c))
      );
    throw err;
  }
}
async function collect(paths, options) {
  if (paths.length === 0)
    throw new InputError("subject-empty", "no files given: expected at least one file or directory");
  const base = resolve(options.base ?? process.cwd());
  const walker = new Walker(base, await resolveBase(base), options.maxFiles ?? DEFAULT_MAX_FILES, options.baseLabel);
  for (const path of paths) await walker.walkInput(path);
  const names = [...walker.found.keys()].sort(compareSubjectNames);
  const files = names.map((name) => ({ name, file: walker.found.get(name) }));
  const threads = options.hashThreads ?? defaultHashThreads();
  if (!Number.isInteger(threads) || threads < 0)
    throw new RangeError(`collectSubjects: hashThreads must be a whole number >= 0, found ${threads}`);
  const digests = await hashAll(files, threads, (done, name) => options.onProgress?.(done, names.length, name));
  return names.map((name, i) => ({ name, digest: { sha256: digests[i] } }));
}
async function resolveBase(base) {
  const real = await fsCall(base, () => realpath(base));
  const st = await fsCall(base, () => stat(real));
  if (!st.isDirectory()) throw new InputError("subject-path-invalid", `${base}: the base must be a directory`);
  return real;
}
var Walker = class {
  found = /* @__PURE__ */ new Map();
  base;
  baseReal;
  maxFiles;
  /** " (--base)": how the caller names the base, for messages. */
  label;
  constructor(base, baseReal, maxFiles, baseLabel) {
    this.base = base;
    this.baseReal = baseReal;
    this.maxFiles = maxFiles;
    this.label = baseLabel === void 0 ? "" : ` (${baseLabel})`;
  }
  async walkInput(input) {
    if (input === "")
      throw new InputError("subject-path-invalid", "an empty path was given: expected a file or directory");
    if (input.split(/[/\\]/).includes("..")) {
      throw new InputError(
        "subject-path-invalid",
        `${input}: ".." segments are refused: expected a path inside the base directory${this.label}`
      );
    }
    const relativeInput = isAbsolute(input) ? this.insideBase(input) : input;
    if (posix.isAbsolute(relativeInput) || /^[A-Za-z]:/.test(relativeInput)) {
      throw new InputError(
        "subject-path-invalid",
        `${input}: not a path on this system: expected a path relative to the base directory${this.label}`
      );
    }
    const logical = posix.normalize(relativeInput.split(sep).join("/")).replace(/\/+$/, "");
    const name = logical === "." ? "" : logical;
    const full = join(this.baseReal, name);
    const real = await this.resolveInside(full, input);
    const st = await fsCall(input, () => stat(real));
    if (st.isFile()) this.addFile(name, input, real, st);
    else if (st.isDirectory()) await this.walkDirectory(real, name, input);
    else throw notRegular(input);
  }
  /** Walks one directory tree without recursion (an explicit stack) and without following directory links. */
  async walkDirectory(rootReal, rootName, input) {
    const before = this.found.size;
    const stack = [{ real: rootReal, name: rootName }];
    for (let dir = stack.pop(); dir; dir = stack.pop()) {
      const { real, name } = dir;
      const entries = await fsCall(name || ".", () => readdir(real, { withFileTypes: true }));
      for (const entry of entries) {
        const childName = name ? `${name}/${entry.name}` : entry.name;
        const childPath = join(real, entry.name);
        if (entry.isDirectory()) {
          stack.push({ real: childPath, name: childName });
        } else if (entry.isFile()) {
          this.addFile(childName, input, childPath, await fsCall(childName, () => lstat(childPath)));
        } else if (entry.isSymbolicLink()) {
          const target = await this.resolveInside(childPath, childName);
          const st = await fsCall(childName, () => stat(target));
          if (st.isDirectory()) {
            throw new InputError(
              "subject-not-regular",
              `${childName}: symbolic link to a directory is not followed: name its target instead`
            );
          }
          if (!st.isFile()) throw notRegular(childName);
          this.addFile(childName, input, target, st);
        } else {
          throw notRegular(childName);
        }
      }
    }
    if (this.found.size === before) throw new InputError("subject-empty", `${input}: the directory contains no files`);
  }
  /**
   * An absolute input as a path relative to the base: it must name something inside the base
   * as given or as resolved (`--base "$PWD/dist" "$PWD/dist/app"`); the subject name is the
   * same as for the relative path. The real path is still checked to stay inside (resolveInside).
   */
  insideBase(input) {
    for (const base of [this.base, this.baseReal]) {
      const rel = relative(base, input);
      if (rel === "") return ".";
      if (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return rel;
    }
    throw new InputError(
      "subject-outside-base",
      `${input}: outside the base directory ${this.base}${this.label}: expected a path inside it (or a relative path)`
    );
  }
  /** The real path of `path`, which must lie inside the base tree. */
  async resolveInside(path, shown) {
    const real = await fsCall(shown, () => realpath(path));
    const rel = relative(this.baseReal, real);
    if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new InputError(
        "subject-outside-base",
        `${shown}: resolves to ${real}, outside the base directory ${this.baseReal}${this.label}`
      );
    }
    return real;
  }
  addFile(name, input, realPath, st) {
    const nfc = name.normalize("NFC");
    const problem = subjectNameProblem(nfc);
    if (problem)
      throw new InputError(
        "subject-path-invalid",
        `${JSON.stringify(name)}: not usable as a subject name: it ${problem}`
      );
    const previous = this.found.get(nfc);
    if (previous) {
      const nfcNote = previous.rawName === name ? "" : ` (from the different file names ${escaped(previous.rawName)} and ${escaped(name)}, equal after Unicode NFC normalisation)`;
      throw new InputError(
        "subject-duplicate",
        `${name}: the subject name ${JSON.stringify(nfc)} is produced twice${nfcNote}, by the inputs ${JSON.stringify(previous.input)} and ${JSON.stringify(input)}`
      );
    }
    if (this.found.size >= this.maxFiles) {
      throw new InputError(
        "subject-too-many",
        `${input}: more than ${this.maxFiles} files: expected at most ${this.maxFiles}`
      );
    }
    this.found.set(nfc, { input, rawName: name, realPath, dev: st.dev, ino: st.ino, size: st.size });
  }
};
async function hashAll(files, threads, onDone) {
  const results = new Array(files.length);
  const large = [];
  const small = [];
  files.forEach(({ file }, i) => (threads > 0 && file.size >= WORKER_MIN_FILE_BYTES ? large : small).push(i));
  large.sort((a, b) => files[b].file.size - files[a].file.size);
  const pool = large.length > 0 ? new HashPool(Math.min(threads, large.length)) : void 0;
  let done = 0;
  let failed = false;
  const finish = (i, digest) => {
    results[i] = digest;
    onDone(++done, files[i].name);
  };
  const inPool = large.map(async (i) => {
    const { name, file } = files[i];
    finish(i, await fsCall(name, () => pool.hash(file.realPath, file)));
  });
  let next = 0;
  const mainThread = async () => {
    while (!failed && next < small.length) {
      const i = small[next++];
      const { name, file } = files[i];
      finish(i, await fsCall(name, () => sha256File(file.realPath, file)));
    }
  };
  const onMain = Array.from({ length: Math.min(HASH_CONCURRENCY, small.length) }, mainThread);
  try {
    await Promise.all([...inPool, ...onMain]);
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    await pool?.close();
  }
  return results;
}
var CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;
function escapeUnit(c) {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}
function escaped(name) {
  return JSON.stringify(name).replace(/[^\x20-\x7e]/g, escapeUnit);
}
function notRegular(shown) {
  return new InputError(
    "subject-not-regular",
    `${shown}: expected a regular file or a directory, found a special file (FIFO, socket or device)`
  );
}
async function fsCall(shown, call) {
  try {
    return await call();
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError("subject-unreadable", `${shown}: ${fsReason(err)}`);
  }
}

export {
  HASH_WORKER_BUFFER_BYTES,
  MAX_HASH_THREADS,
  defaultHashThreads,
  HashPool,
  DEFAULT_MAX_FILES,
  WORKER_MIN_FILE_BYTES,
  collectSubjects
};
