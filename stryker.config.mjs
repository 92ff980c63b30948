// Mutation testing of the verification core (issue #6): `npm run mutation` (= `stryker run`).
// Stryker changes one thing at a time in the files below (a condition, a comparison, a
// string, a return) and runs the fast unit suites against each change; a change that no test
// notices ("survived") is a check nobody would miss. Survivors are either killed by a new
// test or explained as equivalent in spec/ATTACKS.md §Mutation testing.
//
// Stryker has no node:test runner; the TAP runner runs each test file as `node FILE` with
// node:test's TAP reporter, one file = one "test" for coverage. It spawns `node` from PATH:
// the project needs Node 24 (type stripping), so node_modules/.bin (where the `node`
// devDependency lives) goes first on PATH here, for `npx stryker run` as for `npm run`.
import { delimiter, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const bin = resolve('node_modules/.bin');
if (!(process.env.PATH ?? '').startsWith(bin + delimiter))
  process.env.PATH = `${bin}${delimiter}${process.env.PATH ?? ''}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  plugins: ['@stryker-mutator/tap-runner'],
  // The verification core: bundle parsing, policy, countersignatures, the pipeline, the state.
  mutate: [
    'src/lib/formats/bundle/bundle.ts',
    'src/lib/formats/bundle/envelope.ts',
    'src/lib/basics/json/strict-json.ts',
    'src/lib/basics/json/shape.ts',
    'src/lib/formats/statement/statement.ts',
    'src/lib/formats/core/stream.ts',
    'src/lib/checks/countersignatures/verify.ts',
    'src/lib/formats/countersignature/statement.ts',
    'src/lib/basics/crypto/ed25519.ts',
    'src/lib/basics/crypto/pae.ts',
    'src/lib/formats/policy/parse.ts',
    'src/lib/formats/policy/load.ts',
    'src/lib/formats/policy/countersigners.ts',
    'src/lib/formats/policy/identity.ts',
    'src/lib/basics/encoding/base64.ts',
    'src/lib/pipeline/run.ts',
    'src/lib/pipeline/steps/parse.ts',
    'src/lib/pipeline/steps/primary.ts',
    'src/lib/pipeline/steps/primary-identity.ts',
    'src/lib/pipeline/steps/countersignatures.ts',
    'src/lib/pipeline/steps/statement.ts',
    'src/lib/pipeline/steps/subjects.ts',
    'src/lib/formats/state/state.ts',
    'src/lib/checks/statement/rollback.ts',
    'src/lib/checks/statement/statement.ts',
    'src/lib/checks/statement/subjects.ts',
  ],
  tap: {
    // The fast suites that exercise the core (each file a few seconds at most): the unit
    // suites, the spec vectors, the invariant test, the Ed25519 vectors, the catalogue's core
    // boundaries (core-, bundle-, field-, policy-, policy-identity- and pipeline-edges) and
    // its parser attacks. Every mutant runs every file that reaches it, so each file here costs
    // its run time per surviving mutant: the other attack files (a stack each, attacking
    // mostly @sigstore/verify and the certificate, which are not mutated here, or repeating
    // what core-edges pins without a stack), the fuzz suite and the CLI suites (child
    // processes) are left out. test/lib/basics/crypto/ed25519-vectors.test.ts reads test/vectors/ed25519, which
    // the sandbox copies like the rest of the repository (ignorePatterns below leaves it in).
    testFiles: [
      'test/lib/basics/json/strict-json.test.ts',
      'test/lib/formats/statement/statement.test.ts',
      'test/lib/checks/countersignatures/countersignatures.test.ts',
      'test/lib/formats/policy/policy.test.ts',
      'test/lib/basics/crypto/keys.test.ts',
      'test/lib/pipeline/vectors.test.ts',
      'test/e2e/invariant.test.ts',
      'test/attacks/core-edges.test.ts',
      'test/attacks/parser.test.ts',
      'test/lib/basics/crypto/ed25519-vectors.test.ts',
      'test/attacks/bundle-edges.test.ts',
      'test/attacks/field-edges.test.ts',
      'test/attacks/policy-edges.test.ts',
      'test/attacks/policy-identity-edges.test.ts',
      'test/attacks/pipeline-edges.test.ts',
      // The policy's witness requirement (issue 16): parsed by policy/parse.ts and countersigners.ts.
      'test/lib/checks/log/witness-policy.test.ts',
      // Direct unit tests of single core files (mutation run 9): the exact messages, caps and
      // branches that the suites above reach only through a whole bundle, or not at all.
      'test/lib/basics/encoding/base64.test.ts',
      'test/lib/basics/json/length-limits.test.ts',
      'test/lib/basics/crypto/ed25519-fail-closed.test.ts',
      'test/lib/formats/bundle/bundle.test.ts',
      'test/lib/formats/bundle/envelope.test.ts',
      'test/lib/formats/policy/identity-pattern.test.ts',
      'test/lib/formats/policy/load.test.ts',
      'test/lib/formats/policy/witness-keys.test.ts',
      'test/lib/checks/countersignatures/log-witnesses.test.ts',
      'test/lib/pipeline/run.test.ts',
      'test/lib/pipeline/steps.test.ts',
    ],
    nodeArgs: ['--test-reporter=tap', '-r', '{{hookFile}}', '{{testFile}}'],
    forceBail: true,
  },
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 2,
  timeoutMS: 20_000,
  timeoutFactor: 2,
  // Work outside the repository so that `eslint .` and editors never see the sandbox copies.
  tempDirName: join(tmpdir(), 'countersign-stryker'),
  cleanTempDir: 'always',
  ignorePatterns: ['dist', 'reports', 'coverage', 'examples', 'bench', '.git', '*.log'],
  checkers: [],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: null },
};
