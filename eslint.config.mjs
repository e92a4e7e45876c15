// Lint for real bugs, not for taste: prettier owns formatting.
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import layers from './eslint.layers.cjs';

const realBugs = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
  '@typescript-eslint/require-await': 'error',
  '@typescript-eslint/await-thenable': 'error',
  '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
  '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
  eqeqeq: ['error', 'always'],
};

const testFiles = ['test/**/*.ts', '**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'var/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      'apps/web/dist/**',
      'apps/web/src/routeTree.gen.ts',
      'apps/web/src/api/generated/**',
    ],
  },
  {
    files: ['**/*.ts'],
    ignores: ['apps/web/**'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      ...realBugs,
      'no-restricted-imports': ['error', { patterns: [layers.DEEP_PATH] }],
      'no-console': 'error',
    },
  },
  // the contexts' dependency order and no app importing another (eslint.layers.cjs)
  ...layers.layerConfigs(testFiles),
  {
    // tests compose the app from its parts
    files: testFiles,
    rules: { 'no-restricted-imports': 'off', 'no-console': 'off' },
  },
  {
    // the web app (its own tsconfig, found by the project service): the same real-bug rules, plus React's hooks rules
    files: ['apps/web/**/*.{ts,tsx,mts}'],
    extends: [tseslint.configs.base],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      ...realBugs,
      ...reactHooks.configs.recommended.rules,
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/libs/**', '@leadpanel/*'], message: 'The web app talks to the API over HTTP only (the generated client).' },
          ],
        },
      ],
    },
  },
);
