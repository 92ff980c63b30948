// SoftHSM2 tokens for the PKCS#11 tests: one SOFTHSM2_CONF per test process, in a temporary
// directory, and every token the file needs made at once, before the module is loaded: SoftHSM
// reads its configuration and lists its tokens at C_Initialize, which runs once per process,
// and does not see a token made by softhsm2-util after that. Tests skip, saying why, only when
// SoftHSM2 or pkcs11js is not installed; `.ci/run` installs softhsm2 and sets
// COUNTERSIGN_PKCS11_TEST=required, which makes a missing SoftHSM2 a failure.
//
//   const skip = softHsmSkipReason();                 // undefined: it can run
//   const hsm = await softHsm(['a', 'b']);            // once per file: the tokens, each with a user PIN in a 0600 file
//   hsm.token('a').uri('b-release')                   // pkcs11:token=...;object=b-release?module-path=...&pin-source=file:...
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MODULES = [
  '/usr/lib/softhsm/libsofthsm2.so',
  '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so',
  '/usr/local/lib/softhsm/libsofthsm2.so',
];

export interface SoftHsm {
  module: string;
  dir: string;
  conf: string;
  /** The environment a child process needs to see these tokens. */
  env: Record<string, string>;
  /** The token made for `name` (throws for a name not asked for). */
  token(name: string): Token;
  cleanup(): Promise<void>;
}

export interface Token {
  label: string;
  pin: string;
  pinFile: string;
  /** The URI of an object in this token, with the module and the PIN file. */
  uri(object: string, extra?: { query?: string; path?: string }): string;
}

let shared: Promise<SoftHsm> | undefined;
let counter = 0;

/** Why the PKCS#11 tests cannot run here, or undefined. */
export function softHsmSkipReason(): string | undefined {
  const module = MODULES.find((m) => existsSync(m));
  const util = (() => {
    try {
      execFileSync('softhsm2-util', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  const reason =
    module === undefined || !util
      ? 'SoftHSM2 is not installed (apt-get install softhsm2; .ci/run installs it)'
      : (() => {
          try {
            createRequire(import.meta.url)('pkcs11js');
            return undefined;
          } catch {
            return 'the optional dependency pkcs11js is not installed';
          }
        })();
  if (reason !== undefined && process.env.COUNTERSIGN_PKCS11_TEST === 'required')
    throw new Error(`COUNTERSIGN_PKCS11_TEST=required but ${reason}`);
  return reason;
}

/** The process's SoftHSM2 set-up with a token per name (made once; removed at exit). */
export function softHsm(names: readonly string[]): Promise<SoftHsm> {
  shared ??= (async () => {
    const module = MODULES.find((m) => existsSync(m));
    if (module === undefined) throw new Error('SoftHSM2 is not installed');
    const dir = await mkdtemp(join(tmpdir(), 'countersign-softhsm-'));
    const tokenDir = join(dir, 'tokens');
    await mkdir(tokenDir, { mode: 0o700 });
    const conf = join(dir, 'softhsm2.conf');
    await writeFile(
      conf,
      `directories.tokendir = ${tokenDir}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`,
    );
    // Before the module is loaded in this process: SoftHSM reads the file at C_Initialize.
    process.env.SOFTHSM2_CONF = conf;
    const secrets = join(dir, 'secrets');
    await mkdir(secrets, { mode: 0o700 });
    const tokens = new Map<string, Token>();
    for (const name of names) {
      const pin = `pin-${name}-${String(++counter)}`;
      const label = `${name}-${String(process.pid)}`.slice(0, 32);
      execFileSync(
        'softhsm2-util',
        ['--init-token', '--free', '--label', label, '--so-pin', 'so-secret', '--pin', pin],
        {
          env: { ...process.env, SOFTHSM2_CONF: conf },
          stdio: 'ignore',
        },
      );
      const pinFile = join(secrets, `${name}.pin`);
      await writeFile(pinFile, `${pin}\n`, { mode: 0o600 });
      tokens.set(name, {
        label,
        pin,
        pinFile,
        uri: (object, extra = {}) =>
          `pkcs11:token=${encodeURIComponent(label)};object=${encodeURIComponent(object)}${extra.path ?? ''}?module-path=${module}&pin-source=file:${pinFile}${extra.query ?? ''}`,
      });
    }
    const hsm: SoftHsm = {
      module,
      dir,
      conf,
      env: { SOFTHSM2_CONF: conf },
      token: (name) => {
        const token = tokens.get(name);
        if (token === undefined) throw new Error(`softHsm: no token ${name} was asked for`);
        return token;
      },
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
    process.once('exit', () => {
      try {
        execFileSync('rm', ['-rf', dir]);
      } catch {
        // best effort at exit
      }
    });
    return hsm;
  })();
  return shared;
}
