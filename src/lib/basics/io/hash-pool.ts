// SHA-256 of large files in worker threads, several files at once (issue #7: one file hashes
// at the speed of one core, so a release of many large files needs several cores). The pool
// only schedules: each worker runs hashWorkerMain (hash-worker.ts) and answers one job at a
// time; the caller keeps the order of results and reports progress.
//
// Memory: a worker costs its own V8 isolate (about 10-15 MiB RSS) plus one read buffer, and
// nothing grows with the file sizes, so the peak stays bounded (BENCHMARKS.md: < 100 MiB).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../errors/errors.ts';
import { type HashAnswer, type HashJob, hashWorkerMain } from './hash-worker.ts';

/** Read buffer of each worker: 256 KiB measured fastest (fits the L2 cache while it is hashed). */
export const HASH_WORKER_BUFFER_BYTES = 1024 * 1024;
/** At most this many hashing threads, whatever the core count: the disk is the limit beyond it, and each costs memory. */
export const MAX_HASH_THREADS = 4;

/** Threads used by default: one per core, at most MAX_HASH_THREADS. */
export function defaultHashThreads(): number {
  return Math.max(1, Math.min(availableParallelism(), MAX_HASH_THREADS));
}

const WORKER_SOURCE = `(${hashWorkerMain.toString()})()`;

interface Pending {
  job: HashJob;
  resolve: (sha256: string) => void;
  reject: (err: Error) => void;
}

/** A fixed number of hashing threads, started on first use; close() ends them. */
export class HashPool {
  private readonly maxThreads: number;
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private started = 0;
  private nextId = 0;
  private closed = false;

  constructor(threads: number) {
    if (!Number.isInteger(threads) || threads < 1)
      throw new RangeError(`HashPool: expected a positive thread count, found ${threads}`);
    this.maxThreads = threads;
  }

  /** The SHA-256 (hex) of the regular file at `path`, which must still be the file (dev, ino). */
  hash(path: string, expected: { dev: number; ino: number }): Promise<string> {
    if (this.closed) return Promise.reject(new Error('HashPool: closed'));
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, path, dev: expected.dev, ino: expected.ino }, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends every thread; jobs not yet answered are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = new Error('HashPool: closed before the file was hashed');
    for (const p of this.queue.splice(0)) p.reject(stopped);
    for (const p of this.busy.values()) p.reject(stopped);
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.started < this.maxThreads ? this.startWorker() : undefined);
      if (!worker) return;
      const pending = this.queue.shift() as Pending;
      this.busy.set(worker, pending);
      worker.postMessage(pending.job);
    }
  }

  private startWorker(): Worker {
    this.started++;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bufferBytes: HASH_WORKER_BUFFER_BYTES },
      // The worker only hashes: a small heap keeps its memory small, and it never needs more.
      resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    worker.on('message', (answer: HashAnswer) => {
      const pending = this.busy.get(worker);
      if (!pending || pending.job.id !== answer.id) return;
      this.busy.delete(worker);
      if ('sha256' in answer) pending.resolve(answer.sha256);
      else pending.reject(errorOf(answer.error, pending.job.path));
      if (!this.closed) {
        this.idle.push(worker);
        this.dispatch();
      }
    });
    let dead = false;
    const fail = (err: Error) => {
      // A crashed worker fails its job (never a silent gap in the subjects) and is replaced,
      // not reused, so that queued jobs still run.
      if (dead) return;
      dead = true;
      this.started--;
      const pending = this.busy.get(worker);
      this.busy.delete(worker);
      const index = this.idle.indexOf(worker);
      if (index >= 0) this.idle.splice(index, 1);
      pending?.reject(new Error(`hashing thread failed: ${err.message}`));
      if (!this.closed) this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`exited with code ${code}`));
    });
    return worker;
  }
}

/** The same errors as sha256File gives for the same conditions. */
function errorOf(error: { code: string; message: string; check?: 'not-regular' | 'changed' }, path: string): Error {
  if (error.check === 'not-regular')
    return new InputError('subject-not-regular', `${path}: expected a regular file, found a special file`);
  if (error.check === 'changed')
    return new InputError('subject-changed', `${path}: the file was replaced while the inputs were being read`);
  return Object.assign(new Error(error.message), { code: error.code });
}
