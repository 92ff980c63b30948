// The service client's HTTP behaviour (src/lib/basics/net/http.ts, src/lib/flows/countersign/service-client.ts) against small
// fake servers on loopback: retries with backoff on 5xx and connection errors, no retry on
// 4xx, the timeout, the response cap, and no token in any message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  requestCountersignature,
  ServiceRefusedError,
  ServiceUnavailableError,
} from '../../../../src/lib/flows/countersign/service-client.ts';
import { InputError } from '../../../../src/lib/basics/errors/errors.ts';

const PRIMARY = new TextEncoder().encode(
  JSON.stringify({
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {},
    dsseEnvelope: {
      payload: 'e30=',
      payloadType: 'application/vnd.in-toto+json',
      signatures: [{ sig: 'AAAA', keyid: '' }],
    },
  }),
);
const TOKEN = 'secret-token-do-not-print';

async function fake(
  handler: (req: IncomingMessage, res: ServerResponse, n: number) => void,
): Promise<{ url: string; count: () => number; auth: string[]; close: () => Promise<void> }> {
  let n = 0;
  const auth: string[] = [];
  const server = createServer((req, res) => {
    n += 1;
    auth.push(req.headers.authorization ?? '');
    req.resume();
    req.on('end', () => handler(req, res, n));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    count: () => n,
    auth,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const reply = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

test('5xx is retried with backoff, then a 4xx refusal ends it with the service code and message', async () => {
  const s = await fake((_req, res, n) =>
    n <= 2
      ? reply(res, 503, { code: 'overloaded', message: 'busy' })
      : reply(res, 422, { code: 'primary-identity', message: 'wrong\nworkflow' }),
  );
  try {
    await assert.rejects(
      requestCountersignature(s.url, PRIMARY, { retries: 5, backoffMs: 10, token: TOKEN }),
      (err: unknown) => {
        assert.ok(err instanceof ServiceRefusedError);
        assert.equal(err.code, 'primary-identity');
        assert.ok(!err.message.includes('\n') && !err.message.includes(TOKEN));
        return true;
      },
    );
    assert.equal(s.count(), 3);
    assert.deepEqual(s.auth, [`Bearer ${TOKEN}`, `Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  } finally {
    await s.close();
  }
});

test("a refusal without a JSON body, or with a code this client does not know, is service-refused with the service's word in the message", async () => {
  const cases: [number, string, RegExp][] = [
    [404, 'Not Found', /the service refused \(HTTP 404\): no reason given$/],
    [
      418,
      JSON.stringify({ code: 'teapot-refusal', message: 'short and stout' }),
      /the service refused \(HTTP 418 teapot-refusal\): short and stout$/,
    ],
  ];
  for (const [status, body, message] of cases) {
    const s = await fake((_req, res) => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(body);
    });
    try {
      await assert.rejects(requestCountersignature(s.url, PRIMARY, { retries: 0 }), (err: unknown) => {
        assert.ok(err instanceof ServiceRefusedError);
        assert.deepEqual([err.code, err.status], ['service-refused', status]);
        assert.match(err.message, message);
        return true;
      });
    } finally {
      await s.close();
    }
  }
});

test('exhausted retries, connection refused, a timeout and an oversized answer are clear errors', async () => {
  const s = await fake((_req, res) => reply(res, 500, { code: 'internal-error', message: 'oops' }));
  await assert.rejects(requestCountersignature(s.url, PRIMARY, { retries: 2, backoffMs: 5 }), (err: unknown) => {
    assert.ok(err instanceof ServiceUnavailableError);
    assert.match(err.message, /after 3 attempt\(s\): HTTP 500 internal-error: oops/);
    return true;
  });
  assert.equal(s.count(), 3);
  await s.close();
  await assert.rejects(requestCountersignature(s.url, PRIMARY, { retries: 1, backoffMs: 5 }), /connection failed/);

  const silent = await fake(() => {});
  await assert.rejects(
    requestCountersignature(silent.url, PRIMARY, { retries: 0, timeoutMs: 200 }),
    /no answer within 200 ms/,
  );
  await silent.close();

  const huge = await fake((_req, res) => reply(res, 200, { countersignature: 'x'.repeat(300 * 1024) }));
  await assert.rejects(
    requestCountersignature(huge.url, PRIMARY, { retries: 0 }),
    (err: unknown) => err instanceof InputError && err.code === 'service-response-too-large',
  );
  await huge.close();

  const wrong = await fake((_req, res) => reply(res, 200, { countersignature: { keyId: 'nope' } }));
  await assert.rejects(
    requestCountersignature(wrong.url, PRIMARY, { retries: 0 }),
    (err: unknown) => err instanceof InputError && err.code === 'service-bad-response',
  );
  await wrong.close();
});

test('bad URLs and bundles are refused before any request', async () => {
  await assert.rejects(requestCountersignature('ftp://127.0.0.1/', PRIMARY), { code: 'bad-service-url' });
  await assert.rejects(requestCountersignature('http://user:pw@127.0.0.1/', PRIMARY), { code: 'bad-service-url' });
  // The one service-URL rule (basics/net/url.ts), as for the action's countersign-url: plain http to loopback only.
  await assert.rejects(requestCountersignature('http://remote.example/', PRIMARY), {
    code: 'bad-service-url',
    message: /expected an https URL \(plain http only to a loopback address\), found http:\/\/remote\.example/,
  });
  await assert.rejects(requestCountersignature('http://127.0.0.1:1/', new TextEncoder().encode('{')), {
    code: 'malformed-json',
  });
});
