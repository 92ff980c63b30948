// The witness's HTTP interface (C2SP tlog-witness): `POST /add-checkpoint` and the monitor
// retrieval endpoint `GET /<hex SHA-256 of the origin>/checkpoint`. Plain HTTP, as the
// countersigning service: a TLS reverse proxy goes in front of it (docs/service.md). Bodies
// are capped before they are read in full, slow clients are timed out, and no request can
// end the process: a fault is a 500 and a line on the request log.
import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sha256Hex } from '../lib/basics/crypto/sha256.ts';
import { InputError } from '../lib/basics/errors/errors.ts';
import { MAX_ADD_CHECKPOINT_BYTES } from './request.ts';
import type { Witness, WitnessAnswer } from './witness.ts';

export interface WitnessServerOptions {
  witness: Witness;
  /** The origins it follows (for the monitor endpoint's hash lookup). */
  origins: readonly string[];
  host: string;
  port: number;
  requestLog?: (line: Record<string, unknown>) => void;
}

export interface RunningWitness {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const CHECKPOINT_PATH = /^\/([0-9a-f]{64})\/checkpoint$/;

export async function startWitnessServer(options: WitnessServerOptions): Promise<RunningWitness> {
  const byHash = new Map(options.origins.map((o) => [sha256Hex(o), o]));
  const server = createServer((req, res) => {
    const started = Date.now();
    handle(req, options.witness, byHash)
      .catch((): WitnessAnswer => ({
        status: 500,
        contentType: 'text/plain',
        body: 'internal error\n',
        outcome: 'internal error',
      }))
      .then((answer) => {
        options.requestLog?.({
          time: new Date().toISOString(),
          method: req.method,
          path: (req.url ?? '').slice(0, 200),
          status: answer.status,
          outcome: answer.outcome.slice(0, 200),
          ...(answer.origin !== undefined ? { origin: answer.origin } : {}),
          ...(answer.size !== undefined ? { size: answer.size } : {}),
          ms: Date.now() - started,
        });
        if (res.headersSent) return;
        res.writeHead(answer.status, {
          'content-type': answer.contentType,
          // A body refused unread must not be taken for the next request on this connection.
          ...(answer.status === 413 ? { connection: 'close' } : {}),
          'content-length': Buffer.byteLength(answer.body),
          'cache-control': 'no-store',
        });
        res.end(answer.body);
      })
      .catch(() => {
        res.destroy();
      });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => {
      reject(
        new InputError('listen-failed', `witness: cannot listen on ${options.host}:${options.port}: ${err.message}`),
      );
    });
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

async function handle(
  req: IncomingMessage,
  witness: Witness,
  byHash: ReadonlyMap<string, string>,
): Promise<WitnessAnswer> {
  const path = req.url ?? '';
  if (path === '/add-checkpoint') {
    if (req.method !== 'POST') return plain(405, 'use POST');
    const body = await readBody(req, MAX_ADD_CHECKPOINT_BYTES);
    if (!body) return plain(413, 'body too large');
    return witness.addCheckpoint(body);
  }
  const m = CHECKPOINT_PATH.exec(path);
  if (m?.[1]) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'use GET');
    const origin = byHash.get(m[1]);
    const checkpoint = origin === undefined ? undefined : witness.latest(origin);
    if (checkpoint === undefined) return plain(404, 'no checkpoint cosigned for this log');
    return {
      status: 200,
      contentType: 'text/plain; charset=utf-8',
      body: checkpoint,
      outcome: 'checkpoint',
      ...(origin ? { origin } : {}),
    };
  }
  return plain(404, 'not found');
}

/** The body, or undefined once it is over `max` bytes (declared or read). */
async function readBody(req: IncomingMessage, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > max) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > max) return undefined;
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function plain(status: WitnessAnswer['status'], why: string): WitnessAnswer {
  return { status, contentType: 'text/plain; charset=utf-8', body: `${why}\n`, outcome: why };
}
