import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  rotationStatementParts
} from "./shared-f7ebb2b6.mjs";
import "./shared-4188714e.mjs";
import "./shared-20c62e75.mjs";
import "./shared-868235cf.mjs";
import "./shared-d54b2595.mjs";
import "./shared-309f26f9.mjs";
import "./shared-98eab3f9.mjs";
import "./shared-98309fbc.mjs";
import {
  policyDocument
} from "./shared-8747b24f.mjs";
import {
  MAX_FLEET_KEYS_BYTES,
  buildStatement,
  fleetKeyStatementParts,
  parseFleetKeys,
  serializeStatement,
  sourceFromGitHubEnv
} from "./shared-b361fd30.mjs";
import "./shared-7eda6b41.mjs";
import "./shared-a274f2b0.mjs";
import {
  reportFatal
} from "./shared-692b722b.mjs";
import {
  writeFileAtomic
} from "./shared-c2330f2a.mjs";
import "./shared-80ab9d1c.mjs";
import "./shared-6bbc863f.mjs";
import {
  readInputFile
} from "./shared-959b9aa3.mjs";
import {
  KINDS
} from "./shared-7a359f32.mjs";
import "./shared-a1ee2870.mjs";
import {
  MAX_POLICY_BYTES
} from "./shared-ef15c4ee.mjs";
import "./shared-d96130d7.mjs";
import {
  sha256Hex
} from "./shared-197306b2.mjs";
import "./shared-ceef7eae.mjs";
import {
  parseVerbArgs
} from "./shared-0776c14a.mjs";
import {
  collectSubjects
} from "./shared-427b1b45.mjs";
import "./shared-1393fa30.mjs";
import "./shared-013b5e69.mjs";
import "./shared-1abd220a.mjs";
import {
  InputError
} from "./shared-92dc4500.mjs";
import "./shared-18cfce56.mjs";

// src/cli/build.ts
import { basename } from "node:path";
import { isatty } from "node:tty";

// src/lib/formats/core/duration.ts
var UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
var DURATION_PATTERN = /^([1-9][0-9]{0,9})([smhdw])$/;
function parseDuration(text, what = "duration") {
  const m = DURATION_PATTERN.exec(text);
  if (!m) {
    throw new InputError(
      "bad-duration",
      `${what}: expected a positive whole number and a unit s, m, h, d or w (e.g. 30d, 12h, 90m, 3600s, 2w), found ${JSON.stringify(text.slice(0, 40))}`
    );
  }
  return Number(m[1]) * UNIT_SECONDS[m[2]];
}

// src/cli/build.ts
var USAGE = `usage: countersign build --kind KIND --stream STREAM --version N --out FILE [options] [PATH...]
       countersign build --kind authority-rotation --policy NEW_POLICY [--current POLICY] --stream STREAM --out FILE

Builds the in-toto statement to be signed and writes its exact bytes to FILE.
Prints the statement digest sha256:<hex> on stdout.

  --kind KIND           binary-digest | config-change (subjects: the files PATH...)
                        fleet-key (subjects: the keys of --keys FILE)
                        authority-rotation (subject: the new policy --policy FILE,
                        carried in the statement; spec/ROTATION.md)
  --stream STREAM       owner/name:channel, e.g. acme/app:stable
  --version N           positive integer, increasing within the stream (for a
                        rotation: the new policy's version, the default)
  --policy FILE         authority-rotation: the new policy document (exact bytes)
  --current FILE        authority-rotation: the current policy, to check now that the
                        new one is its next version (every verifier checks it anyway)
  --expires-in DUR      validity, e.g. 30d, 12h, 2w (default 30d, at most 366d)
  --base DIR            subject names are relative to DIR (default: current directory)
  --keys FILE           fleet-key list (JSON, see spec/FORMAT.md)
  --out FILE            where to write the statement
  -h, --help            this help

In scripts, give the options first and '--' before globbed PATHs (--out s.json -- dist/*):
after '--' a file named --help or --policy=x is a file.`;
var PROGRESS_AFTER_MS = 2e3;
var processIo = {
  stdout: (line) => process.stdout.write(`${line}
`),
  stderr: (line) => process.stderr.write(`${line}
`),
  env: process.env,
  now: () => /* @__PURE__ */ new Date(),
  stderrIsTTY: isatty(2)
};
async function run(argv, io = processIo) {
  try {
    return await build(argv, io);
  } catch (err) {
    if (err instanceof InputError) {
      io.stderr(`countersign: ${err.message}`);
      return 2;
    }
    return reportFatal(err);
  }
}
async function build(argv, io) {
  const { values, positionals } = parseArguments(argv);
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const kind = requireOption(values.kind, "--kind");
  if (!KINDS.includes(kind)) {
    throw new InputError("usage", `--kind: expected one of ${KINDS.join(", ")}, found ${JSON.stringify(kind)}`);
  }
  if (kind !== "authority-rotation" && (values.policy !== void 0 || values.current !== void 0)) {
    throw new InputError("usage", `--policy and --current apply only to --kind authority-rotation, not ${kind}`);
  }
  const stream = requireOption(values.stream, "--stream");
  const rotation = kind === "authority-rotation" ? await rotationParts(values, positionals) : void 0;
  const version = rotation ? rotationVersion(values.version, rotation.version) : parseVersion(requireOption(values.version, "--version"));
  const out = requireOption(values.out, "--out");
  const expiresIn = parseDuration(values["expires-in"] ?? "30d", "--expires-in");
  let subjects;
  let data = {};
  if (rotation) {
    subjects = rotation.subjects;
    data = rotation.data;
  } else if (kind === "fleet-key") {
    const keysFile = requireOption(values.keys, "--keys");
    if (positionals.length > 0)
      throw new InputError(
        "usage",
        `--kind fleet-key takes its subjects from --keys, found extra arguments: ${positionals.join(" ")}`
      );
    if (values.base !== void 0) throw new InputError("usage", "--base does not apply to --kind fleet-key");
    const parts = fleetKeyStatementParts(
      parseFleetKeys(await readInputFile(keysFile, "fleet keys", MAX_FLEET_KEYS_BYTES), keysFile)
    );
    subjects = parts.subjects;
    data = parts.data;
  } else {
    if (values.keys !== void 0)
      throw new InputError("usage", `--keys applies only to --kind fleet-key, not ${kind}`);
    if (positionals.length === 0)
      throw new InputError(
        "usage",
        `--kind ${kind}: expected at least one file or directory to build the statement over`
      );
    const started = Date.now();
    subjects = await collectSubjects(positionals, {
      ...values.base !== void 0 ? { base: values.base } : {},
      onProgress: (done, total, name) => {
        if (io.stderrIsTTY && Date.now() - started > PROGRESS_AFTER_MS) io.stderr(`hashing ${done}/${total} ${name}`);
      }
    });
  }
  const statement = buildStatement({
    kind,
    stream,
    version,
    issuedAt: io.now(),
    expiresIn,
    subjects,
    source: sourceFromGitHubEnv(io.env),
    data
  });
  const bytes = serializeStatement(statement);
  const digest = sha256Hex(bytes);
  await writeFileAtomic(out, bytes).catch((err) => {
    const e = err;
    throw new InputError("output-unwritable", `${out}: cannot write the statement: ${e.code ?? e.message}`);
  });
  const n = subjects.length;
  io.stderr(
    `countersign build: ${kind} ${stream} version ${version}, ${n} subject${n === 1 ? "" : "s"}, statement sha256:${digest}, written to ${out}`
  );
  io.stdout(`sha256:${digest}`);
  return 0;
}
function parseArguments(argv) {
  return parseVerbArgs("build", argv, {
    kind: { type: "string" },
    stream: { type: "string" },
    version: { type: "string" },
    "expires-in": { type: "string" },
    base: { type: "string" },
    keys: { type: "string" },
    policy: { type: "string" },
    current: { type: "string" },
    out: { type: "string" },
    help: { type: "boolean", short: "h" }
  });
}
async function rotationParts(values, positionals) {
  const file = requireOption(values.policy, "--policy");
  if (positionals.length > 0 || values.keys !== void 0 || values.base !== void 0) {
    throw new InputError(
      "usage",
      "--kind authority-rotation takes its one subject from --policy: no PATH, --keys or --base"
    );
  }
  const current = values.current === void 0 ? void 0 : policyDocument(await readInputFile(values.current, "current policy", MAX_POLICY_BYTES), values.current);
  return rotationStatementParts(await readInputFile(file, "policy", MAX_POLICY_BYTES), basename(file), file, current);
}
function rotationVersion(given, policyVersion) {
  if (given === void 0) return policyVersion;
  const version = parseVersion(given);
  if (version !== policyVersion)
    throw new InputError(
      "bad-version",
      `--version: a rotation's version is its new policy's version (${policyVersion}), found ${version}`
    );
  return version;
}
function requireOption(value, name) {
  if (value === void 0 || value === "")
    throw new InputError("usage", `build: ${name} is required; see 'countersign build --help'`);
  return value;
}
function parseVersion(text) {
  const n = Number(text);
  if (!/^[1-9][0-9]*$/.test(text) || !Number.isSafeInteger(n)) {
    throw new InputError(
      "bad-version",
      `--version: expected a positive whole number up to 2^53-1, found ${JSON.stringify(text.slice(0, 40))}`
    );
  }
  return n;
}
export {
  USAGE,
  run
};
