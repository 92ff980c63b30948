// Preload for the offline test (test/attacks/offline.test.ts): `node --import ./offline-guard.ts ...`.
// Every way a Node process can reach the network (TCP and TLS sockets, HTTP(S) requests,
// fetch, DNS lookups, UDP sockets, including to 127.0.0.1) is replaced by a function that
// records the attempt in the file named by OFFLINE_GUARD_LOG and throws, so that verification
// either never tries, or fails loudly and leaves a record.
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

const log = process.env.OFFLINE_GUARD_LOG;

function blocked(what: string): never {
  if (log) appendFileSync(log, `${what}\n`);
  throw new Error(`offline guard: ${what} attempted`);
}

const patch = (target: object, name: string, label: string) => {
  Object.defineProperty(target, name, {
    configurable: true,
    writable: true,
    value: (...args: unknown[]) => blocked(`${label}(${JSON.stringify(args[0])?.slice(0, 200) ?? ''})`),
  });
};

patch(net.Socket.prototype, 'connect', 'net.Socket.connect');
patch(net, 'connect', 'net.connect');
patch(net, 'createConnection', 'net.createConnection');
patch(tls, 'connect', 'tls.connect');
for (const name of ['request', 'get']) {
  patch(http, name, `http.${name}`);
  patch(https, name, `https.${name}`);
}
for (const name of [
  'lookup',
  'lookupService',
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveTxt',
  'resolveSrv',
  'reverse',
]) {
  patch(dns, name, `dns.${name}`);
  patch(dns.promises, name, `dns.promises.${name}`);
}
patch(dgram, 'createSocket', 'dgram.createSocket');
patch(globalThis, 'fetch', 'fetch');
syncBuiltinESMExports();
