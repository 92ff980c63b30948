// A countersigning key reference, wherever one is accepted (`countersign --key`, `serve --key`
// and `--log-key`, fallback and new keys countersigning a rotation, the action's countersign
// step; docs/keys.md): a value starting with `pkcs11:` is a PKCS#11 URI (RFC 7512) naming a key
// pair in a token, anything else the path of a PKCS#8 PEM key file. Either way the result is a
// signer with its key id and raw public key; the PKCS#11 binding is loaded only for a URI.
import { isAbsolute } from 'node:path';
import type { CountersignSigner } from '../crypto/signer.ts';
import { seedSigner } from '../crypto/signer.ts';
import { InputError } from '../errors/errors.ts';
import type { TokenLocation } from '../pkcs11/session.ts';
import { nameTemplate } from '../pkcs11/objects.ts';
import { isPkcs11Uri, parsePkcs11Uri, redactPkcs11Uri } from '../pkcs11/uri.ts';
import { checkSecretFilePlace } from './file-safety.ts';
import { loadPrivateKeyFile, refuseExistingKeyFile, writePublicKeyFile } from './key-files.ts';
import { readCappedFile } from './read-capped.ts';

/** The module used when a URI has no module-path. */
export const DEFAULT_MODULE_ENV = 'COUNTERSIGN_PKCS11_MODULE';
const MAX_PIN_FILE_BYTES = 256;

export interface SigningKey {
  signer: CountersignSigner;
  keyId: string;
  rawPublicKey: Uint8Array;
  /** 'file' or 'pkcs11'. */
  store: 'file' | 'pkcs11';
  /** Zeroes a key file's seed, or closes the token session. */
  close(): void;
}

export { isPkcs11Uri };

export interface OpenKeyOptions {
  /**
   * Refuse a PIN written in the URI (pin-value): for a long-running process (`serve`), whose
   * command line every local user can read in /proc/PID/cmdline for as long as it runs.
   */
  refusePinValue?: boolean;
}

/** Opens the key a `--key` value names (`flag` names it in messages). */
export async function openSigningKey(
  reference: string,
  flag: string,
  options: OpenKeyOptions = {},
): Promise<SigningKey> {
  if (!isPkcs11Uri(reference)) {
    const key = await loadPrivateKeyFile(reference);
    return {
      signer: seedSigner(key.seed, key.keyId),
      keyId: key.keyId,
      rawPublicKey: key.publicKey,
      store: 'file',
      close: () => {
        key.seed.fill(0);
      },
    };
  }
  const location = await tokenLocation(reference, flag, options);
  const { openPkcs11Signer } = await import('../pkcs11/signer.ts');
  const signer = await openPkcs11Signer(location);
  return {
    signer,
    keyId: signer.keyId,
    rawPublicKey: signer.rawPublicKey,
    store: 'pkcs11',
    close: () => {
      signer.close();
    },
  };
}

/**
 * `keygen --key PKCS11_URI --out NAME`: makes the pair in the token, then writes NAME.pub
 * only. NAME.pub must not exist (checked before the token is touched); if the token fails,
 * nothing is written.
 */
export async function generateKeyInToken(
  reference: string,
  outPath: string,
  flag: string,
): Promise<{ keyId: string; publicPath: string }> {
  const publicPath = `${outPath}.pub`;
  await refuseExistingKeyFile(publicPath);
  const location = await tokenLocation(reference, flag);
  const { generatePkcs11Key } = await import('../pkcs11/keygen.ts');
  const { rawPublicKey, keyId } = await generatePkcs11Key(location);
  await writePublicKeyFile(publicPath, rawPublicKey);
  return { keyId, publicPath };
}

async function tokenLocation(reference: string, flag: string, options: OpenKeyOptions = {}): Promise<TokenLocation> {
  const what = `${flag} ${redactPkcs11Uri(reference)}`;
  const uri = parsePkcs11Uri(reference, what);
  if (options.refusePinValue && uri.pinValue !== undefined)
    throw new InputError(
      'pkcs11-pin',
      `${what}: expected pin-source=file:/path/to/pin-file (mode 0600), found pin-value: a PIN in a key reference leaks (other local users read a command line in /proc/PID/cmdline; inputs and commands reach logs)`,
    );
  nameTemplate(uri, what); // a URI that names no key pair is refused before the token is touched
  const modulePath = uri.modulePath ?? (process.env[DEFAULT_MODULE_ENV] || undefined);
  if (modulePath === undefined)
    throw new InputError(
      'pkcs11-module',
      `${what}: expected module-path=/path/to/module.so in the URI or ${DEFAULT_MODULE_ENV} set, found neither${uri.moduleName !== undefined ? ' (module-name is not supported: give the path)' : ''}`,
    );
  return { modulePath, uri, pin: await pinOf(uri.pinValue, uri.pinSource, what), what };
}

/** The PIN: pin-value, or the first line of the pin-source file (a secret: checked as a key file is). */
async function pinOf(pinValue: string | undefined, pinSource: string | undefined, what: string): Promise<string> {
  if (pinValue !== undefined) return pinValue;
  if (pinSource === undefined)
    throw new InputError(
      'pkcs11-pin',
      `${what}: expected the token's PIN, as pin-source=file:/path/to/pin-file (mode 0600) or pin-value=..., found neither`,
    );
  // RFC 7512 §2.3: pin-source is a URI; this tool reads `file:` URIs (file:/abs or file:///abs) and absolute paths.
  const path = /^file:\/\/\//.test(pinSource)
    ? pinSource.slice('file://'.length)
    : /^file:\//.test(pinSource)
      ? pinSource.slice('file:'.length)
      : pinSource;
  if (!isAbsolute(path) || /^[a-z][a-z0-9+.-]*:/i.test(path))
    throw new InputError(
      'pkcs11-pin',
      `${what}: expected pin-source to be file: and an absolute path, found ${JSON.stringify(pinSource.slice(0, 200))}`,
    );
  await checkSecretFilePlace(path, 'a PIN file', 'pkcs11-pin');
  const bytes = await readCappedFile(path, {
    what: `${what}: PIN file ${path}`,
    maxBytes: MAX_PIN_FILE_BYTES,
    privateKey: true,
    codes: { unreadable: 'pkcs11-pin', tooLarge: 'pkcs11-pin', changed: 'pkcs11-pin', permissions: 'pkcs11-pin' },
  });
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const pin = text.replace(/\r?\n$/, '');
    if (pin === '' || /[\r\n]/.test(pin))
      throw new InputError(
        'pkcs11-pin',
        `${what}: expected the PIN on one line of the PIN file ${path}, found ${pin === '' ? 'an empty file' : 'several lines'}`,
      );
    return pin;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError('pkcs11-pin', `${what}: expected the PIN file ${path} to be UTF-8 text`);
  } finally {
    bytes.fill(0);
  }
}
