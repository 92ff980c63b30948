// Prometheus text exposition (format 0.0.4) for GET /metrics: requests by endpoint and
// outcome, refusals by code, the log size, and the latency of countersigning (verify, sign,
// durable append) as a histogram. No labels carry user input beyond the fixed code set.
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly refusals = new Map<string, number>();
  private readonly buckets = LATENCY_BUCKETS.map(() => 0);
  private latencyCount = 0;
  private latencySum = 0;

  request(endpoint: string, outcome: string): void {
    const key = `endpoint="${endpoint}",outcome="${outcome}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }

  refusal(code: string): void {
    const key = `code="${code.replace(/[^a-z0-9-]/g, '_')}"`;
    this.refusals.set(key, (this.refusals.get(key) ?? 0) + 1);
  }

  signingLatency(seconds: number): void {
    this.latencyCount += 1;
    this.latencySum += seconds;
    LATENCY_BUCKETS.forEach((b, i) => {
      if (seconds <= b) this.buckets[i] = (this.buckets[i] ?? 0) + 1;
    });
  }

  render(gauges: {
    logSize: number;
    queued: number;
    verifying: number;
    signing: number;
    workers: number;
    workerCrashes: number;
  }): string {
    const lines = [
      '# HELP countersign_requests_total HTTP requests by endpoint and outcome (countersigned, replayed, refused, error, ok).',
      '# TYPE countersign_requests_total counter',
      ...[...this.requests].map(([k, v]) => `countersign_requests_total{${k}} ${v}`),
      '# HELP countersign_refusals_total Countersigning requests refused, by error code.',
      '# TYPE countersign_refusals_total counter',
      ...[...this.refusals].map(([k, v]) => `countersign_refusals_total{${k}} ${v}`),
      '# HELP countersign_log_size Entries in the transparency log (its tree size).',
      '# TYPE countersign_log_size gauge',
      `countersign_log_size ${gauges.logSize}`,
      '# HELP countersign_queued_requests Countersigning requests waiting for a verification worker.',
      '# TYPE countersign_queued_requests gauge',
      `countersign_queued_requests ${gauges.queued}`,
      '# HELP countersign_verifying_requests Countersigning requests being verified.',
      '# TYPE countersign_verifying_requests gauge',
      `countersign_verifying_requests ${gauges.verifying}`,
      '# HELP countersign_signing_requests Countersigning requests being signed and committed.',
      '# TYPE countersign_signing_requests gauge',
      `countersign_signing_requests ${gauges.signing}`,
      '# HELP countersign_verification_workers Verification worker threads (0: verification on the main thread).',
      '# TYPE countersign_verification_workers gauge',
      `countersign_verification_workers ${gauges.workers}`,
      '# HELP countersign_worker_crashes_total Verification workers that died and were replaced.',
      '# TYPE countersign_worker_crashes_total counter',
      `countersign_worker_crashes_total ${gauges.workerCrashes}`,
      '# HELP countersign_signing_seconds Time to verify, countersign and durably log one request.',
      '# TYPE countersign_signing_seconds histogram',
      ...LATENCY_BUCKETS.map((b, i) => `countersign_signing_seconds_bucket{le="${b}"} ${this.buckets[i]}`),
      `countersign_signing_seconds_bucket{le="+Inf"} ${this.latencyCount}`,
      `countersign_signing_seconds_sum ${this.latencySum}`,
      `countersign_signing_seconds_count ${this.latencyCount}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}
