import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The skill's layers, lowest first: a folder of lambda/ imports only from itself and the folders
 * before it, so dependencies run one way (routines → conversation → turn → handlers → skill).
 * The pure layers, up to and including conversation, never import ask-sdk.
 */
const LAYERS = [
  'routines',
  'speech',
  'display',
  'safety',
  'faq',
  'state',
  'conversation',
  'persistence',
  'reminders',
  'turn',
  'handlers',
];
const PURE = LAYERS.slice(0, LAYERS.indexOf('conversation') + 1);
const ASK_SDK = ['ask-sdk-core', 'ask-sdk-runtime', 'ask-sdk-model', 'ask-sdk-express-adapter'];

/** Conversation moves word the reminder answers, so they may read the reminders' pure time logic. */
const ALLOWED_UPWARDS = { conversation: ['!../reminders/schedule'] };

const layerRules = LAYERS.map((layer, index) => ({
  files: [`lambda/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: [
              ...LAYERS.slice(index + 1).map((higher) => `../${higher}/*`),
              ...(ALLOWED_UPWARDS[layer] ?? []),
              '../skill',
              '../index',
              '../local/*',
            ],
            message: `lambda/${layer}/ sits below that folder: dependencies run one way (see docs/architecture.md).`,
          },
          ...(PURE.includes(layer)
            ? [
                {
                  group: ASK_SDK,
                  message: `lambda/${layer}/ is pure conversation logic: no ask-sdk imports.`,
                },
              ]
            : []),
        ],
      },
    ],
  },
}));

const entryRules = {
  files: ['lambda/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: ['./local/*'], message: 'The skill never imports the local hosts and tools.' }] },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '*.config.js', '*.config.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  ...layerRules,
  entryRules,
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        process: 'readonly',
        console: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        module: 'writable',
        require: 'readonly',
        __filename: 'readonly',
      },
    },
  },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
