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
