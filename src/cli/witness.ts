// `countersign witness`: a C2SP tlog-witness for countersigning logs (docs/service.md,
// Witnesses). Loads its key, the logs it follows and its state in --data, then serves HTTP
// until SIGTERM/SIGINT. One JSON line on stdout when listening (with the witness's verifier
// key, for policies) and one per request.
import { parsePrivateKeyPem } from '../lib/basics/crypto/ed25519-keys.ts';
import type { CountersignerPrivateKey } from '../lib/basics/crypto/ed25519-keys.ts';
import { seedSigner } from '../lib/basics/crypto/signer.ts';
import { InputError, VerificationError } from '../lib/basics/errors/errors.ts';
import { loadPrivateKeyFile } from '../lib/basics/io/key-files.ts';
import { type NoteVerifier, parseVerifierKey } from '../lib/checks/log/note.ts';
import { cosignerVerifierKey } from '../lib/formats/log/cosignature.ts';
import { isValidKeyName } from '../lib/formats/log/note-format.ts';
import { startWitnessServer } from '../witness/http.ts';
import { WitnessStore } from '../witness/store.ts';
import { Witness } from '../witness/witness.ts';
import { parseVerbArgs } from './args.ts';
import { usageError } from './usage.ts';
import { runUntilSignal } from './foreground.ts';

export const USAGE = `usage: countersign witness --key FILE --name NAME --log ORIGIN=VKEY [--log ...] --data DIR [--listen HOST:PORT]

A witness for transparency logs (C2SP tlog-witness, tlog-cosignature v1): POST /add-checkpoint
checks that a log's new checkpoint is signed by the log's key and consistent with the last one
it cosigned for that log, records it durably, then returns its cosignature. It never cosigns
two checkpoints of one log that are not one history (a split view). GET /<sha256 hex of the
origin>/checkpoint serves the latest checkpoint it cosigned. Plain HTTP: put a TLS reverse
proxy in front of it (docs/service.md, Witnesses).

  --key FILE      the witness's Ed25519 key (PKCS#8 PEM, mode 0600; 'countersign keygen'); or
                  set COUNTERSIGN_WITNESS_KEY to the PEM text instead. Use it for no other
                  witness name: a cosignature does not name its witness
  --name NAME     the witness's name (e.g. witness.example.org/w1; no spaces or '+')
  --log O=VKEY    a log it follows: its origin and its checkpoint verifier key
                  (<origin>+<8 hex>+<base64>, as 'countersign serve' prints it); repeatable
  --data DIR      where it records what it cosigned (created if missing); back it up: a
                  witness that loses it can be made to cosign a fork
  --listen H:P    address to listen on (default 127.0.0.1:8090; port 0 picks a free one)

Its verifier key (for a policy's log.witnesses.keys) is printed when it starts.
Exit codes: 0 stopped by a signal, 2 could not start.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs('witness', argv, {
    key: { type: 'string' },
    name: { type: 'string' },
    log: { type: 'string', multiple: true },
    data: { type: 'string' },
    listen: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (console.log(USAGE), 0);
  if (positionals.length > 0) return usageError('witness', `unexpected argument ${JSON.stringify(positionals[0])}`);
  if (!values.name) return usageError('witness', 'missing --name NAME');
  if (!values.data) return usageError('witness', 'missing --data DIR');
  if (!values.log || values.log.length === 0) return usageError('witness', 'missing --log ORIGIN=VKEY');
  if (!isValidKeyName(values.name))
    throw new InputError(
      'bad-option',
      `--name: expected a name without spaces or '+', found ${JSON.stringify(values.name)}`,
    );
  const logs = parseLogs(values.log);
  const { host, port } = parseListen(values.listen ?? '127.0.0.1:8090');
  const key = await loadKey(values.key);
  if (!key) return usageError('witness', 'missing --key FILE (or COUNTERSIGN_WITNESS_KEY)');

  const store = await WitnessStore.open(values.data);
  const witness = new Witness({
    signer: { name: values.name, rawPublicKey: key.publicKey, signer: seedSigner(key.seed, key.keyId) },
    logs,
    store,
  });
  const running = await startWitnessServer({
    witness,
    origins: [...logs.keys()],
    host,
    port,
    requestLog: (line) => process.stdout.write(`${JSON.stringify(line)}\n`),
  });
  process.stdout.write(
    `${JSON.stringify({
      time: new Date().toISOString(),
      event: 'listening',
      url: running.url,
      name: values.name,
      verifierKey: cosignerVerifierKey(values.name, key.publicKey),
      logs: [...logs.keys()].map((origin) => ({ origin, size: store.get(origin)?.size ?? 0 })),
    })}\n`,
  );
  return runUntilSignal(() => running.close());
}

/** `ORIGIN=VKEY` (split at the first '='; a vkey's base64 may end in '='), the key's name equal to ORIGIN. */
function parseLogs(specs: readonly string[]): Map<string, NoteVerifier> {
  const logs = new Map<string, NoteVerifier>();
  for (const spec of specs) {
    const at = spec.indexOf('=');
    const origin = spec.slice(0, Math.max(at, 0));
    if (at <= 0 || !isValidKeyName(origin))
      throw new InputError('bad-option', `--log: expected ORIGIN=VKEY, found ${JSON.stringify(spec.slice(0, 120))}`);
    let verifier: NoteVerifier;
    try {
      verifier = parseVerifierKey(spec.slice(at + 1));
    } catch (err) {
      if (err instanceof VerificationError)
        throw new InputError('log-key-malformed', `--log ${origin}: ${err.message}`);
      throw err;
    }
    // C2SP checkpoints: the log key's name is the origin; another name would never verify.
    if (verifier.name !== origin)
      throw new InputError(
        'bad-option',
        `--log ${origin}: the verifier key is named ${JSON.stringify(verifier.name)}, expected the origin`,
      );
    if (logs.has(origin)) throw new InputError('bad-option', `--log ${origin}: given twice`);
    logs.set(origin, verifier);
  }
  return logs;
}

function parseListen(value: string): { host: string; port: number } {
  const [, host, port] = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(value) ?? [];
  if (host === undefined || port === undefined || Number(port) > 65535)
    throw new InputError(
      'bad-listen',
      `--listen: expected HOST:PORT (e.g. 127.0.0.1:8090), found ${JSON.stringify(value)}`,
    );
  return { host: host.replace(/^\[|\]$/g, ''), port: Number(port) };
}

/** The key from its file (permissions checked) or COUNTERSIGN_WITNESS_KEY, which is then removed. */
async function loadKey(path: string | undefined): Promise<CountersignerPrivateKey | undefined> {
  if (path !== undefined) return loadPrivateKeyFile(path);
  const pem = process.env.COUNTERSIGN_WITNESS_KEY;
  if (pem === undefined || pem === '') return undefined;
  Reflect.deleteProperty(process.env, 'COUNTERSIGN_WITNESS_KEY');
  return parsePrivateKeyPem(pem, 'COUNTERSIGN_WITNESS_KEY (for --key)');
}
