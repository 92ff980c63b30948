// The data directory's exclusive lock (issue 15 F4): one server per --data. Two servers on one
// log would each sign checkpoints over their own idea of the tree, a fork.
//
// The lock is an OS file lock, taken through SQLite on a small file of its own
// (`countersign.lock`): PRAGMA locking_mode=EXCLUSIVE and a write transaction make SQLite take
// an exclusive POSIX lock (fcntl) on it and hold it until the connection closes. The kernel
// drops such a lock when the process ends, however it ends (SIGKILL, OOM kill, a crash): no
// stale lock to clean up, unlike a PID file, whose PID may be reused or, in containers sharing
// a volume, be the same number in another PID namespace. SQLite also honours the lock between
// connections of one process. A rolling deploy therefore works one way only: the new
// instance refuses to start (exit 2, `log-storage-locked`) until the old one has exited; a
// supervisor restarts it. It is a separate file so that the database itself keeps SQLite's
// normal locking and `sqlite3 .backup` works while the service runs. Local file systems only:
// POSIX locks over NFS are only as good as its lock daemon.
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { InputError } from '../../lib/basics/errors/errors.ts';
import { storageError } from './errors.ts';

export const LOCK_FILE = 'countersign.lock';

export class DataDirLock {
  private readonly db: DatabaseSync;

  private constructor(db: DatabaseSync) {
    this.db = db;
  }

  /** Takes the lock on `dataDir` or throws InputError('log-storage-locked'), without waiting. */
  static take(dataDir: string): DataDirLock {
    const path = join(dataDir, LOCK_FILE);
    let db: DatabaseSync | undefined;
    try {
      db = new DatabaseSync(path, { timeout: 0 });
      db.exec('PRAGMA locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
      // A write, so that the exclusive lock is taken now and kept after COMMIT.
      db.exec('CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER, since TEXT)');
      db.prepare('INSERT OR REPLACE INTO holder (id, pid, since) VALUES (1, ?, ?)').run(
        process.pid,
        new Date().toISOString(),
      );
      db.exec('COMMIT');
      return new DataDirLock(db);
    } catch (err) {
      try {
        db?.close();
      } catch {
        // closing a connection that never opened: nothing to release
      }
      const mapped = storageError(err, path);
      if (mapped instanceof InputError && mapped.code === 'log-storage-locked')
        throw new InputError(
          'log-storage-locked',
          `${dataDir}: another countersign server is using this data directory (its lock ${LOCK_FILE} is held); stop it first, one server per --data`,
        );
      throw mapped;
    }
  }

  release(): void {
    if (this.db.isOpen) this.db.close();
  }
}
