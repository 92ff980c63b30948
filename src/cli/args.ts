// The one argument parser of every CLI verb: node:util parseArgs (strict), plus three rules that
// make a command line safe to build from a glob, where any file name in the release becomes an
// argument (issue 13 finding 5, spec/ATTACKS.md):
//  - an option that is not `multiple` given twice is an error, never "the last one wins"
//    (a file named `--policy=evil.json` would otherwise replace the script's --policy);
//  - `--` ends the options: every argument after it is a positional, even `--help`;
//  - `--help`/`-h` is help only as the verb's one argument; with anything else it is an error
//    (a file named `--help` would otherwise turn the gate into a help screen that exits 0).
// Anything wrong is an InputError('usage'): one line naming the verb, exit 2 (src/cli/errors.ts).
// What stays the script's job: put `--` before globbed file names. Before `--`, a file named
// like an option the script did not give (`--base=x`, `--json`) is still taken as that option.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { InputError } from '../lib/basics/errors/errors.ts';

type VerbConfig<O extends ParseArgsOptionsConfig> = {
  args: string[];
  options: O;
  allowPositionals: boolean;
  strict: true;
  tokens: true;
};

export const HELP_COMBINED = '--help cannot be combined with other arguments';

/**
 * Parses `argv` of `countersign VERB` (VERB as the help names it, e.g. 'policy init') under
 * `options`. `values.help` is true only when argv is exactly `--help` or `-h`.
 */
export function parseVerbArgs<const O extends ParseArgsOptionsConfig>(
  verb: string,
  argv: string[],
  options: O,
  { positionals = true }: { positionals?: boolean } = {},
): Omit<ReturnType<typeof parseArgs<VerbConfig<O>>>, 'tokens'> {
  const fail = (problem: string): never => {
    throw new InputError('usage', `${verb}: ${problem} (see 'countersign ${verb} --help')`);
  };
  // Said first, before any other problem of the same command line (a stray argument, say).
  const end = argv.indexOf('--');
  if (argv.length > 1 && (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h'))
    fail(HELP_COMBINED);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options,
      allowPositionals: positionals,
      strict: true as const,
      tokens: true as const,
    });
  } catch (err) {
    // An unknown option, a missing or ambiguous value, a stray positional.
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
      fail((err as Error).message.trim().replace(/\s*\n\s*/g, ' '));
    throw err;
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue; // positionals and the `--` terminator
    if (token.name === 'help' && argv.length !== 1) fail(HELP_COMBINED);
    if (options[token.name]?.multiple === true) continue;
    if (seen.has(token.name)) fail(`option --${token.name} given more than once`);
    seen.add(token.name);
  }
  const { values, positionals: rest } = parsed;
  return { values, positionals: rest };
}
