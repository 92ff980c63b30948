// `countersign serve`: organisation B's countersigning service (docs/service.md). Loads the
// keys (files that only their owner can read, or environment variables), the policy and the
// log in --data, then serves HTTP until SIGTERM/SIGINT. Writes one JSON line to stdout when
// listening and one per request; errors go to stderr.
import { createPublicKey } from 'node:crypto';
import { type CountersignerPrivateKey, parsePrivateKeyPem } from '../lib/basics/crypto/ed25519-keys.ts';
import { loadPrivateKeyFile } from '../lib/basics/io/key-files.ts';
import { seedSigner } from '../lib/basics/crypto/signer.ts';
import { ED25519_SPKI_PREFIX } from '../lib/basics/crypto/ed25519.ts';
import { InputError } from '../lib/basics/errors/errors.ts';
import { isValidKeyName } from '../lib/formats/log/note-format.ts';
import { verifierKey } from '../lib/checks/log/note.ts';
import { loadPolicyFile } from '../lib/formats/policy/index.ts';
import { startService } from '../server/service.ts';
import { usageError } from './usage.ts';
import { parseVerbArgs } from './args.ts';

export const USAGE = `usage: countersign serve --key FILE --policy FILE --data DIR [--listen HOST:PORT] [--log-key FILE] [--origin NAME]
                         [--unsafe-auto-countersign-rotations-keeping-b]

Organisation B's countersigning service: POST /v1/countersign verifies a primary Sigstore
bundle under the policy, countersigns it, appends the countersignature to a transparency log
(durably) and returns it with an inclusion proof and a signed checkpoint. Plain HTTP: put a
TLS reverse proxy in front of it (docs/service.md).

  --key FILE        B's Ed25519 countersigning key (PKCS#8 PEM, mode 0600); or set
                    COUNTERSIGN_KEY to the PEM text instead
  --policy FILE     the policy B countersigns under; the key must be one of its countersigners
  --data DIR        the log's storage (SQLite, created if missing); back it up
  --listen H:P      address to listen on (default 127.0.0.1:8080; port 0 picks a free one)
  --log-key FILE    the key that signs the log's checkpoints (PKCS#8 PEM, mode 0600); or
                    COUNTERSIGN_LOG_KEY; default: the countersigning key signs them too
  --origin NAME     the log's origin (checkpoint first line and key name; no spaces or '+');
                    default countersign/<first 16 hex digits of the log key id>
  --unsafe-auto-countersign-rotations-keeping-b
                    countersign an authority rotation without a person, but only one whose
                    new policy keeps B (the key's organisation) exactly as much in control:
                    the same keys of every organisation (B's may only get wider validity
                    windows), the same log requirements, threshold and fallback set

Authority rotations change who must sign from then on. Without the unsafe flag every one is
refused (403 rotation-needs-review): B reviews it with 'countersign policy diff CURRENT NEW'
and countersigns it offline with 'countersign countersign --key ... --approve-rotation ...'.
Environment variables holding keys are removed from the process environment once read.
Exit codes: 0 stopped by a signal, 2 could not start.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs('serve', argv, {
    key: { type: 'string' },
    policy: { type: 'string' },
    data: { type: 'string' },
    listen: { type: 'string' },
    'log-key': { type: 'string' },
    origin: { type: 'string' },
    'unsafe-auto-countersign-rotations-keeping-b': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (console.log(USAGE), 0);
  if (positionals.length > 0) return usageError('serve', `unexpected argument ${JSON.stringify(positionals[0])}`);
  if (!values.policy) return usageError('serve', 'missing --policy FILE');
  if (!values.data) return usageError('serve', 'missing --data DIR');
  const { host, port } = parseListen(values.listen ?? '127.0.0.1:8080');

  const key = await loadKey(values.key, 'COUNTERSIGN_KEY', '--key');
  if (!key) return usageError('serve', 'missing --key FILE (or COUNTERSIGN_KEY)');
  const logKey = (await loadKey(values['log-key'], 'COUNTERSIGN_LOG_KEY', '--log-key')) ?? key;
  const origin = values.origin ?? `countersign/${logKey.keyId.slice('sha256:'.length, 'sha256:'.length + 16)}`;
  if (!isValidKeyName(origin))
    throw new InputError(
      'bad-origin',
      `--origin: expected a name without spaces or '+' (e.g. countersign.example.org/b-release), found ${JSON.stringify(origin)}`,
    );
  const policy = await loadPolicyFile(values.policy);

  const logPublicKeyPem = spkiPem(logKey.publicKey);
  const service = await startService({
    policy,
    signer: seedSigner(key.seed, key.keyId),
    logSigner: { name: origin, rawPublicKey: logKey.publicKey, signer: seedSigner(logKey.seed, logKey.keyId) },
    logPublicKeyPem,
    dataDir: values.data,
    host,
    port,
    requestLog: (line) => process.stdout.write(`${JSON.stringify(line)}\n`),
    ...(values['unsafe-auto-countersign-rotations-keeping-b'] ? { unsafeAutoCountersignRotationsKeepingB: true } : {}),
  });
  if (values['unsafe-auto-countersign-rotations-keeping-b']) {
    console.error(
      "countersign serve: UNSAFE: authority rotations that keep this key's organisation, keys, log requirement, threshold and fallback set as they are will be countersigned without review (docs/service.md)",
    );
  }
  if (!['127.0.0.1', '::1', 'localhost'].includes(host)) {
    console.error(
      `countersign serve: listening on ${host}, not loopback: serve it through a TLS reverse proxy only (docs/service.md)`,
    );
  }
  process.stdout.write(
    `${JSON.stringify({
      time: new Date().toISOString(),
      event: 'listening',
      url: service.url,
      origin: service.origin,
      treeSize: service.log.size,
      keyId: key.keyId,
      logKeyId: logKey.keyId,
      verifierKey: verifierKey(origin, logKey.publicKey),
      rotations: values['unsafe-auto-countersign-rotations-keeping-b']
        ? 'unsafe-auto-countersign-keeping-b'
        : 'refused',
    })}\n`,
  );

  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event: 'stopping', signal })}\n`);
      service.close().then(
        () => {
          resolve(0);
        },
        () => {
          resolve(2);
        },
      );
    };
    process.once('SIGTERM', () => {
      stop('SIGTERM');
    });
    process.once('SIGINT', () => {
      stop('SIGINT');
    });
  });
}

function parseListen(value: string): { host: string; port: number } {
  const [, host, port] = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(value) ?? [];
  if (host === undefined || port === undefined || Number(port) > 65535)
    throw new InputError(
      'bad-listen',
      `--listen: expected HOST:PORT (e.g. 127.0.0.1:8080), found ${JSON.stringify(value)}`,
    );
  return { host: host.replace(/^\[|\]$/g, ''), port: Number(port) };
}

/** A key from its file (permissions checked) or from an environment variable, which is then removed. */
async function loadKey(
  path: string | undefined,
  envName: string,
  flag: string,
): Promise<CountersignerPrivateKey | undefined> {
  if (path !== undefined) return loadPrivateKeyFile(path);
  const pem = process.env[envName];
  if (pem === undefined || pem === '') return undefined;
  Reflect.deleteProperty(process.env, envName); // child processes and crash dumps of the environment never see it
  return parsePrivateKeyPem(pem, `${envName} (for ${flag})`);
}

function spkiPem(rawPublicKey: Uint8Array): string {
  const der = Buffer.concat([ED25519_SPKI_PREFIX, rawPublicKey]);
  return createPublicKey({ key: der, format: 'der', type: 'spki' }).export({ format: 'pem', type: 'spki' }).toString();
}
