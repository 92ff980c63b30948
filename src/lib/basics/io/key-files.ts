// Countersigner key files (spec/ED25519.md §6): reading a key file with a size cap and, for
// a private key, the checks of file-safety.ts (its mode, owner, not a symlink, a directory
// others cannot write); writing a new key pair, or the public half of a key made in a token,
// atomically and never over an existing file. Parsing the PEM is basics/crypto/ed25519-keys.ts.
import { lstat, rm } from 'node:fs/promises';
import { InputError } from '../errors/errors.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { checkSecretFilePlace } from './file-safety.ts';
import { ED25519_SPKI_PREFIX } from '../crypto/ed25519.ts';
import { fsReason, readCappedFile } from './read-capped.ts';
import {
  type CountersignerPrivateKey,
  type CountersignerPublicKey,
  MAX_PRIVATE_KEY_PEM_BYTES,
  MAX_PUBLIC_KEY_PEM_BYTES,
  generateCountersignerKey,
  keyIdOf,
  parsePrivateKeyPem,
  parsePublicKeyPem,
} from '../crypto/ed25519-keys.ts';

/** Reads and parses a private key file; refuses one that group or others can access. */
export async function loadPrivateKeyFile(path: string): Promise<CountersignerPrivateKey> {
  await checkSecretFilePlace(path, 'a private key file');
  const bytes = await readKeyFile(path, 'private key', MAX_PRIVATE_KEY_PEM_BYTES, true);
  try {
    return parsePrivateKeyPem(decodeText(bytes, path), path);
  } finally {
    bytes.fill(0);
  }
}

/** Reads and parses an Ed25519 SPKI public key file. */
export async function loadPublicKeyFile(path: string): Promise<CountersignerPublicKey> {
  const bytes = await readKeyFile(path, 'public key', MAX_PUBLIC_KEY_PEM_BYTES, false);
  const publicKey = parsePublicKeyPem(decodeText(bytes, path), path);
  return { publicKey, keyId: keyIdOf(publicKey) };
}

/**
 * Writes a new key pair: the private key to `outPath` (mode 0600) and the public key to
 * `outPath + '.pub'`, each atomically and exclusively: an existing file is never replaced.
 */
export async function writeKeyPair(
  outPath: string,
): Promise<{ keyId: string; privatePath: string; publicPath: string }> {
  const privatePath = outPath;
  const publicPath = `${outPath}.pub`;
  // Fail before writing anything when either file exists; the exclusive writes below still
  // close the race with a file created in between.
  for (const path of [privatePath, publicPath]) await refuseExisting(path);
  const pair = generateCountersignerKey();
  await writeExclusive(privatePath, pair.privateKeyPem, 0o600);
  try {
    await writeExclusive(publicPath, pair.publicKeyPem, 0o644);
  } catch (err) {
    // Do not leave half a key pair: the private key file was created by us just above.
    await rm(privatePath, { force: true });
    throw err;
  }
  return { keyId: pair.keyId, privatePath, publicPath };
}

/** Refuses before anything else is done (a token touched) when `path` exists. */
export async function refuseExistingKeyFile(path: string): Promise<void> {
  await refuseExisting(path);
}

/** Writes the SPKI PEM of a raw Ed25519 public key to `path`, atomically and exclusively (mode 0644). */
export async function writePublicKeyFile(path: string, rawPublicKey: Uint8Array): Promise<void> {
  const der = Buffer.concat([ED25519_SPKI_PREFIX, rawPublicKey]).toString('base64');
  await writeExclusive(path, `-----BEGIN PUBLIC KEY-----\n${der}\n-----END PUBLIC KEY-----\n`, 0o644);
}

async function readKeyFile(path: string, what: string, maxBytes: number, isPrivate: boolean): Promise<Uint8Array> {
  return readCappedFile(path, {
    maxBytes,
    privateKey: isPrivate,
    codes: {
      unreadable: 'key-unreadable',
      tooLarge: 'key-too-large',
      changed: 'key-unreadable',
      permissions: 'key-permissions',
    },
    message: (f) => {
      switch (f.kind) {
        case 'unreadable':
          return `${path}: could not read the ${what} file (${f.reason})`;
        case 'not-a-file':
          return `${path}: expected a ${what} file, found something that is not a regular file`;
        case 'permissions':
          return `${path}: expected a private key file only its owner can access (mode 0600), found mode 0${f.mode.toString(8)}; run 'chmod 600 ${path}'`;
        case 'too-large':
          return `${path}: expected a ${what} file of at most ${maxBytes} bytes, found ${f.size ?? 'more'}`;
        default:
          return undefined;
      }
    },
  });
}

function decodeText(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(
      'key-pem',
      `${path}: expected a PEM text file, found binary data (a DER key? convert it with 'openssl pkey -outform PEM')`,
    );
  }
}

async function refuseExisting(path: string): Promise<void> {
  try {
    await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw unreadable(path, 'key', err);
  }
  throw exists(path);
}

async function writeExclusive(path: string, data: string, mode: number): Promise<void> {
  try {
    await writeFileAtomic(path, data, { mode, exclusive: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw exists(path);
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(
      'key-unwritable',
      `${path}: could not write the key file (${code === 'ENOENT' ? 'no such directory' : fsReason(err)})`,
    );
  }
}

function exists(path: string): InputError {
  return new InputError(
    'key-exists',
    `${path}: already exists; refusing to overwrite a key file (choose another --out, or move the old key away first)`,
  );
}

function unreadable(path: string, what: string, err: unknown): InputError {
  return new InputError('key-unreadable', `${path}: could not read the ${what} file (${fsReason(err)})`);
}
