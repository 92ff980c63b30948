// A small runner for the repository's real action.yml files, following the documented
// runner behaviour (docs.github.com: metadata syntax, composite actions, workflow commands,
// environment variables):
// - inputs: `with:` values, else the input's `default:` (expressions evaluated); a node
//   action gets every input as INPUT_<NAME> (upper case, spaces to '_', hyphens kept);
// - node24 `main`: run with Node (process.execPath, Node 24 under npm test), cwd the
//   workspace, fresh GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STEP_SUMMARY files per step;
// - composite: steps in order; `${{ }}` in `run`, `env` and `if`; `shell: bash` runs
//   `bash --noprofile --norc -eo pipefail <script>`; GITHUB_ACTION_PATH set; a failed
//   step skips the later ones unless their `if:` says always()/failure(); outputs from
//   `outputs.<name>.value`;
// - workflow commands on stdout (`::add-mask::`, `::error::`, ...) and file commands;
// - the job summary is the steps' summaries, appended.
// The masker: values the runner knows are secret (the job's secrets, the OIDC request
// token, the GitHub token) and every `::add-mask::` value. A secret that appears anywhere
// in the logs, annotations, outputs, GITHUB_ENV or the summary is recorded in `leaks`,
// whenever it was registered: a secret must be masked before anything could print it.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseCommand, parseFileCommand } from './commands.ts';
import { type ExpressionContext, type Value, evaluateIf, substitute } from './expressions.ts';

export interface RunActionOptions {
  /** The job's workspace (GITHUB_WORKSPACE, the steps' working directory). */
  workspace: string;
  /** RUNNER_TEMP (a fresh directory each job on a real runner). */
  runnerTemp: string;
  /** `with:` */
  with?: Record<string, string>;
  /** The job's environment (e.g. ACTIONS_ID_TOKEN_REQUEST_URL when id-token: write). */
  env?: Record<string, string>;
  /** github context values (token, ref, repository, ...); mirrored as GITHUB_* env. */
  github?: Record<string, string>;
  /** Values the runner masks from the start (secrets.*). */
  secrets?: string[];
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title?: string;
}

export interface StepRun {
  id: string;
  outcome: 'success' | 'failure' | 'skipped';
  outputs: Record<string, string>;
  exitCode?: number;
}

export interface ActionRun {
  success: boolean;
  outputs: Record<string, string>;
  steps: StepRun[];
  /** Log lines as the runner would show them before masking (commands removed). */
  log: string[];
  annotations: Annotation[];
  summary: string;
  masks: string[];
  /** Secrets found unmasked anywhere (must be empty). */
  leaks: string[];
}

/** action.yml as YAML reads it: a scalar may be a number or a boolean, hence String() below. */
type Scalar = string | number | boolean;
interface ActionYaml {
  inputs?: Record<string, { default?: Scalar; required?: boolean }>;
  outputs?: Record<string, { value?: Scalar }>;
  runs: {
    using: string;
    main?: string;
    steps?: { id?: string; if?: string; run?: string; shell?: string; env?: Record<string, Scalar>; uses?: string }[];
  };
}

const ENV_GITHUB: Record<string, string> = {
  ref: 'GITHUB_REF',
  repository: 'GITHUB_REPOSITORY',
  sha: 'GITHUB_SHA',
  run_id: 'GITHUB_RUN_ID',
  run_attempt: 'GITHUB_RUN_ATTEMPT',
  server_url: 'GITHUB_SERVER_URL',
  api_url: 'GITHUB_API_URL',
  workflow_ref: 'GITHUB_WORKFLOW_REF',
  event_name: 'GITHUB_EVENT_NAME',
};

export const inputEnvName = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

export async function runAction(actionDir: string, options: RunActionOptions): Promise<ActionRun> {
  const meta = parseYaml(await readFile(join(actionDir, 'action.yml'), 'utf8')) as ActionYaml;
  const run: ActionRun = {
    success: true,
    outputs: {},
    steps: [],
    log: [],
    annotations: [],
    summary: '',
    masks: [...(options.secrets ?? [])],
    leaks: [],
  };
  const github: Record<string, string> = {
    action_path: resolve(actionDir),
    workspace: options.workspace,
    ...options.github,
  };
  if (github.token) run.masks.push(github.token);
  const jobEnv: Record<string, string> = {
    PATH: `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: process.env.HOME ?? '/tmp',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    RUNNER_TEMP: options.runnerTemp,
    NO_PROXY: '127.0.0.1,localhost',
    ...Object.fromEntries(
      Object.entries(ENV_GITHUB)
        .filter(([k]) => github[k] !== undefined)
        .map(([k, v]) => [v, github[k]!]),
    ),
    ...options.env,
  };
  if (jobEnv.ACTIONS_ID_TOKEN_REQUEST_TOKEN) run.masks.push(jobEnv.ACTIONS_ID_TOKEN_REQUEST_TOKEN);

  const inputs: Record<string, string> = {};
  const base: ExpressionContext = {
    failed: false,
    lookup: (p) => lookup(p, { inputs, github, env: jobEnv, steps: {}, runnerTemp: options.runnerTemp }),
  };
  for (const [name, spec] of Object.entries(meta.inputs ?? {})) {
    inputs[name] = options.with?.[name] ?? substitute(String(spec.default ?? ''), base);
  }
  for (const name of Object.keys(options.with ?? {}))
    if (!(name in inputs)) throw new Error(`harness: unexpected input ${name} (not in action.yml)`);

  if (meta.runs.using === 'node24') {
    const env = { ...jobEnv, ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputEnvName(k), v])) };
    const step = await runProcess('main', process.execPath, [resolve(actionDir, meta.runs.main!)], env, options, run);
    run.steps.push(step);
    run.outputs = step.outputs;
    run.success = step.outcome === 'success';
  } else if (meta.runs.using === 'composite') {
    const steps: Record<string, { outputs: Record<string, string>; outcome: string }> = {};
    for (const [index, spec] of (meta.runs.steps ?? []).entries()) {
      const id = spec.id ?? `__${index}`;
      const ctx: ExpressionContext = {
        failed: !run.success,
        lookup: (p) => lookup(p, { inputs, github, env: jobEnv, steps, runnerTemp: options.runnerTemp }),
      };
      if (spec.uses)
        throw new Error(
          `harness: step ${id} uses ${spec.uses}: not supported (the composite runs its own entry points)`,
        );
      if (spec.shell !== 'bash')
        throw new Error(`harness: step ${id}: only shell: bash is supported, found ${spec.shell}`);
      if (!evaluateIf(spec.if, ctx)) {
        run.steps.push({ id, outcome: 'skipped', outputs: {} });
        steps[id] = { outputs: {}, outcome: 'skipped' };
        continue;
      }
      const env: Record<string, string> = { ...jobEnv, GITHUB_ACTION_PATH: resolve(actionDir) };
      for (const [k, v] of Object.entries(spec.env ?? {})) env[k] = substitute(String(v), ctx);
      const scriptDir = await mkdtemp(join(options.runnerTemp, 'harness-step-'));
      const script = join(scriptDir, `${id}.sh`);
      await writeFile(script, substitute(spec.run ?? '', ctx));
      const step = await runProcess(
        id,
        'bash',
        ['--noprofile', '--norc', '-eo', 'pipefail', script],
        env,
        options,
        run,
      );
      await rm(scriptDir, { recursive: true, force: true });
      run.steps.push(step);
      steps[id] = { outputs: step.outputs, outcome: step.outcome };
      if (step.outcome === 'failure') run.success = false;
    }
    const ctx: ExpressionContext = {
      failed: !run.success,
      lookup: (p) => lookup(p, { inputs, github, env: jobEnv, steps, runnerTemp: options.runnerTemp }),
    };
    for (const [name, spec] of Object.entries(meta.outputs ?? {}))
      run.outputs[name] = substitute(String(spec.value ?? ''), ctx);
  } else {
    throw new Error(`harness: runs.using ${meta.runs.using} is not supported`);
  }
  findLeaks(run);
  return run;
}

function lookup(
  path: string[],
  c: {
    inputs: Record<string, string>;
    github: Record<string, string>;
    env: Record<string, string>;
    steps: Record<string, { outputs: Record<string, string>; outcome: string }>;
    runnerTemp: string;
  },
): Value {
  const [head, ...rest] = path;
  if (head === 'inputs' && rest.length === 1) return c.inputs[rest[0]!] ?? '';
  if (head === 'github' && rest.length === 1) return c.github[rest[0]!] ?? '';
  if (head === 'env' && rest.length === 1) return c.env[rest[0]!] ?? '';
  if (head === 'runner' && rest.length === 1 && rest[0] === 'temp') return c.runnerTemp;
  if (head === 'steps' && rest.length === 3 && rest[1] === 'outputs') return c.steps[rest[0]!]?.outputs[rest[2]!] ?? '';
  if (head === 'steps' && rest.length === 2 && rest[1] === 'outcome') return c.steps[rest[0]!]?.outcome ?? '';
  throw new Error(`harness: unsupported context ${path.join('.')}`);
}

async function runProcess(
  id: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  options: RunActionOptions,
  run: ActionRun,
): Promise<StepRun> {
  const files = await mkdtemp(join(options.runnerTemp, `harness-files-${id}-`));
  const fileEnv = {
    GITHUB_OUTPUT: join(files, 'output'),
    GITHUB_ENV: join(files, 'env'),
    GITHUB_STEP_SUMMARY: join(files, 'summary'),
    GITHUB_STATE: join(files, 'state'),
    GITHUB_PATH: join(files, 'path'),
  };
  for (const f of Object.values(fileEnv)) await writeFile(f, '');
  const child = spawn(command, args, {
    cwd: options.workspace,
    env: { ...env, ...fileEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exitCode = await new Promise<number>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done(code ?? 1));
  });
  for (const line of `${stdout}${stderr}`.split(/\r?\n/)) {
    if (line === '') continue;
    const cmd = parseCommand(line);
    if (!cmd) {
      run.log.push(line);
      continue;
    }
    if (cmd.name === 'add-mask') {
      run.masks.push(cmd.data);
      continue;
    }
    if (cmd.name === 'error' || cmd.name === 'warning' || cmd.name === 'notice') {
      run.annotations.push({
        level: cmd.name,
        message: cmd.data,
        ...(cmd.properties.title ? { title: cmd.properties.title } : {}),
      });
    }
    run.log.push(cmd.name === 'debug' ? `##[debug]${cmd.data}` : line);
  }
  const outputs = parseFileCommand(await readFile(fileEnv.GITHUB_OUTPUT, 'utf8'), `${id} GITHUB_OUTPUT`);
  const exported = parseFileCommand(await readFile(fileEnv.GITHUB_ENV, 'utf8'), `${id} GITHUB_ENV`);
  run.log.push(...Object.entries(exported).map(([k, v]) => `(GITHUB_ENV) ${k}=${v}`));
  run.summary += await readFile(fileEnv.GITHUB_STEP_SUMMARY, 'utf8');
  await rm(files, { recursive: true, force: true });
  // The runner: "Process completed with exit code N." and the step fails.
  if (exitCode !== 0) run.log.push(`##[error]Process completed with exit code ${exitCode}.`);
  return { id, outcome: exitCode === 0 ? 'success' : 'failure', outputs, exitCode };
}

function findLeaks(run: ActionRun): void {
  const places = [
    ...run.log,
    ...run.annotations.map((a) => `${a.title ?? ''} ${a.message}`),
    run.summary,
    ...Object.values(run.outputs),
    ...run.steps.flatMap((s) => Object.values(s.outputs)),
  ];
  for (const secret of new Set(run.masks)) {
    if (secret.trim().length < 4) continue;
    if (places.some((p) => p.includes(secret))) run.leaks.push(secret);
  }
}
