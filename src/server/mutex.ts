// One append at a time: the rollback check, the signature and the durable append of a
// countersignature happen as one step, so two requests can never both pass the check for
// the same stream version. A bounded queue turns overload into 503 instead of unbounded memory.
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;
  readonly maxWaiting: number;

  constructor(maxWaiting = 256) {
    this.maxWaiting = maxWaiting;
  }

  get queued(): number {
    return this.waiting;
  }

  /** Runs `fn` alone; returns undefined without running it if the queue is full. */
  async run<T>(fn: () => Promise<T>): Promise<{ value: T } | undefined> {
    if (this.waiting >= this.maxWaiting) return undefined;
    this.waiting += 1;
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous;
      return { value: await fn() };
    } finally {
      this.waiting -= 1;
      release();
    }
  }
}
