// Lint, and the architecture's layering rules: shared/ is pure (no electron, react or Node built-ins),
// renderer/ never reaches into electron/, and electron/core/ never imports electron.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // A promise nobody awaits is a step that may run after the next one, or an error nobody sees: in a tool
    // that must journal each action before taking the next, that is a bug, so it is a lint error.
    files: ['**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ is loaded by every side: no electron.' },
            { name: 'react', message: 'shared/ is loaded by every side: no react.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs in the renderer too: no Node built-ins.' })),
          ],
          patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing else in the repo.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to the core only through the contract client.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs sandboxed: no Node built-ins.' })),
          ],
          patterns: [
            { group: ['**/electron/**'], message: 'The renderer talks to the core only through the contract client (shared/rpc).' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'electron/core is plain Node: Electron APIs belong in electron/main.ts or electron/preload.ts.' },
          ],
          patterns: [
            { group: ['**/renderer/**'], message: 'The core never depends on the renderer.' },
            { group: ['**/gateway/**', '**/cli/**', '../main', '../preload'], message: 'The core never depends on a door.' },
          ],
        },
      ],
    },
  },
  {
    // The Windows knowledge both backends render through is pure: it reads no file, starts no process.
    files: ['electron/core/windows-tools/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'windows-tools/ is I/O-free: the backends do the I/O and pass what it needs.',
          })),
          patterns: [
            { group: ['**/backends/**'], message: 'windows-tools/ serves the backends; it never depends on one.' },
            { group: ['**/renderer/**', '**/gateway/**', '**/cli/**'], message: 'The core never depends on the renderer or a door.' },
          ],
        },
      ],
    },
  },
  {
    // The Lab previews Windows commands through windows-tools/, never by reaching into the Windows backend.
    files: ['electron/core/backends/lab/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/core is plain Node.' }],
          patterns: [
            {
              group: ['**/backends/windows/**', '../windows/**'],
              message: 'The Lab renders Windows commands through electron/core/windows-tools, not the Windows backend.',
            },
            { group: ['**/renderer/**', '**/gateway/**', '**/cli/**'], message: 'The core never depends on the renderer or a door.' },
          ],
        },
      ],
    },
  },
  {
    // The CLI is a door like the others: it reaches the core through the contract (shared/) on a client the
    // composition root hands it (electron/core/app.ts), after opening a backend and a data directory. It may
    // start the gateway (`shadowswap serve` is the browser door on this machine). It never reaches into the
    // core's internals (the recovery engine, the Lab, the Windows tools), so what it does, the console can too.
    files: ['electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The CLI is plain Node: it runs in the shadowswap executable too.' }],
          patterns: [
            {
              // Any module of the core but these three (a regex: a gitignore-style group cannot re-allow a file
              // whose folder it forbids).
              regex: '(^|/)core/(?!(app|backends/open-backend|storage/data-dir)$)',
              message:
                'The CLI calls the core through the contract: add a method in shared/ and its handler in the core, then client.invoke it (see electron/cli/command.ts).',
            },
            { group: ['**/gateway/**', '!**/gateway/server'], message: 'The CLI starts the gateway (serve); it uses nothing else of it.' },
            { group: ['**/renderer/**'], message: 'The CLI never depends on the renderer.' },
          ],
        },
      ],
    },
  },
);
