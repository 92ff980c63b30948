// The verbs of the countersign CLI and the dispatch to them. Loaded by src/cli/main.ts only after
// the Node.js version check; each verb lives in its own module exporting
// `run(argv): Promise<number>` (the exit code), loaded lazily so that `verify` does not pay for
// signing, the stack or the server at start-up.
// Exit codes: 0 success / verified, 1 rejected or pending, 2 could not run.
import pkg from '../../package.json' with { type: 'json' };
import { reportFatal } from './errors.ts';
import { HELP_COMBINED } from './args.ts';

export type Verb = { summary: string; load: () => Promise<{ run: (argv: string[]) => Promise<number> }> };

export const VERBS: Readonly<Record<string, Verb>> = {
  keygen: { summary: "make organisation B's Ed25519 countersigning key", load: () => import('./keygen.ts') },
  policy: { summary: 'write (init), explain (show) or update a policy file', load: () => import('./policy.ts') },
  build: { summary: 'make a statement over files, fleet keys or config', load: () => import('./build.ts') },
  sign: { summary: "organisation A's Sigstore keyless signature over a statement", load: () => import('./sign.ts') },
  countersign: { summary: "organisation B's check-then-countersign step", load: () => import('./countersign.ts') },
  verify: { summary: 'the gate: verify both signatures under a pinned policy', load: () => import('./verify.ts') },
  'trusted-root': {
    summary: "fetch a Sigstore instance's trusted root through TUF",
    load: () => import('./trusted-root.ts'),
  },
  'verify-bundle': {
    summary: 'Sigstore conformance verification of a plain Sigstore bundle',
    load: () => import('./verify-bundle.ts'),
  },
  serve: {
    summary: "organisation B's countersigning service with its transparency log",
    load: () => import('./serve.ts'),
  },
  audit: {
    summary: "check a countersigning service's log and list everything it signed",
    load: () => import('./audit.ts'),
  },
  witness: {
    summary: 'a C2SP tlog-witness: cosign only consistent checkpoints of the logs it follows',
    load: () => import('./witness.ts'),
  },
  stack: {
    summary: 'run the local Sigstore stack (Fulcio, Rekor, TSA, OIDC) on loopback',
    load: () => import('./stack.ts'),
  },
  demo: { summary: 'the whole flow on the local stack, with three rejections', load: () => import('./demo.ts') },
};

/** The package version, from package.json (bundled into dist/ at build time). */
export const VERSION: string = pkg.version;

export const USAGE = `usage: countersign <verb> [options]
       countersign help [<verb> [<subverb>]]
       countersign --version

verbs:
${Object.entries(VERBS)
  .map(([name, v]) => `  ${name.padEnd(14)} ${v.summary}`)
  .join('\n')}

Run 'countersign help <verb>' or 'countersign <verb> --help' for the verb's options
('countersign help policy init' for a subverb's). 'countersign --version' prints the version.`;

const HELP_WORDS = new Set(['help', '--help', '-h']);

/** Runs `countersign ...argv` and returns the exit code; any error becomes one line on stderr. */
export function main(argv: string[]): Promise<number> {
  return route(argv).catch(reportFatal);
}

async function route(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || HELP_WORDS.has(verb)) {
    // `countersign --help x` is not help: a file named --help must never make a gate succeed.
    if (verb !== 'help' && rest.length > 0) {
      console.error(`countersign: ${HELP_COMBINED} (see 'countersign --help')`);
      return 2;
    }
    // `help VERB ...` prints exactly what `VERB ... --help` prints: it is that.
    if (verb === 'help' && rest[0] !== undefined && !HELP_WORDS.has(rest[0]))
      return dispatch(rest[0], [...rest.slice(1), '--help'], 'help');
    console.log(USAGE);
    return verb === undefined ? 2 : 0;
  }
  if (verb === '--version' || verb === '-V') {
    console.log(`countersign ${VERSION}`);
    return 0;
  }
  return dispatch(verb, rest);
}

async function dispatch(verb: string, argv: string[], via?: 'help'): Promise<number> {
  const entry = Object.hasOwn(VERBS, verb) ? VERBS[verb] : undefined;
  if (!entry) {
    console.error(
      `countersign${via ? ` ${via}` : ''}: unknown verb '${verb}' (verbs: ${Object.keys(VERBS).join(', ')}; see 'countersign --help')`,
    );
    return 2;
  }
  const mod = await entry.load();
  return mod.run(argv);
}
