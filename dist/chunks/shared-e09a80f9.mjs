// Shared by: cli-audit, cli-build, cli-countersign, cli-demo, cli-keygen, cli-policy, cli-policy-diff, cli-policy-rotate, cli-policy-update, cli-serve, cli-sign, cli-trusted-root, cli-verify, cli-verify-bundle, cli-witness, lib-formats-subjects (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  InputError
} from "./shared-c0077619.mjs";

// src/lib/basics/io/read-capped.ts
import { open } from "node:fs/promises";
function fsReason(err) {
  const code = err?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "a directory, not a file";
  if (code === "ELOOP") return "symbolic link loop";
  return err instanceof Error ? err.message : String(err);
}
var ReadRefused = class extends Error {
  failure;
  constructor(failure) {
    super(failure.kind);
    this.failure = failure;
  }
};
async function readCappedFile(path, options) {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (err) {
    if (options.optional && err.code === "ENOENT") return void 0;
    throw refusal(path, options, errnoFailure(err));
  }
  try {
    return await readOpen(handle, options);
  } catch (err) {
    throw refusal(path, options, err instanceof ReadRefused ? err.failure : errnoFailure(err));
  } finally {
    await handle.close();
  }
}
async function readOpen(handle, options) {
  const { maxBytes } = options;
  const st = await handle.stat();
  const stream = options.streams === true && (st.isFIFO() || st.isSocket() || st.isCharacterDevice());
  if (!st.isFile() && !stream) throw new ReadRefused({ kind: "not-a-file", directory: st.isDirectory() });
  if (options.privateKey && process.platform !== "win32" && (st.mode & 63) !== 0)
    throw new ReadRefused({ kind: "permissions", mode: st.mode & 511 });
  if (!stream && st.size > maxBytes) throw new ReadRefused({ kind: "too-large", size: st.size });
  const buffer = new Uint8Array((stream ? maxBytes : st.size) + 1);
  try {
    let length = 0;
    for (; ; ) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, stream ? null : length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) throw new ReadRefused(stream ? { kind: "too-large" } : { kind: "changed" });
    }
    return options.privateKey ? buffer.slice(0, length) : buffer.subarray(0, length);
  } finally {
    if (options.privateKey) buffer.fill(0);
  }
}
function errnoFailure(err) {
  return err?.code === "EISDIR" ? { kind: "not-a-file", directory: true } : { kind: "unreadable", reason: fsReason(err) };
}
function refusal(path, options, failure) {
  const what = options.what ?? path;
  const codes = options.codes ?? {};
  const unreadable = codes.unreadable ?? "input-unreadable";
  const [code, problem] = (() => {
    switch (failure.kind) {
      case "unreadable":
        return [unreadable, failure.reason];
      case "not-a-file":
        return [unreadable, "not a regular file"];
      case "too-large":
        return [
          codes.tooLarge ?? "too-large",
          failure.size === void 0 ? `over the limit of ${options.maxBytes} bytes` : `${failure.size} bytes is over the limit of ${options.maxBytes} bytes`
        ];
      case "changed":
        return [codes.changed ?? "input-changed", "the file grew while being read"];
      case "permissions":
        return [
          codes.permissions ?? "key-permissions",
          `expected a file only its owner can access (mode 0600), found mode 0${failure.mode.toString(8)}`
        ];
    }
  })();
  const message = options.message?.(failure) ?? `${what}: ${problem}`;
  return options.error ? options.error(code, message) : new InputError(code, message);
}

export {
  fsReason,
  readCappedFile
};
