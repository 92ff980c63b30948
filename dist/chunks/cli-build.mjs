import { createRequire as __countersignCreateRequire } from 'node:module'; const require = __countersignCreateRequire(import.meta.url);
import {
  collectSubjects
} from "./shared-427b1b45.mjs";
import "./shared-1393fa30.mjs";
import {
  rotationStatementParts
} from "./shared-f7ebb2b6.mjs";
import "./shared-4188714e.mjs";
import "./shared-309f26f9.mjs";
import "./shared-20c62e75.mjs";
import "./shared-98eab3f9.mjs";
import "./shared-c9b31025.mjs";
import "./shared-c6dbb844.mjs";
import "./shared-d54b2595.mjs";
import {
  reportFatal
} from "./shared-42d5d1df.mjs";
import {
  policyDocument
} from "./shared-4746e858.mjs";
import "./shared-5bacc2e4.mjs";
import {
  MAX_FLEET_KEYS_BYTES,
  buildStatement,
  fleetKeyStatementParts,
  parseFleetKeys,
  serializeStatement,
  sourceFromGitHubEnv
} from "./shared-e181c389.mjs";
import "./shared-39a15262.mjs";
import "./shared-f06d4d30.mjs";
import "./shared-8e434138.mjs";
import {
  writeFileAtomic
} from "./shared-2abda158.mjs";
import "./shared-96f97add.mjs";
import "./shared-4bd08542.mjs";
import {
  KINDS
} from "./shared-d5665511.mjs";
import {
  readInputFile
} from "./shared-434ebaa6.mjs";
import "./shared-2f63fab4.mjs";
import {
  MAX_POLICY_BYTES
} from "./shared-31413875.mjs";
import "./shared-a58ce1e9.mjs";
import {
  parseVerbArgs
} from "./shared-25dfcc74.mjs";
import "./shared-e09a80f9.mjs";
import "./shared-5310986a.mjs";
import "./shared-2b0dfa9f.mjs";
import {
  sha256Hex
} from "./shared-f3698323.mjs";
import "./shared-84c2b3d1.mjs";
import {
  InputError
} from "./shared-c0077619.mjs";
import "./shared-2bfe6f66.mjs";

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

// src/lib/formats/statement/reproducible.ts
var EPOCH_SECONDS = /^[0-9]{1,12}$/;
function sourceDateEpoch(env) {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === void 0 || value === "") return void 0;
  if (!EPOCH_SECONDS.test(value))
    throw new InputError(
      "bad-time",
      `SOURCE_DATE_EPOCH: expected whole seconds since 1970-01-01T00:00:00Z (as date +%s prints), found ${JSON.stringify(value.slice(0, 40))}`
    );
  return new Date(Number(value) * 1e3);
}
function runSourceFromGitHubEnv(env) {
  const { workflowRun: _perAttempt, ...source } = sourceFromGitHubEnv(env);
  const { GITHUB_REPOSITORY: repo, GITHUB_SERVER_URL: server, GITHUB_RUN_ID: runId } = env;
  return server && repo && runId ? { ...source, workflowRun: `${server}/${repo}/actions/runs/${runId}` } : source;
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
  --base DIR            subject names are relative to DIR (default: current directory);
                        a PATH may be relative to DIR or absolute inside it
  --keys FILE           fleet-key list (JSON, see spec/FORMAT.md)
  --out FILE            where to write the statement
  -h, --help            this help

In scripts, give the options first and '--' before globbed PATHs (--out s.json -- dist/*):
after '--' a file named --help or --policy=x is a file.

The statement is issued now, or at SOURCE_DATE_EPOCH (seconds since 1970) when it is set:
a re-run of a release job then builds the same bytes (docs/action.md, "Re-runs").`;
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
      baseLabel: "--base",
      onProgress: (done, total, name) => {
        if (io.stderrIsTTY && Date.now() - started > PROGRESS_AFTER_MS) io.stderr(`hashing ${done}/${total} ${name}`);
      }
    });
  }
  const statement = buildStatement({
    kind,
    stream,
    version,
    // SOURCE_DATE_EPOCH when set: a re-run of a release job builds the same bytes (docs/action.md "Re-runs").
    issuedAt: sourceDateEpoch(io.env) ?? io.now(),
    expiresIn,
    subjects,
    source: runSourceFromGitHubEnv(io.env),
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
