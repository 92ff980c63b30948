// Shared by: cli-countersign, cli-keygen, cli-serve (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  checkSecretFilePlace,
  loadPrivateKeyFile,
  refuseExistingKeyFile,
  seedSigner,
  writePublicKeyFile
} from "./shared-85e931d3.mjs";
import {
  nameTemplate
} from "./shared-e7549aa0.mjs";
import {
  readCappedFile
} from "./shared-e09a80f9.mjs";
import {
  InputError
} from "./shared-c0077619.mjs";

// src/lib/basics/pkcs11/uri.ts
var MAX_PKCS11_URI_CHARS = 4096;
var MAX_VALUE_OCTETS = 1024;
var PATH_TEXT = {
  token: "token",
  manufacturer: "manufacturer",
  serial: "serial",
  model: "model",
  "library-manufacturer": "libraryManufacturer",
  "library-description": "libraryDescription",
  "slot-description": "slotDescription",
  "slot-manufacturer": "slotManufacturer",
  object: "object"
};
var QUERY_TEXT = {
  "pin-source": "pinSource",
  "pin-value": "pinValue",
  "module-name": "moduleName",
  "module-path": "modulePath"
};
var TYPES = ["public", "private", "cert", "secret-key", "data"];
var PCHAR = /^[A-Za-z0-9\-._~:[\]@!$'()*+,=&]$/;
var QCHAR = /^[A-Za-z0-9\-._~:[\]@!$'()*+,=/?|]$/;
function isPkcs11Uri(reference) {
  return /^pkcs11:/i.test(reference);
}
function parsePkcs11Uri(uri, what) {
  const bad = (problem) => {
    throw new InputError("pkcs11-uri-malformed", `${what}: expected a PKCS#11 URI (RFC 7512), ${problem}`);
  };
  if (uri.length > MAX_PKCS11_URI_CHARS)
    bad(`found ${uri.length} characters, over the limit of ${MAX_PKCS11_URI_CHARS}`);
  if (!isPkcs11Uri(uri)) bad("found no pkcs11: scheme");
  const rest = uri.slice("pkcs11:".length);
  const q = rest.indexOf("?");
  const path = q === -1 ? rest : rest.slice(0, q);
  const query = q === -1 ? void 0 : rest.slice(q + 1);
  if (/#/.test(rest)) bad("found a fragment (#), which PKCS#11 URIs do not have");
  const out = {};
  const seen = /* @__PURE__ */ new Set();
  const attributes = (part, separator, chars, where) => {
    if (part === "") return [];
    return part.split(separator).map((attr) => {
      const eq = attr.indexOf("=");
      if (eq <= 0) bad(`found ${JSON.stringify(clip(attr))} in the ${where}, not name=value`);
      const name = attr.slice(0, eq);
      const raw = attr.slice(eq + 1);
      if (seen.has(name)) bad(`found ${name} twice (each attribute at most once)`);
      seen.add(name);
      return { name, value: decode(raw, chars, name, bad) };
    });
  };
  for (const { name, value } of attributes(path, ";", PCHAR, "path")) {
    const key = PATH_TEXT[name];
    if (key !== void 0) {
      out[key] = text(value, name, bad);
    } else if (name === "id") {
      out.id = value;
    } else if (name === "type") {
      const t = text(value, name, bad);
      const type = TYPES.find((x) => x === t);
      if (type === void 0) bad(`found type=${JSON.stringify(clip(t))}, expected one of ${TYPES.join(", ")}`);
      else out.type = type;
    } else if (name === "slot-id") {
      const t = text(value, name, bad);
      if (!/^\d{1,15}$/.test(t)) bad(`found slot-id=${JSON.stringify(clip(t))}, expected a decimal number`);
      out.slotId = Number(t);
    } else if (name === "library-version") {
      const m = /^(\d{1,3})(?:\.(\d{1,3}))?$/.exec(text(value, name, bad));
      if (!m) bad(`found library-version=${JSON.stringify(clip(text(value, name, bad)))}, expected M or M.N`);
      else out.libraryVersion = { major: Number(m[1]), minor: Number(m[2] ?? "0") };
    } else {
      bad(
        `found the path attribute ${JSON.stringify(clip(name))}, which this tool does not know (refused rather than ignored)`
      );
    }
  }
  if (query !== void 0) {
    for (const { name, value } of attributes(query, "&", QCHAR, "query")) {
      const key = QUERY_TEXT[name];
      if (key === void 0)
        bad(
          `found the query attribute ${JSON.stringify(clip(name))}, which this tool does not know (refused rather than ignored)`
        );
      else out[key] = text(value, name, bad);
    }
  }
  if (out.pinSource !== void 0 && out.pinValue !== void 0) bad("found both pin-source and pin-value (give one)");
  return out;
}
function decode(raw, chars, name, bad) {
  const secret = /^pin-value$/i.test(name);
  const bytes = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charAt(i);
    if (c === "%") {
      const hex = raw.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex))
        bad(`found a bad percent-encoding in ${name}${secret ? "" : ` (%${clip(hex)})`}`);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (chars.test(c)) {
      bytes.push(c.charCodeAt(0));
    } else {
      bad(
        `found ${secret ? "a character" : `the character ${JSON.stringify(c)}`} in ${name}, which must be percent-encoded`
      );
    }
    if (bytes.length > MAX_VALUE_OCTETS) bad(`found ${name} over the limit of ${MAX_VALUE_OCTETS} octets`);
  }
  return Uint8Array.from(bytes);
}
function text(value, name, bad) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(value);
  } catch {
    return bad(`found ${name} that is not UTF-8 text`);
  }
}
function clip(s) {
  return s.length > 60 ? `${s.slice(0, 60)}\u2026` : s;
}
function redactPkcs11Uri(uri) {
  const q = uri.indexOf("?");
  const path = q === -1 ? uri : uri.slice(0, q);
  const query = q === -1 ? void 0 : uri.slice(q);
  const redactedPath = path.replace(/([:;]pin(?:-|%2d)value=)[^;#]*/gi, "$1***");
  return query === void 0 ? redactedPath : redactedPath + query.replace(/([?&]pin(?:-|%2d)value=)[^&#]*/gi, "$1***");
}

// src/lib/basics/io/key-ref.ts
import { isAbsolute } from "node:path";
var DEFAULT_MODULE_ENV = "COUNTERSIGN_PKCS11_MODULE";
var MAX_PIN_FILE_BYTES = 256;
async function openSigningKey(reference, flag, options = {}) {
  if (!isPkcs11Uri(reference)) {
    const key = await loadPrivateKeyFile(reference);
    return {
      signer: seedSigner(key.seed, key.keyId),
      keyId: key.keyId,
      rawPublicKey: key.publicKey,
      store: "file",
      close: () => {
        key.seed.fill(0);
      }
    };
  }
  const location = await tokenLocation(reference, flag, options);
  const { openPkcs11Signer } = await import("./lib-basics-pkcs11-signer.mjs");
  const signer = await openPkcs11Signer(location);
  return {
    signer,
    keyId: signer.keyId,
    rawPublicKey: signer.rawPublicKey,
    store: "pkcs11",
    close: () => {
      signer.close();
    }
  };
}
async function generateKeyInToken(reference, outPath, flag) {
  const publicPath = `${outPath}.pub`;
  await refuseExistingKeyFile(publicPath);
  const location = await tokenLocation(reference, flag);
  const { generatePkcs11Key } = await import("./lib-basics-pkcs11-keygen.mjs");
  const { rawPublicKey, keyId } = await generatePkcs11Key(location);
  await writePublicKeyFile(publicPath, rawPublicKey);
  return { keyId, publicPath };
}
async function tokenLocation(reference, flag, options = {}) {
  const what = `${flag} ${redactPkcs11Uri(reference)}`;
  const uri = parsePkcs11Uri(reference, what);
  if (options.refusePinValue && uri.pinValue !== void 0)
    throw new InputError(
      "pkcs11-pin",
      `${what}: expected pin-source=file:/path/to/pin-file (mode 0600), found pin-value: a PIN in a key reference leaks (other local users read a command line in /proc/PID/cmdline; inputs and commands reach logs)`
    );
  nameTemplate(uri, what);
  const modulePath = uri.modulePath ?? (process.env[DEFAULT_MODULE_ENV] || void 0);
  if (modulePath === void 0)
    throw new InputError(
      "pkcs11-module",
      `${what}: expected module-path=/path/to/module.so in the URI or ${DEFAULT_MODULE_ENV} set, found neither${uri.moduleName !== void 0 ? " (module-name is not supported: give the path)" : ""}`
    );
  return { modulePath, uri, pin: await pinOf(uri.pinValue, uri.pinSource, what), what };
}
async function pinOf(pinValue, pinSource, what) {
  if (pinValue !== void 0) return pinValue;
  if (pinSource === void 0)
    throw new InputError(
      "pkcs11-pin",
      `${what}: expected the token's PIN, as pin-source=file:/path/to/pin-file (mode 0600) or pin-value=..., found neither`
    );
  const path = /^file:\/\/\//.test(pinSource) ? pinSource.slice("file://".length) : /^file:\//.test(pinSource) ? pinSource.slice("file:".length) : pinSource;
  if (!isAbsolute(path) || /^[a-z][a-z0-9+.-]*:/i.test(path))
    throw new InputError(
      "pkcs11-pin",
      `${what}: expected pin-source to be file: and an absolute path, found ${JSON.stringify(pinSource.slice(0, 200))}`
    );
  await checkSecretFilePlace(path, "a PIN file", "pkcs11-pin");
  const bytes = await readCappedFile(path, {
    what: `${what}: PIN file ${path}`,
    maxBytes: MAX_PIN_FILE_BYTES,
    privateKey: true,
    codes: { unreadable: "pkcs11-pin", tooLarge: "pkcs11-pin", changed: "pkcs11-pin", permissions: "pkcs11-pin" }
  });
  try {
    const text2 = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    const pin = text2.replace(/\r?\n$/, "");
    if (pin === "" || /[\r\n]/.test(pin))
      throw new InputError(
        "pkcs11-pin",
        `${what}: expected the PIN on one line of the PIN file ${path}, found ${pin === "" ? "an empty file" : "several lines"}`
      );
    return pin;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError("pkcs11-pin", `${what}: expected the PIN file ${path} to be UTF-8 text`);
  } finally {
    bytes.fill(0);
  }
}

export {
  isPkcs11Uri,
  openSigningKey,
  generateKeyInToken
};
