// ESLint (flat config), run by `npm run lint` and `npm test`: the recommended JavaScript and
// TypeScript rules, React's two hook rules, and the layering of the folders
// (docs/architecture.md) — which folder may import which — enforced by eslint-plugin-boundaries.
// lint-fixtures/ holds deliberate violations; scripts/lint.test.ts proves each one fails.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Each folder and what else of ours it may import. Anything not listed is refused. */
export const LAYERS = {
  shared: [],
  core: ['shared'],
  main: ['shared', 'core'],
  preload: ['shared'],
  renderer: ['shared'],
  // Benchmarks and browser tests drive the real thing; nothing in src imports them.
  bench: ['shared', 'core', 'main', 'renderer', 'e2e'],
  e2e: ['shared', 'core', 'main', 'renderer'],
  scripts: ['shared', 'core'],
};

/** Outside packages a folder must not use: Electron only in main and preload; Node's own modules not in the sandboxed renderer or in shared (which the renderer loads). */
const ELECTRON = { name: 'electron', message: 'Electron belongs to src/main and src/preload only.' };
const NODE_BUILTINS = { group: ['node:*'], message: 'src/shared and src/renderer run in the browser too: no Node modules.' };

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', 'test-results/**', 'playwright-report/**', 'lint-fixtures/**'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // Errors are often rewritten on purpose into one readable line for an operator (the field,
      // the file, the source); attaching the original is welcome but not required.
      'preserve-caught-error': 'off',
      // A leading underscore says "unused on purpose" (a skipped tuple slot, a dropped field).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'bench/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
      'boundaries/elements': Object.keys(LAYERS).map((type) => ({
        type,
        pattern: ['shared', 'core', 'main', 'preload', 'renderer'].includes(type) ? `src/${type}` : type,
        partialMatch: false,
      })),
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: Object.entries(LAYERS).map(([from, to]) => ({
            from: { element: { type: from } },
            allow: { to: { element: { types: { anyOf: [from, ...to] } } } },
          })),
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts', 'src/core/**/*.ts', 'src/renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON] }] },
  },
  {
    files: ['src/shared/**/*.ts', 'src/renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [ELECTRON], patterns: [NODE_BUILTINS] }] },
  },
);
