import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Which environment a folder may touch is enforced here (ARCHITECTURE.md, "Folders").
const electronOnly = { group: ['electron', 'electron-store', 'electron-updater'], message: 'Electron is imported only in main/electron/ and preload/.' };
const nodeBuiltins = { group: ['node:*'], message: 'core/ and renderer/ are pure: no Node built-ins.' };
const rendererTalksToMain = { group: ['**/main/**', '**/server/**'], message: 'The renderer talks to main only through the AppApi.' };
// The staff UI's first load (bench/ui-load.ts, budget 150 KB gzip) must not build zod's schemas.
const zodOutOfFirstLoad = {
  group: ['zod', '**/core/index.ts', '**/core/schedule.ts', '**/core/app-contract.ts', '**/core/http-contract.ts'],
  allowTypeImports: true,
  message: 'Keeps zod out of the first load: import values from core/schedule-model.ts, availability.ts or wording.ts; parseSettings arrives lazily (renderer/src/store/draft-validation.ts).',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.data/', 'test-results/', 'playwright-report/', 'server/widget/**/*.min.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a union of string literals (Node runs our .ts directly).' }],
    },
  },
  {
    files: ['core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronOnly, nodeBuiltins, { group: ['react', 'react-dom', 'zustand'], message: 'core/ has no UI.' }] }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronOnly, nodeBuiltins, rendererTalksToMain, zodOutOfFirstLoad] }],
    },
  },
  {
    // Loaded lazily (React.lazy / import()), so their schemas stay out of the first load.
    files: ['renderer/src/store/draft-validation.ts', 'renderer/src/components/ConnectionScreen.tsx', 'renderer/src/settings/PreferencesTab.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronOnly, nodeBuiltins, rendererTalksToMain] }] },
  },
  {
    files: ['server/**', 'main/app/**', 'main/preview/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronOnly] }] },
  },
  {
    files: ['server/widget/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The website widget runs in pet owners' browsers and must stay a few KB: no Node, no luxon or zod,
    // and from core/ only the zod-free wording and paths (types are free: they vanish when bundled).
    files: ['server/widget/widget.ts', 'server/widget/browser/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronOnly, { group: ['node:*'], message: 'The widget runs in browsers: no Node built-ins.' }, { group: ['luxon', 'zod', 'zod/*'], message: 'The widget bundle must stay small.' }] }],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/core/*', '!**/core/wording.ts', '!**/core/http-paths.ts'], allowTypeImports: true, message: 'Only core/wording.ts and core/http-paths.ts are bundled into the widget; import other core modules as types.' }] },
      ],
    },
  },
);
