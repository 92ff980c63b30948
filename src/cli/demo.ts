// `countersign demo` (`npm run demo`): the main job, end to end on the local Sigstore stack,
// in one process. Each step runs the real CLI verb, printed as the command a user would type:
// organisation B makes its key, a policy pins both organisations, organisation A builds and
// signs a release statement (keyless, through the GitHub-style OIDC endpoint), B countersigns,
// and the gate verifies. Then three rejections: no countersignature yet (pending), a
// countersignature from an unpinned key, and a tampered release file.
// Exits 0 only if all four outcomes are as expected.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBundleFile, serializeBundle } from '../lib/formats/bundle/bundle.ts';
import { createCountersignature } from '../lib/formats/countersignature/create.ts';
import { loadPrivateKeyFile } from '../lib/basics/io/key-files.ts';
import { seedSigner } from '../lib/basics/crypto/signer.ts';
import { loadPolicyFile } from '../lib/formats/policy/index.ts';
import { runPipeline } from '../lib/pipeline/run.ts';
import { parseVerbArgs } from './args.ts';
import type { ErrorCode } from '../lib/basics/errors/codes.ts';

const STREAM = 'acme/app:stable';
const WORKFLOW = 'acme/app/.github/workflows/release.yml@refs/heads/main';

type VerbModule = { run: (argv: string[]) => Promise<number> };
const verbs: Record<string, () => Promise<VerbModule>> = {
  keygen: () => import('./keygen.ts'),
  policy: () => import('./policy.ts'),
  build: () => import('./build.ts'),
  sign: () => import('./sign.ts'),
  countersign: () => import('./countersign.ts'),
};

export async function run(argv: string[]): Promise<number> {
  const { values: options } = parseVerbArgs(
    'demo',
    argv,
    {
      keep: { type: 'boolean' },
      instance: { type: 'string', default: 'public-good' },
      help: { type: 'boolean', short: 'h' },
    },
    { positionals: false },
  );
  if (options.help) {
    console.log(
      'usage: countersign demo [--keep] [--instance public-good|github|rekor-v2]\n\nRuns the whole flow on a local Sigstore stack in a temporary directory (--keep leaves it).\n--instance picks the Sigstore instance the stack imitates (countersign stack --help).',
    );
    return 0;
  }
  const instance = options.instance;
  if (instance !== 'public-good' && instance !== 'github' && instance !== 'rekor-v2') {
    console.error(
      `countersign demo: --instance: expected public-good, github or rekor-v2, found ${JSON.stringify(instance)}`,
    );
    return 2;
  }
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'countersign-demo-'));
  const { startStack } = await import('../stack/index.ts');
  const stack = await startStack({ instance, jobWorkflowRef: WORKFLOW, dir: join(dir, 'stack') });
  // The demo works inside its directory, so the commands it prints are the ones a user types.
  const previousCwd = process.cwd();
  process.chdir(dir);
  const at = (...p: string[]) => join(...p);
  const results: { name: string; ok: boolean; detail: string }[] = [];

  // The CLI verb, in-process, echoed as a command line.
  const cli = async (verb: string, ...args: string[]): Promise<number> => {
    console.log(`\n$ countersign ${verb} ${args.map((a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
    const load = verbs[verb];
    if (!load) throw new Error(`demo: no verb ${verb}`);
    return (await load()).run(args);
  };
  // A set-up step that must succeed for the demo to mean anything.
  const must = async (verb: string, ...args: string[]): Promise<void> => {
    const code = await cli(verb, ...args);
    if (code !== 0) throw new DemoStepFailed(`countersign ${verb} exited ${code}`);
  };
  // The gate, checked on its report: the outcome and, for a rejection, the deciding code.
  const gate = async (name: string, want: { outcome: string; code?: ErrorCode }, ...args: string[]) => {
    console.log(`\n$ countersign verify ${args.join(' ')}`);
    const { exitCode, report } = await (await import('./verify.ts')).verifyCommand(args);
    const code = report?.failure?.code ?? report?.checks.find((c) => c.result === 'pending')?.code;
    const ok = report?.outcome === want.outcome && code === want.code;
    results.push({
      name,
      ok,
      detail: `${report?.outcome ?? 'no report'}${code ? ` [${code}]` : ''}, exit ${exitCode}; expected ${want.outcome}${want.code ? ` [${want.code}]` : ''}`,
    });
  };

  try {
    await writeFile(at('stack.json'), JSON.stringify(stack.description, null, 2), { mode: 0o600 });
    // GitHub's OIDC environment, pointed at the local stack's token endpoint.
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = stack.description.tokenUrl;
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = stack.description.requestToken;
    console.log(
      `local Sigstore stack (${instance}) on loopback: Fulcio ${stack.description.fulcioUrl}, Rekor ${stack.description.rekorUrl ?? 'none'}, TSA ${stack.description.tsaUrl}`,
    );
    console.log(`working directory: ${dir}`);

    console.log('\n== Organisation B makes its countersigning key; an attacker makes one too');
    await must('keygen', '--out', at('b.key'));
    await must('keygen', '--out', at('rogue.key'));

    console.log(
      "\n== Both organisations pin the policy: A's release workflow run from A's repository (its ids), AND B's key",
    );
    await must(
      'policy',
      'init',
      '--identity',
      `https://github.com/${WORKFLOW}`,
      '--issuer',
      stack.description.issuer,
      '--source-repository-id',
      stack.sourceRepository.repositoryId,
      '--source-repository-owner-id',
      stack.sourceRepository.repositoryOwnerId,
      '--trusted-root',
      stack.description.trustedRoot,
      '--countersigner',
      `b-release=${at('b.key.pub')}`,
      '--organisation',
      'b-release=Org B',
      '--stream',
      STREAM,
      '--out',
      at('policy.json'),
    );

    console.log('\n== Organisation A builds the release and its statement');
    await mkdir(at('release'));
    await writeFile(at('release', 'app-linux-amd64'), 'ELF... pretend this is a binary\n'.repeat(1000));
    await writeFile(at('release', 'app-darwin-arm64'), 'Mach-O... pretend this is a binary\n'.repeat(1000));
    await writeFile(at('release', 'SHA256SUMS'), 'see the statement\n');
    await must(
      'build',
      '--kind',
      'binary-digest',
      '--stream',
      STREAM,
      '--version',
      '1',
      '--expires-in',
      '30d',
      '--out',
      at('statement.json'),
      at('release'),
    );

    console.log('\n== A signs it in CI (Sigstore keyless: OIDC token -> Fulcio certificate -> Rekor)');
    // The instance as data: its signing config (which services) and trusted root (which keys).
    await must(
      'sign',
      at('statement.json'),
      '--sigstore',
      at('stack', 'signing_config.json'),
      '--trusted-root',
      at('stack', 'trusted_root.json'),
      '--out',
      at('primary.sigstore.json'),
    );

    console.log("\n== B verifies A's signature under its policy, then countersigns");
    await must(
      'countersign',
      at('primary.sigstore.json'),
      '--key',
      at('b.key'),
      '--policy',
      at('policy.json'),
      '--out',
      at('release.countersigned.json'),
    );

    // The form for scripts (README, "In scripts and CI gates"): options first, then `--` before the files.
    console.log('\n== The gate: both signatures, the statement, and every release file');
    await gate(
      'verified',
      { outcome: 'verified' },
      '--policy',
      at('policy.json'),
      at('release.countersigned.json'),
      '--',
      at('release'),
    );

    console.log('\n== Rejection 1: the primary alone (A signed, B has not countersigned)');
    await gate(
      'pending countersign',
      { outcome: 'pending-countersign', code: 'countersignature-missing' },
      '--policy',
      at('policy.json'),
      at('primary.sigstore.json'),
    );

    console.log('\n== Rejection 2: a countersignature from a key the policy does not pin');
    await forgeUnpinned(
      at('primary.sigstore.json'),
      at('rogue.key'),
      at('policy.json'),
      at('rogue.countersigned.json'),
    );
    console.log('(the attacker countersigned with rogue.key, which no policy pins)');
    await gate(
      'unpinned key',
      { outcome: 'rejected', code: 'countersignature-unpinned-key' },
      '--policy',
      at('policy.json'),
      at('rogue.countersigned.json'),
    );

    console.log('\n== Rejection 3: a release file changed after signing');
    await writeFile(at('release', 'app-linux-amd64'), 'ELF... a backdoored binary\n');
    await gate(
      'tampered file',
      { outcome: 'rejected', code: 'subject-digest' },
      '--policy',
      at('policy.json'),
      at('release.countersigned.json'),
      '--',
      at('release'),
    );
  } catch (err) {
    if (!(err instanceof DemoStepFailed)) throw err;
    results.push({ name: 'set-up', ok: false, detail: err.message });
  } finally {
    process.chdir(previousCwd);
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    await stack.close();
    if (!options.keep) await rm(dir, { recursive: true, force: true });
  }

  console.log('\n== Demo outcomes');
  for (const r of results) console.log(`  ${r.ok ? 'as expected' : 'UNEXPECTED '}  ${r.name.padEnd(20)} ${r.detail}`);
  const ok = results.length === 4 && results.every((r) => r.ok);
  if (options.keep) console.log(`kept ${dir}`);
  console.log(`\n${ok ? 'demo passed' : 'demo FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok ? 0 : 1;
}

class DemoStepFailed extends Error {}

/** What an attacker holding only a rogue key can do: countersign without any policy check. */
async function forgeUnpinned(primaryPath: string, keyPath: string, policyPath: string, outPath: string): Promise<void> {
  const bytes = new Uint8Array(await readFile(primaryPath));
  const policy = await loadPolicyFile(policyPath);
  const key = await loadPrivateKeyFile(keyPath);
  const checked = await runPipeline(bytes, { policy, forCountersigning: true });
  if (!checked.primary || !checked.statement || !checked.bundle) throw new Error('demo: the primary did not verify');
  const forged = await createCountersignature({
    signer: seedSigner(key.seed, key.keyId),
    primary: checked.primary,
    stream: checked.statement.predicate.stream,
    version: checked.statement.predicate.version,
    signedAt: new Date(),
  });
  const parsed = parseBundleFile(bytes, primaryPath);
  await writeFile(outPath, serializeBundle({ ...parsed.bundle, countersignatures: [forged] }));
}
