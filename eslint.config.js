// `npm run lint` (also a step of `npm test`): the recommended rules of ESLint and
// typescript-eslint on every source file, with the few choices below.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.tmp/**', 'packages/server/drizzle/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `const { id: _id, ...rest } = row` drops a field on purpose; a leading _ says so.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // Scripts run by Node itself (the CLI launcher, the test runner).
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], languageOptions: { globals: globals.node } },
  // The service worker of the public form runs in the browser's worker scope.
  { files: ['packages/web/public/**/*.js'], languageOptions: { globals: globals.serviceworker } },
  // Tests read JSON answers of every shape; typing each one would only restate the API schema.
  { files: ['**/*.test.ts', 'packages/server/src/testing/**', 'e2e/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
