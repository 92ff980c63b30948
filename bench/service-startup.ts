// Start-up of the countersigning service's log at scale (issue 15): time to open a log of
// 1 000 000 entries and the opening process's peak RSS (targets: <= 5 s, <= 250 MiB), then the
// first page of entries served (checked in full) and an inclusion and a consistency proof.
//
// The log is written directly (one transaction: entries, tree nodes, stream heads, the signed
// checkpoint and stream-state note, the high-water mark), through the same StoredTree the
// service uses; only the last page of entries carries real countersignatures (the others'
// signatures are never checked here: entries are checked when served). Each open runs in its
// own process (`node bench/service-startup.ts open DIR`), so that its peak RSS is its own.
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ed25519PublicKeyOf, signEd25519 } from '../src/lib/basics/crypto/ed25519.ts';
import { keyIdOf } from '../src/lib/basics/crypto/ed25519-keys.ts';
import { preAuthEncoding } from '../src/lib/basics/crypto/pae.ts';
import { seedSigner } from '../src/lib/basics/crypto/signer.ts';
import { signCheckpoint } from '../src/lib/checks/log/checkpoint.ts';
import { leafHash } from '../src/lib/checks/log/merkle.ts';
import type { NoteSigner } from '../src/lib/checks/log/note.ts';
import { COUNTERSIGNATURE_PAYLOAD_TYPE } from '../src/lib/formats/core/types.ts';
import {
  buildCountersignatureStatement,
  serializeCountersignatureStatement,
} from '../src/lib/formats/countersignature/statement.ts';
import { DATABASE_FILE, LogStore } from '../src/server/store.ts';
import { writeHighWater } from '../src/server/storage/high-water.ts';
import { StoredTree } from '../src/server/storage/stored-tree.ts';
import { type StreamHead, signStreamState } from '../src/server/storage/stream-state.ts';
import { TransparencyLog } from '../src/server/transparency-log.ts';
import { type Row, NODE, fmt, median, timeProcess } from './lib.ts';

const LOG_SEED = new Uint8Array(32).fill(3);
const CS_SEED = new Uint8Array(32).fill(4);
const ORIGIN = 'countersign.bench/startup';
const STREAMS = 1000;
const PAGE = 100;

function logSigner(): NoteSigner {
  const raw = ed25519PublicKeyOf(LOG_SEED);
  return { name: ORIGIN, rawPublicKey: raw, signer: seedSigner(LOG_SEED, keyIdOf(raw)) };
}

/** Writes a log of `n` entries into `dataDir` (STREAMS streams, versions 1, 2, ... each). */
async function generate(dataDir: string, n: number): Promise<void> {
  const store = await LogStore.open(dataDir);
  store.close(); // creates the schema; the rows are written below, directly
  const db = new DatabaseSync(join(dataDir, DATABASE_FILE));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;');
  const csKey = ed25519PublicKeyOf(CS_SEED);
  const csKeyId = keyIdOf(csKey);
  db.prepare('INSERT OR REPLACE INTO keys (key_id, public_key) VALUES (?, ?)').run(csKeyId, csKey);
  const insertEntry = db.prepare('INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertNode = db.prepare('INSERT INTO nodes (level, idx, hash) VALUES (?, ?, ?)');
  const tree = new StoredTree((level, index) => {
    const row = (
      level === 0
        ? db.prepare('SELECT leaf_hash AS h FROM entries WHERE idx = ?').get(index)
        : db.prepare('SELECT hash AS h FROM nodes WHERE level = ? AND idx = ?').get(level, index)
    ) as { h: Uint8Array } | undefined;
    return row ? new Uint8Array(row.h) : undefined;
  }, 0);
  const heads = new Map<string, StreamHead>();
  const certificate = randomBytes(700);
  const fakeSignature = new Uint8Array(64);
  const signedAt = new Date('2025-06-01T00:00:00Z');
  db.exec('BEGIN');
  let pendingNodes = [];
  for (let i = 0; i < n; i++) {
    const stream = `bench/s${i % STREAMS}:stable`;
    const version = Math.floor(i / STREAMS) + 1;
    const statement = buildCountersignatureStatement({
      keyId: csKeyId,
      primary: {
        payload: randomBytes(32),
        payloadType: 'application/vnd.in-toto+json',
        signature: randomBytes(32),
        certificate,
        tlogEntries: [{ logId: 'wNI9atQGlz+VWfO6LRygH4QUfY/8W4RFwiT5i5WRgB0=', logIndex: String(i) }],
        timestamps: [],
      },
      stream,
      version,
      signedAt,
    });
    const bytes = serializeCountersignatureStatement(statement);
    const leaf = leafHash(bytes);
    const signature =
      i >= n - PAGE ? signEd25519(preAuthEncoding(COUNTERSIGNATURE_PAYLOAD_TYPE, bytes), CS_SEED) : fakeSignature;
    insertEntry.run(
      i,
      leaf,
      bytes,
      signature,
      csKeyId,
      stream,
      version,
      statement.payloadDigest.sha256,
      statement.primarySignatureDigest.sha256,
      certificate,
      'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
      statement.signedAt,
    );
    const { nodes } = tree.append(leaf);
    for (const node of nodes) if (node.level > 0) insertNode.run(node.level, node.index, node.hash);
    pendingNodes.push(...nodes);
    if (pendingNodes.length > 50_000) {
      tree.committedUpTo(i + 1, pendingNodes);
      pendingNodes = [];
    }
    heads.set(stream, { version, index: i, payloadDigest: statement.payloadDigest.sha256 });
  }
  tree.committedUpTo(n, pendingNodes);
  for (const [stream, head] of heads)
    db.prepare('INSERT INTO streams VALUES (?, ?, ?, ?)').run(stream, head.version, head.index, head.payloadDigest);
  const signer = logSigner();
  const note = await signCheckpoint({ size: n, root: tree.root(n) }, signer);
  const state = await signStreamState(heads, n, signer);
  db.prepare('INSERT OR REPLACE INTO checkpoint (id, size, note, state) VALUES (1, ?, ?, ?)').run(n, note, state);
  db.exec('COMMIT');
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.close();
  await writeHighWater(dataDir, note);
}

interface OpenResult {
  openMs: number;
  pageMs: number;
  proofMs: number;
  size: number;
  maxRssMiB: number;
}

/** The child: opens the log as `serve` does, serves the last page and two proofs. */
async function open(dataDir: string): Promise<OpenResult> {
  const started = performance.now();
  const store = await LogStore.open(dataDir);
  const log = await TransparencyLog.open(store, logSigner(), { countersignerKeys: [ed25519PublicKeyOf(CS_SEED)] });
  const openMs = performance.now() - started;
  try {
    const pageStarted = performance.now();
    const page = store.entries(log.size - PAGE, log.size);
    if (page.length !== PAGE) throw new Error(`bench service-startup: served ${page.length} entries, not ${PAGE}`);
    const pageMs = performance.now() - pageStarted;
    const proofStarted = performance.now();
    log.inclusionProof(Math.floor(log.size / 3));
    log.consistencyProof(Math.floor(log.size / 2) + 1);
    const proofMs = performance.now() - proofStarted;
    return { openMs, pageMs, proofMs, size: log.size, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
  } finally {
    store.close();
  }
}

export async function benchServiceStartup(options: { entries: number; runs: number }): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-bench-startup-'));
  try {
    const dataDir = join(dir, 'data');
    await mkdir(dataDir, { mode: 0o700 });
    const generated = performance.now();
    await generate(dataDir, options.entries);
    const generateMs = performance.now() - generated;
    const results: OpenResult[] = [];
    for (let i = 0; i < options.runs; i++) {
      const run = await timeProcess(NODE, [new URL(import.meta.url).pathname, 'open', dataDir]);
      if (run.code !== 0)
        throw new Error(
          `bench service-startup: open exited ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`,
        );
      results.push(JSON.parse(run.stdout) as OpenResult);
    }
    const n = options.entries;
    const detail = `median of ${options.runs} opens, each in its own process (open = lock, checks, right edge of the tree, signed checkpoint, stream heads, high-water mark); first page of ${PAGE} entries checked in full ${fmt(median(results.map((r) => r.pageMs)), 0)} ms; inclusion + consistency proof ${fmt(median(results.map((r) => r.proofMs)), 1)} ms; generating the log took ${fmt(generateMs / 1000, 0)} s`;
    return [
      {
        group: 'startup',
        name: `service log start-up, ${n} entries`,
        value: median(results.map((r) => r.openMs)),
        unit: 'ms',
        target: { op: '<=', value: 5000 },
        detail,
      },
      {
        group: 'startup',
        name: `service log start-up peak RSS, ${n} entries`,
        value: Math.max(...results.map((r) => r.maxRssMiB)),
        unit: 'MiB',
        target: { op: '<=', value: 250 },
        detail: 'whole process: node, the opened log, one served page and two proofs',
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const [mode, dataDir, n] = process.argv.slice(2);
  if (mode === 'open' && dataDir) process.stdout.write(`${JSON.stringify(await open(dataDir))}\n`);
  else if (mode === 'generate' && dataDir) await generate(dataDir, Number(n ?? 1_000_000));
  else if (mode === 'run') console.log(await benchServiceStartup({ entries: Number(dataDir ?? 1_000_000), runs: 3 }));
  else throw new Error('usage: node bench/service-startup.ts open DIR | generate DIR N | run [N]');
}
