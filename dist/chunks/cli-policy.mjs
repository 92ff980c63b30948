import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  buildPolicy,
  describePolicy,
  loadPolicyFile
} from "./shared-79af2afc.mjs";
import {
  reportFatal
} from "./shared-42d5d1df.mjs";
import {
  writeFileAtomic
} from "./shared-2abda158.mjs";
import {
  organisationProblem,
  parsePolicy
} from "./shared-96f97add.mjs";
import "./shared-4bd08542.mjs";
import "./shared-d5665511.mjs";
import {
  readInputFile
} from "./shared-434ebaa6.mjs";
import "./shared-2f63fab4.mjs";
import {
  GITHUB_ACTIONS_ISSUER,
  GITHUB_CLAIM_NAMES,
  parseStrictJson
} from "./shared-31413875.mjs";
import "./shared-a58ce1e9.mjs";
import {
  usageError
} from "./shared-d30e65f7.mjs";
import {
  HELP_COMBINED,
  parseVerbArgs
} from "./shared-25dfcc74.mjs";
import "./shared-e09a80f9.mjs";
import "./shared-5310986a.mjs";
import "./shared-2b0dfa9f.mjs";
import "./shared-f3698323.mjs";
import "./shared-84c2b3d1.mjs";
import {
  InputError,
  PolicyError
} from "./shared-c0077619.mjs";
import "./shared-2bfe6f66.mjs";

// src/cli/policy.ts
var USAGE = `usage: countersign policy init (--identity URI | --identity-pattern REGEX) --trusted-root FILE
                               --source-repository-id N --source-repository-owner-id N
                               --countersigner NAME=PUBFILE [--countersigner ...] --stream S [--stream ...]
                               --out FILE [options]
       countersign policy show FILE
       countersign policy update --current FILE --rotation BUNDLE [...] --out FILE [--state FILE]
       countersign policy diff CURRENT NEW [--organisation ORG] [--json]
       countersign policy check-trusted-root POLICY [--instance public-good|github] [--tuf-url URL --tuf-root FILE]
       countersign policy rotate --trusted-root NEW_ROOT --current POLICY --out NEW_POLICY [--force]

init: writes a policy file (pretty-printed JSON) and prints a summary of it.
  --identity URI             the primary's exact certificate identity, e.g.
                             https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main
  --identity-pattern REGEX   instead, an anchored regular expression ^...$ over the identity
  --issuer URL               OIDC issuer (default ${GITHUB_ACTIONS_ISSUER})
  --source-repository URL    the repository whose runs may sign, https://github.com/OWNER/REPO
                             (default: OWNER/REPO of an exact --identity on github.com)
  --source-repository-id N   its numeric id, and its owner's: names can be deleted and
  --source-repository-owner-id N
                             registered again (gh api repos/OWNER/REPO --jq '.id, .owner.id').
                             Required: a reusable workflow (on: workflow_call) gets the same
                             identity in every repository that calls it; these tell them apart
  --unsafe-no-source-repository-pin
                             write a policy without that pin: any repository calling the
                             workflow can sign (spec/POLICY.md \xA73.3.3)
  --github-claim NAME=VALUE  pin a GitHub claim (repeatable): ${GITHUB_CLAIM_NAMES.join(", ")}
  --trusted-root FILE        Sigstore trusted_root.json, embedded in the policy
  --countersigner NAME=FILE  a countersigner key: its Ed25519 public key PEM (repeatable)
  --organisation NAME=ORG    the organisation of countersigner NAME (default: NAME)
                             in ASCII letters, digits, single spaces and . , - _ & ' ( )
  --countersigner-log NAME=ORIGIN,PUBFILE
                             require NAME's countersignatures to be in its transparency log:
                             the log's origin and public key (GET /v1/log/key of the service)
  --threshold N              distinct organisations that must countersign (default 1)
  --fallback NAME=FILE       an emergency fallback signer key (repeatable): may authorise
                             authority rotations only (spec/ROTATION.md); --organisation
                             names its organisation too; needs --kind authority-rotation
  --fallback-threshold N     distinct fallback organisations needed (default 1)
  --kind K                   allowed statement kind (repeatable, default binary-digest)
  --stream S                 allowed stream, e.g. acme/app:stable (repeatable, at least one)
  --policy-version N         the policy's own version number (default 1)
  --out FILE                 where to write the policy
  --force                    replace FILE if it exists

show: prints what FILE accepts, in plain words.

update: follows authority-rotation bundles from the current policy and writes the result
(see 'countersign policy update --help').

diff: prints what NEW (a policy, or an authority-rotation bundle) changes against CURRENT,
one line per change, in words (see 'countersign policy diff --help').

check-trusted-root: says whether the trusted root POLICY pins is still the Sigstore
instance's current one, fetched through TUF (see 'countersign policy check-trusted-root --help').

rotate: writes the next policy with only the Sigstore trusted root changed, for an authority
rotation, and prints the change (see 'countersign policy rotate --help').

Exit codes: 0 done, 2 bad input.`;
var MAX_TRUSTED_ROOT_BYTES = 512 * 1024;
var MAX_PUBLIC_KEY_BYTES = 16 * 1024;
async function run(argv) {
  const [sub, ...rest] = argv;
  try {
    if (sub === "init") return await init(rest);
    if (sub === "show") return await show(rest);
    if (sub === "update") return await (await import("./cli-policy-update.mjs")).update(rest);
    if (sub === "diff") return await (await import("./cli-policy-diff.mjs")).diff(rest);
    if (sub === "check-trusted-root") return await (await import("./cli-trusted-root.mjs")).checkTrustedRoot(rest);
    if (sub === "rotate") return await (await import("./cli-policy-rotate.mjs")).rotate(rest);
    if (sub === "--help" || sub === "-h")
      return rest.length === 0 ? (console.log(USAGE), 0) : usageError("policy", HELP_COMBINED);
    return usageError(
      "policy",
      sub === void 0 ? "missing init, show, update or diff" : `unknown subcommand ${JSON.stringify(sub)}`
    );
  } catch (err) {
    return reportFatal(err);
  }
}
async function show(argv) {
  const { values, positionals } = parseVerbArgs("policy show", argv, { help: { type: "boolean", short: "h" } });
  if (values.help) return console.log(USAGE), 0;
  if (positionals.length !== 1)
    return usageError(
      "policy show",
      positionals.length === 0 ? "missing FILE" : `unexpected argument ${JSON.stringify(positionals[1])}`
    );
  console.log(describePolicy(await loadPolicyFile(positionals[0])));
  return 0;
}
async function init(argv) {
  const many = { type: "string", multiple: true };
  const { values, positionals } = parseVerbArgs("policy init", argv, {
    identity: { type: "string" },
    "identity-pattern": { type: "string" },
    issuer: { type: "string" },
    "source-repository": { type: "string" },
    "source-repository-id": { type: "string" },
    "source-repository-owner-id": { type: "string" },
    "unsafe-no-source-repository-pin": { type: "boolean" },
    "github-claim": many,
    "trusted-root": { type: "string" },
    countersigner: many,
    organisation: many,
    "countersigner-log": many,
    threshold: { type: "string" },
    fallback: many,
    "fallback-threshold": { type: "string" },
    kind: many,
    stream: many,
    "policy-version": { type: "string" },
    out: { type: "string" },
    force: { type: "boolean" },
    help: { type: "boolean", short: "h" }
  });
  if (values.help) return console.log(USAGE), 0;
  const fail = (message) => usageError("policy init", message);
  if (positionals.length > 0) return fail(`unexpected argument ${JSON.stringify(positionals[0])}`);
  if (values.identity === void 0 === (values["identity-pattern"] === void 0))
    return fail("give exactly one of --identity or --identity-pattern");
  if (!values["trusted-root"]) return fail("missing --trusted-root FILE");
  if (!values.countersigner?.length) return fail("missing --countersigner NAME=PUBFILE");
  if (!values.stream?.length) return fail("missing --stream S");
  if (!values.out) return fail("missing --out FILE");
  const keyFiles = pairs(values.countersigner, "--countersigner", "NAME=PUBFILE");
  const organisations = new Map(pairs(values.organisation ?? [], "--organisation", "NAME=ORG"));
  const fallbackFiles = pairs(values.fallback ?? [], "--fallback", "NAME=PUBFILE");
  for (const name of organisations.keys()) {
    if (!keyFiles.some(([n]) => n === name) && !fallbackFiles.some(([n]) => n === name))
      return fail(`--organisation ${name}=...: no --countersigner or --fallback named ${name}`);
  }
  for (const [name, organisation] of organisations) {
    const problem = organisationProblem(organisation);
    if (problem !== void 0)
      throw new PolicyError("policy-bad-organisation", `policy init: --organisation ${name}=...: ${problem}`);
  }
  if (values["fallback-threshold"] !== void 0 && fallbackFiles.length === 0)
    return fail("--fallback-threshold without any --fallback NAME=PUBFILE");
  const githubClaims = {};
  for (const [name, value] of pairs(values["github-claim"] ?? [], "--github-claim", "NAME=VALUE")) {
    if (!GITHUB_CLAIM_NAMES.includes(name))
      return fail(
        `--github-claim: unknown claim ${JSON.stringify(name)} (expected one of ${GITHUB_CLAIM_NAMES.join(", ")})`
      );
    githubClaims[name] = value;
  }
  const pinProblem = sourceRepositoryPin(values, githubClaims);
  if (pinProblem !== void 0) return fail(pinProblem);
  const rootPath = values["trusted-root"];
  const trustedRoot = parseStrictJson(await readInputFile(rootPath, "trusted root", MAX_TRUSTED_ROOT_BYTES), rootPath, {
    maxBytes: MAX_TRUSTED_ROOT_BYTES,
    maxDepth: 16
  });
  if (typeof trustedRoot !== "object" || trustedRoot === null || Array.isArray(trustedRoot))
    throw new PolicyError("policy-malformed", `${rootPath}: expected a Sigstore trusted root JSON object`);
  const logs = /* @__PURE__ */ new Map();
  for (const [name, value] of pairs(values["countersigner-log"] ?? [], "--countersigner-log", "NAME=ORIGIN,PUBFILE")) {
    if (!keyFiles.some(([n]) => n === name))
      return fail(`--countersigner-log ${name}=...: no --countersigner named ${name}`);
    const comma = value.lastIndexOf(",");
    if (comma <= 0 || comma === value.length - 1)
      return fail(`--countersigner-log ${name}=${value}: expected NAME=ORIGIN,PUBFILE`);
    const file = value.slice(comma + 1);
    const publicKeyPem = Buffer.from(
      await readInputFile(file, `log public key of ${name}`, MAX_PUBLIC_KEY_BYTES)
    ).toString("latin1");
    logs.set(name, { origin: value.slice(0, comma), publicKeyPem });
  }
  const countersigners = [];
  for (const [name, file] of keyFiles) {
    const pem = Buffer.from(await readInputFile(file, `public key of ${name}`, MAX_PUBLIC_KEY_BYTES)).toString(
      "latin1"
    );
    const log = logs.get(name);
    countersigners.push({
      name,
      organisation: organisations.get(name) ?? name,
      publicKeyPem: pem,
      source: file,
      ...log ? { log } : {}
    });
  }
  const fallbackKeys = [];
  for (const [name, file] of fallbackFiles) {
    const pem = Buffer.from(await readInputFile(file, `public key of ${name}`, MAX_PUBLIC_KEY_BYTES)).toString(
      "latin1"
    );
    fallbackKeys.push({ name, organisation: organisations.get(name) ?? name, publicKeyPem: pem, source: file });
  }
  let document;
  try {
    document = buildPolicy({
      issuer: values.issuer,
      identity: values.identity,
      identityPattern: values["identity-pattern"],
      githubClaims,
      unsafeNoSourceRepositoryPin: values["unsafe-no-source-repository-pin"] === true,
      trustedRoot,
      countersigners,
      threshold: values.threshold === void 0 ? void 0 : integerFlag(values.threshold, "--threshold"),
      kinds: values.kind,
      streams: values.stream,
      version: values["policy-version"] === void 0 ? void 0 : integerFlag(values["policy-version"], "--policy-version"),
      ...fallbackKeys.length > 0 ? {
        fallback: {
          countersigners: fallbackKeys,
          threshold: values["fallback-threshold"] === void 0 ? 1 : integerFlag(values["fallback-threshold"], "--fallback-threshold")
        }
      } : {}
    });
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new PolicyError("policy-bad-key", `policy init: ${err instanceof Error ? err.message : String(err)}`);
  }
  const text = `${JSON.stringify(document, null, 2)}
`;
  parsePolicy(text, values.out);
  try {
    await writeFileAtomic(values.out, text, { exclusive: !values.force });
  } catch (err) {
    if (err.code === "EEXIST")
      throw new InputError("output-exists", `${values.out}: already exists (use --force to replace it)`);
    throw err;
  }
  const policy = await loadPolicyFile(values.out);
  console.error(`wrote ${values.out}

${describePolicy(policy)}`);
  console.log(values.out);
  return 0;
}
function sourceRepositoryPin(values, claims) {
  const given = [
    [
      "repository",
      "--source-repository",
      values["source-repository"] === void 0 ? void 0 : repositoryName(values["source-repository"])
    ],
    ["repositoryId", "--source-repository-id", values["source-repository-id"]],
    ["repositoryOwnerId", "--source-repository-owner-id", values["source-repository-owner-id"]]
  ];
  for (const [claim, flag, value] of given) {
    if (value === void 0) continue;
    if (claims[claim] !== void 0 && claims[claim] !== value)
      return `${flag} ${JSON.stringify(value)} and --github-claim ${claim}=${JSON.stringify(claims[claim])} disagree`;
    claims[claim] = value;
  }
  const unsafe = values["unsafe-no-source-repository-pin"] === true;
  const derived = values.identity === void 0 ? void 0 : /^https:\/\/github\.com\/([^/\s]+\/[^/\s]+)\/\.github\/workflows\//.exec(values.identity)?.[1];
  if (!unsafe && claims.repository === void 0 && derived !== void 0) claims.repository = derived;
  const missing = given.filter(([claim]) => claims[claim] === void 0).map(([, flag]) => flag);
  if (unsafe && missing.length === 0)
    return "--unsafe-no-source-repository-pin with the whole source-repository pin: give one or the other";
  if (unsafe || missing.length === 0) return void 0;
  return `missing ${missing.map((f) => `${f} ${f === "--source-repository" ? "URL" : "N"}`).join(" and ")}: without the source repository pinned, any repository that calls the workflow (on: workflow_call) signs with its identity (ids: gh api repos/OWNER/REPO --jq '.id, .owner.id'; to accept that risk, --unsafe-no-source-repository-pin)`;
}
function repositoryName(value) {
  return /^https:\/\/[^/?#@\s]+\/([^/\s]+\/[^/\s]+?)\/?$/.exec(value)?.[1] ?? value;
}
function pairs(items, flag, form) {
  return items.map((item) => {
    const i = item.indexOf("=");
    if (i <= 0 || i === item.length - 1)
      throw new InputError("usage", `${flag}: expected ${form}, found ${JSON.stringify(item)}`);
    return [item.slice(0, i), item.slice(i + 1)];
  });
}
function integerFlag(value, flag) {
  if (!/^[0-9]{1,15}$/.test(value))
    throw new InputError("usage", `${flag}: expected a positive integer, found ${JSON.stringify(value)}`);
  return Number(value);
}
export {
  USAGE,
  run
};
