// Shared by: cli-build, cli-countersign, cli-demo, cli-policy-update, cli-serve, cli-sign, cli-verify, cli-verify-bundle (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  require_dist as require_dist2,
  require_dist2 as require_dist3
} from "./shared-f06d4d30.mjs";
import {
  require_dist
} from "./shared-8e434138.mjs";
import {
  compileIdentityPattern
} from "./shared-2f63fab4.mjs";
import {
  SOURCE_REPOSITORY_CLAIMS
} from "./shared-31413875.mjs";
import {
  parseNoteSignatureLine
} from "./shared-a58ce1e9.mjs";
import {
  decodeCanonicalBase64,
  equalBytes
} from "./shared-84c2b3d1.mjs";
import {
  InputError,
  VerificationError
} from "./shared-c0077619.mjs";
import {
  __commonJS,
  __toESM
} from "./shared-2bfe6f66.mjs";

// node_modules/@sigstore/bundle/dist/bundle.js
var require_bundle = __commonJS({
  "node_modules/@sigstore/bundle/dist/bundle.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.BUNDLE_V03_MEDIA_TYPE = exports.BUNDLE_V03_LEGACY_MEDIA_TYPE = exports.BUNDLE_V02_MEDIA_TYPE = exports.BUNDLE_V01_MEDIA_TYPE = void 0;
    exports.isBundleWithCertificateChain = isBundleWithCertificateChain;
    exports.isBundleWithPublicKey = isBundleWithPublicKey;
    exports.isBundleWithMessageSignature = isBundleWithMessageSignature;
    exports.isBundleWithDsseEnvelope = isBundleWithDsseEnvelope;
    exports.BUNDLE_V01_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle+json;version=0.1";
    exports.BUNDLE_V02_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle+json;version=0.2";
    exports.BUNDLE_V03_LEGACY_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle+json;version=0.3";
    exports.BUNDLE_V03_MEDIA_TYPE = "application/vnd.dev.sigstore.bundle.v0.3+json";
    function isBundleWithCertificateChain(b) {
      return b.verificationMaterial.content.$case === "x509CertificateChain";
    }
    function isBundleWithPublicKey(b) {
      return b.verificationMaterial.content.$case === "publicKey";
    }
    function isBundleWithMessageSignature(b) {
      return b.content.$case === "messageSignature";
    }
    function isBundleWithDsseEnvelope(b) {
      return b.content.$case === "dsseEnvelope";
    }
  }
});

// node_modules/@sigstore/bundle/dist/build.js
var require_build = __commonJS({
  "node_modules/@sigstore/bundle/dist/build.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.toMessageSignatureBundle = toMessageSignatureBundle;
    exports.toDSSEBundle = toDSSEBundle;
    var protobuf_specs_1 = require_dist();
    var bundle_1 = require_bundle();
    function toMessageSignatureBundle(options) {
      return {
        mediaType: options.certificateChain ? bundle_1.BUNDLE_V02_MEDIA_TYPE : bundle_1.BUNDLE_V03_MEDIA_TYPE,
        content: {
          $case: "messageSignature",
          messageSignature: {
            messageDigest: {
              algorithm: protobuf_specs_1.HashAlgorithm.SHA2_256,
              digest: options.digest
            },
            signature: options.signature
          }
        },
        verificationMaterial: toVerificationMaterial(options)
      };
    }
    function toDSSEBundle(options) {
      return {
        mediaType: options.certificateChain ? bundle_1.BUNDLE_V02_MEDIA_TYPE : bundle_1.BUNDLE_V03_MEDIA_TYPE,
        content: {
          $case: "dsseEnvelope",
          dsseEnvelope: toEnvelope(options)
        },
        verificationMaterial: toVerificationMaterial(options)
      };
    }
    function toEnvelope(options) {
      return {
        payloadType: options.artifactType,
        payload: options.artifact,
        signatures: [toSignature(options)]
      };
    }
    function toSignature(options) {
      return {
        keyid: options.keyHint || "",
        sig: options.signature
      };
    }
    function toVerificationMaterial(options) {
      return {
        content: toKeyContent(options),
        tlogEntries: [],
        timestampVerificationData: { rfc3161Timestamps: [] }
      };
    }
    function toKeyContent(options) {
      if (options.certificate) {
        if (options.certificateChain) {
          return {
            $case: "x509CertificateChain",
            x509CertificateChain: {
              certificates: [{ rawBytes: options.certificate }]
            }
          };
        } else {
          return {
            $case: "certificate",
            certificate: { rawBytes: options.certificate }
          };
        }
      } else {
        return {
          $case: "publicKey",
          publicKey: {
            hint: options.keyHint || ""
          }
        };
      }
    }
  }
});

// node_modules/@sigstore/bundle/dist/error.js
var require_error = __commonJS({
  "node_modules/@sigstore/bundle/dist/error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ValidationError = void 0;
    var ValidationError = class extends Error {
      fields;
      constructor(message, fields) {
        super(message);
        this.fields = fields;
      }
    };
    exports.ValidationError = ValidationError;
  }
});

// node_modules/@sigstore/bundle/dist/validate.js
var require_validate = __commonJS({
  "node_modules/@sigstore/bundle/dist/validate.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.assertBundle = assertBundle;
    exports.assertBundleV01 = assertBundleV01;
    exports.isBundleV01 = isBundleV01;
    exports.assertBundleV02 = assertBundleV02;
    exports.assertBundleLatest = assertBundleLatest;
    var error_1 = require_error();
    function assertBundle(b) {
      const invalidValues = validateBundleBase(b);
      if (invalidValues.length > 0) {
        throw new error_1.ValidationError("invalid bundle", invalidValues);
      }
    }
    function assertBundleV01(b) {
      const invalidValues = [];
      invalidValues.push(...validateBundleBase(b));
      invalidValues.push(...validateInclusionPromise(b));
      if (invalidValues.length > 0) {
        throw new error_1.ValidationError("invalid v0.1 bundle", invalidValues);
      }
    }
    function isBundleV01(b) {
      try {
        assertBundleV01(b);
        return true;
      } catch (e) {
        return false;
      }
    }
    function assertBundleV02(b) {
      const invalidValues = [];
      invalidValues.push(...validateBundleBase(b));
      invalidValues.push(...validateInclusionProof(b));
      if (invalidValues.length > 0) {
        throw new error_1.ValidationError("invalid v0.2 bundle", invalidValues);
      }
    }
    function assertBundleLatest(b) {
      const invalidValues = [];
      invalidValues.push(...validateBundleBase(b));
      invalidValues.push(...validateInclusionProof(b));
      invalidValues.push(...validateNoCertificateChain(b));
      if (invalidValues.length > 0) {
        throw new error_1.ValidationError("invalid bundle", invalidValues);
      }
    }
    function validateBundleBase(b) {
      const invalidValues = [];
      if (b.mediaType === void 0 || !b.mediaType.match(/^application\/vnd\.dev\.sigstore\.bundle\+json;version=\d\.\d/) && !b.mediaType.match(/^application\/vnd\.dev\.sigstore\.bundle\.v\d\.\d\+json/)) {
        invalidValues.push("mediaType");
      }
      if (b.content === void 0) {
        invalidValues.push("content");
      } else {
        switch (b.content.$case) {
          case "messageSignature":
            if (b.content.messageSignature.messageDigest === void 0) {
              invalidValues.push("content.messageSignature.messageDigest");
            } else {
              if (b.content.messageSignature.messageDigest.digest.length === 0) {
                invalidValues.push("content.messageSignature.messageDigest.digest");
              }
            }
            if (b.content.messageSignature.signature.length === 0) {
              invalidValues.push("content.messageSignature.signature");
            }
            break;
          case "dsseEnvelope":
            if (b.content.dsseEnvelope.payload.length === 0) {
              invalidValues.push("content.dsseEnvelope.payload");
            }
            if (b.content.dsseEnvelope.signatures.length !== 1) {
              invalidValues.push("content.dsseEnvelope.signatures");
            } else {
              if (b.content.dsseEnvelope.signatures[0].sig.length === 0) {
                invalidValues.push("content.dsseEnvelope.signatures[0].sig");
              }
            }
            break;
        }
      }
      if (b.verificationMaterial === void 0) {
        invalidValues.push("verificationMaterial");
      } else {
        if (b.verificationMaterial.content === void 0) {
          invalidValues.push("verificationMaterial.content");
        } else {
          switch (b.verificationMaterial.content.$case) {
            case "x509CertificateChain":
              if (b.verificationMaterial.content.x509CertificateChain.certificates.length === 0) {
                invalidValues.push("verificationMaterial.content.x509CertificateChain.certificates");
              }
              b.verificationMaterial.content.x509CertificateChain.certificates.forEach((cert, i) => {
                if (cert.rawBytes.length === 0) {
                  invalidValues.push(`verificationMaterial.content.x509CertificateChain.certificates[${i}].rawBytes`);
                }
              });
              break;
            case "certificate":
              if (b.verificationMaterial.content.certificate.rawBytes.length === 0) {
                invalidValues.push("verificationMaterial.content.certificate.rawBytes");
              }
              break;
          }
        }
        if (b.verificationMaterial.tlogEntries === void 0) {
          invalidValues.push("verificationMaterial.tlogEntries");
        } else {
          if (b.verificationMaterial.tlogEntries.length > 0) {
            b.verificationMaterial.tlogEntries.forEach((entry, i) => {
              if (entry.logId === void 0) {
                invalidValues.push(`verificationMaterial.tlogEntries[${i}].logId`);
              }
              if (entry.kindVersion === void 0) {
                invalidValues.push(`verificationMaterial.tlogEntries[${i}].kindVersion`);
              }
            });
          }
        }
      }
      return invalidValues;
    }
    function validateInclusionPromise(b) {
      const invalidValues = [];
      if (b.verificationMaterial && b.verificationMaterial.tlogEntries?.length > 0) {
        b.verificationMaterial.tlogEntries.forEach((entry, i) => {
          if (entry.inclusionPromise === void 0) {
            invalidValues.push(`verificationMaterial.tlogEntries[${i}].inclusionPromise`);
          }
        });
      }
      return invalidValues;
    }
    function validateInclusionProof(b) {
      const invalidValues = [];
      if (b.verificationMaterial && b.verificationMaterial.tlogEntries?.length > 0) {
        b.verificationMaterial.tlogEntries.forEach((entry, i) => {
          if (entry.inclusionProof === void 0) {
            invalidValues.push(`verificationMaterial.tlogEntries[${i}].inclusionProof`);
          } else {
            if (entry.inclusionProof.checkpoint === void 0) {
              invalidValues.push(`verificationMaterial.tlogEntries[${i}].inclusionProof.checkpoint`);
            }
          }
        });
      }
      return invalidValues;
    }
    function validateNoCertificateChain(b) {
      const invalidValues = [];
      if (b.verificationMaterial?.content?.$case === "x509CertificateChain") {
        invalidValues.push("verificationMaterial.content.$case");
      }
      return invalidValues;
    }
  }
});

// node_modules/@sigstore/bundle/dist/serialized.js
var require_serialized = __commonJS({
  "node_modules/@sigstore/bundle/dist/serialized.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.envelopeToJSON = exports.envelopeFromJSON = exports.bundleToJSON = exports.bundleFromJSON = void 0;
    var protobuf_specs_1 = require_dist();
    var bundle_1 = require_bundle();
    var validate_1 = require_validate();
    var bundleFromJSON2 = (obj) => {
      const bundle = protobuf_specs_1.Bundle.fromJSON(obj);
      switch (bundle.mediaType) {
        case bundle_1.BUNDLE_V01_MEDIA_TYPE:
          (0, validate_1.assertBundleV01)(bundle);
          break;
        case bundle_1.BUNDLE_V02_MEDIA_TYPE:
          (0, validate_1.assertBundleV02)(bundle);
          break;
        default:
          (0, validate_1.assertBundleLatest)(bundle);
          break;
      }
      return bundle;
    };
    exports.bundleFromJSON = bundleFromJSON2;
    var bundleToJSON = (bundle) => {
      return protobuf_specs_1.Bundle.toJSON(bundle);
    };
    exports.bundleToJSON = bundleToJSON;
    var envelopeFromJSON = (obj) => {
      return protobuf_specs_1.Envelope.fromJSON(obj);
    };
    exports.envelopeFromJSON = envelopeFromJSON;
    var envelopeToJSON = (envelope) => {
      return protobuf_specs_1.Envelope.toJSON(envelope);
    };
    exports.envelopeToJSON = envelopeToJSON;
  }
});

// node_modules/@sigstore/bundle/dist/index.js
var require_dist4 = __commonJS({
  "node_modules/@sigstore/bundle/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isBundleV01 = exports.assertBundleV02 = exports.assertBundleV01 = exports.assertBundleLatest = exports.assertBundle = exports.envelopeToJSON = exports.envelopeFromJSON = exports.bundleToJSON = exports.bundleFromJSON = exports.ValidationError = exports.isBundleWithPublicKey = exports.isBundleWithMessageSignature = exports.isBundleWithDsseEnvelope = exports.isBundleWithCertificateChain = exports.BUNDLE_V03_MEDIA_TYPE = exports.BUNDLE_V03_LEGACY_MEDIA_TYPE = exports.BUNDLE_V02_MEDIA_TYPE = exports.BUNDLE_V01_MEDIA_TYPE = exports.toMessageSignatureBundle = exports.toDSSEBundle = void 0;
    var build_1 = require_build();
    Object.defineProperty(exports, "toDSSEBundle", { enumerable: true, get: function() {
      return build_1.toDSSEBundle;
    } });
    Object.defineProperty(exports, "toMessageSignatureBundle", { enumerable: true, get: function() {
      return build_1.toMessageSignatureBundle;
    } });
    var bundle_1 = require_bundle();
    Object.defineProperty(exports, "BUNDLE_V01_MEDIA_TYPE", { enumerable: true, get: function() {
      return bundle_1.BUNDLE_V01_MEDIA_TYPE;
    } });
    Object.defineProperty(exports, "BUNDLE_V02_MEDIA_TYPE", { enumerable: true, get: function() {
      return bundle_1.BUNDLE_V02_MEDIA_TYPE;
    } });
    Object.defineProperty(exports, "BUNDLE_V03_LEGACY_MEDIA_TYPE", { enumerable: true, get: function() {
      return bundle_1.BUNDLE_V03_LEGACY_MEDIA_TYPE;
    } });
    Object.defineProperty(exports, "BUNDLE_V03_MEDIA_TYPE", { enumerable: true, get: function() {
      return bundle_1.BUNDLE_V03_MEDIA_TYPE;
    } });
    Object.defineProperty(exports, "isBundleWithCertificateChain", { enumerable: true, get: function() {
      return bundle_1.isBundleWithCertificateChain;
    } });
    Object.defineProperty(exports, "isBundleWithDsseEnvelope", { enumerable: true, get: function() {
      return bundle_1.isBundleWithDsseEnvelope;
    } });
    Object.defineProperty(exports, "isBundleWithMessageSignature", { enumerable: true, get: function() {
      return bundle_1.isBundleWithMessageSignature;
    } });
    Object.defineProperty(exports, "isBundleWithPublicKey", { enumerable: true, get: function() {
      return bundle_1.isBundleWithPublicKey;
    } });
    var error_1 = require_error();
    Object.defineProperty(exports, "ValidationError", { enumerable: true, get: function() {
      return error_1.ValidationError;
    } });
    var serialized_1 = require_serialized();
    Object.defineProperty(exports, "bundleFromJSON", { enumerable: true, get: function() {
      return serialized_1.bundleFromJSON;
    } });
    Object.defineProperty(exports, "bundleToJSON", { enumerable: true, get: function() {
      return serialized_1.bundleToJSON;
    } });
    Object.defineProperty(exports, "envelopeFromJSON", { enumerable: true, get: function() {
      return serialized_1.envelopeFromJSON;
    } });
    Object.defineProperty(exports, "envelopeToJSON", { enumerable: true, get: function() {
      return serialized_1.envelopeToJSON;
    } });
    var validate_1 = require_validate();
    Object.defineProperty(exports, "assertBundle", { enumerable: true, get: function() {
      return validate_1.assertBundle;
    } });
    Object.defineProperty(exports, "assertBundleLatest", { enumerable: true, get: function() {
      return validate_1.assertBundleLatest;
    } });
    Object.defineProperty(exports, "assertBundleV01", { enumerable: true, get: function() {
      return validate_1.assertBundleV01;
    } });
    Object.defineProperty(exports, "assertBundleV02", { enumerable: true, get: function() {
      return validate_1.assertBundleV02;
    } });
    Object.defineProperty(exports, "isBundleV01", { enumerable: true, get: function() {
      return validate_1.isBundleV01;
    } });
  }
});

// src/lib/checks/sigstore/identity.ts
var import_core = __toESM(require_dist2(), 1);
var FULCIO = "1.3.6.1.4.1.57264.1";
var FULCIO_CLAIMS = {
  issuer: [
    { oid: `${FULCIO}.8`, encoding: "der-utf8" },
    { oid: `${FULCIO}.1`, encoding: "raw" }
  ],
  eventName: [
    { oid: `${FULCIO}.20`, encoding: "der-utf8" },
    { oid: `${FULCIO}.2`, encoding: "raw" }
  ],
  sha: [
    { oid: `${FULCIO}.13`, encoding: "der-utf8" },
    { oid: `${FULCIO}.3`, encoding: "raw" }
  ],
  workflow: [{ oid: `${FULCIO}.4`, encoding: "raw" }],
  repository: [
    { oid: `${FULCIO}.12`, encoding: "der-utf8", stripServerUrl: true },
    { oid: `${FULCIO}.5`, encoding: "raw" }
  ],
  ref: [
    { oid: `${FULCIO}.14`, encoding: "der-utf8" },
    { oid: `${FULCIO}.6`, encoding: "raw" }
  ],
  jobWorkflowRef: [{ oid: `${FULCIO}.9`, encoding: "der-utf8", stripServerUrl: true }],
  jobWorkflowSha: [{ oid: `${FULCIO}.10`, encoding: "der-utf8" }],
  runnerEnvironment: [{ oid: `${FULCIO}.11`, encoding: "der-utf8" }],
  repositoryId: [{ oid: `${FULCIO}.15`, encoding: "der-utf8" }],
  repositoryOwner: [{ oid: `${FULCIO}.16`, encoding: "der-utf8", stripServerUrl: true }],
  repositoryOwnerId: [{ oid: `${FULCIO}.17`, encoding: "der-utf8" }],
  workflowRef: [{ oid: `${FULCIO}.18`, encoding: "der-utf8", stripServerUrl: true }],
  workflowSha: [{ oid: `${FULCIO}.19`, encoding: "der-utf8" }],
  runInvocationUri: [{ oid: `${FULCIO}.21`, encoding: "der-utf8" }],
  repositoryVisibility: [{ oid: `${FULCIO}.22`, encoding: "der-utf8" }]
};
function signerFromCertificate(der) {
  let cert;
  try {
    cert = import_core.X509Certificate.parse(Buffer.from(der));
  } catch (err) {
    throw certError(`not a parseable X.509 certificate (${err instanceof Error ? err.message : String(err)})`);
  }
  const extensionOids = cert.extensions.map((ext) => ext.subs[0]?.toOID());
  if (new Set(extensionOids).size !== extensionOids.length)
    throw certError("an extension appears more than once (RFC 5280 \xA74.2)");
  const claims = {};
  for (const [name, sources] of Object.entries(FULCIO_CLAIMS)) {
    const values = /* @__PURE__ */ new Set();
    for (const source of sources) {
      const ext = cert.extension(source.oid);
      if (!ext) continue;
      const raw = source.encoding === "raw" ? strictUtf8(ext.value, source.oid) : derUtf8String(ext.value, source.oid);
      const value2 = source.stripServerUrl ? stripServerUrl(raw) : raw;
      if (value2 !== void 0) values.add(value2);
    }
    if (values.size > 1)
      throw certError(
        `claim ${name}: the V1 and V2 Fulcio extensions disagree (${[...values].map((v) => JSON.stringify(v)).join(" vs ")})`
      );
    const [value] = values;
    if (value !== void 0) claims[name] = value;
  }
  const { issuer, ...extensions } = claims;
  if (!issuer) throw certError(`expected a Fulcio OIDC issuer extension (${FULCIO}.8 or .1), found none`);
  return { identity: singleSan(cert), issuer, extensions };
}
function checkPrimaryIdentity(signer, policy) {
  if (signer.issuer !== policy.issuer) {
    throw new VerificationError(
      "primary-issuer",
      `primary signature: OIDC issuer is not the pinned one: expected ${JSON.stringify(policy.issuer)}, found ${JSON.stringify(signer.issuer)}`,
      {
        expected: policy.issuer,
        found: signer.issuer
      }
    );
  }
  if (policy.identity !== void 0 && signer.identity !== policy.identity)
    throw identityError(policy.identity, signer.identity);
  if (policy.identity === void 0 || policy.identityPattern !== void 0) {
    const pattern = compileIdentityPattern(policy.identityPattern, "identity policy: identityPattern");
    if (!pattern.test(signer.identity)) throw identityError(`a match of ${policy.identityPattern}`, signer.identity);
  }
  const claims = policy.githubClaims ?? {};
  for (const claim of SOURCE_REPOSITORY_CLAIMS) {
    const expected = claims[claim];
    const found = signer.extensions[claim];
    if (expected !== void 0 && found !== expected) {
      throw new VerificationError(
        "primary-source-repository",
        `primary signature: certificate source repository is not the pinned one (the workflow run from another repository, e.g. one calling it as a reusable workflow): ${claim} expected ${JSON.stringify(expected)}, found ${found === void 0 ? "none" : JSON.stringify(found)}`,
        { expected, found: found ?? "" }
      );
    }
  }
  for (const [claim, expected] of Object.entries(claims)) {
    const found = signer.extensions[claim];
    if (found !== expected) {
      throw new VerificationError(
        "primary-claim",
        `primary signature: certificate claim ${claim} is not the pinned one: expected ${JSON.stringify(expected)}, found ${found === void 0 ? "none" : JSON.stringify(found)}`,
        { expected, found: found ?? "" }
      );
    }
  }
}
function identityError(expected, found) {
  return new VerificationError(
    "primary-identity",
    `primary signature: certificate identity is not the pinned one: expected ${JSON.stringify(expected)}, found ${JSON.stringify(found)}`,
    { expected, found }
  );
}
function singleSan(cert) {
  const names = cert.extension("2.5.29.17")?.valueObj.subs[0]?.subs ?? [];
  const [name] = names;
  if (names.length !== 1 || !name)
    throw certError(`expected exactly one subject alternative name, found ${names.length}`);
  if (!name.tag.isContextSpecific(6) && !name.tag.isContextSpecific(1)) {
    throw certError("expected the subject alternative name to be a URI or an email address, found another kind");
  }
  const text = name.value.toString("latin1");
  if (text === "" || !/^[\x21-\x7e]*$/.test(text))
    throw certError("subject alternative name is empty or not printable ASCII");
  return text;
}
function strictUtf8(bytes, oid) {
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw certError(`extension ${oid}: expected UTF-8 text, found invalid bytes`);
  }
  if (/[\x00-\x1f\x7f]/.test(text)) throw certError(`extension ${oid}: control character in value`);
  return text;
}
function derUtf8String(bytes, oid) {
  let length = bytes[1];
  if (bytes[0] !== 12 || length === void 0) throw certError(`extension ${oid}: expected a DER UTF8String`);
  let offset = 2;
  if (length & 128) {
    const count = length & 127;
    if (count < 1 || count > 2 || bytes.length < 2 + count) throw certError(`extension ${oid}: bad DER length`);
    length = bytes.subarray(2, 2 + count).reduce((n, b) => n * 256 + b, 0);
    offset = 2 + count;
    if (length < 128 || count === 2 && length < 256) throw certError(`extension ${oid}: non-minimal DER length`);
  }
  if (offset + length !== bytes.length) throw certError(`extension ${oid}: DER length does not match the value`);
  return strictUtf8(bytes.subarray(offset), oid);
}
function stripServerUrl(value) {
  return /^https:\/\/[^/?#@]+\/(.+)$/u.exec(value)?.[1];
}
function certError(message) {
  return new VerificationError("primary-certificate", `primary signature: signing certificate: ${message}`);
}

// src/lib/checks/sigstore/verify-primary.ts
var import_bundle = __toESM(require_dist4(), 1);
var import_core2 = __toESM(require_dist2(), 1);
var import_protobuf_specs = __toESM(require_dist(), 1);
var import_verify = __toESM(require_dist3(), 1);
import { createHash } from "node:crypto";

// src/lib/checks/sigstore/certificate-encodings.ts
function remember(obj) {
  if (!obj || Object.hasOwn(obj, "toDER")) return;
  const der = obj.toDER();
  Object.defineProperty(obj, "toDER", { value: () => Buffer.from(der), enumerable: false, configurable: true });
}
function rememberCertificateEncodings(cert) {
  remember(cert.root);
  remember(cert.root.subs[0]);
}
function rememberTrustEncodings(trust) {
  for (const ca of [...trust.certificateAuthorities, ...trust.timestampAuthorities])
    for (const cert of ca.certChain) rememberCertificateEncodings(cert);
}
function rememberLeafEncodings(entity) {
  if (entity.key.$case === "certificate") rememberCertificateEncodings(entity.key.certificate);
}

// src/lib/checks/sigstore/verify-primary.ts
var PRIMARY_MEDIA_TYPES = [
  "application/vnd.dev.sigstore.bundle.v0.3+json",
  "application/vnd.dev.sigstore.bundle+json;version=0.3"
];
var LEGACY_MEDIA_TYPES = [
  "application/vnd.dev.sigstore.bundle+json;version=0.1",
  "application/vnd.dev.sigstore.bundle+json;version=0.2"
];
function verifyPrimary(bundleJson, trust, options = {}) {
  const what = options.what ?? "primary signature";
  const result = verifySigstoreBundle(bundleJson, trust, { what });
  const { content, certificate, signer } = result;
  if (content.kind !== "dsse" || !certificate || !signer)
    throw new VerificationError("primary-malformed", `${what}: expected a keyless DSSE bundle`);
  return {
    payload: content.payload,
    payloadType: content.payloadType,
    signature: content.signature,
    certificate,
    tlogEntries: result.tlogEntries,
    timestamps: result.timestamps,
    signer,
    verifiedTime: result.verifiedTime
  };
}
function verifySigstoreBundle(bundleJson, trust, options = {}) {
  const what = options.what ?? "primary signature";
  const anyKind = options.allowAnyBundleKindUnsafe === true;
  const bundle = parseBundle(bundleJson, what, anyKind);
  if (!anyKind) checkCanonicalBase64(bundleJson, what);
  const vm = bundle.verificationMaterial;
  const leaf = vm.content.$case === "certificate" ? vm.content.certificate.rawBytes : vm.content.$case === "x509CertificateChain" ? vm.content.x509CertificateChain.certificates[0]?.rawBytes : void 0;
  if (!anyKind && bundle.content.$case !== "dsseEnvelope")
    throw fail("primary-not-dsse", what, "expected a DSSE envelope, found a message signature");
  if (!anyKind && !leaf)
    throw fail("primary-certificate", what, "expected a Fulcio certificate, found a public-key hint");
  let content;
  let entity;
  try {
    if (bundle.content.$case === "dsseEnvelope") {
      const env = bundle.content.dsseEnvelope;
      const [signature] = env.signatures;
      if (env.signatures.length !== 1 || !signature)
        throw fail("primary-malformed", what, `expected exactly one DSSE signature, found ${env.signatures.length}`);
      content = {
        kind: "dsse",
        payload: new Uint8Array(env.payload),
        payloadType: env.payloadType,
        signature: new Uint8Array(signature.sig)
      };
      entity = (0, import_verify.toSignedEntity)(bundle);
    } else {
      const { messageSignature } = bundle.content;
      const { sha256, bytes, verifyPrehashed } = artifactDigest(options.artifact, what);
      if (messageSignature.messageDigest.algorithm !== import_protobuf_specs.HashAlgorithm.SHA2_256)
        throw fail("primary-malformed", what, "expected a SHA2_256 message digest");
      if (!equalBytes(sha256, messageSignature.messageDigest.digest)) {
        throw fail(
          "primary-artifact",
          what,
          `the artifact's sha256 ${hex(sha256)} is not the signed message digest ${hex(messageSignature.messageDigest.digest)}`
        );
      }
      content = { kind: "message-signature", sha256, signature: new Uint8Array(messageSignature.signature) };
      entity = (0, import_verify.toSignedEntity)(bundle, bytes ? Buffer.from(bytes) : void 0);
      if (verifyPrehashed)
        entity.signature = prehashedContent(entity.signature, messageSignature.signature, sha256, verifyPrehashed);
    }
  } catch (err) {
    if (err instanceof VerificationError || err instanceof InputError) throw err;
    throw fail("primary-malformed", what, `unusable certificate or timestamp: ${describe(err)}`);
  }
  const verifier = new import_verify.Verifier(trust, {
    ctlogThreshold: trust.ctlogs.length > 0 ? 1 : 0,
    tlogThreshold: 0,
    timestampThreshold: 1
  });
  try {
    rememberTrustEncodings(trust);
    rememberLeafEncodings(entity);
    verifier.verify(entity);
  } catch (err) {
    throw mapVerifyError(err, what);
  }
  const tlogEntries = vm.tlogEntries.map((entry) => {
    if (!/^(0|[1-9][0-9]{0,18})$/.test(entry.logIndex))
      throw fail("primary-tlog", what, `expected a non-negative log index, found ${JSON.stringify(entry.logIndex)}`);
    if (!entry.logId?.keyId.length)
      throw fail("primary-tlog", what, "expected a log id in every tlog entry, found none");
    return {
      logId: Buffer.from(entry.logId.keyId).toString("base64"),
      logIndex: entry.logIndex,
      integratedTime: Number(entry.integratedTime)
    };
  });
  const timestamps = (vm.timestampVerificationData?.rfc3161Timestamps ?? []).map(
    (t) => new Uint8Array(t.signedTimestamp)
  );
  const times = [
    ...vm.tlogEntries.filter((e) => e.inclusionPromise && e.integratedTime !== "0").map((e) => new Date(Number(e.integratedTime) * 1e3)),
    ...timestamps.map((t) => import_core2.RFC3161Timestamp.parse(Buffer.from(t)).signingTime)
  ];
  if (times.length === 0) throw fail("primary-timestamp", what, "expected a verified log or TSA time, found none");
  const verifiedTime = new Date(Math.min(...times.map((t) => t.getTime())));
  const result = { mediaType: bundle.mediaType, content, tlogEntries, timestamps, verifiedTime };
  if (leaf) {
    result.certificate = new Uint8Array(leaf);
    result.signer = signerFromCertificate(result.certificate);
  }
  return result;
}
function parseBundle(json, what, anyKind) {
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw fail("primary-malformed", what, "expected a JSON object (a Sigstore bundle)");
  const mediaType = json.mediaType;
  const allowed = anyKind ? [...PRIMARY_MEDIA_TYPES, ...LEGACY_MEDIA_TYPES] : PRIMARY_MEDIA_TYPES;
  if (typeof mediaType !== "string" || !allowed.includes(mediaType)) {
    throw new VerificationError(
      "primary-unsupported-version",
      `${what}: expected bundle mediaType one of ${allowed.join(", ")}, found ${mediaType === void 0 ? "none" : JSON.stringify(mediaType)}`,
      {
        expected: allowed.join(" | "),
        found: String(mediaType)
      }
    );
  }
  checkEntries(json, what);
  try {
    return (0, import_bundle.bundleFromJSON)(json);
  } catch (err) {
    throw fail("primary-malformed", what, `not a valid Sigstore bundle: ${describe(err)}`);
  }
}
var MAX_PRIMARY_ENTRIES = 16;
function checkEntries(json, what) {
  const vm = json.verificationMaterial;
  const lists = [
    ["verificationMaterial.tlogEntries", vm?.tlogEntries],
    [
      "verificationMaterial.timestampVerificationData.rfc3161Timestamps",
      vm?.timestampVerificationData?.rfc3161Timestamps
    ]
  ];
  for (const [field, list] of lists) {
    if (!Array.isArray(list)) continue;
    if (list.length > MAX_PRIMARY_ENTRIES) {
      throw new VerificationError(
        "primary-too-many-entries",
        `${what}: ${field}: expected at most ${MAX_PRIMARY_ENTRIES} items (what a countersignature binds), found ${list.length}`,
        {
          expected: `at most ${MAX_PRIMARY_ENTRIES}`,
          found: String(list.length)
        }
      );
    }
    const seen = /* @__PURE__ */ new Map();
    list.forEach((item, i) => {
      const text = JSON.stringify(item);
      const first = seen.get(text);
      if (first !== void 0) {
        throw new VerificationError(
          "primary-duplicate-entry",
          `${what}: ${field}[${i}] is the same as ${field}[${first}]: each entry or timestamp once`,
          {
            expected: "distinct entries",
            found: `${field}[${first}] twice`
          }
        );
      }
      seen.set(text, i);
    });
  }
}
var BYTES_FIELDS = /* @__PURE__ */ new Set([
  "payload",
  "sig",
  "rawBytes",
  "keyId",
  "canonicalizedBody",
  "signedEntryTimestamp",
  "rootHash",
  "hashes",
  "signedTimestamp",
  "digest",
  "signature"
]);
function checkCanonicalBase64(json, what) {
  const visit = (value, field, bytes) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, `${field}[${i}]`, bytes);
      });
      return;
    }
    if (typeof value === "object" && value !== null) {
      for (const [key, v] of Object.entries(value)) {
        const path = field ? `${field}.${key}` : key;
        if (key === "envelope" && field.endsWith(".inclusionProof.checkpoint"))
          checkCheckpointSignatures(v, path, what);
        else visit(v, path, BYTES_FIELDS.has(key));
      }
      return;
    }
    if (!bytes) return;
    if (typeof value !== "string" || decodeCanonicalBase64(value) === void 0) {
      throw fail(
        "primary-malformed",
        what,
        `${field}: expected canonical base64 (RFC 4648 \xA74, padded), found other text`
      );
    }
  };
  visit({ dsseEnvelope: json.dsseEnvelope, verificationMaterial: json.verificationMaterial }, "", false);
}
function checkCheckpointSignatures(envelope, field, what) {
  if (typeof envelope !== "string") return;
  const split = envelope.indexOf("\n\n");
  if (split < 0) return;
  const signatures = envelope.slice(split + 2);
  if (!signatures.endsWith("\n") || signatures.slice(0, -1).split("\n").some((line) => typeof parseNoteSignatureLine(line) === "string")) {
    throw fail(
      "primary-malformed",
      what,
      `${field}: expected signature lines "\u2014 <name> <canonical base64 signature>", found other text`
    );
  }
}
function artifactDigest(artifact, what) {
  if (artifact === void 0)
    throw new InputError(
      "artifact-required",
      `${what}: a message-signature bundle needs the artifact (or its sha256) to verify`
    );
  if (artifact instanceof Uint8Array)
    return { sha256: createHash("sha256").update(artifact).digest(), bytes: artifact };
  if (artifact.sha256.length !== 32)
    throw new InputError(
      "artifact-digest",
      `${what}: expected a 32-byte sha256 digest, found ${artifact.sha256.length} bytes`
    );
  return { sha256: artifact.sha256, verifyPrehashed: artifact.verifyPrehashed };
}
function prehashedContent(base, signature, sha256, verify) {
  return {
    signature,
    compareSignature: (s) => base.compareSignature(s),
    compareDigest: (d) => base.compareDigest(d),
    compareSignedDigest: (d) => base.compareSignedDigest(d),
    verifySignature: (key) => verify(key, sha256, signature)
  };
}
var CODE_MAP = {
  SIGNATURE_ERROR: "primary-signature",
  CERTIFICATE_ERROR: "primary-certificate",
  PUBLIC_KEY_ERROR: "primary-key",
  TIMESTAMP_ERROR: "primary-timestamp",
  TLOG_ERROR: "primary-tlog",
  TLOG_BODY_ERROR: "primary-tlog",
  TLOG_INCLUSION_PROOF_ERROR: "primary-tlog",
  TLOG_INCLUSION_PROMISE_ERROR: "primary-tlog",
  TLOG_MISSING_INCLUSION_ERROR: "primary-tlog"
};
function mapVerifyError(err, what) {
  const upstream = typeof err === "object" && err !== null && "code" in err && typeof err.code === "string" ? err.code : void 0;
  const code = (upstream ? CODE_MAP[upstream] : void 0) ?? "primary-malformed";
  const found = upstream ? `${upstream}: ${describe(err)}` : describe(err);
  return new VerificationError(code, `${what}: Sigstore verification failed: ${found}`, {
    expected: "a valid Sigstore signature under the pinned trusted root",
    found
  });
}
function fail(code, what, message) {
  return new VerificationError(code, `${what}: ${message}`);
}
function describe(err) {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? ` (${err.cause.message})` : "";
  const { fields } = err;
  const list = Array.isArray(fields) ? ` [${fields.join(", ")}]` : "";
  return `${err.message}${list}${cause}`.replace(/\s+/g, " ");
}
function hex(bytes) {
  return Buffer.from(bytes).toString("hex");
}

export {
  require_dist4 as require_dist,
  signerFromCertificate,
  checkPrimaryIdentity,
  verifyPrimary,
  verifySigstoreBundle
};
