import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  generateKeyInToken,
  isPkcs11Uri
} from "./shared-9896c63c.mjs";
import {
  writeKeyPair
} from "./shared-85e931d3.mjs";
import "./shared-e7549aa0.mjs";
import {
  reportFatal
} from "./shared-42d5d1df.mjs";
import "./shared-2abda158.mjs";
import {
  usageError
} from "./shared-d30e65f7.mjs";
import {
  parseVerbArgs
} from "./shared-25dfcc74.mjs";
import "./shared-e09a80f9.mjs";
import "./shared-5310986a.mjs";
import "./shared-2b0dfa9f.mjs";
import "./shared-f3698323.mjs";
import "./shared-84c2b3d1.mjs";
import "./shared-c0077619.mjs";
import "./shared-2bfe6f66.mjs";

// src/cli/keygen.ts
var USAGE = `usage: countersign keygen --out FILE
       countersign keygen --key PKCS11_URI --out NAME

Makes organisation B's Ed25519 countersigning key (spec/ED25519.md \xA76):
  FILE       the private key, PKCS#8 PEM, mode 0600: keep it secret
  FILE.pub   the public key, SPKI PEM: pin it in the policy
Never overwrites an existing file. Prints the key id (sha256:<hex>) on stdout.

  --out FILE   where to write the private key (the public key goes to FILE.pub)
  --key URI    make the key pair inside a PKCS#11 token instead (docs/keys.md), e.g.
               'pkcs11:token=countersign-b;object=b-release?module-path=/usr/lib/softhsm/libsofthsm2.so&pin-source=file:/run/secrets/pin':
               the private key is sensitive and never leaves the token; only NAME.pub is
               written (after the token made the pair). Refuses a name the token already has.

Exit codes: 0 written, 2 could not run.`;
async function run(argv) {
  let values;
  try {
    ({ values } = parseVerbArgs(
      "keygen",
      argv,
      { out: { type: "string" }, key: { type: "string" }, help: { type: "boolean", short: "h" } },
      { positionals: false }
    ));
  } catch (err) {
    return reportFatal(err);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out) return usageError("keygen", "missing --out FILE");
  if (values.key !== void 0) {
    if (!isPkcs11Uri(values.key))
      return usageError("keygen", "--key takes a PKCS#11 URI (pkcs11:...); for a key file give --out FILE alone");
    const made = await generateKeyInToken(values.key, values.out, "--key");
    console.error(`made the key pair in the token; wrote public key ${made.publicPath}`);
    console.log(made.keyId);
    return 0;
  }
  const { keyId, privatePath, publicPath } = await writeKeyPair(values.out);
  console.error(`wrote private key ${privatePath} (mode 0600) and public key ${publicPath}`);
  console.log(keyId);
  return 0;
}
export {
  USAGE,
  run
};
