// `sign --out FILE` is checked before anything leaves the machine (issue 14 #9): a Rekor entry
// is permanent and public, so a typo in the output directory must fail before Fulcio, Rekor,
// the TSA or the token endpoint is asked anything. The check creates (and removes) a file
// beside FILE, as the atomic write will: the directory exists, is a directory, and is
// writable by this process; FILE itself, when it exists, is not a directory.
import { randomBytes } from 'node:crypto';
import { open, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../basics/errors/errors.ts';

export async function checkOutputWritable(out: string, what = '--out'): Promise<void> {
  const fail = (reason: string): never => {
    throw new InputError('output-unwritable', `${what} ${out}: cannot write the bundle there: ${reason}`);
  };
  const existing = await stat(out).catch((err: unknown) =>
    (err as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : fail(errorCode(err)),
  );
  if (existing?.isDirectory()) fail('it is a directory');
  const dir = dirname(out);
  const probe = join(dir, `.${basename(out)}.${randomBytes(6).toString('hex')}.probe`);
  let handle;
  try {
    handle = await open(probe, 'wx', 0o600);
  } catch (err) {
    return fail(
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? `no directory ${JSON.stringify(dir)}` : errorCode(err),
    );
  }
  await handle.close();
  await rm(probe, { force: true });
}

function errorCode(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code ?? e.message;
}
