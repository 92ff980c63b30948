// Shared by: cli-countersign, cli-demo, cli-keygen, cli-serve (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  MAX_PRIVATE_KEY_PEM_BYTES,
  generateCountersignerKey,
  parsePrivateKeyPem
} from "./shared-aee9c4ce.mjs";
import {
  writeFileAtomic
} from "./shared-c2330f2a.mjs";
import {
  InputError
} from "./shared-f525ae91.mjs";

// src/lib/basics/io/key-files.ts
import { lstat, open, rm } from "node:fs/promises";
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
  let handle;
  try {
    handle = await open(path, "r");
  } catch (err) {
    throw unreadable(path, what, err);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new InputError("key-unreadable", `${path}: expected a ${what} file, found something that is not a regular file`);
    if (isPrivate && process.platform !== "win32" && (st.mode & 63) !== 0) {
      throw new InputError("key-permissions", `${path}: expected a private key file only its owner can access (mode 0600), found mode 0${(st.mode & 511).toString(8)}; run 'chmod 600 ${path}'`);
    }
    if (st.size > maxBytes) throw new InputError("key-too-large", `${path}: expected a ${what} file of at most ${maxBytes} bytes, found ${st.size}`);
    const buffer = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) throw new InputError("key-too-large", `${path}: expected a ${what} file of at most ${maxBytes} bytes, found more`);
    const bytes = Buffer.from(buffer.subarray(0, bytesRead));
    buffer.fill(0);
    return bytes;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw unreadable(path, what, err);
  } finally {
    await handle.close();
  }
}
function decodeText(bytes, path) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError("key-pem", `${path}: expected a PEM text file, found binary data (a DER key? convert it with 'openssl pkey -outform PEM')`);
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
    throw new InputError("key-unwritable", `${path}: could not write the key file (${code === "ENOENT" ? "no such directory" : code === "EACCES" ? "permission denied" : err.message})`);
  }
}
function exists(path) {
  return new InputError("key-exists", `${path}: already exists; refusing to overwrite a key file (choose another --out, or move the old key away first)`);
}
function unreadable(path, what, err) {
  const code = err.code;
  const reason = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : err instanceof Error ? err.message : String(err);
  return new InputError("key-unreadable", `${path}: could not read the ${what} file (${reason})`);
}

export {
  loadPrivateKeyFile,
  writeKeyPair
};
