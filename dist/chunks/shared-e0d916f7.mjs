// Shared by: cli-countersign, cli-demo, cli-keygen, cli-serve (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  writeFileAtomic
} from "./shared-c2330f2a.mjs";
import {
  MAX_PRIVATE_KEY_PEM_BYTES,
  generateCountersignerKey,
  parsePrivateKeyPem
} from "./shared-d96130d7.mjs";
import {
  fsReason,
  readCappedFile
} from "./shared-1abd220a.mjs";
import {
  InputError
} from "./shared-92dc4500.mjs";

// src/lib/basics/io/key-files.ts
import { lstat, rm } from "node:fs/promises";
async function loadPrivateKeyFile(path) {
  const bytes = await readKeyFile(path, "private key", MAX_PRIVATE_KEY_PEM_BYTES, true);
  try {
    return parsePrivateKeyPem(decodeText(bytes, path), path);
  } finally {
    bytes.fill(0);
  }
}
async function writeKeyPair(outPath) {
  const privatePath = outPath;
  const publicPath = `${outPath}.pub`;
  for (const path of [privatePath, publicPath]) await refuseExisting(path);
  const pair = generateCountersignerKey();
  await writeExclusive(privatePath, pair.privateKeyPem, 384);
  try {
    await writeExclusive(publicPath, pair.publicKeyPem, 420);
  } catch (err) {
    await rm(privatePath, { force: true });
    throw err;
  }
  return { keyId: pair.keyId, privatePath, publicPath };
}
async function readKeyFile(path, what, maxBytes, isPrivate) {
  return readCappedFile(path, {
    maxBytes,
    privateKey: isPrivate,
    codes: {
      unreadable: "key-unreadable",
      tooLarge: "key-too-large",
      changed: "key-unreadable",
      permissions: "key-permissions"
    },
    message: (f) => {
      switch (f.kind) {
        case "unreadable":
          return `${path}: could not read the ${what} file (${f.reason})`;
        case "not-a-file":
          return `${path}: expected a ${what} file, found something that is not a regular file`;
        case "permissions":
          return `${path}: expected a private key file only its owner can access (mode 0600), found mode 0${f.mode.toString(8)}; run 'chmod 600 ${path}'`;
        case "too-large":
          return `${path}: expected a ${what} file of at most ${maxBytes} bytes, found ${f.size ?? "more"}`;
        default:
          return void 0;
      }
    }
  });
}
function decodeText(bytes, path) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(
      "key-pem",
      `${path}: expected a PEM text file, found binary data (a DER key? convert it with 'openssl pkey -outform PEM')`
    );
  }
}
async function refuseExisting(path) {
  try {
    await lstat(path);
  } catch (err) {
    if (err.code === "ENOENT") return;
    throw unreadable(path, "key", err);
  }
  throw exists(path);
}
async function writeExclusive(path, data, mode) {
  try {
    await writeFileAtomic(path, data, { mode, exclusive: true });
  } catch (err) {
    if (err.code === "EEXIST") throw exists(path);
    const code = err.code;
    throw new InputError(
      "key-unwritable",
      `${path}: could not write the key file (${code === "ENOENT" ? "no such directory" : fsReason(err)})`
    );
  }
}
function exists(path) {
  return new InputError(
    "key-exists",
    `${path}: already exists; refusing to overwrite a key file (choose another --out, or move the old key away first)`
  );
}
function unreadable(path, what, err) {
  return new InputError("key-unreadable", `${path}: could not read the ${what} file (${fsReason(err)})`);
}

export {
  loadPrivateKeyFile,
  writeKeyPair
};
