// A minimal HTTP server for the local stack: bound to 127.0.0.1 on an ephemeral port, with a
// body-size cap, JSON error bodies in the shape the real services use ({"code","message"},
// which @sigstore/sign turns into its error message), and a close() that also drops
// keep-alive connections so that a test run never hangs on an idle socket.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Requests larger than this are refused with 413 (the services only ever get small JSON). */
export const MAX_REQUEST_BYTES = 1024 * 1024;

export interface Reply {
  status: number;
  body: string | Uint8Array;
  contentType: string;
  headers?: Record<string, string>;
}

export interface Request {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export type Route = (request: Request) => Promise<Reply>;

export function json(status: number, value: unknown): Reply {
  return { status, body: JSON.stringify(value), contentType: 'application/json' };
}

/** An error reply shaped like the grpc-gateway / go-swagger errors of Fulcio and Rekor. */
export function jsonError(status: number, message: string): Reply {
  return json(status, { code: status, message });
}

export class LoopbackServer {
  readonly url: string;
  /** Requests received so far (tests: "this service was never asked"). */
  requests = 0;
  private readonly server: Server;
  private route: Route | undefined;

  private constructor(server: Server, url: string) {
    this.server = server;
    this.url = url;
  }

  /** Listens first, so that a service can be built knowing its own URL (Rekor's checkpoint origin). */
  static async listen(): Promise<LoopbackServer> {
    // Idle keep-alive connections are closed by the client, never by this server: with Node's
    // default (5 s), a client reusing a socket just as the server closes it gets ECONNRESET
    // (seen under load in the test suites, mid-signing). Clients drop idle sockets within seconds.
    const server = createServer({ keepAliveTimeout: 65_000, headersTimeout: 66_000 });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        resolve();
      });
    });
    const { port } = server.address() as AddressInfo;
    const instance = new LoopbackServer(server, `http://127.0.0.1:${port}`);
    server.on('request', (req, res) => void instance.dispatch(req, res));
    return instance;
  }

  serve(route: Route): void {
    this.route = route;
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
    this.server.closeAllConnections();
    await closed;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests += 1;
    let reply: Reply;
    try {
      const body = await readBody(req);
      if (body === undefined) {
        reply = jsonError(413, `request body over the limit of ${MAX_REQUEST_BYTES} bytes`);
      } else if (!this.route) {
        reply = jsonError(503, 'service not ready');
      } else {
        reply = await this.route({
          method: req.method ?? 'GET',
          url: new URL(req.url ?? '/', this.url),
          headers: req.headers,
          body,
        });
      }
    } catch (err) {
      reply = jsonError(500, `internal error: ${err instanceof Error ? err.message : String(err)}`);
    }
    res.writeHead(reply.status, { 'content-type': reply.contentType, ...reply.headers });
    res.end(reply.body);
  }
}

/**
 * Reads the whole body, or returns undefined when it is over the cap. Past the cap the rest is
 * drained without being kept (memory stays bounded) so that the 413 reply can still be sent.
 */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
  }
  return size > MAX_REQUEST_BYTES ? undefined : Buffer.concat(chunks);
}
