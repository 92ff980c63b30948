// One job's world for the action tests: the local Sigstore stack (OIDC endpoint included),
// organisation B's key and a rogue one, a policy file that pins the stack's release-workflow
// identity and B's key, a workspace with release files, the local GitHub API, and the action
// checkout. `run(actionDir, with)` runs an action as a job step of a workflow that has
// `permissions: id-token: write` (unless told otherwise).
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCountersignerKey } from '../../../src/lib/basics/crypto/ed25519-keys.ts';
import { buildPolicy } from '../../../src/lib/formats/policy/index.ts';
import { type Stack, type StackInstance, startStack } from '../../../src/stack/index.ts';
import { type ActionCheckout, prepareActionCheckout, REPO_ROOT } from './checkout.ts';
import { type GithubApi, startGithubApi } from './github-api.ts';
import { type ActionRun, type RunActionOptions, runAction } from './runner.ts';

export const STREAM = 'acme/app:stable';
export const REPOSITORY = 'acme/app';
export const GITHUB_TOKEN = 'ghs_harnessGithubToken0123456789abcdef';

export interface Fixture {
  stack: Stack;
  checkout: ActionCheckout;
  api: GithubApi;
  /** The job's workspace: release/ holds two files; policy.json, stack.json. */
  workspace: string;
  keys: {
    b: { privateKeyPem: string; publicKeyPem: string; keyId: string };
    rogue: { privateKeyPem: string; publicKeyPem: string; keyId: string };
  };
  run(
    action: '' | 'build' | 'sign' | 'countersign' | 'verify',
    withInputs: Record<string, string>,
    options?: RunOptions,
  ): Promise<ActionRun>;
  close(): Promise<void>;
}

export interface RunOptions {
  idToken?: boolean;
  ref?: string;
  secrets?: string[];
  /** The workflow run (GITHUB_RUN_ID, default 4242) and its attempt (GITHUB_RUN_ATTEMPT, default 1): a re-run is the same run id with the next attempt. */
  runId?: string;
  runAttempt?: number;
  /** More of the job's environment (e.g. SOURCE_DATE_EPOCH). */
  env?: Record<string, string>;
}

export interface FixtureOptions {
  /** Which Sigstore instance the stack imitates (default public-good; see src/stack/index.ts). */
  instance?: StackInstance;
  /**
   * Packages of the repository's node_modules the action's bundle can import at run time, as on
   * a self-hosted runner with them installed in an ancestor directory of the action's checkout
   * (e.g. `npm install --prefix "$HOME" pkcs11js`): linked into ROOT/node_modules, and the
   * checkout made under ROOT. Default none: the bundle finds no node_modules, as on a hosted runner.
   */
  nodeModules?: readonly string[];
}

export async function startFixture(options: FixtureOptions = {}): Promise<Fixture> {
  const root = await mkdtemp(join(tmpdir(), 'countersign-action-job-'));
  const workspace = join(root, 'workspace');
  await mkdir(join(workspace, 'release'), { recursive: true });
  const modules = options.nodeModules ?? [];
  if (modules.length > 0) {
    await mkdir(join(root, 'node_modules'));
    for (const name of modules) await symlink(join(REPO_ROOT, 'node_modules', name), join(root, 'node_modules', name));
  }
  const [stack, checkout, api] = await Promise.all([
    startStack({ dir: join(root, 'stack'), ...(options.instance ? { instance: options.instance } : {}) }),
    prepareActionCheckout(modules.length > 0 ? root : undefined),
    startGithubApi(GITHUB_TOKEN),
  ]);
  const keys = { b: generateCountersignerKey(), rogue: generateCountersignerKey() };
  const { readFile } = await import('node:fs/promises');
  const trustedRoot = JSON.parse(await readFile(stack.description.trustedRoot, 'utf8')) as Record<string, unknown>;
  const policy = buildPolicy({
    issuer: stack.description.issuer,
    identity: stack.description.identity,
    githubClaims: stack.sourceRepository,
    trustedRoot,
    countersigners: [{ name: 'b-release', organisation: 'Org B', publicKeyPem: keys.b.publicKeyPem }],
    threshold: 1,
    streams: [STREAM],
  });
  await writeFile(join(workspace, 'policy.json'), JSON.stringify(policy, null, 2));
  await writeFile(join(workspace, 'stack.json'), JSON.stringify(stack.description, null, 2));
  await writeFile(join(workspace, 'release', 'app-linux-amd64'), 'ELF pretend binary\n'.repeat(100));
  await writeFile(join(workspace, 'release', 'app-darwin-arm64'), 'Mach-O pretend binary\n'.repeat(100));
  let jobs = 0;

  return {
    stack,
    checkout,
    api,
    workspace,
    keys,
    run: async (action, withInputs, options = {}) => {
      const runnerTemp = join(root, `runner-temp-${jobs++}`);
      await mkdir(runnerTemp, { recursive: true });
      const env: Record<string, string> = { ...options.env };
      const runId = options.runId ?? '4242';
      const runAttempt = options.runAttempt ?? 1;
      // The run exists on GitHub from its first attempt on (GET .../actions/runs/{id}).
      api.startRunAttempt(REPOSITORY, runId, runAttempt);
      if (options.idToken !== false) {
        env.ACTIONS_ID_TOKEN_REQUEST_URL = stack.description.tokenUrl;
        env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = stack.description.requestToken;
      }
      const runOptions: RunActionOptions = {
        workspace,
        runnerTemp,
        with: withInputs,
        env,
        github: {
          token: GITHUB_TOKEN,
          repository: REPOSITORY,
          ref: options.ref ?? 'refs/heads/main',
          sha: 'a'.repeat(40),
          run_id: runId,
          run_attempt: String(runAttempt),
          server_url: 'https://github.com',
          api_url: api.url,
        },
        secrets: options.secrets ?? [],
      };
      return runAction(join(checkout.dir, action), runOptions);
    },
    close: async () => {
      await Promise.all([stack.close(), checkout.close(), api.close()]);
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The log and annotations as one text, for messages in assertions. */
export function transcript(run: ActionRun): string {
  return [...run.log, ...run.annotations.map((a) => `[${a.level}] ${a.message}`)].join('\n');
}
