// Durations on the command line and in inputs (`--expires-in 30d`). One positive integer and
// one unit letter, nothing else: no fractions, no sums ("1h30m"), no spaces, no default unit,
// so that "30" cannot mean seconds to one reader and days to another.
import { InputError } from '../../basics/errors/errors.ts';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** Syntax: `^[1-9][0-9]{0,9}[smhdw]$`, e.g. `3600s`, `90m`, `12h`, `30d`, `2w`. */
export const DURATION_PATTERN = /^([1-9][0-9]{0,9})([smhdw])$/;

/** Parses a duration into seconds. `what` names the input in the error (e.g. "--expires-in"). */
export function parseDuration(text: string, what = 'duration'): number {
  const m = DURATION_PATTERN.exec(text);
  if (!m) {
    throw new InputError(
      'bad-duration',
      `${what}: expected a positive whole number and a unit s, m, h, d or w (e.g. 30d, 12h, 90m, 3600s, 2w), found ${JSON.stringify(text.slice(0, 40))}`,
    );
  }
  // At most 10 digits times one week stays far below 2^53: the product is exact.
  return Number(m[1]) * (UNIT_SECONDS[m[2] as string] as number);
}
