// Per-client limits on POST /v1/countersign (issue 15 F6): a token bucket per client, keyed by
// the remote address, or by a header when the operator names one (a client token, or the
// address a reverse proxy forwards: behind a proxy every request comes from the proxy's
// address). A request over its client's rate is answered 429 `rate-limited` with Retry-After,
// before any verification. Memory is bounded: at most `maxClients` buckets are kept; when
// full, the least recently active client's bucket is dropped.
export interface RateLimitOptions {
  /** Sustained requests per second per client; 0 turns the limit off. */
  perSecond: number;
  /** Requests a client may make at once (the bucket's size). */
  burst: number;
  /** Tracked clients at most (default 10 000). */
  maxClients?: number;
}

export class RateLimiter {
  private readonly options: Required<RateLimitOptions>;
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly clock: () => number;

  constructor(options: RateLimitOptions, clock: () => number = () => performance.now()) {
    this.options = { maxClients: 10_000, ...options };
    this.clock = clock;
  }

  get enabled(): boolean {
    return this.options.perSecond > 0;
  }

  /** Takes one token for `client`: undefined if allowed, else the seconds until one is available. */
  take(client: string): number | undefined {
    if (!this.enabled) return undefined;
    const { perSecond, burst } = this.options;
    const now = this.clock();
    const bucket = this.buckets.get(client);
    const tokens = bucket ? Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond) : burst;
    if (tokens < 1) {
      if (bucket) {
        bucket.tokens = tokens;
        bucket.at = now;
      }
      return Math.max(1, Math.ceil((1 - tokens) / perSecond));
    }
    if (!bucket && this.buckets.size >= this.options.maxClients) this.evict();
    // Re-inserted: the map's order is then least recently used first.
    this.buckets.delete(client);
    this.buckets.set(client, { tokens: tokens - 1, at: now });
    return undefined;
  }

  /** Drops the least recently active client (the map keeps that order): it starts with a full bucket if it returns. */
  private evict(): void {
    const oldest = this.buckets.keys().next();
    if (!oldest.done) this.buckets.delete(oldest.value);
  }
}
