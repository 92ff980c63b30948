// `countersign stack [--instance public-good|github|rekor-v2] [--out FILE] [--job-workflow-ref REF]
// [--caller-workflow-ref REF] [--issuer URL]`: runs the local
// Sigstore stack (src/stack/: OIDC issuer, Fulcio, Rekor, TSA on 127.0.0.1) in the
// foreground, writes its description to FILE atomically, and serves until SIGINT/SIGTERM.
// For demos and end-to-end tests only: every start makes new keys, and its trusted root
// verifies nothing but what this run signed. The stack module is imported lazily (it pulls
// in @sigstore/mock, a development dependency) so the rest of the CLI never loads it.
import { dirname, resolve } from 'node:path';
import { writeFileAtomic } from '../lib/basics/io/atomic-write.ts';
import { usageError } from './usage.ts';
import { parseVerbArgs } from './args.ts';

export const USAGE = `usage: countersign stack [--instance public-good|github|rekor-v2] [--out FILE] [--job-workflow-ref REF]
                         [--caller-workflow-ref REF] [--issuer URL]

Runs a local Sigstore stack on 127.0.0.1 (an OIDC issuer shaped like GitHub Actions' token
endpoint, Fulcio, Rekor and an RFC 3161 timestamp authority) until interrupted, and writes
its description (URLs, trusted root path, token endpoint) as JSON for --sigstore FILE.
The trusted root and the Sigstore signing config are written beside FILE as
trusted_root.json and signing_config.json (for --sigstore signing_config.json
--trusted-root trusted_root.json) and kept after exit. Rekor keeps one growing Merkle tree:
inclusion proofs have real audit paths.

  --instance NAME          which Sigstore instance to imitate (default public-good):
                             public-good  Fulcio with SCTs, Rekor v1, a TSA
                             github       Fulcio without CT log or SCTs, a TSA, no Rekor
                                          (GitHub's instance: time from the TSA only)
                             rekor-v2     public-good with Rekor v2 (dsse 0.0.2 entries,
                                          C2SP checkpoints, no integrated time; TSA time)
  --out FILE               where to write the description (default: stack.json)
  --job-workflow-ref REF   identity of the tokens (default:
                           acme/app/.github/workflows/release.yml@refs/heads/main)
  --caller-workflow-ref REF  make every token a reusable-workflow call of that workflow
                           by this one of another repository (OWNER/REPO/.github/workflows/
                           FILE@REF): the same identity, the caller's repository claims
  --issuer URL             the tokens' iss (default: https://token.actions.githubusercontent.com)

For tests and demos only: keys are made at start and discarded at exit.`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseVerbArgs(
    'stack',
    argv,
    {
      instance: { type: 'string', default: 'public-good' },
      out: { type: 'string', default: 'stack.json' },
      'job-workflow-ref': { type: 'string' },
      'caller-workflow-ref': { type: 'string' },
      issuer: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    { positionals: false },
  );
  if (values.help) return (console.log(USAGE), 0);
  const instance = values.instance;
  if (instance !== 'public-good' && instance !== 'github' && instance !== 'rekor-v2')
    return usageError(
      'stack',
      `--instance: expected public-good, github or rekor-v2, found ${JSON.stringify(instance)}`,
    );

  const { startStack } = await import('../stack/index.ts');
  const out = resolve(values.out);
  let stack;
  try {
    // The trusted root goes beside the description, so bundles signed during this run can
    // still be verified after the stack has stopped.
    stack = await startStack({
      instance,
      ...(values['job-workflow-ref'] !== undefined ? { jobWorkflowRef: values['job-workflow-ref'] } : {}),
      ...(values['caller-workflow-ref'] !== undefined ? { callerWorkflowRef: values['caller-workflow-ref'] } : {}),
      ...(values.issuer !== undefined ? { issuer: values.issuer } : {}),
      dir: dirname(out),
    });
  } catch (err) {
    return usageError('stack', (err as Error).message);
  }
  const stopped = waitForSignal();
  try {
    await writeFileAtomic(out, `${JSON.stringify(stack.description, null, 2)}\n`, { mode: 0o600 });
    const d = stack.description;
    console.log(`countersign stack: listening on 127.0.0.1
  fulcio   ${d.fulcioUrl}
  instance ${instance}
  rekor    ${d.rekorUrl === undefined ? 'none (timestamps from the TSA)' : `${d.rekorUrl} (API v${d.rekorApiVersion ?? 1})`}
  tsa      ${d.tsaUrl}
  tokens   ${d.tokenUrl}
  identity ${d.identity}
  source   ${stack.sourceRepository.repository} (policy init --source-repository-id ${stack.sourceRepository.repositoryId} --source-repository-owner-id ${stack.sourceRepository.repositoryOwnerId})
  issuer   ${d.issuer}
description: ${out}
trusted root: ${d.trustedRoot}
signing config: ${d.signingConfig ?? ''}
Press Ctrl-C to stop.`);
    const signal = await stopped;
    console.log(`countersign stack: ${signal}, shutting down`);
  } finally {
    await stack.close();
  }
  return 0;
}

/** Resolves with the first SIGINT or SIGTERM, and removes its listeners. */
function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolveSignal) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolveSignal(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
