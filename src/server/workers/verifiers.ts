// Where the service verifies primaries: a pool of worker threads (the default, one per core),
// or, with `workers: 0`, inline on the main thread (for embedding and small tests; then a
// verification blocks /healthz while it runs). Both answer the same VerifyAnswer, and both
// refuse a job (undefined) when `maxQueue` jobs already wait.
import { availableParallelism } from 'node:os';
import type { TrustMaterial } from '@sigstore/verify';
import { WorkerPool } from './pool.ts';
import { type VerifyAnswer, type VerifyContext, type VerifyJob, verifyJob } from './verify-job.ts';
import { VERIFY_WORKER_ROLE, VERIFY_WORKER_URL, type VerifyWorkerData } from './verify-worker.ts';

export interface Verifiers {
  /** The answer; undefined when the queue is full (the caller's 503). Rejects only on a fault (a crashed worker: WorkerCrashError). */
  verify(job: VerifyJob): Promise<VerifyAnswer> | undefined;
  readonly workers: number;
  readonly queued: number;
  readonly running: number;
  readonly maxQueue: number;
  /** True when `verify` would refuse now (the queue is full): the service sheds the request before any parsing. */
  readonly full: boolean;
  readonly crashes: number;
  close(): Promise<void>;
}

/** The default number of worker threads: one per core the process may use. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** The default queue: 16 jobs per worker, about a quarter of a second of verification each (issue 15). */
export function defaultMaxQueue(workers: number): number {
  return Math.max(1, workers) * 16;
}

export function startVerifiers(options: {
  workers: number;
  maxQueue: number;
  context: Omit<VerifyContext, 'trust'>;
  /** For inline verification only; workers build theirs from the policy. */
  trust?: TrustMaterial;
}): Verifiers {
  if (options.workers >= 1) {
    const pool = new WorkerPool<VerifyJob, VerifyAnswer>({
      url: VERIFY_WORKER_URL,
      workerData: { role: VERIFY_WORKER_ROLE, context: options.context } satisfies VerifyWorkerData,
      size: options.workers,
      maxQueue: options.maxQueue,
      // A request is at most 1 MiB: a verification never needs more; a runaway one dies alone.
      resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 64 },
    });
    return {
      verify: (job) => pool.run(job),
      workers: pool.size,
      get queued() {
        return pool.queued;
      },
      get running() {
        return pool.running;
      },
      maxQueue: pool.maxQueue,
      get full() {
        return pool.full;
      },
      get crashes() {
        return pool.crashes;
      },
      close: () => pool.close(),
    };
  }
  const ctx: VerifyContext = { ...options.context, ...(options.trust ? { trust: options.trust } : {}) };
  let running = 0;
  const full = () => running >= options.maxQueue + 1;
  return {
    verify: (job) => {
      if (full()) return undefined;
      running += 1;
      return verifyJob(job, ctx).finally(() => {
        running -= 1;
      });
    },
    workers: 0,
    queued: 0,
    get running() {
      return running;
    },
    maxQueue: options.maxQueue,
    get full() {
      return full();
    },
    crashes: 0,
    close: () => Promise.resolve(),
  };
}
