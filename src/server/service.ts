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
import type { ErrorCode } from '../lib/basics/errors/codes.ts';
import type { NoteSigner } from '../lib/checks/log/note.ts';
import type { Policy } from '../lib/formats/policy/index.ts';
import { API } from '../lib/formats/service/api.ts';
import { trustMaterialOf } from '../lib/checks/sigstore/trusted-root.ts';
import { Countersigner } from './countersigner.ts';
import { Metrics } from './metrics.ts';
import { Refusal, oneLine, refusalOf } from './refusal.ts';
import { type Reply, type RouteContext, keyDescription, route } from './routes.ts';
import { LogStore } from './store.ts';
import { TransparencyLog } from './transparency-log.ts';

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
  trust?: TrustMaterial;
  /**
   * Unsafe opt-in (docs/service.md): countersign an authority rotation without a person, but only
   * one that keeps the service key's organisation (B) in control exactly as it is (its keys, log
   * requirement, the threshold, the other organisations' keys and the fallback set; only wider
   * validity windows of B's keys). Off: every rotation is refused with 403 rotation-needs-review.
   */
  unsafeAutoCountersignRotationsKeepingB?: boolean;
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
  let server: Server | undefined;
  try {
    const log = await TransparencyLog.open(store, options.logSigner);
    const trust = options.trust ?? trustMaterialOf(options.policy);
    const countersigner = new Countersigner({
      policy: options.policy,
      signer: options.signer,
      trust,
      log,
      ...(options.now ? { now: options.now } : {}),
      ...(options.unsafeAutoCountersignRotationsKeepingB ? { unsafeAutoCountersignRotationsKeepingB: true } : {}),
    });
    const ctx: RouteContext = {
      countersigner,
      log,
      metrics: new Metrics(),
      key: keyDescription(log, options.logPublicKeyPem, pinned.keyId, pinned.publicKey),
    };
    const requestLog = options.requestLog ?? (() => {});
    // Whatever a request does, it never ends the process: a fault past the handler's own error
    // handling (a broken log sink, say) only drops that connection.
    server = createServer((req, res) => {
      handle(req, res, ctx, requestLog).catch(() => {
        res.destroy();
      });
    });
    server.requestTimeout = 30_000;
    server.headersTimeout = 10_000;
    server.keepAliveTimeout = 5_000;
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
      s.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => {
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
        store.close();
      },
    };
  } catch (err) {
    server?.close();
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
  if (endpoint === API.countersign && code && reply.status < 500) ctx.metrics.refusal(code);
  const headers: Record<string, string> = {
    'content-type': reply.contentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (reply.status === 413) headers.connection = 'close';
  if (reply.status === 503) headers['retry-after'] = '1';
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
