// `countersign serve`: organisation B's countersigning service (docs/service.md). Loads the
// keys (files that only their owner can read, or environment variables), the policy and the
// log in --data, then serves HTTP until SIGTERM/SIGINT. Writes one JSON line to stdout when
// listening and one per request; errors go to stderr.
import { createPublicKey } from 'node:crypto';
import { parseArgs } from 'node:util';
import { type CountersignerPrivateKey, parsePrivateKeyPem } from '../lib/basics/crypto/ed25519-keys.ts';
import { loadPrivateKeyFile } from '../lib/basics/io/key-files.ts';
import { seedSigner } from '../lib/basics/crypto/signer.ts';
import { InputError } from '../lib/basics/errors/errors.ts';
import { isValidKeyName } from '../lib/formats/log/note-format.ts';
import { verifierKey } from '../lib/checks/log/note.ts';
import { loadPolicyFile } from '../lib/formats/policy/index.ts';
import { startService } from '../server/service.ts';
import { usageError } from './usage.ts';

export const USAGE = `usage: countersign serve --key FILE --policy FILE --data DIR [--listen HOST:PORT] [--log-key FILE] [--origin NAME]

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

Environment variables holding keys are removed from the process environment once read.
Exit codes: 0 stopped by a signal, 2 could not start.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      key: { type: 'string' },
      policy: { type: 'string' },
      data: { type: 'string' },
      listen: { type: 'string' },
      'log-key': { type: 'string' },
      origin: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return console.log(USAGE), 0;
  if (positionals.length > 0) return usageError('serve', `unexpected argument ${JSON.stringify(positionals[0])}`);
  if (!values.policy) return usageError('serve', 'missing --policy FILE');
  if (!values.data) return usageError('serve', 'missing --data DIR');
  const { host, port } = parseListen(values.listen ?? '127.0.0.1:8080');

  const key = await loadKey(values.key, 'COUNTERSIGN_KEY', '--key');
  if (!key) return usageError('serve', 'missing --key FILE (or COUNTERSIGN_KEY)');
  const logKey = (await loadKey(values['log-key'], 'COUNTERSIGN_LOG_KEY', '--log-key')) ?? key;
  const origin = values.origin ?? `countersign/${logKey.keyId.slice('sha256:'.length, 'sha256:'.length + 16)}`;
  if (!isValidKeyName(origin)) throw new InputError('bad-origin', `--origin: expected a name without spaces or '+' (e.g. countersign.example.org/b-release), found ${JSON.stringify(origin)}`);
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
  });
  if (!['127.0.0.1', '::1', 'localhost'].includes(host)) {
    console.error(`countersign serve: listening on ${host}, not loopback: serve it through a TLS reverse proxy only (docs/service.md)`);
  }
  process.stdout.write(`${JSON.stringify({
    time: new Date().toISOString(),
    event: 'listening',
    url: service.url,
    origin: service.origin,
    treeSize: service.log.size,
    keyId: key.keyId,
    logKeyId: logKey.keyId,
    verifierKey: verifierKey(origin, logKey.publicKey),
  })}\n`);

  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event: 'stopping', signal })}\n`);
      service.close().then(() => resolve(0), () => resolve(2));
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

function parseListen(value: string): { host: string; port: number } {
  const m = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(value);
  const port = m ? Number(m[2]) : NaN;
  if (!m || port > 65535) throw new InputError('bad-listen', `--listen: expected HOST:PORT (e.g. 127.0.0.1:8080), found ${JSON.stringify(value)}`);
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}

/** A key from its file (permissions checked) or from an environment variable, which is then removed. */
async function loadKey(path: string | undefined, envName: string, flag: string): Promise<CountersignerPrivateKey | undefined> {
  if (path !== undefined) return loadPrivateKeyFile(path);
  const pem = process.env[envName];
  if (pem === undefined || pem === '') return undefined;
  delete process.env[envName]; // child processes and crash dumps of the environment never see it
  return parsePrivateKeyPem(pem, `${envName} (for ${flag})`);
}

function spkiPem(rawPublicKey: Uint8Array): string {
  const der = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), rawPublicKey]);
  return createPublicKey({ key: der, format: 'der', type: 'spki' }).export({ format: 'pem', type: 'spki' }).toString();
}
