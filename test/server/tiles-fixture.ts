// Shared by the tiles API tests (test/server/tiles*.test.ts, test/lib/flows/audit/audit-tiles.test.ts):
// fills a service's data directory with real countersignature entries (signed with B's key,
// so the service serves them) through the log's own append, without a Sigstore round trip per
// entry; and a loopback proxy that can change what the service answers (a log whose tiles
// disagree with its checkpoint).
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ed25519PublicKeyOf } from '../../src/lib/basics/crypto/ed25519.ts';
import { seedSigner } from '../../src/lib/basics/crypto/signer.ts';
import { LogStore } from '../../src/server/store.ts';
import { TransparencyLog } from '../../src/server/transparency-log.ts';
import type { Flow } from '../../tools/flow.ts';
import { ORIGIN, type ServiceFiles } from '../helpers/service.ts';
import { type Keys, makeEntry } from './storage-fixture.ts';

/** Appends `count` entries of `stream` (versions from `firstVersion`) to the service's log, in batches. */
export async function fillLog(
  flow: Flow,
  svc: ServiceFiles,
  count: number,
  options: { stream?: string; firstVersion?: number; batch?: number } = {},
): Promise<void> {
  const logPublic = ed25519PublicKeyOf(svc.logKey.seed);
  const csPublicKey = ed25519PublicKeyOf(flow.keys.b.seed);
  const keys: Keys = {
    logSeed: svc.logKey.seed,
    logSigner: { name: ORIGIN, rawPublicKey: logPublic, signer: seedSigner(svc.logKey.seed, svc.logKey.keyId) },
    csSeed: flow.keys.b.seed,
    csPublicKey,
    csKeyId: flow.keys.b.keyId,
  };
  const store = await LogStore.open(join(svc.dir, 'data'));
  try {
    const log = await TransparencyLog.open(store, keys.logSigner, { countersignerKeys: [csPublicKey] });
    const stream = options.stream ?? 'acme/app:stable';
    const first = options.firstVersion ?? 1;
    const batch = options.batch ?? 100;
    for (let done = 0; done < count;) {
      const n = Math.min(batch, count - done);
      const appends = [];
      for (let i = 0; i < n; i++) appends.push(log.append(makeEntry(keys, stream, first + done + i)));
      await Promise.all(appends);
      done += n;
    }
  } finally {
    store.close();
  }
}

export interface Proxy {
  url: string;
  close(): Promise<void>;
}

/** A loopback proxy to `target`; `change(path, body)` may return other bytes for an answer. */
export async function startProxy(
  target: string,
  change: (path: string, body: Uint8Array) => Uint8Array | undefined,
): Promise<Proxy> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    fetch(`${target}${path}`, { method: req.method ?? 'GET' })
      .then(async (answer) => {
        const body = new Uint8Array(await answer.arrayBuffer());
        const out = answer.status === 200 ? (change(path, body) ?? body) : body;
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
        res.end(out);
      })
      .catch(() => {
        res.destroy();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** `bytes` with one bit of byte `at` flipped. */
export function flipByte(bytes: Uint8Array, at: number): Uint8Array {
  const out = new Uint8Array(bytes);
  out[at] = (out[at] ?? 0) ^ 1;
  return out;
}
