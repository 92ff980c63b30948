// The sign step: the statement -> organisation A's keyless Sigstore signature (the library's
// resolveInstance, checkOutputWritable, resolveIdentityToken and signStatement, in the order
// the CLI's `sign --sigstore X --trusted-root ROOT --out FILE` calls them). The instance, its
// trusted root and the bundle path are all checked before any request: a Rekor entry is
// permanent and public, so a bad input must fail before the token endpoint or Fulcio is asked.
// The OIDC token is a bearer credential: it is masked the moment it exists, before any line
// could carry it.
import * as core from '@actions/core';
import { join } from 'node:path';
import { parseStatement } from '../lib/formats/statement/statement.ts';
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import { resolveInstance } from '../lib/flows/sign/instances.ts';
import { resolveIdentityToken } from '../lib/flows/sign/oidc-token.ts';
import { checkOutputWritable } from '../lib/flows/sign/output.ts';
import { signStatement } from '../lib/flows/sign/sign.ts';
import { readCappedFile } from './files.ts';
import { optionalInput, requiredInput } from './inputs.ts';
import { inWorkspace, scratchDir } from './paths.ts';
import { maskSecret } from './secrets.ts';

const MAX_STATEMENT_BYTES = 64 * 1024 * 1024;

export interface SignInputs {
  statement: string;
  /** public-good, github, a signing config file (with trustedRoot) or a stack description file. */
  sigstore: string;
  /** The instance's trusted root: required with a signing config, a self-check beside public-good or github. */
  trustedRoot: string | undefined;
  /** Where to write the Sigstore bundle; undefined: a scratch directory under RUNNER_TEMP. */
  bundlePath: string | undefined;
}

export function readSignInputs(): SignInputs {
  return {
    statement: requiredInput('statement'),
    sigstore: optionalInput('sigstore') || 'public-good',
    trustedRoot: optionalInput('trusted-root') || undefined,
    bundlePath: optionalInput('bundle-path') || undefined,
  };
}

export async function runSign(inputs: SignInputs): Promise<{ bundlePath: string; summary: string }> {
  const bytes = await readCappedFile(inWorkspace(inputs.statement), 'input statement', MAX_STATEMENT_BYTES);
  const statement = parseStatement(bytes, `input statement ${inputs.statement}`);
  const sigstore =
    inputs.sigstore === 'public-good' || inputs.sigstore === 'github' ? inputs.sigstore : inWorkspace(inputs.sigstore);
  const instance = await resolveInstance(sigstore, {
    trustedRoot: inputs.trustedRoot === undefined ? undefined : inWorkspace(inputs.trustedRoot),
  });
  const bundlePath = inputs.bundlePath
    ? inWorkspace(inputs.bundlePath)
    : join(await scratchDir('sign'), 'primary.sigstore.json');
  await checkOutputWritable(bundlePath, 'input bundle-path');
  // In Actions the token comes from ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN; without
  // `permissions: id-token: write` the library's error says so.
  const identityToken = await resolveIdentityToken({});
  maskSecret(identityToken);
  const bundle = await signStatement(bytes, { instance, identityToken });
  await writeFileAtomic(bundlePath, JSON.stringify(bundle, null, 2) + '\n');
  const p = statement.predicate;
  return {
    bundlePath,
    summary: `signed ${p.kind} ${p.stream} v${p.version} (${statement.subject.length} subject(s)) with Sigstore (${instance.name})`,
  };
}

export async function signStep(): Promise<void> {
  const result = await runSign(readSignInputs());
  core.info(`${result.summary}; wrote ${result.bundlePath}`);
  core.setOutput('bundle-path', result.bundlePath);
}
