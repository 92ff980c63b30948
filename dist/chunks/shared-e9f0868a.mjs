// Shared by: cli-audit, cli-countersign, cli-policy, cli-policy-update, cli-sign, cli-verify, cli-verify-bundle (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  POLICY_LIMIT_RANGES
} from "./shared-f585a028.mjs";
import {
  InputError
} from "./shared-f525ae91.mjs";

// src/cli/io.ts
import { open } from "node:fs/promises";
async function readInputFile(path, what, maxBytes) {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (err) {
    const code = err.code;
    throw new InputError("input-unreadable", `${what} ${path}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : code === "EISDIR" ? "not a regular file" : String(err.message)}`);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new InputError("input-unreadable", `${what} ${path}: not a regular file`);
    if (st.size > maxBytes) throw new InputError("too-large", `${what} ${path}: ${st.size} bytes is over the limit of ${maxBytes} bytes`);
    const buffer = new Uint8Array(st.size + 1);
    let length = 0;
    for (; ; ) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) throw new InputError("input-changed", `${what} ${path}: the file grew while being read`);
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}
async function readBundleFile(path) {
  return readInputFile(path, "bundle", POLICY_LIMIT_RANGES.maxBundleBytes[1]);
}

export {
  readInputFile,
  readBundleFile
};
