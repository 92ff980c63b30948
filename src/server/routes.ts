// The service's HTTP routes (docs/service.md §API). Reads are cheap and lock-free (the tree
// is in memory); the one write, POST /v1/countersign, goes through the Countersigner.
import type { IncomingMessage } from 'node:http';
import { sha256Hex } from '../lib/basics/crypto/sha256.ts';
import { verifierKey } from '../lib/checks/log/note.ts';
import {
  API,
  MAX_ENTRIES_PER_PAGE,
  MAX_REQUEST_BYTES,
  type EntriesResponse,
  type KeyResponse,
} from '../lib/formats/service/api.ts';
import type { Countersigner } from './countersigner.ts';
import type { Metrics } from './metrics.ts';
import type { RateLimiter } from './rate-limit.ts';
import { Refusal } from './refusal.ts';
import { TILES_CHECKPOINT, tileReply } from './tiles.ts';
import type { TransparencyLog } from './transparency-log.ts';
import type { Witnessing } from './witnessing.ts';
import type { Verifiers } from './workers/verifiers.ts';

export interface Reply {
  status: number;
  contentType: string;
  body: string | Uint8Array;
  /** Fields for the request log line (never bodies, headers or key material). */
  log?: Record<string, unknown>;
  /** The answer can never change (a log entry, a proof between fixed sizes): cacheable for good. */
  immutable?: boolean;
  /** An explicit Cache-Control for a 200 (the tiles API); overrides `immutable`. */
  cacheControl?: string;
}

export interface RouteContext {
  countersigner: Countersigner;
  log: TransparencyLog;
  metrics: Metrics;
  key: KeyResponse;
  verifiers: Verifiers;
  limiter: RateLimiter;
  /** The header naming the client for the rate limit (lower case); undefined: the remote address. */
  clientHeader?: string | undefined;
  /** Witness cosigning (serve --witness); undefined: none configured. */
  witnessing?: Witnessing | undefined;
}

const json = (status: number, value: unknown, log?: Record<string, unknown>): Reply => ({
  status,
  contentType: 'application/json',
  body: `${JSON.stringify(value)}\n`,
  ...(log ? { log } : {}),
});

export function keyDescription(
  log: TransparencyLog,
  logPublicKeyPem: string,
  countersignerKeyId: string,
  countersignerPublicKeyPem: string,
): KeyResponse {
  return {
    origin: log.origin,
    verifierKey: verifierKey(log.origin, log.signer.rawPublicKey),
    logPublicKey: logPublicKeyPem,
    countersignerKeyId,
    countersignerPublicKey: countersignerPublicKeyPem,
  };
}

export async function route(req: IncomingMessage, url: URL, ctx: RouteContext): Promise<Reply> {
  const { log } = ctx;
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const only = (m: string) => {
    if (method !== m) throw new Refusal(405, 'method-not-allowed', `${path} accepts ${m} only, found ${method}`);
  };
  // Several instances on one shared log: a read of the log first takes in what the others
  // appended (a no-op on a single-node log), so no instance answers behind a checkpoint
  // another one handed out.
  if (method === 'GET' && path !== API.health && path !== API.metrics && path !== API.key) await log.catchUp();
  switch (path) {
    case API.countersign: {
      only('POST');
      // Per-client limit first: an over-limit client costs a token-bucket look-up (and the
      // body, drained so that the answer is read, not reset).
      const wait = ctx.limiter.take(clientOf(req, ctx.clientHeader));
      if (wait !== undefined) {
        await readBody(req, MAX_REQUEST_BYTES).catch(() => undefined);
        throw new Refusal(429, 'rate-limited', `too many requests from this client; retry in ${wait} s`, wait);
      }
      const [contentType = ''] = (req.headers['content-type'] ?? '').split(';');
      const type = contentType.trim().toLowerCase();
      if (type !== 'application/json')
        throw new Refusal(
          415,
          'unsupported-media-type',
          `expected Content-Type application/json, found ${JSON.stringify(type || 'none')}`,
        );
      const body = await readBody(req, MAX_REQUEST_BYTES);
      const outcome = await ctx.countersigner.countersign(body);
      ctx.metrics.signingLatency(outcome.signingMs / 1000);
      // With witnesses: the proof against the cosigned checkpoint (bounded wait, witnessing.ts).
      if (ctx.witnessing)
        outcome.response = {
          ...outcome.response,
          countersignature: await ctx.witnessing.withCosignatures(outcome.response.countersignature),
        };
      return json(200, outcome.response, {
        outcome: outcome.response.replayed ? 'replayed' : 'countersigned',
        stream: outcome.stream,
        version: outcome.version,
        logIndex: outcome.logIndex,
        bodySha256: sha256Hex(body),
        stage: outcome.stage,
      });
    }
    case API.checkpoint:
    case TILES_CHECKPOINT:
      only('GET');
      // The latest checkpoint with the witnesses' cosignatures once they arrived (tlog-tiles:
      // mutable, never cached).
      return {
        status: 200,
        contentType: 'text/plain; charset=utf-8',
        body: ctx.witnessing?.checkpoint() ?? log.checkpoint,
      };
    case API.entries: {
      only('GET');
      const start = integerParam(url, 'start');
      const asked = integerParam(url, 'end', start + MAX_ENTRIES_PER_PAGE);
      const end = Math.min(asked, start + MAX_ENTRIES_PER_PAGE, log.size);
      if (start > log.size) throw new Refusal(400, 'bad-range', `start ${start} is beyond the log size ${log.size}`);
      const entries =
        end <= start
          ? []
          : log.store.entries(start, end).map((e) => ({
              index: e.index,
              statement: b64(e.statement),
              signature: b64(e.signature),
              certificate: b64(e.certificate),
            }));
      // A page with an explicit end that was served whole never changes (entries are never rewritten).
      return {
        ...json(200, { entries } satisfies EntriesResponse),
        immutable: url.searchParams.has('end') && end === asked,
      };
    }
    case API.inclusion: {
      only('GET');
      const index = integerParam(url, 'index');
      const size = integerParam(url, 'size', log.size);
      if (size > log.size || index >= size)
        throw new Refusal(400, 'bad-range', `expected index < size <= ${log.size}, found index ${index}, size ${size}`);
      // For a size given explicitly the proof is fixed; without one it follows the log's size.
      return {
        ...json(200, { index, treeSize: size, hashes: log.inclusionProof(index, size).map(b64) }),
        immutable: url.searchParams.has('size'),
      };
    }
    case API.consistency: {
      only('GET');
      const from = integerParam(url, 'from');
      const to = integerParam(url, 'to', log.size);
      if (to > log.size || from > to)
        throw new Refusal(400, 'bad-range', `expected from <= to <= ${log.size}, found from ${from}, to ${to}`);
      return {
        ...json(200, { from, to, hashes: log.consistencyProof(from, to).map(b64) }),
        immutable: url.searchParams.has('to'),
      };
    }
    case API.key:
      only('GET');
      return json(200, ctx.key);
    case API.health:
      only('GET');
      return json(200, { status: 'ok', origin: log.origin, treeSize: log.size });
    case API.metrics:
      only('GET');
      return {
        status: 200,
        contentType: 'text/plain; version=0.0.4',
        body: ctx.metrics.render({
          logSize: log.size,
          queued: ctx.verifiers.queued,
          verifying: ctx.verifiers.running,
          signing: ctx.countersigner.signing,
          workers: ctx.verifiers.workers,
          workerCrashes: ctx.verifiers.crashes,
        }),
      };
    default:
      if (path.startsWith('/tile/')) {
        only('GET');
        return tileReply(path, log);
      }
      throw new Refusal(404, 'not-found', `no such endpoint ${path.slice(0, 100)}`);
  }
}

const DRAIN_FACTOR = 8;

/** Who the rate limit counts a request against: the configured header's value, else the remote address. */
function clientOf(req: IncomingMessage, header: string | undefined): string {
  if (header !== undefined) {
    const value = req.headers[header];
    const first = Array.isArray(value) ? value[0] : value;
    if (first) return `h:${first.slice(0, 256)}`;
  }
  return `a:${req.socket.remoteAddress ?? 'unknown'}`;
}

function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

function integerParam(url: URL, name: string, fallback?: number): number {
  const value = url.searchParams.get(name);
  if (value === null) {
    if (fallback !== undefined) return fallback;
    throw new Refusal(400, 'bad-request', `missing query parameter ${name}`);
  }
  if (!/^(0|[1-9][0-9]{0,15})$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new Refusal(
      400,
      'bad-request',
      `query parameter ${name}: expected a non-negative integer, found ${JSON.stringify(value.slice(0, 20))}`,
    );
  return Number(value);
}

/** Reads the body up to `max` bytes; a larger one is refused with 413 without reading the rest. */
async function readBody(req: IncomingMessage, max: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > max * DRAIN_FACTOR)
    throw new Refusal(413, 'too-large', `request body of ${declared} bytes is over the limit of ${max} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      // Past the cap, keep draining (and dropping) a while so that the client reads the 413
      // instead of a reset connection; a body far beyond it is cut off.
      if (size > max * DRAIN_FACTOR) break;
      if (size <= max) chunks.push(chunk);
    }
  } catch {
    throw new Refusal(400, 'bad-request', 'the request body was cut off before its end');
  }
  if (size > max) throw new Refusal(413, 'too-large', `request body is over the limit of ${max} bytes`);
  return new Uint8Array(Buffer.concat(chunks));
}
