// Witness cosigning of the service's checkpoints (serve --witness URL=VKEY; C2SP tlog-witness,
// docs/service.md §5.1). After each commit the newest checkpoint is submitted to every
// configured witness (src/lib/flows/witness/submit.ts: the exchange cosignWithWitnesses makes,
// per witness), outside the append path: an append never waits for a witness. Each witness has
// its own lane (one submission at a time, always the newest checkpoint), so a slow or dead one
// holds back only itself. Each cosignature is attached to that size's note as it arrives; the
// note is served in GET /checkpoint, GET /v1/log/checkpoint and answers' logProof, and the
// newest one is kept in the data directory (storage/cosigned.ts) for restarts.
//
// Answers: a countersign answer waits until every witness answered for its tree size, at most `waitMs`
// (default 2 s), then carries the best cosigned checkpoint at or above its size (its proof
// recomputed for that size), or the log's own checkpoint when none arrived in time. Later
// answers and GET /checkpoint carry what arrives later. A slow or dead witness thus delays
// an answer by `waitMs` at most and never fails it; a client whose policy requires that
// witness refuses the bundle (log-witness-threshold) and can ask again (a replay answers with
// the current cosigned checkpoint).
import { type NoteVerifier } from '../lib/checks/log/note.ts';
import { parseCheckpointText, verifyCheckpoint } from '../lib/checks/log/checkpoint.ts';
import { splitNote, verifyCosignatures } from '../lib/checks/log/cosignature.ts';
import { verifyConsistency } from '../lib/checks/log/merkle.ts';
import type { Countersignature } from '../lib/formats/core/types.ts';
import { type WitnessEndpoint, attachCosignatures, requestCosignature } from '../lib/flows/witness/submit.ts';
import type { CosignedStore } from './storage/cosigned.ts';
import type { TransparencyLog } from './transparency-log.ts';

export interface WitnessingOptions {
  log: TransparencyLog;
  witnesses: readonly WitnessEndpoint[];
  /** Where the latest cosigned note survives a restart; undefined: memory only. */
  store?: CosignedStore | undefined;
  /** Per witness request (default 5 s). */
  timeoutMs?: number;
  /** How long a countersign answer waits for cosignatures (default 2 s). */
  waitMs?: number;
  /** Resubmission after a failed round or a log grown by another instance (default 15 s; 0: never). */
  retryMs?: number;
  /** One line per failed witness request (no secrets: names and reasons). */
  report?: (line: Record<string, unknown>) => void;
}

interface Cosigned {
  size: number;
  note: string;
  count: number;
}

/** Cosigned notes kept in memory for answers (the newest sizes). */
const KEPT_NOTES = 32;

export class Witnessing {
  private readonly log: TransparencyLog;
  private readonly witnesses: readonly WitnessEndpoint[];
  private readonly store: CosignedStore | undefined;
  private readonly timeoutMs: number;
  private readonly waitMs: number;
  private readonly report: (line: Record<string, unknown>) => void;
  private readonly knownSizes = new Map<string, number>();
  private readonly notes: Cosigned[] = [];
  /** Per witness: the largest size it answered for (or failed), whether it failed, its running submissions. */
  private readonly lanes: {
    witness: WitnessEndpoint;
    done: number;
    failed: boolean;
    running: Promise<void> | undefined;
  }[];
  /** Saves of cosigned notes, one after the other (the newest size last). */
  private saving: Promise<void> = Promise.resolve();
  private savedSize = -1;
  private waiters: { size: number; wake: () => void }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(options: WitnessingOptions) {
    this.log = options.log;
    this.witnesses = options.witnesses;
    this.store = options.store;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.waitMs = options.waitMs ?? 2000;
    this.report = options.report ?? (() => {});
    this.lanes = options.witnesses.map((witness) => ({ witness, done: -1, failed: false, running: undefined }));
  }

  /** Every witness has answered (or failed) for this size or a larger one. */
  private get settled(): number {
    return Math.min(...this.lanes.map((l) => l.done));
  }

  /** Loads the stored cosigned note (if it checks out), submits the current checkpoint, returns at once. */
  static async start(options: WitnessingOptions): Promise<Witnessing> {
    const w = new Witnessing(options);
    await w.loadStored();
    const retryMs = options.retryMs ?? 15_000;
    if (retryMs > 0) {
      w.timer = setInterval(() => {
        w.kick(true);
      }, retryMs);
      w.timer.unref();
    }
    w.kick();
    return w;
  }

  /** The checkpoint to serve: the current one, with its cosignatures once they arrived. */
  checkpoint(): string {
    const newest = this.notes.at(-1);
    return newest?.size === this.log.size ? newest.note : this.log.checkpoint;
  }

  /**
   * Submits the newest checkpoint to every witness not already busy with one (each witness
   * has its own lane: a slow one holds back only itself); `again` also retries a witness
   * whose last submission failed.
   */
  kick(again = false): void {
    if (this.closed) return;
    for (const lane of this.lanes) {
      if (lane.running) continue;
      if (this.log.size <= lane.done && !(again && lane.failed)) continue;
      lane.running = this.submissions(lane).finally(() => {
        lane.running = undefined;
      });
    }
  }

  /**
   * The answer's countersignature with its log proof moved to the best cosigned checkpoint at
   * or above its tree size, after waiting at most `waitMs` for the round that covers it.
   */
  async withCosignatures(countersignature: Countersignature): Promise<Countersignature> {
    const proof = countersignature.logProof;
    if (!proof) return countersignature;
    this.kick();
    if (this.settled < proof.treeSize) await this.waitFor(proof.treeSize);
    let best: Cosigned | undefined;
    for (const c of this.notes)
      if (c.size >= proof.treeSize && (!best || c.count > best.count || (c.count === best.count && c.size > best.size)))
        best = c;
    if (!best || best.size > this.log.size) return countersignature;
    return {
      ...countersignature,
      logProof: {
        logIndex: proof.logIndex,
        treeSize: best.size,
        hashes: this.log.inclusionProof(proof.logIndex, best.size).map((h) => Buffer.from(h).toString('base64')),
        checkpoint: best.note,
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    for (const w of this.waiters) w.wake();
    this.waiters = [];
    await Promise.all(this.lanes.map((l) => l.running ?? Promise.resolve()));
    await this.saving;
  }

  private waitFor(size: number): Promise<void> {
    return new Promise((resolve) => {
      const waiter = {
        size,
        wake: () => {
          clearTimeout(timeout);
          resolve();
        },
      };
      const timeout = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve();
      }, this.waitMs);
      this.waiters.push(waiter);
    });
  }

  /** One witness's submissions until it has answered for the newest checkpoint. */
  private async submissions(lane: (typeof this.lanes)[number]): Promise<void> {
    const options = { knownSizes: this.knownSizes, timeoutMs: this.timeoutMs };
    let first = true;
    while (!this.closed && (first || this.log.size > lane.done)) {
      first = false;
      const size = this.log.size;
      const note = this.log.checkpoint;
      try {
        const c = await requestCosignature(note, lane.witness, {
          ...options,
          consistencyProof: (from: number) => this.log.consistencyProof(from, size),
        });
        // Served at once; the other witnesses' lines join it as they arrive.
        const known = this.notes.find((n) => n.size === size);
        const cosigned = {
          size,
          note: attachCosignatures(known?.note ?? note, [c], [lane.witness]),
          count: (known?.count ?? 0) + 1,
        };
        this.remember(cosigned);
        this.save(cosigned);
        lane.failed = false;
      } catch (err) {
        lane.failed = true;
        const reason = err instanceof Error ? err.message : String(err);
        this.report({ event: 'witness-failed', witness: lane.witness.cosigner.name, size, reason });
      }
      if (size > lane.done) lane.done = size;
      const settled = this.settled;
      const ready = this.waiters.filter((w) => w.size <= settled);
      this.waiters = this.waiters.filter((w) => w.size > settled);
      for (const w of ready) w.wake();
    }
  }

  /** Keeps the newest cosigned note on disk (saves run one after the other; an older size never replaces a newer one). */
  private save(c: Cosigned): void {
    if (!this.store) return;
    const store = this.store;
    this.saving = this.saving.then(async () => {
      if (c.size < this.savedSize) return;
      const newest = this.notes.find((n) => n.size === c.size) ?? c;
      try {
        await store.save(newest.note);
        this.savedSize = c.size;
      } catch (err) {
        this.report({
          event: 'witness-store-failed',
          size: c.size,
          reason: err instanceof Error ? err.message : String(err),
        });
      }
    });
  }

  private remember(c: Cosigned): void {
    const at = this.notes.findIndex((n) => n.size >= c.size);
    if (at >= 0 && this.notes[at]?.size === c.size) this.notes[at] = c;
    else if (at >= 0) this.notes.splice(at, 0, c);
    else this.notes.push(c);
    if (this.notes.length > KEPT_NOTES) this.notes.splice(0, this.notes.length - KEPT_NOTES);
  }

  /** The stored note, if it is this log's (signed, consistent with the current tree) and cosigned by a configured witness. */
  private async loadStored(): Promise<void> {
    const note = await this.store?.load();
    if (note === undefined) return;
    try {
      const verifier: NoteVerifier = { name: this.log.origin, rawPublicKey: this.log.signer.rawPublicKey };
      const cp = verifyCheckpoint(note, verifier, 'stored cosigned checkpoint');
      const current = parseCheckpointText(splitNote(this.log.checkpoint, 'checkpoint').text);
      if (cp.size > current.size) return;
      const proof = cp.size === current.size ? [] : this.log.consistencyProof(cp.size, current.size);
      if (!verifyConsistency(cp.size, current.size, cp.root, current.root, proof)) return;
      const found = verifyCosignatures(
        note,
        this.witnesses.map((w) => w.cosigner),
        'stored cosigned checkpoint',
      );
      if (found.length === 0) return;
      for (const f of found) this.knownSizes.set(f.name, Math.max(this.knownSizes.get(f.name) ?? 0, cp.size));
      this.remember({ size: cp.size, note, count: found.length });
    } catch (err) {
      this.report({
        event: 'witness-stored-ignored',
        reason: err instanceof Error ? err.message : String(err),
      });
    }
  }
}
