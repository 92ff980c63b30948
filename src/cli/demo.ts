// `countersign demo` (`npm run demo`): the main job, end to end on the local Sigstore stack,
// in one process. Each step runs the real CLI verb, printed as the command a user would type:
// organisation B makes its key, a policy pins both organisations, organisation A builds and
// signs a release statement (keyless, through the GitHub-style OIDC endpoint), B countersigns,
// and the gate verifies. Then three rejections: no countersignature yet (pending), a
// countersignature from an unpinned key, and a tampered release file.
// Exits 0 only if all four outcomes are as expected.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseBundleFile, serializeBundle } from '../lib/bundle/countersigned-bundle.ts';
import { createCountersignature } from '../lib/countersign/create.ts';
import { loadPrivateKeyFile } from '../lib/countersign/keys.ts';
import { seedSigner } from '../lib/countersign/signer.ts';
import { loadPolicyFile } from '../lib/policy/index.ts';
import { runPipeline } from '../lib/verify/pipeline.ts';

const STREAM = 'acme/app:stable';
const WORKFLOW = 'acme/app/.github/workflows/release.yml@refs/heads/main';

type VerbModule = { run: (argv: string[]) => Promise<number> };
const verbs: Record<string, () => Promise<VerbModule>> = {
  keygen: () => import('./keygen.ts'),
  policy: () => import('./policy.ts'),
  build: () => import('./build.ts'),
  sign: () => import('./sign.ts'),
  countersign: () => import('./countersign.ts'),
  verify: () => import('./verify.ts'),
};

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log('usage: countersign demo [--keep]\n\nRuns the whole flow on a local Sigstore stack in a temporary directory (--keep leaves it).');
    return 0;
  }
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'countersign-demo-'));
  const { startStack } = await import('../../test/stack/index.ts');
  const stack = await startStack({ jobWorkflowRef: WORKFLOW, dir: join(dir, 'stack') });
  const rel = (p: string) => relative(process.cwd(), p) || '.';
  const at = (...p: string[]) => join(dir, ...p);
  const results: { name: string; ok: boolean; detail: string }[] = [];

  // The CLI verb, in-process, echoed as a command line.
  const cli = async (verb: string, ...args: string[]): Promise<number> => {
    console.log(`\n$ countersign ${verb} ${args.map((a) => (a.startsWith(dir) ? rel(a) : a)).join(' ')}`);
    const load = verbs[verb];
    if (!load) throw new Error(`demo: no verb ${verb}`);
    return (await load()).run(args);
  };
  const expect = (name: string, code: number, want: number, detail: string) => {
    results.push({ name, ok: code === want, detail: `${detail} (exit ${code}, expected ${want})` });
  };

  try {
    await writeFile(at('stack.json'), JSON.stringify(stack.description, null, 2));
    // GitHub's OIDC environment, pointed at the local stack's token endpoint.
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = stack.description.tokenUrl;
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = stack.description.requestToken;
    console.log(`local Sigstore stack on loopback: Fulcio ${stack.description.fulcioUrl}, Rekor ${stack.description.rekorUrl}, TSA ${stack.description.tsaUrl}`);
    console.log(`working directory: ${dir}`);

    console.log('\n== Organisation B makes its countersigning key; an attacker makes one too');
    await cli('keygen', '--out', at('b.key'));
    await cli('keygen', '--out', at('rogue.key'));

    console.log('\n== Both organisations pin the policy: A\'s release workflow AND B\'s key');
    await cli('policy', 'init', '--identity', `https://github.com/${WORKFLOW}`, '--issuer', stack.description.issuer,
      '--trusted-root', stack.description.trustedRoot, '--countersigner', `b-release=${at('b.key.pub')}`,
      '--organisation', 'b-release=Org B', '--stream', STREAM, '--out', at('policy.json'));
    await cli('policy', 'show', at('policy.json'));

    console.log('\n== Organisation A builds the release and its statement');
    await mkdir(at('release'));
    await writeFile(at('release', 'app-linux-amd64'), 'ELF... pretend this is a binary\n'.repeat(1000));
    await writeFile(at('release', 'app-darwin-arm64'), 'Mach-O... pretend this is a binary\n'.repeat(1000));
    await writeFile(at('release', 'SHA256SUMS'), 'see the statement\n');
    await cli('build', '--kind', 'binary-digest', '--stream', STREAM, '--version', '1', '--expires-in', '30d',
      '--base', dir, '--out', at('statement.json'), at('release'));

    console.log('\n== A signs it in CI (Sigstore keyless: OIDC token -> Fulcio certificate -> Rekor)');
    await cli('sign', at('statement.json'), '--sigstore', at('stack.json'), '--out', at('primary.sigstore.json'));

    console.log('\n== B verifies A\'s signature under its policy, then countersigns');
    await cli('countersign', at('primary.sigstore.json'), '--key', at('b.key'), '--policy', at('policy.json'), '--out', at('release.countersigned.json'));

    console.log('\n== The gate: both signatures, the statement, and every release file');
    expect('verified', await cli('verify', at('release.countersigned.json'), '--policy', at('policy.json'), '--base', dir, at('release')), 0, 'both signatures verify');

    console.log('\n== Rejection 1: the primary alone (A signed, B has not countersigned)');
    expect('pending countersign', await cli('verify', at('primary.sigstore.json'), '--policy', at('policy.json')), 1, 'pending-countersign');

    console.log('\n== Rejection 2: a countersignature from a key the policy does not pin');
    await forgeUnpinned(at('primary.sigstore.json'), at('rogue.key'), at('policy.json'), at('rogue.countersigned.json'));
    console.log('(the attacker countersigned with rogue.key, which no policy pins)');
    expect('unpinned key', await cli('verify', at('rogue.countersigned.json'), '--policy', at('policy.json')), 1, 'countersignature-unpinned-key');

    console.log('\n== Rejection 3: a release file changed after signing');
    await writeFile(at('release', 'app-linux-amd64'), 'ELF... a backdoored binary\n');
    expect('tampered file', await cli('verify', at('release.countersigned.json'), '--policy', at('policy.json'), '--base', dir, at('release')), 1, 'subject-digest');
  } finally {
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    await stack.close();
    if (!argv.includes('--keep')) await rm(dir, { recursive: true, force: true });
  }

  console.log('\n== Demo outcomes');
  for (const r of results) console.log(`  ${r.ok ? 'as expected' : 'UNEXPECTED '}  ${r.name.padEnd(20)} ${r.detail}`);
  const ok = results.length === 4 && results.every((r) => r.ok);
  console.log(`\n${ok ? 'demo passed' : 'demo FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ok ? 0 : 1;
}

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
