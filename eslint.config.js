import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Which environment a file may touch, enforced by folder (ARCHITECTURE.md, "Folders").
const electronOnly = {
  group: ['electron', 'electron-store', 'electron-updater'],
  allowTypeImports: true,
  message: 'Electron is imported only by the adapter files (main/**/*.electron.ts), main/index.ts and preload/.',
};
const nodeBuiltins = { group: ['node:*', ...builtinModules], message: 'No Node built-ins here: this code also runs in browsers.' };
const noUi = { group: ['react', 'react-dom', 'zustand'], message: 'core/ has no UI.' };
const pureCore = { group: ['**/main/**', '**/server/**', '**/renderer/**', '**/preload/**'], message: 'core/ is used by every part and imports none of them.' };
const rendererTalksToMain = { group: ['**/main/**', '**/server/**'], message: 'The renderer talks to main only through the AppApi.' };
const serverStandsAlone = { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'The server shares only core/ with the app.' };
// zod and its schemas (core/schemas/) stay out of the staff UI's first load and the website widget:
// types are free (they vanish when bundled); values come in lazily loaded modules (*.lazy.ts[x]).
const schemasAsTypes = {
  group: ['zod', 'zod/*', '**/core/schemas/*'],
  allowTypeImports: true,
  message: 'Import core/schemas/ as types only here; values belong in a lazily loaded *.lazy.ts(x) module. The zod-free rules are in core/*.ts.',
};
const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

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
  { files: ['core/schemas/**'], rules: restrict(electronOnly, nodeBuiltins, noUi, pureCore) },
  { files: ['core/*.ts'], rules: restrict(electronOnly, nodeBuiltins, noUi, pureCore, schemasAsTypes) },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(electronOnly, nodeBuiltins, rendererTalksToMain, schemasAsTypes),
  },
  { files: ['renderer/**/*.lazy.ts', 'renderer/**/*.lazy.tsx'], rules: restrict(electronOnly, nodeBuiltins, rendererTalksToMain) },
  { files: ['main/**', 'bench/**', 'scripts/**'], ignores: ['main/**/*.electron.ts', 'main/index.ts'], rules: restrict(electronOnly) },
  { files: ['server/**'], rules: restrict(electronOnly, serverStandsAlone) },
  { files: ['server/widget/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  {
    // The website widget runs in pet owners' browsers and must stay a few KB: no Node, no luxon or zod,
    // and from core/ only the zod-free wording and paths (types are free: they vanish when bundled).
    files: ['server/widget/widget.ts', 'server/widget/browser/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      electronOnly,
      serverStandsAlone,
      nodeBuiltins,
      { group: ['luxon', 'zod', 'zod/*'], message: 'The widget bundle must stay small.' },
      { group: ['**/core/*', '**/core/schemas/*', '!**/core/wording.ts', '!**/core/http-paths.ts'], allowTypeImports: true, message: 'Only core/wording.ts and core/http-paths.ts are bundled into the widget; import other core modules as types.' },
    ),
  },
);
