import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  writeKeyPair
} from "./shared-e0d916f7.mjs";
import {
  usageError
} from "./shared-ed14cf75.mjs";
import {
  reportFatal
} from "./shared-692b722b.mjs";
import "./shared-c2330f2a.mjs";
import "./shared-d96130d7.mjs";
import "./shared-197306b2.mjs";
import "./shared-ceef7eae.mjs";
import {
  parseVerbArgs
} from "./shared-0776c14a.mjs";
import "./shared-1abd220a.mjs";
import "./shared-92dc4500.mjs";
import "./shared-18cfce56.mjs";

// src/cli/keygen.ts
var USAGE = `usage: countersign keygen --out FILE

Makes organisation B's Ed25519 countersigning key (spec/ED25519.md \xA76):
  FILE       the private key, PKCS#8 PEM, mode 0600: keep it secret
  FILE.pub   the public key, SPKI PEM: pin it in the policy
Never overwrites an existing file. Prints the key id (sha256:<hex>) on stdout.

  --out FILE   where to write the private key (the public key goes to FILE.pub)

Exit codes: 0 written, 2 could not run.`;
async function run(argv) {
  let values;
  try {
    ({ values } = parseVerbArgs(
      "keygen",
      argv,
      { out: { type: "string" }, help: { type: "boolean", short: "h" } },
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
  const { keyId, privatePath, publicPath } = await writeKeyPair(values.out);
  console.error(`wrote private key ${privatePath} (mode 0600) and public key ${publicPath}`);
  console.log(keyId);
  return 0;
}
export {
  USAGE,
  run
};
