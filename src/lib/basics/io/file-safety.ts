// Where secrets and the policy may live (issue 15 F8, docs/keys.md): a file that decides what
// B signs, or with which key, must be one that nobody but its owner can replace or change.
// - A secret (a private key file, a PIN file): not a symbolic link, owned by the user running
//   this process, not accessible to group or others (that mode check is in read-capped.ts),
//   in a directory owned by this user or root that group and others cannot write (so the file
//   cannot be swapped between these checks and the read).
// - The service's policy: owned by this user or root, neither it nor its directory writable
//   by group or others.
// Not checked on Windows, which has no such owners and mode bits.
import { lstat, realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Stats } from 'node:fs';
import type { InputCode } from '../errors/codes.ts';
import { InputError } from '../errors/errors.ts';

const checked = process.platform !== 'win32';

/** Refuses a secret file that is a symlink, owned by someone else, or in a directory others can write. */
export async function checkSecretFilePlace(
  path: string,
  what: string,
  code: InputCode = 'key-permissions',
): Promise<void> {
  if (!checked) return;
  const st = await statOrUndefined(() => lstat(path));
  // Missing, or not a file (a directory, a device): the read says so, with its own code.
  if (st === undefined || (!st.isFile() && !st.isSymbolicLink())) return;
  const fail = (problem: string, fix: string): never => {
    throw new InputError(code, `${path}: expected ${what} ${problem}; ${fix}`);
  };
  if (st.isSymbolicLink())
    fail(
      'that is not a symbolic link, found one',
      'give the path of the file itself (a link can be pointed elsewhere)',
    );
  const uid = process.geteuid?.();
  if (uid !== undefined && st.uid !== uid)
    fail(`owned by the user running countersign (uid ${uid}), found uid ${st.uid}`, `run 'chown ${uid} ${path}'`);
  await checkDirectory(dirname(resolve(path)), path, what, code);
}

/** Refuses the service's policy file when group or others may write it or its directory. */
export async function checkPolicyFilePlace(path: string): Promise<void> {
  if (!checked) return;
  const st = await statOrUndefined(() => stat(path));
  if (st === undefined || !st.isFile()) return; // the policy reader reports it
  const uid = process.geteuid?.();
  const fail = (problem: string): never => {
    throw new InputError(
      'policy-file-unsafe',
      `${path}: expected a policy file only its owner can change (it decides what B countersigns), ${problem}`,
    );
  };
  if (uid !== undefined && st.uid !== uid && st.uid !== 0)
    fail(`found one owned by uid ${st.uid} (neither this user, uid ${uid}, nor root)`);
  if ((st.mode & 0o022) !== 0)
    fail(`found mode 0${(st.mode & 0o777).toString(8)}, writable by ${whoWrites(st.mode)}; run 'chmod go-w ${path}'`);
  const real = await realpath(path);
  await checkDirectory(dirname(real), path, 'a policy file', 'policy-file-unsafe');
  // Given as a link: whoever may write the link's own directory may point it at another policy.
  const given = dirname(resolve(path));
  if (given !== dirname(real))
    await checkDirectory(given, path, 'a policy file (or a link to one)', 'policy-file-unsafe');
}

async function checkDirectory(dir: string, path: string, what: string, code: InputCode): Promise<void> {
  const st = await statOrUndefined(() => stat(dir));
  if (st === undefined) return;
  const uid = process.geteuid?.();
  if (uid !== undefined && st.uid !== uid && st.uid !== 0)
    throw new InputError(
      code,
      `${path}: expected ${what} in a directory owned by this user (uid ${uid}) or root, found ${dir} owned by uid ${st.uid}, who can replace the file`,
    );
  if ((st.mode & 0o022) !== 0)
    throw new InputError(
      code,
      `${path}: expected ${what} in a directory only its owner can write, found ${dir} with mode 0${(st.mode & 0o7777).toString(8)}, writable by ${whoWrites(st.mode)}, who can replace the file; move it to a private directory`,
    );
}

function whoWrites(mode: number): string {
  return (mode & 0o020) !== 0 && (mode & 0o002) !== 0 ? 'group and others' : (mode & 0o020) !== 0 ? 'group' : 'others';
}

async function statOrUndefined(get: () => Promise<Stats>): Promise<Stats | undefined> {
  try {
    return await get();
  } catch {
    return undefined;
  }
}
