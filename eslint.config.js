// Lint rules, including the layer boundaries in README.md ("How it is built"): arrows point inward only.
// domain <- api <- storage <- services <- (cli, web-host, main); preload sees only the API method list;
// the renderer sees domain and api, never Node, Electron, SQLite or the server side. Figures (chart options
// built from data, and SVG drawn from them) sit beside api: pure, used by the renderer and by services.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'http',
  'crypto',
  'url',
];
const layer = (name) => ({
  group: [`**/${name}/**`, `**/${name}`],
  message: `This layer may not import ${name}.`,
});
const banned = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups }],
});
const pkgs = (names, message) => ({ group: names, message });

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.bench/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/domain/**'],
    rules: banned(
      layer('api'),
      layer('storage'),
      layer('services'),
      layer('cli'),
      layer('web-host'),
      layer('main'),
      layer('preload'),
      layer('figures'),
      layer('renderer'),
      pkgs(
        [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3', 'ag-grid-*', 'zod'],
        'The domain is pure: no I/O, UI or schema libraries.',
      ),
    ),
  },
  {
    files: ['src/api/**'],
    rules: banned(
      layer('storage'),
      layer('services'),
      layer('cli'),
      layer('web-host'),
      layer('main'),
      layer('preload'),
      layer('figures'),
      layer('renderer'),
      pkgs(
        [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3', 'ag-grid-*'],
        'The API contract is pure.',
      ),
    ),
  },
  {
    files: ['src/figures/**'],
    rules: banned(
      layer('storage'),
      layer('services'),
      layer('cli'),
      layer('web-host'),
      layer('main'),
      layer('preload'),
      layer('renderer'),
      pkgs(
        [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3', 'ag-grid-*'],
        'Figures are pure: data in, chart options and SVG out.',
      ),
    ),
  },
  {
    files: ['src/storage/**'],
    rules: banned(
      layer('api'),
      layer('services'),
      layer('cli'),
      layer('web-host'),
      layer('main'),
      layer('preload'),
      layer('figures'),
      layer('renderer'),
      pkgs(['electron', 'react', 'react-dom', 'ag-grid-*'], 'Storage runs under plain Node.'),
    ),
  },
  {
    files: ['src/services/**'],
    rules: banned(
      layer('cli'),
      layer('web-host'),
      layer('main'),
      layer('preload'),
      layer('renderer'),
      pkgs(
        ['electron', 'react', 'react-dom', 'ag-grid-*'],
        'Services run under plain Node, inside or outside Electron.',
      ),
    ),
  },
  {
    files: ['src/cli/**', 'src/web-host/**'],
    rules: banned(
      layer('main'),
      layer('preload'),
      layer('renderer'),
      pkgs(['electron', 'react', 'react-dom'], 'Runs under plain Node.'),
    ),
  },
  {
    files: ['src/main/**'],
    rules: banned(
      layer('renderer'),
      layer('preload'),
      layer('cli'),
      pkgs(['react', 'react-dom'], 'Main has no UI code.'),
    ),
  },
  {
    files: ['src/preload/**'],
    rules: banned(
      layer('domain'),
      layer('storage'),
      layer('services'),
      layer('cli'),
      layer('web-host'),
      layer('main'),
      layer('renderer'),
      pkgs([...nodeBuiltins, 'better-sqlite3', 'zod'], 'The preload exposes the typed client only.'),
    ),
  },
  {
    files: ['src/renderer/**'],
    rules: banned(
      layer('storage'),
      layer('services'),
      layer('cli'),
      layer('web-host'),
      layer('main'),
      layer('preload'),
      pkgs([...nodeBuiltins, 'electron', 'better-sqlite3'], 'The renderer talks to the API client only.'),
    ),
  },
  {
    // Raw IPC stays inside the two typed wrappers (GitHub Desktop's rule).
    files: ['src/**'],
    ignores: ['src/main/ipc-transport.ts', 'src/main/index.ts', 'src/preload/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportSpecifier[imported.name='ipcMain']:not([parent.importKind='type'])",
          message: 'Use the typed IPC transport (src/main/ipc-transport.ts).',
        },
        {
          selector: "ImportSpecifier[imported.name='ipcRenderer']",
          message: 'Only the preload touches ipcRenderer.',
        },
      ],
    },
  },
);
