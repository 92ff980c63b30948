// One line with a stable code for every way the log's storage can fail at start or on commit
// (issue 15 F11): never "internal error" and a stack trace. SQLite's primary result codes
// (https://sqlite.org/rescode.html) and the file system's errno are mapped to the codes of
// spec/ERRORS.md §10; anything else is left as it is (a fault of ours, not of the storage).
import type { InputCode } from '../../lib/basics/errors/codes.ts';
import { InputError } from '../../lib/basics/errors/errors.ts';

/**
 * A storage failure while serving (a commit on a full disk, an entry that fails its check):
 * the service's fault, answered 500 (never a 4xx, which would blame the client), with the
 * storage code and a one-line message for the service's own log.
 */
export class StorageFault extends Error {
  readonly code: InputCode;
  constructor(code: InputCode, message: string) {
    super(message);
    this.name = 'StorageFault';
    this.code = code;
  }
}

/** A storage failure met while serving, as a StorageFault (see storageError for the codes). */
export function storageFault(err: unknown, what: string): StorageFault {
  const mapped = storageError(err, what);
  if (mapped instanceof InputError) return new StorageFault(mapped.code, mapped.message);
  if (mapped instanceof StorageFault) return mapped;
  return new StorageFault(
    'log-storage-unreadable',
    `${what}: ${oneLine(mapped instanceof Error ? mapped.message : String(mapped))}`,
  );
}

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;
const SQLITE_PERM = 3;
const SQLITE_AUTH = 23;

/** True when `err` says the disk is full (SQLite's SQLITE_FULL or the file system's ENOSPC/EDQUOT). */
export function isDiskFull(err: unknown): boolean {
  const e = err as { errcode?: unknown; code?: unknown } | null;
  if (typeof e?.errcode === 'number' && (e.errcode & 0xff) === SQLITE_FULL) return true;
  return e?.code === 'ENOSPC' || e?.code === 'EDQUOT';
}

/** The storage failure `err` as an InputError naming `what`, or `err` itself if it is not one. */
export function storageError(err: unknown, what: string): unknown {
  if (err instanceof InputError) return err;
  const e = err as { errcode?: unknown; code?: unknown; message?: unknown } | null;
  const detail = oneLine(typeof e?.message === 'string' ? e.message : String(err));
  if (isDiskFull(err)) return new InputError('disk-full', `${what}: the disk is full (${detail})`);
  if (typeof e?.errcode === 'number') {
    const primary = e.errcode & 0xff;
    if (primary === SQLITE_BUSY || primary === SQLITE_LOCKED)
      return new InputError('log-storage-locked', `${what}: the database is locked by another process (${detail})`);
    if (primary === SQLITE_CORRUPT || primary === SQLITE_NOTADB)
      return new InputError('log-storage-inconsistent', `${what}: the database file is damaged (${detail})`);
    if ([SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH].includes(primary))
      return new InputError('log-storage-unreadable', `${what}: cannot read or write the database (${detail})`);
    return err;
  }
  if (typeof e?.code === 'string' && ['EACCES', 'EPERM', 'ENOTDIR', 'EISDIR', 'EROFS', 'EIO', 'ELOOP'].includes(e.code))
    return new InputError('log-storage-unreadable', `${what}: ${e.code} (${detail})`);
  return err;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}
