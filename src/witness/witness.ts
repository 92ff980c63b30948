// The witness's decision on an add-checkpoint request (C2SP tlog-witness; docs/service.md,
// Witnesses). In order, cheapest first, since requests are unauthenticated:
//
//   1. the body's shape (400);
//   2. the checkpoint's origin is a configured log (404);
//   3. the log's signature on it, by the configured key (403): nothing else is looked at
//      for a checkpoint the log did not sign;
//   4. the checkpoint's text (400), old size <= checkpoint size (400), an empty tree has the
//      empty root (422);
//   5. under the log's lock: old size equals the size last cosigned (409, body the size);
//      then the same root for the same size, or a valid RFC 6962 consistency proof from the
//      cosigned tree to the new one (422);
//   6. cosign, record durably, then answer 200 with the cosignature line.
//
// So the witness never cosigns two checkpoints of one log that are not both prefixes of one
// history: one of the same size with another root, or a smaller tree, is refused; and the
// record survives restarts (store.ts).
import { VerificationError } from '../lib/basics/errors/errors.ts';
import { equalBytes } from '../lib/basics/crypto/bytes.ts';
import { type Checkpoint, parseCheckpointText } from '../lib/checks/log/checkpoint.ts';
import { type CosignatureSigner, cosignCheckpoint } from '../lib/checks/log/cosignature.ts';
import { emptyRoot, verifyConsistency } from '../lib/checks/log/merkle.ts';
import { type NoteVerifier, noteKeyHash, openNote } from '../lib/checks/log/note.ts';
import { parseNoteSignatureLine } from '../lib/formats/log/note-format.ts';
import { parseAddCheckpoint } from './request.ts';
import type { WitnessStore } from './store.ts';

export interface WitnessAnswer {
  status: 200 | 400 | 403 | 404 | 405 | 409 | 413 | 422 | 500;
  contentType: string;
  body: string;
  /** For the request log: what was decided, one phrase. */
  outcome: string;
  origin?: string;
  size?: number;
}

export interface WitnessOptions {
  signer: CosignatureSigner;
  /** The logs this witness follows: origin -> the log's checkpoint key (its name is the origin). */
  logs: ReadonlyMap<string, NoteVerifier>;
  store: WitnessStore;
  /** POSIX seconds (default: the clock). */
  now?: () => number;
}

const TEXT = 'text/plain; charset=utf-8';

export class Witness {
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly options: WitnessOptions;

  constructor(options: WitnessOptions) {
    this.options = options;
  }

  async addCheckpoint(body: Uint8Array): Promise<WitnessAnswer> {
    const request = parseAddCheckpoint(body);
    if ('problem' in request) return refuse(400, request.problem);
    const origin = request.note.slice(0, request.note.indexOf('\n'));
    const log = this.options.logs.get(origin);
    if (!log) return refuse(404, 'unknown log');
    let checkpoint: Checkpoint;
    try {
      checkpoint = parseCheckpointText(openNote(request.note, log, 'checkpoint'), 'checkpoint');
    } catch (err) {
      if (!(err instanceof VerificationError)) throw err;
      // C2SP tlog-witness: no valid signature by the log's key, or a bad one, is 403.
      if (err.code === 'log-note-signature') return refuse(403, 'not signed by the log key', origin);
      return refuse(400, err.message, origin);
    }
    if (request.oldSize > checkpoint.size) return refuse(400, 'old size above the checkpoint size', origin);
    if (checkpoint.size === 0 && !equalBytes(checkpoint.root, emptyRoot()))
      return refuse(422, 'an empty tree with a root other than the empty root', origin);
    return this.locked(origin, () => this.update(origin, request.oldSize, request.proof, request.note, checkpoint));
  }

  /** The latest cosigned checkpoint of `origin` (the monitor retrieval endpoint). */
  latest(origin: string): string | undefined {
    return this.options.store.get(origin)?.checkpoint;
  }

  private async update(
    origin: string,
    oldSize: number,
    proof: Uint8Array[],
    note: string,
    checkpoint: Checkpoint,
  ): Promise<WitnessAnswer> {
    const record = this.options.store.get(origin);
    const size = record?.size ?? 0;
    if (oldSize !== size)
      return {
        status: 409,
        contentType: 'text/x.tlog.size',
        body: `${size}\n`,
        outcome: 'old size mismatch',
        origin,
        size,
      };
    if (oldSize === 0) {
      if (proof.length > 0) return refuse(422, 'a proof from the empty tree', origin);
    } else if (oldSize === checkpoint.size) {
      if (proof.length > 0 || !record || !equalBytes(record.root, checkpoint.root))
        return refuse(422, 'same size, different root: a split view', origin);
    } else if (!record || !verifyConsistency(oldSize, checkpoint.size, record.root, checkpoint.root, proof)) {
      return refuse(422, 'the consistency proof does not verify', origin);
    }
    const text = note.slice(0, note.lastIndexOf('\n\n') + 1);
    const now = Math.floor(this.options.now?.() ?? Date.now() / 1000);
    const line = await cosignCheckpoint(text, this.options.signer, now);
    // The log's own signature is kept with ours, so the monitor endpoint serves a checkpoint
    // anyone can verify under both keys; other lines (other witnesses') are not ours to repeat.
    const log = this.options.logs.get(origin);
    const keyHash = log ? Buffer.from(noteKeyHash(log.name, log.rawPublicKey)).toString('hex') : '';
    const logLine = note
      .slice(note.lastIndexOf('\n\n') + 2, -1)
      .split('\n')
      .find((l) => {
        const parsed = parseNoteSignatureLine(l);
        return (
          typeof parsed !== 'string' &&
          parsed.name === origin &&
          Buffer.from(parsed.blob.subarray(0, 4)).toString('hex') === keyHash
        );
      });
    await this.options.store.put({
      origin,
      size: checkpoint.size,
      root: checkpoint.root,
      checkpoint: `${text}\n${logLine ? `${logLine}\n` : ''}${line}\n`,
    });
    return { status: 200, contentType: TEXT, body: `${line}\n`, outcome: 'cosigned', origin, size: checkpoint.size };
  }

  /** Runs `fn` after every earlier call for `origin`: check-then-record is atomic per log. */
  private locked<T>(origin: string, fn: () => Promise<T>): Promise<T> {
    const before = this.locks.get(origin) ?? Promise.resolve();
    const run = before.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.locks.set(origin, tail);
    void tail.then(() => {
      if (this.locks.get(origin) === tail) this.locks.delete(origin);
    });
    return run;
  }
}

function refuse(status: WitnessAnswer['status'], why: string, origin?: string): WitnessAnswer {
  return {
    status,
    contentType: TEXT,
    body: `${why}\n`,
    outcome: why,
    ...(origin !== undefined ? { origin } : {}),
  };
}
