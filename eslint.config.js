// Lint rules: the TypeScript-aware recommended set, plus one architectural rule:
// the platform-free core (src/core) must never import a chat platform SDK.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['botbuilder*', '@slack/*', '@microsoft/*', '**/adapters/**'],
              message: 'The core is platform-free: platform SDKs belong in src/adapters/<platform>/.',
            },
          ],
        },
      ],
    },
  },
  {
    // No silent catch: a catch block with nothing in it but a comment still loses the error
    // (ESLint's no-empty accepts a comment). test/architecture/operations.test.ts also
    // requires a comment where a catch does not bind the error at all.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CatchClause > BlockStatement[body.length=0]',
          message:
            'No silent catch: log it (with level and context), rethrow it, or return a meaningful result.',
        },
        {
          selector:
            "CallExpression[callee.property.name='catch'] > ArrowFunctionExpression.arguments[body.type='BlockStatement'][body.body.length=0]",
          message: 'No silent .catch(() => {}): log the error, or say in code what it means.',
        },
      ],
    },
  },
  {
    // Tests break JSON content on purpose; typing every mutation would hide what they change.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
