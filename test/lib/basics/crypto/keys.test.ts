// Countersigner key files (spec/ED25519.md §6): PEM parsing, key ids, permissions, atomic
// exclusive writes, and the `countersign keygen` verb (its run() and as a real process).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as ed from '@noble/ed25519';
import { run as keygen } from '../../../../src/cli/keygen.ts';
import { signEd25519, verifyEd25519Strict } from '../../../../src/lib/basics/crypto/ed25519.ts';
import {
  generateCountersignerKey,
  keyIdOf,
  parsePrivateKeyPem,
  parsePublicKeyPem,
} from '../../../../src/lib/basics/crypto/ed25519-keys.ts';
import { loadPrivateKeyFile, loadPublicKeyFile, writeKeyPair } from '../../../../src/lib/basics/io/key-files.ts';
import { InputError } from '../../../../src/lib/basics/errors/errors.ts';

const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const REPO = fileURLToPath(new URL('../../../..', import.meta.url));

const pem = (label: string, der: Uint8Array) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n?$/, '\n')}-----END ${label}-----\n`;
const spkiPem = (raw: Uint8Array) => pem('PUBLIC KEY', Buffer.concat([SPKI_PREFIX, raw]));
/** Independent key id: JWK `x` from OpenSSL, hashed with node:crypto. */
const independentKeyId = (publicKeyPem: string) =>
  `sha256:${createHash('sha256')
    .update(Buffer.from(createPublicKey(publicKeyPem).export({ format: 'jwk' }).x as string, 'base64url'))
    .digest('hex')}`;

function rejects(code: string, message: RegExp) {
  return (err: unknown) => {
    assert.ok(err instanceof InputError, `expected an InputError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    assert.match(err.message, message);
    assert.doesNotMatch(err.message, /\n/, 'errors are one line');
    return true;
  };
}

async function withTempDir(f: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-keys-'));
  try {
    await f(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('generateCountersignerKey: PEMs round-trip and the key id matches an independent computation', () => {
  const pair = generateCountersignerKey();
  assert.match(pair.privateKeyPem, /^-----BEGIN PRIVATE KEY-----\n/);
  assert.match(pair.publicKeyPem, /^-----BEGIN PUBLIC KEY-----\n/);
  assert.match(pair.keyId, /^sha256:[0-9a-f]{64}$/);
  assert.equal(pair.keyId, independentKeyId(pair.publicKeyPem));
  const raw = parsePublicKeyPem(pair.publicKeyPem, 'b.pub');
  const priv = parsePrivateKeyPem(pair.privateKeyPem, 'b.key');
  assert.deepEqual(priv.publicKey, raw);
  assert.equal(priv.keyId, pair.keyId);
  assert.equal(keyIdOf(raw), pair.keyId);
  // The seed signs, and OpenSSL with the PEM private key makes the same deterministic signature.
  const message = new TextEncoder().encode('bless');
  const signature = signEd25519(message, priv.seed);
  assert.equal(verifyEd25519Strict(signature, message, raw), true);
  assert.deepEqual(Buffer.from(signature), cryptoSign(null, message, createPrivateKey(pair.privateKeyPem)));
  assert.notEqual(generateCountersignerKey().keyId, pair.keyId, 'fresh randomness each time');
});

test('keyIdOf: known answer for the all-zero seed (spec/ED25519.md §6) and length check', () => {
  const raw = Buffer.from('3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29', 'hex');
  // Value computed with Python's hashlib, recorded in the spec.
  assert.equal(keyIdOf(raw), 'sha256:139e3940e64b5491722088d9a0d741628fc826e09475d341a780acde3c4b8070');
  const priv = parsePrivateKeyPem(pem('PRIVATE KEY', Buffer.concat([PKCS8_PREFIX, new Uint8Array(32)])), 'zero.key');
  assert.deepEqual(Buffer.from(priv.publicKey), raw);
  assert.equal(priv.keyId, 'sha256:139e3940e64b5491722088d9a0d741628fc826e09475d341a780acde3c4b8070');
  assert.throws(
    () => keyIdOf(new Uint8Array(31)),
    rejects('key-invalid', /expected a raw 32-byte Ed25519 public key, found 31 bytes/),
  );
  assert.throws(() => keyIdOf(Buffer.concat([SPKI_PREFIX, raw])), rejects('key-invalid', /found 44 bytes/));
});

test('parsePublicKeyPem: names the wrong algorithm', () => {
  const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
    type: 'spki',
    format: 'pem',
  }) as string;
  assert.throws(
    () => parsePublicKeyPem(p256, 'b.pub'),
    rejects('key-algorithm', /^b\.pub: expected an Ed25519 SPKI public key, found an EC P-256 key$/),
  );
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
    type: 'spki',
    format: 'pem',
  }) as string;
  assert.throws(() => parsePublicKeyPem(rsa, 'b.pub'), rejects('key-algorithm', /found an RSA 1024-bit key$/));
  const ed448 = generateKeyPairSync('ed448').publicKey.export({ type: 'spki', format: 'pem' }) as string;
  assert.throws(() => parsePublicKeyPem(ed448, 'b.pub'), rejects('key-algorithm', /found an Ed448 key$/));
  const x25519 = generateKeyPairSync('x25519').publicKey.export({ type: 'spki', format: 'pem' }) as string;
  assert.throws(() => parsePublicKeyPem(x25519, 'b.pub'), rejects('key-algorithm', /found an X25519 key$/));
});

test('parsePublicKeyPem: exactly one PUBLIC KEY block, canonical base64, nothing around it, capped', () => {
  const good = generateCountersignerKey();
  const other = generateCountersignerKey();
  assert.throws(
    () => parsePublicKeyPem(good.publicKeyPem + other.publicKeyPem, 'b.pub'),
    rejects('key-pem', /expected exactly one PEM block "PUBLIC KEY", found 2/),
  );
  assert.throws(() => parsePublicKeyPem('not a key at all', 'b.pub'), rejects('key-pem', /found no PEM block/));
  assert.throws(() => parsePublicKeyPem('', 'b.pub'), rejects('key-pem', /found no PEM block/));
  assert.throws(
    () => parsePublicKeyPem(good.privateKeyPem, 'b.pub'),
    rejects('key-pem', /expected a PEM block "PUBLIC KEY", found "PRIVATE KEY"/),
  );
  assert.throws(
    () => parsePublicKeyPem(`comment\n${good.publicKeyPem}`, 'b.pub'),
    rejects('key-pem', /nothing but whitespace around them/),
  );
  assert.throws(
    () => parsePublicKeyPem(good.publicKeyPem.replace('\n-----END', '!\n-----END'), 'b.pub'),
    rejects('key-pem', /base64 lines/),
  );
  assert.throws(
    () => parsePublicKeyPem('-----BEGIN PUBLIC KEY-----\nAAAA====\n-----END PUBLIC KEY-----\n', 'b.pub'),
    rejects('key-pem', /canonical base64/),
  );
  assert.throws(
    () => parsePublicKeyPem('-----BEGIN PUBLIC KEY-----\nZ2FyYmFnZQ==\n-----END PUBLIC KEY-----\n', 'b.pub'),
    rejects('key-encoding', /not a SubjectPublicKeyInfo/),
  );
  assert.throws(
    () => parsePublicKeyPem(good.publicKeyPem + ' '.repeat(5000), 'b.pub'),
    rejects('key-too-large', /at most 4096 bytes/),
  );
  // Surrounding whitespace and CRLF line ends are fine.
  assert.equal(keyIdOf(parsePublicKeyPem(`\n${good.publicKeyPem.replace(/\n/g, '\r\n')}\n`, 'b.pub')), good.keyId);
});

test('parsePublicKeyPem: refuses non-canonical, small-order and mixed-order points', () => {
  const p = 2n ** 255n - 19n;
  const identity = new Uint8Array(32);
  identity[0] = 1;
  const nonCanonicalIdentity = Buffer.from((p + 1n).toString(16).padStart(64, '0'), 'hex').reverse();
  const honest = parsePublicKeyPem(generateCountersignerKey().publicKeyPem, 'b.pub');
  const order2 = ed.Point.fromAffine({ x: 0n, y: p - 1n });
  const mixed = ed.Point.fromBytes(honest).add(order2).toBytes();
  for (const [name, raw] of [
    ['identity', identity],
    ['non-canonical', nonCanonicalIdentity],
    ['mixed-order', mixed],
  ] as const) {
    assert.throws(
      () => parsePublicKeyPem(spkiPem(raw), 'b.pub'),
      (err: unknown) => err instanceof InputError && ['key-invalid', 'key-encoding'].includes(err.code),
      name,
    );
  }
  assert.throws(() => parsePublicKeyPem(spkiPem(mixed), 'b.pub'), rejects('key-invalid', /prime order/));
});

test('parsePrivateKeyPem: encrypted, wrong algorithm, wrong block, other encodings', () => {
  const encrypted = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  assert.throws(
    () => parsePrivateKeyPem(encrypted, 'b.key'),
    rejects('key-encrypted', /^b\.key: expected an unencrypted PKCS#8 "PRIVATE KEY", found an encrypted one/),
  );
  const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;
  assert.throws(
    () => parsePrivateKeyPem(p256, 'b.key'),
    rejects('key-algorithm', /^b\.key: expected an Ed25519 PKCS#8 private key, found an EC P-256 key$/),
  );
  const sec1 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
    type: 'sec1',
    format: 'pem',
  }) as string;
  assert.throws(() => parsePrivateKeyPem(sec1, 'b.key'), rejects('key-pem', /found "EC PRIVATE KEY"/));
  const good = generateCountersignerKey();
  assert.throws(() => parsePrivateKeyPem(good.publicKeyPem, 'b.key'), rejects('key-pem', /found "PUBLIC KEY"/));
  assert.throws(
    () => parsePrivateKeyPem(good.privateKeyPem + good.privateKeyPem, 'b.key'),
    rejects('key-pem', /found 2/),
  );
  // RFC 8410 §10.3's v2 form, carrying the public key too: only the v1 encoding is accepted.
  const seed = new Uint8Array(32).fill(7);
  const pub = parsePrivateKeyPem(pem('PRIVATE KEY', Buffer.concat([PKCS8_PREFIX, seed])), 'v1').publicKey;
  const v2 = Buffer.concat([
    Buffer.from('3051020101300506032b657004220420', 'hex'),
    seed,
    Buffer.from('812100', 'hex'),
    pub,
  ]);
  assert.throws(
    () => parsePrivateKeyPem(pem('PRIVATE KEY', v2), 'b.key'),
    (err: unknown) => err instanceof InputError && err.code === 'key-encoding',
  );
});

test('key files: round trip through writeKeyPair, modes, no stray temporary files', async () => {
  await withTempDir(async (dir) => {
    const out = join(dir, 'b.key');
    const written = await writeKeyPair(out);
    assert.deepEqual(
      { privatePath: written.privatePath, publicPath: written.publicPath },
      { privatePath: out, publicPath: `${out}.pub` },
    );
    assert.equal((await stat(out)).mode & 0o777, 0o600);
    assert.deepEqual((await readdir(dir)).sort(), ['b.key', 'b.key.pub']);
    const priv = await loadPrivateKeyFile(out);
    const pub = await loadPublicKeyFile(`${out}.pub`);
    assert.equal(priv.keyId, written.keyId);
    assert.equal(pub.keyId, written.keyId);
    assert.deepEqual(priv.publicKey, pub.publicKey);
    assert.equal(written.keyId, independentKeyId(await readFile(`${out}.pub`, 'utf8')));
    // The private file is a standard PKCS#8 PEM that OpenSSL loads.
    assert.equal(createPrivateKey(await readFile(out, 'utf8')).asymmetricKeyType, 'ed25519');
  });
});

test('writeKeyPair refuses to overwrite either file and leaves no half pair', async () => {
  await withTempDir(async (dir) => {
    const out = join(dir, 'b.key');
    await writeKeyPair(out);
    const before = await readFile(out, 'utf8');
    await assert.rejects(writeKeyPair(out), rejects('key-exists', /b\.key: already exists; refusing to overwrite/));
    assert.equal(await readFile(out, 'utf8'), before);
    const lonely = join(dir, 'c.key');
    await writeFile(`${lonely}.pub`, "someone else's key\n");
    await assert.rejects(writeKeyPair(lonely), rejects('key-exists', /c\.key\.pub: already exists/));
    assert.deepEqual((await readdir(dir)).sort(), ['b.key', 'b.key.pub', 'c.key.pub']);
    await assert.rejects(writeKeyPair(join(dir, 'missing', 'd.key')), rejects('key-unwritable', /no such directory/));
  });
});

test('loadPrivateKeyFile: refuses group/other access with a chmod 600 hint, caps size, names the problem', async () => {
  await withTempDir(async (dir) => {
    const out = join(dir, 'b.key');
    await writeKeyPair(out);
    for (const mode of [0o640, 0o604, 0o660, 0o610]) {
      await chmod(out, mode);
      await assert.rejects(
        loadPrivateKeyFile(out),
        rejects('key-permissions', new RegExp(`found mode 0${mode.toString(8)}; run 'chmod 600 .*b\\.key'`)),
      );
    }
    await chmod(out, 0o400);
    assert.match((await loadPrivateKeyFile(out)).keyId, /^sha256:/);
    const big = join(dir, 'big.key');
    await writeFile(big, (await readFile(out, 'utf8')) + ' '.repeat(9000), { mode: 0o600 });
    await assert.rejects(loadPrivateKeyFile(big), rejects('key-too-large', /at most 8192 bytes, found 9\d{3}/));
    const der = join(dir, 'der.key');
    await writeFile(der, Buffer.concat([PKCS8_PREFIX, Buffer.alloc(32, 0xff)]), { mode: 0o600 });
    await assert.rejects(loadPrivateKeyFile(der), rejects('key-pem', /binary data/));
    await assert.rejects(loadPrivateKeyFile(join(dir, 'nope.key')), rejects('key-unreadable', /no such file/));
    await assert.rejects(loadPrivateKeyFile(dir), rejects('key-unreadable', /not a regular file/));
    await assert.rejects(
      loadPublicKeyFile(out),
      rejects('key-pem', /expected a PEM block "PUBLIC KEY", found "PRIVATE KEY"/),
    );
  });
});

test('keygen run(): key id alone on stdout, paths on stderr, usage errors exit 2', async (t) => {
  await withTempDir(async (dir) => {
    const logs: string[] = [];
    const errors: string[] = [];
    t.mock.method(console, 'log', (s: string) => logs.push(s));
    t.mock.method(console, 'error', (s: string) => errors.push(s));
    const out = join(dir, 'b.key');
    assert.equal(await keygen(['--out', out]), 0);
    assert.equal(logs.length, 1);
    assert.equal(logs[0], (await loadPrivateKeyFile(out)).keyId);
    assert.match(
      errors.join('\n'),
      new RegExp(`${out.replace(/[.\\]/g, '\\$&')}.*${out.replace(/[.\\]/g, '\\$&')}\\.pub`),
    );
    await assert.rejects(keygen(['--out', out]), rejects('key-exists', /already exists/));
    assert.equal(await keygen([]), 2);
    assert.equal(await keygen(['--bogus']), 2);
    assert.equal(await keygen(['--out', join(dir, 'x'), 'extra']), 2);
    assert.equal(await keygen(['--help']), 0);
    assert.match(logs.at(-1) ?? '', /usage: countersign keygen --out FILE/);
  });
});

test('keygen as a real process through the CLI dispatcher', async () => {
  await withTempDir(async (dir) => {
    const out = join(dir, 'b.key');
    const cli = join(REPO, 'src/cli/main.ts');
    const first = await promisify(execFile)(process.execPath, [cli, 'keygen', '--out', out], { cwd: REPO });
    assert.match(first.stdout, /^sha256:[0-9a-f]{64}\n$/);
    assert.equal(first.stdout.trim(), independentKeyId(await readFile(`${out}.pub`, 'utf8')));
    assert.equal((await stat(out)).mode & 0o777, 0o600);
    const second = await promisify(execFile)(process.execPath, [cli, 'keygen', '--out', out], { cwd: REPO }).then(
      () => assert.fail('a second keygen must refuse to overwrite'),
      (err: unknown) => err as { code: number; stdout: string; stderr: string },
    );
    assert.equal(second.code, 2);
    assert.equal(second.stdout, '');
    assert.match(second.stderr, /already exists; refusing to overwrite/);
  });
});
