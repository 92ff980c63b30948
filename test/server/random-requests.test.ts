// Issue 15 "no request can crash the server": random request lines, headers and bodies
// (fast-check, fixed seed; FUZZ_SEED/FUZZ_SCALE as in test/fuzz/budget.ts) sent over raw TCP
// sockets to a real `countersign serve` process, the request lines of F1 among them. Each
// request must get an HTTP answer or a closed connection within its time, the process must
// stay up, and afterwards it must still answer /healthz and countersign a valid primary.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { requestCountersignature } from '../../src/lib/flows/countersign/service-client.ts';
import { type Flow, startFlow } from '../../tools/flow.ts';
import { budget } from '../fuzz/budget.ts';
import { type RunningServe, type ServiceFiles, setUpService } from '../helpers/service.ts';

const F1_LINES = [
  'GET //[ HTTP/1.1',
  'GET http://[ HTTP/1.1',
  'GET http://a:99999/ HTTP/1.1',
  'GET //a:70000/ HTTP/1.1',
  'POST http://a:b@[::1 HTTP/1.1',
  'HEAD //[ HTTP/1.0',
];
const PATHS = [
  '/v1/countersign',
  '/healthz',
  '/metrics',
  '/v1/log/checkpoint',
  '/v1/log/entries?start=0&end=3',
  '/v1/log/proof/inclusion?index=0&size=1',
  '/v1/log/proof/consistency?from=0&to=1',
  '/v1/log/key',
  '/v1/%2e%2e/metrics',
  '//[',
  'http://[',
  '*',
  '',
];

let flow: Flow;
let svc: ServiceFiles;
let server: RunningServe;
before(async () => {
  flow = await startFlow();
  svc = await setUpService(flow, { streams: ['random/app:stable'] });
  server = await svc.start({
    args: [
      '--key',
      join(svc.dir, 'b.key'),
      '--log-key',
      join(svc.dir, 'b-log.key'),
      '--policy',
      svc.policyFile,
      '--data',
      svc.dataDir,
      '--listen',
      '127.0.0.1:0',
      '--rate-limit',
      '0',
    ],
  });
});
after(async () => {
  await server?.stop();
  await flow?.close();
});

/** Sends raw bytes; resolves with what came back (maybe nothing) once the server answers and closes, or after `ms`. */
function raw(url: string, bytes: Uint8Array, ms = 3000): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let data = '';
    const socket = connect(Number(port), hostname, () => {
      socket.end(bytes);
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(data);
    }, ms);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // A reset after the server refused garbage is an answer too; a refused connection is not.
      if (err.code === 'ECONNREFUSED') {
        clearTimeout(timer);
        reject(err);
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(data);
    });
  });
}

const token = fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}$/);
const method = fc.oneof(fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE'), token);
const target = fc.oneof(
  fc.constantFrom(...PATHS),
  fc.string({ maxLength: 60 }).map((s) => `/${s}`),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.webUrl(),
);
const version = fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 extra', '', 'http/1.1');
const header = fc.oneof(
  fc.tuple(token, fc.string({ maxLength: 40 })).map(([k, v]) => `${k}: ${v}`),
  fc.constantFrom(
    'Content-Type: application/json',
    'Content-Length: 5',
    'Content-Length: -1',
    'Content-Length: 99999999999999999999',
    'Transfer-Encoding: chunked',
    'Transfer-Encoding: chunked, identity',
    'Host: x',
    'Host:',
    'Expect: 100-continue',
    'Connection: close',
    'Connection: keep-alive',
    'Content-Type: application/json; charset=utf-8',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const body = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc.constantFrom('0\r\n\r\n', '5\r\nhello\r\n0\r\n\r\n', 'zz\r\n', '{"mediaType": '),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
);
const request = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(method, target, version, fc.array(header, { maxLength: 6 }), body) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...F1_LINES), fc.array(header, { maxLength: 3 }), body) },
);

test('random request lines, headers and bodies never stop the service; it still answers /healthz and countersigns', async () => {
  await fc.assert(
    fc.asyncProperty(request, async (r) => {
      const text =
        r.length === 5
          ? `${r[0]} ${r[1]} ${r[2]}\r\n${r[3].join('\r\n')}\r\n\r\n${r[4]}`
          : `${r[0]}\r\n${r[1].join('\r\n')}\r\n\r\n${r[2]}`;
      const answer = await raw(server.url, Buffer.from(text, 'latin1'));
      // Either nothing (the server waits for more, or drops the connection) or an HTTP answer.
      if (answer !== '') assert.match(answer, /^HTTP\/1\.[01] \d{3} /, JSON.stringify(answer.slice(0, 80)));
      if (answer.startsWith('HTTP/1.1 5') || answer.startsWith('HTTP/1.0 5'))
        assert.fail(`server fault for ${JSON.stringify(text.slice(0, 120))}: ${answer.slice(0, 200)}`);
      assert.equal(server.proc.exitCode, null, 'the process is still running');
    }),
    budget(150),
  );
  for (const line of F1_LINES) {
    const answer = await raw(server.url, Buffer.from(`${line}\r\nHost: x\r\n\r\n`, 'latin1'));
    assert.match(answer, /^HTTP\/1\.[01] 400 /, line);
  }
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  const primary = await flow.sign(flow.statement({ stream: 'random/app:stable', version: 1 }));
  const out = await requestCountersignature(server.url, primary, { retries: 0 });
  assert.ok(out.byteLength > 0);
  assert.equal(server.proc.exitCode, null);
});
