// `countersign countersign` on an authority rotation (spec/ROTATION.md §3.1): organisation B never
// countersigns a change of trust without deciding to. The command prints what the new policy
// changes (the review of `countersign policy diff`) on stderr, then needs an approval bound to
// the exact document: on a terminal, the person types the start of the new policy's digest;
// in a script, `--approve-rotation sha256:<digest of the new policy>` must equal the digest of
// the document the rotation carries. Anything else refuses, before anything is signed.
import { createInterface } from 'node:readline/promises';
import { isatty } from 'node:tty';
import { InputError, VerificationError } from '../lib/basics/errors/errors.ts';
import {
  REVIEW_HINT,
  checkRotationApproval,
  peekRotation,
  rotationReview,
  type RotationApproval,
} from '../lib/flows/countersign/rotation-review.ts';
import type { Policy } from '../lib/formats/policy/types.ts';

/** How many hex digits of the digest a person must type at the prompt. */
export const PROMPT_DIGITS = 12;

export interface ApprovalIo {
  /** A person is there: stdin and stderr are terminals. */
  interactive: boolean;
  /** Prints one block of text (stderr). */
  print(text: string): void;
  /** Asks one question and returns the answer line. */
  ask(question: string): Promise<string>;
}

export const terminalIo: ApprovalIo = {
  interactive: isatty(0) && isatty(2),
  print: (text) => {
    console.error(text);
  },
  ask: async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  },
};

/**
 * The approval to pass to countersignBundle for this bundle: undefined for a bundle that is not
 * an authority rotation; for a rotation, the reviewed digest, or a refusal
 * (`rotation-needs-review`, `rotation-approval-mismatch`).
 */
export async function rotationApproval(
  bundlePath: string,
  bytes: Uint8Array,
  policy: Policy,
  signerKeyId: string,
  flag: string | undefined,
  io: ApprovalIo = terminalIo,
): Promise<RotationApproval | undefined> {
  if (flag !== undefined && !/^sha256:[0-9a-f]{64}$/.test(flag)) {
    throw new InputError(
      'usage',
      `countersign: --approve-rotation: expected sha256: and the 64 lowercase hex digits of the new policy's digest, found ${JSON.stringify(flag.slice(0, 80))}`,
    );
  }
  const rotation = peekRotation(bytes, policy, bundlePath);
  if (!rotation) {
    if (flag !== undefined)
      throw new InputError(
        'usage',
        `countersign: --approve-rotation: ${bundlePath} is not an authority rotation (or does not parse as one)`,
      );
    return undefined;
  }
  const digest = `sha256:${rotation.digest}`;
  io.print(rotationReview(`countersign: ${bundlePath}`, policy, rotation, signerKeyId).join('\n'));

  if (flag !== undefined) {
    const approval = { policyDigest: flag };
    checkRotationApproval(policy, rotation, approval, bundlePath); // a digest of another document: refused now, before verifying
    return approval;
  }
  if (!io.interactive) {
    throw new VerificationError(
      'rotation-needs-review',
      `${bundlePath}: an authority rotation is countersigned only with an approval of the exact new policy: read the changes above, then re-run with --approve-rotation sha256:<the new policy's digest, above> (${REVIEW_HINT})`,
      {
        expected: `--approve-rotation ${digest}`,
        found: 'no approval (no terminal to ask on)',
      },
    );
  }
  const answer = (
    await io.ask(
      `To countersign this rotation, type the first ${PROMPT_DIGITS} hex digits of the new policy's digest (anything else refuses): `,
    )
  )
    .trim()
    .toLowerCase()
    .replace(/^sha256:/, '');
  if (answer.length < PROMPT_DIGITS || !/^[0-9a-f]+$/.test(answer) || !rotation.digest.startsWith(answer)) {
    throw new VerificationError(
      'rotation-needs-review',
      `${bundlePath}: the rotation was not approved (the answer was not the start of ${digest})`,
      { expected: `the first ${PROMPT_DIGITS} hex digits of ${digest}`, found: 'another answer' },
    );
  }
  return { policyDigest: digest };
}
