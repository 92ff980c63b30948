// Shared by: cli-countersign, cli-demo, cli-policy, cli-serve, cli-trusted-root, cli-verify (scripts/build.ts stableChunkNames).
import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  describeValidity,
  describeWitnesses,
  escapeUnusual,
  parsePolicy
} from "./shared-96f97add.mjs";
import {
  POLICY_MEDIA_TYPE
} from "./shared-d5665511.mjs";
import {
  GITHUB_ACTIONS_ISSUER,
  MAX_POLICY_BYTES
} from "./shared-31413875.mjs";
import {
  readCappedFile
} from "./shared-e09a80f9.mjs";
import {
  keyIdOf,
  parsePublicKeyPem
} from "./shared-5310986a.mjs";
import {
  rfc3339
} from "./shared-84c2b3d1.mjs";
import {
  PolicyError
} from "./shared-c0077619.mjs";

// src/lib/formats/policy/load.ts
async function loadPolicyFile(path) {
  const bytes = await readCappedFile(path, {
    maxBytes: MAX_POLICY_BYTES,
    streams: true,
    codes: { unreadable: "policy-unreadable", tooLarge: "policy-too-large", changed: "policy-unreadable" },
    // Only the policy codes above reach it.
    error: (code, message) => new PolicyError(code, message),
    message: (f) => f.kind === "too-large" ? `${path}: over the limit of ${MAX_POLICY_BYTES} bytes` : f.kind === "not-a-file" ? `${path}: cannot read the policy: ${f.directory ? "a directory, not a file" : "not a regular file"}` : f.kind === "unreadable" ? `${path}: cannot read the policy: ${f.reason}` : void 0
  });
  return parsePolicy(bytes, path);
}

// src/lib/formats/policy/build.ts
function buildPolicy(input) {
  const primary = { issuer: input.issuer ?? GITHUB_ACTIONS_ISSUER };
  if (input.identity !== void 0) primary.identity = input.identity;
  if (input.identityPattern !== void 0) primary.identityPattern = input.identityPattern;
  if (input.githubClaims !== void 0 && Object.keys(input.githubClaims).length > 0)
    primary.githubClaims = { ...input.githubClaims };
  if (input.unsafeNoSourceRepositoryPin === true) primary.unsafeNoSourceRepositoryPin = true;
  const countersigners = input.countersigners.map(countersignerEntry);
  const policy = {
    mediaType: POLICY_MEDIA_TYPE,
    version: input.version ?? 1,
    primary,
    trustedRoot: input.trustedRoot,
    countersigners,
    threshold: input.threshold ?? 1,
    kinds: input.kinds ?? ["binary-digest"],
    streams: input.streams
  };
  if (input.limits && Object.keys(input.limits).length > 0) policy.limits = { ...input.limits };
  if (input.fallback)
    policy.fallback = {
      countersigners: input.fallback.countersigners.map(countersignerEntry),
      threshold: input.fallback.threshold ?? 1
    };
  return policy;
}
function countersignerEntry(c) {
  const raw = parsePublicKeyPem(c.publicKeyPem, `countersigner ${c.name}${c.source ? ` (${c.source})` : ""}`);
  const entry = {
    name: c.name,
    organisation: c.organisation ?? c.name,
    keyId: keyIdOf(raw),
    publicKey: c.publicKeyPem
  };
  if (c.validFrom) entry.validFrom = rfc3339(c.validFrom);
  if (c.validUntil) entry.validUntil = rfc3339(c.validUntil);
  if (c.log)
    entry.log = {
      origin: c.log.origin,
      publicKey: c.log.publicKeyPem,
      ...c.log.witnesses ? { witnesses: c.log.witnesses } : {}
    };
  return entry;
}

// src/lib/formats/policy/describe.ts
function describePolicy(policy) {
  const p = policy.primary;
  const who = p.identity !== void 0 ? `${p.issuer === GITHUB_ACTIONS_ISSUER ? "the GitHub workflow" : "the identity"} ${p.identity}` : `any identity matching the regular expression ${p.identityPattern ?? "(none)"}`;
  const claims = Object.entries(p.githubClaims ?? {});
  const claimText = (claims.length > 0 ? `, with GitHub claims ${claims.map(([k, v]) => `${k}=${v}`).join(", ")}` : "") + (p.unsafeNoSourceRepositoryPin ? ", run from ANY source repository (unsafeNoSourceRepositoryPin: every repository that calls the workflow as a reusable workflow can sign)" : "");
  const byOrg = /* @__PURE__ */ new Map();
  for (const key of policy.countersigners) byOrg.set(key.organisation, [...byOrg.get(key.organisation) ?? [], key]);
  const orgLines = [...byOrg].map(([org, keys]) => `  - ${org}: ${keys.map(describeKey).join("; ")}`);
  const root = policy.trustedRoot;
  const count = (field) => Array.isArray(root[field]) ? root[field].length : 0;
  const l = policy.limits;
  return [
    `Policy version ${policy.version} (${policy.mediaType}).`,
    `Accepts ${list(policy.kinds)} statements for stream${policy.streams.length > 1 ? "s" : ""} ${list(policy.streams)}`,
    `signed by ${who} (issuer ${p.issuer})${claimText},`,
    `verified against the pinned Sigstore trusted root (${count("certificateAuthorities")} certificate authorities, ${count("tlogs")} transparency logs, ${count("timestampAuthorities")} timestamp authorities),`,
    `AND countersigned by at least ${policy.threshold} of ${byOrg.size} organisation${byOrg.size > 1 ? "s" : ""} (each organisation counts once, however many of its keys sign):`,
    ...orgLines,
    ...describeFallback(policy),
    `Limits: bundles up to ${l.maxBundleBytes} bytes, up to ${l.maxSubjects} subjects, statements valid for at most ${l.maxStatementLifetimeSeconds} seconds, clock skew ${l.clockSkewSeconds} seconds, each version at most ${l.maxVersionStep} above the last one accepted in its stream.`
  ].map((line) => escapeUnusual(line)).join("\n");
}
function describeFallback(policy) {
  const f = policy.fallback;
  if (!f) return [];
  const orgs = [...new Set(f.countersigners.map((k) => k.organisation))];
  return [
    `Emergency fallback: an authority-rotation bundle (and nothing else) may instead be countersigned by at least ${f.threshold} of ${orgs.length} fallback organisation${orgs.length > 1 ? "s" : ""}:`,
    ...orgs.map(
      (org) => `  - ${org}: ${f.countersigners.filter((k) => k.organisation === org).map(describeKey).join("; ")}`
    )
  ];
}
function describeKey(key) {
  const validity = describeValidity(
    key.validFrom ? rfc3339(key.validFrom) : void 0,
    key.validUntil ? rfc3339(key.validUntil) : void 0
  );
  const log = key.log ? `, only when logged in ${key.log.origin} (inclusion proof under a checkpoint signed by its pinned log key${key.log.witnesses ? ` and ${describeWitnesses(key.log.witnesses)}` : ""})` : "";
  return `key ${key.name} ${key.keyId}, ${validity}${log}`;
}
function list(items) {
  return items.length <= 1 ? items[0] ?? "" : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

export {
  loadPolicyFile,
  buildPolicy,
  describePolicy
};
