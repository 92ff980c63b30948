// A fixed pool of worker threads with a bounded queue (issue 15 F2): the service's main thread
// only admits, sequences and answers; the expensive work (the Sigstore verification of a
// primary) runs here, one job per worker at a time. A full queue is the caller's 503: `run`
// returns undefined without queueing. A worker that dies (a crash, an out-of-memory abort)
// fails only the job it was running (WorkerCrashError, a 500 for that one request) and is
// replaced; the others go on.
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** The job's worker died before answering it (the service answers 500 and replaces the worker). */
export class WorkerCrashError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrashError';
  }
}

/** What a worker posts back for a job: its answer, or an unexpected fault's one-line description. */
export type WorkerReply<A> = { id: number; answer: A } | { id: number; fault: string };

interface Job<J, A> {
  id: number;
  job: J;
  resolve: (answer: A) => void;
  reject: (err: Error) => void;
}

export interface PoolOptions {
  /** The worker's module (it must answer `{id, job}` messages with WorkerReply). */
  url: URL;
  workerData: unknown;
  /** Worker threads (at least 1). */
  size: number;
  /** Jobs that may wait for a free worker; beyond it `run` refuses. */
  maxQueue: number;
  resourceLimits?: ResourceLimits;
}

export class WorkerPool<J, A> {
  private readonly options: PoolOptions;
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job<J, A>>();
  private readonly waiting: Job<J, A>[] = [];
  private workers = 0;
  private nextId = 0;
  private closed = false;
  /** Workers that died and were replaced (a metric). */
  crashes = 0;

  constructor(options: PoolOptions) {
    this.options = { ...options, size: Math.max(1, Math.floor(options.size)) };
    // Started now, so that the first requests do not wait for the library to load.
    for (let i = 0; i < this.options.size; i++) this.idle.push(this.startWorker());
  }

  get size(): number {
    return this.options.size;
  }

  /** Jobs waiting for a worker. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Jobs being run. */
  get running(): number {
    return this.busy.size;
  }

  get maxQueue(): number {
    return this.options.maxQueue;
  }

  /** Every worker busy and the queue full: `run` would refuse. */
  get full(): boolean {
    return this.idle.length === 0 && this.waiting.length >= this.options.maxQueue;
  }

  /** The job's answer; undefined (nothing queued) when every worker is busy and the queue is full. */
  run(job: J): Promise<A> | undefined {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    if (this.full) return undefined;
    return new Promise<A>((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, job, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new Error('the worker pool is closed'));
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }

  private dispatch(): void {
    for (;;) {
      if (this.waiting.length === 0) return;
      const worker = this.idle.pop() ?? (this.workers < this.options.size ? this.startWorker() : undefined);
      if (!worker) return;
      const job = this.waiting.shift();
      if (!job) {
        this.idle.push(worker);
        return;
      }
      this.busy.set(worker, job);
      worker.postMessage({ id: job.id, job: job.job });
    }
  }

  private startWorker(): Worker {
    this.workers += 1;
    const started = Date.now();
    const worker = new Worker(this.options.url, {
      workerData: this.options.workerData,
      ...(this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}),
    });
    worker.on('message', (reply: WorkerReply<A>) => {
      const job = this.busy.get(worker);
      if (!job || job.id !== reply.id) return;
      this.busy.delete(worker);
      if ('answer' in reply) job.resolve(reply.answer);
      else job.reject(new Error(`verification worker fault: ${reply.fault}`));
      if (!this.closed) {
        this.idle.push(worker);
        this.dispatch();
      }
    });
    let gone = false;
    const died = (why: string) => {
      if (gone) return;
      gone = true;
      this.workers -= 1;
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      if (this.closed) return;
      this.crashes += 1;
      job?.reject(new WorkerCrashError(`a verification worker died (${why}) while verifying this request`));
      // Replaced at once, but a worker that dies while starting (it cannot load, say) is retried
      // after a pause rather than in a tight loop; jobs meanwhile wait in the queue.
      if (job || Date.now() - started > 1000) {
        this.idle.push(this.startWorker());
        this.dispatch();
      } else {
        setTimeout(() => {
          if (this.closed || this.workers >= this.options.size) return;
          this.idle.push(this.startWorker());
          this.dispatch();
        }, 1000).unref();
      }
    };
    worker.on('error', (err: unknown) => {
      died((err instanceof Error ? err.message : String(err)).split('\n')[0] ?? 'error');
    });
    worker.on('exit', (code) => {
      died(`exit code ${code}`);
    });
    return worker;
  }
}
