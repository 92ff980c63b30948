// A checkout of the action as a user's runner gets it (`uses: OWNER/countersign@v1`): the
// repository's real action.yml files, and dist/ built from the current sources by the
// project's own build (scripts/build.ts buildActions), in a scratch directory. Tests do not
// trust the committed dist/ (CI checks separately that a rebuild does not change it).
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildActions } from '../../../scripts/build.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const ACTION_FILES = [
  'action.yml',
  'build/action.yml',
  'sign/action.yml',
  'countersign/action.yml',
  'verify/action.yml',
];

export interface ActionCheckout {
  dir: string;
  close(): Promise<void>;
}

/** `parent`: where the checkout's scratch directory is made (default the system's temp directory). */
export async function prepareActionCheckout(parent: string = tmpdir()): Promise<ActionCheckout> {
  const dir = await mkdtemp(join(parent, 'countersign-action-'));
  try {
    for (const file of ACTION_FILES) {
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await copyFile(join(REPO_ROOT, file), join(dir, file));
    }
    await buildActions(join(dir, 'dist'), REPO_ROOT);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return { dir, close: () => rm(dir, { recursive: true, force: true }) };
}
