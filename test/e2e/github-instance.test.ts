// The release path on the stack's github and rekor-v2 instances (issue 14), through the CLI
// as users run it and the client library as apps run it: organisation A signs through the
// instance's signing config and trusted root (instances as data), organisation B's service
// (`countersign serve`, a real process) countersigns, and the gate and `verifyBundle` verify.
//   github    no CT log, no SCTs, no Rekor: the primary carries only the TSA's timestamp, and
//             the policy's trusted root lists only Fulcio and the TSA;
//   rekor-v2  dsse 0.0.2 entries with C2SP checkpoints and no integrated time, the TSA's time;
//             signed after other entries, so the primary's inclusion proof has an audit path.
// Both keep the invariant: the same primary without B's countersignature is pending, and a
// tampered release file is rejected.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isVerifiedSubject, pinPolicy, verifyBundle } from '../../src/client/index.ts';
import { startStack, type Stack, type StackInstance } from '../../src/stack/index.ts';
import { startServe, type RunningServe } from '../helpers/service.ts';

const MAIN = join(import.meta.dirname, '..', '..', 'src', 'cli', 'main.ts');
const STREAM = 'acme/app:stable';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

for (const instance of ['github', 'rekor-v2'] as const satisfies readonly StackInstance[]) {
  describe(`the ${instance} instance`, () => {
    let dir: string;
    let stack: Stack;
    let serve: RunningServe | undefined;

    const at = (...p: string[]) => join(dir, ...p);
    const cli = (args: string[]): Promise<Run> =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          [MAIN, ...args],
          {
            cwd: dir,
            timeout: 60_000,
            env: {
              ...process.env,
              SIGSTORE_ID_TOKEN: '',
              ACTIONS_ID_TOKEN_REQUEST_URL: stack.description.tokenUrl,
              ACTIONS_ID_TOKEN_REQUEST_TOKEN: stack.description.requestToken,
            },
          },
          (err, stdout, stderr) => {
            resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
          },
        );
      });
    const must = async (args: string[]): Promise<Run> => {
      const run = await cli(args);
      assert.equal(run.code, 0, `countersign ${args.join(' ')}: ${run.stderr}`);
      return run;
    };
    const sign = (statement: string, out: string) =>
      must([
        'sign',
        statement,
        '--sigstore',
        stack.description.signingConfig ?? '',
        '--trusted-root',
        stack.description.trustedRoot,
        '--out',
        out,
      ]);
    const build = (version: number, out: string) =>
      must([
        'build',
        '--kind',
        'binary-digest',
        '--stream',
        STREAM,
        '--version',
        String(version),
        '--out',
        out,
        '--',
        'dist',
      ]);

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), `countersign-e2e-${instance}-`));
      stack = await startStack({ instance, dir: at('stack') });
      await mkdir(at('dist'));
      await writeFile(at('dist', 'app-linux-amd64'), 'the release binary');
      await mkdir(at('b'), { mode: 0o700 });
      await must(['keygen', '--out', at('b', 'b.key')]);
      await must([
        'policy',
        'init',
        '--identity',
        stack.description.identity,
        '--issuer',
        stack.description.issuer,
        '--source-repository-id',
        stack.sourceRepository.repositoryId,
        '--source-repository-owner-id',
        stack.sourceRepository.repositoryOwnerId,
        '--trusted-root',
        stack.description.trustedRoot,
        '--countersigner',
        `b-release=${at('b', 'b.key.pub')}`,
        '--organisation',
        'b-release=Org B',
        '--stream',
        STREAM,
        '--out',
        at('b', 'policy.json'),
      ]);
      serve = await startServe([
        '--key',
        at('b', 'b.key'),
        '--policy',
        at('b', 'policy.json'),
        '--data',
        at('b', 'data'),
        '--listen',
        '127.0.0.1:0',
      ]);
    });

    after(async () => {
      await serve?.stop();
      await stack?.close();
      await rm(dir, { recursive: true, force: true });
    });

    test(`${instance}: sign through the signing config, countersign through the service, verify by CLI and library`, async () => {
      if (instance === 'rekor-v2') {
        // Other entries first: the release's primary then sits in a tree of several leaves.
        await build(1, at('warm.statement.json'));
        for (const n of [1, 2, 3]) await sign(at('warm.statement.json'), at(`warm-${n}.sigstore.json`));
      }
      await build(7, at('statement.json'));
      await sign(at('statement.json'), at('primary.sigstore.json'));
      const primary = JSON.parse(await readFile(at('primary.sigstore.json'), 'utf8')) as {
        verificationMaterial: {
          tlogEntries?: { kindVersion: unknown; inclusionProof: { treeSize: string; hashes?: string[] } }[];
          timestampVerificationData?: { rfc3161Timestamps: unknown[] };
        };
      };
      const vm = primary.verificationMaterial;
      assert.equal(vm.timestampVerificationData?.rfc3161Timestamps.length, 1, 'the TSA gives the time');
      if (instance === 'github') {
        assert.equal(vm.tlogEntries?.length ?? 0, 0, 'no transparency log');
      } else {
        const [entry] = vm.tlogEntries ?? [];
        assert.deepEqual(entry?.kindVersion, { kind: 'dsse', version: '0.0.2' });
        assert.equal(entry?.inclusionProof.treeSize, '4');
        assert.ok((entry?.inclusionProof.hashes?.length ?? 0) > 0, 'a real audit path');
      }

      // Without B: pending, exit 1.
      const pending = await cli([
        'verify',
        '--policy',
        at('b', 'policy.json'),
        at('primary.sigstore.json'),
        '--',
        'dist',
      ]);
      assert.equal(pending.code, 1, pending.stdout + pending.stderr);
      assert.match(pending.stdout + pending.stderr, /pending/i);

      await must([
        'countersign',
        at('primary.sigstore.json'),
        '--url',
        serve?.url ?? '',
        '--out',
        at('release.countersigned.json'),
      ]);
      const verified = await cli([
        'verify',
        '--policy',
        at('b', 'policy.json'),
        '--json',
        at('release.countersigned.json'),
        '--',
        'dist',
      ]);
      assert.equal(verified.code, 0, verified.stdout + verified.stderr);
      assert.equal((JSON.parse(verified.stdout) as { outcome: string }).outcome, 'verified');

      const result = await verifyBundle({
        bundle: await readFile(at('release.countersigned.json')),
        policy: pinPolicy(await readFile(at('b', 'policy.json'))),
        state: null,
        expect: { stream: STREAM, kind: 'binary-digest' },
      });
      assert.equal(result.report.outcome, 'verified', JSON.stringify(result.report.failure));
      const binary = await readFile(at('dist', 'app-linux-amd64'));
      assert.ok(isVerifiedSubject(result, { name: 'dist/app-linux-amd64', bytes: binary }));

      await writeFile(at('dist', 'app-linux-amd64'), 'a tampered binary');
      const tampered = await cli([
        'verify',
        '--policy',
        at('b', 'policy.json'),
        at('release.countersigned.json'),
        '--',
        'dist',
      ]);
      assert.equal(tampered.code, 1);
      assert.match(tampered.stdout + tampered.stderr, /subject-digest/);
    });
  });
}
