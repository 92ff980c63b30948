// Shared by: cli-countersign, cli-demo, cli-keygen, cli-serve, cli-witness (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  writeFileAtomic
} from "./shared-2abda158.mjs";
import {
  fsReason,
  readCappedFile
} from "./shared-e09a80f9.mjs";
import {
  MAX_PRIVATE_KEY_PEM_BYTES,
  generateCountersignerKey,
  parsePrivateKeyPem
} from "./shared-5310986a.mjs";
import {
  ED25519_SPKI_PREFIX,
  signEd25519
} from "./shared-2b0dfa9f.mjs";
import {
  InputError
} from "./shared-c0077619.mjs";

// src/lib/basics/io/file-safety.ts
import { lstat, realpath, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
var checked = process.platform !== "win32";
async function checkSecretFilePlace(path, what, code = "key-permissions") {
  if (!checked) return;
  const st = await statOrUndefined(() => lstat(path));
  if (st === void 0 || !st.isFile() && !st.isSymbolicLink()) return;
  const fail = (problem, fix) => {
    throw new InputError(code, `${path}: expected ${what} ${problem}; ${fix}`);
  };
  if (st.isSymbolicLink())
    fail(
      "that is not a symbolic link, found one",
      "give the path of the file itself (a link can be pointed elsewhere)"
    );
  const uid = process.geteuid?.();
  if (uid !== void 0 && st.uid !== uid)
    fail(`owned by the user running countersign (uid ${uid}), found uid ${st.uid}`, `run 'chown ${uid} ${path}'`);
  await checkDirectory(dirname(resolve(path)), path, what, code);
}
async function checkPolicyFilePlace(path) {
  if (!checked) return;
  const st = await statOrUndefined(() => stat(path));
  if (st === void 0 || !st.isFile()) return;
  const uid = process.geteuid?.();
  const fail = (problem) => {
    throw new InputError(
      "policy-file-unsafe",
      `${path}: expected a policy file only its owner can change (it decides what B countersigns), ${problem}`
    );
  };
  if (uid !== void 0 && st.uid !== uid && st.uid !== 0)
    fail(`found one owned by uid ${st.uid} (neither this user, uid ${uid}, nor root)`);
  if ((st.mode & 18) !== 0)
    fail(`found mode 0${(st.mode & 511).toString(8)}, writable by ${whoWrites(st.mode)}; run 'chmod go-w ${path}'`);
  const real = await realpath(path);
  await checkDirectory(dirname(real), path, "a policy file", "policy-file-unsafe");
  const given = dirname(resolve(path));
  if (given !== dirname(real))
    await checkDirectory(given, path, "a policy file (or a link to one)", "policy-file-unsafe");
}
async function checkDirectory(dir, path, what, code) {
  const st = await statOrUndefined(() => stat(dir));
  if (st === void 0) return;
  const uid = process.geteuid?.();
  if (uid !== void 0 && st.uid !== uid && st.uid !== 0)
    throw new InputError(
      code,
      `${path}: expected ${what} in a directory owned by this user (uid ${uid}) or root, found ${dir} owned by uid ${st.uid}, who can replace the file`
    );
  if ((st.mode & 18) !== 0)
    throw new InputError(
      code,
      `${path}: expected ${what} in a directory only its owner can write, found ${dir} with mode 0${(st.mode & 4095).toString(8)}, writable by ${whoWrites(st.mode)}, who can replace the file; move it to a private directory`
    );
}
function whoWrites(mode) {
  return (mode & 16) !== 0 && (mode & 2) !== 0 ? "group and others" : (mode & 16) !== 0 ? "group" : "others";
}
async function statOrUndefined(get) {
  try {
    return await get();
  } catch {
    return void 0;
  }
}

// src/lib/basics/io/key-files.ts
import { lstat as lstat2, rm } from "node:fs/promises";
async function loadPrivateKeyFile(path) {
  await checkSecretFilePlace(path, "a private key file");
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
async function refuseExistingKeyFile(path) {
  await refuseExisting(path);
}
async function writePublicKeyFile(path, rawPublicKey) {
  const der = Buffer.concat([ED25519_SPKI_PREFIX, rawPublicKey]).toString("base64");
  await writeExclusive(path, `-----BEGIN PUBLIC KEY-----
${der}
-----END PUBLIC KEY-----
`, 420);
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
    await lstat2(path);
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

// src/lib/basics/crypto/signer.ts
import { createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
var PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
var SELF_CHECK_MESSAGE = new TextEncoder().encode("countersign: signer self-check");
function seedSigner(seed, keyId) {
  signEd25519(SELF_CHECK_MESSAGE, seed);
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: "der",
    type: "pkcs8"
  });
  const publicKey = createPublicKey(privateKey);
  return {
    keyId,
    // A rejected promise (not a throw) if signing fails, as from an async function.
    sign: (message) => Promise.resolve().then(() => {
      const signature = new Uint8Array(sign(null, message, privateKey));
      if (!verify(null, message, publicKey, signature))
        throw new Error("Ed25519: the signature just made does not verify");
      return signature;
    })
  };
}

export {
  checkSecretFilePlace,
  checkPolicyFilePlace,
  loadPrivateKeyFile,
  writeKeyPair,
  refuseExistingKeyFile,
  writePublicKeyFile,
  seedSigner
};
