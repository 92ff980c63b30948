// A real TUF repository for the tests of `countersign trusted-root` (issue 14): metadata built and
// signed with @tufjs/models (what tuf-js itself reads), ECDSA P-256 keys like Sigstore's, and a
// node:http server on 127.0.0.1 that serves the files as a TUF mirror does (consistent
// snapshots: `N.root.json`, `timestamp.json`, `N.snapshot.json`, `N.targets.json`,
// `targets/<sha256>.<name>`). @tufjs/repo-mock only answers through nock and has one key for
// every role, so it can neither be reached over real HTTP nor rotate a root; this builds what
// a rotation needs (root v2 signed by v1's keys and its own) and the broken repositories the
// client must refuse (expired timestamp, wrong signer, target bytes that do not match).
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Key, Metadata, MetaFile, Root, Signature, Snapshot, TargetFile, Targets, Timestamp } from '@tufjs/models';

const SPEC_VERSION = '1.0.31';
const ROLES = ['root', 'timestamp', 'snapshot', 'targets'] as const;
type Role = (typeof ROLES)[number];

export interface TufKey {
  readonly meta: Key;
  readonly privateKey: KeyObject;
}

/** A fresh ECDSA P-256 key, its id the SHA-256 of its canonical public part (as TUF defines). */
export function tufKey(): TufKey {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const canonical = `{"keytype":"ecdsa","keyval":{"public":${JSON.stringify(pem)}},"scheme":"ecdsa-sha2-nistp256"}`;
  const keyID = sha256(canonical);
  return {
    meta: new Key({ keyID, keyType: 'ecdsa', scheme: 'ecdsa-sha2-nistp256', keyVal: { public: pem } }),
    privateKey,
  };
}

function signer(key: TufKey): (data: Buffer) => Signature {
  return (data) => new Signature({ keyID: key.meta.keyID, sig: sign('sha256', data, key.privateKey).toString('hex') });
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function bytesOf(meta: Metadata<Root | Timestamp | Snapshot | Targets>): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(meta.toJSON(), null, 2)}\n`);
}

export interface PublishOptions {
  /** Target name -> its bytes, listed in the targets metadata and served. */
  targets: Record<string, Uint8Array>;
  /** Served instead of the listed bytes (a mirror that swapped a target). */
  servedTargets?: Record<string, Uint8Array>;
  /** Days until each role's metadata expires (negative: already expired). Default 30. */
  expiresInDays?: Partial<Record<Exclude<Role, 'root'>, number>>;
  /** Sign the timestamp with this key instead of the one the root names. */
  timestampSignedBy?: TufKey;
}

/**
 * One TUF repository: root versions (v1 at construction), and the timestamp, snapshot and
 * targets metadata of the latest root's keys, published as files.
 */
export class TufRepo {
  readonly keys: Record<Role, TufKey>;
  private readonly roots: Uint8Array[] = [];

  constructor() {
    this.keys = { root: tufKey(), timestamp: tufKey(), snapshot: tufKey(), targets: tufKey() };
    this.roots.push(this.signRoot(1, this.keys, [this.keys.root]));
  }

  /** The version-1 root's bytes: what a client is given to start from. */
  get initialRoot(): Uint8Array {
    const first = this.roots[0];
    if (first === undefined) throw new Error('no root');
    return first;
  }

  /**
   * Publishes the next root version with new keys for `replace` (default: root and timestamp),
   * signed by the old root key and the new one, or only by the keys in `signedBy` (a rotation a
   * client must refuse: not signed by a threshold of the old root's keys).
   */
  rotateRoot(options: { replace?: Role[]; signedBy?: ('old' | 'new')[] } = {}): void {
    const old = this.keys.root;
    for (const role of options.replace ?? ['root', 'timestamp']) this.keys[role] = tufKey();
    const signers = (options.signedBy ?? ['old', 'new']).map((who) => (who === 'old' ? old : this.keys.root));
    this.roots.push(this.signRoot(this.roots.length + 1, this.keys, signers));
  }

  private signRoot(version: number, keys: Record<Role, TufKey>, signers: TufKey[]): Uint8Array {
    const root = new Metadata(
      new Root({ version, specVersion: SPEC_VERSION, expires: inDays(365), consistentSnapshot: true }),
    );
    for (const role of ROLES) root.signed.addKey(keys[role].meta, role);
    for (const key of signers) root.sign(signer(key), true);
    return bytesOf(root);
  }

  /** The repository's files, by path under the mirror URL. */
  publish(options: PublishOptions): Map<string, Uint8Array> {
    const files = new Map<string, Uint8Array>();
    this.roots.forEach((bytes, i) => files.set(`${i + 1}.root.json`, bytes));
    const expires = (role: Exclude<Role, 'root'>) => inDays(options.expiresInDays?.[role] ?? 30);

    const targets = new Metadata(new Targets({ version: 1, specVersion: SPEC_VERSION, expires: expires('targets') }));
    for (const [name, content] of Object.entries(options.targets)) {
      const hash = sha256(content);
      targets.signed.addTarget(new TargetFile({ path: name, length: content.length, hashes: { sha256: hash } }));
      files.set(`targets/${hash}.${name}`, options.servedTargets?.[name] ?? content);
    }
    targets.sign(signer(this.keys.targets));
    const targetsBytes = bytesOf(targets);
    files.set('1.targets.json', targetsBytes);

    const snapshot = new Metadata(
      new Snapshot({
        version: 1,
        specVersion: SPEC_VERSION,
        expires: expires('snapshot'),
        meta: { 'targets.json': new MetaFile({ version: 1 }) },
      }),
    );
    snapshot.sign(signer(this.keys.snapshot));
    const snapshotBytes = bytesOf(snapshot);
    files.set('1.snapshot.json', snapshotBytes);

    const timestamp = new Metadata(
      new Timestamp({
        version: 1,
        specVersion: SPEC_VERSION,
        expires: expires('timestamp'),
        snapshotMeta: new MetaFile({
          version: 1,
          length: snapshotBytes.length,
          hashes: { sha256: sha256(snapshotBytes) },
        }),
      }),
    );
    timestamp.sign(signer(options.timestampSignedBy ?? this.keys.timestamp));
    files.set('timestamp.json', bytesOf(timestamp));
    return files;
  }
}

export interface TufMirror {
  /** http://127.0.0.1:PORT (no trailing slash). */
  readonly url: string;
  /** Every path asked for, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** Serves `files` on 127.0.0.1 (GET only; anything else, or an unknown path, is 404). */
export async function serveTufRepo(files: ReadonlyMap<string, Uint8Array>): Promise<TufMirror> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/^\//, '');
    requests.push(path);
    const body = req.method === 'GET' ? files.get(path) : undefined;
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
