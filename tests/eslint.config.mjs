// eslint.config.mjs: lint rules for every JavaScript file of the page, the tests, the benchmarks
// and the scripts (run by scripts/lint.sh from the test command). It lives in tests/ so that its
// imports resolve to tests/node_modules, the test-only dependencies.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['**/node_modules/**', 'web/gen/**', 'bench/gen/**', 'build*/**'] },
  js.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.worker, ...globals.node },
    },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-control-regex': 'off', // the page escapes control characters of untrusted URL text on purpose
    },
  },
];
