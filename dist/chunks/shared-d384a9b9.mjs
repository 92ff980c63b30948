// Shared by: cli-sign, stack (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  checkServiceUrl
} from "./shared-4b5b2dce.mjs";
import {
  Shape,
  describe
} from "./shared-ceef7eae.mjs";
import {
  InputError
} from "./shared-92dc4500.mjs";

// src/lib/formats/stack/description.ts
import { isAbsolute } from "node:path";
var STACK_DESCRIPTION_MEDIA_TYPE = "application/vnd.countersign.stack.v1+json";
var MAX_STACK_FILE_BYTES = 64 * 1024;
var STRING_FIELDS = [
  "mediaType",
  "fulcioUrl",
  "rekorUrl",
  "tsaUrl",
  "trustedRoot",
  "tokenUrl",
  "requestToken",
  "issuer",
  "jobWorkflowRef",
  "identity"
];
var BOOLEAN_FIELDS = ["useRekor", "useTsa"];
function instanceFromStackDescription(value, what) {
  const s = new Shape(what, "sigstore-instance-invalid");
  const doc = s.object(value, "$", STRING_FIELDS, BOOLEAN_FIELDS);
  for (const key of STRING_FIELDS) s.text(doc[key], `$.${key}`);
  for (const key of BOOLEAN_FIELDS) {
    if (Object.hasOwn(doc, key) && typeof doc[key] !== "boolean")
      s.fail(`$.${key}`, `expected true or false, found ${describe(doc[key])}`);
  }
  if (doc.mediaType !== STACK_DESCRIPTION_MEDIA_TYPE) {
    throw new InputError(
      "sigstore-instance-invalid",
      `${what}: expected mediaType ${STACK_DESCRIPTION_MEDIA_TYPE}, found ${JSON.stringify(doc.mediaType)}`
    );
  }
  const trustedRoot = doc.trustedRoot;
  if (!isAbsolute(trustedRoot))
    throw new InputError(
      "sigstore-instance-invalid",
      `${what}: expected "trustedRoot" to be an absolute path, found ${JSON.stringify(trustedRoot)}`
    );
  checkServiceUrl(doc.tokenUrl, `${what}: tokenUrl`, { allowQuery: true });
  const useRekor = doc.useRekor !== false;
  const useTsa = doc.useTsa !== false;
  if (!useRekor && !useTsa)
    throw new InputError(
      "sigstore-instance-invalid",
      `${what}: "useRekor" and "useTsa" are both false: a signature needs a transparency log entry or a timestamp`
    );
  return {
    kind: "stack",
    name: `stack ${what.replace(/^stack description /, "")}`,
    fulcioUrl: checkServiceUrl(doc.fulcioUrl, `${what}: fulcioUrl`),
    rekorUrl: useRekor ? checkServiceUrl(doc.rekorUrl, `${what}: rekorUrl`) : void 0,
    tsaUrl: useTsa ? checkServiceUrl(doc.tsaUrl, `${what}: tsaUrl`) : void 0,
    trustedRootPath: trustedRoot
  };
}

export {
  STACK_DESCRIPTION_MEDIA_TYPE,
  MAX_STACK_FILE_BYTES,
  instanceFromStackDescription
};
