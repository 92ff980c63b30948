#!/usr/bin/env node
// The countersign CLI: `countersign <verb> [args]`. This file only dispatches; each verb
// lives in its own module exporting `run(argv): Promise<number>` (the exit code), loaded
// lazily so that `verify` does not pay for signing, the stack or the server at start-up.
// Exit codes: 0 success / verified, 1 rejected or pending, 2 could not run.
import { reportFatal } from './errors.ts';

type Verb = { summary: string; load: () => Promise<{ run: (argv: string[]) => Promise<number> }> };

const VERBS: Record<string, Verb> = {
  keygen: { summary: "make organisation B's Ed25519 countersigning key", load: () => import('./keygen.ts') },
  policy: { summary: 'write (init) or explain (show) a policy file', load: () => import('./policy.ts') },
  build: { summary: 'make a statement over files, fleet keys or config', load: () => import('./build.ts') },
  sign: { summary: "organisation A's Sigstore keyless signature over a statement", load: () => import('./sign.ts') },
  countersign: { summary: "organisation B's check-then-countersign step", load: () => import('./countersign.ts') },
  verify: { summary: 'the gate: verify both signatures under a pinned policy', load: () => import('./verify.ts') },
  'verify-bundle': { summary: 'Sigstore conformance verification of a plain Sigstore bundle', load: () => import('./verify-bundle.ts') },
  serve: { summary: "organisation B's countersigning service with its transparency log", load: () => import('./serve.ts') },
  audit: { summary: "check a countersigning service's log and list everything it signed", load: () => import('./audit.ts') },
  stack: { summary: 'run the local Sigstore stack (Fulcio, Rekor, TSA, OIDC) on loopback', load: () => import('./stack.ts') },
  demo: { summary: 'the whole flow on the local stack, with three rejections', load: () => import('./demo.ts') },
};

export const USAGE = `usage: countersign <verb> [options]

verbs:
${Object.entries(VERBS)
  .map(([name, v]) => `  ${name.padEnd(14)} ${v.summary}`)
  .join('\n')}

Run 'countersign <verb> --help' for the verb's options.`;

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    console.log(USAGE);
    return verb === undefined ? 2 : 0;
  }
  const entry = VERBS[verb];
  if (!entry) {
    console.error(`countersign: unknown verb '${verb}' (verbs: ${Object.keys(VERBS).join(', ')}; see 'countersign --help')`);
    return 2;
  }
  const mod = await entry.load();
  return mod.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = reportFatal(err);
  },
);
