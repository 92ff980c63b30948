// The log's side of C2SP tlog-witness: submit a new checkpoint to witnesses, with a
// consistency proof from the size each last cosigned, and attach their cosignatures to the
// checkpoint note (spec/FORMAT.md §6.2). The countersigning service calls it for each new
// checkpoint; its answer is only as good as the witnesses' keys, so every cosignature is
// verified here before it is attached, and a witness that refuses or fails is reported, never
// fatal: the checkpoint is still the log's, with fewer cosignatures (a verifier whose policy
// requires more refuses it: log-witness-threshold).
import { InputError, VerificationError } from '../../basics/errors/errors.ts';
import { readCappedBody } from '../../basics/net/http.ts';
import { checkServiceUrl } from '../../basics/net/url.ts';
import { parseCheckpointText } from '../../checks/log/checkpoint.ts';
import { type ValidCosignature, splitNote, verifyCosignatures } from '../../checks/log/cosignature.ts';
import { type Cosigner, cosignerKeyHash } from '../../formats/log/cosignature.ts';
import { parseNoteSignatureLine } from '../../formats/log/note-format.ts';

export interface WitnessEndpoint {
  /** The witness's submission prefix: https, or plain http to a loopback address. */
  readonly url: string;
  /** Its name and key: only its cosignature, verified, is attached. */
  readonly cosigner: Cosigner;
}

export interface SubmitOptions {
  /** The RFC 6962 consistency proof from a tree of `from` leaves to the checkpoint's tree. */
  readonly consistencyProof: (from: number) => Uint8Array[] | Promise<Uint8Array[]>;
  /**
   * The size each witness (by name) last cosigned, as far as the caller knows; updated in
   * place on each success and each 409. Unknown: 0, and the witness's 409 says the size.
   */
  readonly knownSizes?: Map<string, number>;
  /** Per request (default 10 s). */
  readonly timeoutMs?: number;
}

export interface WitnessOutcome {
  /** The checkpoint note with every new, verified cosignature attached. */
  readonly note: string;
  readonly cosigned: ValidCosignature[];
  readonly failed: { readonly name: string; readonly reason: string }[];
}

const MAX_ANSWER_BYTES = 16 * 1024;

/** Submits `note` to every witness at once; attaches the cosignatures of those that cosign. */
export async function cosignWithWitnesses(
  note: string,
  witnesses: readonly WitnessEndpoint[],
  options: SubmitOptions,
): Promise<WitnessOutcome> {
  const settled = await Promise.allSettled(witnesses.map((w) => requestCosignature(note, w, options)));
  const cosigned: ValidCosignature[] = [];
  const failed: { name: string; reason: string }[] = [];
  settled.forEach((s, i) => {
    const name = witnesses[i]?.cosigner.name ?? '?';
    if (s.status === 'fulfilled') cosigned.push(s.value);
    else failed.push({ name, reason: s.reason instanceof Error ? s.reason.message : String(s.reason) });
  });
  return { note: attachCosignatures(note, cosigned, witnesses), cosigned, failed };
}

/**
 * One add-checkpoint exchange (a retry after a 409 with the witness's size): returns the
 * witness's verified cosignature. Throws VerificationError `service-refused` when the witness
 * refuses (a fork, a bad proof, an unknown log), `log-witness-cosignature` when its answer is
 * not a valid cosignature by its key, InputError `service-unavailable` when it cannot be reached.
 */
export async function requestCosignature(
  note: string,
  witness: WitnessEndpoint,
  options: SubmitOptions,
): Promise<ValidCosignature> {
  const name = witness.cosigner.name;
  const target = `${checkServiceUrl(witness.url, `witness ${name}`)}/add-checkpoint`;
  const { text } = splitNote(note, 'checkpoint');
  const size = parseCheckpointText(text).size;
  let old = Math.min(options.knownSizes?.get(name) ?? 0, size);
  for (let attempt = 0; attempt < 2; attempt++) {
    const proof = old === 0 || old === size ? [] : await options.consistencyProof(old);
    const body = `old ${old}\n${proof.map((h) => `${Buffer.from(h).toString('base64')}\n`).join('')}\n${note}`;
    let res: Response;
    try {
      res = await fetch(target, {
        method: 'POST',
        body,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        redirect: 'error',
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new InputError(
        'service-unavailable',
        `witness ${name} (${target}): no answer (${err instanceof Error ? err.message : String(err)})`,
      );
    }
    const answer = new TextDecoder().decode(
      await readCappedBody(
        res,
        MAX_ANSWER_BYTES,
        () => new InputError('service-response-too-large', `witness ${name}: answer over ${MAX_ANSWER_BYTES} bytes`),
      ),
    );
    if (res.status === 200) {
      const found = verifyCosignatures(`${text}\n${answer}`, [witness.cosigner], `witness ${name}'s answer`);
      const mine = found[0];
      if (!mine)
        throw new VerificationError(
          'log-witness-cosignature',
          `witness ${name}: its answer has no cosignature by its key`,
        );
      options.knownSizes?.set(name, size);
      return mine;
    }
    const said = /^(0|[1-9][0-9]{0,15})\n$/.exec(answer)?.[1];
    if (
      res.status === 409 &&
      said !== undefined &&
      (res.headers.get('content-type') ?? '').startsWith('text/x.tlog.size')
    ) {
      const theirs = Number(said);
      options.knownSizes?.set(name, theirs);
      // A witness ahead of this checkpoint has cosigned a larger tree: this one is old (or a fork).
      if (theirs > size || attempt > 0)
        throw new VerificationError(
          'service-refused',
          `witness ${name}: it last cosigned size ${theirs}, this checkpoint is size ${size}`,
        );
      old = theirs;
      continue;
    }
    const why = answer
      .replace(/\p{Cc}+/gu, ' ')
      .trim()
      .slice(0, 200);
    if (res.status >= 500)
      throw new InputError('service-unavailable', `witness ${name}: HTTP ${res.status}${why ? `: ${why}` : ''}`);
    throw new VerificationError(
      'service-refused',
      `witness ${name} refused (HTTP ${res.status})${why ? `: ${why}` : ''}`,
    );
  }
  // Unreachable: the second 409 throws above.
  throw new VerificationError('service-refused', `witness ${name}: no cosignature after two attempts`);
}

/** `note` with `cosignatures` attached, replacing any earlier line by the same witnesses. */
export function attachCosignatures(
  note: string,
  cosignatures: readonly ValidCosignature[],
  witnesses: readonly WitnessEndpoint[],
): string {
  const { text, lines } = splitNote(note, 'checkpoint');
  const replaced = witnesses
    .filter((w) => cosignatures.some((c) => c.name === w.cosigner.name))
    .map((w) => ({
      name: w.cosigner.name,
      hash: Buffer.from(cosignerKeyHash(w.cosigner.name, w.cosigner.rawPublicKey)).toString('hex'),
    }));
  const kept = lines.filter((line) => {
    const parsed = parseNoteSignatureLine(line);
    if (typeof parsed === 'string') return true;
    const hash = Buffer.from(parsed.blob.subarray(0, 4)).toString('hex');
    return !replaced.some((r) => r.name === parsed.name && r.hash === hash);
  });
  return `${text}\n${[...kept, ...cosignatures.map((c) => c.line)].map((l) => `${l}\n`).join('')}`;
}
