// A C2SP tlog-tiles reader (https://c2sp.org/tlog-tiles) for the audit: it reads a log the way
// any tiled-log monitor does (checkpoint, hash tiles, entry bundles) and proves, by hashing,
//   - that the new entries (from the last checkpoint seen to the current one) and the hash
//     tiles of the older part hash to the current checkpoint's root;
//   - that the same older part hashes to the last checkpoint seen (consistency: the log only
//     grew, recomputed from tiles rather than taken from a served proof);
//   - that every hash tile over the new entries is the hash the entries give, so that the
//     tiles others read to build proofs agree with the checkpoint.
// The only tiles fetched are those the verified current checkpoint's size requires (partial
// tiles of that size; the full tile if a partial one is gone, as the spec allows).
import { createHash } from 'node:crypto';
import { equalBytes } from '../../basics/crypto/bytes.ts';
import { VerificationError } from '../../basics/errors/errors.ts';
import type { Checkpoint } from '../../checks/log/checkpoint.ts';
import { emptyRoot, leafHash, splitPoint } from '../../checks/log/merkle.ts';

const TILE_WIDTH = 256;
const HASH_BYTES = 32;

/** GET of a path under the tiles prefix: the body, or undefined for a 404 (anything else throws). */
export type TileFetch = (path: string) => Promise<Uint8Array | undefined>;

/** `/tile/<L>/<N>[.p/<W>]` (or `entries` for L), N in the spec's `x001/x234/067` form. */
export function tileUrlPath(level: number | 'entries', index: number, width = TILE_WIDTH): string {
  let n = String(index % 1000).padStart(3, '0');
  for (let rest = Math.floor(index / 1000); rest > 0; rest = Math.floor(rest / 1000))
    n = `x${String(rest % 1000).padStart(3, '0')}/${n}`;
  return `/tile/${String(level)}/${n}${width === TILE_WIDTH ? '' : `.p/${String(width)}`}`;
}

export interface TiledRead {
  /** The leaf data (countersignature statements) of entries [start, current.size), in order. */
  entries: Uint8Array[];
}

/**
 * Reads and checks the log between `previous` (or the empty tree) and `current`, both already
 * verified under the log key. Throws VerificationError: `log-inconsistent` (the tiles do not
 * hash to a checkpoint), `log-entry-not-in-tree` (an entry bundle disagrees with the tiles),
 * `log-entries-missing` (a tile or bundle that must exist is missing or malformed).
 */
export async function readTiledLog(
  fetchTile: TileFetch,
  current: Checkpoint,
  previous: Checkpoint | undefined,
  where: string,
): Promise<TiledRead> {
  const size = current.size;
  const start = previous?.size ?? 0;
  const missing = (why: string): never => {
    throw new VerificationError('log-entries-missing', `${where}: ${why}`);
  };
  const tiles = new Map<string, Promise<Uint8Array>>();

  /** Tile (level, index) of the current tree: full, or the partial width the size requires. */
  const tile = (level: number | 'entries', index: number): Promise<Uint8Array> => {
    const key = `${String(level)}/${index}`;
    let got = tiles.get(key);
    if (!got) {
      const count = Math.floor(size / TILE_WIDTH ** (level === 'entries' ? 0 : level));
      const width = Math.min(TILE_WIDTH, count - index * TILE_WIDTH);
      if (width <= 0) return Promise.reject(new Error(`internal: tile ${key} is beyond size ${size}`));
      got = (async () => {
        const path = tileUrlPath(level, index, width);
        let body = await fetchTile(path);
        // A partial tile may be gone once the full one exists: its prefix is the same.
        if (body === undefined && width < TILE_WIDTH) {
          const full = await fetchTile(tileUrlPath(level, index));
          if (full && level !== 'entries') body = full.subarray(0, width * HASH_BYTES);
          if (full && level === 'entries') body = bundlePrefix(full, width);
        }
        if (body === undefined) return missing(`${path} is not served (HTTP 404)`);
        if (level !== 'entries' && body.length !== width * HASH_BYTES)
          missing(`${path}: expected ${width * HASH_BYTES} bytes (${width} hashes), found ${body.length}`);
        return body;
      })();
      tiles.set(key, got);
    }
    return got;
  };

  // The entry bundles of the new part, and their leaf hashes.
  const entries: Uint8Array[] = [];
  for (let n = Math.floor(start / TILE_WIDTH); n * TILE_WIDTH < size; n++) {
    const width = Math.min(TILE_WIDTH, size - n * TILE_WIDTH);
    const bundle = parseBundle(await tile('entries', n), width, `${where}${tileUrlPath('entries', n, width)}`);
    for (let i = Math.max(start - n * TILE_WIDTH, 0); i < width; i++) entries.push(bundle[i] ?? new Uint8Array());
  }
  const leaves = entries.map(leafHash);

  const hash = (l: Uint8Array, r: Uint8Array) =>
    new Uint8Array(createHash('sha256').update(Uint8Array.of(1)).update(l).update(r).digest());
  const nodes = new Map<string, Promise<Uint8Array>>();
  /** MTH of the perfect subtree (height h, index i): the new part from the entries, the old part from tiles. */
  const node = (h: number, i: number): Promise<Uint8Array> => {
    const key = `${h}/${i}`;
    let got = nodes.get(key);
    if (!got) {
      got = (async () => {
        const lo = i * 2 ** h;
        if (h === 0 && lo >= start) return leaves[lo - start] ?? new Uint8Array();
        if (h % 8 === 0 && lo + 2 ** h <= start) {
          const t = await tile(h / 8, Math.floor(i / TILE_WIDTH));
          const at = (i % TILE_WIDTH) * HASH_BYTES;
          return t.subarray(at, at + HASH_BYTES);
        }
        return hash(await node(h - 1, 2 * i), await node(h - 1, 2 * i + 1));
      })();
      nodes.set(key, got);
    }
    return got;
  };
  const mth = async (lo: number, hi: number): Promise<Uint8Array> => {
    const n = hi - lo;
    if (n === 0) return emptyRoot();
    const h = Math.log2(n);
    if (Number.isInteger(h) && lo % n === 0) return node(h, lo / n);
    const k = splitPoint(n);
    return hash(await mth(lo, lo + k), await mth(lo + k, hi));
  };

  if (!equalBytes(await mth(0, size), current.root))
    throw new VerificationError(
      'log-inconsistent',
      `${where}: the log's tiles and entry bundles do not hash to its signed checkpoint (size ${size}): what it serves is not the tree it signed`,
    );
  if (previous && !equalBytes(await mth(0, previous.size), previous.root))
    throw new VerificationError(
      'log-inconsistent',
      `the log is not an extension of the last checkpoint seen (size ${previous.size}): its tiles at that size hash to another root. The log was rewritten or forked`,
      { expected: `a tree of size >= ${previous.size} that contains it`, found: `size ${size}` },
    );
  // Every hash tile over the new part must be what the entries give.
  for (let level = 0; TILE_WIDTH ** level <= size; level++) {
    const count = Math.floor(size / TILE_WIDTH ** level);
    for (let j = Math.floor(start / TILE_WIDTH ** level); j < count; j++) {
      const t = await tile(level, Math.floor(j / TILE_WIDTH));
      const at = (j % TILE_WIDTH) * HASH_BYTES;
      if (!equalBytes(t.subarray(at, at + HASH_BYTES), await node(8 * level, j)))
        throw new VerificationError(
          'log-entry-not-in-tree',
          `${where}${tileUrlPath(level, Math.floor(j / TILE_WIDTH))}: hash ${j % TILE_WIDTH} is not the hash of the log's entries: the tiles served disagree with the checkpoint`,
        );
    }
  }
  return { entries };
}

/** The spec's bundle: exactly `width` entries, each a big-endian uint16 length and its bytes. */
function parseBundle(body: Uint8Array, width: number, where: string): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  while (at < body.length) {
    if (at + 2 > body.length) break;
    const length = ((body[at] ?? 0) << 8) | (body[at + 1] ?? 0);
    if (at + 2 + length > body.length) break;
    out.push(body.subarray(at + 2, at + 2 + length));
    at += 2 + length;
  }
  if (at !== body.length || out.length !== width)
    throw new VerificationError(
      'log-entries-missing',
      `${where}: not an entry bundle of ${width} entries (${out.length} whole entries, ${body.length - at} bytes left over)`,
    );
  return out;
}

/** The first `width` entries of a full bundle, re-encoded as served. */
function bundlePrefix(full: Uint8Array, width: number): Uint8Array {
  let at = 0;
  for (let i = 0; i < width && at + 2 <= full.length; i++) at += 2 + (((full[at] ?? 0) << 8) | (full[at + 1] ?? 0));
  return full.subarray(0, Math.min(at, full.length));
}
