import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  writeKeyPair
} from "./shared-e0d916f7.mjs";
import "./shared-aee9c4ce.mjs";
import {
  usageError
} from "./shared-7cbc52b0.mjs";
import "./shared-2868a1ae.mjs";
import "./shared-c2330f2a.mjs";
import "./shared-f525ae91.mjs";
import "./shared-dcbfea3f.mjs";

// src/cli/keygen.ts
import { parseArgs } from "node:util";
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
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        out: { type: "string" },
        help: { type: "boolean", short: "h" }
      }
    }));
  } catch (err) {
    const code = err.code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) return usageError("keygen", err.message);
    throw err;
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
