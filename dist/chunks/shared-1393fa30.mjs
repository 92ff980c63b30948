// Shared by: cli-build, cli-verify-bundle, lib-formats-subjects (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  InputError
} from "./shared-c0077619.mjs";

// src/lib/basics/io/hash-file.ts
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { open } from "node:fs/promises";
var HASH_BUFFER_BYTES = 64 * 1024;
async function sha256File(path, expected) {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  try {
    const st = await handle.stat();
    if (!st.isFile())
      throw new InputError("subject-not-regular", `${path}: expected a regular file, found a special file`);
    if (expected && (st.dev !== expected.dev || st.ino !== expected.ino)) {
      throw new InputError("subject-changed", `${path}: the file was replaced while the inputs were being read`);
    }
    const hash = createHash("sha256");
    const buffer = Buffer.allocUnsafe(HASH_BUFFER_BYTES);
    for (; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
    return hash.digest("hex");
  } finally {
    await handle.close();
  }
}

export {
  HASH_BUFFER_BYTES,
  sha256File
};
