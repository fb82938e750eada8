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
const sqliteOutsideStorage = pkgs(
  ['better-sqlite3'],
  'SQL lives in src/storage: call a storage function; take the connection type from src/storage/project-db.',
);

// Raw IPC stays inside the two typed wrappers (GitHub Desktop's rule).
const IPC_WRAPPERS = ['src/main/ipc-transport.ts', 'src/main/index.ts', 'src/preload/**'];
const IPC_SELECTORS = [
  {
    selector: "ImportSpecifier[imported.name='ipcMain']:not([parent.importKind='type'])",
    message: 'Use the typed IPC transport (src/main/ipc-transport.ts).',
  },
  {
    selector: "ImportSpecifier[imported.name='ipcRenderer']",
    message: 'Only the preload touches ipcRenderer.',
  },
];

// SQL lives in src/storage only. Lint runs without type information (type-aware linting of the whole
// repository costs minutes on the shared machine), so a call on a connection is recognised by its shape:
// - `.pragma(...)` on anything: only better-sqlite3 has it;
// - `.prepare(...)` / `.exec(...)` on a receiver named db, database, connection or sqlite (`db.exec`,
//   `this.db.prepare`, `project.db.prepare`): how every connection in this codebase is named, and never
//   how a RegExp is (RegExp#exec calls are on NAME, ISO_DATE, /.../), nor ImportSources.prepare;
// - `.prepare(...)` whose first argument is written text, whatever the receiver's name;
// - SQL text itself: a string or template literal that starts with an upper-case SQL statement keyword.
// db.transaction() stays allowed: a service may wrap several storage calls in one transaction.
const CONNECTION = '/^(db|database|connection|sqlite)$/i';
const SQL_MESSAGE = 'SQL lives in src/storage: move this into a storage function and call that.';
const SQL_TEXT =
  '/^\\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|WITH|BEGIN|COMMIT|ROLLBACK|VACUUM|ATTACH)\\s/';
const SQL_SELECTORS = [
  { selector: "CallExpression[callee.property.name='pragma']", message: SQL_MESSAGE },
  {
    selector: `CallExpression[callee.property.name=/^(prepare|exec)$/][callee.object.name=${CONNECTION}]`,
    message: SQL_MESSAGE,
  },
  {
    selector: `CallExpression[callee.property.name=/^(prepare|exec)$/][callee.object.property.name=${CONNECTION}]`,
    message: SQL_MESSAGE,
  },
  {
    selector:
      "CallExpression[callee.property.name='prepare'][arguments.0.type=/^(Literal|TemplateLiteral)$/]",
    message: SQL_MESSAGE,
  },
  { selector: `Literal[value=${SQL_TEXT}]`, message: SQL_MESSAGE },
  { selector: `TemplateLiteral > TemplateElement:first-child[value.raw=${SQL_TEXT}]`, message: SQL_MESSAGE },
];

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
      sqliteOutsideStorage,
    ),
  },
  {
    files: ['src/cli/**', 'src/web-host/**'],
    rules: banned(
      layer('main'),
      layer('preload'),
      layer('renderer'),
      pkgs(['electron', 'react', 'react-dom'], 'Runs under plain Node.'),
      sqliteOutsideStorage,
    ),
  },
  {
    files: ['src/main/**'],
    rules: banned(
      layer('renderer'),
      layer('preload'),
      layer('cli'),
      pkgs(['react', 'react-dom'], 'Main has no UI code.'),
      sqliteOutsideStorage,
    ),
  },
  {
    // The main process keeps windows, menus and dialogs; projects (SQLite, the router, the handlers)
    // live in the project hosts it starts, so a long call never blocks a window.
    files: ['src/main/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'better-sqlite3',
                '**/storage/project-db',
                '**/services/api/*',
                '**/services/system/locked-project',
                '**/services/desktop/desktop-actions',
                '**/services/host/project-host',
                '**/services/host/project-host-entry',
              ],
              allowTypeImports: true,
              message: 'The main process opens no project: its project host (src/services/host) does.',
            },
          ],
        },
      ],
    },
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
    // Raw IPC stays inside the two typed wrappers (GitHub Desktop's rule), and SQL inside src/storage.
    files: ['src/**'],
    ignores: ['src/storage/**', ...IPC_WRAPPERS],
    rules: { 'no-restricted-syntax': ['error', ...IPC_SELECTORS, ...SQL_SELECTORS] },
  },
  {
    files: IPC_WRAPPERS,
    rules: { 'no-restricted-syntax': ['error', ...SQL_SELECTORS] },
  },
  {
    files: ['src/storage/**'],
    rules: { 'no-restricted-syntax': ['error', ...IPC_SELECTORS] },
  },
);
