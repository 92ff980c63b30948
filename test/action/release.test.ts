// The release workflow as it runs on GitHub (issue 14): the release is a draft
// (`gh release create --draft`, the documented example), which GitHub's
// /releases/tags/{tag} does not show; and the statement's time is the workflow run's
// creation time, the same for every attempt of the run.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { type Fixture, GITHUB_TOKEN, REPOSITORY, STREAM, startFixture, transcript } from './harness/fixture.ts';
import type { ActionRun } from './harness/runner.ts';

let f: Fixture;
before(async () => {
  f = await startFixture();
});
after(async () => {
  await f?.close();
});

const errors = (run: ActionRun) =>
  run.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n');
const releaseInputs = (extra: Record<string, string>) => ({
  kind: 'binary-digest',
  'subject-path': 'release/*',
  stream: STREAM,
  policy: 'policy.json',
  sigstore: 'stack.json',
  'countersign-key': f.keys.b.privateKeyPem,
  'upload-to-release': 'true',
  ...extra,
});
const api = async (path: string) => {
  const res = await fetch(`${f.api.url}${path}`, { headers: { authorization: `token ${GITHUB_TOKEN}` } });
  return { status: res.status, json: (await res.json()) as unknown, link: res.headers.get('link') };
};
const statementOf = async (run: ActionRun) => {
  const bundle = JSON.parse(await readFile(run.outputs['bundle-path']!, 'utf8')) as {
    primary: { dsseEnvelope: { payload: string } };
  };
  return JSON.parse(Buffer.from(bundle.primary.dsseEnvelope.payload, 'base64').toString('utf8')) as {
    predicate: { issuedAt: string; source: { workflowRun?: string } };
  };
};

test('the harness API answers as GitHub does for drafts: 404 at /releases/tags/{tag}, listed (newest first, paginated) at /releases', async () => {
  const draft = f.api.addRelease(REPOSITORY, 'v0.9.0-draft', { draft: true });
  for (let i = 0; i < 3; i++) f.api.addRelease(REPOSITORY, `v0.9.${i}`);
  assert.equal((await api(`/repos/${REPOSITORY}/releases/tags/v0.9.0-draft`)).status, 404);
  assert.equal((await api(`/repos/${REPOSITORY}/releases/tags/v0.9.1`)).status, 200);
  const first = await api(`/repos/${REPOSITORY}/releases?per_page=2&page=1`);
  assert.deepEqual(
    (first.json as { tag_name: string }[]).map((r) => r.tag_name),
    ['v0.9.2', 'v0.9.1'],
  );
  assert.match(first.link ?? '', /page=2>; rel="next"/);
  const second = await api(`/repos/${REPOSITORY}/releases?per_page=2&page=2`);
  assert.deepEqual(
    (second.json as { id: number; draft: boolean }[]).map((r) => [r.id, r.draft]),
    [
      [f.api.releases.find((r) => r.tag === 'v0.9.0')!.id, false],
      [draft.id, true],
    ],
  );
  assert.equal(second.link, null, 'the last page has no next link');
});

test('upload-to-release after `gh release create --draft`: the bundle is attached to the draft, found past the first page of releases', async () => {
  const draft = f.api.addRelease(REPOSITORY, 'v2.0.0', { draft: true });
  // 120 newer releases: the draft is on the second page of 100.
  for (let i = 0; i < 120; i++) f.api.addRelease(REPOSITORY, `v1.${i}.0`);
  const run = await f.run('', releaseInputs({ version: '20' }), { ref: 'refs/tags/v2.0.0' });
  assert.equal(run.success, true, transcript(run));
  assert.equal(run.steps.find((s) => s.id === 'upload')?.outcome, 'success');
  assert.deepEqual(
    draft.assets.map((a) => a.name),
    ['countersign.bundle.json'],
  );
  assert.deepEqual(draft.assets[0]!.data, await readFile(run.outputs['bundle-path']!));
  assert.ok(f.api.requests.includes(`GET /repos/${REPOSITORY}/releases/tags/v2.0.0`), 'asked the tag endpoint first');
  assert.ok(
    f.api.requests.includes(`GET /repos/${REPOSITORY}/releases?per_page=100&page=2`),
    'then listed the releases, drafts included, to the second page',
  );
  assert.deepEqual(run.leaks, []);

  // A consumer with push access reads the draft's asset back (release:TAG).
  const verify = await f.run(
    'verify',
    { bundle: 'release:v2.0.0', policy: 'policy.json', 'subject-path': 'release/*' },
    { idToken: false },
  );
  assert.equal(verify.outputs.outcome, 'verified', transcript(verify));
});

test('two drafts with the tag: the upload refuses to guess (release-ambiguous) and publishes nothing', async () => {
  const drafts = [
    f.api.addRelease(REPOSITORY, 'v3.0.0', { draft: true }),
    f.api.addRelease(REPOSITORY, 'v3.0.0', { draft: true }),
  ];
  const run = await f.run('', releaseInputs({ version: '30', 'bundle-path': 'v3.bundle.json' }), {
    ref: 'refs/tags/v3.0.0',
  });
  assert.equal(run.success, false);
  assert.equal(run.steps.find((s) => s.id === 'verify')?.outcome, 'success');
  assert.match(errors(run), /the release of tag v3\.0\.0 in acme\/app: found 2 releases with this tag/);
  assert.deepEqual(
    drafts.map((d) => d.assets.length),
    [0, 0],
  );
});

test('no release and no draft with the tag: the upload fails naming the tag and how to create the draft', async () => {
  const run = await f.run('', releaseInputs({ version: '40', 'bundle-path': 'v4.bundle.json' }), {
    ref: 'refs/tags/v4.0.0',
  });
  assert.equal(run.success, false);
  assert.match(
    errors(run),
    /the release of tag v4\.0\.0 in acme\/app: GitHub API answered HTTP 404 \(not found\), and no release or draft among the \d+ releases has this tag.*gh release create "\$TAG" --draft/,
  );
});

test("the statement's time is the workflow run's creation time: two attempts of one run, seconds apart, build the same statement bytes", async () => {
  const inputs = releaseInputs({ version: '50', 'upload-to-release': 'false', 'bundle-path': 'v50.bundle.json' });
  const first = await f.run('', inputs, { runId: '5000', runAttempt: 1 });
  assert.equal(first.success, true, transcript(first));
  const created = f.api.runs.find((r) => r.id === '5000')!.createdAt;
  await new Promise((resolve) => setTimeout(resolve, 1100)); // a clock-stamped statement would differ now
  const second = await f.run(
    '',
    { ...inputs, 'bundle-path': 'v50-attempt-2.bundle.json' },
    {
      runId: '5000',
      runAttempt: 2,
    },
  );
  assert.equal(second.success, true, transcript(second));
  assert.equal(second.outputs['statement-digest'], first.outputs['statement-digest'], 'identical statement bytes');
  const statement = await statementOf(second);
  assert.equal(statement.predicate.issuedAt, created.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  assert.equal(statement.predicate.source.workflowRun, `https://github.com/${REPOSITORY}/actions/runs/5000`);
  assert.ok(
    second.log.some((l) => l.includes('(the creation time of workflow run 5000)')),
    'the build step says where the time came from',
  );
  // run_started_at moved with the attempt; created_at did not.
  const run = f.api.runs.find((r) => r.id === '5000')!;
  assert.ok(run.attemptStartedAt.getTime() > run.createdAt.getTime());
});

test('SOURCE_DATE_EPOCH, when the job sets it, is the time; a malformed one fails the build step', async () => {
  const inputs = releaseInputs({ version: '60', 'upload-to-release': 'false', 'bundle-path': 'v60.bundle.json' });
  const epoch = Math.floor(Date.now() / 1000) - 3600;
  const run = await f.run('', inputs, { runId: '6000', env: { SOURCE_DATE_EPOCH: String(epoch) } });
  assert.equal(run.success, true, transcript(run));
  assert.equal(
    (await statementOf(run)).predicate.issuedAt,
    new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  );
  const bad = await f.run('', inputs, { runId: '6001', env: { SOURCE_DATE_EPOCH: '2024-01-01' } });
  assert.equal(bad.steps.find((s) => s.id === 'build')?.outcome, 'failure');
  assert.match(errors(bad), /countersign build: SOURCE_DATE_EPOCH: expected whole seconds since 1970/);
});

test('a run time the token cannot read fails the build with the fix, never a clock time', async () => {
  const run = await f.run('build', {
    kind: 'binary-digest',
    'subject-path': 'release/*',
    stream: STREAM,
    version: '70',
    'github-token': 'ghs_notTheHarnessToken0123456789',
  });
  assert.equal(run.success, false);
  assert.match(
    errors(run),
    /the creation time of workflow run 4242 of acme\/app \(the statement's time, the same on a re-run\): GitHub API answered HTTP 401; the job needs `permissions: actions: read`, or set SOURCE_DATE_EPOCH/,
  );
});
