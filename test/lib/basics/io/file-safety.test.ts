// Where the service's policy may live (src/lib/basics/io/file-safety.ts, issue 15 F8): a
// symbolic link to a safe file, placed in a directory others can write, is as replaceable as a
// file placed there: whoever writes that directory points the link at a policy of their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPolicyFilePlace } from '../../../../src/lib/basics/io/file-safety.ts';

test(
  'a policy reached through a link in a directory others can write is refused; the file itself passes',
  {
    skip: process.platform === 'win32' ? 'no owners or mode bits' : false,
  },
  async () => {
    const root = await mkdtemp(join(tmpdir(), 'file-safety-'));
    try {
      const safe = join(root, 'safe');
      const shared = join(root, 'shared');
      await mkdir(safe, { mode: 0o700 });
      await mkdir(shared);
      await chmod(shared, 0o777); // not sticky: anyone may replace the link
      const policy = join(safe, 'policy.json');
      await writeFile(policy, '{}\n', { mode: 0o644 });
      await checkPolicyFilePlace(policy); // the file in its private directory: accepted
      const link = join(shared, 'policy.json');
      await symlink(policy, link);
      await assert.rejects(checkPolicyFilePlace(link), (err: Error & { code?: string }) => {
        assert.equal(err.code, 'policy-file-unsafe');
        assert.match(err.message, /shared/);
        return true;
      });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  },
);
