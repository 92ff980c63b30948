// The witness's durable state (docs/service.md, Witnesses): for each log, the latest
// checkpoint it cosigned, one JSON file per log in --data named by the SHA-256 of the origin:
//
//   {"origin": "...", "size": 42, "root": "<base64>", "checkpoint": "<the cosigned note>"}
//
// Written atomically (temporary file, fsync, rename, fsync of the directory) BEFORE the
// cosignature is returned (C2SP tlog-witness: "MUST persist the new checkpoint before
// responding"), so a crash at any point leaves either the old record or the new one, and a
// cosignature handed out is always on record. A record that cannot be read is an error at
// start, never an empty state: a witness that forgot what it cosigned would cosign a fork.
import { mkdir, open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../lib/basics/crypto/sha256.ts';
import { decodeCanonicalBase64 } from '../lib/basics/encoding/base64.ts';
import { InputError } from '../lib/basics/errors/errors.ts';
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import { parseCheckpointText } from '../lib/checks/log/checkpoint.ts';
import { splitNote } from '../lib/checks/log/cosignature.ts';
import { equalBytes } from '../lib/basics/crypto/bytes.ts';
import { HASH_SIZE } from '../lib/formats/log/proof.ts';

export interface WitnessRecord {
  readonly origin: string;
  readonly size: number;
  readonly root: Uint8Array;
  /** The checkpoint as cosigned: the log's signature and this witness's cosignature. */
  readonly checkpoint: string;
}

const RECORD_FILE = /^[0-9a-f]{64}\.json$/;
const MAX_RECORD_BYTES = 64 * 1024;

export class WitnessStore {
  private readonly records = new Map<string, WitnessRecord>();

  private readonly dir: string;

  private constructor(dir: string) {
    this.dir = dir;
  }

  /** Opens (creating) `dir` and reads every record; throws InputError('witness-state-invalid'). */
  static async open(dir: string): Promise<WitnessStore> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const store = new WitnessStore(dir);
    for (const name of (await readdir(dir)).sort()) {
      if (!RECORD_FILE.test(name)) continue; // a temporary file a crash left behind, or anything else
      const record = await readRecord(join(dir, name));
      if (`${sha256Hex(record.origin)}.json` !== name)
        throw invalid(join(dir, name), `holds the record of ${JSON.stringify(record.origin)}, not of its file name`);
      store.records.set(record.origin, record);
    }
    return store;
  }

  get(origin: string): WitnessRecord | undefined {
    return this.records.get(origin);
  }

  /** Every origin on record. */
  origins(): string[] {
    return [...this.records.keys()];
  }

  /** Durably replaces the record of `record.origin`; resolves only once it is on disk. */
  async put(record: WitnessRecord): Promise<void> {
    const path = this.pathOf(record.origin);
    const json = JSON.stringify({
      origin: record.origin,
      size: record.size,
      root: Buffer.from(record.root).toString('base64'),
      checkpoint: record.checkpoint,
    });
    await writeFileAtomic(path, `${json}\n`, { mode: 0o600 });
    // The rename is durable only once the directory entry is: fsync the directory too.
    const handle = await open(this.dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.records.set(record.origin, record);
  }

  pathOf(origin: string): string {
    return join(this.dir, `${sha256Hex(origin)}.json`);
  }
}

async function readRecord(path: string): Promise<WitnessRecord> {
  let text: string;
  try {
    const bytes = await readFile(path);
    if (bytes.byteLength > MAX_RECORD_BYTES) throw invalid(path, `larger than ${MAX_RECORD_BYTES} bytes`);
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw invalid(path, `cannot be read (${err instanceof Error ? err.message : String(err)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid(path, 'is not JSON');
  }
  const o = json as Partial<Record<'origin' | 'size' | 'root' | 'checkpoint', unknown>> | null;
  if (
    typeof o !== 'object' ||
    o === null ||
    Object.keys(o).sort().join() !== 'checkpoint,origin,root,size' ||
    typeof o.origin !== 'string' ||
    typeof o.size !== 'number' ||
    !Number.isSafeInteger(o.size) ||
    o.size < 0 ||
    typeof o.root !== 'string' ||
    typeof o.checkpoint !== 'string'
  )
    throw invalid(path, 'is not {origin, size, root, checkpoint}');
  const root = decodeCanonicalBase64(o.root);
  if (root?.length !== HASH_SIZE) throw invalid(path, 'root is not a base64 32-byte hash');
  // The stored note must say what the record says: a hand-edited file is refused, not trusted.
  try {
    const checkpoint = parseCheckpointText(splitNote(o.checkpoint, path).text, path);
    if (checkpoint.origin !== o.origin || checkpoint.size !== o.size || !equalBytes(checkpoint.root, root))
      throw invalid(path, 'its checkpoint note does not match its origin, size and root');
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw invalid(
      path,
      `its checkpoint is not a checkpoint note (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  return { origin: o.origin, size: o.size, root: new Uint8Array(root), checkpoint: o.checkpoint };
}

function invalid(path: string, why: string): InputError {
  return new InputError('witness-state-invalid', `${path}: ${why}; the witness will not start without its state`);
}
