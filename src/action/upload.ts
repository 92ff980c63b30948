// The composite's last step (upload-to-release: true): attach the verified, countersigned
// bundle to the GitHub release of the tag being built. It runs only after verify passed
// (a failed step stops the composite), so an unverified bundle is never published.
import * as core from '@actions/core';
import { basename } from 'node:path';
import { readCappedFile } from './files.ts';
import { MAX_BUNDLE_BYTES } from './countersign.ts';
import { optionalInput, requiredInput } from './inputs.ts';
import { inWorkspace } from './paths.ts';
import { tagOfRun, uploadReleaseAsset } from './release.ts';
import { InputError } from '../lib/basics/errors/errors.ts';
import { escapeHtml } from './summary.ts';

export async function uploadStep(): Promise<void> {
  const bundle = requiredInput('bundle');
  const token = optionalInput('github-token');
  const repository = process.env.GITHUB_REPOSITORY;
  if (!repository)
    throw new InputError(
      'input-missing',
      'upload-to-release: GITHUB_REPOSITORY is not set (not running in GitHub Actions?)',
    );
  const tag = tagOfRun();
  const bytes = await readCappedFile(inWorkspace(bundle), 'input bundle', MAX_BUNDLE_BYTES);
  const name = basename(bundle);
  const { url, replaced } = await uploadReleaseAsset(repository, tag, name, bytes, token);
  if (replaced)
    core.warning(
      `upload-to-release: replaced the asset ${name} of release ${tag} (an earlier attempt of this job had uploaded one)`,
    );
  core.info(`attached ${name} to release ${tag}: ${url}`);
  core.setOutput('release-asset-url', url);
  await core.summary
    .addRaw(`<p>📦 Attached <code>${escapeHtml(name)}</code> to release <code>${escapeHtml(tag)}</code>.</p>\n`)
    .write();
}
