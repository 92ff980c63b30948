// Issue 15 F1: one request line once ended the service (the request target was parsed outside
// the handler's error handling). Each of the reported lines is sent over a raw TCP socket to a
// real `countersign serve` process; each must get a 400 (or Node's own 400 for what its parser
// refuses), and the process must keep answering /healthz afterwards.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { requestUrl } from '../../src/server/service.ts';
import { type Flow, startFlow } from '../../tools/flow.ts';
import { type RunningServe, type ServiceFiles, setUpService } from '../helpers/service.ts';

const LINES = [
  'GET //[ HTTP/1.1',
  'GET http://[ HTTP/1.1',
  'GET http://a:99999/ HTTP/1.1',
  'GET //a:70000/ HTTP/1.1',
  'POST http://a:b@[::1 HTTP/1.1',
  'HEAD //[ HTTP/1.0',
  'GET * HTTP/1.1',
  'GET healthz HTTP/1.1',
];

let flow: Flow;
let svc: ServiceFiles;
let server: RunningServe;
before(async () => {
  flow = await startFlow();
  svc = await setUpService(flow, { streams: ['target/app:stable'] });
  server = await svc.start();
});
after(async () => {
  await server.stop();
  await flow.close();
});

/** Sends one raw request and returns the status line of the answer ('' if the socket closed without one). */
function raw(url: string, requestLine: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.end(`${requestLine}\r\nHost: x\r\nContent-Length: 0\r\n\r\n`);
    });
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      resolve(data.split('\r\n')[0] ?? '');
    });
  });
}

test('F1 (issue 15) request lines that once ended the process get a 400, and the service keeps answering', async () => {
  for (const line of LINES) {
    const status = await raw(server.url, line);
    assert.match(status, /^HTTP\/1\.[01] 400 /, `${line}: ${status}`);
    const health = await fetch(`${server.url}/healthz`);
    assert.equal(health.status, 200, `after ${line}`);
  }
});

test('F12 (issue 15) a path that URL parsing would normalise is not found, never served as another path', async () => {
  // Raw sockets: fetch() would normalise these paths itself before sending them.
  for (const path of ['/v1/%2e%2e/metrics', '/v1/../metrics', '/v1/./log/checkpoint', '/v1/log/%2E/checkpoint']) {
    const status = await raw(server.url, `GET ${path} HTTP/1.1`);
    assert.match(status, /^HTTP\/1\.1 404 /, `${path}: ${status}`);
  }
  assert.equal((await fetch(`${server.url}/metrics`)).status, 200);
});

test('F1 (issue 15) requestUrl reads only origin-form paths, and never throws', () => {
  assert.equal(requestUrl('/healthz')?.pathname, '/healthz');
  assert.equal(requestUrl('/v1/log/entries?start=0&end=2')?.searchParams.get('end'), '2');
  for (const target of [
    undefined,
    '',
    '*',
    'healthz',
    '//[',
    '//a:70000/',
    'http://[',
    'http://a:99999/',
    'http://a/',
  ]) {
    assert.equal(requestUrl(target), undefined, String(target));
  }
});
