// One lint set-up for the whole tree: typescript-eslint's recommended rules, plus the
// project's import rules (docs/design.md §7): the library (src/lib, src/client) and the local
// Sigstore stack (src/stack) never import @actions/*, and nothing under src/ imports test/,
// tools/, bench/ or scripts/ (statically or with import()). test/repo/architecture.test.ts checks
// the same and the floors of src/lib (no import to a higher floor, no folder cycle).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// A specifier that names one of the development folders: src/ ships, they do not.
const DEV_DIRS = '/(^|\\/)(test|tools|bench|scripts)\\//';
const NOT_DEV = { regex: '(^|/)(test|tools|bench|scripts)/', message: 'src/ never imports test/, tools/, bench/ or scripts/ (docs/design.md §7).' };

export default tseslint.config(
  { ignores: ['dist/', 'packages/*/dist/', 'node_modules/', 'spec/vectors/', 'test/vectors/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', fetch: 'readonly', AbortSignal: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NOT_DEV] }],
      'no-restricted-syntax': ['error', { selector: `ImportExpression[source.value=${DEV_DIRS}]`, message: NOT_DEV.message }],
    },
  },
  {
    files: ['src/lib/**/*.ts', 'src/client/**/*.ts', 'src/stack/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@actions/*'], message: 'The library and the stack never import @actions/* (docs/design.md §7).' }, NOT_DEV] }],
    },
  },
  {
    // The pipeline's checks return what later checks need (docs/design.md §4): a value the
    // types say may be absent is narrowed, never asserted present.
    files: ['src/lib/pipeline/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
);
