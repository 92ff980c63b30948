// The body of a hashing worker thread (see hash-pool.ts). It is shipped to the worker as the
// source text of one self-contained function (`new Worker(source, { eval: true })`), so it
// works the same from src/ (type-stripped) and from an esbuild bundle in dist/ without a
// separate worker file. Hence: no imports and no outer variables; built-in modules come from
// process.getBuiltinModule.
//
// Why synchronous reads: inside a worker they block only that worker, and a read followed by
// the hash of the same buffer (still in the CPU cache) measured fastest on a 2-core machine,
// at the speed of `openssl dgst -sha256` (see BENCHMARKS.md); async reads through the libuv
// pool and read/hash pipelines across threads measured 5-20% slower.

/** A job the pool sends: the resolved path, and the device and inode the walker saw. */
export interface HashJob {
  id: number;
  path: string;
  dev: number;
  ino: number;
}

/** A worker's answer: the digest, or an error to turn into an InputError. */
export type HashAnswer =
  | { id: number; sha256: string }
  | { id: number; error: { code: string; message: string; check?: 'not-regular' | 'changed' } };

export function hashWorkerMain(): void {
  const threads = process.getBuiltinModule('node:worker_threads');
  const { parentPort } = threads;
  const workerData: unknown = threads.workerData;
  const { createHash } = process.getBuiltinModule('node:crypto');
  const fs = process.getBuiltinModule('node:fs');
  if (!parentPort) return;
  const port = parentPort;
  const buffer = Buffer.allocUnsafe((workerData as { bufferBytes: number }).bufferBytes);
  const flags = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW;
  port.on('message', (job: HashJob) => {
    let fd = -1;
    try {
      fd = fs.openSync(job.path, flags);
      const st = fs.fstatSync(fd);
      if (!st.isFile()) {
        port.postMessage({
          id: job.id,
          error: { code: 'EINVAL', message: 'not a regular file', check: 'not-regular' },
        });
        return;
      }
      if (st.dev !== job.dev || st.ino !== job.ino) {
        port.postMessage({ id: job.id, error: { code: 'EINVAL', message: 'replaced', check: 'changed' } });
        return;
      }
      const hash = createHash('sha256');
      for (;;) {
        const n = fs.readSync(fd, buffer, 0, buffer.length, null);
        if (n === 0) break;
        hash.update(buffer.subarray(0, n));
      }
      port.postMessage({ id: job.id, sha256: hash.digest('hex') });
    } catch (err) {
      const e = err as { code?: unknown; message?: unknown };
      port.postMessage({
        id: job.id,
        error: { code: typeof e.code === 'string' ? e.code : 'EIO', message: String(e.message) },
      });
    } finally {
      if (fd >= 0) fs.closeSync(fd);
    }
  });
}
