// The PKCS#11 binding (pkcs11js, an optional dependency with a native addon), loaded at first
// use only: whoever keeps B's key in a file never loads it, and an installation without it
// works until a PKCS#11 key is named. The modules (the vendors' .so libraries) are loaded and
// initialised once per process (C_Initialize may be called once per module and process).
import { isAbsolute } from 'node:path';
import type { PKCS11 } from 'pkcs11js';
import { InputError } from '../errors/errors.ts';
import { CKR, ckrName } from './constants.ts';

export type Pkcs11Library = PKCS11;

interface BindingModule {
  PKCS11: new () => PKCS11;
}

let binding: Promise<BindingModule> | undefined;
const modules = new Map<string, Promise<PKCS11>>();

/** pkcs11js, imported once; InputError('pkcs11-unavailable') when it is not installed or does not load. */
export function loadBinding(): Promise<BindingModule> {
  binding ??= import('pkcs11js').then(
    (m: { default?: BindingModule } & Partial<BindingModule>) => {
      const b = m.default ?? (m as BindingModule);
      if (typeof b.PKCS11 !== 'function') throw new Error('pkcs11js has no PKCS11 class');
      return b;
    },
    (err: unknown) => {
      binding = undefined;
      const notFound = (err as NodeJS.ErrnoException | undefined)?.code === 'ERR_MODULE_NOT_FOUND';
      throw new InputError(
        'pkcs11-unavailable',
        notFound
          ? "PKCS#11 keys need the optional dependency pkcs11js, which is not installed: install the optional dependency pkcs11js ('npm install pkcs11js' beside countersign; it builds a native addon) or use a key file"
          : `PKCS#11 keys need the optional dependency pkcs11js, which did not load (${oneLine(err)}): reinstall it for this Node version`,
      );
    },
  );
  return binding;
}

/** The module at `path`, loaded and initialised once per process. */
export function loadModule(path: string, what: string): Promise<PKCS11> {
  if (!isAbsolute(path))
    throw new InputError(
      'pkcs11-module',
      `${what}: expected an absolute module-path (a relative one would load a library from the working directory), found ${JSON.stringify(path)}`,
    );
  let loaded = modules.get(path);
  if (loaded === undefined) {
    loaded = loadBinding().then((b) => {
      const lib = new b.PKCS11();
      try {
        lib.load(path);
      } catch (err) {
        throw new InputError('pkcs11-module', `${what}: could not load the PKCS#11 module ${path} (${oneLine(err)})`);
      }
      try {
        lib.C_Initialize();
      } catch (err) {
        if (ckrOf(err) !== CKR.CRYPTOKI_ALREADY_INITIALIZED)
          throw new InputError(
            'pkcs11-module',
            `${what}: the PKCS#11 module ${path} did not initialise (${describePkcs11Error(err)})`,
          );
      }
      return lib;
    });
    modules.set(path, loaded);
    // A module that failed to load may be fixed and retried (a later call loads it again).
    loaded.catch(() => modules.delete(path));
  }
  return loaded;
}

/** The CKR_ return value of a pkcs11js error (its `code`, also in its message), or undefined. */
export function ckrOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const message = (err as { message?: unknown }).message;
  const m = typeof message === 'string' ? /CKR_[A-Z_]+:(\d+)/.exec(message) : null;
  if (m) return Number(m[1]);
  const code = (err as { code?: unknown }).code;
  return typeof code === 'number' && code > 0 ? code : undefined;
}

/** A pkcs11js error in words: "CKR_PIN_INCORRECT (0xa0)", else its message. */
export function describePkcs11Error(err: unknown): string {
  const ckr = ckrOf(err);
  return ckr === undefined ? oneLine(err) : `${ckrName(ckr)} (0x${ckr.toString(16)})`;
}

function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0]?.slice(0, 300) ?? '';
}
