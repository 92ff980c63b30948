import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  sha256File
} from "./chunk-SX6OCKXE.mjs";
import {
  compareSubjectNames,
  subjectNameProblem
} from "./chunk-VEEHAY7O.mjs";
import {
  InputError
} from "./chunk-AKRWTDNC.mjs";

// src/lib/digest/collect-subjects.ts
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, posix, relative, resolve, sep } from "node:path";
var DEFAULT_MAX_FILES = 1e5;
var HASH_CONCURRENCY = 4;
async function collectSubjects(paths, options = {}) {
  try {
    return await collect(paths, options);
  } catch (err) {
    if (err instanceof InputError) throw new InputError(err.code, err.message.replace(CONTROL_CHARS, (c) => escapeUnit(c)));
    throw err;
  }
}
async function collect(paths, options) {
  if (paths.length === 0) throw new InputError("subject-empty", "no files given: expected at least one file or directory");
  const base = resolve(options.base ?? process.cwd());
  const walker = new Walker(await resolveBase(base), options.maxFiles ?? DEFAULT_MAX_FILES);
  for (const path of paths) await walker.walkInput(path);
  const names = [...walker.found.keys()].sort(compareSubjectNames);
  const files = names.map((name) => ({ name, file: walker.found.get(name) }));
  const digests = await hashAll(files, (done, name) => options.onProgress?.(done, names.length, name));
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
  baseReal;
  maxFiles;
  constructor(baseReal, maxFiles) {
    this.baseReal = baseReal;
    this.maxFiles = maxFiles;
  }
  async walkInput(input) {
    if (input === "") throw new InputError("subject-path-invalid", "an empty path was given: expected a file or directory");
    if (isAbsolute(input) || posix.isAbsolute(input) || /^[A-Za-z]:/.test(input)) {
      throw new InputError("subject-path-invalid", `${input}: absolute paths are refused: expected a path relative to the base directory`);
    }
    if (input.split(/[/\\]/).includes("..")) {
      throw new InputError("subject-path-invalid", `${input}: ".." segments are refused: expected a path inside the base directory`);
    }
    const logical = posix.normalize(input.split(sep).join("/")).replace(/\/+$/, "");
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
            throw new InputError("subject-not-regular", `${childName}: symbolic link to a directory is not followed: name its target instead`);
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
  /** The real path of `path`, which must lie inside the base tree. */
  async resolveInside(path, shown) {
    const real = await fsCall(shown, () => realpath(path));
    const rel = relative(this.baseReal, real);
    if (rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new InputError("subject-outside-base", `${shown}: resolves to ${real}, outside the base directory ${this.baseReal}`);
    }
    return real;
  }
  addFile(name, input, realPath, st) {
    const nfc = name.normalize("NFC");
    const problem = subjectNameProblem(nfc);
    if (problem) throw new InputError("subject-path-invalid", `${JSON.stringify(name)}: not usable as a subject name: it ${problem}`);
    const previous = this.found.get(nfc);
    if (previous) {
      const nfcNote = previous.rawName === name ? "" : ` (from the different file names ${escaped(previous.rawName)} and ${escaped(name)}, equal after Unicode NFC normalisation)`;
      throw new InputError(
        "subject-duplicate",
        `${name}: the subject name ${JSON.stringify(nfc)} is produced twice${nfcNote}, by the inputs ${JSON.stringify(previous.input)} and ${JSON.stringify(input)}`
      );
    }
    if (this.found.size >= this.maxFiles) {
      throw new InputError("subject-too-many", `${input}: more than ${this.maxFiles} files: expected at most ${this.maxFiles}`);
    }
    this.found.set(nfc, { input, rawName: name, realPath, dev: st.dev, ino: st.ino });
  }
};
async function hashAll(files, onDone) {
  const results = new Array(files.length);
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < files.length) {
      const i = next++;
      const { name, file } = files[i];
      try {
        results[i] = await fsCall(name, () => sha256File(file.realPath, file));
      } catch (err) {
        failed = true;
        throw err;
      }
      onDone(++done, name);
    }
  };
  await Promise.all(Array.from({ length: Math.min(HASH_CONCURRENCY, files.length) }, worker));
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
  return new InputError("subject-not-regular", `${shown}: expected a regular file or a directory, found a special file (FIFO, socket or device)`);
}
async function fsCall(shown, call) {
  try {
    return await call();
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = err.code;
    const reason = code === "ENOENT" ? "no such file or directory" : code === "ELOOP" ? "symbolic link loop" : code === "EACCES" || code === "EPERM" ? "permission denied" : err.message;
    throw new InputError("subject-unreadable", `${shown}: ${reason}`);
  }
}

export {
  collectSubjects
};
