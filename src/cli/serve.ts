// `countersign serve`: organisation B's countersigning service (docs/service.md). Loads the
// keys (files only their owner can read, or PKCS#11 URIs: docs/keys.md), the policy and the
// log in --data, then serves HTTP until SIGTERM/SIGINT. Writes one JSON line to stdout when
// listening and one per request; errors go to stderr.
import { createPublicKey } from 'node:crypto';
import type { CountersignSigner } from '../lib/basics/crypto/signer.ts';
import { carried } from '../lib/basics/errors/codes.ts';
import { checkPolicyFilePlace } from '../lib/basics/io/file-safety.ts';
import { type SigningKey, openSigningKey } from '../lib/basics/io/key-ref.ts';
import { Refusal } from '../server/refusal.ts';
import { ED25519_SPKI_PREFIX } from '../lib/basics/crypto/ed25519.ts';
import { InputError } from '../lib/basics/errors/errors.ts';
import { isValidKeyName } from '../lib/formats/log/note-format.ts';
import { verifierKey } from '../lib/checks/log/note.ts';
import { loadPolicyFile } from '../lib/formats/policy/index.ts';
import { startService } from '../server/service.ts';
import { parseCosignerKey } from '../lib/formats/log/cosignature.ts';
import { checkServiceUrl } from '../lib/basics/net/url.ts';
import type { WitnessEndpoint } from '../lib/flows/witness/submit.ts';
import { usageError } from './usage.ts';
import { parseVerbArgs } from './args.ts';
import { runUntilSignal } from './foreground.ts';

export const USAGE = `usage: countersign serve --key FILE --policy FILE --data DIR [--store postgres://...]
                         [--listen HOST:PORT] [--log-key FILE] [--origin NAME]
                         [--workers N] [--max-queue N] [--rate-limit R[/BURST]] [--client-header NAME]
                         [--max-connections N] [--unsafe-auto-countersign-rotations-keeping-b]
                         [--unsafe-accept-log-without-high-water-mark] [--witness URL=VKEY ...]

Organisation B's countersigning service: POST /v1/countersign verifies a primary Sigstore
bundle under the policy, countersigns it, appends the countersignature to a transparency log
(durably) and returns it with an inclusion proof and a signed checkpoint. Plain HTTP: put a
TLS reverse proxy in front of it (docs/service.md).

  --key FILE|URI    B's Ed25519 countersigning key: a PKCS#8 PEM file (mode 0600, owned by
                    this user, not a symlink, in a directory only its owner can write), or a
                    PKCS#11 URI naming the key in a token (docs/keys.md)
  --policy FILE     the policy B countersigns under; the key must be one of its countersigners
                    (the file and its directory must not be writable by group or others)
  --data DIR        the log's storage (SQLite, created if missing); back it up. With
                    --store: this instance's own copy of the shared log and its high-water mark
  --store postgres://...
                    run as one of several instances on one log in PostgreSQL (a standard
                    connection string; a Unix socket: postgres:///DB?host=/run/postgresql).
                    The database orders the appends; every instance serves reads
  --listen H:P      address to listen on (default 127.0.0.1:8080; port 0 picks a free one)
  --log-key FILE|URI  the key that signs the log's checkpoints (a file or a PKCS#11 URI,
                    as --key); default: the countersigning key signs them too
  --origin NAME     the log's origin (checkpoint first line and key name; no spaces or '+');
                    default countersign/<first 16 hex digits of the log key id>
  --workers N       verification worker threads (default: one per core; 0: verify on the
                    main thread, which then blocks /healthz while it verifies)
  --max-queue N     requests that may wait for a worker (default 16 per worker); beyond it
                    503 overloaded with Retry-After
  --rate-limit R[/BURST]
                    countersigning requests per second per client (default 20/40; 0: off);
                    beyond it 429 rate-limited with Retry-After
  --client-header NAME
                    count the rate limit per value of this request header (a client token,
                    or the address a reverse proxy forwards) instead of per remote address
  --max-connections N
                    open connections at most (default 4096)
  --unsafe-auto-countersign-rotations-keeping-b
                    countersign an authority rotation without a person, but only one whose
                    new policy keeps B (the key's organisation) exactly as much in control:
                    the same keys of every organisation (B's may only get wider validity
                    windows), the same log requirements, threshold and fallback set
  --unsafe-accept-log-without-high-water-mark
                    start once on a non-empty log that has no high-water mark file
                    (checkpoint.high-water: an upgrade from a version without it). Without
                    the mark a rolled-back or replaced database cannot be told from the real
                    one, so it is refused (log-storage-inconsistent); the mark is written at once
  --witness URL=VKEY
                    a witness (C2SP tlog-witness, e.g. 'countersign witness') to submit each
                    new checkpoint to: its URL prefix (https, or http to loopback) and its
                    verifier key (name+hash+base64, as the witness prints it). Repeatable.
                    Answers wait up to 2 s for cosignatures and carry those that arrived

Authority rotations change who must sign from then on. Without the unsafe flag every one is
refused (403 rotation-needs-review): B reviews it with 'countersign policy diff CURRENT NEW'
and countersigns it offline with 'countersign countersign --key ... --approve-rotation ...'.
Keys are never read from the environment (COUNTERSIGN_KEY, COUNTERSIGN_LOG_KEY: refused, as
/proc/PID/environ keeps them readable for the life of the process).
Exit codes: 0 stopped by a signal, 2 could not start.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs('serve', argv, {
    key: { type: 'string' },
    policy: { type: 'string' },
    data: { type: 'string' },
    store: { type: 'string' },
    listen: { type: 'string' },
    'log-key': { type: 'string' },
    origin: { type: 'string' },
    workers: { type: 'string' },
    'max-queue': { type: 'string' },
    'rate-limit': { type: 'string' },
    'client-header': { type: 'string' },
    'max-connections': { type: 'string' },
    'unsafe-auto-countersign-rotations-keeping-b': { type: 'boolean' },
    'unsafe-accept-log-without-high-water-mark': { type: 'boolean' },
    witness: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (console.log(USAGE), 0);
  if (positionals.length > 0) return usageError('serve', `unexpected argument ${JSON.stringify(positionals[0])}`);
  if (!values.policy) return usageError('serve', 'missing --policy FILE');
  if (!values.data) return usageError('serve', 'missing --data DIR');
  const { host, port } = parseListen(values.listen ?? '127.0.0.1:8080');
  const workers = countOption('--workers', values.workers, 0, 256);
  const maxQueue = countOption('--max-queue', values['max-queue'], 1, 1_000_000);
  const maxConnections = countOption('--max-connections', values['max-connections'], 1, 1_000_000);
  const rateLimit = values['rate-limit'] === undefined ? undefined : parseRateLimit(values['rate-limit']);
  const clientHeader = values['client-header'];
  if (clientHeader !== undefined && !/^[A-Za-z0-9-]{1,64}$/.test(clientHeader))
    return usageError('serve', `--client-header: expected a header name, found ${JSON.stringify(clientHeader)}`);

  const witnesses = (values.witness ?? []).map(parseWitness);
  refuseKeysInEnvironment();
  if (values.key === undefined) return usageError('serve', 'missing --key FILE (or --key PKCS11_URI)');
  // Issue 15 F8: the policy decides what B signs; only its owner may change it.
  await checkPolicyFilePlace(values.policy);
  // A long-running process: its command line is public to local users, so no PIN in it.
  const key = await openSigningKey(values.key, '--key', { refusePinValue: true });
  const logKey =
    values['log-key'] !== undefined
      ? await openSigningKey(values['log-key'], '--log-key', { refusePinValue: true })
      : key;
  const origin = values.origin ?? `countersign/${logKey.keyId.slice('sha256:'.length, 'sha256:'.length + 16)}`;
  if (!isValidKeyName(origin))
    throw new InputError(
      'bad-origin',
      `--origin: expected a name without spaces or '+' (e.g. countersign.example.org/b-release), found ${JSON.stringify(origin)}`,
    );
  const policy = await loadPolicyFile(values.policy);

  const logPublicKeyPem = spkiPem(logKey.rawPublicKey);
  const service = await startService({
    policy,
    signer: serviceSigner(key),
    logSigner: { name: origin, rawPublicKey: logKey.rawPublicKey, signer: serviceSigner(logKey) },
    logPublicKeyPem,
    dataDir: values.data,
    ...(values.store !== undefined ? { sharedStore: values.store } : {}),
    host,
    port,
    requestLog: (line) => process.stdout.write(`${JSON.stringify(line)}\n`),
    ...(workers !== undefined ? { workers } : {}),
    ...(maxQueue !== undefined ? { maxQueue } : {}),
    ...(maxConnections !== undefined ? { maxConnections } : {}),
    ...(rateLimit ? { rateLimit } : {}),
    ...(clientHeader !== undefined ? { clientHeader } : {}),
    ...(values['unsafe-auto-countersign-rotations-keeping-b'] ? { unsafeAutoCountersignRotationsKeepingB: true } : {}),
    ...(values['unsafe-accept-log-without-high-water-mark'] ? { unsafeAcceptLogWithoutHighWaterMark: true } : {}),
    ...(witnesses.length > 0 ? { witnesses } : {}),
  });
  if (values['unsafe-accept-log-without-high-water-mark']) {
    console.error(
      'countersign serve: UNSAFE: --unsafe-accept-log-without-high-water-mark: had the log no high-water mark, it was accepted as it is (a rolled-back or replaced database goes unnoticed); remove the flag for the next start',
    );
  }
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
      verifierKey: verifierKey(origin, logKey.rawPublicKey),
      rotations: values['unsafe-auto-countersign-rotations-keeping-b']
        ? 'unsafe-auto-countersign-keeping-b'
        : 'refused',
    })}\n`,
  );

  return runUntilSignal(() => service.close());
}

/** An optional whole number flag within [min, max]; exit 2 otherwise. */
function countOption(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]{1,7}$/.test(value) || Number(value) < min || Number(value) > max)
    throw new InputError(
      'bad-option',
      `${flag}: expected a whole number from ${min} to ${max}, found ${JSON.stringify(value)}`,
    );
  return Number(value);
}

/** `R` or `R/BURST` (requests per second per client, bucket size; default burst 2R); R 0 turns the limit off. */
function parseRateLimit(value: string): { perSecond: number; burst: number } {
  const [, rate, burst] = /^([0-9]{1,6})(?:\/([0-9]{1,7}))?$/.exec(value) ?? [];
  if (rate === undefined || (burst !== undefined && Number(burst) < 1))
    throw new InputError(
      'bad-option',
      `--rate-limit: expected R or R/BURST (e.g. 20/40), found ${JSON.stringify(value)}`,
    );
  return { perSecond: Number(rate), burst: burst === undefined ? Math.max(1, 2 * Number(rate)) : Number(burst) };
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

/**
 * Issue 15 F7: a key in the environment stays readable in /proc/PID/environ for the life of the
 * process, whatever the process does with process.env; so none is read from there.
 */
function refuseKeysInEnvironment(): void {
  for (const name of ['COUNTERSIGN_KEY', 'COUNTERSIGN_LOG_KEY']) {
    if (process.env[name])
      throw new InputError(
        'key-in-environment',
        `${name}: keys are not read from the environment (it stays readable in /proc/PID/environ while the service runs); unset it and give --key FILE (mode 0600) or --key pkcs11:... (docs/keys.md)`,
      );
  }
}

/** The key as the service uses it: a token failure while signing is a 503 with its code, not a 400 or a bare 500. */
function serviceSigner(key: SigningKey): CountersignSigner {
  if (key.store === 'file') return key.signer;
  return {
    keyId: key.keyId,
    sign: (message) =>
      key.signer.sign(message).catch((err: unknown) => {
        if (err instanceof InputError) throw new Refusal(503, carried(err.code), err.message);
        throw err;
      }),
  };
}

function spkiPem(rawPublicKey: Uint8Array): string {
  const der = Buffer.concat([ED25519_SPKI_PREFIX, rawPublicKey]);
  return createPublicKey({ key: der, format: 'der', type: 'spki' }).export({ format: 'pem', type: 'spki' }).toString();
}

/**
 * `--witness URL=VKEY`: split at the first '=' after which a valid witness verifier key follows
 * (a URL may hold '=' in a query, a key's base64 may end in '=').
 */
function parseWitness(spec: string): WitnessEndpoint {
  let problem = 'expected URL=VKEY';
  for (let at = spec.indexOf('='); at > 0; at = spec.indexOf('=', at + 1)) {
    const cosigner = parseCosignerKey(spec.slice(at + 1));
    if ('problem' in cosigner) {
      problem = `the witness key: ${cosigner.problem}`;
      continue;
    }
    const url = spec.slice(0, at);
    checkServiceUrl(url, `--witness ${cosigner.name}`);
    return { url, cosigner };
  }
  throw new InputError('bad-option', `--witness: ${problem}, found ${JSON.stringify(spec.slice(0, 200))}`);
}
