// The stack's transparency log: ONE growing RFC 6962 Merkle tree per stack (the library's
// MerkleTree, src/lib/checks/log/tree.ts: one implementation of the hashing and the proofs),
// so that every entry's inclusion proof is a real audit path in a tree of all entries so far,
// and every checkpoint commits to a prefix of the next one. @sigstore/mock's TLog gives each
// entry a tree of its own (treeSize 1, no audit path), which proved nothing about the proofs.
//
// Two checkpoint flavours, as the real logs sign them:
//   Rekor v1  origin "<host> - <tree id>", a "Timestamp: <ns>" line, an ECDSA P-256 signature
//             whose 4-byte hint is the log id (SHA-256 of the SPKI key); entries also get a
//             signed entry timestamp (SET) over {body, integratedTime, logID, logIndex}.
//   Rekor v2  a C2SP checkpoint (origin "<host>"), Ed25519 signed note through the library's
//             signCheckpoint; the log id is the note key's full hash, whose first 4 bytes are
//             the note's key hint (as log2025-1.rekor.sigstore.dev's trusted-root entry).
import { createHash, generateKeyPairSync, randomInt, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { leafHash } from '../lib/checks/log/merkle.ts';
import { MerkleTree } from '../lib/checks/log/tree.ts';
import { signCheckpoint } from '../lib/checks/log/checkpoint.ts';
import type { NoteSigner } from '../lib/checks/log/note.ts';

export interface InclusionProof {
  index: number;
  treeSize: number;
  rootHash: Uint8Array;
  hashes: Uint8Array[];
  /** The signed checkpoint note for treeSize. */
  checkpoint: string;
}

export interface LoggedEntry {
  index: number;
  /** Seconds since the epoch (Rekor v1; Rekor v2 entries carry none). */
  integratedTime: number;
  proof: InclusionProof;
  /** Rekor v1 only: the signed entry timestamp. */
  signedEntryTimestamp: Uint8Array | undefined;
}

export type LogVersion = 1 | 2;

/** JSON with sorted keys (RFC 8785 for the strings, integers and objects a Rekor body holds). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export class StackLog {
  readonly version: LogVersion;
  /** The key the trusted root pins: SPKI DER. */
  readonly publicKeyDer: Buffer;
  /** The log id the trusted root and every entry carry. */
  readonly logId: Buffer;
  private readonly host: string;
  private readonly privateKey: KeyObject;
  private readonly noteSigner: NoteSigner | undefined;
  private readonly treeId = randomInt(2 ** 47);
  private readonly tree = new MerkleTree();
  /** Appends are serialised: an entry's proof and checkpoint are for the tree right after it. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(baseUrl: string, version: LogVersion) {
    this.version = version;
    this.host = new URL(baseUrl).host;
    if (version === 1) {
      const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      this.privateKey = privateKey;
      this.publicKeyDer = publicKey.export({ format: 'der', type: 'spki' });
      this.logId = createHash('sha256').update(this.publicKeyDer).digest();
      this.noteSigner = undefined;
    } else {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      this.privateKey = privateKey;
      this.publicKeyDer = publicKey.export({ format: 'der', type: 'spki' });
      const raw = new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url'));
      // C2SP signed-note key hash: SHA-256(name || "\n" || 0x01 || key); its first 4 bytes are the hint.
      this.logId = createHash('sha256')
        .update(this.host, 'utf8')
        .update(Buffer.from([0x0a, 0x01]))
        .update(raw)
        .digest();
      this.noteSigner = {
        name: this.host,
        rawPublicKey: raw,
        signer: {
          keyId: `sha256:${createHash('sha256').update(raw).digest('hex')}`,
          sign: (message) => Promise.resolve(new Uint8Array(sign(null, message, privateKey))),
        },
      };
    }
  }

  get size(): number {
    return this.tree.size;
  }

  /** Logs `body` (the canonicalized entry) and returns its index, proof and checkpoint. */
  append(body: Uint8Array): Promise<LoggedEntry> {
    const next = this.queue.then(() => this.appendNow(body));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async appendNow(body: Uint8Array): Promise<LoggedEntry> {
    const index = this.tree.append(leafHash(body));
    const treeSize = this.tree.size;
    const rootHash = this.tree.root(treeSize);
    const hashes = this.tree.inclusionProof(index, treeSize);
    const integratedTime = Math.floor(Date.now() / 1000);
    const checkpoint =
      this.noteSigner === undefined
        ? this.v1Checkpoint(treeSize, rootHash, integratedTime)
        : await signCheckpoint({ size: treeSize, root: rootHash }, this.noteSigner);
    const signedEntryTimestamp =
      this.version === 1
        ? new Uint8Array(
            sign(
              'sha256',
              Buffer.from(
                canonicalJson({
                  body: Buffer.from(body).toString('base64'),
                  integratedTime,
                  logID: this.logId.toString('hex'),
                  logIndex: index,
                }),
              ),
              this.privateKey,
            ),
          )
        : undefined;
    return {
      index,
      integratedTime,
      proof: { index, treeSize, rootHash, hashes, checkpoint },
      signedEntryTimestamp,
    };
  }

  /** Rekor v1's checkpoint (rekor pkg/util/checkpoint.go): ECDSA over the note text. */
  private v1Checkpoint(size: number, root: Uint8Array, seconds: number): string {
    const text = `${this.host} - ${this.treeId}\n${size}\n${Buffer.from(root).toString('base64')}\nTimestamp: ${seconds * 1_000_000_000}\n`;
    const signature = sign('sha256', Buffer.from(text, 'utf8'), this.privateKey);
    const blob = Buffer.concat([this.logId.subarray(0, 4), signature]).toString('base64');
    return `${text}\n\u2014 ${this.host} ${blob}\n`;
  }
}
