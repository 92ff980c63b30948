import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  POLICY_LIMIT_RANGES
} from "./chunk-FQFFDUTU.mjs";
import {
  InputError
} from "./chunk-AKRWTDNC.mjs";

// src/cli/io.ts
import { readFile, stat } from "node:fs/promises";
async function readInputFile(path, what, maxBytes) {
  let size;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new InputError("input-unreadable", `${what} ${path}: not a regular file`);
    size = st.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = err.code;
    throw new InputError("input-unreadable", `${what} ${path}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : String(err.message)}`);
  }
  if (size > maxBytes) throw new InputError("too-large", `${what} ${path}: ${size} bytes is over the limit of ${maxBytes} bytes`);
  return new Uint8Array(await readFile(path));
}
async function readBundleFile(path) {
  return readInputFile(path, "bundle", POLICY_LIMIT_RANGES.maxBundleBytes[1]);
}

export {
  readInputFile,
  readBundleFile
};
