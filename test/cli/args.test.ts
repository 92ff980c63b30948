// The one argument parser of every verb (src/cli/args.ts), issue 13 finding 5 (spec/ATTACKS.md):
// a single-valued option given twice is an error, `--` ends the options, and `--help` is help
// only alone. The parser in-process, then every verb as a real `node src/cli/main.ts` process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { HELP_COMBINED, parseVerbArgs } from '../../src/cli/args.ts';
import { VERBS } from '../../src/cli/dispatch.ts';
import { InputError } from '../../src/lib/basics/errors/errors.ts';

const CLI = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const DROPPED = ['NODE_TEST_CONTEXT', 'NODE_OPTIONS', 'COUNTERSIGN_KEY', 'COUNTERSIGN_LOG_KEY'];
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !DROPPED.includes(name)));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, ...args], { env, timeout: 60_000 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') {
        reject(new Error(err.message, { cause: err })); // not run at all (a run that exits non-zero is a result)
        return;
      }
      resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
    });
  });
}

/** Runs `fn` over `items`, a few processes at a time (a machine running other tests stays usable). */
async function eachLimited<T>(items: T[], fn: (item: T) => Promise<void>, limit = 6): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

const OPTIONS = {
  policy: { type: 'string' },
  json: { type: 'boolean' },
  rotation: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;
/** The parse, with `values` as a plain object (parseArgs gives a null-prototype one). */
const parse = (argv: string[], positionals = true) => {
  const parsed = parseVerbArgs('t', argv, OPTIONS, { positionals });
  return { values: { ...parsed.values }, positionals: parsed.positionals };
};

/** The InputError('usage') a bad command line is: one line naming the verb and its help. */
function refused(argv: string[], problem: RegExp, positionals = true): void {
  assert.throws(
    () => parse(argv, positionals),
    (err: unknown) => {
      assert.ok(err instanceof InputError, String(err));
      assert.equal(err.code, 'usage');
      assert.match(err.message, /^t: .* \(see 'countersign t --help'\)$/);
      assert.ok(!err.message.includes('\n'), err.message);
      assert.match(err.message, problem);
      return true;
    },
    JSON.stringify(argv),
  );
}

test('parser: options, positionals and repeatable options as parseArgs gives them', () => {
  assert.deepEqual(parse(['b.json', '--policy', 'p.json', '--json', 'f1', 'f2']), {
    values: { policy: 'p.json', json: true },
    positionals: ['b.json', 'f1', 'f2'],
  });
  assert.deepEqual(parse(['--rotation', 'a', '--rotation=b', '--rotation', 'c']).values, { rotation: ['a', 'b', 'c'] });
  assert.deepEqual(parse(['--policy=--help']), { values: { policy: '--help' }, positionals: [] });
  assert.deepEqual(parse([]), { values: {}, positionals: [] });
});

test('parser: a single-valued option given twice is refused, in every spelling', () => {
  for (const argv of [
    ['--policy', 'a', '--policy', 'b'],
    ['--policy=a', '--policy=b'],
    ['b.json', '--policy', 'a', 'f1', '--policy=evil.json', 'f2'],
    ['--policy', 'a', '--policy', 'a'], // even the same value
  ])
    refused(argv, /^t: option --policy given more than once/);
  refused(['--json', 'x', '--json'], /option --json given more than once/);
});

test('parser: `--` ends the options; everything after it is a positional, --help too', () => {
  assert.deepEqual(parse(['--policy', 'p', 'b.json', '--', '--help', '--policy=evil.json', '-h', '--json', '--']), {
    values: { policy: 'p' },
    positionals: ['b.json', '--help', '--policy=evil.json', '-h', '--json', '--'],
  });
  assert.deepEqual(parse(['--', '--help']), { values: {}, positionals: ['--help'] });
  refused(['--', 'x'], /Unexpected argument 'x'/, false);
});

test('parser: --help and -h are help only alone', () => {
  assert.deepEqual(parse(['--help']).values, { help: true });
  assert.deepEqual(parse(['-h']).values, { help: true });
  for (const argv of [
    ['--help', 'x'],
    ['x', '--help'],
    ['--policy', 'p', '-h'],
    ['--help', '--help'],
    ['-h', '--', 'x'],
  ])
    refused(argv, new RegExp(`^t: ${HELP_COMBINED}`));
  refused(['-hh'], /more than once/);
  refused(['--help=yes'], /does not take an argument/);
});

test('parser: unknown options, missing values and stray positionals are one-line usage errors', () => {
  refused(['--bogus'], /Unknown option '--bogus'/);
  refused(['--policy'], /argument missing/);
  refused(['--policy', '--json'], /ambiguous/);
  refused(['x'], /Unexpected argument 'x'/, false);
});

/** For each verb (and policy subverb), a command line that gives a single-valued option twice. */
const DUPLICATES: Record<string, string[][]> = {
  keygen: [['--out', 'a', '--out', 'b']],
  policy: [
    ['init', '--out', 'a', '--out=b'],
    ['update', '--current', 'a', '--current', 'b'],
  ],
  build: [['--kind', 'binary-digest', '--kind', 'config-change', 'f']],
  sign: [['s.json', '--out', 'a', '--out', 'b']],
  countersign: [['b.json', '--policy', 'a', '--policy', 'b']],
  verify: [
    ['b.json', '--policy', 'a', '--policy', 'b'],
    ['b.json', '--policy', 'a', '--state', 's', '--state', 't'],
    ['b.json', '--policy', 'a', '--json', '--json'],
    ['b.json', '--policy', 'a', '--base', 'x', 'f', '--base=y'],
  ],
  'verify-bundle': [['--bundle', 'a', '--bundle', 'b', 'x']],
  serve: [['--listen', '127.0.0.1:0', '--listen', '127.0.0.1:0']],
  audit: [['--url', 'http://127.0.0.1:9', '--url', 'http://127.0.0.1:9']],
  stack: [['--out', 'a', '--out', 'b']],
  demo: [['--keep', '--keep']],
  witness: [['--name', 'a', '--name', 'b']],
  'trusted-root': [['--instance', 'github', '--instance', 'public-good', '--out', 'x']],
};

test('every verb refuses a duplicated single-valued option: exit 2, one line naming it', async () => {
  assert.deepEqual(Object.keys(DUPLICATES).sort(), Object.keys(VERBS).sort(), 'one row per verb of the verb table');
  const cases = Object.entries(DUPLICATES).flatMap(([verb, lines]) => lines.map((args) => [verb, ...args]));
  await eachLimited(cases, async (argv) => {
    const option = argv
      .find((a, i) => a.startsWith('--') && argv.slice(i + 1).some((b) => b.split('=')[0] === a.split('=')[0]))!
      .split('=')[0];
    const run = await cli(argv);
    const label = argv.join(' ');
    assert.equal(run.code, 2, `${label}: ${run.stderr}`);
    assert.equal(run.stdout, '', label);
    assert.match(
      run.stderr,
      new RegExp(
        `^countersign: [a-z -]+: option ${option} given more than once \\(see 'countersign [a-z -]+ --help'\\)\\n$`,
      ),
      label,
    );
  });
});

test('--help with other arguments exits 2, for every verb, subverb and the top level', async () => {
  const targets = [
    ...Object.keys(VERBS).map((verb) => [verb]),
    ['policy', 'init'],
    ['policy', 'show'],
    ['policy', 'update'],
  ];
  const cases = [
    ['--help', 'verify'],
    ['-h', 'x'],
    ...targets.flatMap((words) => [
      [...words, '--help', 'x'],
      [...words, 'x', '--help'],
      [...words, '-h', '-h'],
    ]),
  ];
  await eachLimited(cases, async (argv) => {
    const run = await cli(argv);
    const label = argv.join(' ');
    assert.equal(run.code, 2, `${label}: ${run.stderr}`);
    assert.equal(run.stdout, '', `${label}: no help text`);
    assert.equal(run.stderr.split('\n').length, 2, `${label}: one line: ${run.stderr}`);
    // `policy x --help`: x is no subverb, and that is said first.
    assert.match(
      run.stderr,
      label === 'policy x --help' ? /unknown subcommand "x"/ : /--help cannot be combined with other arguments/,
      label,
    );
  });
});

test('after --, --help is an argument: no verb prints help for `VERB -- --help`', async () => {
  const targets = [
    ...Object.keys(VERBS).map((verb) => [verb]),
    ['policy', 'init'],
    ['policy', 'show'],
    ['policy', 'update'],
  ];
  await eachLimited(targets, async (words) => {
    const run = await cli([...words, '--', '--help']);
    const label = words.join(' ');
    assert.equal(run.code, 2, `${label}: ${run.stderr}`);
    assert.doesNotMatch(run.stdout, /usage:/, label);
  });
});
