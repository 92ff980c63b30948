// HTTP to a countersigning service, for the clients (requestCountersignature, audit): a
// timeout per attempt, retries with exponential backoff and jitter on connection errors,
// timeouts, 429 and 5xx (never on other 4xx: a refusal does not change by asking again),
// a cap on the response size, no redirects. Never puts a token or a body in a message.
import { InputError, VerificationError } from '../errors/errors.ts';
import { checkServiceUrl } from './url.ts';
import { type ErrorCode, carried, isErrorCode } from '../errors/codes.ts';

export interface HttpOptions {
  /** Per attempt (default 30 s). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** First backoff delay; doubles each retry, with jitter (default 500 ms). */
  backoffMs?: number;
  /** Largest response body read (default 1 MiB). */
  maxResponseBytes?: number;
  /** Sent as `Authorization: Bearer` (for a proxy in front of the service); never logged. */
  token?: string;
}

export interface HttpResponse {
  status: number;
  contentType: string;
  body: Uint8Array;
}

/**
 * The service refused the request (4xx): its code (when it is one of ours, else
 * `service-refused`) and message, one line. Not retried.
 */
export class ServiceRefusedError extends VerificationError {
  readonly status: number;
  constructor(status: number, code: ErrorCode, message: string) {
    super(carried(code), message);
    this.name = 'ServiceRefusedError';
    this.status = status;
  }
}

/** The service could not be reached or kept failing (5xx, timeouts) after every retry. */
export class ServiceUnavailableError extends InputError {
  constructor(message: string) {
    super('service-unavailable', message);
    this.name = 'ServiceUnavailableError';
  }
}

const DEFAULTS = { timeoutMs: 30_000, retries: 3, backoffMs: 500, maxResponseBytes: 1024 * 1024 };
const MAX_BACKOFF_MS = 30_000;

/**
 * A service base URL, by the one service-URL rule (url.ts: https, or plain http to a loopback
 * address only, no credentials, query or fragment), as a URL without a trailing slash.
 */
export function serviceBaseUrl(url: string): URL {
  const u = new URL(checkServiceUrl(url, 'service URL'));
  u.pathname = u.pathname.replace(/\/+$/, '');
  return u;
}

/** `base` + `path` (path starts with '/'), keeping a base path prefix (a service behind a proxy path). */
export function endpoint(base: URL, path: string, query?: Record<string, string | number>): URL {
  const u = new URL(base.href);
  u.pathname = `${base.pathname.replace(/\/+$/, '')}${path}`;
  for (const [k, v] of Object.entries(query ?? {})) u.searchParams.set(k, String(v));
  return u;
}

/**
 * One request with retries. Returns any 2xx; throws ServiceRefusedError on other 4xx (with the
 * service's code and message) and ServiceUnavailableError when every attempt failed.
 */
export async function serviceRequest(
  url: URL,
  init: { method: 'GET' | 'POST'; body?: Uint8Array; contentType?: string },
  options: HttpOptions = {},
): Promise<HttpResponse> {
  const o = { ...DEFAULTS, ...definedOnly(options) };
  const where = `${url.origin}${url.pathname}`;
  let lastProblem = 'no attempt made';
  for (let attempt = 0; attempt <= o.retries; attempt += 1) {
    let retryAfterMs: number | undefined;
    try {
      const headers: Record<string, string> = { accept: 'application/json, text/plain' };
      if (init.contentType) headers['content-type'] = init.contentType;
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const res = await fetch(url, {
        method: init.method,
        headers,
        ...(init.body ? { body: new Uint8Array(init.body) } : {}),
        redirect: 'error',
        signal: AbortSignal.timeout(o.timeoutMs),
      });
      const body = await readCappedBody(
        res,
        o.maxResponseBytes,
        (declared) =>
          new InputError(
            'service-response-too-large',
            `${where}: response ${declared === undefined ? 'is' : `of ${declared} bytes is`} over the limit of ${o.maxResponseBytes} bytes`,
          ),
      );
      const contentType = res.headers.get('content-type') ?? '';
      if (res.status >= 200 && res.status < 300) return { status: res.status, contentType, body };
      const reason = errorBody(body);
      if (res.status >= 400 && res.status < 500 && res.status !== 429) {
        // A code from the network is kept only when it is one we know (it names a check, a
        // refusal); any other answer is `service-refused`, with the service's word in the message.
        const remote = reason?.code;
        throw new ServiceRefusedError(
          res.status,
          isErrorCode(remote) ? remote : 'service-refused',
          `${where}: the service refused (HTTP ${res.status}${reason ? ` ${reason.code}` : ''}): ${reason?.message ?? 'no reason given'}`,
        );
      }
      lastProblem = `HTTP ${res.status}${reason ? ` ${reason.code}: ${reason.message}` : ''}`;
      const retryAfter = Number(res.headers.get('retry-after'));
      if (Number.isFinite(retryAfter) && retryAfter >= 0) retryAfterMs = Math.min(retryAfter * 1000, MAX_BACKOFF_MS);
    } catch (err) {
      if (err instanceof ServiceRefusedError || err instanceof InputError) throw err;
      lastProblem = describeFetchError(err, o.timeoutMs);
    }
    if (attempt < o.retries) {
      const backoff = Math.min(o.backoffMs * 2 ** attempt, MAX_BACKOFF_MS);
      await sleep(retryAfterMs ?? backoff / 2 + Math.random() * (backoff / 2));
    }
  }
  throw new ServiceUnavailableError(
    `${where}: the countersigning service did not answer after ${o.retries + 1} attempt(s): ${lastProblem}`,
  );
}

/**
 * The one capped reader of an HTTP response body (the service client, the audit, the OIDC
 * token request): a declared content-length over `max` is refused unread, and the body is read
 * chunk by chunk, never buffering more than `max` bytes. `tooLarge` builds the error, with the
 * declared size when that is what gave it away.
 */
export async function readCappedBody(
  res: Response,
  max: number,
  tooLarge: (declared?: number) => Error,
): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => {});
    throw tooLarge(declared);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** The service's {code, message}, sanitised to one printable line; undefined if the body is not one. */
function errorBody(body: Uint8Array): ErrorBody | undefined {
  try {
    const v = JSON.parse(new TextDecoder().decode(body.subarray(0, 16 * 1024))) as Partial<ErrorBody>;
    if (typeof v.code !== 'string' || typeof v.message !== 'string') return undefined;
    const clean = (s: string, max: number) => s.replace(/\p{Cc}+/gu, ' ').slice(0, max);
    return { code: clean(v.code, 100), message: clean(v.message, 1000) };
  } catch {
    return undefined;
  }
}

function describeFetchError(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } } | null | undefined;
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = e?.cause?.code ?? e?.cause?.message;
  return `connection failed (${cause ?? e?.message ?? String(err)})`;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Every refusal (4xx) and fault (5xx): a stable code and a one-line message. */
export interface ErrorBody {
  code: string;
  message: string;
}
