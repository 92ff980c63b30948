// Reading a policy file (src/lib/formats/policy/load.ts): each way a read fails has the code
// policy-unreadable (or policy-too-large) and a message naming the file and what it is. Real
// files: a directory, a missing file, a block device (neither a file nor a stream), a Linux
// /proc file (fstat says 0 bytes, then it has more: the read proves the file "grew") and an
// oversized file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, lstatSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PolicyError } from '../../../../src/lib/basics/errors/errors.ts';
import { loadPolicyFile } from '../../../../src/lib/formats/policy/load.ts';
import { MAX_POLICY_BYTES } from '../../../../src/lib/formats/policy/types.ts';

const POLICY_FILE = fileURLToPath(new URL('../../../../spec/vectors/happy-path/policy.json', import.meta.url));

async function refused(path: string, code: string, message: string): Promise<void> {
  await assert.rejects(loadPolicyFile(path), (err: unknown) => {
    assert.ok(err instanceof PolicyError, String(err));
    assert.equal(err.code, code);
    assert.equal(err.message, message);
    return true;
  });
}

/** A block device this process may open, if any (they are neither regular files nor streams). */
function openableBlockDevice(): string | undefined {
  let names: string[];
  try {
    names = readdirSync('/dev');
  } catch {
    return undefined;
  }
  for (const name of names) {
    const path = join('/dev', name);
    try {
      if (!lstatSync(path).isBlockDevice()) continue;
      closeSync(openSync(path, 'r'));
      return path;
    } catch {
      // not openable by this user: try the next one
    }
  }
  return undefined;
}

test('a policy file is read and parsed', async () => {
  const policy = await loadPolicyFile(POLICY_FILE);
  assert.equal(policy.version, 1);
});

test('a directory or a missing file is refused as unreadable, saying which', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'policy-load-'));
  try {
    await refused(dir, 'policy-unreadable', `${dir}: cannot read the policy: a directory, not a file`);
    const missing = join(dir, 'missing.json');
    await refused(missing, 'policy-unreadable', `${missing}: cannot read the policy: no such file`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a policy over the size limit is refused as policy-too-large', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'policy-load-'));
  try {
    const big = join(dir, 'big.json');
    writeFileSync(big, ' '.repeat(MAX_POLICY_BYTES + 1));
    await refused(big, 'policy-too-large', `${big}: over the limit of ${MAX_POLICY_BYTES} bytes`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const device = process.platform === 'linux' ? openableBlockDevice() : undefined;
test(
  'a block device (neither a regular file nor a stream) is refused as not a regular file',
  { skip: device === undefined && 'no block device this user may open' },
  async () => {
    assert.ok(device !== undefined);
    await refused(device, 'policy-unreadable', `${device}: cannot read the policy: not a regular file`);
  },
);

test(
  'a file with more bytes than fstat said (a /proc file) is refused as unreadable: it grew while being read',
  { skip: process.platform !== 'linux' && 'Linux /proc only' },
  async () => {
    await refused('/proc/self/status', 'policy-unreadable', '/proc/self/status: the file grew while being read');
  },
);
