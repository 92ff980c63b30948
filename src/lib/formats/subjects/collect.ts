// Turns the files and directories given on the command line into the statement's subjects
// (docs/design.md §3: the subject "lists what is being trusted, by digest"). The walk is where hostile
// trees do harm, so it is strict: everything it would not be sure about is refused, never
// skipped, because a silently missing file would be a file that is not protected.
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import type { Stats } from 'node:fs';
import { InputError } from '../../basics/errors/errors.ts';
import type { Subject } from '../core/types.ts';
import { fsReason } from '../../basics/io/read-capped.ts';
import { sha256File } from '../../basics/io/hash-file.ts';
import { HashPool, defaultHashThreads } from '../../basics/io/hash-pool.ts';
import { compareSubjectNames, subjectNameProblem } from './name.ts';

/** Default cap on the number of files (docs/design.md §3: every untrusted input has a cap). */
export const DEFAULT_MAX_FILES = 100_000;
/** Small files hashed at the same time on the main thread (their cost is the I/O round trips, not the CPU). */
const HASH_CONCURRENCY = 4;
/**
 * Files of at least this size are hashed in worker threads (hash-pool.ts), several at once;
 * smaller ones on the main thread, where a worker's message round trip would cost more than
 * the hash. Below it a file takes under a millisecond to hash.
 */
export const WORKER_MIN_FILE_BYTES = 1024 * 1024;

export interface CollectOptions {
  /** Subject names are relative to this directory, and nothing outside it is read (default: cwd). */
  base?: string;
  /** How the caller names the base in messages (the CLI: `--base`), so a refusal says what to change. */
  baseLabel?: string;
  /** Refuse more files than this (default 100 000). */
  maxFiles?: number;
  /** Called after each file is hashed (for progress output). */
  onProgress?: (done: number, total: number, name: string) => void;
  /**
   * Worker threads for files of WORKER_MIN_FILE_BYTES or more (default: one per core, at most
   * 4); 0 hashes everything on the main thread.
   */
  hashThreads?: number;
}

interface FoundFile {
  /** The input on the command line that yielded this file, and the name before NFC (for error messages). */
  input: string;
  rawName: string;
  realPath: string;
  dev: number;
  ino: number;
  size: number;
}

/**
 * Collects the subjects named by `paths` (files, and directories walked recursively), hashed
 * with SHA-256. Rules, each failing with an InputError that names the path:
 * - paths are relative to `base`, or absolute paths inside it (a name is still relative to
 *   the base); an absolute path outside the base and `..` segments are refused;
 * - a symbolic link is followed when it resolves to a regular file inside the base tree;
 *   one that leaves the tree, points to a directory (except when named directly on the
 *   command line) or loops is refused, so the walk cannot escape or hang;
 * - FIFOs, sockets and devices are refused;
 * - a name is the path relative to the base, with `/` separators, in Unicode NFC, without a
 *   `./` prefix; two inputs yielding the same name (after NFC) are refused as duplicates;
 * - no files at all, or more than `maxFiles`, is refused.
 * Subjects are sorted by name in UTF-8 byte order (Unicode code point order, see
 * compareSubjectNames), not JavaScript's default UTF-16 code-unit order.
 */
export async function collectSubjects(paths: string[], options: CollectOptions = {}): Promise<Subject[]> {
  try {
    return await collect(paths, options);
  } catch (err) {
    // File names may hold newlines or escape sequences: errors stay one printable line.
    if (err instanceof InputError)
      throw new InputError(
        err.code,
        err.message.replace(CONTROL_CHARS, (c) => escapeUnit(c)),
      );
    throw err;
  }
}

async function collect(paths: string[], options: CollectOptions): Promise<Subject[]> {
  if (paths.length === 0)
    throw new InputError('subject-empty', 'no files given: expected at least one file or directory');
  const base = resolve(options.base ?? process.cwd());
  const walker = new Walker(base, await resolveBase(base), options.maxFiles ?? DEFAULT_MAX_FILES, options.baseLabel);
  for (const path of paths) await walker.walkInput(path);

  const names = [...walker.found.keys()].sort(compareSubjectNames);
  const files = names.map((name) => ({ name, file: walker.found.get(name) as FoundFile }));
  const threads = options.hashThreads ?? defaultHashThreads();
  if (!Number.isInteger(threads) || threads < 0)
    throw new RangeError(`collectSubjects: hashThreads must be a whole number >= 0, found ${threads}`);
  const digests = await hashAll(files, threads, (done, name) => options.onProgress?.(done, names.length, name));
  return names.map((name, i) => ({ name, digest: { sha256: digests[i] as string } }));
}

async function resolveBase(base: string): Promise<string> {
  const real = await fsCall(base, () => realpath(base));
  const st = await fsCall(base, () => stat(real));
  if (!st.isDirectory()) throw new InputError('subject-path-invalid', `${base}: the base must be a directory`);
  return real;
}

class Walker {
  readonly found = new Map<string, FoundFile>();
  private readonly base: string;
  private readonly baseReal: string;
  private readonly maxFiles: number;
  /** " (--base)": how the caller names the base, for messages. */
  private readonly label: string;

  constructor(base: string, baseReal: string, maxFiles: number, baseLabel: string | undefined) {
    this.base = base;
    this.baseReal = baseReal;
    this.maxFiles = maxFiles;
    this.label = baseLabel === undefined ? '' : ` (${baseLabel})`;
  }

  async walkInput(input: string): Promise<void> {
    if (input === '')
      throw new InputError('subject-path-invalid', 'an empty path was given: expected a file or directory');
    // Backslash counts as a separator here even on POSIX: refusing `..\x` costs nothing.
    if (input.split(/[/\\]/).includes('..')) {
      throw new InputError(
        'subject-path-invalid',
        `${input}: ".." segments are refused: expected a path inside the base directory${this.label}`,
      );
    }
    const relativeInput = isAbsolute(input) ? this.insideBase(input) : input;
    if (posix.isAbsolute(relativeInput) || /^[A-Za-z]:/.test(relativeInput)) {
      throw new InputError(
        'subject-path-invalid',
        `${input}: not a path on this system: expected a path relative to the base directory${this.label}`,
      );
    }
    const logical = posix.normalize(relativeInput.split(sep).join('/')).replace(/\/+$/, '');
    const name = logical === '.' ? '' : logical;
    const full = join(this.baseReal, name);
    const real = await this.resolveInside(full, input);
    const st = await fsCall(input, () => stat(real));
    if (st.isFile()) this.addFile(name, input, real, st);
    else if (st.isDirectory()) await this.walkDirectory(real, name, input);
    else throw notRegular(input);
  }

  /** Walks one directory tree without recursion (an explicit stack) and without following directory links. */
  private async walkDirectory(rootReal: string, rootName: string, input: string): Promise<void> {
    const before = this.found.size;
    const stack: { real: string; name: string }[] = [{ real: rootReal, name: rootName }];
    for (let dir = stack.pop(); dir; dir = stack.pop()) {
      const { real, name } = dir;
      const entries = await fsCall(name || '.', () => readdir(real, { withFileTypes: true }));
      for (const entry of entries) {
        const childName = name ? `${name}/${entry.name}` : entry.name;
        const childPath = join(real, entry.name);
        if (entry.isDirectory()) {
          stack.push({ real: childPath, name: childName });
        } else if (entry.isFile()) {
          this.addFile(childName, input, childPath, await fsCall(childName, () => lstat(childPath)));
        } else if (entry.isSymbolicLink()) {
          const target = await this.resolveInside(childPath, childName);
          const st = await fsCall(childName, () => stat(target));
          if (st.isDirectory()) {
            throw new InputError(
              'subject-not-regular',
              `${childName}: symbolic link to a directory is not followed: name its target instead`,
            );
          }
          if (!st.isFile()) throw notRegular(childName);
          this.addFile(childName, input, target, st);
        } else {
          throw notRegular(childName);
        }
      }
    }
    if (this.found.size === before) throw new InputError('subject-empty', `${input}: the directory contains no files`);
  }

  /**
   * An absolute input as a path relative to the base: it must name something inside the base
   * as given or as resolved (`--base "$PWD/dist" "$PWD/dist/app"`); the subject name is the
   * same as for the relative path. The real path is still checked to stay inside (resolveInside).
   */
  private insideBase(input: string): string {
    for (const base of [this.base, this.baseReal]) {
      const rel = relative(base, input);
      if (rel === '') return '.';
      if (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return rel;
    }
    throw new InputError(
      'subject-outside-base',
      `${input}: outside the base directory ${this.base}${this.label}: expected a path inside it (or a relative path)`,
    );
  }

  /** The real path of `path`, which must lie inside the base tree. */
  private async resolveInside(path: string, shown: string): Promise<string> {
    const real = await fsCall(shown, () => realpath(path));
    const rel = relative(this.baseReal, real);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new InputError(
        'subject-outside-base',
        `${shown}: resolves to ${real}, outside the base directory ${this.baseReal}${this.label}`,
      );
    }
    return real;
  }

  private addFile(name: string, input: string, realPath: string, st: Stats): void {
    const nfc = name.normalize('NFC');
    const problem = subjectNameProblem(nfc);
    if (problem)
      throw new InputError(
        'subject-path-invalid',
        `${JSON.stringify(name)}: not usable as a subject name: it ${problem}`,
      );
    const previous = this.found.get(nfc);
    if (previous) {
      const nfcNote =
        previous.rawName === name
          ? ''
          : ` (from the different file names ${escaped(previous.rawName)} and ${escaped(name)}, equal after Unicode NFC normalisation)`;
      throw new InputError(
        'subject-duplicate',
        `${name}: the subject name ${JSON.stringify(nfc)} is produced twice${nfcNote}, by the inputs ${JSON.stringify(previous.input)} and ${JSON.stringify(input)}`,
      );
    }
    if (this.found.size >= this.maxFiles) {
      throw new InputError(
        'subject-too-many',
        `${input}: more than ${this.maxFiles} files: expected at most ${this.maxFiles}`,
      );
    }
    this.found.set(nfc, { input, rawName: name, realPath, dev: st.dev, ino: st.ino, size: st.size });
  }
}

/**
 * Hashes the files, keeping the order of `files` in the result: large files in a pool of
 * worker threads (largest first, so that the last one to finish is a small one), the others
 * a few at a time on the main thread, both at once. The first failure stops everything.
 */
async function hashAll(
  files: { name: string; file: FoundFile }[],
  threads: number,
  onDone: (done: number, name: string) => void,
): Promise<string[]> {
  const results: string[] = new Array<string>(files.length);
  const large: number[] = [];
  const small: number[] = [];
  files.forEach(({ file }, i) => (threads > 0 && file.size >= WORKER_MIN_FILE_BYTES ? large : small).push(i));
  large.sort((a, b) => (files[b] as { file: FoundFile }).file.size - (files[a] as { file: FoundFile }).file.size);
  const pool = large.length > 0 ? new HashPool(Math.min(threads, large.length)) : undefined;
  let done = 0;
  let failed = false;
  const finish = (i: number, digest: string) => {
    results[i] = digest;
    onDone(++done, (files[i] as { name: string }).name);
  };
  const inPool = large.map(async (i) => {
    const { name, file } = files[i] as { name: string; file: FoundFile };
    finish(i, await fsCall(name, () => (pool as HashPool).hash(file.realPath, file)));
  });
  let next = 0;
  const mainThread = async (): Promise<void> => {
    while (!failed && next < small.length) {
      const i = small[next++] as number;
      const { name, file } = files[i] as { name: string; file: FoundFile };
      finish(i, await fsCall(name, () => sha256File(file.realPath, file)));
    }
  };
  const onMain = Array.from({ length: Math.min(HASH_CONCURRENCY, small.length) }, mainThread);
  try {
    await Promise.all([...inPool, ...onMain]);
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    await pool?.close();
  }
  return results;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

function escapeUnit(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** JSON string with non-ASCII escaped, so that NFC and NFD spellings look different. */
function escaped(name: string): string {
  return JSON.stringify(name).replace(/[^\x20-\x7e]/g, escapeUnit);
}

function notRegular(shown: string): InputError {
  return new InputError(
    'subject-not-regular',
    `${shown}: expected a regular file or a directory, found a special file (FIFO, socket or device)`,
  );
}

/** Runs a filesystem call, turning its errors into one-line InputErrors that name the path. */
async function fsCall<T>(shown: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError('subject-unreadable', `${shown}: ${fsReason(err)}`);
  }
}
