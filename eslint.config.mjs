// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/**
 * Import boundaries (STYLE.md): apps never import apps; a context library imports only
 * contracts, messaging, platform and web; the shared libraries never import a context.
 */
const CONTEXTS = ['identity', 'catalogue', 'enrolment', 'notification'];
const SHARED = ['platform', 'contracts', 'messaging', 'web'];

// Relative paths stay inside a library: three levels up from libs/x/src/feature/ leaves it, and so does
// ../../<lib>/src from a file directly in src/.
const relativeEscape = (what) => ({
  group: ['../../../*', '../../*/src', '../../*/src/**', '**/libs/**', '**/apps/**'],
  message: `${what} reaches other libraries only through their @academy/* entry point.`,
});

function restrict(forbidden, message, extra = []) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: forbidden.flatMap((name) => [`@academy/${name}`, `@academy/${name}/*`]), message },
          ...extra,
        ],
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'bench/**',
      'docker/**',
      'scripts/**',
      'test/fixtures/**',
      '**/*.mjs',
      '**/*.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='forwardRef']",
          message: 'No forwardRef: untangle the modules instead.',
        },
      ],
    },
  },
  // Shared libraries never depend on a context.
  ...SHARED.map((lib) => ({
    files: [`libs/${lib}/**/*.ts`],
    rules: restrict(
      [...CONTEXTS, ...(lib === 'contracts' ? SHARED.filter((s) => s !== 'contracts') : [])],
      `libs/${lib} is shared: it must not import a context library.`,
      [relativeEscape(`libs/${lib}`)],
    ),
  })),
  // A context imports only contracts, messaging, platform and web — never another context.
  ...CONTEXTS.map((ctx) => ({
    files: [`libs/${ctx}/**/*.ts`],
    rules: restrict(
      CONTEXTS.filter((c) => c !== ctx),
      `libs/${ctx} is a bounded context: learn about others from @academy/contracts events, never their code.`,
      [relativeEscape(`libs/${ctx}`)],
    ),
  })),
  // Apps compose libraries; they never import another app.
  {
    files: ['apps/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../../*', '**/apps/**'], message: 'An app never imports another app.' }] },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', '**/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  prettier,
);
