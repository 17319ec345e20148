// The house rules (`npm run lint`): typescript-eslint strict and type-aware, Lit's template rules and the
// custom-element rules. Run from the repo root; this file lives beside the TypeScript 5 that typescript-eslint needs.
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'demo/public/**',
      'test/consumers/.cache/**',
      // Scratch installs of the consumer suite (the Next.js app and its build live here) and of the packaging test.
      '.tmp/**',
      'tools/lint/**',
      // Consumer apps compile against the packed packages (installed from tarballs), not the workspace: their own
      // toolchains check them in `npm run test:consumers` (tsc with skipLibCheck off, the framework's compiler).
      'examples/**',
      'test/consumers/apps/**',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    rules: {
      // node:test's describe() and it() return promises that the runner itself awaits.
      // chai's `equal` is synchronous, but @open-wc/semantic-dom-diff's typings (for its dom diffs) declare it as
      // returning Promise<Assertion>, so every `expect(x).to.equal(y)` would look like a floating promise. The one
      // real promise of the chain, chai-a11y-axe's `.accessible()`, is a method of Assertion and still must be awaited.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test'] },
            { from: 'package', package: 'chai', name: 'Equal' },
          ],
        },
      ],
      '@typescript-eslint/no-non-null-assertion': 'error',
      // Numbers read naturally in messages ("At most ${MAX} addresses"); other types still need a String().
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // chai's property assertions (`expect(x).to.be.true`, `.to.exist`) are expressions by design.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/recommended']],
  },
);
