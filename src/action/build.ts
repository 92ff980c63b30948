// The build step: inputs -> the in-toto statement (the library's buildStatement over
// collectSubjects or parseFleetKeys), written to a file for the sign step. Every attempt of one
// workflow run builds the same bytes from the same files (docs/action.md "Re-runs"): the time
// is the run's (run-time.ts) and the source names the run, not the attempt.
import * as core from '@actions/core';
import { readCappedFile } from './files.ts';
import { join } from 'node:path';
import { parseDuration } from '../lib/formats/core/duration.ts';
import { MAX_FLEET_KEYS_BYTES, fleetKeyStatementParts, parseFleetKeys } from '../lib/formats/statement/fleet-keys.ts';
import { buildStatement, serializeStatement } from '../lib/formats/statement/statement.ts';
import { runSourceFromGitHubEnv } from '../lib/formats/statement/reproducible.ts';
import type { Subject } from '../lib/formats/core/types.ts';
import { sha256Hex } from '../lib/basics/crypto/sha256.ts';
import { collectSubjects } from '../lib/formats/subjects/index.ts';
import { InputError } from '../lib/basics/errors/errors.ts';
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import { lineInput, optionalInput, positiveIntegerInput, requiredInput } from './inputs.ts';
import { inWorkspace, scratchDir, workspace } from './paths.ts';
import { expandSubjectPaths } from './subject-globs.ts';
import { statementTime } from './run-time.ts';

const BUILD_KINDS = ['binary-digest', 'config-change', 'fleet-key'] as const;

export interface BuildInputs {
  kind: (typeof BUILD_KINDS)[number];
  subjectPaths: string[];
  fleetKeys: string | undefined;
  stream: string;
  version: number;
  expiresInSeconds: number;
  /** Where to write the statement; undefined: a scratch directory under RUNNER_TEMP. */
  statementPath: string | undefined;
  /** For the workflow run's creation time (the statement's time). */
  githubToken: string;
}

export function readBuildInputs(): BuildInputs {
  const kind = requiredInput('kind');
  if (kind === 'authority-rotation')
    throw new InputError(
      'input-invalid',
      'input kind: authority-rotation statements are built by the rotation workflow (docs/action.md), not by this step',
    );
  if (!(BUILD_KINDS as readonly string[]).includes(kind)) {
    throw new InputError(
      'input-invalid',
      `input kind: expected one of ${BUILD_KINDS.join(', ')}, found ${JSON.stringify(kind.slice(0, 60))}`,
    );
  }
  const subjectPaths = lineInput('subject-path');
  const fleetKeys = optionalInput('fleet-keys') || undefined;
  if (kind === 'fleet-key' && !fleetKeys)
    throw new InputError(
      'input-missing',
      'input fleet-keys: required with kind fleet-key (a JSON list of public keys, spec/FORMAT.md), found nothing',
    );
  if (kind === 'fleet-key' && subjectPaths.length > 0)
    throw new InputError(
      'input-invalid',
      'input subject-path: kind fleet-key takes its subjects from fleet-keys; leave subject-path empty',
    );
  if (kind !== 'fleet-key' && fleetKeys)
    throw new InputError('input-invalid', `input fleet-keys: applies only to kind fleet-key, not ${kind}`);
  if (kind !== 'fleet-key' && subjectPaths.length === 0)
    throw new InputError(
      'input-missing',
      `input subject-path: required with kind ${kind} (files or glob patterns, one per line), found nothing`,
    );
  return {
    kind: kind as BuildInputs['kind'],
    subjectPaths,
    fleetKeys,
    stream: requiredInput('stream'),
    version: positiveIntegerInput('version'),
    expiresInSeconds: parseDuration(optionalInput('expires-in') || '30d', 'input expires-in'),
    statementPath: optionalInput('statement-path') || undefined,
    githubToken: optionalInput('github-token'),
  };
}

export interface BuildResult {
  statementPath: string;
  statementDigest: string;
  subjects: Subject[];
  /** The statement's issuedAt and where it came from. */
  issuedAt: string;
  timeFrom: string;
}

export async function runBuild(inputs: BuildInputs): Promise<BuildResult> {
  let subjects: Subject[];
  let data: Record<string, unknown> = {};
  if (inputs.kind === 'fleet-key') {
    const keysFile = inputs.fleetKeys;
    if (!keysFile)
      throw new InputError('input-missing', 'input fleet-keys: required with kind fleet-key, found nothing');
    const path = inWorkspace(keysFile);
    const parts = fleetKeyStatementParts(
      parseFleetKeys(await readCappedFile(path, 'input fleet-keys', MAX_FLEET_KEYS_BYTES), keysFile),
    );
    subjects = parts.subjects;
    data = parts.data;
  } else {
    const base = workspace();
    const paths = await expandSubjectPaths(inputs.subjectPaths, base);
    subjects = await collectSubjects(paths, { base });
  }
  const time = await statementTime(process.env, inputs.githubToken);
  const statement = buildStatement({
    kind: inputs.kind,
    stream: inputs.stream,
    version: inputs.version,
    issuedAt: time.time,
    expiresIn: inputs.expiresInSeconds,
    subjects,
    source: runSourceFromGitHubEnv(process.env),
    data,
  });
  const bytes = serializeStatement(statement);
  const statementPath = inputs.statementPath
    ? inWorkspace(inputs.statementPath)
    : join(await scratchDir('build'), 'statement.json');
  await writeFileAtomic(statementPath, bytes);
  return {
    statementPath,
    statementDigest: `sha256:${sha256Hex(bytes)}`,
    subjects: statement.subject,
    issuedAt: statement.predicate.issuedAt,
    timeFrom: time.from,
  };
}

export async function buildStep(): Promise<void> {
  const inputs = readBuildInputs();
  const result = await runBuild(inputs);
  core.info(
    `statement: ${inputs.kind} ${inputs.stream} v${inputs.version}, ${result.subjects.length} subject(s), ${result.statementDigest}`,
  );
  core.info(`issued at ${result.issuedAt} (${result.timeFrom})`);
  for (const s of result.subjects) core.info(`  ${s.digest.sha256}  ${s.name}`);
  core.setOutput('statement-path', result.statementPath);
  core.setOutput('statement-digest', result.statementDigest);
  core.setOutput('subject-count', String(result.subjects.length));
}
