// `countersign audit --url URL [--tiles URL] [--since FILE] [--expect FILE] [--log-key FILE]`:
// organisation A's monitor of B's countersigning service (docs/service.md §Audit). Reads the
// log through the C2SP tlog-tiles API, checks that it only grew since the last checkpoint
// seen, walks the new entries, prints every bundle B countersigned, and exits 1 on an
// inconsistent log, a bad entry or an unexpected one.
import { parsePublicKeyPem } from '../lib/basics/crypto/ed25519-keys.ts';
import { InputError, VerificationError } from '../lib/basics/errors/errors.ts';
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import { readCappedFile } from '../lib/basics/io/read-capped.ts';
import { type NoteVerifier, parseVerifierKey } from '../lib/checks/log/note.ts';
import { isValidKeyName } from '../lib/formats/log/note-format.ts';
import { type AuditedEntry, auditLog, parseExpectations } from '../lib/flows/audit/audit.ts';
import { readInputFile } from './io.ts';
import { usageError } from './usage.ts';
import { parseVerbArgs } from './args.ts';

export const USAGE = `usage: countersign audit --url URL [--tiles URL] [--since CHECKPOINT_FILE] [--expect FILE] [--log-key FILE [--origin NAME]] [--json]
       countersign audit --tiles URL --log-key FILE [--origin NAME] [--since ...] [--expect ...] [--json]

Audits a countersigning service's transparency log through its C2SP tlog-tiles API
(checkpoint, hash tiles, entry bundles): verifies the signed checkpoint, recomputes the tree
from the tiles and the new entries and checks it against the checkpoint's root, checks that
the log is an extension of the last checkpoint seen (its root recomputed from the same
tiles), checks every new entry (countersignature and certificate, from the service's JSON
entries) and prints what the service countersigned: log index, stream, version, statement
digest, primary identity.

  --url URL        the service's base URL (tiles, key, countersignatures and certificates)
  --tiles URL      where the log's tiles are served (a mirror or a CDN; default --url).
                   With --tiles alone only the statements are checked, not the
                   countersignatures, and --log-key is required
  --since FILE     the last checkpoint seen; read if it exists, replaced atomically with the
                   new one when the audit passes (start: a file that does not exist yet)
  --expect FILE    the releases you expect, one per line: STREAM VERSION sha256:<statement
                   digest, as 'countersign build' prints it>; '#' starts a comment. Any
                   entry not listed fails the audit
  --log-key FILE   the pinned log key: a note verifier key line (origin+hash+base64, as
                   GET /v1/log/key 'verifierKey' or 'countersign serve' prints it), or an
                   SPKI PEM with --origin. Without it, the service's own key is trusted
  --json           print one JSON object per entry instead of text

Exit codes: 0 consistent and everything expected, 1 inconsistent log, bad or unexpected
entry (the checkpoint file is then left as it was), 2 could not run.`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseVerbArgs('audit', argv, {
    url: { type: 'string' },
    tiles: { type: 'string' },
    since: { type: 'string' },
    expect: { type: 'string' },
    'log-key': { type: 'string' },
    origin: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return (console.log(USAGE), 0);
  if (positionals.length > 0) return usageError('audit', `unexpected argument ${JSON.stringify(positionals[0])}`);
  if (!values.url && !values.tiles) return usageError('audit', 'missing --url URL (or --tiles URL)');
  if (!values.url && !values['log-key']) return usageError('audit', '--tiles without --url needs --log-key FILE');
  if (values.origin && !values['log-key']) return usageError('audit', '--origin goes with --log-key FILE (a PEM key)');

  const log = values['log-key'] ? await loadLogKey(values['log-key'], values.origin) : undefined;
  // A missing --since file is the first audit (no stat before the read: no race).
  const sinceBytes = values.since
    ? await readCappedFile(values.since, {
        what: `checkpoint file ${values.since}`,
        maxBytes: 64 * 1024,
        optional: true,
      })
    : undefined;
  const since = sinceBytes && new TextDecoder().decode(sinceBytes);
  const expected = values.expect
    ? parseExpectations(
        new TextDecoder().decode(await readInputFile(values.expect, 'expect file', 4 * 1024 * 1024)),
        values.expect,
      )
    : undefined;
  if (!log)
    console.error(
      'countersign audit: warning: no --log-key: trusting the log key the service presents (pin it for a real audit)',
    );

  let result;
  try {
    result = await auditLog({
      ...(values.url !== undefined ? { url: values.url } : {}),
      ...(values.tiles !== undefined ? { tilesUrl: values.tiles } : {}),
      ...(since !== undefined ? { since } : {}),
      ...(log ? { log } : {}),
      ...(expected ? { expected } : {}),
    });
  } catch (err) {
    if (err instanceof VerificationError) {
      console.error(`countersign audit: FAILED [${err.code}]: ${err.message}`);
      return 1;
    }
    throw err;
  }
  for (const e of result.entries) console.log(values.json ? JSON.stringify(e) : describe(e));
  if (!result.countersignaturesChecked)
    console.error(
      'countersign audit: note: tiles only (no --url): statements checked, countersignatures and certificates not',
    );
  const bad = result.entries.filter((e) => e.problem !== undefined);
  const unexpected = result.entries.filter((e) => e.expected === false);
  console.error(
    `countersign audit: log ${result.origin}: ${result.size} entries (${result.previousSize} before), consistent; ` +
      `${result.entries.length} new, ${bad.length} bad, ${unexpected.length} unexpected`,
  );
  if (bad.length > 0 || unexpected.length > 0) {
    console.error(
      'countersign audit: FAILED: the log holds entries that are bad or not expected (listed above); the checkpoint file was not updated',
    );
    return 1;
  }
  if (values.since) await writeFileAtomic(values.since, result.checkpoint);
  return 0;
}

function describe(e: AuditedEntry): string {
  const flags = [e.expected === false ? 'UNEXPECTED' : '', e.problem ? `BAD: ${e.problem}` : '']
    .filter(Boolean)
    .join(' ');
  return `#${e.index} ${e.stream} v${e.version} statement sha256:${e.payloadDigest} identity ${e.identity || '?'} signed ${e.signedAt} key ${e.keyId}${flags ? ` ${flags}` : ''}`;
}

async function loadLogKey(path: string, origin: string | undefined): Promise<NoteVerifier> {
  const text = new TextDecoder().decode(await readInputFile(path, 'log key', 16 * 1024)).trim();
  if (text.startsWith('-----BEGIN')) {
    if (!origin)
      throw new InputError('log-key-origin', `${path}: a PEM log key needs --origin NAME (the log's origin)`);
    if (!isValidKeyName(origin))
      throw new InputError(
        'bad-origin',
        `--origin: expected a name without spaces or '+', found ${JSON.stringify(origin)}`,
      );
    return { name: origin, rawPublicKey: parsePublicKeyPem(text, path) };
  }
  try {
    const verifier = parseVerifierKey(text);
    if (origin && origin !== verifier.name)
      throw new InputError('log-key-origin', `${path}: the key is for origin ${verifier.name}, not ${origin}`);
    return verifier;
  } catch (err) {
    // parseVerifierKey's one code, as an input error here: the file given to --log-key.
    if (err instanceof VerificationError && err.code === 'log-key-malformed')
      throw new InputError(err.code, `${path}: ${err.message}`);
    throw err;
  }
}
