// The C2SP tlog-tiles read API (https://c2sp.org/tlog-tiles) over the service's log, so that
// monitors and witnesses written for tiled logs can read it:
//   GET /checkpoint                      the signed checkpoint (with witness cosignatures)
//   GET /tile/<L>/<N>[.p/<W>]            hash tiles: 256 (or W) hashes of tree level 8*L
//   GET /tile/entries/<N>[.p/<W>]        entry bundles: uint16-length-prefixed leaf data
// Tiles are computed on request from the stored subtree hashes (storage/stored-tree.ts keeps
// every complete subtree): the hash at position i of tile (L, N) is the stored node of level
// 8L and index 256N + i. The leaf data is the countersignature statement, exactly the bytes
// hashed into the tree (leaf hash = SHA-256(0x00 || statement), RFC 6962 as the spec says).
//
// Paths are parsed strictly (the spec's encoding only: no leading zeros except the fixed
// 3-digit elements, no empty or extra elements, caps on every number); anything else, and any
// tile beyond the published tree, is 404. A full tile never changes and is cacheable for good;
// a partial one is correct for ever too, but the log may stop serving it once the full tile
// exists (the spec allows that), so caches keep it briefly.
import type { Reply } from './routes.ts';
import { Refusal } from './refusal.ts';
import type { TransparencyLog } from './transparency-log.ts';

export const TILE_WIDTH = 256;
/** Tile levels that can exist: 256^7 leaves is beyond any safe integer tree size. */
const MAX_TILE_LEVEL = 6;
/** Path elements of an index: 5 x 3 digits is < 10^15, within safe integers. */
const MAX_INDEX_ELEMENTS = 5;
/** Largest entry the bundle encoding holds (uint16 length). */
export const MAX_BUNDLE_ENTRY_BYTES = 0xffff;

export const FULL_TILE_CACHE = 'public, max-age=31536000, immutable';
export const PARTIAL_TILE_CACHE = 'public, max-age=60';

export interface TilePath {
  /** 'entries' for an entry bundle, else the tile level (0..63 in the spec's grammar). */
  level: number | 'entries';
  index: number;
  /** 256 for a full tile, 1..255 for a partial one. */
  width: number;
}

/**
 * Parses `/tile/...` as the spec writes it; undefined for anything else. The index must be the
 * canonical encoding (`x001/x234/067`, not `x000/x001/x234/067` or `1234067`).
 */
export function parseTilePath(path: string): TilePath | undefined {
  if (!path.startsWith('/tile/')) return undefined;
  const parts = path.slice('/tile/'.length).split('/');
  const first = parts.shift();
  let level: number | 'entries';
  if (first === 'entries') level = 'entries';
  else if (first !== undefined && /^(0|[1-9][0-9]?)$/.test(first) && Number(first) <= 63) level = Number(first);
  else return undefined;
  let width = TILE_WIDTH;
  const last = parts.at(-1);
  if (parts.length >= 2 && parts.at(-2)?.endsWith('.p')) {
    // <N>.p/<W>: the last index element carries ".p", the width follows.
    if (last === undefined || !/^[1-9][0-9]{0,2}$/.test(last) || Number(last) > 255) return undefined;
    width = Number(last);
    parts.pop();
    const n = parts.pop();
    if (n === undefined) return undefined;
    parts.push(n.slice(0, -'.p'.length));
  }
  if (parts.length === 0 || parts.length > MAX_INDEX_ELEMENTS) return undefined;
  let index = 0;
  for (const [i, element] of parts.entries()) {
    const isLast = i === parts.length - 1;
    const m = (isLast ? /^([0-9]{3})$/ : /^x([0-9]{3})$/).exec(element);
    if (!m?.[1]) return undefined;
    // Canonical: no leading all-zero element (index 5 is "005", never "x000/005").
    if (i === 0 && parts.length > 1 && m[1] === '000') return undefined;
    index = index * 1000 + Number(m[1]);
  }
  return { level, index, width };
}

/** The spec's path of a tile or bundle (for clients and tests). */
export function tilePath(level: number | 'entries', index: number, width = TILE_WIDTH): string {
  const digits = String(index).padStart(3, '0');
  const elements: string[] = [];
  for (let end = digits.length; end > 0; end -= 3)
    elements.unshift(digits.slice(Math.max(0, end - 3), end).padStart(3, '0'));
  const n = elements.map((e, i) => (i < elements.length - 1 ? `x${e}` : e)).join('/');
  return `/tile/${String(level)}/${n}${width === TILE_WIDTH ? '' : `.p/${String(width)}`}`;
}

/** GET /tile/...: a hash tile or an entry bundle of the published tree, or 404. */
export function tileReply(path: string, log: TransparencyLog): Reply {
  const tile = parseTilePath(path);
  const notFound = (why: string): never => {
    throw new Refusal(404, 'not-found', why);
  };
  if (!tile) return notFound(`no such tile path ${path.slice(0, 100)}`);
  const start = tile.index * TILE_WIDTH;
  let body: Uint8Array;
  if (tile.level === 'entries') {
    if (start + tile.width > log.size)
      return notFound(`entry bundle ${path}: the published tree has ${log.size} entries`);
    body = entryBundle(log.store.entries(start, start + tile.width).map((e) => e.statement));
  } else {
    if (tile.level > MAX_TILE_LEVEL) return notFound(`tile ${path}: no tile of level ${tile.level} can exist`);
    const hashes = log.publishedNodes(8 * tile.level, start, tile.width);
    if (!hashes) return notFound(`tile ${path}: beyond the published tree of size ${log.size}`);
    body = Buffer.concat(hashes);
  }
  return {
    status: 200,
    contentType: 'application/octet-stream',
    body,
    cacheControl: tile.width === TILE_WIDTH ? FULL_TILE_CACHE : PARTIAL_TILE_CACHE,
  };
}

/** Entries as the spec's bundle: each a big-endian uint16 length, then its bytes. */
export function entryBundle(entries: readonly Uint8Array[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    // Statements are capped far below this (16 KiB); a longer one would be a storage fault.
    if (e.length > MAX_BUNDLE_ENTRY_BYTES) throw new Error(`a log entry of ${e.length} bytes does not fit a bundle`);
    parts.push(new Uint8Array([e.length >> 8, e.length & 0xff]), e);
  }
  return Buffer.concat(parts);
}

/** The tlog-tiles checkpoint path (the same note as GET /v1/log/checkpoint). */
export const TILES_CHECKPOINT = '/checkpoint';
