// The countersigning service that organisation B runs (docs/design.md §6.4, docs/service.md): plain
// HTTP, on loopback by default (TLS belongs to the reverse proxy in front of it). Opens the
// log (recovering and checking it), then serves. One JSON line per request goes to
// `requestLog`: method, path, status, code, timings, and for countersignatures the stream,
// version and log index; never a body, a header, a token or key material.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TrustMaterial } from '@sigstore/verify';
import type { CountersignSigner } from '../lib/basics/crypto/signer.ts';
import { InputError } from '../lib/basics/errors/errors.ts';
import { parsePublicKeyPem } from '../lib/basics/crypto/ed25519-keys.ts';
import type { ErrorCode } from '../lib/basics/errors/codes.ts';
import type { NoteSigner } from '../lib/checks/log/note.ts';
import type { Policy } from '../lib/formats/policy/index.ts';
import { API } from '../lib/formats/service/api.ts';
import { trustMaterialOf } from '../lib/checks/sigstore/trusted-root.ts';
import { Countersigner } from './countersigner.ts';
import { Metrics } from './metrics.ts';
import { RateLimiter, type RateLimitOptions } from './rate-limit.ts';
import { Refusal, oneLine, refusalOf } from './refusal.ts';
import { type Reply, type RouteContext, keyDescription, route } from './routes.ts';
import { LogStore } from './store.ts';
import { PostgresSequencer } from './storage/postgres.ts';
import { TransparencyLog } from './transparency-log.ts';
import { Witnessing } from './witnessing.ts';
import { fileCosignedStore } from './storage/cosigned.ts';
import type { WitnessEndpoint } from '../lib/flows/witness/submit.ts';
import { type Verifiers, defaultMaxQueue, defaultWorkers, startVerifiers } from './workers/verifiers.ts';

export interface ServiceOptions {
  policy: Policy;
  /** The countersigning key (its key id must be a countersigner of the policy). */
  signer: CountersignSigner;
  /** The checkpoint signer: key name = the log's origin. May hold the same key as `signer`. */
  logSigner: NoteSigner;
  /** The log key as SPKI PEM, served at /v1/log/key for policies and auditors. */
  logPublicKeyPem: string;
  /** Directory of the SQLite log; created (mode 0700) if missing. */
  dataDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  requestLog?: (line: Record<string, unknown>) => void;
  now?: () => Date;
  /** Trust material for inline verification (`workers: 0`); worker threads build theirs from the policy. */
  trust?: TrustMaterial;
  /** Verification worker threads (default: one per core, os.availableParallelism()); 0 verifies on the main thread. */
  workers?: number;
  /** Requests that may wait for a verification worker (default 16 per worker); beyond it 503 overloaded. */
  maxQueue?: number;
  /** Per-client limit of POST /v1/countersign (default 20/s, burst 40; perSecond 0: off). */
  rateLimit?: RateLimitOptions;
  /** A request header naming the client for the rate limit (a client token, or a proxy's forwarded address); default: the remote address. */
  clientHeader?: string;
  /** Open connections at most (default 4096); beyond it new connections are closed. */
  maxConnections?: number;
  /**
   * Unsafe opt-in (docs/service.md): countersign an authority rotation without a person, but only
   * one that keeps the service key's organisation (B) in control exactly as it is (its keys, log
   * requirement, the threshold, the other organisations' keys and the fallback set; only wider
   * validity windows of B's keys). Off: every rotation is refused with 403 rotation-needs-review.
   */
  unsafeAutoCountersignRotationsKeepingB?: boolean;
  /**
   * Unsafe, for one start after an upgrade from a version without the high-water mark: open a
   * non-empty log that has no high-water mark file (docs/service.md, storage). Without it such
   * a log is refused (`log-storage-inconsistent`): it cannot be told from a rolled-back one.
   */
  unsafeAcceptLogWithoutHighWaterMark?: boolean;
  /**
   * A PostgreSQL connection string (serve --store): the log shared by several instances, which
   * the database sequences (storage/postgres.ts); `dataDir` is then this instance's own copy
   * and high-water mark. Undefined: the SQLite log in `dataDir` is the log (one instance).
   */
  sharedStore?: string;
  /** Witnesses to submit each new checkpoint to (serve --witness URL=VKEY; witnessing.ts). */
  witnesses?: readonly WitnessEndpoint[];
  /** How long a countersign answer waits for the witnesses' cosignatures (default 2000 ms). */
  witnessWaitMs?: number;
  /** Per witness request (default 5000 ms). */
  witnessTimeoutMs?: number;
}

export interface RunningService {
  /** `http://host:port`, no trailing slash. */
  url: string;
  origin: string;
  log: TransparencyLog;
  close(): Promise<void>;
}

export async function startService(options: ServiceOptions): Promise<RunningService> {
  const pinned = options.policy.countersigners.find((k) => k.keyId === options.signer.keyId);
  if (!pinned) {
    throw new InputError(
      'countersigner-not-pinned',
      `the service key ${options.signer.keyId} is not a countersigner in the policy (${options.policy.countersigners.map((k) => k.name).join(', ')}): its countersignatures would never count`,
    );
  }
  const store = await LogStore.open(options.dataDir);
  let sequencer: PostgresSequencer | undefined;
  let server: Server | undefined;
  let verifiers: Verifiers | undefined;
  let witnessing: Witnessing | undefined;
  try {
    if (options.sharedStore !== undefined) sequencer = await PostgresSequencer.connect(options.sharedStore);
    const log = await TransparencyLog.open(store, options.logSigner, {
      countersignerKeys: [parsePublicKeyPem(pinned.publicKey, 'the policy key of the service')],
      ...(options.unsafeAcceptLogWithoutHighWaterMark ? { unsafeAcceptLogWithoutHighWaterMark: true } : {}),
      ...(sequencer ? { sequencer } : {}),
    });
    const workers = options.workers ?? defaultWorkers();
    verifiers = startVerifiers({
      workers,
      maxQueue: options.maxQueue ?? defaultMaxQueue(workers),
      context: {
        policy: options.policy,
        keyId: options.signer.keyId,
        // The opt-in's condition, checked again on the verified document; without it a rotation is refused.
        ...(options.unsafeAutoCountersignRotationsKeepingB
          ? { approveRotation: { keepingOrganisation: pinned.organisation } }
          : {}),
      },
      ...(workers === 0 ? { trust: options.trust ?? trustMaterialOf(options.policy) } : {}),
    });
    const countersigner = new Countersigner({
      policy: options.policy,
      signer: options.signer,
      log,
      verifiers,
      ...(options.now ? { now: options.now } : {}),
      ...(options.unsafeAutoCountersignRotationsKeepingB ? { unsafeAutoCountersignRotationsKeepingB: true } : {}),
    });
    const ctx: RouteContext = {
      countersigner,
      log,
      metrics: new Metrics(),
      key: keyDescription(log, options.logPublicKeyPem, pinned.keyId, pinned.publicKey),
      verifiers,
      limiter: new RateLimiter(options.rateLimit ?? { perSecond: 20, burst: 40 }),
      clientHeader: options.clientHeader?.toLowerCase(),
    };
    if (options.witnesses && options.witnesses.length > 0) {
      witnessing = await Witnessing.start({
        log,
        witnesses: options.witnesses,
        store: fileCosignedStore(options.dataDir),
        ...(options.witnessWaitMs !== undefined ? { waitMs: options.witnessWaitMs } : {}),
        ...(options.witnessTimeoutMs !== undefined ? { timeoutMs: options.witnessTimeoutMs } : {}),
        report: (line) => {
          (options.requestLog ?? (() => {}))({ time: new Date().toISOString(), ...line });
        },
      });
      ctx.witnessing = witnessing;
    }
    const requestLog = options.requestLog ?? (() => {});
    // Whatever a request does, it never ends the process: a fault past the handler's own error
    // handling (a broken log sink, say) only drops that connection.
    server = createServer((req, res) => {
      handle(req, res, ctx, requestLog).catch(() => {
        res.destroy();
      });
    });
    // Bounded connections (issue 15 F9): slow or idle clients are cut off, at most maxConnections
    // are open at once, and the accept backlog is deep enough for bursts of new clients (the
    // main thread only admits and answers, so it keeps accepting under load).
    server.requestTimeout = 30_000;
    server.headersTimeout = 10_000;
    server.keepAliveTimeout = 5_000;
    server.maxConnections = options.maxConnections ?? 4096;
    server.maxHeadersCount = 100;
    const s = server;
    await new Promise<void>((resolve, reject) => {
      s.once('error', (err: NodeJS.ErrnoException) => {
        reject(
          new InputError(
            'listen-failed',
            `cannot listen on ${options.host ?? '127.0.0.1'}:${options.port ?? 8080}: ${err.code ?? err.message}`,
          ),
        );
      });
      s.listen({ port: options.port ?? 8080, host: options.host ?? '127.0.0.1', backlog: 4096 }, () => {
        resolve();
      });
    });
    const address = s.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return {
      url: `http://${host}:${address.port}`,
      origin: log.origin,
      log,
      close: async () => {
        await new Promise<void>((resolve) => {
          s.close(() => {
            resolve();
          });
          s.closeIdleConnections();
        });
        await witnessing?.close();
        await verifiers?.close();
        await sequencer?.close();
        store.close();
      },
    };
  } catch (err) {
    server?.close();
    await witnessing?.close();
    await verifiers?.close();
    await sequencer?.close().catch(() => undefined);
    store.close();
    throw err;
  }
}

/**
 * The request target as a URL, or undefined when it is not an origin-form path. Node hands the
 * target over as sent: an absolute-form (`http://[`), an authority-like `//[` or a bad port
 * would make `new URL` throw, and a throw here once took the whole process down (issue 15 F1).
 */
export function requestUrl(target: string | undefined): URL | undefined {
  if (target === undefined || !target.startsWith('/') || target.startsWith('//')) return undefined;
  try {
    return new URL(target, 'http://service.invalid');
  } catch {
    return undefined;
  }
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
  requestLog: (line: Record<string, unknown>) => void,
): Promise<void> {
  const started = performance.now();
  const url = requestUrl(req.url);
  const path = url?.pathname ?? '(unreadable request target)';
  const endpoint = Object.values(API).includes(path as (typeof API)[keyof typeof API]) ? path : 'other';
  let reply: Reply;
  let code: ErrorCode | undefined;
  let retryAfter: number | undefined;
  try {
    if (!url) throw new Refusal(400, 'bad-request', 'the request target must be a path ("/..."), as in origin-form');
    // URL parsing resolves dot segments, percent-encoded ones too (/v1/%2e%2e/metrics is /metrics):
    // a path is served only as sent, never after normalisation (issue 15 F12).
    if (url.pathname !== (req.url ?? '').split('?')[0]) throw new Refusal(404, 'not-found', 'no such path');
    reply = await route(req, url, ctx);
  } catch (err) {
    const refusal = refusalOf(err);
    if (refusal) {
      code = refusal.code;
      retryAfter = refusal.retryAfter ?? (refusal.status === 503 ? 1 : undefined);
      reply = {
        status: refusal.status,
        contentType: 'application/json',
        body: `${JSON.stringify({ code: refusal.code, message: refusal.message })}\n`,
      };
    } else {
      // Our own fault: the details go to our log, the client gets a generic 500.
      code = 'internal-error';
      reply = {
        status: 500,
        contentType: 'application/json',
        body: `${JSON.stringify({ code, message: 'internal error in the countersigning service' })}\n`,
      };
      requestLog({
        time: new Date().toISOString(),
        event: 'fault',
        path,
        error: oneLine(err instanceof Error ? `${err.name}: ${err.message}` : String(err)),
      });
    }
  }
  const logged = reply.log?.outcome;
  const outcome =
    reply.status < 400 ? (typeof logged === 'string' ? logged : 'ok') : reply.status < 500 ? 'refused' : 'error';
  ctx.metrics.request(endpoint, outcome);
  if (endpoint === API.countersign && code && (reply.status < 500 || code === 'overloaded')) ctx.metrics.refusal(code);
  const headers: Record<string, string> = {
    'content-type': reply.contentType,
    // What can never change (an entry, a proof between fixed sizes) is cacheable for good;
    // everything else (checkpoint, health, metrics, countersign answers, refusals) never.
    'cache-control':
      reply.status !== 200
        ? 'no-store'
        : (reply.cacheControl ?? (reply.immutable ? 'public, max-age=31536000, immutable' : 'no-store')),
    'x-content-type-options': 'nosniff',
  };
  if (reply.status === 413) headers.connection = 'close';
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  try {
    res.writeHead(reply.status, headers);
    res.end(reply.body);
  } catch {
    // The client went away; the outcome (and any append) stands, and is logged below.
  }
  requestLog({
    time: new Date().toISOString(),
    method: req.method,
    path: path.slice(0, 200),
    status: reply.status,
    ...(code ? { code } : {}),
    ms: Math.round((performance.now() - started) * 10) / 10,
    remote: req.socket.remoteAddress,
    ...(reply.log ?? {}),
  });
}
