// The one reader of untrusted input files (bundles, policies, state, keys, statements, stack
// descriptions, fleet keys): every input has a cap. The file is opened once and everything is
// checked on the open handle (fstat: a regular file, its size, a private key's mode), so a
// path swapped between a check and the read changes nothing; the read itself is bounded (at
// most one byte more than fstat said, which proves the file grew), so a huge file, or one
// that grows while being read, is never loaded in full.
import { type FileHandle, open } from 'node:fs/promises';
import type { InputCode } from '../errors/codes.ts';
import { InputError } from '../errors/errors.ts';

/** Why a file could not be read; `reason` is in words (fsReason). */
export type ReadFailure =
  | { kind: 'unreadable'; reason: string }
  | { kind: 'not-a-file'; directory: boolean }
  | { kind: 'too-large'; size?: number }
  | { kind: 'changed' }
  | { kind: 'permissions'; mode: number };

export interface ReadCappedOptions {
  /** Names the file in messages ("bundle /tmp/b.json"); default: the path. */
  what?: string;
  maxBytes: number;
  /** Also reads a pipe, socket or character device (`--policy <(...)`) to the end, up to the cap. */
  streams?: boolean;
  /** A private key: refuses a file that group or others can access, and zeroes the read buffer. */
  privateKey?: boolean;
  /** The codes (default input-unreadable, too-large, input-changed, key-permissions; not-a-file is unreadable). */
  codes?: { unreadable?: InputCode; tooLarge?: InputCode; changed?: InputCode; permissions?: InputCode };
  /** Builds the error (default InputError). */
  error?: (code: InputCode, message: string) => Error;
  /** The caller's own wording of a failure (undefined: the default `<what>: <problem>`). */
  message?: (failure: ReadFailure) => string | undefined;
}

/** An errno in words: "no such file", "permission denied", else the system's message. */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'a directory, not a file';
  if (code === 'ELOOP') return 'symbolic link loop';
  return err instanceof Error ? err.message : String(err);
}

class ReadRefused extends Error {
  readonly failure: ReadFailure;
  constructor(failure: ReadFailure) {
    super(failure.kind);
    this.failure = failure;
  }
}

/** Reads a file of at most `maxBytes`. With `optional`, a file that does not exist is undefined. */
export async function readCappedFile(
  path: string,
  options: ReadCappedOptions & { optional: true },
): Promise<Uint8Array | undefined>;
export async function readCappedFile(path: string, options: ReadCappedOptions): Promise<Uint8Array>;
export async function readCappedFile(
  path: string,
  options: ReadCappedOptions & { optional?: boolean },
): Promise<Uint8Array | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    if (options.optional && (err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw refusal(path, options, errnoFailure(err));
  }
  try {
    return await readOpen(handle, options);
  } catch (err) {
    throw refusal(path, options, err instanceof ReadRefused ? err.failure : errnoFailure(err));
  } finally {
    await handle.close();
  }
}

async function readOpen(handle: FileHandle, options: ReadCappedOptions): Promise<Uint8Array> {
  const { maxBytes } = options;
  const st = await handle.stat();
  const stream = options.streams === true && (st.isFIFO() || st.isSocket() || st.isCharacterDevice());
  if (!st.isFile() && !stream) throw new ReadRefused({ kind: 'not-a-file', directory: st.isDirectory() });
  // Windows has no group/other mode bits to check (Node reports 0o666 there).
  if (options.privateKey && process.platform !== 'win32' && (st.mode & 0o077) !== 0)
    throw new ReadRefused({ kind: 'permissions', mode: st.mode & 0o777 });
  if (!stream && st.size > maxBytes) throw new ReadRefused({ kind: 'too-large', size: st.size });
  // One byte more than expected: reading it proves the file grew (or a stream is over the cap).
  const buffer = new Uint8Array((stream ? maxBytes : st.size) + 1);
  try {
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, stream ? null : length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) throw new ReadRefused(stream ? { kind: 'too-large' } : { kind: 'changed' });
    }
    // A private key's bytes are copied out so that the buffer can be zeroed.
    return options.privateKey ? buffer.slice(0, length) : buffer.subarray(0, length);
  } finally {
    if (options.privateKey) buffer.fill(0);
  }
}

function errnoFailure(err: unknown): ReadFailure {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'EISDIR'
    ? { kind: 'not-a-file', directory: true }
    : { kind: 'unreadable', reason: fsReason(err) };
}

function refusal(path: string, options: ReadCappedOptions, failure: ReadFailure): Error {
  const what = options.what ?? path;
  const codes = options.codes ?? {};
  const unreadable = codes.unreadable ?? 'input-unreadable';
  const [code, problem] = ((): [InputCode, string] => {
    switch (failure.kind) {
      case 'unreadable':
        return [unreadable, failure.reason];
      case 'not-a-file':
        return [unreadable, 'not a regular file'];
      case 'too-large':
        return [
          codes.tooLarge ?? 'too-large',
          failure.size === undefined
            ? `over the limit of ${options.maxBytes} bytes`
            : `${failure.size} bytes is over the limit of ${options.maxBytes} bytes`,
        ];
      case 'changed':
        return [codes.changed ?? 'input-changed', 'the file grew while being read'];
      case 'permissions':
        return [
          codes.permissions ?? 'key-permissions',
          `expected a file only its owner can access (mode 0600), found mode 0${failure.mode.toString(8)}`,
        ];
    }
  })();
  const message = options.message?.(failure) ?? `${what}: ${problem}`;
  return options.error ? options.error(code, message) : new InputError(code, message);
}
