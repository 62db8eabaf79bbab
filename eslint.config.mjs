// Where code runs is visible from its folder, and these rules enforce it.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'zlib', 'stream', 'url', 'util', 'events', 'buffer', 'worker_threads']
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
})

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'screenshots/**', 'test-results/**', 'playwright-report/**', '.ci/reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: restrict(['electron', 'react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'undici', 'keytar', ...nodeBuiltins, '**/main/**', '**/renderer/**', '**/preload/**', '**/simulator/**'],
      'src/shared is pure TypeScript shared by every side: no electron, node, react or DOM.'),
  },
  {
    // Tests of shared code run in Node and may read fixtures.
    files: ['src/shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The app is not built with the React Compiler; this rule only concerns its memoisation.
      'react-hooks/incompatible-library': 'off',
      ...restrict(['electron', 'keytar', 'undici', ...nodeBuiltins, '**/main/**', '**/preload/**', '**/simulator/**'],
        'The renderer talks to main only through window.api (src/renderer/src/api.ts).'),
    },
  },
  {
    // Component tests run the real main services in the same process.
    files: ['src/renderer/**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!electron$|\\.\\./shared/(contract/|errors$)).*', message: 'The preload imports only electron and the contract.' }] }],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only the composition root (src/main/index.ts) imports electron at runtime; use `import type` elsewhere.', allowTypeImports: true }] }],
      ...restrict(['**/renderer/**', '**/preload/**'], 'Main does not import renderer or preload code.'),
    },
  },
  {
    files: ['src/simulator/**/*.ts'],
    rules: restrict(['electron', 'electron/*', '**/renderer/**', '**/preload/**'], 'The simulator is a plain Node server.'),
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Command-line programs talk on stdout.
    files: ['scripts/**', '.ci/**', 'bench/**', 'tests/harness/screenshots.ts', 'src/cli/**', 'src/simulator/cli.ts'],
    rules: { 'no-console': 'off' },
  },
)
