// `countersign build`: makes the statement organisation A will sign (docs/design.md §3), from files
// (binary-digest, config-change) or a fleet-key list, and writes its exact bytes to --out.
// stdout gets only the statement digest `sha256:<hex>`, so that scripts can capture it.
import { basename } from 'node:path';
import { isatty } from 'node:tty';
import { InputError } from '../lib/basics/errors/errors.ts';
import { collectSubjects } from '../lib/formats/subjects/index.ts';
import { parseDuration } from '../lib/formats/core/duration.ts';
import { MAX_FLEET_KEYS_BYTES, fleetKeyStatementParts, parseFleetKeys } from '../lib/formats/statement/fleet-keys.ts';
import { buildStatement, serializeStatement } from '../lib/formats/statement/statement.ts';
import { runSourceFromGitHubEnv, sourceDateEpoch } from '../lib/formats/statement/reproducible.ts';
import { KINDS, type Kind, type Subject } from '../lib/formats/core/types.ts';
import { sha256Hex } from '../lib/basics/crypto/sha256.ts';
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import { MAX_POLICY_BYTES } from '../lib/formats/policy/types.ts';
import { policyDocument, rotationStatementParts } from '../lib/flows/rotation/index.ts';
import { reportFatal } from './errors.ts';
import { readInputFile } from './io.ts';
import { parseVerbArgs } from './args.ts';

export const USAGE = `usage: countersign build --kind KIND --stream STREAM --version N --out FILE [options] [PATH...]
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

/** Progress lines start only when hashing takes longer than this (and stderr is a terminal). */
const PROGRESS_AFTER_MS = 2000;

/** The verb's I/O, swappable in tests. */
export interface BuildIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  env: Record<string, string | undefined>;
  now: () => Date;
  stderrIsTTY: boolean;
}

const processIo: BuildIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  now: () => new Date(),
  stderrIsTTY: isatty(2),
};

export async function run(argv: string[], io: BuildIo = processIo): Promise<number> {
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

async function build(argv: string[], io: BuildIo): Promise<number> {
  const { values, positionals } = parseArguments(argv);
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const kind = requireOption(values.kind, '--kind');
  if (!(KINDS as readonly string[]).includes(kind)) {
    throw new InputError('usage', `--kind: expected one of ${KINDS.join(', ')}, found ${JSON.stringify(kind)}`);
  }
  if (kind !== 'authority-rotation' && (values.policy !== undefined || values.current !== undefined)) {
    throw new InputError('usage', `--policy and --current apply only to --kind authority-rotation, not ${kind}`);
  }
  const stream = requireOption(values.stream, '--stream');
  const rotation = kind === 'authority-rotation' ? await rotationParts(values, positionals) : undefined;
  const version = rotation
    ? rotationVersion(values.version, rotation.version)
    : parseVersion(requireOption(values.version, '--version'));
  const out = requireOption(values.out, '--out');
  const expiresIn = parseDuration(values['expires-in'] ?? '30d', '--expires-in');

  let subjects: Subject[];
  let data: Record<string, unknown> = {};
  if (rotation) {
    subjects = rotation.subjects;
    data = rotation.data;
  } else if (kind === 'fleet-key') {
    const keysFile = requireOption(values.keys, '--keys');
    if (positionals.length > 0)
      throw new InputError(
        'usage',
        `--kind fleet-key takes its subjects from --keys, found extra arguments: ${positionals.join(' ')}`,
      );
    if (values.base !== undefined) throw new InputError('usage', '--base does not apply to --kind fleet-key');
    const parts = fleetKeyStatementParts(
      parseFleetKeys(await readInputFile(keysFile, 'fleet keys', MAX_FLEET_KEYS_BYTES), keysFile),
    );
    subjects = parts.subjects;
    data = parts.data;
  } else {
    if (values.keys !== undefined)
      throw new InputError('usage', `--keys applies only to --kind fleet-key, not ${kind}`);
    if (positionals.length === 0)
      throw new InputError(
        'usage',
        `--kind ${kind}: expected at least one file or directory to build the statement over`,
      );
    const started = Date.now();
    subjects = await collectSubjects(positionals, {
      ...(values.base !== undefined ? { base: values.base } : {}),
      baseLabel: '--base',
      onProgress: (done, total, name) => {
        if (io.stderrIsTTY && Date.now() - started > PROGRESS_AFTER_MS) io.stderr(`hashing ${done}/${total} ${name}`);
      },
    });
  }

  const statement = buildStatement({
    kind: kind as Kind,
    stream,
    version,
    // SOURCE_DATE_EPOCH when set: a re-run of a release job builds the same bytes (docs/action.md "Re-runs").
    issuedAt: sourceDateEpoch(io.env) ?? io.now(),
    expiresIn,
    subjects,
    source: runSourceFromGitHubEnv(io.env),
    data,
  });
  const bytes = serializeStatement(statement);
  const digest = sha256Hex(bytes);
  await writeFileAtomic(out, bytes).catch((err: unknown) => {
    const e = err as NodeJS.ErrnoException;
    throw new InputError('output-unwritable', `${out}: cannot write the statement: ${e.code ?? e.message}`);
  });
  const n = subjects.length;
  io.stderr(
    `countersign build: ${kind} ${stream} version ${version}, ${n} subject${n === 1 ? '' : 's'}, statement sha256:${digest}, written to ${out}`,
  );
  io.stdout(`sha256:${digest}`);
  return 0;
}

function parseArguments(argv: string[]) {
  // Problems are InputErrors already, one line ("build: Unknown option '--x' (see ...)").
  return parseVerbArgs('build', argv, {
    kind: { type: 'string' },
    stream: { type: 'string' },
    version: { type: 'string' },
    'expires-in': { type: 'string' },
    base: { type: 'string' },
    keys: { type: 'string' },
    policy: { type: 'string' },
    current: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
}

/** The rotation's subject and data from --policy (and the version rule against --current). */
async function rotationParts(
  values: { policy?: string; current?: string; keys?: string; base?: string },
  positionals: string[],
) {
  const file = requireOption(values.policy, '--policy');
  if (positionals.length > 0 || values.keys !== undefined || values.base !== undefined) {
    throw new InputError(
      'usage',
      '--kind authority-rotation takes its one subject from --policy: no PATH, --keys or --base',
    );
  }
  const current =
    values.current === undefined
      ? undefined
      : policyDocument(await readInputFile(values.current, 'current policy', MAX_POLICY_BYTES), values.current);
  return rotationStatementParts(await readInputFile(file, 'policy', MAX_POLICY_BYTES), basename(file), file, current);
}

function rotationVersion(given: string | undefined, policyVersion: number): number {
  if (given === undefined) return policyVersion;
  const version = parseVersion(given);
  if (version !== policyVersion)
    throw new InputError(
      'bad-version',
      `--version: a rotation's version is its new policy's version (${policyVersion}), found ${version}`,
    );
  return version;
}

function requireOption(value: string | undefined, name: string): string {
  if (value === undefined || value === '')
    throw new InputError('usage', `build: ${name} is required; see 'countersign build --help'`);
  return value;
}

function parseVersion(text: string): number {
  const n = Number(text);
  if (!/^[1-9][0-9]*$/.test(text) || !Number.isSafeInteger(n)) {
    throw new InputError(
      'bad-version',
      `--version: expected a positive whole number up to 2^53-1, found ${JSON.stringify(text.slice(0, 40))}`,
    );
  }
  return n;
}
