// Shared by: cli-build, cli-countersign, cli-demo, cli-policy-update, cli-serve, cli-verify, cli-verify-bundle (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  require_dist as require_dist2,
  require_dist2 as require_dist3,
  require_v2
} from "./shared-d54b2595.mjs";
import {
  require_dist
} from "./shared-98309fbc.mjs";
import {
  equalBytes
} from "./shared-a274f2b0.mjs";
import {
  compileIdentityPattern
} from "./shared-6bbc863f.mjs";
import {
  parseNoteSignatureLine
} from "./shared-a1ee2870.mjs";
import {
  SOURCE_REPOSITORY_CLAIMS,
  parseStrictJson
} from "./shared-ef15c4ee.mjs";
import {
  decodeCanonicalBase64,
  describe
} from "./shared-ceef7eae.mjs";
import {
  InputError,
  VerificationError
} from "./shared-92dc4500.mjs";
import {
  __commonJS,
  __require,
  __toESM
} from "./shared-18cfce56.mjs";

// node_modules/@sigstore/verify/dist/bundle/dsse.js
var require_dsse = __commonJS({
  "node_modules/@sigstore/verify/dist/bundle/dsse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DSSESignatureContent = void 0;
    var core_1 = require_dist2();
    var DSSESignatureContent = class {
      env;
      constructor(env) {
        this.env = env;
      }
      compareDigest(digest) {
        return core_1.crypto.bufferEqual(digest, core_1.crypto.digest("sha256", this.env.payload));
      }
      // For a DSSE envelope the signature is computed over the pre-authentication
      // encoding (PAE), so the digest of the signed bytes is the digest of the PAE.
      // This is what a Rekor v2 hashedrekord entry records for a DSSE envelope.
      compareSignedDigest(digest) {
        return core_1.crypto.bufferEqual(digest, core_1.crypto.digest("sha256", this.preAuthEncoding));
      }
      compareSignature(signature) {
        return core_1.crypto.bufferEqual(signature, this.signature);
      }
      verifySignature(key) {
        return core_1.crypto.verify(this.preAuthEncoding, key, this.signature);
      }
      get signature() {
        return this.env.signatures.length > 0 ? this.env.signatures[0].sig : Buffer.from("");
      }
      // DSSE Pre-Authentication Encoding
      get preAuthEncoding() {
        return core_1.dsse.preAuthEncoding(this.env.payloadType, this.env.payload);
      }
    };
    exports.DSSESignatureContent = DSSESignatureContent;
  }
});

// node_modules/@sigstore/verify/dist/bundle/message.js
var require_message = __commonJS({
  "node_modules/@sigstore/verify/dist/bundle/message.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.MessageSignatureContent = void 0;
    var core_1 = require_dist2();
    var protobuf_specs_1 = require_dist();
    var HASH_ALGORITHM_MAP = {
      [protobuf_specs_1.HashAlgorithm.HASH_ALGORITHM_UNSPECIFIED]: "sha256",
      [protobuf_specs_1.HashAlgorithm.SHA2_256]: "sha256",
      [protobuf_specs_1.HashAlgorithm.SHA2_384]: "sha384",
      [protobuf_specs_1.HashAlgorithm.SHA2_512]: "sha512",
      [protobuf_specs_1.HashAlgorithm.SHA3_256]: "sha3-256",
      [protobuf_specs_1.HashAlgorithm.SHA3_384]: "sha3-384"
    };
    var MessageSignatureContent = class {
      signature;
      messageDigest;
      artifact;
      hashAlgorithm;
      constructor(messageSignature, artifact) {
        this.signature = messageSignature.signature;
        this.messageDigest = messageSignature.messageDigest.digest;
        this.artifact = artifact;
        this.hashAlgorithm = HASH_ALGORITHM_MAP[messageSignature.messageDigest.algorithm] ?? /* istanbul ignore next */
        "sha256";
      }
      compareSignature(signature) {
        return core_1.crypto.bufferEqual(signature, this.signature);
      }
      compareDigest(digest) {
        return core_1.crypto.bufferEqual(digest, this.messageDigest);
      }
      // For a message signature the signature is computed over the artifact, so the
      // digest of the signed bytes is the artifact's message digest.
      compareSignedDigest(digest) {
        return this.compareDigest(digest);
      }
      verifySignature(key) {
        return core_1.crypto.verify(this.artifact, key, this.signature, this.hashAlgorithm);
      }
    };
    exports.MessageSignatureContent = MessageSignatureContent;
  }
});

// node_modules/@sigstore/verify/dist/bundle/index.js
var require_bundle = __commonJS({
  "node_modules/@sigstore/verify/dist/bundle/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.toSignedEntity = toSignedEntity2;
    exports.signatureContent = signatureContent;
    var core_1 = require_dist2();
    var dsse_1 = require_dsse();
    var message_1 = require_message();
    function toSignedEntity2(bundle, artifact) {
      const { tlogEntries, timestampVerificationData } = bundle.verificationMaterial;
      const timestamps = [];
      for (const entry of tlogEntries) {
        if (entry.integratedTime && entry.integratedTime !== "0") {
          timestamps.push({
            $case: "transparency-log",
            tlogEntry: entry
          });
        }
      }
      for (const ts of timestampVerificationData?.rfc3161Timestamps ?? []) {
        timestamps.push({
          $case: "timestamp-authority",
          timestamp: core_1.RFC3161Timestamp.parse(Buffer.from(ts.signedTimestamp))
        });
      }
      return {
        signature: signatureContent(bundle, artifact),
        key: key(bundle),
        tlogEntries,
        timestamps
      };
    }
    function signatureContent(bundle, artifact) {
      switch (bundle.content.$case) {
        case "dsseEnvelope":
          return new dsse_1.DSSESignatureContent(bundle.content.dsseEnvelope);
        case "messageSignature":
          return new message_1.MessageSignatureContent(bundle.content.messageSignature, artifact);
      }
    }
    function key(bundle) {
      switch (bundle.verificationMaterial.content.$case) {
        case "publicKey":
          return {
            $case: "public-key",
            hint: bundle.verificationMaterial.content.publicKey.hint
          };
        case "x509CertificateChain":
          return {
            $case: "certificate",
            certificate: core_1.X509Certificate.parse(Buffer.from(bundle.verificationMaterial.content.x509CertificateChain.certificates[0].rawBytes))
          };
        case "certificate":
          return {
            $case: "certificate",
            certificate: core_1.X509Certificate.parse(Buffer.from(bundle.verificationMaterial.content.certificate.rawBytes))
          };
      }
    }
  }
});

// node_modules/@sigstore/verify/dist/error.js
var require_error = __commonJS({
  "node_modules/@sigstore/verify/dist/error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.PolicyError = exports.VerificationError = void 0;
    var BaseError = class extends Error {
      code;
      cause;
      /* eslint-disable-line @typescript-eslint/no-explicit-any */
      constructor({ code, message: message2, cause }) {
        super(message2);
        this.code = code;
        this.cause = cause;
        this.name = this.constructor.name;
      }
    };
    var VerificationError2 = class extends BaseError {
    };
    exports.VerificationError = VerificationError2;
    var PolicyError = class extends BaseError {
    };
    exports.PolicyError = PolicyError;
  }
});

// node_modules/@sigstore/verify/dist/trust/filter.js
var require_filter = __commonJS({
  "node_modules/@sigstore/verify/dist/trust/filter.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.filterCertAuthorities = filterCertAuthorities;
    exports.filterTLogAuthorities = filterTLogAuthorities;
    function filterCertAuthorities(certAuthorities, timestamp) {
      return certAuthorities.filter((ca) => {
        return ca.validFor.start <= timestamp && ca.validFor.end >= timestamp;
      });
    }
    function filterTLogAuthorities(tlogAuthorities, criteria) {
      return tlogAuthorities.filter((tlog) => {
        if (criteria.logID && !tlog.logID.equals(criteria.logID)) {
          return false;
        }
        return tlog.validFor.start <= criteria.targetDate && criteria.targetDate <= tlog.validFor.end;
      });
    }
  }
});

// node_modules/@sigstore/verify/dist/trust/index.js
var require_trust = __commonJS({
  "node_modules/@sigstore/verify/dist/trust/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.filterTLogAuthorities = exports.filterCertAuthorities = void 0;
    exports.toTrustMaterial = toTrustMaterial2;
    var core_1 = require_dist2();
    var protobuf_specs_1 = require_dist();
    var error_1 = require_error();
    var BEGINNING_OF_TIME = /* @__PURE__ */ new Date(0);
    var END_OF_TIME = /* @__PURE__ */ new Date(864e13);
    var filter_1 = require_filter();
    Object.defineProperty(exports, "filterCertAuthorities", { enumerable: true, get: function() {
      return filter_1.filterCertAuthorities;
    } });
    Object.defineProperty(exports, "filterTLogAuthorities", { enumerable: true, get: function() {
      return filter_1.filterTLogAuthorities;
    } });
    function toTrustMaterial2(root, keys) {
      const keyFinder = typeof keys === "function" ? keys : keyLocator(keys);
      return {
        certificateAuthorities: root.certificateAuthorities.map(createCertAuthority),
        timestampAuthorities: root.timestampAuthorities.map(createCertAuthority),
        tlogs: root.tlogs.map(createTLogAuthority),
        ctlogs: root.ctlogs.map(createTLogAuthority),
        publicKey: keyFinder
      };
    }
    function createTLogAuthority(tlogInstance) {
      const keyDetails = tlogInstance.publicKey.keyDetails;
      const keyType = keyDetails === protobuf_specs_1.PublicKeyDetails.PKCS1_RSA_PKCS1V5 || keyDetails === protobuf_specs_1.PublicKeyDetails.PKIX_RSA_PKCS1V5 || keyDetails === protobuf_specs_1.PublicKeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256 || keyDetails === protobuf_specs_1.PublicKeyDetails.PKIX_RSA_PKCS1V15_3072_SHA256 || keyDetails === protobuf_specs_1.PublicKeyDetails.PKIX_RSA_PKCS1V15_4096_SHA256 ? "pkcs1" : "spki";
      return {
        baseURL: tlogInstance.baseUrl,
        logID: tlogInstance.checkpointKeyId ? tlogInstance.checkpointKeyId.keyId : tlogInstance.logId.keyId,
        publicKey: core_1.crypto.createPublicKey(tlogInstance.publicKey.rawBytes, keyType),
        validFor: {
          start: tlogInstance.publicKey.validFor?.start || BEGINNING_OF_TIME,
          end: tlogInstance.publicKey.validFor?.end || END_OF_TIME
        }
      };
    }
    function createCertAuthority(ca) {
      return {
        certChain: ca.certChain.certificates.map((cert) => {
          return core_1.X509Certificate.parse(Buffer.from(cert.rawBytes));
        }),
        validFor: {
          start: ca.validFor?.start || BEGINNING_OF_TIME,
          end: ca.validFor?.end || END_OF_TIME
        }
      };
    }
    function keyLocator(keys) {
      return (hint) => {
        const key = (keys || {})[hint];
        if (!key) {
          throw new error_1.VerificationError({
            code: "PUBLIC_KEY_ERROR",
            message: `key not found: ${hint}`
          });
        }
        return {
          publicKey: core_1.crypto.createPublicKey(key.rawBytes),
          validFor: (date) => {
            return (key.validFor?.start || BEGINNING_OF_TIME) <= date && (key.validFor?.end || END_OF_TIME) >= date;
          }
        };
      };
    }
  }
});

// node_modules/@sigstore/verify/dist/key/certificate.js
var require_certificate = __commonJS({
  "node_modules/@sigstore/verify/dist/key/certificate.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CertificateChainVerifier = void 0;
    exports.verifyCertificateChain = verifyCertificateChain;
    var error_1 = require_error();
    var trust_1 = require_trust();
    function verifyCertificateChain(timestamp, leaf, certificateAuthorities) {
      const cas = (0, trust_1.filterCertAuthorities)(certificateAuthorities, timestamp);
      let error;
      for (const ca of cas) {
        try {
          const verifier = new CertificateChainVerifier({
            trustedCerts: ca.certChain,
            untrustedCert: leaf,
            timestamp
          });
          return verifier.verify();
        } catch (err) {
          error = err;
        }
      }
      throw new error_1.VerificationError({
        code: "CERTIFICATE_ERROR",
        message: "Failed to verify certificate chain",
        cause: error
      });
    }
    var CertificateChainVerifier = class {
      untrustedCert;
      trustedCerts;
      localCerts;
      timestamp;
      constructor(opts) {
        this.untrustedCert = opts.untrustedCert;
        this.trustedCerts = opts.trustedCerts;
        this.localCerts = dedupeCertificates([
          ...opts.trustedCerts,
          opts.untrustedCert
        ]);
        this.timestamp = opts.timestamp;
      }
      verify() {
        const certificatePath = this.sort();
        this.checkPath(certificatePath);
        const validForDate = certificatePath.every((cert) => cert.validForDate(this.timestamp));
        if (!validForDate) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "certificate is not valid or expired at the specified date"
          });
        }
        return certificatePath;
      }
      sort() {
        const leafCert = this.untrustedCert;
        let paths = this.buildPaths(leafCert);
        paths = paths.filter((path2) => path2.some((cert) => this.trustedCerts.includes(cert)));
        if (paths.length === 0) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "no trusted certificate path found"
          });
        }
        const path = paths.reduce((prev, curr) => prev.length < curr.length ? prev : curr);
        return [leafCert, ...path].slice(0, -1);
      }
      // Recursively build all possible paths from the leaf to the root
      buildPaths(certificate) {
        const paths = [];
        const issuers = this.findIssuer(certificate);
        if (issuers.length === 0) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "no valid certificate path found"
          });
        }
        for (let i = 0; i < issuers.length; i++) {
          const issuer = issuers[i];
          if (issuer.equals(certificate)) {
            paths.push([certificate]);
            continue;
          }
          const subPaths = this.buildPaths(issuer);
          for (let j = 0; j < subPaths.length; j++) {
            paths.push([issuer, ...subPaths[j]]);
          }
        }
        return paths;
      }
      // Return all possible issuers for the given certificate
      findIssuer(certificate) {
        let issuers = [];
        let keyIdentifier;
        if (certificate.subject.equals(certificate.issuer)) {
          if (certificate.verify()) {
            return [certificate];
          }
        }
        if (certificate.extAuthorityKeyID) {
          keyIdentifier = certificate.extAuthorityKeyID.keyIdentifier;
        }
        this.localCerts.forEach((possibleIssuer) => {
          if (keyIdentifier) {
            if (possibleIssuer.extSubjectKeyID) {
              if (possibleIssuer.extSubjectKeyID.keyIdentifier.equals(keyIdentifier)) {
                issuers.push(possibleIssuer);
              }
              return;
            }
          }
          if (possibleIssuer.subject.equals(certificate.issuer)) {
            issuers.push(possibleIssuer);
          }
        });
        issuers = issuers.filter((issuer) => {
          try {
            return certificate.verify(issuer);
          } catch (ex) {
            return false;
          }
        });
        return issuers;
      }
      checkPath(path) {
        if (path.length < 1) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "certificate chain must contain at least one certificate"
          });
        }
        const validCAs = path.slice(1).every((cert) => cert.isCA);
        if (!validCAs) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "intermediate certificate is not a CA"
          });
        }
        for (let i = path.length - 2; i >= 0; i--) {
          if (!path[i].issuer.equals(path[i + 1].subject)) {
            throw new error_1.VerificationError({
              code: "CERTIFICATE_ERROR",
              message: "incorrect certificate name chaining"
            });
          }
        }
        for (let i = 0; i < path.length; i++) {
          const cert = path[i];
          if (cert.extBasicConstraints?.isCA) {
            const pathLength = cert.extBasicConstraints.pathLenConstraint;
            if (pathLength !== void 0 && pathLength < i - 1) {
              throw new error_1.VerificationError({
                code: "CERTIFICATE_ERROR",
                message: "path length constraint exceeded"
              });
            }
          }
        }
      }
    };
    exports.CertificateChainVerifier = CertificateChainVerifier;
    function dedupeCertificates(certs) {
      for (let i = 0; i < certs.length; i++) {
        for (let j = i + 1; j < certs.length; j++) {
          if (certs[i].equals(certs[j])) {
            certs.splice(j, 1);
            j--;
          }
        }
      }
      return certs;
    }
  }
});

// node_modules/@sigstore/verify/dist/key/sct.js
var require_sct = __commonJS({
  "node_modules/@sigstore/verify/dist/key/sct.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifySCTs = verifySCTs;
    var core_1 = require_dist2();
    var error_1 = require_error();
    var trust_1 = require_trust();
    function verifySCTs(cert, issuer, ctlogs) {
      let extSCT;
      const clone = cert.clone();
      for (let i = 0; i < clone.extensions.length; i++) {
        const ext = clone.extensions[i];
        if (ext.subs[0].toOID() === core_1.EXTENSION_OID_SCT) {
          extSCT = new core_1.X509SCTExtension(ext);
          clone.extensions.splice(i, 1);
          break;
        }
      }
      if (!extSCT) {
        return [];
      }
      if (extSCT.signedCertificateTimestamps.length === 0) {
        return [];
      }
      const preCert = new core_1.ByteStream();
      const issuerId = core_1.crypto.digest("sha256", issuer.publicKey);
      preCert.appendView(issuerId);
      const tbs = clone.tbsCertificate.toDER();
      preCert.appendUint24(tbs.length);
      preCert.appendView(tbs);
      return extSCT.signedCertificateTimestamps.map((sct) => {
        const validCTLogs = (0, trust_1.filterTLogAuthorities)(ctlogs, {
          logID: sct.logID,
          targetDate: sct.datetime
        });
        const verified = validCTLogs.some((log) => sct.verify(preCert.buffer, log.publicKey));
        if (!verified) {
          throw new error_1.VerificationError({
            code: "CERTIFICATE_ERROR",
            message: "SCT verification failed"
          });
        }
        return sct.logID;
      });
    }
  }
});

// node_modules/@sigstore/verify/dist/key/index.js
var require_key = __commonJS({
  "node_modules/@sigstore/verify/dist/key/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyPublicKey = verifyPublicKey;
    exports.verifyCertificate = verifyCertificate;
    var core_1 = require_dist2();
    var error_1 = require_error();
    var certificate_1 = require_certificate();
    var sct_1 = require_sct();
    var OID_FULCIO_ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
    var OID_FULCIO_ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";
    function verifyPublicKey(hint, timestamps, trustMaterial) {
      const key = trustMaterial.publicKey(hint);
      timestamps.forEach((timestamp) => {
        if (!key.validFor(timestamp)) {
          throw new error_1.VerificationError({
            code: "PUBLIC_KEY_ERROR",
            message: `Public key is not valid for timestamp: ${timestamp.toISOString()}`
          });
        }
      });
      return { key: key.publicKey };
    }
    function verifyCertificate(leaf, timestamps, trustMaterial) {
      let path = [];
      timestamps.forEach((timestamp) => {
        path = (0, certificate_1.verifyCertificateChain)(timestamp, leaf, trustMaterial.certificateAuthorities);
      });
      return {
        scts: (0, sct_1.verifySCTs)(path[0], path[1], trustMaterial.ctlogs),
        signer: getSigner(path[0])
      };
    }
    function getSigner(cert) {
      let issuer;
      const issuerExtension = cert.extension(OID_FULCIO_ISSUER_V2);
      if (issuerExtension) {
        issuer = issuerExtension.valueObj.subs?.[0]?.value.toString("ascii");
      } else {
        issuer = cert.extension(OID_FULCIO_ISSUER_V1)?.value.toString("ascii");
      }
      const oids = cert.extensions.map((ext) => {
        const oid = ext.subs[0].toOID();
        return {
          oid: { id: oid.split(".").map(Number) },
          value: ext.subs[ext.subs.length - 1].value
        };
      });
      const identity = {
        extensions: { issuer },
        subjectAlternativeName: cert.subjectAltName,
        oids
      };
      return {
        key: core_1.crypto.createPublicKey(cert.publicKey),
        identity
      };
    }
  }
});

// node_modules/@sigstore/verify/dist/policy.js
var require_policy = __commonJS({
  "node_modules/@sigstore/verify/dist/policy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifySubjectAlternativeName = verifySubjectAlternativeName;
    exports.verifyExtensions = verifyExtensions;
    exports.verifyOIDs = verifyOIDs;
    var error_1 = require_error();
    function verifySubjectAlternativeName(policyIdentity, signerIdentity) {
      if (signerIdentity === void 0 || !signerIdentity.match(policyIdentity)) {
        throw new error_1.PolicyError({
          code: "UNTRUSTED_SIGNER_ERROR",
          message: `certificate identity error - expected ${policyIdentity}, got ${signerIdentity}`
        });
      }
    }
    function verifyExtensions(policyExtensions, signerExtensions = {}) {
      let key;
      for (key in policyExtensions) {
        if (signerExtensions[key] !== policyExtensions[key]) {
          throw new error_1.PolicyError({
            code: "UNTRUSTED_SIGNER_ERROR",
            message: `invalid certificate extension - expected ${key}=${policyExtensions[key]}, got ${key}=${signerExtensions[key]}`
          });
        }
      }
    }
    function verifyOIDs(policyOIDs, signerOIDs = []) {
      for (const policyOID of policyOIDs) {
        const match = signerOIDs.find((signerOID) => oidEquals(policyOID.oid?.id, signerOID.oid?.id) && policyOID.value.equals(signerOID.value));
        if (!match) {
          const oid = policyOID.oid?.id.join(".") ?? "<unknown>";
          throw new error_1.PolicyError({
            code: "UNTRUSTED_SIGNER_ERROR",
            message: `invalid certificate extension - missing OID ${oid}`
          });
        }
      }
    }
    function oidEquals(a, b) {
      if (a === void 0 || b === void 0) {
        return false;
      }
      return a.length === b.length && a.every((v, i) => v === b[i]);
    }
  }
});

// node_modules/@sigstore/verify/dist/timestamp/tsa.js
var require_tsa = __commonJS({
  "node_modules/@sigstore/verify/dist/timestamp/tsa.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyRFC3161Timestamp = verifyRFC3161Timestamp;
    var core_1 = require_dist2();
    var error_1 = require_error();
    var certificate_1 = require_certificate();
    var trust_1 = require_trust();
    function verifyRFC3161Timestamp(timestamp, data, timestampAuthorities) {
      const signingTime = timestamp.signingTime;
      timestampAuthorities = (0, trust_1.filterCertAuthorities)(timestampAuthorities, signingTime);
      timestampAuthorities = filterCAsBySerialAndIssuer(timestampAuthorities, {
        serialNumber: timestamp.signerSerialNumber,
        issuer: timestamp.signerIssuer
      });
      const verified = timestampAuthorities.some((ca) => {
        try {
          verifyTimestampForCA(timestamp, data, ca);
          return true;
        } catch (e) {
          return false;
        }
      });
      if (!verified) {
        throw new error_1.VerificationError({
          code: "TIMESTAMP_ERROR",
          message: "timestamp could not be verified"
        });
      }
    }
    function verifyTimestampForCA(timestamp, data, ca) {
      const [leaf, ...cas] = ca.certChain;
      const signingKey = core_1.crypto.createPublicKey(leaf.publicKey);
      const signingTime = timestamp.signingTime;
      try {
        new certificate_1.CertificateChainVerifier({
          untrustedCert: leaf,
          trustedCerts: cas,
          timestamp: signingTime
        }).verify();
      } catch (e) {
        throw new error_1.VerificationError({
          code: "TIMESTAMP_ERROR",
          message: "invalid certificate chain"
        });
      }
      timestamp.verify(data, signingKey);
    }
    function filterCAsBySerialAndIssuer(timestampAuthorities, criteria) {
      return timestampAuthorities.filter((ca) => ca.certChain.length > 0 && core_1.crypto.bufferEqual(ca.certChain[0].serialNumber, criteria.serialNumber) && core_1.crypto.bufferEqual(ca.certChain[0].issuer, criteria.issuer));
    }
  }
});

// node_modules/@sigstore/verify/dist/timestamp/index.js
var require_timestamp = __commonJS({
  "node_modules/@sigstore/verify/dist/timestamp/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getTSATimestamp = getTSATimestamp;
    exports.getTLogTimestamp = getTLogTimestamp;
    var tsa_1 = require_tsa();
    function getTSATimestamp(timestamp, data, timestampAuthorities) {
      (0, tsa_1.verifyRFC3161Timestamp)(timestamp, data, timestampAuthorities);
      return {
        type: "timestamp-authority",
        logID: timestamp.signerSerialNumber,
        timestamp: timestamp.signingTime
      };
    }
    function getTLogTimestamp(entry) {
      if (!entry.inclusionPromise) {
        return void 0;
      }
      return {
        type: "transparency-log",
        logID: entry.logId.keyId,
        timestamp: new Date(Number(entry.integratedTime) * 1e3)
      };
    }
  }
});

// node_modules/@sigstore/verify/dist/tlog/dsse.js
var require_dsse2 = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/dsse.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DSSE_API_VERSION_V1 = void 0;
    exports.verifyDSSETLogBody = verifyDSSETLogBody;
    exports.verifyDSSETLogBodyV2 = verifyDSSETLogBodyV2;
    var error_1 = require_error();
    exports.DSSE_API_VERSION_V1 = "0.0.1";
    function verifyDSSETLogBody(tlogEntry, content) {
      switch (tlogEntry.apiVersion) {
        case exports.DSSE_API_VERSION_V1:
          return verifyDSSE001TLogBody(tlogEntry, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported dsse version: ${tlogEntry.apiVersion}`
          });
      }
    }
    function verifyDSSETLogBodyV2(tlogEntry, content) {
      const spec = tlogEntry.spec?.spec;
      if (!spec) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: `missing dsse spec`
        });
      }
      switch (spec.$case) {
        case "dsseV002":
          return verifyDSSE002TLogBody(spec.dsseV002, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported version: ${spec.$case}`
          });
      }
    }
    function verifyDSSE001TLogBody(tlogEntry, content) {
      if (tlogEntry.spec.signatures?.length !== 1) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature count mismatch"
        });
      }
      const tlogSig = tlogEntry.spec.signatures[0].signature;
      if (!content.compareSignature(Buffer.from(tlogSig, "base64")))
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "tlog entry signature mismatch"
        });
      const tlogHash = tlogEntry.spec.payloadHash?.value || "";
      if (!content.compareDigest(Buffer.from(tlogHash, "hex"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "DSSE payload hash mismatch"
        });
      }
    }
    function verifyDSSE002TLogBody(spec, content) {
      if (spec.signatures?.length !== 1) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature count mismatch"
        });
      }
      const tlogSig = spec.signatures[0].content;
      if (!content.compareSignature(tlogSig))
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "tlog entry signature mismatch"
        });
      const tlogHash = spec.payloadHash?.digest || Buffer.from("");
      if (!content.compareDigest(tlogHash)) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "DSSE payload hash mismatch"
        });
      }
    }
  }
});

// node_modules/@sigstore/verify/dist/tlog/hashedrekord.js
var require_hashedrekord = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/hashedrekord.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.HASHEDREKORD_API_VERSION_V1 = void 0;
    exports.verifyHashedRekordTLogBody = verifyHashedRekordTLogBody;
    exports.verifyHashedRekordTLogBodyV2 = verifyHashedRekordTLogBodyV2;
    var error_1 = require_error();
    exports.HASHEDREKORD_API_VERSION_V1 = "0.0.1";
    function verifyHashedRekordTLogBody(tlogEntry, content) {
      switch (tlogEntry.apiVersion) {
        case exports.HASHEDREKORD_API_VERSION_V1:
          return verifyHashedrekord001TLogBody(tlogEntry, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported hashedrekord version: ${tlogEntry.apiVersion}`
          });
      }
    }
    function verifyHashedRekordTLogBodyV2(tlogEntry, content) {
      const spec = tlogEntry.spec?.spec;
      if (!spec) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: `missing dsse spec`
        });
      }
      switch (spec.$case) {
        case "hashedRekordV002":
          return verifyHashedrekord002TLogBody(spec.hashedRekordV002, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported version: ${spec.$case}`
          });
      }
    }
    function verifyHashedrekord001TLogBody(tlogEntry, content) {
      const tlogSig = tlogEntry.spec.signature.content || "";
      if (!content.compareSignature(Buffer.from(tlogSig, "base64"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature mismatch"
        });
      }
      const tlogDigest = tlogEntry.spec.data.hash?.value || "";
      if (!content.compareSignedDigest(Buffer.from(tlogDigest, "hex"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "digest mismatch"
        });
      }
    }
    function verifyHashedrekord002TLogBody(spec, content) {
      const tlogSig = spec.signature?.content || Buffer.from("");
      if (!content.compareSignature(tlogSig)) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature mismatch"
        });
      }
      const tlogHash = spec.data?.digest || Buffer.from("");
      if (!content.compareSignedDigest(tlogHash)) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "digest mismatch"
        });
      }
    }
  }
});

// node_modules/@sigstore/verify/dist/tlog/intoto.js
var require_intoto = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/intoto.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyIntotoTLogBody = verifyIntotoTLogBody;
    var error_1 = require_error();
    function verifyIntotoTLogBody(tlogEntry, content) {
      switch (tlogEntry.apiVersion) {
        case "0.0.2":
          return verifyIntoto002TLogBody(tlogEntry, content);
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported intoto version: ${tlogEntry.apiVersion}`
          });
      }
    }
    function verifyIntoto002TLogBody(tlogEntry, content) {
      if (tlogEntry.spec.content.envelope.signatures?.length !== 1) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "signature count mismatch"
        });
      }
      const tlogSig = base64Decode(tlogEntry.spec.content.envelope.signatures[0].sig);
      if (!content.compareSignature(Buffer.from(tlogSig, "base64"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "tlog entry signature mismatch"
        });
      }
      const tlogHash = tlogEntry.spec.content.payloadHash?.value || "";
      if (!content.compareDigest(Buffer.from(tlogHash, "hex"))) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "DSSE payload hash mismatch"
        });
      }
    }
    function base64Decode(str) {
      return Buffer.from(str, "base64").toString("utf-8");
    }
  }
});

// node_modules/@sigstore/verify/dist/tlog/checkpoint.js
var require_checkpoint = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/checkpoint.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.LogCheckpoint = void 0;
    exports.verifyCheckpoint = verifyCheckpoint;
    var core_1 = require_dist2();
    var error_1 = require_error();
    var CHECKPOINT_SEPARATOR = "\n\n";
    var SIGNATURE_REGEX = /\u2014 (\S+) (\S+)\n/g;
    function verifyCheckpoint(entry, tlogs) {
      const inclusionProof = entry.inclusionProof;
      const signedNote = SignedNote.fromString(inclusionProof.checkpoint.envelope);
      const checkpoint = LogCheckpoint.fromString(signedNote.note);
      if (!verifySignedNote(signedNote, tlogs)) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "invalid checkpoint signature"
        });
      }
      return checkpoint;
    }
    function verifySignedNote(signedNote, tlogs) {
      const data = Buffer.from(signedNote.note, "utf-8");
      return signedNote.signatures.some((signature) => {
        const tlog = tlogs.find((tlog2) => core_1.crypto.bufferEqual(tlog2.logID.subarray(0, 4), signature.keyHint) && // Match the signature name to the base URL of the tlog. The name is
        // attacker-controlled, so it MUST be compared as a literal substring
        // and never coerced into a RegExp (as String.prototype.match would).
        tlog2.baseURL.includes(signature.name));
        if (!tlog) {
          return false;
        }
        return core_1.crypto.verify(data, tlog.publicKey, signature.signature);
      });
    }
    var SignedNote = class _SignedNote {
      note;
      signatures;
      constructor(note, signatures) {
        this.note = note;
        this.signatures = signatures;
      }
      // Deserialize a SignedNote from a string
      static fromString(envelope) {
        if (!envelope.includes(CHECKPOINT_SEPARATOR)) {
          throw new error_1.VerificationError({
            code: "TLOG_INCLUSION_PROOF_ERROR",
            message: "missing checkpoint separator"
          });
        }
        const split = envelope.indexOf(CHECKPOINT_SEPARATOR);
        const header = envelope.slice(0, split + 1);
        const data = envelope.slice(split + CHECKPOINT_SEPARATOR.length);
        const matches = data.matchAll(SIGNATURE_REGEX);
        const signatures = Array.from(matches, (match) => {
          const [, name, signature] = match;
          const sigBytes = Buffer.from(signature, "base64");
          if (sigBytes.length < 5) {
            throw new error_1.VerificationError({
              code: "TLOG_INCLUSION_PROOF_ERROR",
              message: "malformed checkpoint signature"
            });
          }
          return {
            name,
            keyHint: sigBytes.subarray(0, 4),
            signature: sigBytes.subarray(4)
          };
        });
        if (signatures.length === 0) {
          throw new error_1.VerificationError({
            code: "TLOG_INCLUSION_PROOF_ERROR",
            message: "no signatures found in checkpoint"
          });
        }
        return new _SignedNote(header, signatures);
      }
    };
    var LogCheckpoint = class _LogCheckpoint {
      origin;
      logSize;
      logHash;
      rest;
      constructor(origin, logSize, logHash, rest) {
        this.origin = origin;
        this.logSize = logSize;
        this.logHash = logHash;
        this.rest = rest;
      }
      static fromString(note) {
        const lines = note.trimEnd().split("\n");
        if (lines.length < 3) {
          throw new error_1.VerificationError({
            code: "TLOG_INCLUSION_PROOF_ERROR",
            message: "too few lines in checkpoint header"
          });
        }
        const origin = lines[0];
        let logSize;
        try {
          logSize = BigInt(lines[1]);
        } catch {
          throw new error_1.VerificationError({
            code: "TLOG_INCLUSION_PROOF_ERROR",
            message: "invalid checkpoint log size"
          });
        }
        const rootHash = Buffer.from(lines[2], "base64");
        const rest = lines.slice(3);
        return new _LogCheckpoint(origin, logSize, rootHash, rest);
      }
    };
    exports.LogCheckpoint = LogCheckpoint;
  }
});

// node_modules/@sigstore/verify/dist/tlog/merkle.js
var require_merkle = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/merkle.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyMerkleInclusion = verifyMerkleInclusion;
    var core_1 = require_dist2();
    var error_1 = require_error();
    var RFC6962_LEAF_HASH_PREFIX = Buffer.from([0]);
    var RFC6962_NODE_HASH_PREFIX = Buffer.from([1]);
    function verifyMerkleInclusion(entry, checkpoint) {
      const inclusionProof = entry.inclusionProof;
      let logIndex;
      try {
        logIndex = BigInt(inclusionProof.logIndex);
      } catch {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "invalid inclusion proof log index"
        });
      }
      const treeSize = BigInt(checkpoint.logSize);
      if (logIndex < 0n || logIndex >= treeSize) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: `invalid index: ${logIndex}`
        });
      }
      const { inner, border } = decompInclProof(logIndex, treeSize);
      if (inclusionProof.hashes.length !== inner + border) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "invalid hash count"
        });
      }
      const innerHashes = inclusionProof.hashes.slice(0, inner);
      const borderHashes = inclusionProof.hashes.slice(inner);
      const leafHash = hashLeaf(entry.canonicalizedBody);
      const calculatedHash = chainBorderRight(chainInner(leafHash, innerHashes, logIndex), borderHashes);
      if (!core_1.crypto.bufferEqual(calculatedHash, checkpoint.logHash)) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROOF_ERROR",
          message: "calculated root hash does not match inclusion proof"
        });
      }
    }
    function decompInclProof(index, size) {
      const inner = innerProofSize(index, size);
      const border = onesCount(index >> BigInt(inner));
      return { inner, border };
    }
    function chainInner(seed, hashes, index) {
      return hashes.reduce((acc, h, i) => {
        if (index >> BigInt(i) & BigInt(1)) {
          return hashChildren(h, acc);
        } else {
          return hashChildren(acc, h);
        }
      }, seed);
    }
    function chainBorderRight(seed, hashes) {
      return hashes.reduce((acc, h) => hashChildren(h, acc), seed);
    }
    function innerProofSize(index, size) {
      return bitLength(index ^ size - BigInt(1));
    }
    function onesCount(num) {
      return num.toString(2).split("1").length - 1;
    }
    function bitLength(n) {
      if (n === 0n) {
        return 0;
      }
      return n.toString(2).length;
    }
    function hashChildren(left, right) {
      return core_1.crypto.digest("sha256", RFC6962_NODE_HASH_PREFIX, left, right);
    }
    function hashLeaf(leaf) {
      return core_1.crypto.digest("sha256", RFC6962_LEAF_HASH_PREFIX, leaf);
    }
  }
});

// node_modules/@sigstore/verify/dist/tlog/set.js
var require_set = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/set.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyTLogSET = verifyTLogSET;
    var core_1 = require_dist2();
    var error_1 = require_error();
    var trust_1 = require_trust();
    function verifyTLogSET(entry, tlogs) {
      const validTLogs = (0, trust_1.filterTLogAuthorities)(tlogs, {
        logID: entry.logId.keyId,
        targetDate: new Date(Number(entry.integratedTime) * 1e3)
      });
      const verified = validTLogs.some((tlog) => {
        const payload = toVerificationPayload(entry);
        const data = Buffer.from(core_1.json.canonicalize(payload), "utf8");
        const signature = entry.inclusionPromise.signedEntryTimestamp;
        return core_1.crypto.verify(data, tlog.publicKey, signature);
      });
      if (!verified) {
        throw new error_1.VerificationError({
          code: "TLOG_INCLUSION_PROMISE_ERROR",
          message: "inclusion promise could not be verified"
        });
      }
    }
    function toVerificationPayload(entry) {
      const { integratedTime, logIndex, logId, canonicalizedBody } = entry;
      return {
        body: canonicalizedBody.toString("base64"),
        integratedTime: Number(integratedTime),
        logIndex: Number(logIndex),
        logID: logId.keyId.toString("hex")
      };
    }
  }
});

// node_modules/@sigstore/verify/dist/tlog/index.js
var require_tlog = __commonJS({
  "node_modules/@sigstore/verify/dist/tlog/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.verifyTLogBody = verifyTLogBody;
    exports.verifyTLogInclusion = verifyTLogInclusion;
    var v2_1 = require_v2();
    var error_1 = require_error();
    var dsse_1 = require_dsse2();
    var hashedrekord_1 = require_hashedrekord();
    var intoto_1 = require_intoto();
    var checkpoint_1 = require_checkpoint();
    var merkle_1 = require_merkle();
    var set_1 = require_set();
    function verifyTLogBody(entry, sigContent) {
      const { kind, version } = entry.kindVersion;
      let body;
      try {
        body = JSON.parse(entry.canonicalizedBody.toString("utf8"));
      } catch {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: "invalid canonicalized body"
        });
      }
      if (kind !== body.kind || version !== body.apiVersion) {
        throw new error_1.VerificationError({
          code: "TLOG_BODY_ERROR",
          message: `kind/version mismatch - expected: ${kind}/${version}, received: ${body.kind}/${body.apiVersion}`
        });
      }
      switch (kind) {
        case "dsse":
          if (version == dsse_1.DSSE_API_VERSION_V1) {
            return (0, dsse_1.verifyDSSETLogBody)(body, sigContent);
          } else {
            const entryRekorV2 = v2_1.Entry.fromJSON(body);
            return (0, dsse_1.verifyDSSETLogBodyV2)(entryRekorV2, sigContent);
          }
        case "intoto":
          return (0, intoto_1.verifyIntotoTLogBody)(body, sigContent);
        case "hashedrekord":
          if (version == hashedrekord_1.HASHEDREKORD_API_VERSION_V1) {
            return (0, hashedrekord_1.verifyHashedRekordTLogBody)(body, sigContent);
          } else {
            const entryRekorV2 = v2_1.Entry.fromJSON(body);
            return (0, hashedrekord_1.verifyHashedRekordTLogBodyV2)(entryRekorV2, sigContent);
          }
        /* istanbul ignore next */
        default:
          throw new error_1.VerificationError({
            code: "TLOG_BODY_ERROR",
            message: `unsupported kind: ${kind}`
          });
      }
    }
    function verifyTLogInclusion(entry, tlogAuthorities) {
      let inclusionVerified = false;
      if (isTLogEntryWithInclusionPromise(entry)) {
        (0, set_1.verifyTLogSET)(entry, tlogAuthorities);
        inclusionVerified = true;
      }
      if (isTLogEntryWithInclusionProof(entry)) {
        const matchingAuthorities = tlogAuthorities.filter((tlog) => tlog.logID.equals(entry.logId.keyId));
        const checkpoint = (0, checkpoint_1.verifyCheckpoint)(entry, matchingAuthorities);
        (0, merkle_1.verifyMerkleInclusion)(entry, checkpoint);
        inclusionVerified = true;
      }
      if (!inclusionVerified) {
        throw new error_1.VerificationError({
          code: "TLOG_MISSING_INCLUSION_ERROR",
          message: "inclusion could not be verified"
        });
      }
      return;
    }
    function isTLogEntryWithInclusionPromise(entry) {
      return entry.inclusionPromise !== void 0;
    }
    function isTLogEntryWithInclusionProof(entry) {
      return entry.inclusionProof !== void 0;
    }
  }
});

// node_modules/@sigstore/verify/dist/verifier.js
var require_verifier = __commonJS({
  "node_modules/@sigstore/verify/dist/verifier.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Verifier = void 0;
    var util_1 = __require("util");
    var error_1 = require_error();
    var key_1 = require_key();
    var policy_1 = require_policy();
    var timestamp_1 = require_timestamp();
    var tlog_1 = require_tlog();
    var Verifier2 = class {
      trustMaterial;
      options;
      constructor(trustMaterial, options = {}) {
        this.trustMaterial = trustMaterial;
        this.options = {
          ctlogThreshold: options.ctlogThreshold ?? 1,
          tlogThreshold: options.tlogThreshold ?? 1,
          timestampThreshold: options.timestampThreshold ?? options.tsaThreshold ?? 1,
          tsaThreshold: 0
        };
      }
      verify(entity, policy) {
        const timestamps = this.verifyTimestamps(entity);
        const signer = this.verifySigningKey(entity, timestamps);
        this.verifyTLogs(entity);
        this.verifySignature(entity, signer);
        if (policy) {
          this.verifyPolicy(policy, signer.identity || {});
        }
        return signer;
      }
      // Checks that all of the timestamps in the entity are valid and returns them
      verifyTimestamps(entity) {
        const timestamps = [];
        for (const timestamp of entity.timestamps) {
          switch (timestamp.$case) {
            case "timestamp-authority":
              timestamps.push((0, timestamp_1.getTSATimestamp)(timestamp.timestamp, entity.signature.signature, this.trustMaterial.timestampAuthorities));
              break;
            case "transparency-log": {
              const result = (0, timestamp_1.getTLogTimestamp)(timestamp.tlogEntry);
              if (result) {
                timestamps.push(result);
              }
              break;
            }
          }
        }
        if (containsDupes(timestamps)) {
          throw new error_1.VerificationError({
            code: "TIMESTAMP_ERROR",
            message: "duplicate timestamp"
          });
        }
        if (timestamps.length < this.options.timestampThreshold) {
          throw new error_1.VerificationError({
            code: "TIMESTAMP_ERROR",
            message: `expected ${this.options.timestampThreshold} timestamps, got ${timestamps.length}`
          });
        }
        return timestamps.map((t) => t.timestamp);
      }
      // Checks that the signing key is valid for all of the the supplied timestamps
      // and returns the signer.
      verifySigningKey({ key }, timestamps) {
        switch (key.$case) {
          case "public-key": {
            return (0, key_1.verifyPublicKey)(key.hint, timestamps, this.trustMaterial);
          }
          case "certificate": {
            const result = (0, key_1.verifyCertificate)(key.certificate, timestamps, this.trustMaterial);
            if (containsDupes(result.scts)) {
              throw new error_1.VerificationError({
                code: "CERTIFICATE_ERROR",
                message: "duplicate SCT"
              });
            }
            if (result.scts.length < this.options.ctlogThreshold) {
              throw new error_1.VerificationError({
                code: "CERTIFICATE_ERROR",
                message: `expected ${this.options.ctlogThreshold} SCTs, got ${result.scts.length}`
              });
            }
            return result.signer;
          }
        }
      }
      // Checks that the tlog entries are valid for the supplied content
      verifyTLogs({ signature: content, tlogEntries }) {
        const entryIDs = [];
        tlogEntries.forEach((entry) => {
          (0, tlog_1.verifyTLogInclusion)(entry, this.trustMaterial.tlogs);
          (0, tlog_1.verifyTLogBody)(entry, content);
          entryIDs.push({
            logID: entry.logId.keyId,
            body: entry.canonicalizedBody
          });
        });
        if (containsDupes(entryIDs)) {
          throw new error_1.VerificationError({
            code: "TLOG_ERROR",
            message: "duplicate tlog entry"
          });
        }
        if (entryIDs.length < this.options.tlogThreshold) {
          throw new error_1.VerificationError({
            code: "TLOG_ERROR",
            message: `expected ${this.options.tlogThreshold} tlog entries, got ${entryIDs.length}`
          });
        }
      }
      // Checks that the signature is valid for the supplied content
      verifySignature(entity, signer) {
        if (!entity.signature.verifySignature(signer.key)) {
          throw new error_1.VerificationError({
            code: "SIGNATURE_ERROR",
            message: "signature verification failed"
          });
        }
      }
      verifyPolicy(policy, identity) {
        if (policy.subjectAlternativeName) {
          (0, policy_1.verifySubjectAlternativeName)(policy.subjectAlternativeName, identity.subjectAlternativeName);
        }
        if (policy.extensions) {
          (0, policy_1.verifyExtensions)(policy.extensions, identity.extensions);
        }
        if (policy.oids) {
          (0, policy_1.verifyOIDs)(policy.oids, identity.oids);
        }
      }
    };
    exports.Verifier = Verifier2;
    function containsDupes(arr) {
      for (let i = 0; i < arr.length; i++) {
        for (let j = i + 1; j < arr.length; j++) {
          if ((0, util_1.isDeepStrictEqual)(arr[i], arr[j])) {
            return true;
          }
        }
      }
      return false;
    }
  }
});

// node_modules/@sigstore/verify/dist/index.js
var require_dist4 = __commonJS({
  "node_modules/@sigstore/verify/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Verifier = exports.toTrustMaterial = exports.VerificationError = exports.PolicyError = exports.toSignedEntity = void 0;
    var bundle_1 = require_bundle();
    Object.defineProperty(exports, "toSignedEntity", { enumerable: true, get: function() {
      return bundle_1.toSignedEntity;
    } });
    var error_1 = require_error();
    Object.defineProperty(exports, "PolicyError", { enumerable: true, get: function() {
      return error_1.PolicyError;
    } });
    Object.defineProperty(exports, "VerificationError", { enumerable: true, get: function() {
      return error_1.VerificationError;
    } });
    var trust_1 = require_trust();
    Object.defineProperty(exports, "toTrustMaterial", { enumerable: true, get: function() {
      return trust_1.toTrustMaterial;
    } });
    var verifier_1 = require_verifier();
    Object.defineProperty(exports, "Verifier", { enumerable: true, get: function() {
      return verifier_1.Verifier;
    } });
  }
});

// src/lib/checks/sigstore/trusted-root.ts
var import_protobuf_specs = __toESM(require_dist(), 1);
var import_verify = __toESM(require_dist4(), 1);
import { createPublicKey } from "node:crypto";
var TRUSTED_ROOT_MAX_BYTES = 1024 * 1024;
var TRUSTED_ROOT_MEDIA_TYPES = [
  "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
  "application/vnd.dev.sigstore.trustedroot.v0.1+json",
  "application/vnd.dev.sigstore.trustedroot.v0.2+json"
];
function loadTrustedRootBytes(bytes, what, options = {}) {
  const json = parseStrictJson(bytes, what, { maxBytes: TRUSTED_ROOT_MAX_BYTES, maxDepth: 32 });
  return loadTrustedRoot(json, what, options);
}
function loadTrustedRoot(json, what, options = {}) {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new InputError(
      "trusted-root-malformed",
      `${what}: expected a JSON object (a Sigstore trusted root), found ${describe(json)}`
    );
  }
  const mediaType = json.mediaType;
  if (typeof mediaType !== "string" || !TRUSTED_ROOT_MEDIA_TYPES.includes(mediaType)) {
    throw new InputError(
      "trusted-root-unsupported-version",
      `${what}: expected mediaType one of ${TRUSTED_ROOT_MEDIA_TYPES.join(", ")}, found ${mediaType === void 0 ? "none" : JSON.stringify(mediaType)}`
    );
  }
  let root;
  try {
    root = import_protobuf_specs.TrustedRoot.fromJSON(json);
  } catch (err) {
    throw new InputError("trusted-root-malformed", `${what}: not a valid trusted root: ${message(err)}`);
  }
  checkValidityWindows(root, what);
  const keyFinder = options.managedKey ? managedKeyFinder(options.managedKey) : void 0;
  try {
    return (0, import_verify.toTrustMaterial)(root, keyFinder);
  } catch (err) {
    throw new InputError(
      "trusted-root-malformed",
      `${what}: unusable key or certificate in the trusted root: ${message(err)}`
    );
  }
}
function parseManagedKey(pem, what) {
  if (pem.length > 64 * 1024)
    throw new InputError("key-malformed", `${what}: over the limit of 65536 characters for a public key`);
  try {
    return createPublicKey({ key: pem, format: "pem" });
  } catch (err) {
    throw new InputError(
      "key-malformed",
      `${what}: expected a PEM public key, found unparseable data (${message(err)})`
    );
  }
}
function checkValidityWindows(root, what) {
  const logs = [...root.tlogs.map((l) => ["tlogs", l]), ...root.ctlogs.map((l) => ["ctlogs", l])];
  for (const [kind, log] of logs) {
    if (!log.publicKey?.rawBytes?.length) {
      throw new InputError(
        "trusted-root-malformed",
        `${what}: ${kind} entry ${JSON.stringify(log.baseUrl)}: expected a publicKey with rawBytes, found none`
      );
    }
    requireStart(
      log.publicKey.validFor?.start,
      `${what}: ${kind} entry ${JSON.stringify(log.baseUrl)}: publicKey.validFor.start`
    );
  }
  const cas = [
    ...root.certificateAuthorities.map((c) => ["certificateAuthorities", c]),
    ...root.timestampAuthorities.map((c) => ["timestampAuthorities", c])
  ];
  for (const [kind, ca] of cas) {
    if (!ca.certChain?.certificates.length) {
      throw new InputError(
        "trusted-root-malformed",
        `${what}: ${kind} entry ${JSON.stringify(ca.uri)}: expected a certChain, found none`
      );
    }
    requireStart(ca.validFor?.start, `${what}: ${kind} entry ${JSON.stringify(ca.uri)}: validFor.start`);
  }
}
function requireStart(start, where) {
  if (!(start instanceof Date) || Number.isNaN(start.getTime())) {
    throw new InputError(
      "trusted-root-malformed",
      `${where}: expected an RFC 3339 time, found ${start === void 0 ? "none" : "an invalid time"}`
    );
  }
}
function managedKeyFinder(key) {
  return () => ({ publicKey: key, validFor: () => true });
}
function message(err) {
  return err instanceof Error ? err.message : String(err);
}
function trustMaterialOf(policy) {
  return loadTrustedRoot(policy.trustedRoot, "policy trustedRoot");
}

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
function certError(message2) {
  return new VerificationError("primary-certificate", `primary signature: signing certificate: ${message2}`);
}

// src/lib/checks/sigstore/verify-primary.ts
var import_bundle = __toESM(require_dist3(), 1);
var import_core2 = __toESM(require_dist2(), 1);
var import_protobuf_specs2 = __toESM(require_dist(), 1);
var import_verify2 = __toESM(require_dist4(), 1);
import { createHash } from "node:crypto";
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
      entity = (0, import_verify2.toSignedEntity)(bundle);
    } else {
      const { messageSignature } = bundle.content;
      const { sha256, bytes, verifyPrehashed } = artifactDigest(options.artifact, what);
      if (messageSignature.messageDigest.algorithm !== import_protobuf_specs2.HashAlgorithm.SHA2_256)
        throw fail("primary-malformed", what, "expected a SHA2_256 message digest");
      if (!equalBytes(sha256, messageSignature.messageDigest.digest)) {
        throw fail(
          "primary-artifact",
          what,
          `the artifact's sha256 ${hex(sha256)} is not the signed message digest ${hex(messageSignature.messageDigest.digest)}`
        );
      }
      content = { kind: "message-signature", sha256, signature: new Uint8Array(messageSignature.signature) };
      entity = (0, import_verify2.toSignedEntity)(bundle, bytes ? Buffer.from(bytes) : void 0);
      if (verifyPrehashed)
        entity.signature = prehashedContent(entity.signature, messageSignature.signature, sha256, verifyPrehashed);
    }
  } catch (err) {
    if (err instanceof VerificationError || err instanceof InputError) throw err;
    throw fail("primary-malformed", what, `unusable certificate or timestamp: ${describe2(err)}`);
  }
  const verifier = new import_verify2.Verifier(trust, {
    ctlogThreshold: trust.ctlogs.length > 0 ? 1 : 0,
    tlogThreshold: 0,
    timestampThreshold: 1
  });
  try {
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
    throw fail("primary-malformed", what, `not a valid Sigstore bundle: ${describe2(err)}`);
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
  const found = upstream ? `${upstream}: ${describe2(err)}` : describe2(err);
  return new VerificationError(code, `${what}: Sigstore verification failed: ${found}`, {
    expected: "a valid Sigstore signature under the pinned trusted root",
    found
  });
}
function fail(code, what, message2) {
  return new VerificationError(code, `${what}: ${message2}`);
}
function describe2(err) {
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
  loadTrustedRootBytes,
  parseManagedKey,
  trustMaterialOf,
  checkPrimaryIdentity,
  verifyPrimary,
  verifySigstoreBundle
};
