// One lint set-up for the whole tree: typescript-eslint's strict, type-checked rules (the
// type information comes from tsconfig.json through the project service), plus the
// project's import rules (docs/design.md §7): the library (src/lib, src/client) and the local
// Sigstore stack (src/stack) never import @actions/*, and nothing under src/ imports test/,
// tools/, bench/ or scripts/ (statically or with import()). test/repo/architecture.test.ts checks
// the same and the floors of src/lib (no import to a higher floor, no folder cycle).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// A specifier that names one of the development folders: src/ ships, they do not.
const DEV_DIRS = '/(^|\\/)(test|tools|bench|scripts)\\//';
const NOT_DEV = {
  regex: '(^|/)(test|tools|bench|scripts)/',
  message: 'src/ never imports test/, tools/, bench/ or scripts/ (docs/design.md §7).',
};

export default tseslint.config(
  { ignores: ['dist/', 'packages/*/dist/', 'node_modules/', 'spec/vectors/', 'test/vectors/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: {
        console: 'readonly',
        process: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Messages interpolate numbers, booleans and error codes freely (as tuf-js and actions/attest allow).
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    // Plain JavaScript (scripts/npm-node-notice.mjs, stryker.config.mjs, this file) is outside tsconfig.json.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tests only (src/, scripts/, bench/ and tools/ get no relaxation): where a strict rule
    // fights node:test's idioms or a test's way of reading data.
    files: ['test/**/*.ts'],
    rules: {
      // test(), describe(), it() and suite() return promises that node:test itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
      // A fixture or a parsed value the test just made is known present; if not, the test fails (as it should).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests read and edit parsed JSON (bundles, reports, vectors) as JSON.parse gives it (any), to tamper with any field.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Tests check at run time what the types promise: after() closes what before() may not have made,
      // and assertions read with ?. so that a regression fails the assertion instead of throwing a TypeError.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // assert.throws(() => check(...)): node:assert's idiom, whatever check returns.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NOT_DEV] }],
      'no-restricted-syntax': [
        'error',
        { selector: `ImportExpression[source.value=${DEV_DIRS}]`, message: NOT_DEV.message },
      ],
    },
  },
  {
    files: ['src/lib/**/*.ts', 'src/client/**/*.ts', 'src/stack/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@actions/*'],
              message: 'The library and the stack never import @actions/* (docs/design.md §7).',
            },
            NOT_DEV,
          ],
        },
      ],
    },
  },
  {
    // The pipeline's checks return what later checks need (docs/design.md §4): a value the
    // types say may be absent is narrowed, never asserted present. (strictTypeChecked has the
    // rule on everywhere; named here so that no later relaxation reaches the pipeline.)
    files: ['src/lib/pipeline/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
);
