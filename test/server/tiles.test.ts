// The C2SP tlog-tiles read API of the countersigning service (issue 16): a real `countersign
// serve` over a log of 700 real countersignatures plus one countersigned through the service,
// read by a monitor written here from the spec alone (its own path encoding, bundle parsing
// and hashing, nothing from src/ but the checkpoint's signature check), which reconstructs
// the checkpoint's root from the tiles. And the strict path grammar (anything else is 404),
// the cache headers, and the index encoding for indices beyond 999.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ed25519PublicKeyOf } from '../../src/lib/basics/crypto/ed25519.ts';
import { verifyCheckpoint } from '../../src/lib/checks/log/checkpoint.ts';
import { requestCountersignature } from '../../src/lib/flows/countersign/service-client.ts';
import { parseTilePath, tilePath } from '../../src/server/tiles.ts';
import { type Flow, startFlow } from '../../tools/flow.ts';
import { ORIGIN, type RunningServe, type ServiceFiles, setUpService } from '../helpers/service.ts';
import { fillLog } from './tiles-fixture.ts';

let flow: Flow;
let svc: ServiceFiles;
let server: RunningServe;
const FILLED = 700;

before(async () => {
  flow = await startFlow();
  svc = await setUpService(flow);
  await fillLog(flow, svc, FILLED);
  server = await svc.start();
  // One more through the service itself: the tree is 701, a real countersignature last.
  await requestCountersignature(server.url, await flow.sign(flow.statement({ version: FILLED + 1 })), { retries: 0 });
});
after(async () => {
  await server?.stop();
  await flow?.close();
});

// ---- An independent tlog-tiles reader, from the spec's text only ----

const sha256 = (...parts: Uint8Array[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const leafOf = (data: Uint8Array) => sha256(Uint8Array.of(0), data);
const parent = (l: Uint8Array, r: Uint8Array) => sha256(Uint8Array.of(1), l, r);

/** "index 1234067 will be encoded as x001/x234/067" */
function encodeIndex(n: number): string {
  const groups: string[] = [];
  do {
    groups.unshift(String(n % 1000).padStart(3, '0'));
    n = Math.floor(n / 1000);
  } while (n > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

/** MTH of a list of hashes (RFC 6962 §2.1, largest power of two smaller than n on the left). */
function mth(hashes: Uint8Array[]): Uint8Array {
  if (hashes.length === 1) return hashes[0] ?? new Uint8Array();
  let k = 1;
  while (k * 2 < hashes.length) k *= 2;
  return parent(mth(hashes.slice(0, k)), mth(hashes.slice(k)));
}

async function getBytes(path: string): Promise<{ status: number; body: Uint8Array; headers: Headers }> {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, body: new Uint8Array(await res.arrayBuffer()), headers: res.headers };
}

/** Tile (level, index) of a tree of `size`: full, or partial of width floor(size / 256^level) mod 256. */
async function readTile(kind: number | 'entries', index: number, size: number): Promise<Uint8Array> {
  const level = kind === 'entries' ? 0 : kind;
  const total = Math.floor(size / 256 ** level);
  const width = Math.min(256, total - index * 256);
  assert.ok(width > 0);
  const path = `/tile/${String(kind)}/${encodeIndex(index)}${width === 256 ? '' : `.p/${width}`}`;
  const { status, body, headers } = await getBytes(path);
  assert.equal(status, 200, path);
  assert.equal(headers.get('content-type'), 'application/octet-stream', path);
  if (kind !== 'entries') assert.equal(body.length, width * 32, path);
  return body;
}

const hashesOf = (tile: Uint8Array) =>
  Array.from({ length: tile.length / 32 }, (_, i) => tile.subarray(i * 32, i * 32 + 32));

function entriesOf(bundle: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bundle.length;) {
    const n = ((bundle[at] ?? 0) << 8) | (bundle[at + 1] ?? 0);
    out.push(bundle.subarray(at + 2, at + 2 + n));
    at += 2 + n;
  }
  return out;
}

test('a monitor written from the spec reads the checkpoint, entry bundles and hash tiles and reconstructs the signed root', async () => {
  const cp = await getBytes('/checkpoint');
  assert.equal(cp.status, 200);
  assert.equal(cp.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.equal(cp.headers.get('cache-control'), 'no-store');
  const note = new TextDecoder().decode(cp.body);
  const checkpoint = verifyCheckpoint(note, { name: ORIGIN, rawPublicKey: ed25519PublicKeyOf(svc.logKey.seed) });
  assert.equal(checkpoint.size, FILLED + 1);
  // The same note as the JSON API's.
  assert.equal(new TextDecoder().decode((await getBytes('/v1/log/checkpoint')).body), note);

  const size = checkpoint.size;
  // Level 0: every entry bundle hashes to its level-0 tile.
  const level0: Uint8Array[] = [];
  for (let n = 0; n * 256 < size; n++) {
    const entries = entriesOf(await readTile('entries', n, size));
    const tile = hashesOf(await readTile(0, n, size));
    assert.equal(entries.length, tile.length);
    entries.forEach((e, i) => assert.deepEqual(leafOf(e), tile[i], `entry ${n * 256 + i}`));
    level0.push(...tile);
  }
  assert.equal(level0.length, size);
  // Level 1: each hash is the MTH of a full level-0 tile (two full tiles: a partial of width 2).
  const level1 = hashesOf(await readTile(1, 0, size));
  assert.equal(level1.length, 2);
  level1.forEach((h, i) => assert.deepEqual(h, mth(level0.slice(i * 256, i * 256 + 256))));
  // The root: the two level-1 hashes as subtrees of 256 leaves, then the partial rest of level 0.
  const root = mth([...level0]);
  assert.deepEqual(root, checkpoint.root);
  const fromTiles = parent(
    parent(level1[0] ?? new Uint8Array(), level1[1] ?? new Uint8Array()),
    mth(level0.slice(512)),
  );
  assert.deepEqual(fromTiles, checkpoint.root);
  // The last leaf is the service's own countersignature statement, as in its JSON entries.
  const last = (await (await fetch(`${server.url}/v1/log/entries?start=${size - 1}&end=${size}`)).json()) as {
    entries: { statement: string }[];
  };
  const lastBundle = entriesOf(await readTile('entries', 2, size));
  assert.deepEqual(lastBundle.at(-1), new Uint8Array(Buffer.from(last.entries[0]?.statement ?? '', 'base64')));
});

test('full tiles are cached for good, partial ones briefly; a partial tile of a full one is its prefix', async () => {
  const full = await getBytes('/tile/0/000');
  assert.equal(full.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  const fullBundle = await getBytes('/tile/entries/001');
  assert.equal(fullBundle.status, 200);
  assert.equal(fullBundle.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  const partial = await getBytes(`/tile/0/002.p/${(FILLED + 1) % 256}`);
  assert.equal(partial.status, 200);
  assert.equal(partial.headers.get('cache-control'), 'public, max-age=60');
  const prefix = await getBytes('/tile/0/000.p/5');
  assert.equal(prefix.status, 200);
  assert.deepEqual(prefix.body, full.body.subarray(0, 5 * 32));
});

test('only the spec path grammar is served: every other tile path, and every tile beyond the tree, is 404', async () => {
  const size = FILLED + 1; // 701: level 0 tiles 0, 1 full, 2 of width 189; level 1 of width 2
  const refused = [
    '/tile/0/2', // not 3 digits
    '/tile/0/0002',
    '/tile/0/x000/002', // a leading all-zero element
    '/tile/00/000', // a leading zero in the level
    '/tile/64/000', // level over 63
    '/tile/7/000', // a level no tree of safe size reaches
    '/tile/-1/000',
    '/tile/0/000.p/0',
    '/tile/0/000.p/256',
    '/tile/0/000.p/01',
    '/tile/0/000.p',
    '/tile/0/000/',
    '/tile//000',
    '/tile/0/x002',
    '/tile/0/002x',
    '/tile/0/x001/x000/000/000/000/000', // more elements than the cap
    '/tile/entries/000.p/5/6',
    '/tile/entries/x002',
    '/tile/Entries/000',
    '/tile/0/003', // beyond the tree
    '/tile/0/002', // not full yet
    `/tile/0/002.p/${(size % 256) + 1}`,
    `/tile/entries/002.p/${(size % 256) + 1}`,
    '/tile/entries/002',
    '/tile/1/000', // level 1 is partial (width 2)
    '/tile/1/000.p/3',
    '/tile/2/000.p/1',
    '/tile/0/%30%30%30', // percent-encoded digits: not served as sent
    '/tile',
    '/tile/',
    '/checkpoint/',
  ];
  for (const path of refused) {
    const { status, headers } = await getBytes(path);
    assert.equal(status, 404, path);
    assert.equal(headers.get('cache-control'), 'no-store', path);
  }
  const post = await fetch(`${server.url}/tile/0/000`, { method: 'POST' });
  assert.equal(post.status, 405);
  await post.arrayBuffer();
});

test('tile index encoding: the spec example and canonical forms only', () => {
  assert.equal(tilePath(0, 1234067), '/tile/0/x001/x234/067');
  assert.equal(tilePath('entries', 5, 17), '/tile/entries/005.p/17');
  assert.equal(tilePath(2, 1000), '/tile/2/x001/000');
  assert.deepEqual(parseTilePath('/tile/0/x001/x234/067'), { level: 0, index: 1234067, width: 256 });
  assert.deepEqual(parseTilePath('/tile/entries/x001/x234/067.p/255'), {
    level: 'entries',
    index: 1234067,
    width: 255,
  });
  assert.deepEqual(parseTilePath('/tile/63/999'), { level: 63, index: 999, width: 256 });
  for (const bad of ['/tile/0/x000/x234/067', '/tile/0/x001/234/067', '/tile/0/001/x234', '/tile/0/x1/234'])
    assert.equal(parseTilePath(bad), undefined, bad);
  for (let n = 0; n < 3_000_000; n += 7919) assert.equal(parseTilePath(tilePath(1, n))?.index, n);
  // The test's own encoder agrees with the server's.
  for (const n of [0, 7, 999, 1000, 1234067, 999_999_999]) assert.equal(`/tile/0/${encodeIndex(n)}`, tilePath(0, n));
});
